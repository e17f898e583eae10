"""A signature below "-- ": inserted once, replaced, taken out, never inside quoted text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, example, given
from hypothesis import strategies as st

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.signature import (
    clean_signature,
    signature_of,
    with_signature,
)

# Lines a body is made of: prose, quoted text, blank lines, code fences, separators.
_line = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from(["", "> quoted", ">", "  > nested", "```", "~~~", "-- ", "--", "    code"]),
)
_body = st.lists(_line, max_size=12).map("\n".join)
_signature = st.lists(_line, max_size=5).map("\n".join)


def test_a_signature_goes_below_the_separator_after_the_text() -> None:
    body = with_signature("Hi Bob,\n\nSee you.\n", "Ann Lee\n*Example*")
    assert body == "Hi Bob,\n\nSee you.\n\n-- \nAnn Lee\n*Example*\n"
    assert signature_of(body) == "Ann Lee\n*Example*"


def test_a_new_signature_replaces_the_old_one() -> None:
    first = with_signature("Hi", "Ann (work)")
    assert with_signature(first, "Ann (home)") == "Hi\n\n-- \nAnn (home)\n"
    assert with_signature(first, None) == "Hi\n"


def test_the_signature_goes_above_quoted_text_never_inside() -> None:
    reply = "Yes, fine.\n\nOn Monday Bob wrote:\n> Shall we?\n>\n> -- \n> Bob\n"
    signed = with_signature(reply, "Ann")
    assert signed == (
        "Yes, fine.\n\nOn Monday Bob wrote:\n\n-- \nAnn\n\n> Shall we?\n>\n> -- \n> Bob\n"
    )
    # Bob's quoted signature is not ours to replace.
    assert with_signature(signed, "Ann L.").count("> Bob") == 1
    assert signature_of(with_signature(signed, "Ann L.")) == "Ann L."


def test_a_separator_inside_a_code_block_is_text() -> None:
    body = "```\n-- \nnot a signature\n```"
    assert with_signature(body, "Ann") == body + "\n\n-- \nAnn\n"


def test_an_open_code_block_is_closed_before_the_signature() -> None:
    signed = with_signature("```\nprint(1)", "Ann")
    assert signed == "```\nprint(1)\n```\n\n-- \nAnn\n"
    assert with_signature(signed, "Ann") == signed


def test_signature_lines_that_look_like_quotes_or_separators_are_escaped() -> None:
    assert clean_signature("> motto\n-- \nAnn\n\n") == "\\> motto\n--\nAnn"


def test_the_separator_is_in_both_parts() -> None:
    signed = with_signature("Hello", "Ann **Lee**")
    html = render.render(signed).html
    assert "-- <br>" in html and "Lee</strong>" in html
    # Not a heading: the separator must not turn the text above it into one.
    assert "<h2" not in html


@given(_body, _signature)
# A "-- " line after the quoted text, once the signature is taken out, was read as the
# signature the second time (Hypothesis found it).
@example("-- \n>\n-- ", "")
def test_idempotent(body: str, signature: str) -> None:
    once = with_signature(body, signature)
    assert with_signature(once, signature) == once


@given(_body, _signature, _signature)
def test_replacing_never_duplicates(body: str, first: str, second: str) -> None:
    assume(clean_signature(first) and clean_signature(second))
    replaced = with_signature(with_signature(body, first), second)
    assert replaced == with_signature(body, second)
    assert signature_of(replaced) == clean_signature(second)
    if "-- " in body.split("\n"):
        return  # the body's own separator lines: what follows them is a signature too
    removed = with_signature(replaced, None)
    assert signature_of(removed) is None
    assert with_signature(removed, None) == removed


@given(_body, _signature)
def test_quoted_lines_are_kept_in_order(body: str, signature: str) -> None:
    def quoted(text: str) -> list[str]:
        return [line for line in text.split("\n") if line.lstrip(" ").startswith(">")]

    # A separator already in the body starts a signature, which is replaced whole.
    assume("-- " not in body.split("\n"))
    left = iter(quoted(with_signature(body, signature)))
    # The body's quoted lines are all still there, in their order (a subsequence).
    assert all(any(line == other for other in left) for line in quoted(body))


def test_a_signature_with_a_20_mb_image_meets_the_bodys_rule(tmp_path: Path) -> None:
    from smtpeter_desktop.compose import checks
    from smtpeter_desktop.compose.draft import Draft

    logo = tmp_path / "logo.png"
    with logo.open("wb") as file:
        file.truncate(20 * 1024 * 1024)  # sparse: the size counts, not the bytes
    body = with_signature("Hello Bob", f"Ann\n![logo]({logo.name})")
    draft = Draft(sender="ann@example.com", to="bob@example.org", subject="Hi", body=body,
                  base_dir=str(tmp_path))  # fmt: skip
    # The body's rule holds for a signature: an image that large is not put in.
    found = {f.code: f for f in checks.check(draft)}
    assert "bad-image" in found and "logo.png" in found["bad-image"].message
