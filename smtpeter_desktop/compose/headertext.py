"""Which characters a header value cannot hold, and the words that say so.

A line break in a header value would end the header and let the value write headers of its
own; Python's ``str.splitlines`` (which the standard library's mail code uses) breaks lines on
more than CR and LF: also on VT, FF, U+001C..U+001E, U+0085, U+2028 and U+2029. Other control
characters are not text a reader can see or a server is obliged to carry, and a lone surrogate
(possible in stored JSON) is not text at all. Tab is allowed: it is ordinary header white space.
"""

from __future__ import annotations

import unicodedata

# Every one is in one of these categories; the set is kept as the definition to test against.
SPLITLINES_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_REFUSED_CATEGORIES = frozenset({"Cc", "Zl", "Zp", "Cs"})
# What a person would call a line break; U+001C..U+001E are separators nobody types.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")


def unfit_character(value: str) -> str | None:
    """The first character of ``value`` that no header value may hold, or ``None``."""
    for char in value:
        if char != "\t" and (
            char in SPLITLINES_BREAKS or unicodedata.category(char) in _REFUSED_CATEGORIES
        ):
            return char
    return None


def describe(char: str) -> str:
    """``a line break (U+2028)``, ``a control character (U+001C)``..., for a sentence."""
    code = f"U+{ord(char):04X}"
    if char in _LINE_BREAKS:
        return f"a line break ({code})"
    if unicodedata.category(char) == "Cs":
        return f"a broken character ({code})"  # half a surrogate pair: not text at all
    return f"a control character ({code})"


def shown(value: str) -> str:
    """``value`` for a sentence, each unfit character replaced by U+FFFD so it can be seen."""
    return "".join("\ufffd" if unfit_character(char) else char for char in value)
