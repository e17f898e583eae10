"""``~~struck out~~`` as ``<del>``: strike-through as GitHub users type it.

pymdownx.tilde did this before; its patterns (CommonMark's rules for every delimiter, with
Unicode punctuation classes) take 25-70 ms to compile in every process that renders, more
than converting a letter. Only its strike-through was used, and that is one pattern.
"""

from __future__ import annotations

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

# Two tildes; text that neither starts nor ends with a space or a tilde; two tildes. A single
# tilde ("about ~5 to ~8") and a longer run are left as they are.
STRIKE = r"(?<!~)(~~)(?![\s~])(.+?)(?<![\s~])~~(?!~)"


class StrikeExtension(Extension):
    """``~~text~~`` becomes ``<del>text</del>``; ``\\~`` is a tilde that strikes nothing."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # A copy: the class's own list is shared by every Markdown instance.
        md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, "~"]
        # Beside emphasis (60) and after it, so ~~**a**~~ and **~~a~~** both work.
        md.inlinePatterns.register(SimpleTagInlineProcessor(STRIKE, "del"), "strike", 60)
