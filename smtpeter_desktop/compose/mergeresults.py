"""A mail merge's results: the list as it came, each row with what happened to it.

The results file is the input's columns plus three: ``merge state`` (sent, failed, unknown,
skipped, not sent), ``merge message id`` (SMTPeter's id, when REST gave one) and
``merge error`` (in words). It is written with the input's delimiter, in UTF-8 with a
byte-order mark so that Excel reads its accents right.

A spreadsheet evaluates a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some with
a tab or a carriage return): a list that came with ``=HYPERLINK(...)`` must not turn into a
live formula in the results. Such a cell, and one already starting with ``'``, is written
with a leading ``'``, which spreadsheets show as text; reading a results file takes exactly
that one ``'`` away again, so a file fed back holds the values it was made from.

Fed back in as the list of a new merge, a results file sends only its rows whose state is not
``sent``; a row whose earlier outcome is ``unknown`` is a problem until a person decides
(an unknown outcome is never sent again without asking).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TextIO

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.mergelist import ListFormat, Row
from smtpeter_desktop.i18n import translate

STATE = "merge state"
MESSAGE_ID = "merge message id"
ERROR = "merge error"
RESULT_HEADERS = (STATE, MESSAGE_ID, ERROR)
# The same as mergelist.variable_name makes of the headers.
_VARIABLES = {STATE: "merge_state", MESSAGE_ID: "merge_message_id", ERROR: "merge_error"}

SENT = "sent"
UNKNOWN = "unknown"

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text, never as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def is_results(form: ListFormat) -> bool:
    """Whether the list is a results file (so its cells carry the protective ``'``)."""
    return _VARIABLES[STATE] in {c.variable for c in form.columns}


def restored(values: Mapping[str, str]) -> dict[str, str]:
    """A results file's row as the list it was made from: the protective ``'`` taken away."""
    return {
        name: value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value
        for name, value in values.items()
    }


def earlier_state(row: Row) -> str:
    """The state a results file gives the row ("" for a list that is not a results file)."""
    return row.values.get(_VARIABLES[STATE], "").strip().lower()


class ResultsWriter:
    """Writes a results file; it appears whole at ``path`` on ``close`` (none on an error).

    Use it as a context manager::

        with ResultsWriter(path, form) as results:
            results.write(row, "sent", message_id="...")
    """

    def __init__(self, path: Path, form: ListFormat) -> None:
        self.path = path
        # Fed back, a results file's own result columns are replaced, not repeated.
        self._columns = [c for c in form.columns if c.header not in RESULT_HEADERS]
        self._quoted = is_results(form)
        try:
            handle, name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".part"
            )
        except OSError as exc:
            raise ComposeError(
                translate(
                    "compose.mergeresults", "The results cannot be written to {parent}: {value}."
                ).format(parent=path.parent, value=exc.strerror or exc),
                translate("compose.mergeresults", "Choose a folder you may write to."),
            ) from exc
        self._temporary = Path(name)
        self._file: TextIO = os.fdopen(handle, "w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file, delimiter=form.delimiter)
        self._writer.writerow(
            [spreadsheet_safe(c.header) for c in self._columns] + list(RESULT_HEADERS)
        )

    def write(self, row: Row, state: str, *, message_id: str = "", error: str = "") -> None:
        """One row of the input, and what happened to it."""
        values = restored(row.values) if self._quoted else row.values
        cells = [values.get(c.variable, "") for c in self._columns] + [state, message_id, error]
        self._writer.writerow([spreadsheet_safe(cell) for cell in cells])

    def close(self) -> None:
        """Put the finished file in place."""
        if self._file.closed:
            return
        self._file.close()
        try:
            self._temporary.replace(self.path)
        except OSError as exc:
            self._temporary.unlink(missing_ok=True)
            raise ComposeError(
                translate(
                    "compose.mergeresults", "The results cannot be written to {path}: {value}."
                ).format(path=self.path, value=exc.strerror or exc),
                translate("compose.mergeresults", "Choose a file you may write to."),
            ) from exc

    def discard(self) -> None:
        """Give up: no file appears."""
        self._file.close()
        self._temporary.unlink(missing_ok=True)

    def __enter__(self) -> ResultsWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.discard()
