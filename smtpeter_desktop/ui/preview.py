"""The live preview: the exact HTML that will be sent, rendered off the GUI thread.

A change starts a single-shot timer; 250 ms after the last one (up to a second for a text
that takes long to render), or ``MAX_WAIT_MS`` after the first change not shown yet when the
person types on without a pause, the pane asks its source for the text and hands a numbered request
to a renderer living in its own ``QThread``. The renderer turns Markdown into the e-mail HTML
(``compose.render``) and parses that HTML into a ``QTextDocument`` there too: parsing the
HTML of a 100 KB text takes Qt about 80 ms, too long for the GUI thread, and Qt's rich-text
classes are reentrant (one document per thread is allowed). The HTML shown is exactly the
HTML sent: the same HTML with its stylesheet left in a ``<style>`` element would parse in
half the time, but Qt applies far less of a ``<style>`` element than of ``style=""``
attributes (no table borders, no font size from a class), so it would not look the same.
The document is moved to the GUI thread and comes back by a queued signal; the GUI thread
only swaps it in. A result older than the newest request is dropped, so a slow, stale
render never replaces a newer one.

One limit remains: PySide6 holds Python's GIL for the whole of ``setHtml``, so Python code
on the GUI thread (the highlighter, key handling) waits for it if the user types at that very
moment. The longer pause for long texts makes that moment rare.

Links open in the system browser only when clicked, never inside the preview; Qt's text
browser runs no scripts. "Open in browser" writes the exact HTML that is sent to a private
temporary file.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    Qt,
    QThread,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QImage,
    QImageReader,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import messages, theme

if TYPE_CHECKING:
    from smtpeter_desktop.compose import render

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
# The e-mail stylesheet's column (680 px, padded 4 px each side); its "img { max-width: 100% }"
# is CSS that Qt's rich text does not know, so the renderer applies it to the document.
IMAGE_WIDTH = 672
MAX_DEBOUNCE_MS = 1000
MAX_WAIT_MS = 1500
"""The preview follows steady typing at least this often (twice the pause, for a slow text)."""


def too_deep() -> str:
    """What the preview (and Send) says when the text nests too deeply to be shown."""
    return translate(
        "preview",
        "The message nests lists, quotes or tags too deeply to be shown. "
        "Remove some of the nesting.",
    )


# TOO_DEEP reads as a constant but is translated each time it is read (the module's
# __getattr__), never at import, when the user's language is not known yet.
if TYPE_CHECKING:
    TOO_DEEP: str
else:

    def __getattr__(name: str) -> str:
        if name == "TOO_DEEP":
            return too_deep()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Links the system may open on a click; anything else (file:, javascript:...) is ignored.
_OPENABLE = frozenset({"http", "https", "mailto"})


@dataclasses.dataclass(frozen=True)
class PreviewSource:
    """What to render: the Markdown text, the folder its relative images are read from, a title."""

    text: str
    base_dir: Path | None = None
    title: str = ""


@dataclasses.dataclass(frozen=True)
class _Request:
    seq: int
    source: PreviewSource


@dataclasses.dataclass(frozen=True)
class _Result:
    seq: int
    rendered: render.Rendered | None
    document: QTextDocument | None
    error: str = ""
    cost: float = 0.0  # seconds the renderer spent on it
    refused: bool = False  # the error is a refusal of the text, not a bug


def fit_images(document: QTextDocument, width: int) -> None:
    """Scale local images wider than ``width`` down to it, keeping their proportions."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            char_format = fragment.charFormat()
            if not char_format.isImageFormat():
                continue
            image = char_format.toImageFormat()
            path = QUrl(image.name()).toLocalFile()
            if not path or image.width() > 0:
                continue  # not a local file (a missing one keeps its text), or sized already
            size = QImageReader(path).size()
            if size.width() <= width:
                continue
            image.setWidth(width)
            image.setHeight(size.height() * width / size.width())
            cursor = QTextCursor(document)
            cursor.setPosition(fragment.position())
            cursor.setPosition(
                fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
            )
            cursor.setCharFormat(image)
        block = block.next()


def notes_of(rendered: render.Rendered) -> list[str]:
    """What the preview says under the message: the images that stop it from being sent,
    and how the text was shown when it could not be formatted (too long, too deep)."""
    return [*rendered.problems, *rendered.warnings]


