"""Texts made to hang or crash the renderer: each is shown, with a sentence, and quickly.

The hang and crash cases run in a child process: a regression that takes minutes fails on
the child's deadline instead of holding up the suite, and one that crashes the CSS inliner
(a segfault in Rust code) cannot take pytest with it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from smtpeter_desktop.compose import bounds, render
from tests.compose.conftest import MARKDOWN

ROOT = Path(__file__).resolve().parents[2]


def _in_child(code: str, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )


def test_bracket_runs_and_huge_texts_render_in_seconds_not_minutes() -> None:
    # Before: 15,000 "[" then 15,000 "]" took 56 s, 60,000 "*a* " 30 s, 10 MB of Markdown
    # 42 s (2 MB: 8 s).
    # A deadline, not a timing: generous for a loaded machine, below what the old code took
    # for the first case alone.
    code = """
        import json
        from smtpeter_desktop.compose import render
        cases = {
            "nested": "[" * 15000 + "]" * 15000,
            "nested, 8 KB": "[" * 4000 + "]" * 4000,
            "marks": "*a* " * 60000,
            "addresses": "a.b@c." * 40000,
            "unclosed": "[" * 15000,
            "links without end": "[a](" * 8000,
            "references without end": "[a][" * 8000,
            "images": "![" * 15000 + "]" * 15000,
            "2 MB": ("Some *text* and a [link](https://example.com).\\n\\n" * 42000),
        }
        out = {}
        for name, text in cases.items():
            rendered = render.render(text)
            out[name] = [len(rendered.html), list(rendered.warnings), len(rendered.text)]
        print(json.dumps(out))
    """
    child = _in_child(code, timeout=30)
    assert child.returncode == 0, child.stderr
    results = json.loads(child.stdout)
    size, warnings, text_size = results["2 MB"]
    assert warnings == [
        "The text is longer than 250,000 characters, so it is shown and sent as plain text, "
        "without formatting."
    ]
    assert size > 2_000_000 and text_size > 2_000_000, "all of it is still shown and sent"
    brackets = "Long runs of brackets are shown as the characters they are, not as links."
    assert results["nested"][1][0] == brackets
    assert results["nested, 8 KB"][1] == [brackets]
    assert results["marks"][1] == [
        "A very long paragraph full of formatting marks is shown as plain text, without formatting."
    ]


def test_twenty_thousand_nested_tags_do_not_crash_the_inliner() -> None:
    # Before: css-inline overflowed its stack and the process died (SIGSEGV).
    code = """
        from smtpeter_desktop.compose import render
        for text in ("<div>" * 20000 + "deep text", "<div><b>" * 10000 + "deep text"):
            rendered = render.render(text)
            assert "deep text" in rendered.html
            assert "&lt;div&gt;" in rendered.html, "shown as the text it is"
            print(rendered.warnings[0])
    """
    child = _in_child(code, timeout=60)
    assert child.returncode == 0, f"the child died ({child.returncode}): {child.stderr[-2000:]}"
    assert (
        child.stdout.splitlines()
        == [
            "A very long paragraph full of formatting marks is shown as plain text, "
            "without formatting."
        ]
        * 2
    )


def test_html_nested_too_deep_for_the_inliner_is_shown_as_plain_text() -> None:
    rendered = render.render("<div>" * 3000 + "deep text")
    assert rendered.warnings == (
        "The text nests more than 256 levels deep (HTML tags, lists or quotes), so it is "
        "shown and sent as plain text, without formatting.",
    )
    assert "deep text" in rendered.html and "&lt;div&gt;" in rendered.html
    assert rendered.text == "<div>" * 3000 + "deep text"


def test_six_hundred_nested_list_levels_are_flattened_not_a_traceback() -> None:
    # Before: RecursionError.
    text = "".join("\t" * level + f"- level {level}\n" for level in range(600))
    rendered = render.render(text)
    assert "level 599" in rendered.html
    assert rendered.warnings == (
        "Lists or quotes nested more than 32 levels deep are shown at 32 levels.",
    )
    assert rendered.html.count("<ul") == bounds.MAX_NESTING
    dashes = render.render("- " * 600 + "x")
    assert "x" in dashes.html and dashes.html.count("<ul") == bounds.MAX_NESTING


def test_deep_quotes_and_mixed_markers_are_flattened() -> None:
    for text in ("> " * 700 + "quoted", "> - " * 400 + "mixed", "1. " * 600 + "numbered"):
        rendered = render.render(text)
        assert rendered.html.count("<blockquote") + rendered.html.count("<li") <= 40
        assert text.split()[-1] in rendered.html


def test_ordinary_text_is_never_changed_by_the_bounds() -> None:
    samples = [
        MARKDOWN,
        "[![logo](logo.png)](https://example.com) and [a [nested] link](x) (see (this))",
        "- a\n    - b\n        - c\n\n> > quoted\n\n1. one\n2. two",
        "Code: `arr[0` and `f(` in text, an emoticon :-( and [brackets] " * 50,
        "```\n" + "- " * 100 + "\n" + "[" * 500 + "\n```\n",
    ]
    for text in samples:
        assert bounds.nesting_flattened(text) == (text, False)
        assert bounds.brackets_tamed(text) == (text, False)
        assert render.render(text).warnings == ()


def test_costly_brackets_become_character_references() -> None:
    text = "[" * 3000 + "x"
    tamed, changed = bounds.brackets_tamed(text)
    assert changed
    assert tamed.count("&#91;") == 3000, "none of them closes: all are plain characters"
    rendered = render.render(text + "\n\n[a link](https://example.com)")
    assert re.search(r'<a href="https://example.com"[^>]*>a link</a>', rendered.html), (
        "other blocks keep their links"
    )


def test_html_depth_is_measured_as_parsers_nest() -> None:
    deep = bounds.MAX_HTML_DEPTH + 1
    assert bounds.html_too_deep("<div>" * deep)
    assert not bounds.html_too_deep("<div></div>" * 10 * deep)
    assert not bounds.html_too_deep("<p><br><img src=x>" + "<hr>" * deep)
    # An end tag with no open element is ignored, as parsers ignore it.
    assert bounds.html_too_deep("<div></span>" * deep)
    # A formatting element closed by its parent's end tag is reopened by parsers.
    assert bounds.html_too_deep("<div><b></div>" * deep)
