"""The list of people a mail merge writes to: a CSV or tab-separated file with a header row.

Lists come from spreadsheets, so this reads what spreadsheets write: UTF-8 with or without
a byte-order mark, UTF-16 ("Unicode text" from Excel), Windows-1252 from an older Excel, and
``,``, ``;`` (Dutch and German Excel), tab or ``|`` between cells. The file is read a row at a
time, so a list of 100,000 people costs the memory of one row; the encoding is found by one
streaming pass before the first row is read.

A cell is text, always: ``=HYPERLINK(...)`` is shown and sent as those characters, never
evaluated. Problems are sentences that name the row (as a spreadsheet numbers it: the
header is row 1) and the column.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from pathlib import Path

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.i18n import translate

MAX_CELL = 1024 * 1024
"""The largest cell read, in characters: a longer one is surely not a name or an address."""

SNIFF_BYTES = 64 * 1024
"""How much of the file is looked at to tell its delimiter."""

_DELIMITERS = ",;\t|"
_ADDRESS_HEADERS = {
    # lower case, without spaces, dashes, dots and underscores
    "email",
    "mail",
    "emailaddress",
    "mailaddress",
    "address",
    "emailadres",
    "mailadres",
    "adres",
    "recipient",
    "to",
    "courriel",
    "correo",
}
_SIMPLE_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ListError(ComposeError):
    """A list that cannot be read at all (not text, no header, a cell past the limit...)."""


@dataclasses.dataclass(frozen=True)
class Column:
    """One column of the list.

    Attributes:
        header: its name in the file, as written.
        variable: the name a placeholder uses for it: ``{$first_name}`` for "First name".
    """

    header: str
    variable: str


@dataclasses.dataclass(frozen=True)
class Row:
    """One person's row.

    Attributes:
        number: the row's number as a spreadsheet shows it (the header is row 1).
        values: the cells by variable name; a cell the row lacks is "".
        problem: what is wrong with the row's shape (too few or too many cells), or "".
    """

    number: int
    values: dict[str, str]
    problem: str = ""


@dataclasses.dataclass(frozen=True)
class ListFormat:
    """How a list file is written: found once by ``inspect`` and used for every read."""

    encoding: str
    delimiter: str
    columns: tuple[Column, ...]
    address: str
    """The variable of the column that holds the addresses ("" when none was recognised)."""

    @property
    def delimiter_name(self) -> str:
        return {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}[self.delimiter]


def variable_name(header: str) -> str:
    """A placeholder-safe name for a header: letters, digits, ``_`` and ``-``, starting with
    a letter, as SMTPeter requires of its variables."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", header.strip()).strip("_-")
    name = re.sub(r"^[^A-Za-z]+", "", name)
    return name


def _encoding(path: Path) -> str:
    """The file's text encoding, found by one streaming pass; ``ListError`` when it has none."""
    with path.open("rb") as stream:
        head = stream.read(4)
        if head.startswith(codecs.BOM_UTF8):
            candidates = ["utf-8-sig"]
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            candidates = ["utf-16"]
        else:
            candidates = ["utf-8", "cp1252"]
        for encoding in candidates:
            stream.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while chunk := stream.read(1024 * 1024):
                    text = decoder.decode(chunk)
                    if "\x00" in text:
                        raise UnicodeDecodeError(encoding, chunk, 0, 1, "a NUL character")
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    raise ListError(
        translate(
            "compose.mergelist", "“{name}” is not a text file that a spreadsheet wrote."
        ).format(name=path.name),
        translate("compose.mergelist", "Save the sheet as CSV (UTF-8) and choose that file."),
    )


