"""The window in Dutch: our catalogue through Qt's translator, Qt's own buttons, the locale, and
the Language row of Settings.

Real parts: the real catalogue (compiled by `make`, else read from the .ts), Qt's qtbase_nl.qm,
real widgets, the real settings file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from smtpeter_desktop import assets, i18n
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.settings import Settings

from smtpeter_desktop.ui import translations
from smtpeter_desktop.ui.settings_pane import SettingsPane

TS = assets.resource_dir() / "translations" / "smtpeter_desktop_nl.ts"


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[str]:
    """The app speaking Dutch for one test, English again after it."""
    language = translations.install(qapp, language="nl")
    try:
        yield language
    finally:
        translations.uninstall(qapp)


def _buttons() -> dict[str, str]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    return {
        "save": box.button(QDialogButtonBox.StandardButton.Save).text(),
        "cancel": box.button(QDialogButtonBox.StandardButton.Cancel).text(),
    }


def test_the_window_in_dutch_shows_dutch(dutch: str, qtbot: Any, tmp_path: Path) -> None:
    assert dutch == "nl"
    pane = SettingsPane(Settings.load(tmp_path / "settings.toml"))
    qtbot.addWidget(pane)
    assert pane.language.itemText(0) == "Systeem volgen"
    assert pane.language_note.text() == ("De taal gaat in wanneer SMTPeter Desktop opnieuw start.")
    # Qt's own words come from qtbase_nl.qm.
    assert _buttons() == {"save": "Opslaan", "cancel": "Annuleren"}
    # Dates and numbers as the Dutch write them.
    assert QLocale().monthName(3) == "maart"
    assert QLocale().toString(QDate(2026, 12, 24), "d MMMM yyyy") == "24 december 2026"
    assert human_size(2.5 * 1024) == "2,5 KB"
    # The core's sentences, shown by the window, through the same translator.
    assert i18n.translate("storage.settings", "{name} must be one line.") == (
        "{name} moet één regel zijn."
    )


def test_english_again_after_uninstall(qapp: QApplication) -> None:
    translations.install(qapp, language="nl")
    translations.uninstall(qapp)
    assert _buttons() == {"save": "Save", "cancel": "Cancel"}
    assert i18n.translate("SettingsPane", "Follow the system") == "Follow the system"
    assert human_size(2.5 * 1024) == "2.5 KB"


def test_without_a_compiled_catalogue_the_ts_is_read(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout where `make` never built the .qm still speaks Dutch (and the bundle, should
    the .qm be missing from it)."""
    (tmp_path / "translations").mkdir()
    shutil.copy(TS, tmp_path / "translations" / TS.name)
    monkeypatch.setattr(assets, "resource_dir", lambda: tmp_path)
    translations.install(qapp, language="nl")
    try:
        assert i18n.translate("SettingsPane", "Follow the system") == "Systeem volgen"
        assert _buttons()["cancel"] == "Annuleren"
    finally:
        translations.uninstall(qapp)


def test_the_language_follows_the_setting_in_the_app_folder(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.LANGUAGE_VARIABLE)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    (tmp_path / "settings.toml").write_text('language = "nl"\n', encoding="utf-8")
    try:
        assert translations.install(qapp, tmp_path) == "nl"
        (tmp_path / "settings.toml").write_text('language = "system"\n', encoding="utf-8")
        assert translations.install(qapp, tmp_path) == "en"
        monkeypatch.setenv("LANG", "nl_NL.UTF-8")
        assert translations.install(qapp, tmp_path) == "nl"
    finally:
        translations.uninstall(qapp)


def test_the_language_row_saves_the_choice_and_says_when_it_applies(
    qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "settings.toml"
    pane = SettingsPane(Settings.load(path))
    qtbot.addWidget(pane)
    changed: list[str] = []
    pane.changed.connect(changed.append)
    assert pane.language.currentData() == "system"
    assert [pane.language.itemText(i) for i in range(3)] == [
        "Follow the system",
        "English",
        "Nederlands",
    ]
    pane.language.setCurrentIndex(pane.language.findData("nl"))
    assert Settings.load(path).get(settings.LANGUAGE) == "nl"
    assert i18n.setting_in(tmp_path) == "nl"  # what the next start reads, before Qt
    assert changed == ["language"]
    assert "starts again" in pane.language_note.text()

    again = SettingsPane(Settings.load(path))
    qtbot.addWidget(again)
    assert again.language.currentData() == "nl"
