"""The window's look: light, dark or the system's, and the sidebar's icons drawn to match.

``apply_theme`` asks Qt for the colour scheme (``QStyleHints.setColorScheme``, Qt 6.8+).
Where the platform cannot switch (a bare X server, the offscreen platform, some desktops)
the scheme stays unknown, and a light or dark palette of our own is set instead; "system"
gives the style's own palette back.

The sidebar's icons are drawn here in the palette's text colour rather than taken from an
icon theme, which Windows, macOS and a bare X server lack and whose look varies by desktop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QWidget

THEMES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.ToolTipBase: "#3c3f41",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8c8f94",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#35373a",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#45484c",
    QPalette.ColorRole.Midlight: "#3a3d40",
    QPalette.ColorRole.Mid: "#2f3134",
    QPalette.ColorRole.Dark: "#1a1b1d",
    QPalette.ColorRole.Shadow: "#101112",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb0ff",
    QPalette.ColorRole.LinkVisited: "#c39bff",
}
_DISABLED = {
    QPalette.ColorRole.WindowText: "#7d8086",
    QPalette.ColorRole.Text: "#7d8086",
    QPalette.ColorRole.ButtonText: "#7d8086",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(app: QApplication, choice: str) -> None:
    """Light, dark, or the system's look (``settings.THEME``), for the whole app, at once."""
    hints = app.styleHints()
    # A palette without any role set gives the platform's own colours back.
    app.setPalette(QPalette())
    if choice in ("light", "dark"):
        wanted = Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(wanted)
        if hints.colorScheme() != wanted:
            # The platform could not switch: set the palette ourselves.
            app.setPalette(dark_palette() if choice == "dark" else _light_palette())
    else:
        hints.unsetColorScheme()
    repolish(app)


def repolish(app: QApplication) -> None:
    """Make every open widget take the app's palette now, not at the next start.

    A widget under a style sheet got its palette from the sheet when it was polished and
    keeps it through an application palette change: fields stayed white in dark. Setting each
    sheet again re-polishes the widgets under it, each of which then gets a ``PaletteChange``
    and recomputes the colours it derives (problem labels, accents, icons).
    """
    # Imported here: lists reaches compose code that the first frame must not wait for.
    from smtpeter_desktop.ui import lists

    # The palette reaches the widgets through posted events: let it arrive first, so the
    # colours recomputed below derive from the new palette.
    QApplication.sendPostedEvents()
    for top in app.topLevelWidgets():
        for widget in [top, *top.findChildren(QWidget)]:
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet("")
                widget.setStyleSheet(sheet)
        widgets = [top, *top.findChildren(QWidget)]
        for widget in widgets:
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
        # Last, once every palette is final: each widget recomputes what it derives from it.
        for widget in widgets:
            QApplication.sendEvent(widget, QEvent(QEvent.Type.PaletteChange))
            if isinstance(widget, QLabel):
                lists.repaint(widget)
            widget.update()


def _light_palette() -> QPalette:
    # Fusion's own light palette, whatever the platform's colours are.
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion")
    return fusion.standardPalette()


# Sidebar icons --------------------------------------------------------------------------

ICON_SIZE = 20


def sidebar_icon(kind: str, colour: QColor, size: int = ICON_SIZE) -> QIcon:
    """A line icon for a sidebar entry: compose, outbox, sent, drafts, accounts, settings."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.scale(size / 20, size / 20)
        _DRAW[kind](painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _compose(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(4, 16)
    path.lineTo(5, 12.5)
    path.lineTo(13.5, 4)
    path.lineTo(16, 6.5)
    path.lineTo(7.5, 15)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(12, 5.5), QPointF(14.5, 8))


def _outbox(p: QPainter) -> None:
    tray = QPainterPath()
    tray.moveTo(3, 11)
    tray.lineTo(3, 16)
    tray.lineTo(17, 16)
    tray.lineTo(17, 11)
    p.drawPath(tray)
    p.drawLine(QPointF(10, 3.5), QPointF(10, 12))
    p.drawLine(QPointF(6.5, 7), QPointF(10, 3.5))
    p.drawLine(QPointF(13.5, 7), QPointF(10, 3.5))


def _sent(p: QPainter) -> None:
    plane = QPainterPath()
    plane.moveTo(3, 9.5)
    plane.lineTo(17, 3.5)
    plane.lineTo(12, 17)
    plane.lineTo(9.5, 11)
    plane.closeSubpath()
    p.drawPath(plane)
    p.drawLine(QPointF(9.5, 11), QPointF(17, 3.5))


def _drafts(p: QPainter) -> None:
    # A page with a folded corner and two lines of text.
    page = QPainterPath()
    page.moveTo(5, 3)
    page.lineTo(12, 3)
    page.lineTo(15.5, 6.5)
    page.lineTo(15.5, 17)
    page.lineTo(5, 17)
    page.closeSubpath()
    p.drawPath(page)
    p.drawLine(QPointF(7.5, 10), QPointF(13, 10))
    p.drawLine(QPointF(7.5, 13.5), QPointF(13, 13.5))


def _accounts(p: QPainter) -> None:
    p.drawEllipse(QRectF(7, 3, 6, 6))
    body = QPainterPath()
    body.moveTo(3.5, 17)
    body.cubicTo(3.5, 12, 16.5, 12, 16.5, 17)
    p.drawPath(body)


def _settings(p: QPainter) -> None:
    # Three sliders: calmer than a gear at this size.
    for y, knob in ((5.0, 7.0), (10.0, 13.0), (15.0, 9.0)):
        p.drawLine(QPointF(3, y), QPointF(17, y))
        p.save()
        p.setBrush(p.pen().color())
        p.drawEllipse(QPointF(knob, y), 1.8, 1.8)
        p.restore()


_DRAW = {
    "compose": _compose,
    "outbox": _outbox,
    "sent": _sent,
    "drafts": _drafts,
    "accounts": _accounts,
    "settings": _settings,
}
