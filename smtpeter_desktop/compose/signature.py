"""A signature in a message's Markdown body: put below a ``-- `` line, replaced, or taken out.

The signature is part of the Markdown, so it is in the text part as written and in the HTML
part as rendered, and its images follow the body's rules. RFC 3676 (4.3) marks a signature
with a line that is exactly ``-- ``; the first such line outside quoted text (``>`` lines) and
code blocks is where the signature starts, and it runs to the next quoted line or the end.
Without one, the signature goes after the writer's own text: above a reply's quoted text at
the end of the body, never inside it.

:func:`with_signature` is pure and idempotent: applying it twice with the same signature gives
what applying it once gives, and applying another signature replaces, never adds.
"""

from __future__ import annotations

import re

__all__ = ["SEPARATOR", "clean_signature", "signature_of", "with_signature"]

SEPARATOR = "-- "
"""The line that starts a signature (RFC 3676 4.3): two dashes and a space."""

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _quoted(line: str) -> bool:
    return line.lstrip(" ").startswith(">")


def _is_separator(line: str) -> bool:
    return line.rstrip("\r") == SEPARATOR


def clean_signature(markdown: str) -> str:
    """A signature's Markdown made safe to put below the separator.

    Line ends become ``\\n``; blank lines at either end go; a line that would look like a
    separator or like quoted text is escaped (``\\>``, which Markdown shows as ``>``), and an
    unclosed code fence is closed, so the signature can always be found and replaced again.
    """
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned: list[str] = []
    fence = ""
    for line in lines:
        if fence:
            if _closes(line, fence):
                fence = ""
        elif found := _FENCE.match(line):
            fence = found.group(1)
        elif _is_separator(line):
            line = "--"
        elif _quoted(line):
            line = line.replace(">", "\\>", 1)
        cleaned.append(line)
    while cleaned and not cleaned[-1].strip():
        cleaned.pop()
    while cleaned and not cleaned[0].strip():
        cleaned.pop(0)
    if fence:
        cleaned.append(fence)
    return "\n".join(cleaned)


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0])


def _split(lines: list[str]) -> tuple[list[str], list[str], list[str], str]:
    """The body as (writer's text, signature lines, quoted text after them, open fence)."""
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            if _closes(line, fence):
                fence = ""
            continue
        if found := _FENCE.match(line):
            fence = found.group(1)
        elif _is_separator(line):
            end = _quote_after(lines, index + 1)
            return lines[:index], lines[index + 1 : end], lines[end:], ""
    if fence:
        # An open code block runs to the end: nothing after it is a separator or a quote.
        return lines, [], [], fence
    start = len(lines)
    while start > 0 and (not lines[start - 1].strip() or _quoted(lines[start - 1])):
        start -= 1
    if any(_quoted(line) for line in lines[start:]):
        return lines[:start], [], lines[start:], ""
    return lines, [], [], ""


def _has_separator(lines: list[str], head: list[str] | None = None) -> bool:
    """Whether *lines* hold a "-- " line; *head* is their writer's text when already split."""
    head = _split(lines)[0] if head is None else head
    return len(head) < len(lines) and _is_separator(lines[len(head)])


def _quote_after(lines: list[str], start: int) -> int:
    """The first quoted line from *start* on that is not in a code block, else the end."""
    fence = ""
    for index in range(start, len(lines)):
        line = lines[index]
        if fence:
            if _closes(line, fence):
                fence = ""
        elif found := _FENCE.match(line):
            fence = found.group(1)
        elif _quoted(line):
            return index
    return len(lines)


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def signature_of(body: str) -> str | None:
    """The signature now in *body* (the Markdown below its separator), or None."""
    lines = body.split("\n")
    head, signature, _, _ = _split(lines)
    if len(head) == len(lines) or not _is_separator(lines[len(head)]):
        return None
    return "\n".join(_trimmed(signature))


def with_signature(body: str, signature: str | None) -> str:
    """*body* with *signature* (Markdown) below a ``-- `` line; None or empty takes it out.

    A signature already there is replaced; quoted text after it stays after it. Taking out
    a signature from a body that has none leaves the body exactly as it is.
    """
    lines = body.split("\n")
    head, _, tail, fence = _split(lines)
    cleaned = clean_signature(signature or "")
    had_one = _has_separator(lines, head)
    if not cleaned and not had_one:
        return body
    parts: list[str] = []
    text = "\n".join(_trimmed(head))
    if text:
        # An open code block would swallow the separator: close it first.
        parts.append(f"{text}\n{fence}" if fence else text)
    if cleaned:
        parts.append(f"{SEPARATOR}\n{cleaned}")
    elif _has_separator(tail):
        # A "-- " line in the text below would be read as the signature next time: keep an
        # empty one here, so taking the signature out twice reads the message the same way.
        parts.append(SEPARATOR)
    quoted = "\n".join(_trimmed(tail))
    if quoted:
        parts.append(quoted)
    if not parts:
        return ""
    # A blank line before the separator: right under a paragraph, "-- " would turn it
    # into a heading (a Markdown setext underline).
    return "\n\n".join(parts) + "\n"
