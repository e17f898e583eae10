"""TOML files that people edit by hand: mistakes located by line and key, and schema upgrades.

``tomllib`` says where a syntax error is, but a well-formed file with a bad value (``port =
"abc"`` in the second profile) only fails later, when the value is checked, and by then the
parsed document has no positions. :func:`line_of` finds the line of any key path again in one
pass over the text: it reads TOML's statements (table headers, arrays of tables, dotted and
quoted keys) and steps over their values (strings of every kind, arrays over many lines)
without parsing them, so a mistake in the last of 3,000 profiles is found as fast as one in
the first. (It used to parse ever longer beginnings of the text: minutes for such a file.)
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
    try:
        statements = _statements(text)
    except _Unreadable:
        return None
    size = len(key)
    for line, path in statements:
        if path[:size] == key:
            return line
    found: int | None = None
    longest = 0
    for line, path in statements:
        if len(path) > longest and key[: len(path)] == path:
            found, longest = line, len(path)
    return found


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


class _Unreadable(Exception):
    """The text is not TOML as :func:`_statements` reads it; no line can be named."""


# Where a statement may begin: after blank lines and comments.
_BLANK_RE = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*")
_KEY_PART_RE = re.compile(r"""[ \t]*(?:([A-Za-z0-9_-]+)|"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)')[ \t]*""")
# What matters inside a value: strings (they may hold brackets, # and quotes), comments,
# brackets (a value goes on over line ends while one is open) and the line ends.
_VALUE_TOKEN_RE = re.compile(r'''"""|\'\'\'|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*|[\[\]{}]|\n''')
# The rest of a multi-line string: up to two quotes may stand right before its end.
_REST_OF_MULTILINE = {
    '"""': re.compile(r'(?:[^"\\]|\\[\s\S]|""?(?!"))*"""(?:""?)?'),
    "'''": re.compile(r"(?:[^']|''?(?!'))*'''(?:''?)?"),
}


def _statements(text: str) -> list[tuple[int, KeyPath]]:
    """Each statement's line and the key path it gives, in one pass: ``[[profiles]]`` gives
    ``("profiles", n)``, ``port = 1`` under it ``("profiles", n, "port")``."""
    statements: list[tuple[int, KeyPath]] = []
    table: KeyPath = ()
    arrays: dict[KeyPath, int] = {}  # each array of tables, by its path: how many so far
    position, line, end = 0, 1, len(text)
    while True:
        blank = _BLANK_RE.match(text, position)
        assert blank is not None  # it matches the empty string
        line += text.count("\n", position, blank.end())
        position = blank.end()
        if position >= end:
            return statements
        if text[position] == "[":
            double = text.startswith("[[", position)
            parts, position = _key(text, position + (2 if double else 1))
            closing = "]]" if double else "]"
            if not text.startswith(closing, position):
                raise _Unreadable
            position += len(closing)
            if double:
                name = (*_resolved(parts[:-1], arrays), parts[-1])
                count = arrays.get(name, 0)
                arrays[name] = count + 1
                table = (*name, count)
            else:
                table = _resolved(parts, arrays)
            statements.append((line, table))
        else:
            parts, position = _key(text, position)
            if not text.startswith("=", position):
                raise _Unreadable
            statements.append((line, (*table, *parts)))
            position, line = _after_value(text, position + 1, line)


def _key(text: str, position: int) -> tuple[tuple[str, ...], int]:
    """A dotted key's parts, and where the text goes on after it."""
    parts: list[str] = []
    while True:
        match = _KEY_PART_RE.match(text, position)
        if match is None:
            raise _Unreadable
        bare, basic, literal = match.groups()
        if bare is not None:
            parts.append(bare)
        elif literal is not None:
            parts.append(literal)
        elif "\\" in basic:
            # Escapes are rare in keys: tomllib reads them exactly.
            parts.append(next(iter(tomllib.loads(f'"{basic}" = 0'))))
        else:
            parts.append(basic)
        position = match.end()
        if not text.startswith(".", position):
            return tuple(parts), position
        position += 1


def _resolved(parts: tuple[str, ...], arrays: dict[KeyPath, int]) -> KeyPath:
    """A table header's path, where an array of tables stands for its last table so far."""
    path: KeyPath = ()
    for part in parts:
        path = (*path, part)
        if path in arrays:
            path = (*path, arrays[path] - 1)
    return path


def _after_value(text: str, position: int, line: int) -> tuple[int, int]:
    """Where the statement whose value starts at ``position`` ends (after its line end)."""
    depth = 0
    while True:
        match = _VALUE_TOKEN_RE.search(text, position)
        if match is None:
            return len(text), line
        found = match.group()
        position = match.end()
        if found == "\n":
            line += 1
            if depth <= 0:
                return position, line
        elif found in _REST_OF_MULTILINE:
            rest = _REST_OF_MULTILINE[found].match(text, position)
            if rest is None:
                raise _Unreadable
            line += text.count("\n", position, rest.end())
            position = rest.end()
        elif found in ("[", "{"):
            depth += 1
        elif found in ("]", "}"):
            depth -= 1


def _key_on_line(lines: list[str], line: int) -> str:
    if not 1 <= line <= len(lines):
        return ""
    match = _KEY_RE.match(lines[line - 1])
    if match is None:
        return ""
    return match.group(1) or match.group(2)
