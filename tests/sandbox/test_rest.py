"""The sandbox's REST API over HTTPS, spoken to by httpx."""

from __future__ import annotations

import base64
import json
import logging
import smtplib
import socket
from collections.abc import Iterator

import httpx
import pytest

from smtpeter_desktop.sandbox import Sandbox
from tests.sandbox.clients import MESSAGE, TOKEN, rest, send_json, smtp
from tests.sandbox_fixture import client_tls

MIME = MESSAGE.decode()
JSON_TYPE = "application/json"


def test_mime_form_with_recipients(sandbox: Sandbox) -> None:
    answer = send_json(
        sandbox,
        {
            "recipients": ["bob@example.org", "cid@example.net"],
            "envelope": "bounces@example.com",
            "mime": MIME,
            "trackclicks": False,
            "inlinecss": True,
            "tags": ["news", "spring"],
            "images": "hosted",
            "maxdelivertime": "2030-01-01 12:00:00",
            "dsn": {"notify": "success,failure", "ret": "FULL", "envid": "e-1"},
        },
    )
    assert answer.status_code == 200
    assert answer.headers["Server"] == "SMTPeter-sandbox"
    ids = answer.json()
    assert sorted(ids.values()) == ["bob@example.org", "cid@example.net"]
    (kept,) = sandbox.messages()
    assert kept.transport == "rest"
    assert dict(kept.ids) == ids
    assert kept.mail_from == "bounces@example.com"
    assert kept.recipients == ("bob@example.org", "cid@example.net")
    assert kept.raw() == MESSAGE
    assert kept.auth_user is None
    assert kept.options == {
        "trackclicks": False,
        "inlinecss": True,
        "tags": ["news", "spring"],
        "images": "hosted",
        "maxdelivertime": "2030-01-01 12:00:00",
    }
    assert kept.dsn == {"notify": "SUCCESS,FAILURE", "ret": "FULL", "envid": "e-1"}


def test_mime_is_kept_byte_for_byte(sandbox: Sandbox) -> None:
    mime = "From: ann@example.com\nSubject: Grüße\n\nLF line ends, kept as sent\n"
    assert send_json(sandbox, {"recipient": "bob@example.org", "mime": mime}).status_code == 200
    assert sandbox.messages()[0].raw() == mime.encode()


def test_one_recipient_and_the_personalised_form(sandbox: Sandbox) -> None:
    one = send_json(sandbox, {"recipient": "bob@example.org", "mime": MIME})
    assert list(one.json().values()) == ["bob@example.org"]
    many = send_json(sandbox, {"recipients": {"cid@example.net": {"name": "Cid"}}, "mime": MIME})
    assert list(many.json().values()) == ["cid@example.net"]


def test_parts_form_is_built_into_a_message(sandbox: Sandbox) -> None:
    pdf = b"%PDF-1.4 not really"
    answer = send_json(
        sandbox,
        {
            "recipients": ["bob@example.org", "hidden@example.net"],
            "from": "Ann <ann@example.com>",
            "to": ["Bob <bob@example.org>"],
            "cc": "Cid <cid@example.net>",
            "replyto": "replies@example.com",
            "subject": "Parts",
            "text": "Hello *Bob*",
            "html": "<p>Hello <b>Bob</b></p>",
            "extra": {"X-Campaign": "spring"},
            "unsubscribe": {"email": "off@example.com", "url": "https://example.com/off"},
            "attachments": [
                {"data": base64.b64encode(pdf).decode(), "name": "a.pdf", "type": "application/pdf"}
            ],
        },
    )
    assert answer.status_code == 200, answer.text
    message = sandbox.messages()[0].message()
    assert message["From"] == "Ann <ann@example.com>"
    assert message["To"] == "Bob <bob@example.org>"
    assert message["Cc"] == "Cid <cid@example.net>"
    assert message["Reply-To"] == "replies@example.com"
    assert message["X-Campaign"] == "spring"
    assert "hidden@example.net" not in str(message)
    assert message["List-Unsubscribe"] == "<mailto:off@example.com>, <https://example.com/off>"
    assert message["Message-ID"].endswith("@example.com>")
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and plain.get_content() == "Hello *Bob*\n"
    assert html is not None and html.get_content() == "<p>Hello <b>Bob</b></p>\n"
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "a.pdf"
    assert attachment.get_content() == pdf


