"""No two controls in one window answer the same Alt+letter.

Qt moves the focus between clashing mnemonics instead of pressing either: Alt+U went to
Subject and never to Undo. Each window and dialog is walked as the person sees it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

from smtpeter_desktop.compose.draft import Draft
from tests.ui.mnemonics import clashes, mnemonic
from tests.ui.shell_helpers import Windows, shown_messages, windows

from smtpeter_desktop.ui.account_dialog import AccountDialog
from smtpeter_desktop.ui.drafts import DraftsDialog, DraftTextDialog
from smtpeter_desktop.ui.main_window import PANES
from smtpeter_desktop.ui.message_viewer import MessageViewer, ViewedMessage
from smtpeter_desktop.ui.send_flow import UndoBar
from smtpeter_desktop.ui.send_later import SendLaterDialog

__all__ = ["shown_messages", "windows"]


def test_the_finder_reads_mnemonics() -> None:
    assert mnemonic("S&ubject") == "u"
    assert mnemonic("Save && &Close") == "c"
    assert mnemonic("Nothing") is None


def _check(widget: QWidget, where: str) -> None:
    widget.show()
    found = clashes(widget)
    assert not found, f"{where}: {found}"


def _viewed(tmp_path: Path) -> ViewedMessage:
    return ViewedMessage(
        headers=(("From", "ann@example.com"), ("To", "bob@example.org"), ("Subject", "Hi")),
        bcc=("cy@example.net",),
        mail_from="ann@example.com",
        options=(("Track opens", "on"),),
        notices="",
        html="<p>Hi</p>",
        text="Hi",
        images={},
        attachments=(("a.pdf", 10),),
        source="From: ann@example.com\r\n\r\nHi\r\n",
        cut=False,
        eml_path=tmp_path / "m.eml",
        size=40,
        transport="smtp",
    )


def test_no_window_or_dialog_has_a_mnemonic_clash(
    windows: Windows, qtbot: Any, tmp_path: Path
) -> None:
    window = windows()
    compose = window.compose
    undo = UndoBar("Hi", 5, window)
    window.message_area.add_bar(undo)
    for key, _ in PANES:
        window.show_pane(key)
        qtbot.wait(1)
        _check(window, f"main window, {key} pane")
    window.show_pane("compose")
    compose.set_extras_visible(True)
    compose.set_options_visible(True)
    _check(window, "main window, compose with Cc/Bcc and options")
    undo.stop()

    dialogs: list[tuple[str, QWidget]] = [
        ("add an account", AccountDialog(window.context, None, window)),
        ("drafts", DraftsDialog(window.postman, None, window)),
        ("a draft's text", DraftTextDialog(Draft(subject="Hi", body="Hello"), window)),
        ("message viewer", MessageViewer(_viewed(tmp_path), window)),
        ("send later", SendLaterDialog(window)),
    ]
    for name, dialog in dialogs:
        qtbot.addWidget(dialog)
        _check(dialog, name)
        if isinstance(dialog, AccountDialog):
            for button in dialog.findChildren(QAbstractButton):
                if button.text() == "&Advanced" and not button.isChecked():
                    button.click()  # the whole form, TLS and certificate fields too
            _check(dialog, f"{name}, advanced")
        dialog.close()
    [sandbox] = [p for p in window.context.profiles.load() if p.sandbox]
    editing = AccountDialog(window.context, sandbox, window)
    qtbot.addWidget(editing)
    _check(editing, "edit the sandbox account")


def test_each_menu_has_its_own_letters_and_no_key_does_two_things(windows: Windows) -> None:
    window = windows()
    for title in window.menuBar().actions():
        menu = title.menu()
        assert isinstance(menu, QMenu)
        letters = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        taken = [letter for letter in letters if letter is not None]
        assert len(taken) == len(set(taken)), f"{title.text()}: {letters}"
    # The window's bound keys and the compose pane's own: each key answers one thing.
    actions = [a.shortcut() for a in window.findChildren(QAction)]
    shortcuts = [s.key() for s in window.compose.findChildren(QShortcut)]
    keys = [key.toString() for key in actions + shortcuts if not key.isEmpty()]
    assert "Ctrl+Shift+Return" in keys, "Send Later has its key"
    assert len(keys) == len(set(keys)), sorted(keys)
