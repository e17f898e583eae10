"""Markdown to the HTML part, and its preview."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose import render
from tests.compose.conftest import MARKDOWN


def test_tables_code_and_lists_render_with_inline_styles(material: Path) -> None:
    result = render.render(MARKDOWN, base_dir=material, title="Q3")
    page = result.html
    assert "<style" not in page, "the stylesheet must be inlined, not left in <style>"
    assert re.search(r'<table style="[^"]*border-collapse: collapse', page)
    assert re.search(r'<th style="[^"]*font-weight: 600', page)
    assert 'style="color: #008000' in page, "Pygments colours must be inline styles"
    assert "<li" in page and "<blockquote" in page
    assert "<title>Q3</title>" in page


def test_local_images_become_cid_and_are_collected(material: Path) -> None:
    result = render.render("![a](logo.png) ![b](logo.png)", base_dir=material)
    (image,) = result.images
    assert image.path == material / "logo.png"
    assert image.content_type == "image/png"
    assert result.html.count(f'src="cid:{image.cid}"') == 2
    assert result.missing_images == ()


def test_remote_and_data_images_are_left_alone(material: Path) -> None:
    text = "![r](https://example.com/x.png) ![d](data:image/png;base64,AAAA)"
    result = render.render(text, base_dir=material)
    assert result.images == ()
    assert 'src="https://example.com/x.png"' in result.html


def test_missing_images_are_reported(material: Path) -> None:
    result = render.render("![gone](nowhere.png)", base_dir=material)
    assert result.missing_images == ("nowhere.png",)


def test_absolute_and_file_url_images(material: Path) -> None:
    path = material / "logo.png"
    for src in (str(path), path.as_uri()):
        assert len(render.render(f"![x]({src})").images) == 1


def test_raw_html_is_kept_and_the_preview_forbids_scripts(material: Path) -> None:
    result = render.render('<div class="x">raw</div>\n\n<script>alert(1)</script>')
    assert '<div class="x">raw</div>' in result.html
    preview = result.preview_html()
    assert "script-src 'none'" in preview


def test_preview_shows_local_images_by_file_url(material: Path) -> None:
    result = render.render("![a](logo.png)", base_dir=material)
    preview = result.preview_html()
    assert "cid:" not in preview
    assert (material / "logo.png").as_uri() in preview


def test_html_in_text_is_escaped_in_the_title() -> None:
    assert "<title>&lt;b&gt;</title>" in render.render("x", title="<b>").html


def test_a_line_break_in_a_paragraph_is_kept_as_in_mail() -> None:
    assert "Thanks,<br>" in render.render("Thanks,\nAnn").html


def test_the_last_conversions_are_kept_while_their_images_are(material: Path) -> None:
    first = render.render("![a](logo.png) cached", base_dir=material, title="t")
    again = render.render("![a](logo.png) cached", base_dir=material, title="other")
    assert again.images is first.images, "the conversion was reused"
    assert "<title>other</title>" in again.html
    (material / "logo.png").unlink()
    gone = render.render("![a](logo.png) cached", base_dir=material, title="t")
    assert gone.images == () and gone.missing_images == ("logo.png",)


def test_code_colours_are_exactly_pygments_own() -> None:
    import markdown

    text = "```python\ndef f(x: int) -> str:\n    return 'x' * x  # many\n```\n" * 3
    plain = markdown.markdown(
        text,
        extensions=["fenced_code", "codehilite"],
        extension_configs={"codehilite": {"noclasses": True, "guess_lang": False}},
    ).replace("\n</code></pre>", "</code></pre>")
    converted = render._renderer().convert(text, None)
    assert converted.body == plain


_BLOCKS = st.sampled_from(
    [
        "# Heading", "## Second level", "#tag without a space", "Plain *text* with `code`.",
        "- one\n- two\n  - nested", "1. first\n2. second", "> quoted\n> more", "    indented code",
        "```python\n# not a heading\nx = 1\n```", "~~~\n# still code\n~~~",
        "| a | b |\n|---|--:|\n| 1 | 2 |", "Line one\nline two", "***", "![pic](gone.png)",
        "Setext\n======", "A [link](https://example.com) and **bold**.",
    ]
)  # fmt: skip


@given(st.lists(st.tuples(_BLOCKS, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=12))
def test_converting_by_sections_is_converting_the_whole(blocks: list[tuple[str, str]]) -> None:
    text = "".join(block + sep for block, sep in blocks)
    assert "\n".join(render.sections(text)) == text, "the sections are the text, cut"
    whole = render._renderer().convert(text, None).body
    by_sections = render._converted(text, None).body

    def blocks_of(html: str) -> str:  # white space between block tags does not show
        return re.sub(r">\s+<", "><", html).strip()

    assert blocks_of(by_sections) == blocks_of(whole)


def test_sections_are_cut_before_headings_outside_code() -> None:
    text = "intro\n\n# One\ntext\n```\n\n# code\n```\n\n## Two\nend\n# Three"
    assert render.sections(text) == [
        "intro\n",
        "# One\ntext\n```\n\n# code\n```\n",
        "## Two\nend\n# Three",
    ]
    assert render.sections("[x]: https://example.com\n# One\n[link][x]") == [
        "[x]: https://example.com\n# One\n[link][x]"
    ]
    assert render.sections("<div>\n\n# One\n\n</div>") == ["<div>\n\n# One\n\n</div>"]


def test_a_missing_image_that_appears_is_found(material: Path) -> None:
    text = "![late](late.png) waiting"
    assert render.render(text, base_dir=material).missing_images == ("late.png",)
    assert render.render(text, base_dir=material).missing_images == ("late.png",)
    (material / "late.png").write_bytes((material / "logo.png").read_bytes())
    found = render.render(text, base_dir=material)
    assert found.missing_images == () and len(found.images) == 1
