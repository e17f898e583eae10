"""The account dialog's senders table: who mail from the account may come from, read into
``Identity`` values, with the row and cell at fault marked."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import InvalidProfile
from smtpeter_desktop.storage.profiles import Identity

from smtpeter_desktop.ui import theme
from smtpeter_desktop.ui.address_field import message_label

COLUMNS = ("name", "address", "reply_to")


class SenderProblem(Exception):
    """A sender row that cannot be used: where (row -1: the table as a whole), and why."""

    def __init__(self, row: int, column: int, message: str) -> None:
        super().__init__(message)
        self.row = row
        self.column = column
        self.message = message


class SendersTable(QWidget):
    """The table of senders with Add and Remove, and the sentence saying what is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("SendersTable", "Name"),
                translate("SendersTable", "Address"),
                translate("SendersTable", "Reply-To (optional)"),
            ]
        )
        self.table.setAccessibleName(translate("SendersTable", "Senders"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(96)
        self.table.setMaximumHeight(150)
        self.table.itemChanged.connect(lambda _item: self.clear_marks())
        self.add_button = QPushButton(translate("SendersTable", "Add S&ender"), self)
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button = QPushButton(translate("SendersTable", "Remove Sen&der"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def add(self, identity: Identity | None = None, *, focus: bool = True) -> None:
        """Add a row (empty, or ``identity``); an empty one is opened for typing."""
        table = self.table
        row = table.rowCount()
        table.insertRow(row)
        values = (identity.name, identity.address, identity.reply_to) if identity else ("",) * 3
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
        if focus and identity is None:
            table.setCurrentCell(row, 1)
            item = table.item(row, 1)
            if item is not None:
                table.editItem(item)

    def remove_selected(self) -> None:
        table = self.table
        rows = sorted({index.row() for index in table.selectedIndexes()}, reverse=True)
        if not rows and table.currentRow() >= 0:
            rows = [table.currentRow()]
        for row in rows:
            table.removeRow(row)
        self.clear_marks()

    def identities(self, *, required: bool) -> tuple[Identity, ...]:
        """The senders as typed; raises ``SenderProblem`` for a row that cannot be used, or
        when ``required`` and there is none."""
        found: list[Identity] = []
        for row in range(self.table.rowCount()):
            values = [self._cell(row, column) for column in range(3)]
            if not any(values):
                continue
            if not values[1]:
                raise SenderProblem(row, 1, translate("SendersTable", "A sender needs an address."))
            try:
                found.append(Identity(name=values[0], address=values[1], reply_to=values[2]))
            except InvalidProfile as exc:
                column = COLUMNS.index(exc.field) if exc.field in COLUMNS else 1
                raise SenderProblem(row, column, exc.message) from exc
        if not found and required:
            raise SenderProblem(
                -1,
                1,
                translate(
                    "SendersTable", "Add at least one sender: the address your mail comes from."
                ),
            )
        return tuple(found)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def mark(self, problem: SenderProblem) -> None:
        """Say what is wrong under the table, tint the cell at fault and put the focus there."""
        prefix = (
            translate("SendersTable", "Sender {number}: ").format(number=problem.row + 1)
            if problem.row >= 0
            else ""
        )
        self.message.setText(prefix + problem.message)
        self.message.setVisible(True)
        table = self.table
        item = table.item(problem.row, problem.column) if problem.row >= 0 else None
        if item is not None:
            palette = self.palette()
            tint = theme.blend(palette.color(QPalette.ColorRole.Base), theme.error(palette), 0.25)
            # A change of colour is not an edit: the mark must not clear itself.
            table.blockSignals(True)
            try:
                item.setBackground(QBrush(tint))
            finally:
                table.blockSignals(False)
            table.setCurrentItem(item)
        table.setFocus()

    def clear_marks(self) -> None:
        self.message.setVisible(False)
        table = self.table
        table.blockSignals(True)
        try:
            for row in range(table.rowCount()):
                for column in range(3):
                    item = table.item(row, column)
                    if item is not None:
                        item.setBackground(QBrush())
        finally:
            table.blockSignals(False)

    def problem(self) -> str:
        """The sentence under the table; empty when none."""
        return self.message.text() if self.message.isVisibleTo(self.window()) else ""
