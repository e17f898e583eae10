"""Signatures in the window: Settings ▸ Signatures, and the compose pane's signature.

Real parts: the signatures file in the test's folder (``SignatureStore``), the real compose
pane with its preview thread, and the real window on the test's home.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.storage.profiles import Identity, Profile
from smtpeter_desktop.storage.signatures import Signature, SignatureStore
from tests.ui.mnemonics import clashes
from tests.ui.panes_fixtures import click_in_box
from tests.ui.shell_helpers import Windows, shown_messages, windows

from smtpeter_desktop.ui.compose_pane import ComposePane
from smtpeter_desktop.ui.signature_page import SignaturesPage

__all__ = ["shown_messages", "windows"]


def _store(tmp_path: Path, **defaults: str) -> SignatureStore:
    """Work, Home and Short; ``defaults`` maps a profile id to its default signature."""
    store = SignatureStore(tmp_path / "signatures.toml")
    store.save(Signature("Work", "Ann Lee\nSales, Work B.V."))
    store.save(Signature("Home", "Ann"))
    store.save(Signature("Short", "A."))
    for profile, name in defaults.items():
        store.set_default(name, profile=profile)
    return store


def _choose_sender(pane: ComposePane, address: str) -> None:
    """Pick the From as the person does: a row of the combo box."""
    box = pane.sender_box
    for row in range(box.count()):
        if address in box.itemText(row):
            box.setCurrentIndex(row)
            return
    raise AssertionError(f"no sender {address}")


def _type_at_start(pane: ComposePane, text: str) -> None:
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    pane.editor.setTextCursor(cursor)
    pane.editor.insertPlainText(text)


def _menu_choose(pane: ComposePane, text: str) -> None:
    button = pane.signature_button
    button.menu().aboutToShow.emit()
    for action in button.menu().actions():
        if action.text().replace("&", "").startswith(text):
            action.trigger()
            return
    raise AssertionError(f"no {text!r} in the Signature menu")


def _sparse_png(path: Path, size: int) -> Path:
    """A file that starts as a PNG and is ``size`` bytes long, without writing them all."""
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.truncate(size)
    return path


# The compose pane --------------------------------------------------------------------------


def test_a_new_message_starts_with_the_senders_signature_below_the_separator(
    pane: ComposePane, tmp_path: Path
) -> None:
    pane.signature_button.set_store(_store(tmp_path, work="Work"))
    _choose_sender(pane, "ann@work.example")
    changed: list[None] = []
    pane.changed.connect(lambda: changed.append(None))
    pane.clear()
    assert pane.editor.toPlainText() == "\n\n-- \nAnn Lee\nSales, Work B.V.\n"
    assert pane.editor.textCursor().position() == 0, "writing starts above the signature"
    assert not changed, "a signature alone is not worth a draft"
    assert "Work" in pane.signature_button.text()


def test_changing_the_from_replaces_the_signature_and_keeps_the_text(
    pane: ComposePane, tmp_path: Path
) -> None:
    pane.signature_button.set_store(_store(tmp_path, work="Work", home="Home"))
    _choose_sender(pane, "ann@work.example")
    pane.clear()
    _type_at_start(pane, "Hello Bob,")
    _choose_sender(pane, "ann@home.example")
    assert pane.editor.toPlainText() == "Hello Bob,\n\n-- \nAnn\n"
    _choose_sender(pane, "ann@example.com")  # the sandbox has no default: none
    assert pane.editor.toPlainText() == "Hello Bob,\n"
    _choose_sender(pane, "sales@work.example")
    assert pane.editor.toPlainText().count("-- ") == 1
    assert pane.editor.toPlainText().endswith("-- \nAnn Lee\nSales, Work B.V.\n")
    pane.editor.undo()  # one Undo takes the change of signature back
    assert pane.editor.toPlainText() == "Hello Bob,\n"


def test_an_address_of_its_own_has_its_own_default(pane: ComposePane, tmp_path: Path) -> None:
    store = _store(tmp_path, work="Work")
    store.set_default("Short", profile="work", sender="sales@work.example")
    pane.signature_button.set_store(store)
    _choose_sender(pane, "ann@work.example")
    pane.clear()
    _choose_sender(pane, "sales@work.example")
    assert pane.editor.toPlainText() == "\n\n-- \nA.\n"


def test_the_signature_never_goes_into_quoted_text(pane: ComposePane, tmp_path: Path) -> None:
    pane.signature_button.set_store(_store(tmp_path, home="Home"))
    reply = "Thanks, will do.\n\n> On Monday Bob wrote:\n> -- \n> Bob\n"
    pane.set_draft(Draft(profile="sandbox", sender="Ann Lee <ann@example.com>", body=reply))
    _choose_sender(pane, "ann@home.example")
    assert pane.editor.toPlainText() == (
        "Thanks, will do.\n\n-- \nAnn\n\n> On Monday Bob wrote:\n> -- \n> Bob\n"
    )


def test_a_signature_the_person_edited_is_kept_when_the_from_changes(
    pane: ComposePane, tmp_path: Path
) -> None:
    pane.signature_button.set_store(_store(tmp_path, work="Work", home="Home"))
    _choose_sender(pane, "ann@work.example")
    pane.clear()
    pane.editor.moveCursor(QTextCursor.MoveOperation.End)
    pane.editor.insertPlainText("Mobile: 06 1234 5678\n")
    edited = pane.editor.toPlainText()
    _choose_sender(pane, "ann@home.example")
    assert pane.editor.toPlainText() == edited
    assert "signature you edited was kept" in pane.note.text()


def test_the_menu_chooses_another_signature_or_none_for_this_message(
    pane: ComposePane, tmp_path: Path
) -> None:
    pane.signature_button.set_store(_store(tmp_path, work="Work", home="Home"))
    _choose_sender(pane, "ann@work.example")
    pane.clear()
    _type_at_start(pane, "Hi")
    _menu_choose(pane, "Short")
    assert pane.editor.toPlainText() == "Hi\n\n-- \nA.\n"
    _choose_sender(pane, "ann@home.example")
    assert pane.editor.toPlainText() == "Hi\n\n-- \nA.\n", "the person's choice stays"
    _menu_choose(pane, "No Signature")
    assert pane.editor.toPlainText() == "Hi\n"
    assert pane.signature_button.text().replace("&", "") == "No Signature"
    pane.clear()  # a new message follows the sender's default again
    assert pane.editor.toPlainText() == "\n\n-- \nAnn\n"


def test_opening_a_draft_leaves_its_signature_as_it_is(pane: ComposePane, tmp_path: Path) -> None:
    pane.signature_button.set_store(_store(tmp_path, work="Work"))
    body = "Text\n\n-- \nAn old signature\n"
    pane.set_draft(Draft(profile="work", sender="Ann Lee <ann@work.example>", body=body))
    assert pane.editor.toPlainText() == body


def test_a_signature_with_a_20_mb_image_is_kept_and_said_to_be_too_large(
    qtbot: Any, pane: ComposePane, tmp_path: Path
) -> None:
    image = _sparse_png(tmp_path / "logo.png", 20 * 1024 * 1024)
    store = SignatureStore(tmp_path / "signatures.toml")
    store.save(Signature("Logo", f"Ann\n\n![logo]({image})"))
    store.set_default("Logo", profile="work")
    pane.signature_button.set_store(store)
    _choose_sender(pane, "ann@work.example")
    pane.clear()
    assert f"![logo]({image})" in pane.editor.toPlainText(), "nothing is lost"
    qtbot.waitUntil(lambda: "20.0 MB" in pane.preview.notice.text(), timeout=10_000)
    assert "not put into a message" in pane.preview.notice.text()


# Settings ▸ Signatures ----------------------------------------------------------------------


def _page(qtbot: Any, store: SignatureStore) -> SignaturesPage:
    page = SignaturesPage(store)
    qtbot.addWidget(page)
    page.set_profiles(
        [
            Profile(
                id="work",
                name="Work",
                transport="rest",
                identities=(
                    Identity("Ann Lee", "ann@work.example"),
                    Identity("", "s@work.example"),
                ),
            )
        ]
    )
    page.resize(900, 600)
    page.show()
    return page


@pytest.fixture(autouse=True)
def _pages_stop(qtbot: Any) -> Iterator[None]:
    """Each page's preview thread ends with its test."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, SignaturesPage):
            widget.shutdown()


