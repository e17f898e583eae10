"""The settings pane: every control changes its option at once and saves it to settings.toml,
the window applies what it shows, and Restore Defaults puts the preferences back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.profiles import Identity, Profile
from smtpeter_desktop.storage.settings import Settings
from tests.ui.shell_helpers import Windows, answer, shown_messages, windows

from smtpeter_desktop.ui.settings_pane import SettingsPane

__all__ = ["shown_messages", "windows"]


def _pane(qtbot: Any, path: Path) -> tuple[SettingsPane, Settings, list[str]]:
    prefs = Settings.load(path)
    pane = SettingsPane(prefs)
    qtbot.addWidget(pane)
    changed: list[str] = []
    pane.changed.connect(changed.append)
    return pane, prefs, changed


def _saved(path: Path) -> Settings:
    return Settings.load(path)


def test_each_control_saves_its_option_at_once(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    pane, _, changed = _pane(qtbot, path)

    pane.undo_seconds.setValue(0)
    pane.confirm.setChecked(True)
    pane.preview.setChecked(False)
    pane.font_size.setValue(14)
    pane.theme.setCurrentIndex(pane.theme.findData("dark"))
    pane.warn_recipients.setValue(40)
    pane.warn_size.setValue(10)

    saved = _saved(path)
    assert saved.get(settings.UNDO_SEND_SECONDS) == 0
    assert saved.get(settings.CONFIRM_BEFORE_SEND) is True
    assert saved.get(settings.PREVIEW) is False
    assert saved.get(settings.EDITOR_FONT_SIZE) == 14
    assert saved.get(settings.THEME) == "dark"
    assert saved.get(settings.WARN_RECIPIENTS) == 40
    assert saved.get(settings.WARN_SIZE_MB) == 10
    assert changed == [
        "undo_send_seconds",
        "confirm_before_send",
        "preview",
        "editor_font_size",
        "theme",
        "warn_recipients",
        "warn_size_mb",
    ]
    assert pane.undo_seconds.text() == "Off (send at once)"


def test_the_editor_font_is_the_system_one_until_one_is_chosen(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    pane, _, _ = _pane(qtbot, path)
    assert pane.system_font.isChecked() and not pane.font_family.isEnabled()
    pane.system_font.setChecked(False)
    assert pane.font_family.isEnabled()
    family = pane.font_family.currentFont().family()
    assert _saved(path).get(settings.EDITOR_FONT_FAMILY) == family
    pane.system_font.setChecked(True)
    assert _saved(path).get(settings.EDITOR_FONT_FAMILY) == ""
    assert isinstance(QFont(family), QFont)


def test_the_plain_text_keyring_warns_before_it_is_allowed(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    pane, _, _ = _pane(qtbot, path)
    pane.show()
    assert not pane.plaintext_warning.isVisible()
    pane.plaintext.setChecked(True)
    assert pane.plaintext_warning.isVisible()
    assert "unencrypted" in pane.plaintext_warning.text()
    assert "next time" in pane.plaintext_warning.text()
    assert _saved(path).get(settings.ALLOW_PLAINTEXT_KEYRING) is True


def test_the_default_account_lists_the_accounts(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    pane, _, _ = _pane(qtbot, path)
    work = Profile.create("Work", "rest", identities=(Identity("Ann", "ann@example.com"),))
    home = Profile.create("Home", "smtp", identities=(Identity("Ann", "ann@home.example"),))
    pane.set_profiles([work, home])
    names = [pane.default_profile.itemText(i) for i in range(pane.default_profile.count())]
    assert names == ["The first account", "Work", "Home"]
    pane.default_profile.setCurrentIndex(2)
    assert _saved(path).get(settings.DEFAULT_PROFILE) == home.id
    pane.set_profiles([work])
    assert pane.default_profile.currentText() == "An account that no longer exists"


def test_restore_defaults_asks_then_resets_the_preferences_only(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    pane, prefs, changed = _pane(qtbot, path)
    pane.show()
    pane.undo_seconds.setValue(20)
    pane.confirm.setChecked(True)
    prefs.set(settings.WELCOME_DISMISSED, True)  # window state, not a preference
    changed.clear()
    pane.restore.click()
    assert "back to how it came" in answer(qtbot, "Restore Defaults")
    saved = _saved(path)
    assert saved.get(settings.UNDO_SEND_SECONDS) == 5
    assert saved.get(settings.CONFIRM_BEFORE_SEND) is False
    assert saved.get(settings.WELCOME_DISMISSED) is True
    assert pane.undo_seconds.value() == 5 and not pane.confirm.isChecked()
    assert sorted(changed) == ["confirm_before_send", "undo_send_seconds"]


def test_a_mistake_in_the_settings_file_is_shown(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('undo_send_seconds = "five"\n', encoding="utf-8")
    pane, _, _ = _pane(qtbot, path)
    pane.show()
    assert pane.problems.isVisible()
    assert "line 1" in pane.problems.text() and "undo_send_seconds" in pane.problems.text()


def test_the_window_applies_theme_font_and_preview_at_once(windows: Windows) -> None:
    window = windows()
    pane = window.settings_pane
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        pane.theme.setCurrentIndex(pane.theme.findData("dark"))
        QApplication.processEvents()
        assert window.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
        pane.preview.setChecked(False)
        assert not window.compose.preview.is_enabled_preview()
        pane.font_size.setValue(16)
        assert window.compose.editor.font().pointSize() == 16
    finally:
        pane.theme.setCurrentIndex(pane.theme.findData("system"))
        QApplication.processEvents()
    assert window.palette().color(QPalette.ColorRole.Window).lightnessF() > 0.5


def test_choosing_the_default_account_in_settings_shows_in_accounts(windows: Windows) -> None:
    window = windows()
    profile = window.context.profiles.load()[0]
    pane = window.settings_pane
    pane.default_profile.setCurrentIndex(pane.default_profile.findData(profile.id))
    assert window.prefs.get(settings.DEFAULT_PROFILE) == profile.id
    marked = [
        window.accounts.list.topLevelItem(row).text(0)
        for row in range(window.accounts.list.topLevelItemCount())
    ]
    assert f"{profile.name}  (default)" in marked
