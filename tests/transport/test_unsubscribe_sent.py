"""The List-Unsubscribe headers reach SMTPeter once, by either way in.

They are written into the message itself (``compose.mime``). Over REST the message goes as
``mime``, and SMTPeter documents its ``unsubscribe`` field for the parts form only
(rest-send-json.md), so the field is not sent: both would give the reader two
List-Unsubscribe headers. The sandbox keeps what arrived, byte for byte.
"""

from __future__ import annotations

from typing import Any

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.mime import build_bytes
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base
from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport
from tests.transport.test_rest import rest

OPTIONS = SmtpeterOptions(
    unsubscribe_email="leave@example.com",
    unsubscribe_url="https://example.com/unsubscribe?list=news&id=" + "7" * 80,
    unsubscribe_oneclick=True,
)


def _message() -> tuple[bytes, Any]:
    draft = Draft(
        sender="Ann <ann@example.com>",
        to="bob@example.org",
        subject="News",
        body="Hello",
        options=OPTIONS,
    )
    raw, built = build_bytes(draft)
    return raw, built.envelope


def _headers(raw: bytes) -> list[bytes]:
    head = raw.split(b"\r\n\r\n", 1)[0]
    return [line.split(b":", 1)[0].lower() for line in head.split(b"\r\n") if line[:1] != b" "]


def test_over_rest_the_header_travels_in_the_mime_and_no_field_doubles_it(sandbox: Any) -> None:
    raw, envelope = _message()
    with rest(sandbox) as transport:
        transport.send(base.BytesMessage(raw), envelope, OPTIONS)
    (kept,) = sandbox.messages()
    assert kept.raw() == raw
    assert "unsubscribe" not in kept.options
    assert _headers(kept.raw()).count(b"list-unsubscribe") == 1
    assert _headers(kept.raw()).count(b"list-unsubscribe-post") == 1


def test_over_smtp_the_header_is_sent_as_built(sandbox: Any) -> None:
    raw, envelope = _message()
    settings = SmtpSettings(
        host=sandbox.host,
        port=sandbox.smtp_port,
        username="ann",
        ca_file=sandbox.ca_file,
        command_timeout=5.0,
    )
    with SmtpTransport(settings, "pw") as transport:
        transport.send(base.BytesMessage(raw), envelope, OPTIONS)
    (kept,) = sandbox.messages()
    assert _headers(kept.raw()).count(b"list-unsubscribe") == 1
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in kept.raw()
