"""The account dialog's building blocks: a field with its problem sentence, a section that
opens under an arrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.address_field import message_label, set_invalid


class Disclosure(QWidget):
    """A section that opens and closes under a small arrow button."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = False
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(title.replace("&", ""))
        self.button.clicked.connect(lambda: self.set_open(not self.opened))
        self.content = content
        content.setParent(self)
        content.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(content)

    def set_open(self, opened: bool) -> None:
        self.opened = opened
        self.button.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.button.setAccessibleDescription(
            translate("Disclosure", "open") if opened else translate("Disclosure", "closed")
        )
        self.content.setVisible(opened)


class Field(QWidget):
    """An input with the sentence that says what is wrong with it, right under it."""

    def __init__(
        self,
        widget: QWidget,
        parent: QWidget | None = None,
        *,
        extra: QWidget | None = None,
        grow: bool = True,
    ) -> None:
        super().__init__(parent)
        self.widget = widget
        self.message = message_label(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(widget, 1 if grow else 0)
        if extra is not None:
            row.addWidget(extra)
        if not grow:
            row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_invalid(self.widget, bool(text))

    def problem(self) -> str:
        """The sentence shown under the field; empty when none."""
        return self.message.text() if self.message.isVisibleTo(self.window()) else ""
