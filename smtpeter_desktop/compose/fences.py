"""Fenced code blocks in Markdown: where one opens, and which line closes it.

The renderer's sections, the list re-indenting and the nesting bounds each walk a text
line by line and must leave fenced code alone; they read fences by this one rule.
"""

from __future__ import annotations

import re

OPENING = re.compile(r" {0,3}(`{3,}|~{3,})")
"""A line that opens a fence (its ``group(1)`` is the fence), up to three spaces in."""


def closes(line: str, fence: str) -> bool:
    """The line closes a fence opened with ``fence``: the same character, as many or more,
    and nothing else."""
    found = OPENING.match(line)
    mark = found.group(1) if found else ""
    return mark[:1] == fence[0] and len(mark) >= len(fence) and not line.strip().strip(fence[0])