def test_add_edit_with_preview_rename_and_delete(qtbot: Any, tmp_path: Path) -> None:
    store = SignatureStore(tmp_path / "signatures.toml")
    page = _page(qtbot, store)
    page.add_signature("Work")
    assert page.current_name() == "Work" and page.editor.isEnabled()
    page.editor.setPlainText("**Ann Lee**, Sales")
    qtbot.waitUntil(lambda: store.get("Work").markdown == "**Ann Lee**, Sales", timeout=5000)
    qtbot.waitUntil(lambda: "Ann Lee" in page.preview.browser.toPlainText(), timeout=10_000)
    assert "**" not in page.preview.browser.toPlainText(), "the preview shows it formatted"

    box = page.default_box("work")
    assert box is not None
    box.setCurrentIndex(box.findData("Work"))
    assert store.default_for("work", "ann@work.example") == store.get("Work")

    page.rename_signature("Office")
    assert [s.name for s in store.signatures()] == ["Office"]
    assert store.default_for("work") == Signature("Office", "**Ann Lee**, Sales")

    page.add_signature("office")
    assert "already" in page.message.text(), "names are unique without regard to case"

    page.delete_signature()
    assert "Delete the signature “Office”?" in click_in_box(qtbot, page, "Delete")
    assert store.signatures() == [] and store.defaults() == []
    assert not page.editor.isEnabled()


