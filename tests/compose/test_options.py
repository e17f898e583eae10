"""SMTPeter options: validation and storage form."""

from __future__ import annotations

from email.parser import BytesHeaderParser
from email.policy import SMTP

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose import mime
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import OptionsError
from smtpeter_desktop.compose.options import SmtpeterOptions, parse_tags, read_tags
from smtpeter_desktop.transport.smtp import option_headers


@pytest.mark.parametrize(
    "tag",
    [
        "two words",
        "a;b",
        "a,b",
        "",
        "x" * 65,
        # "$" matched before a final newline: this one ended the SMTP header block early.
        "news\n",
        "news\r\n",
        "a\x00b",
        "a\x7f",
        # Non-ASCII raised a traceback halfway through an SMTP send.
        "één",
        "news\u2028",
    ],
)
def test_tags_smtpeter_would_refuse_are_refused(tag: str) -> None:
    with pytest.raises(OptionsError, match="tag"):
        SmtpeterOptions(tags=(tag,))


@given(st.text(max_size=70))
def test_a_tag_that_is_taken_makes_one_clean_header_and_one_json_string(tag: str) -> None:
    try:
        options = SmtpeterOptions(tags=(tag,))
    except OptionsError as exc:
        assert exc.message.startswith(("The tag ", "An empty tag"))
        return
    lines = option_headers(options)
    parsed = BytesHeaderParser(policy=SMTP).parsebytes(lines + b"\r\n")
    assert parsed["x-smtpeter-tags"] == tag
    assert len(parsed) == lines.count(b"\r\n") and not parsed.defects
    assert tag.isascii() and tag.isprintable() and not any(c in tag for c in " ,;")


def test_each_refused_tag_gets_its_own_sentence() -> None:
    tags = read_tags("news, één q4;a\x7fb, news")
    assert tags.tags == ("news", "q4")
    assert tags.unusable == ("één", "a\x7fb")
    first, second = tags.problems
    assert first.startswith("The tag 'één' cannot be used: “é” (U+00E9) is not plain ASCII.")
    assert second.startswith("The tag 'a\\x7fb' cannot be used") and "U+007F" in second
    assert read_tags("news q4").ok


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"track_opens": "false"}, "true or false"),
        ({"hosted_images": 1}, "true or false"),
        ({"tags": "news"}, "list"),
        ({"dsn_notify": "FAILURE"}, "list"),
    ],
)
def test_stored_options_of_the_wrong_kind_are_refused(data: dict[str, object], words: str) -> None:
    # "false" is true to Python, and tuple("news") would be four tags.
    with pytest.raises(OptionsError, match=words):
        SmtpeterOptions.from_dict(data)


def test_a_draft_with_an_unusable_tag_is_not_built_until_it_is_fixed() -> None:
    draft = Draft.from_dict(
        {"sender": "a@b.co", "to": "c@d.co", "options": {"tags": ["news", "q4\n"]}}
    )
    with pytest.raises(OptionsError, match=r"The tag 'q4\\n' cannot be used") as caught:
        mime.build_bytes(draft)
    assert "Tags" in caught.value.hint
    fixed = Draft(sender=draft.sender, to=draft.to, options=draft.options)
    mime.build_bytes(fixed)


def test_dsn_values_are_checked() -> None:
    with pytest.raises(OptionsError):
        SmtpeterOptions(dsn_notify=("SOMETIMES",))
    with pytest.raises(OptionsError):
        SmtpeterOptions(dsn_ret="ALL")
    assert SmtpeterOptions(dsn_notify=()).dsn_notify_text == "NEVER"
    assert SmtpeterOptions(dsn_notify=("SUCCESS", "FAILURE")).dsn_notify_text == "SUCCESS,FAILURE"


def test_round_trip_and_unknown_keys() -> None:
    options = SmtpeterOptions(tags=("news", "q4"), prevent_scam=True)
    assert SmtpeterOptions.from_dict(options.to_dict()) == options
    with pytest.raises(OptionsError, match="trackclicks"):
        SmtpeterOptions.from_dict({"trackclicks": True})


def test_tags_as_typed() -> None:
    assert parse_tags("news, q4;launch  beta") == ("news", "q4", "launch", "beta")
