"""Address lists as people type them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.errors import AddressError, HeaderInjectionError


def test_the_issue_example_reads_three_people() -> None:
    text = 'Ann Lee <ann@example.com>, bob@example.org; "Lee, Ann" <a@b.co>'
    result = addresses.parse_address_list(text)
    assert [(a.name, a.address) for a in result] == [
        ("Ann Lee", "ann@example.com"),
        ("", "bob@example.org"),
        ("Lee, Ann", "a@b.co"),
    ]


def test_separators_inside_quotes_comments_and_brackets_do_not_split() -> None:
    assert addresses.split_entries('"a; b, c" <x@y.z>; (c,d) e@f.g, <h@i.jk>') == [
        '"a; b, c" <x@y.z>',
        "(c,d) e@f.g",
        "<h@i.jk>",
    ]


def test_empty_entries_are_ignored() -> None:
    assert addresses.parse_address_list(" , ;ann@example.com,, ") == (
        addresses.Address("", "ann@example.com", "ann@example.com"),
    )
    assert addresses.parse_address_list("   ") == ()


def test_idn_domain_keeps_unicode_for_people_and_punycode_for_the_wire() -> None:
    (address,) = addresses.parse_address_list("Jörg <jörg@bücher.de>, x@bücher.de")[1:]
    assert address.address == "x@bücher.de"
    assert address.envelope_address == "x@xn--bcher-kva.de"
    assert not address.needs_smtputf8


def test_non_ascii_local_part_needs_smtputf8() -> None:
    (address,) = addresses.parse_address_list("jörg@example.com")
    assert address.needs_smtputf8
    assert address.envelope_address == "jörg@example.com"


@pytest.mark.parametrize(
    ("text", "entry", "reason"),
    [
        ("ann@example.com, bob@", "bob@", "after the @-sign"),
        ("Bob <bob@example>", "Bob <bob@example>", "period"),
        ("just a name", "just a name", ""),
        ("Ann <ann@example.com", "Ann <ann@example.com", "not closed"),
        ("Ann <>", "Ann <>", "missing"),
    ],
)
def test_a_bad_entry_is_named_with_the_reason(text: str, entry: str, reason: str) -> None:
    result = addresses.read_address_list(text, "To")
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.entry == entry
    assert reason in problem.reason
    assert f"“{entry}” in To" in str(problem)
    with pytest.raises(AddressError):
        addresses.parse_address_list(text)


def test_every_bad_entry_is_reported_for_marking_the_field() -> None:
    result = addresses.read_address_list("a@, good@example.com, b@c", "Cc")
    assert [p.entry for p in result.problems] == ["a@", "b@c"]
    assert [a.address for a in result.addresses] == ["good@example.com"]


def test_a_line_break_inside_one_entry_is_refused() -> None:
    result = addresses.read_address_list("a@b.co\r\nBcc: x@y.z")
    assert [p.entry for p in result.problems] == ["Bcc: x@y.z"]
    with pytest.raises(HeaderInjectionError):
        addresses.parse_address("a@b.co\nBcc: x@y.z")
    [problem] = addresses.read_address_list("Ann\x0bLee <a@b.co>").problems
    assert "control character" in problem.reason or "line break" in problem.reason


def test_a_pasted_column_is_one_address_a_line() -> None:
    column = (
        'ann@example.com\r\nbob@example.org\n\n"Lee, Cy" <cy@example.net>\u2028dee@example.com\n'
    )
    result = addresses.read_address_list(column, "To")
    assert result.ok
    assert [a.address for a in result.addresses] == [
        "ann@example.com",
        "bob@example.org",
        "cy@example.net",
        "dee@example.com",
    ]
    # An unclosed quote ends with its line instead of swallowing the rest of the column.
    assert addresses.split_entries('"Ann <a@b.co>\nbob@example.org') == [
        '"Ann <a@b.co>',
        "bob@example.org",
    ]


def test_format_quotes_names_that_need_it() -> None:
    assert addresses.Address("Lee, Ann", "a@b.co", "a@b.co").format() == '"Lee, Ann" <a@b.co>'
    assert addresses.Address('Say "hi"', "a@b.co", "a@b.co").format() == ('"Say \\"hi\\"" <a@b.co>')
    assert addresses.Address("Ann Lee", "a@b.co", "a@b.co").format() == "Ann Lee <a@b.co>"


_local = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,15}[a-z0-9]", fullmatch=True).filter(
    lambda s: ".." not in s
)
_domain = st.sampled_from(["example.com", "bücher.de", "mail.example.org", "xn--bcher-kva.ch"])
_name = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20
).map(lambda s: " ".join(s.split()))


@given(st.lists(st.tuples(_name, _local, _domain), min_size=1, max_size=6))
def test_any_valid_list_survives_parse_format_parse(people: list[tuple[str, str, str]]) -> None:
    text = ", ".join(
        addresses.Address(name, f"{local}@{domain}", "").format() for name, local, domain in people
    )
    first = addresses.parse_address_list(text)
    again = addresses.parse_address_list(addresses.format_address_list(first))
    assert again == first
    assert [a.name for a in first] == [name for name, _, _ in people]
