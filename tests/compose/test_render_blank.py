"""A blank text is rendered without loading Python-Markdown, to the very same page."""

from __future__ import annotations

import subprocess
import sys

import pytest

from smtpeter_desktop.compose import bounds, render
from smtpeter_desktop.compose.markdown_html import MarkdownConverter


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\n  \n"])
def test_a_blank_text_gives_what_python_markdown_gives(text: str) -> None:
    body, found = MarkdownConverter().convert(text, None)
    converted = render._Renderer().convert(text, None)
    assert converted.body == body == ""
    assert converted.images == () and converted.missing_images == () and not found.images
    assert converted.depth == bounds.html_depth(body)
    page = render.render(text, title="Hi")
    assert page.html == render._renderer().inliner.inline(render._document("", "Hi"))
    assert page.text == text.replace("\r\n", "\n") and page.warnings == ()


def test_a_blank_text_loads_no_markdown_and_the_first_real_one_does() -> None:
    code = (
        "import sys\n"
        "from smtpeter_desktop.compose import render\n"
        "render.render('')\n"
        "assert 'markdown' not in sys.modules, 'loaded for a blank text'\n"
        "assert 'smtpeter_desktop.compose.markdown_html' not in sys.modules\n"
        "assert '<em>b</em>' in render.render('*b*').html\n"
        "assert 'markdown' in sys.modules\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
