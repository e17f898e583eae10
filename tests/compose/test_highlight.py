"""Pygments and the code extensions load only for a text that may hold a code block, and a
text without one converts exactly as it would with them."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.markdown_html import MarkdownConverter, has_code

WITH = MarkdownConverter(code=True)
WITHOUT = MarkdownConverter(code=False)

_BLOCKS = st.sampled_from(
    [
        "# Heading", "## Second level", "Plain *text* with `inline code`.", "- one\n- two",
        "- one\n  - nested by two", "1. first\n2. second", "> quoted\n> more",
        "| a | b |\n|---|--:|\n| 1 | 2 |", "Line one\nline two", "***", "Setext\n======",
        "A [link](https://example.com), www.example.org and ann@example.com.",
        "<pre><code>raw html</code></pre>", "Text[^1]\n\n[^1]: A note.", "- [x] done",
        "~~struck~~ and ``two `ticks` ``", "``not a fence``", "   three spaces in",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_BLOCKS, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=8))
def test_a_text_without_code_converts_the_same_without_the_code_extensions(
    blocks: list[tuple[str, str]],
) -> None:
    text = "".join(block + sep for block, sep in blocks)
    assert not has_code(text)
    assert WITHOUT.convert(text, None)[0] == WITH.convert(text, None)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Before\n\n```python\nx = 1\n```\n",
        "Before\n\n~~~\nx = 1\n~~~\n",
        "```\nat the very start\n```\n",
        "Before\n\n    x = 1\n",
        "Before\n\n\tx = 1\n",
        "Before\n\n  \tx = 1\n",  # a tab reaches column 4
    ],
)
def test_a_text_with_a_code_block_is_coloured_by_pygments(text: str) -> None:
    assert has_code(text)
    body = render._renderer().convert(text, None).body
    assert 'class="codehilite"' in body and "<pre" in body
    assert body == render._Renderer().convert(text, None).body, "the same on a new renderer"
