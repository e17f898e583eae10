"""Which words of a Markdown text a spell checker should look at, as spans of the text.

Not prose, so never checked: fenced and indented code blocks, inline code, URLs and web
addresses, e-mail addresses, file and domain names (``report.pdf``), link targets and
reference definitions, autolinks, HTML tags, comments and entities, SMTPeter's
``{$placeholders}`` and ``{if ...}`` tags, words with digits, and words in capitals (acronyms).

The skipped parts are blanked to spaces (same length, so every offset stays the offset in the
text) and the words are read from what is left: one pass of a few regular expressions, so a
100 KB text takes milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["words"]

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"(?: {4}|\t)")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")
_SKIPPED = re.compile(
    r"""
      <!--.*?-->                                   # an HTML comment
    | (?P<ticks>`+).+?(?P=ticks)                   # inline code
    | \]\([^)\n]*\)                                # a link or image target
    | ^[ ]{0,3}\[[^\]\n]+\]:[^\n]*                 # a reference definition
    | <[^<>\n]*>                                   # an autolink or an HTML tag
    | \b(?:[a-z][a-z0-9+.-]*:)//\S+                # a URL
    | \b(?:mailto|tel|cid|data):\S+                # a URL without //
    | \bwww\.\S+                                   # a web address
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                 # an e-mail address
    | \{[^{}\n]*\}                                 # {$placeholder}, {if ...}
    | &\#?\w+;                                     # an HTML entity
    | \b\w+(?:[./\\]\w+)+\b                        # report.pdf, example.com, a/b/c
    | \b\w*\d\w*\b                                 # a word with a digit: Q3, 2nd, v1
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
# Letters, with an apostrophe or a hyphen inside a word (don't, zo'n, e-mail).
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code_blocks(text: str) -> str:
    """*text* with every line of a fenced or indented code block blanked."""
    lines = text.split("\n")
    fence = ""
    previous_blank = True
    in_indented = False
    for index, line in enumerate(lines):
        if fence:
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = ""
            lines[index] = " " * len(line)
            continue
        if found := _FENCE.match(line):
            fence = found.group(1)
            lines[index] = " " * len(line)
            continue
        blank = not line.strip()
        indented = bool(_INDENTED.match(line)) and not _LIST_ITEM.match(line)
        # Indented code starts after a blank line (else it continues a paragraph or a list).
        if not blank and indented and (previous_blank or in_indented):
            in_indented = True
            lines[index] = " " * len(line)
        elif not blank:
            in_indented = False
        previous_blank = blank
    return "\n".join(lines)


def words(markdown: str) -> Iterator[tuple[int, int]]:
    """The (start, end) offsets in *markdown* of each word a spell checker should check."""
    prose = _SKIPPED.sub(_blank, _without_code_blocks(markdown))
    for found in _WORD.finditer(prose):
        word = found.group(0)
        if len(word) > 1 and word.isupper():
            continue  # an acronym: SMTP, KPN
        yield found.start(), found.end()
