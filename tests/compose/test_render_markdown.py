"""The Markdown that GitHub and Markdown Here users type renders as they expect (issue 14)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose import lists, render


def _body(text: str) -> str:
    """The HTML without the inlined styles, for comparing structure."""
    return re.sub(r' style="[^"]*"', "", render.render(text).html)


def test_two_space_nested_lists_nest() -> None:
    page = _body("- fruit\n  - apple\n    - green\n- bread\n")
    assert re.search(r"<li>fruit<ul>\s*<li>apple<ul>\s*<li>green</li>", page)
    assert re.search(r"</ul>\s*</li>\s*<li>bread</li>", page)
    numbered = _body("1. first\n   - detail\n2. second\n")
    assert re.search(r"<li>first<ul>\s*<li>detail</li>\s*</ul>\s*</li>\s*<li>second", numbered)


def test_four_space_nested_lists_still_nest() -> None:
    text = "- a\n    - b\n        - c\n- d\n"
    assert lists.normalised(text) == text
    assert re.search(r"<li>a<ul>\s*<li>b<ul>\s*<li>c</li>", _body(text))


def test_a_paragraph_under_an_item_stays_in_it() -> None:
    page = _body("- first\n\n  more about the first\n\n- second\n")
    assert re.search(r"<li>\s*<p>first</p>\s*<p>more about the first</p>\s*</li>", page)


def test_parenthesis_numbers_make_an_ordered_list() -> None:
    assert re.search(r"<ol>\s*<li>one</li>\s*<li>two</li>\s*</ol>", _body("1) one\n2) two\n"))


def test_strike_task_lists_footnotes_and_bare_addresses() -> None:
    page = _body(
        "~~old~~ new, about ~5 to ~8.\n\n- [ ] to do\n- [x] done\n\n"
        "See https://example.com/a?b=1 and www.example.org.[^1]\n\n[^1]: The note.\n"
    )
    assert "<del>old</del> new, about ~5 to ~8." in page, "one tilde is not a subscript"
    # Mail readers drop form fields: the boxes are characters.
    assert "<input" not in page
    assert "\u2610 to do</li>" in page and "\u2611 done</li>" in page
    assert '<a href="https://example.com/a?b=1">https://example.com/a?b=1</a>' in page
    assert '<a href="http://www.example.org">www.example.org</a>' in page
    assert re.search(r'<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>', page)
    assert "The note." in page


def test_code_and_plain_text_are_not_taken_for_lists() -> None:
    for text in ("    - indented code\n", "```\n- a\n  - b\n```\n", "text\n- a\nlazy line\n"):
        assert lists.normalised(text) == text


_ITEMS = st.sampled_from(["- a", "* b", "+ c", "1. d", "2) e", "10. f", "plain", "", "    code"])


@given(st.lists(st.tuples(st.integers(0, 6), _ITEMS), max_size=12))
def test_any_mix_of_items_renders_every_word(lines: list[tuple[int, str]]) -> None:
    text = "\n".join(" " * indent + item for indent, item in lines)
    page = render.render(text).html
    for _indent, item in lines:
        if item:
            assert item.split()[-1] in page
