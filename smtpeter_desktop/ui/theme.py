"""The pane's look taken from the system: colours from the palette, icons from the icon theme.

Nothing here names a fixed colour for text on the window's background: every colour is
derived from the current palette, so a dark palette gets light accents and a light one dark
accents, and both stay readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QWidget


def is_dark(palette: QPalette) -> bool:
    """Whether text is light on a dark background in ``palette``."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def blend(first: QColor, second: QColor, amount: float) -> QColor:
    """``first`` moved ``amount`` (0..1) of the way towards ``second``."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


def accent(palette: QPalette, hue: int) -> QColor:
    """A colour of ``hue`` (degrees) that reads well on the palette's base colour."""
    if is_dark(palette):
        return QColor.fromHslF(hue / 360, 0.60, 0.72)
    return QColor.fromHslF(hue / 360, 0.70, 0.36)


def muted(palette: QPalette) -> QColor:
    """Secondary text: between the text colour and the background."""
    return blend(
        palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.42
    )


def error(palette: QPalette) -> QColor:
    """The colour of a problem the user must fix (a bad address, a missing file)."""
    if is_dark(palette):
        return QColor.fromHslF(0.0, 0.85, 0.66)
    return QColor.fromHslF(0.0, 0.70, 0.45)


def icon(
    name: str, fallback: QStyle.StandardPixmap | None = None, widget: QWidget | None = None
) -> QIcon:
    """The icon theme's ``name``; else the style's ``fallback``; else an empty icon.

    Windows and macOS have no freedesktop icon theme, nor has a bare X server: there the
    buttons carry their text alone, which reads fine.
    """
    found = QIcon.fromTheme(name)
    if not found.isNull() or fallback is None:
        return found
    style = widget.style() if widget is not None else QApplication.style()
    return style.standardIcon(fallback)
