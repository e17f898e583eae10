"""The window's sidebar: its panes, with icons and labels, and the Outbox's count."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import appearance

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem

PANES = (
    ("compose", "Compose"),
    ("outbox", "Outbox"),
    ("sent", "Sent"),
    ("drafts", "Drafts"),
    ("accounts", "Accounts"),
    ("settings", "Settings"),
)
"""The panes in order, each with its English name (a key for code and tests); what a person
sees is :func:`pane_label`."""


def pane_label(key: str) -> str:
    """The name of pane ``key`` in the user's language, as the sidebar and menus show it."""
    # A function, not a table: the language is only known once the app has started.
    labels = {
        "compose": translate("sidebar", "Compose"),
        "outbox": translate("sidebar", "Outbox"),
        "sent": translate("sidebar", "Sent"),
        "drafts": translate("sidebar", "Drafts"),
        "accounts": translate("sidebar", "Accounts"),
        "settings": translate("sidebar", "Settings"),
    }
    return labels[key]


_BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
_KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class _BadgeDelegate(QStyledItemDelegate):
    """Draws a sidebar entry, with a count in a rounded badge at its right (the Outbox's)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | Any
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(_BADGE_ROLE)
        if not count:
            return
        text = str(count)
        metrics = QFontMetrics(option.font)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 12)
        rect: QRect = option.rect
        badge = QRect(rect.right() - width - 8, rect.center().y() - height // 2, width, height)
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        from smtpeter_desktop.ui import theme

        painter.setBrush(theme.accent(palette, 210))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Base))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | Any) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 36, max(size.height(), 34))


class Sidebar(QListWidget):
    """The panes, with icons and labels; the Outbox shows how many messages wait."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Sidebar", "Sections"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(QSize(appearance.ICON_SIZE, appearance.ICON_SIZE))
        self.setItemDelegate(_BadgeDelegate(self))
        self.setSpacing(2)
        for number, (key, _) in enumerate(PANES, start=1):
            label = pane_label(key)
            item = QListWidgetItem(label)
            item.setData(_KEY_ROLE, key)
            item.setToolTip(
                translate("Sidebar", "{pane} (Ctrl+{number})").format(pane=label, number=number)
            )
            self.addItem(item)
        self._paint_icons()
        width = max(self.sizeHintForColumn(0), 150) + 12
        self.setFixedWidth(width)

    def key_at(self, row: int) -> str:
        return str(self.item(row).data(_KEY_ROLE))

    def row_of(self, key: str) -> int:
        return next(i for i, (k, _) in enumerate(PANES) if k == key)

    def set_badge(self, key: str, count: int) -> None:
        item = self.item(self.row_of(key))
        item.setData(_BADGE_ROLE, count)
        label = pane_label(key)
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            translate("Sidebar", "{pane}, {count} waiting").format(pane=label, count=count)
            if count
            else label,
        )

    def badge(self, key: str) -> int:
        return int(self.item(self.row_of(key)).data(_BADGE_ROLE) or 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()

    def _paint_icons(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.Text)
        for row, (key, _) in enumerate(PANES):
            self.item(row).setIcon(appearance.sidebar_icon(key, colour))
