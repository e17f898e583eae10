"""The compose pane's bottom bar: its tools, then its send buttons, on one row, or on two
when the window is too narrow for one.

The tools (Attach, Options, Signature, Open in Browser, Spelling) and the send buttons (Check,
Send Later, Send) are more than a narrow window or a half screen holds side by side; one row
forced the whole window to stay 1,100 px wide. Below that width the send buttons go under
the tools, at the right, where Send was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QWidget

SPACING = 6
NOTE_CHARS = 16
"""Room kept on one row for the pane's note (between the groups), in average characters:
a note squeezed to nothing would be a note never read."""


class BottomBar(QWidget):
    """Two groups the pane fills: ``tool_row`` (left) and ``send_row`` (right).

    Attributes:
        tools, sending: the groups' widgets; tool_row, send_row: their layouts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tools = QWidget(self)
        self.sending = QWidget(self)
        self.tool_row = QHBoxLayout(self.tools)
        self.send_row = QHBoxLayout(self.sending)
        for row in (self.tool_row, self.send_row):
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(SPACING)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(SPACING)
        # The bar says its own minimum (that of two rows): the layout's, of the row shown
        # now, would keep a window that has one row from ever getting narrower.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._two_rows: bool | None = None
        self._arrange(two_rows=False)

    def two_rows(self) -> bool:
        return bool(self._two_rows)

    def one_row_width(self) -> int:
        """The width the tools and the send buttons need side by side, with room for a note."""
        return (
            self.tools.sizeHint().width()
            + self._grid.horizontalSpacing()
            + self.sending.minimumSizeHint().width()
            + self.fontMetrics().averageCharWidth() * NOTE_CHARS
        )

    def minimumSizeHint(self) -> QSize:
        width = max(self.tools.minimumSizeHint().width(), self.sending.minimumSizeHint().width())
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(two_rows=event.size().width() < self.one_row_width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A group's width changed (the Signature button names another signature, spelling
        # was turned on): one row may no longer fit, or fit again.
        if event.type() == QEvent.Type.LayoutRequest and self._two_rows is not None:
            self._arrange(two_rows=self.width() < self.one_row_width())
        return super().event(event)

    def _arrange(self, *, two_rows: bool) -> None:
        if two_rows == self._two_rows:
            return
        self._two_rows = two_rows
        self._grid.removeWidget(self.tools)
        self._grid.removeWidget(self.sending)
        if two_rows:
            self._grid.addWidget(self.tools, 0, 0)
            self._grid.addWidget(self.sending, 1, 0)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 0)
        else:
            self._grid.addWidget(self.tools, 0, 0)
            self._grid.addWidget(self.sending, 0, 1)
            self._grid.setColumnStretch(0, 0)
            self._grid.setColumnStretch(1, 1)
        self.updateGeometry()
