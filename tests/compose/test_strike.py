"""Strike-through: ``~~text~~`` is struck out, and nothing else a writer types is."""

from __future__ import annotations

import pytest

from smtpeter_desktop.compose import render


def _paragraph(text: str) -> str:
    html = render.render(text).html
    start = html.index("<p")
    return html[html.index(">", start) + 1 : html.index("</p>", start)]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("~~old~~ new", "<del>old</del> new"),
        ("~~a~~ and ~~b~~", "<del>a</del> and <del>b</del>"),
        ("x~~y~~z", "x<del>y</del>z"),
        # Not a strike: one tilde, a space inside the tildes, a longer run, an escape.
        ("about ~5 to ~8", "about ~5 to ~8"),
        ("a ~~ b ~~ c", "a ~~ b ~~ c"),
        ("~~~x~~~", "~~~x~~~"),
        ("\\~~kept~~", "~~kept~~"),
    ],
)
def test_strike(text: str, shown: str) -> None:
    assert _paragraph(text) == shown


def test_strike_and_emphasis_nest_either_way() -> None:
    assert "<del><strong" in _paragraph("~~**bold** gone~~")
    assert "<del>a</del></strong>" in _paragraph("**~~a~~**")
    assert "<del><a href=" in _paragraph("~~[link](https://example.com)~~")
