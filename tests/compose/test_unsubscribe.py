"""The unsubscribe options: checked when made, written as RFC 2369 / RFC 8058 headers."""

from __future__ import annotations

import email
from email import policy

import pytest

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.mime import build_bytes, unsubscribe_headers
from smtpeter_desktop.compose.options import OptionsError, SmtpeterOptions

LONG_URL = "https://example.org/unsubscribe/" + "a" * 120 + "?list=news&id=42"


def _draft(options: SmtpeterOptions) -> Draft:
    return Draft(
        sender="ann@example.org", to="bob@example.com", subject="News", body="Hi", options=options
    )


def test_both_ways_and_one_click_are_written_as_headers_a_reader_can_follow() -> None:
    options = SmtpeterOptions(
        unsubscribe_email="leave@example.org", unsubscribe_url=LONG_URL, unsubscribe_oneclick=True
    )
    raw, _ = build_bytes(_draft(options))
    head = raw.split(b"\r\n\r\n", 1)[0]
    # One entry per line, the long URL whole (no encoded words, which no reader follows).
    assert (
        b"List-Unsubscribe: <mailto:leave@example.org?subject=unsubscribe>,\r\n <"
        + LONG_URL.encode()
        + b">\r\n"
    ) in head
    assert b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in head
    assert max(len(line) for line in head.split(b"\r\n")) <= 998
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert str(parsed["List-Unsubscribe"]).endswith(f"<{LONG_URL}>")


def test_no_unsubscribe_no_headers() -> None:
    raw, _ = build_bytes(_draft(SmtpeterOptions()))
    assert b"List-Unsubscribe" not in raw
    assert unsubscribe_headers(SmtpeterOptions(unsubscribe_url="https://example.org/u")) == [
        ("List-Unsubscribe", "<https://example.org/u>")
    ]


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"unsubscribe_email": "Ann <leave@example.org>"}, "not a plain e-mail address"),
        ({"unsubscribe_email": "leave@@example.org"}, "not a plain e-mail address"),
        ({"unsubscribe_email": "léa@example.org"}, "not a plain e-mail address"),
        ({"unsubscribe_url": "ftp://example.org/u"}, "is not a web address"),
        ({"unsubscribe_url": "https://example.org/a b"}, "is not a web address"),
        ({"unsubscribe_url": "https://example.org/a>,<b"}, "is not a web address"),
        ({"unsubscribe_url": "https://example.org/\r\nBcc: x"}, "is not a web address"),
        ({"unsubscribe_url": "https://x.example/" + "a" * 900}, "over 900 characters"),
        ({"unsubscribe_oneclick": True}, "needs an unsubscribe link that starts with https://"),
        (
            {"unsubscribe_oneclick": True, "unsubscribe_url": "http://example.org/u"},
            "starts with https://",
        ),
        ({"unsubscribe_oneclick": "yes"}, "must be true or false"),
        ({"unsubscribe_url": 5}, "must be text"),
    ],
)
def test_unusable_unsubscribe_values_are_refused_with_words(
    values: dict[str, object], words: str
) -> None:
    with pytest.raises(OptionsError, match=words):
        SmtpeterOptions(**values)  # type: ignore[arg-type]


def test_the_options_round_trip_through_their_stored_form() -> None:
    options = SmtpeterOptions(
        unsubscribe_email="leave@example.org",
        unsubscribe_url="https://example.org/u",
        unsubscribe_oneclick=True,
    )
    assert options.unsubscribe
    assert SmtpeterOptions.from_dict(options.to_dict()) == options
    assert not SmtpeterOptions().unsubscribe
