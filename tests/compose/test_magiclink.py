"""pymdownx's magiclink loads only for a text that may hold a bare web or e-mail address, and
a text without one converts exactly as it would with it."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.markdown_html import MarkdownConverter, has_address

WITH = MarkdownConverter(code=False, links=True)
WITHOUT = MarkdownConverter(code=False, links=False)

# Pieces that, put together, make written links, escaped and broken ones, footnotes, images,
# code spans and bare addresses, so the check is tried at its edges.
_PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", "!", "\\", "^", "`", "<", ">", " ", "\n", "\n\n", "*", "- ", "1",
        "text", "https://example.com/a", "http://x.org", "ftp://f.net/x", "www.example.org",
        "ann@example.com", "mailto:ann@example.com", "example.com", '"title"', "#", ":",
        "[link](https://example.com)", "![pic](https://example.com/p.png)", "[^1]",
        "[^1]: note", "[ref]: https://example.com", "[a](<https://example.com>)",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14))
def test_a_text_without_a_bare_address_converts_the_same_without_magiclink(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    if has_address(text):
        return
    assert WITHOUT.convert(text, None)[0] == WITH.convert(text, None)[0], text


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.com/a today.",
        "See www.example.org.",
        "Write to ann@example.com.",
        "\\[x](https://example.com)",  # escaped: no link, a bare address
        "[^1](https://example.com)\n\n[^1]: note",
        "[open](https://example.com",  # not closed: a bare address
        "[https://example.com](https://example.com)",
    ],
)
def test_a_text_with_a_bare_address_gets_its_link(text: str) -> None:
    assert has_address(text)
    body = render._Renderer().convert(text, None).body
    assert body == WITH.convert(text, None)[0].replace("\n</code></pre>", "</code></pre>")


def test_a_letter_with_written_links_only_needs_no_magiclink() -> None:
    text = "The report is on [the intranet](https://intranet.example.com/q3).\n"
    assert not has_address(text)
    body = render._Renderer().convert(text, None).body
    assert '<a href="https://intranet.example.com/q3">the intranet</a>' in body
    assert body == WITH.convert(text, None)[0]
