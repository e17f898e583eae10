"""Settings in the main window: a changed setting applied at once (theme, preview, spelling,
fonts), the View menu's toggles, mistakes in the settings file told, and the window's own
state (geometry, the compose splitter, Cc/Bcc and Options shown) kept between runs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import appearance

if TYPE_CHECKING:
    from smtpeter_desktop.storage.settings import Option

    from smtpeter_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def apply_setting(window: MainWindow, name: str) -> None:
    """Setting ``name`` changed (in Settings or a menu): make the window show it now."""
    from smtpeter_desktop.storage import settings

    from smtpeter_desktop.ui import window_tools

    prefs = window.prefs
    app = QApplication.instance()
    compose = window.compose
    if name == settings.THEME.name and isinstance(app, QApplication):
        appearance.apply_theme(app, prefs.get(settings.THEME))
    elif compose is None:
        return
    elif name == settings.DEFAULT_PROFILE.name and window._accounts is not None:
        window._accounts.refresh()  # its list marks the default
    elif name == settings.PREVIEW.name:
        compose.set_enabled_preview(prefs.get(settings.PREVIEW))
    elif name in (settings.SPELL_CHECK.name, settings.SPELL_LANGUAGE.name):
        window_tools.configure_spelling(window)
    elif name == settings.LATE_SEND_LIMIT_HOURS.name:
        if window.late_messages is not None:
            window.late_messages.look()
        if window._outbox is not None:
            window._outbox.refresh()
    elif name in (settings.EDITOR_FONT_FAMILY.name, settings.EDITOR_FONT_SIZE.name):
        compose.set_editor_font(
            prefs.get(settings.EDITOR_FONT_FAMILY), prefs.get(settings.EDITOR_FONT_SIZE)
        )


def save_setting(window: MainWindow, option: Option[Any], value: Any) -> None:
    """Keep ``option`` at ``value``; a failure to write is logged, the window goes on."""
    try:
        window.prefs.set(option, value)
        window.prefs.save()
    except StorageError as exc:
        log.warning("The setting %s was not saved: %s", option.name, exc)


def report_problems(window: MainWindow) -> None:
    """Tell each mistake found in the settings file (its default is used instead)."""
    from smtpeter_desktop.ui import messages

    for problem in window.prefs.problems:
        messages.warning(
            translate("MainWindow", "A mistake in your settings file: {reason}").format(
                reason=problem.message
            ),
            problem.hint or translate("MainWindow", "The default is used instead; see Settings."),
        )


# The View menu ---------------------------------------------------------------------------


def sync_view_menu(window: MainWindow) -> None:
    """Tick the View menu's toggles as the window is now."""
    from smtpeter_desktop.storage import settings

    if window.compose is None:
        return
    window.preview_action.setChecked(window.prefs.get(settings.PREVIEW))
    window.extras_action.setChecked(window.compose.extras_visible())
    window.options_action.setChecked(window.compose.options_visible())


def toggle_preview(window: MainWindow, checked: bool) -> None:
    from smtpeter_desktop.storage import settings

    save_setting(window, settings.PREVIEW, bool(checked))
    apply_setting(window, settings.PREVIEW.name)
    if window._settings_pane is not None:
        window._settings_pane.load()


# The window's state between runs ---------------------------------------------------------


def restore_geometry(window: MainWindow) -> None:
    """The size and place the window had; a first run takes most of the screen."""
    state = window._state
    geometry = state.value("window/geometry")
    if geometry is not None and window.restoreGeometry(geometry):
        shown = state.value("window/state")
        if shown is not None:
            window.restoreState(shown)
        return
    available = QApplication.primaryScreen().availableGeometry()
    window.resize(min(1200, int(available.width() * 0.9)), min(800, int(available.height() * 0.9)))


def restore_compose_state(window: MainWindow) -> None:
    from smtpeter_desktop.storage import settings

    if window.compose is None:
        return
    splitter = window._state.value("compose/splitter")
    if splitter is not None:
        window.compose.splitter().restoreState(splitter)
    if window.prefs.get(settings.SHOW_CC_BCC):
        window.compose.set_extras_visible(True)
    window.compose.set_options_visible(window.prefs.get(settings.SHOW_OPTIONS))


def save_state(window: MainWindow) -> None:
    from smtpeter_desktop.storage import settings

    state = window._state
    state.setValue("window/geometry", window.saveGeometry())
    state.setValue("window/state", window.saveState())
    if window.compose is not None:
        state.setValue("compose/splitter", window.compose.splitter().saveState())
        window.prefs.set(settings.SHOW_CC_BCC, window.compose.extras_visible())
        save_setting(window, settings.SHOW_OPTIONS, window.compose.options_visible())
    state.sync()
