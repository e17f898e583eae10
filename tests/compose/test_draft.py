"""The draft's JSON round trip."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.errors import DraftFormatError
from smtpeter_desktop.compose.options import DSN_NOTIFY_VALUES, SmtpeterOptions

_text = st.text(max_size=200)
_options = st.builds(
    SmtpeterOptions,
    inline_css=st.booleans(),
    track_clicks=st.booleans(),
    track_opens=st.booleans(),
    track_bounces=st.booleans(),
    prevent_scam=st.booleans(),
    hosted_images=st.booleans(),
    tags=st.lists(st.from_regex(r"[A-Za-z0-9_.-]{1,20}", fullmatch=True), max_size=4).map(tuple),
    dsn_notify=st.lists(st.sampled_from(DSN_NOTIFY_VALUES), unique=True, max_size=3).map(tuple),
    dsn_ret=st.sampled_from(["HDRS", "FULL"]),
)
_attachments = st.lists(
    st.builds(Attachment, path=_text, name=_text, content_type=_text, inline=st.booleans()),
    max_size=3,
).map(tuple)
drafts = st.builds(
    Draft,
    profile=_text,
    sender=_text,
    to=_text,
    cc=_text,
    bcc=_text,
    reply_to=_text,
    subject=_text,
    body=st.text(max_size=2000),
    attachments=_attachments,
    options=_options,
    base_dir=_text,
    unusable_tags=st.lists(_text, max_size=2).map(tuple),
    spell_language=st.sampled_from(["", "en_US", "nl_NL", "de"]),
)


@given(drafts)
def test_any_draft_survives_the_json_round_trip(draft: Draft) -> None:
    assert Draft.from_json(draft.to_json()) == draft


def test_a_draft_keeps_invalid_text_as_typed() -> None:
    draft = Draft(to="bob@, ann", subject="  half a thought")
    assert Draft.from_json(draft.to_json()) == draft


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        json.dumps({"version": 1, "to": 5}),
        json.dumps({"version": 1, "colour": "blue"}),
        json.dumps({"version": 1, "options": {"tags": "news"}}),
        json.dumps({"version": 1, "options": {"tags": [5]}}),
        json.dumps({"version": 1, "options": {"dsn_ret": "ALL"}}),
        json.dumps({"version": 1, "options": {"track_opens": "false"}}),
        json.dumps({"version": 1, "unusable_tags": "x"}),
        json.dumps({"version": 1, "spell_language": ["nl"]}),
    ],
)
def test_damaged_drafts_raise_a_clear_error(text: str) -> None:
    with pytest.raises(DraftFormatError, match="damaged"):
        Draft.from_json(text)


def test_a_newer_format_is_refused_by_name() -> None:
    with pytest.raises(DraftFormatError, match="newer"):
        Draft.from_json(json.dumps({"version": 99}))


def test_empty_means_nothing_typed() -> None:
    assert Draft(profile="p", sender="Ann <a@b.co>").is_empty
    assert not Draft(body="x").is_empty
    assert not Draft(attachments=(Attachment("/x"),)).is_empty


def test_attachment_type_is_guessed_from_the_name() -> None:
    assert Attachment("/tmp/report.pdf").mime_type == "application/pdf"
    assert Attachment("/tmp/blob", name="x.unknownext").mime_type == "application/octet-stream"
    assert Attachment("/tmp/a", content_type="text/csv").mime_type == "text/csv"


def test_a_stored_draft_with_tags_now_refused_still_opens_and_keeps_them() -> None:
    # Saved by a version whose check let these through ("$" matched before the newline;
    # non-ASCII was allowed): the draft opens, the tags are kept apart, none is lost.
    stored = json.dumps(
        {"version": 1, "to": "bob@example.com", "options": {"tags": ["news", "één", "q4\n"]}}
    )
    draft = Draft.from_json(stored)
    assert draft.to == "bob@example.com"
    assert draft.options.tags == ("news",)
    assert draft.unusable_tags == ("één", "q4\n")
    assert "één" in draft.tag_problems[0] and "ASCII" in draft.tag_problems[0]
    assert "U+000A" in draft.tag_problems[1]
    assert Draft.from_json(draft.to_json()) == draft


def test_the_spelling_language_is_kept_and_an_old_draft_has_the_default() -> None:
    draft = Draft(subject="Hoi", spell_language="nl_NL")
    assert json.loads(draft.to_json())["spell_language"] == "nl_NL"
    assert Draft.from_json(draft.to_json()).spell_language == "nl_NL"
    # Saved before the field existed: it opens, in the default language.
    old = Draft.from_json(json.dumps({"version": 1, "subject": "Hi"}))
    assert old.spell_language == ""
    # No language chosen: stored exactly as before, so older versions still open it.
    assert "spell_language" not in json.loads(Draft(subject="Hi").to_json())