def test_a_signature_too_long_to_keep_stays_in_the_editor(qtbot: Any, tmp_path: Path) -> None:
    store = SignatureStore(tmp_path / "signatures.toml")
    store.save(Signature("Work", "Ann"))
    store.save(Signature("Home", "A."))
    page = _page(qtbot, store)
    # An image pasted as data: far over what a signature holds.
    pasted = "Ann\n![logo](data:image/png;base64," + "A" * 30_000 + ")"
    page.editor.setPlainText(pasted)
    assert not page.save_now()
    assert "Not saved" in page.editor_note.text() and "characters" in page.editor_note.text()
    assert store.get("Work").markdown == "Ann", "the file keeps the last good text"
    page.names.setCurrentRow(1)
    assert page.editor.toPlainText() == "A."
    page.names.setCurrentRow(0)
    assert page.editor.toPlainText() == pasted, "nothing the person typed is lost"
    page.editor.setPlainText("Ann Lee")
    assert page.save_now() and not page.editor_note.isVisible()
    assert store.get("Work").markdown == "Ann Lee"


def test_the_page_shows_an_image_too_large_to_send(qtbot: Any, tmp_path: Path) -> None:
    image = _sparse_png(tmp_path / "big.png", 20 * 1024 * 1024)
    store = SignatureStore(tmp_path / "signatures.toml")
    store.save(Signature("Logo", "Ann"))
    page = _page(qtbot, store)
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    page.insert_image(str(image))
    assert page.save_now()
    assert store.get("Logo").markdown == f"Ann\n![big]({image})"
    qtbot.waitUntil(lambda: "20.0 MB" in page.preview.notice.text(), timeout=10_000)


def test_a_damaged_signatures_file_is_said_and_left_alone(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "signatures.toml"
    path.write_text("signatures = [[[\n", encoding="utf-8")
    page = _page(qtbot, SignatureStore(path))
    assert "is not valid TOML" in page.message.text()
    assert not page.add_button.isEnabled()
    assert path.read_text(encoding="utf-8") == "signatures = [[[\n"


# The window ---------------------------------------------------------------------------------


def test_the_window_uses_the_signature_set_in_settings(windows: Windows, qtbot: Any) -> None:
    window = windows()
    assert window.signatures is not None and window.compose is not None
    pages = window.settings_pane.pages
    assert [pages.tabText(i).replace("&", "") for i in range(pages.count())][-1] == "Signatures"
    page = window.signatures
    page.add_signature("Ann")
    page.editor.setPlainText("Ann Lee · SMTPeter Desktop")
    assert page.save_now()
    choice = window.compose.sender_choice()
    assert choice is not None
    box = page.default_box(choice.profile_id)
    assert box is not None
    box.setCurrentIndex(box.findData("Ann"))
    window.new_message()
    assert window.compose.editor.toPlainText() == "\n\n-- \nAnn Lee · SMTPeter Desktop\n"

    window.compose.signature_button.edit_requested.emit()
    assert window.current_pane() == "settings"
    assert window.settings_pane.pages.currentWidget() is page
    assert not clashes(window), "Alt+letters on the Signatures page"
    assert os.path.exists(window.home / "signatures.toml")


def test_a_new_message_with_only_its_signature_is_no_draft(windows: Windows) -> None:
    window = windows()
    assert window.signatures is not None and window.compose is not None
    store = window.signatures.store
    store.save(Signature("Ann", "Ann Lee"))
    for profile in window.context.profiles.load():
        store.set_default("Ann", profile=profile.id)
    window.new_message()
    assert window.compose.editor.toPlainText() == "\n\n-- \nAnn Lee\n"
    window.save_draft()
    assert window.keeper is not None and window.keeper.id is None
    assert window.saved_label.text() == "Nothing to save yet"
