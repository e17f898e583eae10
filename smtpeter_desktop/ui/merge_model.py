"""The merge view's table: every row of the list, its address, its state and its problems.

A plain ``QAbstractTableModel`` over small tuples, filled a chunk at a time as the rows are
checked off the GUI thread, so a list of 100,000 rows shows as it is read. A row's state
changes as it is sent (``set_state``); a row is found by its number in a dictionary.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.lists import TONE_ROLE, Tone

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 40
"""The row's number in the list (as a spreadsheet numbers it: the header is row 1)."""

READY, PROBLEM, SENT_BEFORE = "ready", "problem", "sent before"
WAITING, SENDING, SENT, FAILED, UNKNOWN, SKIPPED = (
    "waiting",
    "sending",
    "sent",
    "failed",
    "unknown",
    "skipped",
)
_TONES = {
    READY: Tone.NEUTRAL,
    PROBLEM: Tone.BAD,
    SENT_BEFORE: Tone.GOOD,
    WAITING: Tone.NEUTRAL,
    SENDING: Tone.BUSY,
    SENT: Tone.GOOD,
    FAILED: Tone.BAD,
    UNKNOWN: Tone.WAIT,
    SKIPPED: Tone.WAIT,
}


def state_words(state: str) -> str:
    """A row's state as the table says it."""
    words = {
        READY: translate("MergeModel", "Ready"),
        PROBLEM: translate("MergeModel", "Problem"),
        SENT_BEFORE: translate("MergeModel", "Sent before"),
        WAITING: translate("MergeModel", "Waiting"),
        SENDING: translate("MergeModel", "Sending…"),
        SENT: translate("MergeModel", "Sent"),
        FAILED: translate("MergeModel", "Failed"),
        UNKNOWN: translate("MergeModel", "Unknown — may have been sent"),
        SKIPPED: translate("MergeModel", "Skipped"),
    }
    return words.get(state, state)


@dataclasses.dataclass
class MergeRow:
    """One row as the table shows it."""

    number: int
    address: str
    state: str
    problems: str = ""


class MergeRowsModel(QAbstractTableModel):
    """The rows of a merge: Row, Address, State, Problems."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MergeRow] = []
        self._at: dict[int, int] = {}

    # Filling -------------------------------------------------------------------------------

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._at = {}
        self.endResetModel()

    def add(self, rows: list[MergeRow]) -> None:
        """Append rows (a chunk as they were checked)."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for offset, row in enumerate(rows):
            self._at[row.number] = first + offset
            self._rows.append(row)
        self.endInsertRows()

    def set_state(self, number: int, state: str, problems: str | None = None) -> None:
        """Row ``number`` is now in ``state`` (an error in words replaces its problems)."""
        at = self._at.get(number)
        if at is None:
            return
        row = self._rows[at]
        if row.state == state and (problems is None or problems == row.problems):
            return
        row.state = state
        if problems is not None:
            row.problems = problems
        self.dataChanged.emit(self.index(at, 2), self.index(at, 3))

    def set_states(self, states: dict[int, tuple[str, str | None]]) -> None:
        """Many rows' states at once (read back from a job); one repaint."""
        for number, (state, problems) in states.items():
            at = self._at.get(number)
            if at is not None:
                self._rows[at].state = state
                if problems is not None:
                    self._rows[at].problems = problems
        if self._rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._rows) - 1, 3))

    # Reading -------------------------------------------------------------------------------

    def row_at(self, at: int) -> MergeRow | None:
        return self._rows[at] if 0 <= at < len(self._rows) else None

    def position_of(self, number: int) -> int:
        """The table row showing list row ``number``; -1 when it is not there."""
        return self._at.get(number, -1)

    def count(self, state: str) -> int:
        return sum(1 for row in self._rows if row.state == state)

    def numbers(self, state: str) -> list[int]:
        return [row.number for row in self._rows if row.state == state]

    # The model -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("MergeModel", "Row"),
            translate("MergeModel", "Address"),
            translate("MergeModel", "State"),
            translate("MergeModel", "Problems"),
        )[section]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return str(row.number)
            if column == 1:
                return row.address
            if column == 2:
                return state_words(row.state)
            return row.problems
        if role == TONE_ROLE and column == 2:
            return str(_TONES.get(row.state, Tone.NEUTRAL))
        if role == NUMBER_ROLE:
            return row.number
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
