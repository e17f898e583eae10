"""The REST transport's parts that need no SMTPeter: settings, the streamed body, summaries.

Where a server is involved it is none at all (a closed port): no stand-in answers here.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.rest import Event, EventsReport, RestSettings, RestTransport, _Body
from tests.transport.conftest import make_message

TOKEN = "tok-3b9f1c-SECRET"
ENVELOPE = Envelope("bounce@example.org", ("bob@example.com",))
OPTIONS = SmtpeterOptions()


def closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as sock:
        return int(sock.getsockname()[1])


def test_connection_refused() -> None:
    port = closed_port()
    settings = RestSettings(base_url=f"https://127.0.0.1:{port}/v1", connect_timeout=2)
    with RestTransport(settings, TOKEN) as transport, pytest.raises(errors.ConnectError):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)


def test_check_unreachable() -> None:
    port = closed_port()
    settings = RestSettings(base_url=f"https://127.0.0.1:{port}/v1", connect_timeout=2)
    with RestTransport(settings, TOKEN) as transport:
        report = transport.check()
    assert [s.name for s in report.stages] == ["https"]
    assert isinstance(report.error, errors.ConnectError)


@pytest.mark.parametrize(
    "url", ["http://www.smtpeter.com/v1", "http://10.0.0.1/v1", "ftp://x/v1", "nonsense"]
)
def test_plain_http_only_to_loopback(url: str) -> None:
    with pytest.raises(errors.ConfigError):
        RestTransport(RestSettings(base_url=url), TOKEN)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080/v1", "http://localhost/v1", "http://[::1]/v1"]
)
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    RestTransport(RestSettings(base_url=url), TOKEN).close()


def test_missing_ca_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(errors.ConfigError):
        RestTransport(RestSettings(ca_file=tmp_path / "nope.pem"), TOKEN)


# -- the streamed body, without a server -----------------------------------------------------


def _body(data: bytes, fields: dict[str, Any] | None = None) -> tuple[_Body, bytes]:
    body = _Body(
        fields or {"recipients": ["a@b.c"]}, base.BytesMessage(data), None, base.CancelToken()
    )
    joined = b"".join(body)
    return body, joined


def test_body_is_json_with_the_exact_message_and_its_length() -> None:
    data = b'Subject: "quoted" \\ back\r\n\r\n\x01 control, tab\t, \xc3\xa9, \xf0\x9f\x98\x80\r\n'
    body, joined = _body(data)
    assert len(joined) == body.length
    parsed = json.loads(joined)
    assert parsed["mime"].encode() == data
    assert parsed["recipients"] == ["a@b.c"]
    assert body.sent


def test_body_splits_utf8_across_chunks_correctly(tmp_path: Path) -> None:
    data = b"x" * (base.CHUNK - 1) + "é€".encode() * 3 + b"\r\n"
    body, joined = _body(data)
    assert json.loads(joined)["mime"].encode() == data
    assert len(joined) == body.length


def test_body_refuses_bytes_that_are_not_utf8() -> None:
    with pytest.raises(errors.MessageRejected) as caught:
        _body(b"Subject: x\r\n\r\n\xff\xfe\r\n")
    assert caught.value.stage == "prepare"


def test_event_summary_order() -> None:
    def report(*kinds: str) -> EventsReport:
        return EventsReport("m", tuple(Event(k, None, {}) for k in kinds))

    assert report().state == "pending"
    assert report("attempt", "failure").state == "failed"
    assert report("attempt", "failure", "delivery").state == "delivered"
    assert report("attempt", "delivery", "bounce").state == "failed"
    assert report("attempt", "delivery", "open").state == "opened"
    assert report("attempt", "delivery", "open", "click").state == "clicked"


def test_timeouts_must_be_positive() -> None:
    with pytest.raises(errors.ConfigError):
        RestSettings(final_timeout=0)


@pytest.mark.parametrize("status", [500, 502, 504])
def test_a_5xx_before_the_upload_finished_is_not_sent(status: int) -> None:
    # httpcore reads an answer that came while the body was still being written (the server
    # hung up mid-upload after answering); no server can be made to do that on cue, so the
    # answer is built here. SMTPeter never had the whole message: not sent, try again.
    from smtpeter_desktop.transport.rest import _Answer

    answer = _Answer(status, "Bad Gateway", httpx.Headers(), b"gateway", "utf-8", False, "")
    with RestTransport(RestSettings(), TOKEN) as transport:
        before = transport._failure(answer, "send", sent=False)
        after = transport._failure(answer, "send", sent=True)
    assert isinstance(before, errors.ServerError)
    assert before.retryable and not before.maybe_accepted
    assert after.maybe_accepted and not after.retryable