class _Document(QTextDocument):
    """The preview's document: an image without a source (a reference the renderer refused
    to put in; the notice names it) takes no room, and Qt does not try to open a file
    named "" each time it lays the page out (with a warning every time)."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        empty = name.isEmpty() if isinstance(name, QUrl) else not name
        if kind == QTextDocument.ResourceType.ImageResource.value and empty:
            return _nothing()
        return super().loadResource(kind, name)


@functools.cache
def _nothing() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    return image


class _Latest:
    """The newest request number, written by the GUI thread and read by the renderer.

    A plain int attribute: reading and writing one is atomic in CPython, and a renderer that
    reads a slightly old value only renders one request more than it needs to.
    """

    def __init__(self) -> None:
        self.seq = 0


class _Renderer(QObject):
    """Lives in the preview's thread: Markdown to HTML to a ``QTextDocument``.

    Signals:
        finished(_Result): one per request it did not skip, in the GUI thread's hands.
    """

    finished = Signal(object)

    def __init__(self, latest: _Latest, target: QThread) -> None:
        super().__init__()
        self._latest = latest
        self._target = target

    @Slot(object)
    def render(self, request: _Request) -> None:
        if request.seq < self._latest.seq:
            return  # a newer request is already queued behind this one
        # On the render thread, with the first text to show: the renderer (with CSS inlining,
        # ~25 ms to load) is not loaded on the way to the window's ready.
        from smtpeter_desktop.compose import render

        source = request.source
        started = time.perf_counter()
        try:
            rendered = render.render(source.text, base_dir=source.base_dir, title=source.title)
            if request.seq < self._latest.seq:
                return  # the user typed on: parsing this one would only hold the GIL
            document = _Document()
            document.setHtml(rendered.preview_html())
            if rendered.images:
                fit_images(document, IMAGE_WIDTH)
            document.moveToThread(self._target)
        except ComposeError as exc:
            # A text the renderer refuses (too big, nested too deep, a local file that is not
            # an image): the person's to fix, said in its own words.
            self.finished.emit(_Result(request.seq, None, None, str(exc), refused=True))
            return
        except RecursionError:
            # Nesting deeper than the renderer's own bound catches (hundreds of lists).
            self.finished.emit(_Result(request.seq, None, None, too_deep(), refused=True))
            return
        except Exception as exc:  # a renderer bug must not kill the preview: shown, logged
            log.exception("The preview could not be rendered")
            self.finished.emit(_Result(request.seq, None, None, str(exc)))
            return
        cost = time.perf_counter() - started
        self.finished.emit(_Result(request.seq, rendered, document, cost=cost))


def _stop(thread: QThread) -> None:
    # At interpreter exit Python may have deleted the thread object before the pane.
    if shiboken6.isValid(thread) and not thread.isFinished():
        thread.quit()
        thread.wait()


class PreviewPane(QWidget):
    """The message as it will look: a read-only ``QTextBrowser`` fed by a background renderer.

    Signals:
        updated(int): the preview now shows the render of this request number.
        busy_changed(bool): a render starts (emitted before it is asked for, so a crash in
            it finds this said), or the newest one has ended.
    """

    updated = Signal(int)
    busy_changed = Signal(bool)
    _request = Signal(object)

    def __init__(
        self, source: Callable[[], PreviewSource] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._source = source or (lambda: PreviewSource(""))
        self._enabled = True
        self._closed = False
        self._seq = 0
        self._shown_seq = 0
        self._ended_seq = 0  # the newest request whose render ended, shown or not
        self._rendered: render.Rendered | None = None
        self._open_when_ready = False
        self._temp_dir: Path | None = None
        self._latest = _Latest()

        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(translate("PreviewPane", "Preview"))
        self.browser.setPlaceholderText(
            translate("PreviewPane", "The message, as it will be sent, appears here.")
        )
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.browser.customContextMenuRequested.connect(self._context_menu)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        self._update_colors()

        self.open_action = QAction(translate("PreviewPane", "Open in Browser"), self)
        self.open_action.setToolTip(
            translate(
                "PreviewPane", "Open the message, exactly as it will be sent, in your web browser"
            )
        )
        self.open_action.triggered.connect(self.open_in_browser)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.notice)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        # Not restarted by each keystroke, unlike the pause above: typing without a pause
        # still refreshes the preview.
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_WAIT_MS)
        self._deadline.timeout.connect(self.render_now)

        self._thread = QThread()
        self._thread.setObjectName("preview-renderer")
        self._renderer = _Renderer(self._latest, QThread.currentThread())
        self._renderer.moveToThread(self._thread)
        self._request.connect(self._renderer.render)
        self._renderer.finished.connect(self._on_finished)
        self._thread.finished.connect(self._renderer.deleteLater)
        # Started at the next turn of the event loop, not here: a window building its panes
        # (one turn) is ready before the renderer loads on the thread (~10 ms of CPU, issue
        # 17). A render asked for meanwhile waits in the thread's queue.
        QTimer.singleShot(0, self, self._start_thread)
        # Should the window delete the pane without closing it, stop the thread all the
        # same: a QThread destroyed while running aborts the program.
        self.destroyed.connect(functools.partial(_stop, self._thread))
        app = QCoreApplication.instance()
        if app is not None:
            # A last resort: the window calls shutdown() itself when it closes.
            app.aboutToQuit.connect(self.shutdown)

    def _start_thread(self) -> None:
        if not self._closed:
            self._thread.start()

    def set_source(self, source: Callable[[], PreviewSource]) -> None:
        self._source = source

    def schedule(self) -> None:
        """The text changed: render it once the user pauses (``DEBOUNCE_MS``)."""
        if self._enabled and not self._closed:
            self._timer.start()
            if not self._deadline.isActive():
                self._deadline.start()

    def render_now(self) -> int:
        """Ask for a render of the current text at once; returns the request's number."""
        self._timer.stop()
        self._deadline.stop()
        if self._closed:
            return self._seq
        source = self._source()
        if not self.is_busy():
            self.busy_changed.emit(True)
        self._seq += 1
        self._latest.seq = self._seq
        self._request.emit(_Request(self._seq, source))
        return self._seq

    def is_busy(self) -> bool:
        """A render asked for has not ended yet."""
        return self._ended_seq < self._seq

    def is_enabled_preview(self) -> bool:
        return self._enabled

    def set_enabled_preview(self, enabled: bool) -> None:
        """Show and render the preview, or hide it and render nothing (a setting)."""
        self._enabled = enabled
        self.setVisible(enabled)
        if enabled:
            self.render_now()
        else:
            self._timer.stop()
            self._deadline.stop()

    def rendered(self) -> render.Rendered | None:
        """The render the preview shows, or ``None`` before the first one arrives."""
        return self._rendered

    def pause_ms(self) -> int:
        """How long the preview waits after the last keystroke before it renders."""
        return self._timer.interval()

    def shown_seq(self) -> int:
        return self._shown_seq

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def open_in_browser(self) -> None:
        """Show the message in the system's web browser, as soon as the newest render is ready."""
        if self._rendered is not None and self._shown_seq == self._seq:
            self._open(self._rendered)
        else:
            self._open_when_ready = True
            self.render_now()

    def shutdown(self) -> None:
        """Stop the renderer's thread and remove the temporary page; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._deadline.stop()
        self._thread.quit()
        self._thread.wait()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colors()

    @Slot(object)
    def _on_finished(self, result: _Result) -> None:
        if self._closed or result.seq != self._seq:
            return  # stale: a newer request is on its way
        self._ended_seq = result.seq
        self.busy_changed.emit(False)
        if result.document is None or result.rendered is None:
            if result.refused:
                # What was shown is no longer the message: it goes, the reason takes its place.
                self.browser.clear()
                self._rendered = None
                self.notice.setText(result.error)
            else:
                self.notice.setText(
                    translate("PreviewPane", "The preview could not be made: {reason}").format(
                        reason=result.error
                    )
                )
            self.notice.setVisible(True)
            return
        self._show(result.document)
        self._adapt_pause(result.cost)
        self._rendered = result.rendered
        self._shown_seq = result.seq
        notes = notes_of(result.rendered)
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        self.updated.emit(result.seq)
        if self._open_when_ready:
            self._open_when_ready = False
            self._open(result.rendered)

    def _adapt_pause(self, cost: float) -> None:
        # A long text takes long to render, and the renderer's HTML parsing holds Python's
        # lock (PySide6 keeps it across QTextDocument.setHtml), briefly delaying the GUI
        # thread's Python code. Waiting for a longer pause makes it land when the user has
        # really stopped typing rather than between two words.
        pause = max(DEBOUNCE_MS, min(MAX_DEBOUNCE_MS, round(2000 * cost)))
        self._timer.setInterval(pause)
        self._deadline.setInterval(max(MAX_WAIT_MS, 2 * pause))

    def _show(self, document: QTextDocument) -> None:
        bar = self.browser.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        # A child of the browser: setDocument deletes the previous one when it is replaced.
        document.setParent(self.browser)
        self.browser.setDocument(document)
        bar.setValue(round(ratio * bar.maximum()))

    def _open(self, rendered: render.Rendered) -> None:
        if self._temp_dir is None:
            # mkdtemp makes the folder readable by this user only (0700), the file 0600.
            self._temp_dir = Path(tempfile.mkdtemp(prefix="smtpeter-preview-"))
        page = self._temp_dir / "message.html"
        page.touch(mode=0o600)
        page.chmod(0o600)
        page.write_text(rendered.preview_html(), encoding="utf-8")
        messages.open_externally(
            QUrl.fromLocalFile(str(page)), translate("PreviewPane", "the preview")
        )

    def _open_link(self, url: QUrl) -> None:
        if url.scheme().lower() in _OPENABLE:
            messages.open_externally(url, translate("PreviewPane", "the link"))

    def _context_menu(self, position: QPoint) -> None:
        menu = self.browser.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.open_action)
        menu.exec(self.browser.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _update_colors(self) -> None:
        # The message is designed on white paper, as most mail readers show it; the preview
        # shows it so in a dark theme too, as a mail reader does.
        paper = self.browser.palette()
        paper.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        paper.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
        self.browser.setPalette(paper)
        notice = self.notice.palette()
        notice.setColor(QPalette.ColorRole.WindowText, theme.error(self.palette()))
        self.notice.setPalette(notice)
