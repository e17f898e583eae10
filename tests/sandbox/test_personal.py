"""SMTPeter's personalisation in the sandbox: its own renderer, and REST sends with data."""

from __future__ import annotations

import email.message

import pytest

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.sandbox.personal import PersonalError, render
from tests.sandbox.clients import rest, send_json

DATA = {"first": "Ann", "vip": "1", "orders": "4", "city": "delft", "kids": ["Jo", "Bo"]}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Dear {$first},", "Dear Ann,"),
        ('Dear {$nobody|default:"friend"},', "Dear friend,"),
        ("{$city|upper} {$city|ucfirst} {$first|lower}", "DELFT Delft ann"),
        ("{$kids[1]} and {$kids.0}", "Bo and Jo"),
        ("{if $vip}VIP{else}guest{/if}", "VIP"),
        ("{if !$vip}guest{elseif $orders > 3}loyal{else}new{/if}", "loyal"),
        ('{if $city == "delft"}home{/if}{if $missing}x{/if}', "home"),
        ("{if $vip}{if not $orders}a{else}b{/if}{/if}", "b"),
        ("a { color: red } {ldelim}$x{rdelim}", "a { color: red } {$x}"),
        ("{$first|escape} <{$recipient}>", "Ann <>"),
    ],
)
def test_render(source: str, expected: str) -> None:
    assert render(source, DATA, "text") == expected


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("{$first", "never closed"),
        ("{if $vip}open", "never closed with {/if}"),
        ("{/if}", "closes nothing"),
        ("{else}", "outside any {if}"),
        ("{$first|shout}", "modifier “shout”"),
        ("{if $a ~ 3}x{/if}", "cannot read the condition"),
    ],
)
def test_what_it_cannot_read_is_said(source: str, words: str) -> None:
    with pytest.raises(PersonalError, match="text") as caught:
        render(source, DATA, "text")
    assert words in str(caught.value)


def test_parts_form_with_data_per_recipient(sandbox: Sandbox) -> None:
    answer = send_json(
        sandbox,
        {
            "recipients": {
                "ann@example.org": {"first": "Ann", "vip": True},
                "bob@example.org": {"first": "Bob"},
            },
            "from": "News <news@example.com>",
            "to": "{$first} <{$recipient}>",
            "subject": "Hello {$first}",
            "text": "{if $vip}Dear VIP {$first}{else}Hi {$first|upper}{/if}",
            "html": "<p>{$first}</p>",
        },
    )
    assert answer.status_code == 200, answer.text
    by_address = {rcpt: mid for mid, rcpt in answer.json().items()}
    assert sorted(by_address) == ["ann@example.org", "bob@example.org"]
    kept = sandbox.messages()
    assert len(kept) == 2  # one message each, with its own data
    ann, bob = (m.message() for m in kept)
    assert (ann["Subject"], ann["To"]) == ("Hello Ann", "Ann <ann@example.org>")
    assert (bob["Subject"], bob["To"]) == ("Hello Bob", "Bob <bob@example.org>")
    assert _part(ann, "plain") == "Dear VIP Ann"
    assert _part(bob, "plain") == "Hi BOB"
    assert _part(bob, "html") == "<p>Bob</p>"
    # Each recipient's message has its own events: per-row delivery.
    with rest(sandbox) as client:
        for address, message_id in by_address.items():
            events = client.get(f"/events/messageid/{message_id}").json()
            assert [e["type"] for e in events] == ["attempt", "delivery"]
            assert events[1]["data"]["recipient"] == address


def _part(message: email.message.EmailMessage, kind: str) -> str:
    body = message.get_body((kind,))
    assert body is not None
    return str(body.get_content()).strip()


def test_mime_form_with_data_for_one_recipient(sandbox: Sandbox) -> None:
    mime = (
        "From: news@example.com\r\nTo: {$name} <{$recipient}>\r\nSubject: For {$name}\r\n"
        '\r\nHello {$name|default:"you"}, bounces go to {$envelope}.\r\n'
    )
    answer = send_json(
        sandbox,
        {
            "recipient": "cid@example.net",
            "envelope": "b@example.com",
            "data": {"name": "Cid"},
            "mime": mime,
        },
    )
    assert answer.status_code == 200, answer.text
    (kept,) = sandbox.messages()
    assert kept.raw() == (
        b"From: news@example.com\r\nTo: Cid <cid@example.net>\r\nSubject: For Cid\r\n"
        b"\r\nHello Cid, bounces go to b@example.com.\r\n"
    )


def test_without_data_the_message_is_kept_as_sent(sandbox: Sandbox) -> None:
    mime = "From: news@example.com\r\nSubject: {$name}\r\n\r\nPrice: {$price}\r\n"
    answer = send_json(sandbox, {"recipient": "cid@example.net", "mime": mime})
    assert answer.status_code == 200
    assert sandbox.messages()[0].raw() == mime.encode()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"recipient": "a@example.org", "data": ["x"]}, '"data" must be an object'),
        ({"recipients": {"a@example.org": "Ann"}}, "must be an object of names"),
        ({"recipient": "a@example.org", "data": {}, "subject": "{$x"}, '"subject"'),
    ],
)
def test_bad_data_is_refused_and_nothing_kept(
    sandbox: Sandbox, body: dict[str, object], words: str
) -> None:
    request = {"from": "a@example.com", "text": "hi", **body}
    answer = send_json(sandbox, request)
    assert answer.status_code == 400
    assert words in answer.json()["error"]["message"]
    assert sandbox.messages() == []


@pytest.mark.parametrize(
    "source",
    [
        'Dear {$first|default:"friend"}, {$nobody|default:"you"}',
        "{$city|upper} {$city|ucfirst} {$first|lower} {$first|escape}",
        "{if $vip}VIP{elseif $orders > 3}loyal{else}new{/if}",
        '{if $city == "delft"}home{/if}{if !$missing}none{/if}{if not $vip}x{else}y{/if}',
        "{ldelim}$x{rdelim} a { color: red }",
    ],
)
def test_agrees_with_the_apps_own_reading(source: str) -> None:
    # Two readings written apart (the sandbox may not share the app's code): on the subset
    # both cover, they must fill a template the same way, or one of them is wrong.
    from smtpeter_desktop.compose.personalize import parse

    for data in (DATA, {"first": "Bo", "orders": "2", "city": "Paris", "vip": "0"}):
        assert render(source, data, "text") == parse(source).render(data).text
