"""Bounds on what the Markdown converter and the CSS inliner are given, so no text can hang
or crash them.

Python-Markdown is quadratic in some inputs (each ``[`` scans to its ``]``, each ``](`` to
its ``)``: 15,000 ``[`` then 15,000 ``]`` took 56 s), recursive in list nesting (600 levels:
``RecursionError``), and slow and large on huge texts (10 MB: 42 s, 670 MB). css-inline, a
Rust library, overflows its stack on deeply nested HTML (20,000 ``<div>``: a segfault that
takes the window with it). So, before converting:

- a text over ``MAX_CHARS`` is not converted at all (the caller shows it as plain text);
- list and quote markers nested deeper than ``MAX_NESTING`` levels are flattened to that
  depth (the converter recurses once per level);
- a paragraph so long and so full of marks (``*``, ``_``, links...) that converting it would
  take seconds is shown as plain text;
- in a block whose brackets would cost the converter more than a budget of scanning, the
  brackets that open nothing (or open deeper than ``MAX_BRACKET_DEPTH``) are written as
  character references, so they show as the characters they are. Ordinary text stays
  under the budget and is never changed.

and after converting, ``html_too_deep`` tells whether the HTML nests deeper than
``MAX_HTML_DEPTH``, in one linear pass, so the caller can show plain text instead.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

from smtpeter_desktop.compose import fences

MAX_CHARS = 250_000  # a hundred pages; converting it takes about a second
MAX_NESTING = 32
MAX_BRACKET_DEPTH = 2  # an image in a link: [![logo](logo.png)](https://example.com)
MAX_HTML_DEPTH = 256

# Characters the converter scans for brackets, per block and in all: about 0.1 s and 0.4 s.
_BLOCK_BUDGET = 300_000
_TOTAL_BUDGET = 2_000_000

# A line's container markers: quotes, bullets, numbers, and the blanks between them.
_CONTAINER = re.compile(r"([ \t]*)(>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))")
_MARKERS = re.compile(r"(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*")
_MARKER_CHARS = " \t>-*+0123456789.)"
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1}}}", re.MULTILINE)
_EMPTY_LINE = re.compile(r"\n[ \t]*\n")
_REFERENCE = {"[": "&#91;", "(": "&#40;"}
# What starts an inline element: emphasis, code, links, HTML, entities, strike, e-mail and
# web addresses, line breaks.
_MARKS = ("*", "_", "`", "[", "<", "&", "~", "@", "\n", "://", "www.")
# Characters copied while converting one paragraph: about 0.2 s.
_DENSE_BUDGET = 300_000_000
PLAIN_STYLE = "white-space: pre-wrap"
_BRACKET = re.compile(r"\\.|[\[\]()]", re.DOTALL)


def nesting_flattened(text: str) -> tuple[str, bool]:
    """``text`` with list and quote markers nested deeper than ``MAX_NESTING`` levels on a
    line flattened to that depth; lines in fenced code are left alone.

    Returns the text and whether anything changed.
    """
    if not _DEEP_PREFIX.search(text):
        return text, False  # each level takes a character at least: the common case, at once
    lines = text.split("\n")
    changed = False
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            if fences.closes(line, fence):
                fence = ""
            continue
        if opened := fences.OPENING.match(line):
            fence = opened.group(1)
            continue
        if len(line) - len(line.lstrip(_MARKER_CHARS)) <= MAX_NESTING:
            continue  # each level takes a character at least: the common case, at once
        flat = _flatten_line(line)
        if flat != line:
            lines[index] = flat
            changed = True
    return ("\n".join(lines), True) if changed else (text, False)


def _flatten_line(line: str) -> str:
    position = 0
    levels = 0
    while (found := _CONTAINER.match(line, position)) is not None:
        blank, marker = found.group(1), found.group(2)
        deeper = len(blank.expandtabs(4)) // 4 + 1
        if levels + deeper > MAX_NESTING:
            room = MAX_NESTING - levels
            kept = " " * (4 * (room - 1)) + marker if room > 0 else ""
            rest = _MARKERS.sub("", line[found.end() :], count=1)
            return f"{line[:position]}{kept} {rest}"
        levels += deeper
        position = found.end()
    return line


def _blocks(text: str) -> list[tuple[list[str], bool]]:
    """``text``'s lines in runs: prose blocks (between empty lines, marked ``True``), and the
    empty lines and fenced code between them (``False``: never inline-converted)."""
    runs: list[tuple[list[str], bool]] = []
    fence = ""
    for line in text.split("\n"):
        if fence:
            prose = False
            if fences.closes(line, fence):
                fence = ""
        elif opened := fences.OPENING.match(line):
            fence = opened.group(1)
            prose = False
        else:
            prose = bool(line.strip())
        if runs and runs[-1][1] == prose:
            runs[-1][0].append(line)
        else:
            runs.append(([line], prose))
    return runs


def brackets_tamed(text: str) -> tuple[str, bool]:
    """``text`` with the brackets of costly blocks escaped; see the module.

    Returns the text and whether anything changed.
    """
    if text.count("[") + text.count("(") < 64:
        return text, False  # nothing in it can cost much
    # At most each bracket scans to the end of its block: when even that is within budget,
    # there is nothing to look at more closely.
    bound = 0
    for block in _EMPTY_LINE.split(text):
        if (brackets := block.count("[") + block.count("(")) and (
            (cost := brackets * len(block)) > _BLOCK_BUDGET
            or (bound := bound + cost) > _TOTAL_BUDGET
        ):
            break
    else:
        return text, False
    spent = 0
    changed = False
    runs = _blocks(text)
    for index, (lines, prose) in enumerate(runs):
        if not prose:
            continue
        block = "\n".join(lines)
        escapes, cost = _costly_brackets(block)
        if cost > _BLOCK_BUDGET or spent + cost > _TOTAL_BUDGET:
            runs[index] = ([_escaped(block, escapes)], True)
            changed = True
            cost = len(block) * MAX_BRACKET_DEPTH  # what is left: at most this much scanning
        spent += cost
    if not changed:
        return text, False
    return "\n".join(line for lines, _ in runs for line in lines), True


def dense_blocks_plain(text: str, plain: Callable[[str], str]) -> tuple[str, bool]:
    """``text`` with each paragraph too long and too full of marks to convert in time replaced
    by an HTML block that shows ``plain(paragraph)`` as it is.

    The converter copies a paragraph's text once for each mark it turns into an element, so
    240,000 characters of ``*a* `` took 30 s. Returns the text and whether anything changed.
    """
    if len(text) < 20_000:
        return text, False  # at most 20,000 marks in 20,000 characters: under the budget
    changed = False
    runs = _blocks(text)
    for index, (lines, prose) in enumerate(runs):
        if not prose or sum(map(len, lines)) < 20_000:
            continue
        block = "\n".join(lines)
        marks = sum(block.count(mark) for mark in _MARKS)
        if marks * len(block) > _DENSE_BUDGET:
            shown = html.escape(plain(block))
            runs[index] = (
                [f'<div class="smtpeter-plain" style="{PLAIN_STYLE}">{shown}</div>'],
                True,
            )
            changed = True
    if not changed:
        return text, False
    return "\n".join(line for lines, _ in runs for line in lines), True


@functools.lru_cache(maxsize=4096)
def _costly_brackets(block: str) -> tuple[tuple[int, ...], int]:
    """The positions of the brackets to escape in ``block``, and the scanning it costs as is.

    The converter scans from each ``[`` to its ``]`` and from each ``](`` to its ``)``, or to
    the end of the block when there is none. Escaped are the openers with no closer and those
    nested deeper than ``MAX_BRACKET_DEPTH``.
    """
    escapes: list[int] = []
    cost = 0
    square: list[int] = []
    round_: list[int] = []
    previous, previous_end = "", -1
    for found in _BRACKET.finditer(block):
        char = found.group(0)
        at = found.start()
        if char == "[":
            if len(square) >= MAX_BRACKET_DEPTH:
                escapes.append(at)
            square.append(at)
        elif char == "]":
            if square:
                cost += at - square.pop()
        elif char == "(":
            if len(round_) >= MAX_BRACKET_DEPTH:
                escapes.append(at)
            round_.append(at if previous == "]" and at == previous_end else -at - 1)
        elif char == ")" and round_:
            opened = round_.pop()
            if opened >= 0:
                cost += at - opened
        previous, previous_end = char, found.end()
    for at in square:
        cost += len(block) - at
        escapes.append(at)
    for opened in round_:
        if opened >= 0:
            cost += len(block) - opened
        if opened >= 0:
            escapes.append(opened)
    return tuple(escapes), cost


def _escaped(block: str, positions: tuple[int, ...]) -> str:
    if not positions:
        return block
    pieces = []
    start = 0
    for at in sorted(set(positions)):
        pieces.append(block[start:at])
        # A character reference, not a backslash: the converter's placeholder for an escape
        # is three times as long, and it scans the text once per bracket left.
        pieces.append(_REFERENCE[block[at]])
        start = at + 1
    pieces.append(block[start:])
    return "".join(pieces)


_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
# Elements that never hold others, so never nest deeper.
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Elements the HTML parser may reopen after an end tag closed them implicitly.
_FORMATTING = frozenset(
    [
        "a",
        "b",
        "big",
        "code",
        "em",
        "font",
        "i",
        "nobr",
        "s",
        "small",
        "strike",
        "strong",
        "tt",
        "u",
    ]
)


def html_depth(fragment: str) -> tuple[int, int]:
    """How deep ``fragment`` may nest elements, and how many it may leave open at its end.

    A stack of open tags, in one pass; an end tag closes up to its own open tag and is
    ignored when there is none, as parsers do. It errs on the deep side: a formatting element
    closed implicitly counts for good, because parsers reopen those. Pieces measured apart
    nest at most as deep as the sum of what the earlier ones left open plus their deepest.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    reopened = 0
    deepest = 0
    for found in _TAG.finditer(fragment):
        name = found.group(2).lower()
        if found.group(1):
            if not open_count.get(name):
                continue
            while True:
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break
                if top in _FORMATTING:
                    reopened += 1
        elif name not in _VOID:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            deepest = max(deepest, len(stack) + reopened)
    return deepest, len(stack) + reopened


def html_too_deep(page: str) -> bool:
    """Whether ``page`` may nest elements deeper than ``MAX_HTML_DEPTH``."""
    return html_depth(page)[0] > MAX_HTML_DEPTH