def _delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        header = lines[0]
        counts = {d: header.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _reader(stream: io.TextIOBase, delimiter: str) -> Iterator[list[str]]:
    # csv's own limit, raised from its default (128 KiB) to ours, keeps a 50 MB cell from
    # being read whole into memory: the reader stops at the limit with an error.
    csv.field_size_limit(MAX_CELL)
    return csv.reader(stream, delimiter=delimiter, strict=False)


def _oversized_column(path: Path, form: ListFormat, records_before: int) -> int:
    """The column (from 1) of the first cell past ``MAX_CELL`` in the record that follows
    ``records_before`` records after the header; 0 when there is none or it cannot be told.

    csv says only that a field was too large, not which: the record is walked again, a chunk
    at a time, counting delimiters outside quotes, and no cell is kept.
    """
    try:
        with _open(path, form.encoding) as stream:
            reader = _reader(stream, form.delimiter)
            for _ in range(records_before + 1):  # the header, then the records before
                next(reader)
            column, size, quoted = 1, 0, False
            while chunk := stream.read(64 * 1024):
                for char in chunk:
                    if char == '"':
                        # A doubled quote toggles twice: no change. Quotes are not counted, so
                        # a cell is never blamed for the quotes csv takes away.
                        quoted = not quoted
                        continue
                    if not quoted and char == form.delimiter:
                        column, size = column + 1, 0
                        continue
                    if not quoted and char in "\r\n":
                        return 0
                    size += 1
                    if size > MAX_CELL:
                        return column
    except (OSError, UnicodeError, csv.Error, StopIteration):
        return 0
    return 0


def _open(path: Path, encoding: str) -> io.TextIOWrapper:
    return path.open(encoding=encoding, newline="")


def inspect(path: Path) -> ListFormat:
    """Find how the list at ``path`` is written, and read its header.

    Raises:
        ListError: the file cannot be read, is not text, has no header, or its header
            has an empty or repeated name.
    """
    if path.suffix.lower() in (".xlsx", ".xls", ".ods", ".numbers"):
        raise ListError(
            translate(
                "compose.mergelist", "“{name}” is a spreadsheet file, not a list in text."
            ).format(name=path.name),
            translate(
                "compose.mergelist",
                "Save the sheet as CSV (File ▸ Save As ▸ CSV UTF-8) and choose that file.",
            ),
        )
    try:
        encoding = _encoding(path)
        with _open(path, encoding) as stream:
            delimiter = _delimiter(stream.read(SNIFF_BYTES))
            stream.seek(0)
            header = next(_reader(stream, delimiter), None)
    except csv.Error as exc:
        raise ListError(
            translate("compose.mergelist", "The header of “{name}” cannot be read: {exc}.").format(
                name=path.name, exc=exc
            ),
            translate("compose.mergelist", "Check the first row."),
        ) from exc
    except OSError as exc:
        raise ListError(
            translate("compose.mergelist", "“{path}” cannot be read: {value}.").format(
                path=path, value=exc.strerror or exc
            ),
            translate("compose.mergelist", "Check that the file is there."),
        ) from exc
    if not header or not any(cell.strip() for cell in header):
        raise ListError(
            translate("compose.mergelist", "“{name}” has no header row.").format(name=path.name),
            translate(
                "compose.mergelist", "Put the column names (email, firstname...) in its first row."
            ),
        )
    columns = _columns(header)
    return ListFormat(encoding, delimiter, columns, _address_column(columns))


def _columns(header: list[str]) -> tuple[Column, ...]:
    columns: list[Column] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(header, start=1):
        variable = variable_name(cell)
        if not variable:
            raise ListError(
                translate(
                    "compose.mergelist",
                    "Column {index} of the header has no usable name (“{cell}”).",
                ).format(index=index, cell=cell),
                translate(
                    "compose.mergelist", "Give every column a name that starts with a letter."
                ),
            )
        if variable in seen:
            raise ListError(
                translate(
                    "compose.mergelist",
                    "Columns {value} and {index} of the header are both called “{variable}”.",
                ).format(value=seen[variable], index=index, variable=variable),
                translate("compose.mergelist", "Give each column its own name."),
            )
        seen[variable] = index
        columns.append(Column(cell.strip(), variable))
    return tuple(columns)


def _address_column(columns: tuple[Column, ...]) -> str:
    for column in columns:
        if re.sub(r"[\s._-]+", "", column.header.lower()) in _ADDRESS_HEADERS:
            return column.variable
    for column in columns:
        if "mail" in column.header.lower():
            return column.variable
    return ""


def guess_address_column(path: Path, form: ListFormat, rows: int = 20) -> str:
    """The column whose first cells look most like addresses, when the header says none."""
    if form.address:
        return form.address
    scores = dict.fromkeys((c.variable for c in form.columns), 0)
    for row in read_rows(path, form, limit=rows):
        for name, value in row.values.items():
            if _SIMPLE_ADDRESS.fullmatch(value.strip()):
                scores[name] += 1
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] else ""


def read_rows(path: Path, form: ListFormat, *, limit: int | None = None) -> Iterator[Row]:
    """The list's rows after the header, one at a time; blank lines are skipped.

    Raises:
        ListError: a cell past ``MAX_CELL`` or a file that changed under the reader; the
            message names the row.
    """
    names = [c.variable for c in form.columns]
    number = 1
    try:
        with _open(path, form.encoding) as stream:
            reader = _reader(stream, form.delimiter)
            next(reader, None)
            for cells in reader:
                number += 1
                if not any(cell.strip() for cell in cells):
                    continue
                problem = ""
                if len(cells) != len(names):
                    problem = (
                        f"Row {number} has {len(cells)} cells where the header has {len(names)}."
                    )
                values = dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=False))
                yield Row(number, values, problem)
                if limit is not None and number > limit:
                    return
    except csv.Error as exc:
        most = MAX_CELL // 1024 // 1024
        column = _oversized_column(path, form, number - 1)
        if column:
            header = form.columns[column - 1].header if column <= len(form.columns) else ""
            raise ListError(
                translate(
                    "compose.mergelist",
                    "Row {row}, column {column} (“{header}”), of “{name}” holds a cell larger "
                    "than {value} MB.",
                ).format(row=number + 1, column=column, header=header, name=path.name, value=most)
                if header
                else translate(
                    "compose.mergelist",
                    "Row {row}, column {column}, of “{name}” holds a cell larger than {value} MB.",
                ).format(row=number + 1, column=column, name=path.name, value=most),
                translate(
                    "compose.mergelist",
                    "A cell holds at most {value} MB; shorten that cell in the sheet, or leave "
                    "the row out.",
                ).format(value=most),
            ) from exc
        raise ListError(
            translate("compose.mergelist", "Row {value} of “{name}” cannot be read: {exc}.").format(
                value=number + 1, name=path.name, exc=exc
            ),
            translate(
                "compose.mergelist", "A cell holds at most {value} MB; check that row in the sheet."
            ).format(value=MAX_CELL // 1024 // 1024),
        ) from exc
    except UnicodeDecodeError as exc:
        raise ListError(
            translate(
                "compose.mergelist",
                "“{name}” changed while it was read (row {value} is not text any more).",
            ).format(name=path.name, value=number + 1),
            translate("compose.mergelist", "Choose the file again."),
        ) from exc
    except OSError as exc:
        raise ListError(
            translate("compose.mergelist", "“{path}” cannot be read: {value}.").format(
                path=path, value=exc.strerror or exc
            ),
            "",
        ) from exc
