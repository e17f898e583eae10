"""The window's menus: each action, its key, and whether it waits for the data to open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from smtpeter_desktop import APP_NAME

from smtpeter_desktop.ui.sidebar import PANES

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
    action.setToolTip(f"{tip or plain} ({keys})" if keys else tip or plain)
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
    file = bar.addMenu("&File")
    window.new_action = _action(window, file, "&New Message", window.new_message, "Ctrl+N")
    window.open_draft_action = _action(
        window, file, "&Open Draft…", window.show_drafts, "Ctrl+O", tip="Every unsent draft"
    )
    _template_actions(window, file)
    file.addSeparator()
    window.send_action = _action(window, file, "&Send", window.send, shown="Ctrl+Return")
    window.check_action = _action(
        window,
        file,
        "Chec&k Message",
        window.check_message,
        "Ctrl+Shift+K",
        tip="What SMTPeter and the receivers will make of the message, before sending",
    )
    window.save_action = _action(window, file, "Sa&ve Draft", window.save_draft, "Ctrl+S")
    window.print_action = _action(
        window,
        file,
        "&Print…",
        lambda: _in_compose(window, lambda c: c.ask_print()),
        shown="Ctrl+P",
        tip="Print the message as the preview shows it",
    )
    file.addSeparator()
    _action(window, file, "&Close Window", window.close, "Ctrl+W", needs_start=False)
    _action(window, file, "&Quit", window.close, "Ctrl+Q", needs_start=False)

    edit = bar.addMenu("&Edit")
    for text, standard, method in (
        ("&Undo", QKeySequence.StandardKey.Undo, "undo"),
        ("&Redo", QKeySequence.StandardKey.Redo, "redo"),
        ("Cu&t", QKeySequence.StandardKey.Cut, "cut"),
        ("&Copy", QKeySequence.StandardKey.Copy, "copy"),
        ("&Paste", QKeySequence.StandardKey.Paste, "paste"),
        ("Select &All", QKeySequence.StandardKey.SelectAll, "selectAll"),
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
        "&Find…",
        lambda: _in_compose(window, lambda c: c.find_bar.open()),
        shown="Ctrl+F",
        tip="Find words in the message text",
    )
    window.undo_send_action = _action(
        window, edit, "Undo Sen&d", window._undo_send, tip="Take back the message counting down"
    )

    view = bar.addMenu("&View")
    window.preview_action = _action(window, view, "Show &Preview", window._toggle_preview)
    window.preview_action.setCheckable(True)
    window.extras_action = _action(
        window, view, "&Cc, Bcc and Reply-To", window._toggle_extras, shown="Ctrl+Shift+B"
    )
    window.extras_action.setCheckable(True)
    window.options_action = _action(
        window, view, "SMTPeter &Options", window._toggle_options, shown="Ctrl+Shift+O"
    )
    window.options_action.setCheckable(True)
    view.aboutToShow.connect(window._sync_view_menu)
    edit.aboutToShow.connect(window._sync_edit_menu)

    go = bar.addMenu("&Go")
    for number, (key, label) in enumerate(PANES, start=1):
        _action(
            window,
            go,
            f"&{label}",
            lambda _=False, k=key: window.show_pane(k),
            f"Ctrl+{number}",
            needs_start=False,
        )

    help_menu = bar.addMenu("&Help")
    window.cheat_sheet_action = _action(
        window,
        help_menu,
        "&Markdown Cheat Sheet",
        lambda: _in_compose(window, lambda c: c.show_markdown_help()),
        shown="F1",
        tip="What to type for bold, lists, links and the rest",
    )
    _action(window, help_menu, f"&About {APP_NAME}", window.show_about, needs_start=False)
    _action(
        window,
        help_menu,
        "Open &Log Folder",
        window.open_log_folder,
        tip="The folder with the app's log files, for reporting a problem",
        needs_start=False,
    )


def _template_actions(window: MainWindow, file: QMenu) -> None:
    """Templates (issue 16): local ones kept in the mailbox, and SMTPeter's own."""
    from smtpeter_desktop.i18n import translate

    window.new_from_template_action = _action(
        window,
        file,
        translate("Menus", "New from &Template…"),
        window.new_from_template,
        tip=translate("Menus", "Start a message from a template; rename or delete templates"),
    )
    window.save_template_action = _action(
        window,
        file,
        translate("Menus", "Save as Templat&e…"),
        window.save_as_template,
        tip=translate("Menus", "Keep this message as a template to start others from"),
    )
    window.smtpeter_templates_action = _action(
        window,
        file,
        translate("Menus", "SMTPeter Temp&lates…"),
        window.smtpeter_templates,
        tip=translate("Menus", "Send one of your SMTPeter account's own templates (REST API)"),
    )


def _in_compose(window: MainWindow, act: Callable[[ComposePane], object]) -> None:
    """Find, Print and the cheat sheet belong to the compose pane: show it, then act (its
    own shortcuts do the same while it has the focus)."""
    window.show_pane("compose")
    if window.compose is not None:
        act(window.compose)