def test_a_chunked_body(sandbox: Sandbox) -> None:
    body = json.dumps({"recipient": "bob@example.org", "mime": MIME}).encode()

    def pieces() -> Iterator[bytes]:
        for start in range(0, len(body), 10):
            yield body[start : start + 10]

    with rest(sandbox) as client:
        answer = client.post("/send", content=pieces(), headers={"Content-Type": JSON_TYPE})
    assert answer.status_code == 200
    assert sandbox.messages()[0].raw() == MESSAGE


PARTS = {"recipient": "b@example.org", "from": "a@example.com", "text": "x"}
BAD_REQUESTS: list[tuple[bytes | dict[str, object], str]] = [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b"", "not valid JSON"),
    ({"mime": MIME}, "No recipient"),
    ({"recipients": [], "mime": MIME}, "empty"),
    ({"recipient": "Bob <bob@example.org>", "mime": MIME}, "bare"),
    ({"recipient": "bob@example.org"}, '"from"'),
    ({"recipient": "b@example.org", "mime": "no body"}, "empty line"),
    ({"recipient": "b@example.org", "template": {"from": "a@example.org"}}, "given as JSON"),
    ({"recipient": "b@example.org", "mime": MIME, "trackopens": "yes"}, "true or false"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": ["a b"]}, "has a space"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": ["news\n"]}, "line break"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": ["grüße"]}, "outside ASCII"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": ["a;b"]}, "semicolon"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": ["a,b"]}, "comma"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": ["a\x1cb"]}, "control character"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": [""]}, "empty"),
    ({"recipient": "b@example.org", "mime": MIME, "tags": "news"}, '"tags" must be a list'),
    ({"recipient": "b@example.org", "mime": MIME, "images": "yes"}, "hosted"),
    (
        {"recipient": "b@example.org", "mime": MIME, "maxdelivertime": "2030-01-01 12:00:00\n"},
        "YYYY",
    ),
    ({"recipient": "b@example.org\n", "mime": MIME}, "bare"),
    ({"recipient": "b@example.org", "mime": MIME, "envelope": "a@example.com\n"}, "envelope"),
    ({"recipient": "b@example.org", "mime": MIME, "dsn": {"ret": "ALL"}}, "HDRS or FULL"),
    ({"recipient": "b@example.org", "mime": MIME, "envelope": "A <a@x.org>"}, "envelope"),
    ({**PARTS, "subject": "evil\r\nBcc: eve@example.org"}, "cannot be built"),
    ({**PARTS, "attachments": [{"url": "https://x.org/a.pdf", "name": "a.pdf"}]}, "URL"),
    ({**PARTS, "attachments": [{"data": "***", "name": "a.bin"}]}, "base64"),
    ({**PARTS, "extra": {"Subject": "again"}}, "x- headers"),
]


@pytest.mark.parametrize(("body", "words"), BAD_REQUESTS)
def test_bad_requests_are_400_with_a_reason(
    sandbox: Sandbox, body: bytes | dict[str, object], words: str
) -> None:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    with rest(sandbox) as client:
        answer = client.post("/send", content=content, headers={"Content-Type": JSON_TYPE})
    assert answer.status_code == 400
    assert words in answer.json()["error"]["message"]
    assert sandbox.messages() == []


def test_a_token_is_required(sandbox: Sandbox) -> None:
    with rest(sandbox, token=None) as client:
        answer = client.post("/send", json={"recipient": "b@example.org", "mime": MIME})
    assert answer.status_code == 401
    assert answer.json() == {"error": {"message": "Invalid access token"}}
    with rest(sandbox, token="") as client:
        assert client.get("/domains").status_code == 401


