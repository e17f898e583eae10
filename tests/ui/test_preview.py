"""The preview: rendered in its own thread, newest render wins, links and the browser page."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QThread, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from smtpeter_desktop.compose import render
from tests.ui.message_fixture import shown_messages  # noqa: F401
from tests.ui.show_compose import BODY

from smtpeter_desktop.ui.preview import IMAGE_WIDTH, PreviewPane, PreviewSource, _Result


class Source:
    """What the preview renders; a test sets ``text`` as a user would type it."""

    def __init__(self, base_dir: Path | None = None) -> None:
        self.text = ""
        self.base_dir = base_dir

    def __call__(self) -> PreviewSource:
        return PreviewSource(self.text, self.base_dir, "Title")


@pytest.fixture
def source(tmp_path: Path) -> Source:
    return Source(tmp_path)


@pytest.fixture
def preview(qtbot, source: Source) -> Iterator[PreviewPane]:
    widget = PreviewPane(source)
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    yield widget
    widget.shutdown()


def test_preview_follows_the_text_after_a_pause(preview: PreviewPane, source, qtbot) -> None:
    source.text = "# Hello\n\nThe **first** version."
    preview.schedule()
    qtbot.waitUntil(lambda: "first version" in preview.browser.toPlainText(), timeout=3000)
    source.text = "# Hello\n\nThe **second** version."
    preview.schedule()
    preview.schedule()  # a burst of keystrokes is one render
    qtbot.waitUntil(lambda: "second version" in preview.browser.toPlainText(), timeout=3000)
    rendered = preview.rendered()
    assert rendered is not None
    assert "<strong" in rendered.html and "second" in rendered.html


def test_rendering_happens_off_the_gui_thread(preview: PreviewPane, qtbot) -> None:
    qtbot.waitUntil(preview.is_running, timeout=2000)
    assert preview._renderer.thread() is not QThread.currentThread()
    assert preview._renderer.thread() is preview._thread


def test_a_stale_render_never_replaces_a_newer_one(preview: PreviewPane, source, qtbot) -> None:
    shown: list[int] = []
    preview.updated.connect(shown.append)
    source.text = BODY * 150  # slow to render: about 100 KB
    slow = preview.render_now()
    source.text = "quick and new"
    quick = preview.render_now()
    qtbot.waitUntil(lambda: quick in shown, timeout=10_000)
    assert slow not in shown
    assert preview.browser.toPlainText().strip() == "quick and new"
    # And a late result of an old request, however it arrives, is dropped.
    stale = _Result(slow, render.render("old"), None)
    preview._on_finished(stale)
    assert preview.shown_seq() == quick
    assert preview.browser.toPlainText().strip() == "quick and new"


def test_the_renderer_starts_once_the_loop_turns_and_renders_what_was_asked(qtbot, source) -> None:
    # A window builds its panes in one turn of the loop and is ready before the renderer
    # loads (issue 17); a render asked for meanwhile waits for the thread, not lost.
    widget = PreviewPane(source)
    qtbot.addWidget(widget)
    source.text = "asked before the thread ran"
    widget.render_now()
    assert not widget.is_running()
    qtbot.waitUntil(
        lambda: "asked before" in widget.browser.toPlainText() and not widget.is_busy(),
        timeout=3000,
    )
    assert widget.is_running()
    widget.shutdown()


def test_closed_before_the_loop_turns_the_thread_never_starts(qtbot, source) -> None:
    widget = PreviewPane(source)
    qtbot.addWidget(widget)
    widget.render_now()
    widget.close()
    qtbot.wait(50)
    assert not widget.is_running()


def test_the_thread_stops_on_close(qtbot, source) -> None:
    widget = PreviewPane(source)
    qtbot.addWidget(widget)
    qtbot.waitUntil(widget.is_running, timeout=2000)
    source.text = BODY * 50
    widget.render_now()  # busy when closed: close waits for the render to end
    widget.close()
    assert not widget.is_running()
    widget.shutdown()  # twice is harmless
    source.text = "after"
    widget.schedule()
    widget.render_now()
    assert not widget.is_running()


def test_the_thread_stops_when_the_pane_is_deleted_unclosed(qtbot, source) -> None:
    holder = QWidget()
    widget = PreviewPane(source, holder)
    thread = widget._thread
    qtbot.waitUntil(widget.is_running, timeout=2000)
    source.text = BODY * 20
    widget.render_now()
    with qtbot.waitSignal(holder.destroyed, timeout=2000):
        holder.deleteLater()
    assert thread.isFinished()


def test_turned_off_it_hides_and_renders_nothing(preview: PreviewPane, source, qtbot) -> None:
    preview.show()
    preview.set_enabled_preview(False)
    assert preview.isHidden()
    source.text = "not shown"
    preview.schedule()
    assert not preview._timer.isActive()
    preview.set_enabled_preview(True)
    qtbot.waitUntil(lambda: "not shown" in preview.browser.toPlainText(), timeout=3000)


def test_links_open_in_the_system_browser_only(preview: PreviewPane, opened_urls) -> None:
    preview.browser.anchorClicked.emit(QUrl("https://www.smtpeter.com/"))
    preview.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    preview.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened_urls == [QUrl("https://www.smtpeter.com/")]
    assert not preview.browser.openLinks()


def test_open_in_browser_writes_a_private_page(preview, source, opened_urls, qtbot) -> None:
    source.text = "# For the browser"
    preview.open_in_browser()
    qtbot.waitUntil(lambda: len(opened_urls) == 1, timeout=3000)
    page = Path(opened_urls[0].toLocalFile())
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    assert stat.S_IMODE(page.parent.stat().st_mode) == 0o700
    sent = render.render("# For the browser", base_dir=source.base_dir, title="Title")
    assert page.read_text(encoding="utf-8") == sent.preview_html(), "the exact HTML sent"
    assert preview.rendered() == sent, "the preview shows the exact HTML sent too"
    assert "script-src 'none'" in page.read_text(encoding="utf-8")
    # The page goes when the preview does.
    preview.shutdown()
    assert not page.exists()


def test_local_images_show_and_missing_ones_are_named(preview, source, files, qtbot) -> None:
    source.base_dir = files["png"].parent
    source.text = "![logo](logo.png) ![gone](gone.png)"
    preview.render_now()
    qtbot.waitUntil(lambda: preview.rendered() is not None, timeout=3000)
    rendered = preview.rendered()
    assert rendered is not None
    assert files["png"].as_uri() in rendered.preview_html()
    assert "“gone.png”" in preview.notice.text() and "not found" in preview.notice.text()
    assert not preview.notice.isHidden()


def test_the_scroll_position_is_kept(preview: PreviewPane, source, qtbot) -> None:
    preview.show()
    qtbot.waitExposed(preview)
    source.text = BODY * 20
    first = preview.render_now()
    qtbot.waitUntil(lambda: preview.shown_seq() == first, timeout=5000)
    bar = preview.browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    source.text = BODY * 20 + "\nOne more line."
    second = preview.render_now()
    qtbot.waitUntil(lambda: preview.shown_seq() == second, timeout=5000)
    assert abs(bar.value() / bar.maximum() - 0.5) < 0.05


def test_wide_images_fit_the_message_column(preview, source, tmp_path, qtbot) -> None:
    wide = QImage(2000, 500, QImage.Format.Format_RGB32)
    wide.fill(0)
    assert wide.save(str(tmp_path / "wide.png"))
    small = QImage(100, 50, QImage.Format.Format_RGB32)
    small.fill(0)
    assert small.save(str(tmp_path / "small.png"))
    source.text = "![wide](wide.png)\n\n![small](small.png)"
    seq = preview.render_now()
    qtbot.waitUntil(lambda: preview.shown_seq() == seq, timeout=3000)
    sizes = []
    block = preview.browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                sizes.append(
                    (Path(QUrl(image.name()).toLocalFile()).name, image.width(), image.height())
                )
            fragments += 1
        block = block.next()
    assert sizes == [("wide.png", IMAGE_WIDTH, IMAGE_WIDTH / 4), ("small.png", 0, 0)]


def test_the_preview_follows_steady_typing_without_a_pause(
    preview: PreviewPane, source, qtbot
) -> None:
    # A keystroke every 100 ms never leaves the 250 ms pause the preview waits for; the
    # preview must follow all the same, at most MAX_WAIT_MS behind.
    shown: list[int] = []
    preview.updated.connect(shown.append)
    for count in range(25):
        source.text = "word " * (count + 1)
        preview.schedule()
        qtbot.wait(100)
    assert shown, "the preview was refreshed while the typing went on"


def test_a_text_the_renderer_refuses_is_said_in_words_in_place_of_the_preview(
    preview: PreviewPane, source, qtbot, monkeypatch, caplog
) -> None:
    from smtpeter_desktop.compose.errors import ComposeError

    source.text = "# Fine\n\nShown first."
    preview.render_now()
    qtbot.waitUntil(lambda: "Shown first" in preview.browser.toPlainText(), timeout=3000)
    refusal = ComposeError(
        "The message nests its parts more than 100 levels deep, too deep to be shown.",
        "Remove some of the nesting.",
    )

    def refuse(*_args: object, **_kwargs: object) -> render.Rendered:
        # Stands in for the renderer's own bound (compose.render refuses such a text): what
        # is tested here is how the preview says a refusal, whatever the text was.
        raise refusal

    monkeypatch.setattr(render, "render", refuse)
    source.text = "<div>" * 20_000
    with qtbot.waitSignal(preview.busy_changed, timeout=3000, check_params_cb=lambda b: not b):
        preview.render_now()
    assert preview.notice.text() == str(refusal)
    assert not preview.notice.isHidden()
    assert "Shown first" not in preview.browser.toPlainText(), "no stale preview"
    assert preview.rendered() is None
    assert not [r for r in caplog.records if r.levelname == "ERROR"], "no traceback logged"


def test_nesting_too_deep_for_the_renderer_is_a_sentence(
    preview: PreviewPane, source, qtbot, caplog
) -> None:
    from smtpeter_desktop.ui.preview import TOO_DEEP

    # 300 levels of nested list take Python-Markdown past the interpreter's recursion limit
    # (600, as in the issue, take 11 s to get there).
    source.text = "".join("    " * depth + "- item\n" for depth in range(300))
    with qtbot.waitSignal(preview.busy_changed, timeout=20_000, check_params_cb=lambda b: not b):
        preview.render_now()
    if preview.rendered() is None:  # unless the renderer bounds it itself (and renders)
        assert preview.notice.text() == TOO_DEEP or "deep" in preview.notice.text()
        assert "Traceback" not in preview.notice.text()
        assert "recursion" not in preview.notice.text()


def test_an_image_that_is_not_an_image_is_named_in_the_preview(
    preview: PreviewPane, source, qtbot, tmp_path: Path
) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n", encoding="utf-8")
    source.text = f"# Hi\n\n![key]({secret})\n"
    preview.render_now()
    qtbot.waitUntil(lambda: not preview.notice.isHidden(), timeout=5000)
    assert "id_rsa" in preview.notice.text()
    assert "Traceback" not in preview.notice.text()


def test_an_image_without_a_source_is_laid_out_without_qt_looking_for_a_file(qtbot) -> None:
    from PySide6.QtWidgets import QTextBrowser

    from smtpeter_desktop.ui.preview import _Document

    # The renderer leaves a refused image as <img src="">; Qt would try to open a file
    # named "" at every layout and warn (pytest-qt fails a test on that warning).
    document = _Document()
    document.setHtml('<p>Before <img alt="key" src=""> after</p>')
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    document.setParent(browser)
    browser.setDocument(document)
    browser.show()
    browser.grab()
    assert "Before" in browser.toPlainText()


def test_open_in_browser_says_so_when_nothing_opens_it(
    preview,
    source,
    qtbot,
    shown_messages,  # noqa: F811
) -> None:
    """It failed silently when the computer had no browser (or no app for .html files)."""
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.unsetUrlHandler("file")  # the offscreen platform itself opens nothing
    source.text = "# For the browser"
    preview.open_in_browser()
    qtbot.waitUntil(lambda: bool(shown_messages.messages), timeout=3000)
    said = shown_messages.getmsg().full_text
    assert said.startswith("Nothing on this computer opened the preview.")
    assert "message.html" in said
