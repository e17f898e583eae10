"""The attachment strip: add, remove, inline images, missing files, the file dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QFileDialog, QWidget

from smtpeter_desktop.compose.draft import Attachment

from smtpeter_desktop.ui.attachments import AttachmentStrip


@pytest.fixture
def strip(qtbot) -> Iterator[AttachmentStrip]:
    # In a parent, as in the pane: a strip of its own would be a window.
    holder = QWidget()
    qtbot.addWidget(holder)
    widget = AttachmentStrip(holder)
    widget.attach_button.setParent(holder)
    yield widget


def test_add_and_remove(strip: AttachmentStrip, files: dict[str, Path], qtbot) -> None:
    assert strip.isHidden()
    with qtbot.waitSignal(strip.changed, timeout=1000):
        notes = strip.add_paths([files["pdf"], files["txt"]])
    assert notes == []
    assert [a.path for a in strip.attachments()] == [str(files["pdf"]), str(files["txt"])]
    assert not strip.isHidden()
    chip = strip.chip_for(str(files["pdf"]))
    assert chip is not None
    assert chip.name_label.text() == "Rapport été.pdf"
    assert chip.size_label.text() == "2.0 KB"
    assert chip.inline_box is None  # not an image
    # Adding a file twice attaches it once.
    strip.add_paths([files["pdf"]])
    assert len(strip.attachments()) == 2
    with qtbot.waitSignal(strip.changed, timeout=1000):
        chip.remove_button.click()
    assert [a.path for a in strip.attachments()] == [str(files["txt"])]
    strip.remove(str(files["txt"]))
    assert strip.attachments() == ()
    assert strip.isHidden()


def test_images_can_go_inline(strip: AttachmentStrip, files: dict[str, Path], qtbot) -> None:
    strip.add_paths([files["png"]])
    chip = strip.chip_for(str(files["png"]))
    assert chip is not None and chip.inline_box is not None
    assert chip.inline_box.text() == "Show in message"
    with qtbot.waitSignal(strip.changed, timeout=1000):
        chip.inline_box.click()
    assert strip.attachments() == (Attachment(str(files["png"]), inline=True),)


def test_set_attachments_keeps_names_and_types(strip: AttachmentStrip, files, qtbot) -> None:
    kept = (
        Attachment(
            str(files["png"]), name="logo for Bob.png", content_type="image/png", inline=True
        ),
        Attachment(str(files["pdf"])),
    )
    with qtbot.assertNotEmitted(strip.changed):
        strip.set_attachments(kept)
    assert strip.attachments() == kept


def test_a_vanished_file_is_shown_missing_not_dropped(strip: AttachmentStrip, files, qtbot) -> None:
    strip.add_paths([files["txt"], files["pdf"]])
    files["txt"].unlink()
    chip = strip.chip_for(str(files["txt"]))
    assert chip is not None
    # The file watcher notices; no one has to ask.
    qtbot.waitUntil(lambda: chip.missing, timeout=3000)
    assert chip.size_label.text() == "not found"
    assert not chip.name_label.isEnabled()
    assert "no longer at" in chip.toolTip()
    assert [a.path for a in strip.missing()] == [str(files["txt"])]
    assert len(strip.attachments()) == 2
    # It comes back: the folder is watched too.
    files["txt"].write_text("back\n", encoding="utf-8")
    qtbot.waitUntil(lambda: not chip.missing, timeout=3000)
    assert chip.size_label.text() == "5 bytes"


def test_a_draft_attachment_already_gone(strip: AttachmentStrip, tmp_path: Path) -> None:
    strip.set_attachments([Attachment(str(tmp_path / "gone.pdf"))])
    assert [a.filename for a in strip.missing()] == ["gone.pdf"]


def test_folders_and_missing_paths_are_refused_with_a_note(
    strip: AttachmentStrip, tmp_path
) -> None:
    notes = strip.add_paths([tmp_path, tmp_path / "nothing.txt"])
    assert notes == [
        f"“{tmp_path.name}” is a folder; only files can be attached.",
        "“nothing.txt” was not found.",
    ]
    assert strip.attachments() == ()


def test_the_dialog_remembers_the_folder(
    strip: AttachmentStrip, files, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A test double: a modal file dialog cannot be answered in an offscreen test.
    asked: list[str] = []

    def choose(parent, caption, folder):
        asked.append(folder)
        return [str(files["pdf"])], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    assert strip.attach_button.accessibleName() == "Attach"
    strip.attach_button.click()
    strip.attach_button.click()
    assert asked == [str(Path.home()), str(files["pdf"].parent)]
    assert strip.last_folder == str(files["pdf"].parent)
    assert [a.path for a in strip.attachments()] == [str(files["pdf"])]
