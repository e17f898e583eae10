"""The window's menus: each action, its key, and whether it waits for the data to open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from smtpeter_desktop import APP_NAME
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.sidebar import PANES, pane_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from smtpeter_desktop.ui.compose_pane import ComposePane
    from smtpeter_desktop.ui.main_window import MainWindow


def _action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    slot: Any,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    *,
    shown: str = "",
    tip: str = "",
    needs_start: bool = True,
) -> QAction:
    """A menu action. ``shown`` names a key the pane itself handles: it is displayed in the
    menu but not bound, so the two never compete for the key."""
    action = QAction(text + (f"\t{shown}" if shown else ""), window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) or shown
    plain = text.replace("&", "").rstrip("…")
    action.setToolTip(
        translate("menus", "{action} ({keys})").format(action=tip or plain, keys=keys)
        if keys
        else tip or plain
    )
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    action.setEnabled(not needs_start)
    if needs_start:
        window.needs_start.append(action)
    menu.addAction(action)
    window.addAction(action)
    return action


def build(window: MainWindow) -> None:
    """The menu bar: File, Edit, View, Go, Help; the window keeps the actions it changes."""
    window.needs_start = []
    bar = window.menuBar()
    file = bar.addMenu(translate("menus", "&File"))
    window.new_action = _action(
        window, file, translate("menus", "&New Message"), window.new_message, "Ctrl+N"
    )
    window.open_draft_action = _action(
        window,
        file,
        translate("menus", "&Open Draft…"),
        window.show_drafts,
        "Ctrl+O",
        tip=translate("menus", "Every unsent draft"),
    )
    _template_actions(window, file)
    file.addSeparator()
    window.send_action = _action(
        window, file, translate("menus", "&Send"), window.send, shown="Ctrl+Return"
    )
    # Beside Send, as Thunderbird has it (Ctrl+Shift+Return there too); the pane's own
    # button decides, so a busy or account-less pane does nothing here either.
    send_later = _action(
        window,
        file,
        translate("menus", "Send L&ater…"),
        lambda: _in_compose(window, lambda c: c.send_later_button.click()),
        "Ctrl+Shift+Return",
        tip=translate("menus", "Choose when the message goes; it waits in the Outbox"),
    )
    send_later.setObjectName("sendLaterAction")
    window.check_action = _action(
        window,
        file,
        translate("menus", "Chec&k Message"),
        window.check_message,
        "Ctrl+Shift+K",
        tip=translate(
            "menus", "What SMTPeter and the receivers will make of the message, before sending"
        ),
    )
    window.save_action = _action(
        window, file, translate("menus", "Sa&ve Draft"), window.save_draft, "Ctrl+S"
    )
    window.merge_action = _action(
        window,
        file,
        translate("menus", "Mail &Merge…"),
        window.open_merge,
        tip=translate("menus", "Send the message to each person on a list, each their own"),
    )
    window.print_action = _action(
        window,
        file,
        translate("menus", "&Print…"),
        lambda: _in_compose(window, lambda c: c.ask_print()),
        shown="Ctrl+P",
        tip=translate("menus", "Print the message as the preview shows it"),
    )
    file.addSeparator()
    _action(
        window, file, translate("menus", "&Close Window"), window.close, "Ctrl+W", needs_start=False
    )
    _action(window, file, translate("menus", "&Quit"), window.close, "Ctrl+Q", needs_start=False)

    edit = bar.addMenu(translate("menus", "&Edit"))
    for text, standard, method in (
        (translate("menus", "&Undo"), QKeySequence.StandardKey.Undo, "undo"),
        (translate("menus", "&Redo"), QKeySequence.StandardKey.Redo, "redo"),
        (translate("menus", "Cu&t"), QKeySequence.StandardKey.Cut, "cut"),
        (translate("menus", "&Copy"), QKeySequence.StandardKey.Copy, "copy"),
        (translate("menus", "&Paste"), QKeySequence.StandardKey.Paste, "paste"),
        (translate("menus", "Select &All"), QKeySequence.StandardKey.SelectAll, "selectAll"),
    ):
        if method == "cut":
            edit.addSeparator()
        shown = QKeySequence(standard).toString(QKeySequence.SequenceFormat.NativeText)
        # Text fields handle these keys themselves: the menu only shows them.
        _action(
            window,
            edit,
            text,
            lambda _=False, m=method: window._edit(m),
            shown=shown,
            needs_start=False,
        )
    edit.addSeparator()
    window.find_action = _action(
        window,
        edit,
        translate("menus", "&Find…"),
        lambda: _in_compose(window, lambda c: c.find_bar.open()),
        shown="Ctrl+F",
        tip=translate("menus", "Find words in the message text"),
    )
    window.undo_send_action = _action(
        window,
        edit,
        translate("menus", "Undo Sen&d"),
        window._undo_send,
        tip=translate("menus", "Take back the message counting down"),
    )

    view = bar.addMenu(translate("menus", "&View"))
    window.preview_action = _action(
        window, view, translate("menus", "Show &Preview"), window._toggle_preview
    )
    window.preview_action.setCheckable(True)
    window.extras_action = _action(
        window,
        view,
        translate("menus", "&Cc, Bcc and Reply-To"),
        window._toggle_extras,
        shown="Ctrl+Shift+B",
    )
    window.extras_action.setCheckable(True)
    window.options_action = _action(
        window,
        view,
        translate("menus", "SMTPeter &Options"),
        window._toggle_options,
        shown="Ctrl+Shift+O",
    )
    window.options_action.setCheckable(True)
    view.aboutToShow.connect(window._sync_view_menu)
    edit.aboutToShow.connect(window._sync_edit_menu)

    go = bar.addMenu(translate("menus", "&Go"))
    taken: set[str] = set()
    for number, (key, _) in enumerate(PANES, start=1):
        _action(
            window,
            go,
            _marked(pane_label(key), taken),
            lambda _=False, k=key: window.show_pane(k),
            f"Ctrl+{number}",
            needs_start=False,
        )

    help_menu = bar.addMenu(translate("menus", "&Help"))
    window.cheat_sheet_action = _action(
        window,
        help_menu,
        translate("menus", "&Markdown Cheat Sheet"),
        lambda: _in_compose(window, lambda c: c.show_markdown_help()),
        shown="F1",
        tip=translate("menus", "What to type for bold, lists, links and the rest"),
    )
    _action(
        window,
        help_menu,
        translate("menus", "&About {app}").format(app=APP_NAME),
        window.show_about,
        needs_start=False,
    )
    _action(
        window,
        help_menu,
        translate("menus", "Open &Log Folder"),
        window.open_log_folder,
        tip=translate("menus", "The folder with the app's log files, for reporting a problem"),
        needs_start=False,
    )


def _marked(text: str, taken: set[str]) -> str:
    """``text`` with a letter no earlier entry took as its mnemonic (the first one free):
    with two entries on one letter (Sent, Settings) the key only moves between them. The
    names are translated, so the letters cannot be written in by hand."""
    for index, char in enumerate(text):
        if char.isalnum() and char.lower() not in taken:
            taken.add(char.lower())
            return f"{text[:index]}&{text[index:]}"
    return text


def _template_actions(window: MainWindow, file: QMenu) -> None:
    """Templates (issue 16): local ones kept in the mailbox, and SMTPeter's own."""
    window.new_from_template_action = _action(
        window,
        file,
        translate("menus", "New from &Template…"),
        window.new_from_template,
        tip=translate("menus", "Start a message from a template; rename or delete templates"),
    )
    window.save_template_action = _action(
        window,
        file,
        translate("menus", "Save as Templat&e…"),
        window.save_as_template,
        tip=translate("menus", "Keep this message as a template to start others from"),
    )
    window.smtpeter_templates_action = _action(
        window,
        file,
        translate("menus", "SMTPeter Temp&lates…"),
        window.smtpeter_templates,
        tip=translate("menus", "Send one of your SMTPeter account's own templates (REST API)"),
    )


def _in_compose(window: MainWindow, act: Callable[[ComposePane], object]) -> None:
    """Find, Print and the cheat sheet belong to the compose pane: show it, then act (its
    own shortcuts do the same while it has the focus)."""
    window.show_pane("compose")
    if window.compose is not None:
        act(window.compose)
