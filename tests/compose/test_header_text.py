"""Characters no header value can hold are refused with words, in every header field."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from smtpeter_desktop.compose import addresses, mime
from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.errors import HeaderInjectionError, OptionsError
from smtpeter_desktop.compose.headertext import unfit_character
from smtpeter_desktop.compose.options import SmtpeterOptions


@cache
def unfit() -> tuple[str, ...]:
    """Defined here on its own: what str.splitlines breaks on, and what is not header text."""
    return tuple(
        char
        for char in map(chr, range(0x110000))
        if char != "\t"
        and (
            len(f"a{char}b".splitlines()) > 1
            or unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"}
        )
    )


def test_every_such_character_is_known() -> None:
    chars = unfit()
    assert {"\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\x00", "\x7f"} <= set(chars)
    assert all(unfit_character(f"ok{char}ok") == char for char in chars)
    assert unfit_character("Résumé\t— Q3 ✓ 日本") is None


_FIELDS = {
    "subject": "Subject",
    "sender": "From",
    "to": "To",
    "cc": "Cc",
    "bcc": "Bcc",
    "reply_to": "Reply-To",
    "attachment name": "Attachments",
}
_fine = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=10)


@pytest.fixture(scope="module")
def a_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("attach") / "notes.txt"
    path.write_text("x")
    return path


@given(
    field=st.sampled_from(sorted(_FIELDS)),
    char=st.sampled_from(unfit()),
    before=_fine,
    after=_fine,
)
def test_any_unfit_character_in_any_header_field_is_refused_with_words(
    a_file: Path, field: str, char: str, before: str, after: str
) -> None:
    values: dict[str, Any] = {"sender": "a@b.co", "to": "c@d.co", "subject": "s"}
    value = before + char + after
    if field == "attachment name":
        values["attachments"] = (Attachment(str(a_file), name=value),)
    elif field == "subject":
        values[field] = value
    else:
        # A line break separates addresses (a pasted column); the other characters are refused.
        # Inside a name: at an entry's edge a blank one is trimmed (see the test below).
        assume(char not in addresses.ENTRY_BREAKS)
        values[field] = f"{before}x{char}y{after} <x@example.com>"
    with pytest.raises(HeaderInjectionError) as caught:
        mime.build_bytes(Draft(body="x", **values))
    assert caught.value.field == _FIELDS[field]
    assert caught.value.char == char
    assert f"(U+{ord(char):04X})" in str(caught.value)


@pytest.mark.parametrize("blank", ["\t", "\x0b", "\x0c", "\x1f"])
def test_a_blank_control_character_at_an_entrys_edge_is_trimmed_like_a_space(blank: str) -> None:
    # Spreadsheets put a vertical tab where a cell had a line break; it never reaches a header.
    found = addresses.parse_address_list(f"{blank}Ann <ann@example.com>{blank}, bob@example.org")
    assert [a.format() for a in found] == ["Ann <ann@example.com>", "bob@example.org"]


_tag_text = st.text("abcXYZ019-_.", max_size=10)


@given(char=st.sampled_from(unfit()), before=_tag_text, after=_tag_text)
def test_any_unfit_character_in_a_tag_is_refused_with_words(
    char: str, before: str, after: str
) -> None:
    with pytest.raises(OptionsError, match=f"U\\+{ord(char):04X}"):
        SmtpeterOptions(tags=("ok", f"{before}{char}{after}"))


def test_the_sentence_names_the_field_and_the_character() -> None:
    with pytest.raises(HeaderInjectionError) as caught:
        mime.build_bytes(Draft(sender="a@b.co", to="c@d.co", subject="Q3\x1creport"))
    assert caught.value.message == (
        "The subject contains a control character (U+001C), which a mail header cannot hold."
    )
    # A line break between addresses separates them; a vertical tab inside one is refused.
    with pytest.raises(HeaderInjectionError, match=r"To field contains a line break \(U\+000B\)"):
        mime.build_bytes(Draft(sender="a@b.co", to="Ann\x0bLee <c@d.co>"))


def test_addresses_are_refused_as_they_are_typed() -> None:
    with pytest.raises(HeaderInjectionError, match="U\\+001E"):
        addresses.parse_address("Ann\x1eLee <ann@example.com>", "Cc")
    [problem] = addresses.read_address_list("Ann\x0cLee <ann@example.com>", "Cc").problems
    assert "line break (U+000C)" in problem.message
