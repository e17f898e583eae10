"""Images in the text: a missing one stops the send before any "Send?", in words that say
where a relative path was looked for; the ones that go are listed beside the attachments and
never asked about; a file nothing opens is said so.

Real parts: the main window on the test's home and its sandbox, the compose pane and preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from smtpeter_desktop.compose import checks
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.storage import settings
from tests.ui.shell_helpers import Windows, answer, shown_messages, windows

from smtpeter_desktop.ui.compose_pane import ComposePane

__all__ = ["shown_messages", "windows"]


def test_a_missing_image_stops_the_send_before_the_confirmation(
    windows: Windows, qtbot: Any
) -> None:
    window = windows()
    window.prefs.set(settings.CONFIRM_BEFORE_SEND, True)
    compose = window.compose
    compose.to.setText("bob@example.org")
    compose.subject.setText("Logo")
    compose.editor.setPlainText("![logo](images/logo.png)\n")
    window.send_action.trigger()
    said = answer(qtbot, "Go Back")  # the errors box, not "Send “Logo” to 1 recipient?"
    assert "Send “Logo”" not in said
    home = Path(compose.draft().base_dir)
    assert f"“images/logo.png” was not found in {home}" in said
    assert "relative path is read from that folder" in said
    assert "attach" not in said.lower()
    assert said.count("cannot be sent") == 1


def test_embedded_images_are_information_not_a_question(files: dict[str, Path]) -> None:
    draft = Draft(sender="a@b.co", to="c@d.co", subject="s", body=f"![logo]({files['png']})")
    [found] = [f for f in checks.check(draft) if f.code == "embedded-images"]
    assert found.severity is checks.Severity.INFO


def test_images_the_text_shows_are_listed_beside_the_attachments(
    pane: ComposePane, files: dict[str, Path], qtbot: Any, opened_urls: list[QUrl]
) -> None:
    pane.show()
    pane.attachments.add_paths([files["pdf"]])
    pane.editor.setPlainText(f"Our logo:\n\n![logo]({files['png']})\n")
    pane.preview.render_now()
    qtbot.waitUntil(lambda: len(pane.attachments.inline_images()) == 1, timeout=5000)
    assert pane.attachments.isVisible()
    [chip] = pane.attachments._inline
    assert chip.name_label.text() == "logo.png"
    assert "in the text" in chip.size_label.text()
    assert chip.open()
    assert opened_urls == [QUrl.fromLocalFile(str(files["png"]))]
    # The attached files stay what the draft attaches: the image goes in through the text.
    assert [a.filename for a in pane.draft().attachments] == [files["pdf"].name]
    pane.editor.setPlainText("No logo after all.")
    pane.preview.render_now()
    qtbot.waitUntil(lambda: pane.attachments.inline_images() == (), timeout=5000)


def test_an_image_nothing_opens_is_said_in_words(
    pane: ComposePane, files: dict[str, Path], qtbot: Any, shown_messages: Any
) -> None:
    QDesktopServices.unsetUrlHandler("file")  # as on a computer without an image viewer
    pane.editor.setPlainText(f"![logo]({files['png']})")
    pane.preview.render_now()
    qtbot.waitUntil(lambda: len(pane.attachments.inline_images()) == 1, timeout=5000)
    [chip] = pane.attachments._inline
    assert not chip.open()
    assert chip.size_label.text() == "no program opens it"
    said = shown_messages.getmsg().full_text
    assert said.startswith("Nothing on this computer opened the image.")
    assert str(files["png"]) in said
