"""Switching the theme in Settings applies to every open widget at once, as Settings says.

Real parts: the main window on the test's home, the Settings pane's own combo box.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.shell_helpers import Windows, shown_messages, windows

from smtpeter_desktop.ui import appearance, theme
from smtpeter_desktop.ui.messages import MessageBar

__all__ = ["shown_messages", "windows"]

Role = QPalette.ColorRole


@pytest.fixture
def restore_theme() -> Iterator[None]:
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_theme(app, "system")  # the app palette outlives the test


def _choose(window: Any, value: str) -> None:
    pane = window.settings_pane
    window.show_pane("settings")
    pane.theme.setCurrentIndex(pane.theme.findData(value))


def _readable(label: QLabel, contrast: float = 0.4) -> bool:
    palette = label.palette()
    text = palette.color(label.foregroundRole()).lightnessF()
    background = palette.color(Role.Window).lightnessF()
    return abs(text - background) > contrast


def test_dark_and_light_apply_live_to_fields_labels_and_banners(
    windows: Windows, qtbot: Any, restore_theme: None
) -> None:
    window = windows()
    compose = window.compose
    subject_label = next(
        label for label in compose.findChildren(QLabel) if label.buddy() is compose.subject
    )
    [bar] = [bar for bar in window.findChildren(MessageBar) if bar.isVisible()][:1]
    for choice in ("dark", "light", "dark"):
        _choose(window, choice)
        qtbot.wait(10)
        dark = choice == "dark"
        app_base = QApplication.palette().color(Role.Base)
        assert theme.is_dark(QApplication.palette()) is dark
        for field in (compose.to, compose.subject, compose.editor):
            assert field.palette().color(Role.Base) == app_base, (choice, field)
            assert theme.is_dark(field.palette()) is dark
        assert _readable(subject_label), choice
        assert window.palette().color(Role.Window) == QApplication.palette().color(Role.Window)
        # The banner's accent is derived from the new palette: light on dark, dark on light.
        accent = bar._symbol.palette().color(Role.WindowText)
        assert (accent.lightnessF() > 0.5) is dark, choice
        # Secondary text painted by tone (the Settings note) follows too.
        note = next(
            label
            for label in window.settings_pane.findChildren(QLabel)
            if label.text().startswith("Changes apply at once")
        )
        assert _readable(note, 0.3), choice  # muted on purpose, but not near-invisible
