"""The sandbox's own reading of a message: x-smtpeter fields, the From domain, the header."""

from __future__ import annotations

import pytest

from smtpeter_desktop.sandbox import mail


def test_only_option_fields_leave_and_every_other_byte_stays() -> None:
    message = (
        b"Received: from somewhere\r\n\tby here\r\n"
        b"X-SMTPeter-Tags: a,b\r\n"
        b"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n"
        b"x-smtpeter-trackopens:false\r\n"
        b"X-Other: x-smtpeter-inlinecss: true\r\n"
        b"\r\n"
        b"x-smtpeter-images: hosted\r\n"
    )
    stripped, options = mail.take_options(message)
    assert options == {"tags": ["a", "b"], "trackopens": False}
    assert stripped == (
        b"Received: from somewhere\r\n\tby here\r\n"
        b"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n"
        b"X-Other: x-smtpeter-inlinecss: true\r\n"
        b"\r\n"
        b"x-smtpeter-images: hosted\r\n"
    )


def test_a_message_without_options_is_the_same_object() -> None:
    message = b"From: a@example.com\r\n\r\nbody\r\n"
    stripped, options = mail.take_options(message)
    assert stripped is message
    assert options == {}


def test_folded_option_at_the_end_of_the_header_and_bare_line_feeds() -> None:
    message = b"From: a@example.com\nx-smtpeter-tags: one,\n two ,\n\tthree\n\nbody\n"
    stripped, options = mail.take_options(message)
    assert options == {"tags": ["one", "two", "three"]}
    assert stripped == b"From: a@example.com\n\nbody\n"


def test_unknown_options_are_kept_as_text() -> None:
    message = b"x-smtpeter-trackclicks: TRUE\r\nX-SMTPeter-Future: 42\r\n\r\n"
    stripped, options = mail.take_options(message)
    assert options == {"trackclicks": True, "future": "42"}
    assert stripped == b"\r\n"


@pytest.mark.parametrize(
    ("field", "words"),
    [
        (b"x-smtpeter-trackclicks: yes", "true or false"),
        (b"x-smtpeter-preventscam:", "true or false"),
        (b"x-smtpeter-tags: news letter", "has a space"),
        (b"x-smtpeter-tags: news;letter", "has a semicolon"),
        (b"x-smtpeter-tags: news,,letter", "cannot be empty"),
        ("x-smtpeter-tags: grüße".encode(), "outside ASCII"),
        (b"x-smtpeter-tags: news\x1cletter", "control character"),
        (b"x-smtpeter-tags: news\rletter", "control character"),
        (b"x-smtpeter-tags: news\x00", "control character"),
        (b"x-smtpeter-images: yes", "hosted or default"),
        (b"x-smtpeter-maxdelivertime: tomorrow", "YYYY-MM-DD hh:mm:ss"),
        (b"x-smtpeter-tags: a\r\nX-SMTPeter-Tags: b", "given twice"),
        (b"x-smtpeter-future: \xff", "outside ASCII"),
    ],
)
def test_option_values_smtpeter_would_refuse(field: bytes, words: str) -> None:
    with pytest.raises(mail.OptionError) as info:
        mail.take_options(b"From: a@example.com\r\n" + field + b"\r\n\r\nbody\r\n")
    assert words in str(info.value)
    assert str(info.value).isascii()
    assert "\n" not in str(info.value) and "\r" not in str(info.value)


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("news\n", "line break"),  # "$" in a pattern lets a final line break through
        ("news\r\n", "line break"),
        ("a\u2028b", "outside ASCII"),
        ("a b", "a space"),
        ("a\tb", "a tab"),
        ("a;b", "a semicolon"),
        ("a,b", "a comma"),
        ("", "empty"),
        (7, "text"),
    ],
)
def test_tag_problems_in_words(tag: object, words: str) -> None:
    problem = mail.tag_problem(tag)
    assert problem is not None and words in problem


def test_good_tags_and_times() -> None:
    for tag in ("news", "q3-2030", "a.b_c/d", "X!"):
        assert mail.tag_problem(tag) is None
    assert mail.delivery_time_problem("2030-01-01 12:00:00") is None
    assert mail.delivery_time_problem("2030-01-01 12:00:00\n") is not None


def test_a_header_without_a_body() -> None:
    stripped, options = mail.take_options(
        b"From: a@example.com\r\nx-smtpeter-preventscam: TRUE\r\n"
    )
    assert options == {"preventscam": True}
    assert stripped == b"From: a@example.com\r\n"


@pytest.mark.parametrize(
    ("content", "header"),
    [
        (b"A: 1\r\n\r\nbody", b"A: 1\r\n"),
        (b"A: 1\n\nbody", b"A: 1\n"),
        (b"\r\nbody only", b""),
        (b"A: 1\r\n", b"A: 1\r\n"),
    ],
)
def test_split_header(content: bytes, header: bytes) -> None:
    head, rest = mail.split_header(content)
    assert head == header
    assert head + rest == content


@pytest.mark.parametrize(
    ("content", "domain"),
    [
        (b"From: Ann <ann@Example.COM>\r\n\r\n", "example.com"),
        (b"Subject: x\r\nfrom: ann@example.org\r\n\r\n", "example.org"),
        (b"From: =?utf-8?q?J=C3=B6rg?= <j@example.net>\r\n\r\n", "example.net"),
        (b"Subject: no sender\r\n\r\n", None),
        (b"From: not an address\r\n\r\n", None),
    ],
)
def test_from_domain(content: bytes, domain: str | None) -> None:
    assert mail.from_domain(content) == domain


def test_sender_refusal() -> None:
    assert mail.sender_refusal("example.com", ()) is None
    assert mail.sender_refusal("example.com", ("Example.com",)) is None
    assert mail.sender_refusal("other.org", ("example.com",)) == (
        "You cannot send mailings from other.org without configuring it as sender domain"
    )
    assert "no From address" in str(mail.sender_refusal(None, ()))
