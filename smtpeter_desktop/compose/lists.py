"""Lists as GitHub and Markdown Here users type them, rewritten for Python-Markdown.

Python-Markdown nests a list item only when it is indented four spaces, and knows ``1.`` but
not ``1)``; GitHub (CommonMark) nests an item indented to its parent's text, two spaces
under ``- ``, three under ``1. ``. So ``- a\\n  - b`` rendered as one flat list. Before
converting, each line inside a list is re-indented to four spaces per level, by CommonMark's
rule, and ``1)`` markers become ``1.``. Lines outside lists and fenced code are left alone,
and a text already indented four spaces per level comes out the same.
"""

from __future__ import annotations

import re

from smtpeter_desktop.compose import fences

_ITEM = re.compile(r"( *)([-*+]|\d{1,9}[.)])( +|$)")
_QUICK = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)])(?: |$)", re.MULTILINE)


def normalised(text: str) -> str:
    """``text`` with list items indented as Python-Markdown nests them; see the module."""
    if not _QUICK.search(text):
        return text
    lines = text.split("\n")
    # For each open item: the column its text starts at as typed, and as rewritten.
    items: list[tuple[int, int]] = []
    fence = ""
    previous_blank = True
    for index, line in enumerate(lines):
        if fence:
            if fences.closes(line, fence):
                fence = ""
            continue
        if "\t" in line[: len(line) - len(line.lstrip())]:
            items.clear()  # tabs are Python-Markdown's own four spaces: left as typed
            previous_blank = False
            continue
        stripped = line.lstrip(" ")
        if not stripped:
            previous_blank = True
            continue
        indent = len(line) - len(stripped)
        if (opened := fences.OPENING.match(line)) is not None:
            fence = opened.group(1)
            previous_blank = False
            continue  # fenced code is taken out before lists are read: as typed
        item = _ITEM.match(line)
        # Four spaces deeper than where an item may start, a marker is code or text.
        deepest = items[-1][0] + 3 if items else 3
        if item is not None and indent <= deepest:
            while items and indent < items[-1][0]:
                items.pop()
            marker = item.group(2)
            if marker[-1] == ")":
                marker = marker[:-1] + "."
            spaces = item.group(3)
            width = len(item.group(2)) + (len(spaces) if 0 < len(spaces) <= 4 else 1)
            level = 4 * len(items)
            lines[index] = " " * level + marker + line[item.end(2) :]
            items.append((indent + width, level + 4))
        elif items:
            if indent < items[-1][0] and not previous_blank:
                previous_blank = False
                continue  # a lazy continuation of the paragraph above: as typed
            while items and indent < items[-1][0]:
                items.pop()
            if items:
                typed, written = items[-1]
                lines[index] = " " * (written + indent - typed) + stripped
        previous_blank = False
    return "\n".join(lines)