def test_only_the_configured_token_is_accepted(make_sandbox) -> None:
    box = make_sandbox(token="right")
    with rest(box, token="wrong") as client:
        answer = client.get("/domains")
    assert answer.status_code == 401
    assert answer.json() == {"error": {"message": "Invalid access token"}}
    with rest(box, token="right") as client:
        assert client.get("/domains").status_code == 200


def test_unknown_paths_and_ids_are_404(sandbox: Sandbox) -> None:
    with rest(sandbox) as client:
        for path in ("/nothing", "/events/messageid/0123", "/text/abc", "/events/email/x"):
            answer = client.get(path)
            assert answer.status_code == 404, path
            assert isinstance(answer.json()["error"]["message"], str)
        outside = client.get(sandbox.rest_base_url.removesuffix("/v1") + "/v2/send")
        assert outside.status_code == 404


def test_the_wrong_method_is_405(sandbox: Sandbox) -> None:
    with rest(sandbox) as client:
        answer = client.get("/send")
        assert answer.status_code == 405
        assert answer.headers["Allow"] == "POST"
        assert client.post("/domains").status_code == 405


def test_events_of_a_rest_message(sandbox: Sandbox) -> None:
    answer = send_json(
        sandbox,
        {
            "recipient": "bob@example.org",
            "envelope": "b@example.com",
            "mime": MIME,
            "tags": ["a", "b"],
            "trackopens": True,
        },
    )
    (message_id,) = answer.json()
    with rest(sandbox) as client:
        events = client.get(f"/events/messageid/{message_id}").json()
    assert [e["type"] for e in events] == ["attempt", "delivery"]
    attempt, delivery = (e["data"] for e in events)
    assert attempt["id"] == delivery["id"] == message_id
    assert attempt["recipient"] == "bob@example.org"
    assert attempt["envelope"] == "b@example.com"
    assert attempt["tags"] == "a;b"
    assert set(attempt["properties"].split(";")) == {"trackclicks", "trackbounces", "trackopens"}
    assert {"id", "time", "envelope", "recipient", "properties", "tags", "templateid"} <= set(
        attempt
    )
    assert {"id", "time", "envelope", "recipient", "from", "to", "attempt", "tags"} <= set(delivery)
    assert len(attempt["time"]) == len("YYYY-MM-DD hh:mm:ss")


