"""TOML files that people edit by hand: mistakes located by line and key, and schema upgrades.

``tomllib`` says where a syntax error is, but a well-formed file with a bad value (``port =
"abc"`` in the second profile) only fails later, when the value is checked, and by then the
parsed document has no positions. :func:`line_of` finds the line of any key path again by
parsing ever longer beginnings of the text, so it understands every TOML form (dotted keys,
inline tables, arrays of tables) exactly as ``tomllib`` does.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

KeyPath = tuple[str | int, ...]
Document = dict[str, Any]
Upgrade = Callable[[Document], Document]

SCHEMA_KEY = "schema"

_WHERE_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
# The key a line gives, or the table its header opens: ``port = ...``, ``[[profiles]]``.
_KEY_RE = re.compile(rf"^\s*(?:\[\[?\s*([^\]]+?)\s*\]\]?|({_PART}(?:\s*\.\s*{_PART})*))")


class Mistake(Exception):
    """A mistake in a document, before the caller turns it into its own error type.

    Attributes:
        reason: what is wrong, in a person's words, without the place.
        key: where in the document, when known (``("profiles", 1, "port")``).
        line: the 1-based line, when known.
        field: the key at fault as a person reads it.
        hint: what to do, when the caller's usual hint does not fit.
    """

    def __init__(
        self,
        reason: str,
        *,
        key: KeyPath = (),
        line: int | None = None,
        field: str = "",
        hint: str = "",
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.key = key
        self.line = line
        self.field = field
        self.hint = hint


def decode(data: bytes) -> str:
    """The file's bytes as text; TOML is UTF-8 only."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise Mistake(
            "this line is not valid UTF-8 text; save the file as UTF-8.", line=line
        ) from exc


def parse(text: str) -> Document:
    """The document, or a :class:`Mistake` naming the line (and key) of a syntax error."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = getattr(exc, "lineno", None)
        column: int | None = getattr(exc, "colno", None)
        match = _WHERE_RE.search(message)
        if match:
            message = message[: match.start()]
            if line is None and match.group(1):
                line, column = int(match.group(1)), int(match.group(2))
        if line is None:
            line = text.count("\n") + 1
        place = f" (column {column})" if column else ""
        raise Mistake(
            f"this is not valid TOML: {message[:1].lower()}{message[1:]}{place}.",
            line=line,
            field=_key_on_line(_lines(text), line),
        ) from exc


def line_of(text: str, key: KeyPath) -> int | None:
    """The line where ``key`` is given in ``text`` (a valid document), or the nearest enclosing one.

    A key inside a value that spans lines (a multi-line array of inline tables) is found at
    the line where that value starts. None when not even the first part of the key is there.
    """
    lines = _lines(text)
    for end in range(len(key), 0, -1):
        line = _first_line_with(lines, key[:end])
        if line is not None:
            return line
    return None


def upgrade(document: Document, *, current: int, upgrades: Mapping[int, Upgrade]) -> Document:
    """Bring a document up to schema ``current``, one registered step at a time.

    ``upgrades[n]`` turns a schema ``n`` document into a schema ``n + 1`` one; a step may
    raise :class:`Mistake` for content it cannot carry over. A newer schema is refused: this
    version cannot know what it means.
    """
    if SCHEMA_KEY not in document:
        raise Mistake(
            f"the file does not say which format it is in; add `{SCHEMA_KEY} = {current}` "
            "as its first line.",
            line=1,
            field=SCHEMA_KEY,
        )
    version = document[SCHEMA_KEY]
    if type(version) is not int or version < 1:
        raise Mistake(
            f"{SCHEMA_KEY} must be a whole number from 1 to {current}, not {show(version)}.",
            key=(SCHEMA_KEY,),
        )
    if version > current:
        raise Mistake(
            f"this file was written by a newer SMTPeter Desktop (format {version}; this "
            f"version reads formats up to {current}).",
            key=(SCHEMA_KEY,),
            hint="Update SMTPeter Desktop to use it; the file is left as it is.",
        )
    while version < current:
        # A gap in the registry is a bug in this program, not a mistake in the file.
        step = upgrades[version]
        document = step(dict(document))
        version += 1
        document[SCHEMA_KEY] = version
    return document


def kind(value: object) -> str:
    """What a TOML value is, in words: ``text``, ``a whole number``, ``true or false``..."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text in quotes"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def show(value: object) -> str:
    """A value as it is written in TOML, shortened when long."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        text = "a table"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def expect(value: object, wanted: type, key: KeyPath, field: str) -> Any:
    """``value`` when it is of the TOML type ``wanted`` (a whole number counts as a number)."""
    if wanted is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is wanted:
        return value
    words = {
        bool: "true or false",
        int: "a whole number",
        float: "a number",
        str: "text in quotes",
        list: "a list",
        dict: "a table",
    }[wanted]
    raise Mistake(f"{field} must be {words}, not {kind(value)} ({show(value)}).", key=key)


def _lines(text: str) -> list[str]:
    # TOML's only line break is \n (\r\n ends in it); str.splitlines would also split on
    # characters that may stand inside a string, and count lines differently from tomllib.
    return text.split("\n")


def _first_line_with(lines: list[str], key: KeyPath) -> int | None:
    """The first line after which the document's beginning holds ``key``, moved back to where
    the value holding it starts. Beginnings that end inside a value do not parse, so the
    search only ever looks at whole statements; holding a key never stops once it starts."""

    def holds(count: int) -> bool:
        beginning = _parsed(lines, _complete(lines, count))
        return beginning is not None and _has(beginning, key)

    low, high = 1, len(lines)
    if not holds(high):
        return None
    while low < high:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle + 1
    # The lines between the last complete beginning without the key and this one are a
    # single statement; it starts on the line after that beginning.
    return _complete(lines, low - 1) + 1


def _complete(lines: list[str], count: int) -> int:
    """The largest number of first lines, up to ``count``, that parse on their own."""
    while count > 0 and _parsed(lines, count) is None:
        count -= 1
    return count


def _parsed(lines: list[str], count: int) -> Document | None:
    try:
        # Each line ends as it did, so a \r\n file stays one (a lone \r is not TOML).
        return tomllib.loads("\n".join(lines[:count]) + "\n")
    except tomllib.TOMLDecodeError:
        return None


def _has(document: Any, key: KeyPath) -> bool:
    node = document
    for part in key:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return False
        elif not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def _key_on_line(lines: list[str], line: int) -> str:
    if not 1 <= line <= len(lines):
        return ""
    match = _KEY_RE.match(lines[line - 1])
    if match is None:
        return ""
    return match.group(1) or match.group(2)