def test_events_of_an_smtp_message(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    (kept,) = sandbox.messages()
    (message_id,) = kept.ids
    with rest(sandbox) as client:
        events = client.get(f"/events/messageid/{message_id}").json()
    assert [e["event"] for e in events] == ["attempt", "delivery"]
    assert events[0]["data"]["envelope"] == "ann@example.com"


def test_failed_and_pending_messages(sandbox: Sandbox) -> None:
    sandbox.faults.add("fail=*@bounce.example", "pending=slow@example.org")
    answer = send_json(
        sandbox, {"recipients": ["x@bounce.example", "slow@example.org"], "mime": MIME}
    )
    by_recipient = {rcpt: mid for mid, rcpt in answer.json().items()}
    with rest(sandbox) as client:
        failed = client.get(f"/events/messageid/{by_recipient['x@bounce.example']}").json()
        pending = client.get(f"/events/messageid/{by_recipient['slow@example.org']}").json()
    assert [e["type"] for e in failed] == ["attempt", "failure"]
    assert {"type", "code", "status", "description", "state"} <= set(failed[1]["data"])
    assert [e["type"] for e in pending] == ["attempt"]


def test_domains_seen_or_configured(sandbox: Sandbox, make_sandbox) -> None:
    with rest(sandbox) as client:
        assert [d["name"] for d in client.get("/domains").json()] == ["example.com"]
        send_json(sandbox, {"recipient": "b@x.org", "mime": MIME.replace("example.com", "a.org")})
        assert [d["name"] for d in client.get("/domains").json()] == ["a.org", "example.com"]
    box = make_sandbox(sender_domains=("mine.example",))
    with rest(box) as client:
        (domain,) = client.get("/domains").json()
    assert domain["name"] == "mine.example"
    assert domain["approved"] is True


def test_sender_domains_are_enforced(make_sandbox) -> None:
    box = make_sandbox(sender_domains=("mine.example",))
    answer = send_json(box, {"recipient": "b@example.org", "mime": MIME})
    assert answer.status_code == 400
    assert answer.json()["error"]["message"] == (
        "You cannot send mailings from example.com without configuring it as sender domain"
    )


def test_archived_parts(sandbox: Sandbox) -> None:
    answer = send_json(
        sandbox,
        {
            "recipient": "bob@example.org",
            "envelope": "b@example.com",
            "from": "ann@example.com",
            "subject": "Parts",
            "text": "plain words",
            "html": "<p>html words</p>",
        },
    )
    (message_id,) = answer.json()
    with rest(sandbox) as client:
        text = client.get(f"/text/{message_id}")
        html = client.get(f"/html/{message_id}")
        headers = client.get(f"/headers/{message_id}")
        recipient = client.get(f"/recipient/{message_id}")
        envelope = client.get(f"/envelope/{message_id}")
    assert text.headers["Content-Type"].startswith("text/plain")
    assert text.text == "plain words\n"
    assert html.text == "<p>html words</p>\n"
    assert "Subject: Parts" in headers.text
    assert "plain words" not in headers.text
    assert recipient.text == "bob@example.org"
    assert envelope.text == "b@example.com"


def test_a_message_without_html_has_an_empty_html_part(sandbox: Sandbox) -> None:
    (message_id,) = send_json(sandbox, {"recipient": "b@example.org", "mime": MIME}).json()
    with rest(sandbox) as client:
        assert client.get(f"/html/{message_id}").text == ""


def test_too_large_a_body_is_413(sandbox: Sandbox) -> None:
    context = client_tls(sandbox)
    request = (
        f"POST /v1/send?access_token={TOKEN} HTTP/1.1\r\nHost: {sandbox.host}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {10**10}\r\n\r\n"
    ).encode()
    with (
        socket.create_connection((sandbox.host, sandbox.rest_port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname=sandbox.host) as tls,
    ):
        tls.sendall(request)
        head = tls.recv(4096)
    assert head.startswith(b"HTTP/1.1 413")


def test_plain_http_to_the_tls_port_harms_nothing(sandbox: Sandbox) -> None:
    with httpx.Client() as client, pytest.raises(httpx.HTTPError):
        client.get(f"http://{sandbox.host}:{sandbox.rest_port}/v1/domains")
    with rest(sandbox) as client:
        assert client.get("/domains").status_code == 200


def test_the_token_never_reaches_a_log(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with rest(sandbox, token="sekrit-token") as client:
        client.get("/domains")
        client.get("/nothing")
        client.post("/send", content=b"{")
    # httpx itself logs the URL it requested; only the sandbox's side is ours to keep clean.
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("smtpeter_desktop")]
    assert any("REST" in line for line in ours)
    assert not any("sekrit-token" in line for line in ours)


def test_smtp_passwords_never_reach_a_log(make_sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    box = make_sandbox(users={"ann": "pa55-word"})
    with smtp(box, login=("ann", "pa55-word")) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    with smtp(box, login=None) as client, pytest.raises(smtplib.SMTPAuthenticationError):
        client.login("ann", "wrong-pa55")
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "mail.log" in {r.name for r in caplog.records}  # aiosmtpd's log was captured
    for secret in ("pa55-word", "wrong-pa55"):
        assert secret not in logged
        assert base64.b64encode(secret.encode()).decode() not in logged
        assert base64.b64encode(f"\0ann\0{secret}".encode()).decode() not in logged
    assert "pa55" not in repr(box.config)
    assert "pa55-word" not in json.dumps(
        [m.eml_path.with_suffix(".json").read_text() for m in box.messages()]
    )


@pytest.mark.slow
def test_a_20_mb_message(sandbox: Sandbox) -> None:
    line = "A" * 76 + "\r\n"
    mime = MIME + line * (20 * 1024 * 1024 // len(line))
    answer = send_json(sandbox, {"recipient": "bob@example.org", "mime": mime})
    assert answer.status_code == 200
    (kept,) = sandbox.messages()
    assert kept.size == len(mime)
    assert kept.raw() == mime.encode()
