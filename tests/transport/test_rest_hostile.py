"""The REST transport against hostile HTTPS servers: 5xx after the upload, endless and
trickled answers, and a cancel at every step.

Each server is a real TLS socket peer on loopback (``servers.hostile_server``) with a
certificate from the test's own CA. Deadlines are small so a hang shows within seconds.
"""

from __future__ import annotations

import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.rest import MAX_ANSWER, RestSettings, RestTransport
from tests.transport.conftest import big_message, make_message
from tests.transport.servers import HOST, Certs, Peer, hostile_server, unanswered_port

pytestmark = pytest.mark.timeout(60)

TOKEN = "tok-3b9f1c-SECRET"
ENVELOPE = Envelope("bounce@example.org", ("bob@example.com",))
OPTIONS = SmtpeterOptions()
MESSAGE = base.BytesMessage(make_message())
SLOW = 0.05


def transport(certs: Certs, port: int, **changes: float) -> RestTransport:
    values: dict[str, Any] = {
        "base_url": f"https://{HOST}:{port}/v1",
        "ca_file": certs.ca_file,
        "connect_timeout": 0.5,
        "write_timeout": 0.5,
        "read_timeout": 0.5,
        "final_timeout": 0.5,
    }
    values.update(changes)
    return RestTransport(RestSettings(**values), TOKEN)


def answer(peer: Peer, status: str, body: bytes = b"", *headers: str) -> None:
    lines = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", *headers, "", ""]
    peer.sock.sendall("\r\n".join(lines).encode() + body)


def send(certs: Certs, handle: Callable[[Peer], None], **changes: Any) -> base.Receipt:
    cancel = changes.pop("cancel", None)
    message = changes.pop("message", MESSAGE)
    with (
        hostile_server(handle, tls=certs.server) as server,
        transport(certs, server.port, **changes) as rest,
    ):
        return rest.send(message, ENVELOPE, OPTIONS, cancel=cancel)


# -- 5xx: after the whole upload, unknown; 429/503, busy ---------------------------------------


@pytest.mark.parametrize(
    "status", ["500 Internal Server Error", "502 Bad Gateway", "504 Gateway Timeout"]
)
def test_a_5xx_after_the_whole_upload_is_an_unknown_outcome(certs: Certs, status: str) -> None:
    def handle(peer: Peer) -> None:
        peer.read_request()
        answer(peer, status, b"<html><h1>upstream timed out</h1></html>", "Content-Type: text/html")
        peer.hold()

    with pytest.raises(errors.SendError) as e:
        send(certs, handle)
    err = e.value
    assert err.maybe_accepted and not err.retryable, repr(err)
    assert err.server_reply and err.server_reply.startswith(status[:3])
    assert "may have been accepted" in err.hint


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        ("503 Service Unavailable", ("Retry-After: 7",)),
        ("503 Service Unavailable", ()),
        ("429 Too Many Requests", ("Retry-After: 7",)),
    ],
)
def test_429_and_503_stay_busy(certs: Certs, status: str, headers: tuple[str, ...]) -> None:
    def handle(peer: Peer) -> None:
        peer.read_request()
        answer(peer, status, b'{"error": {"message": "slow down"}}', *headers)
        peer.hold()

    with pytest.raises(errors.ServerBusy) as e:
        send(certs, handle)
    assert e.value.retryable and not e.value.maybe_accepted
    assert e.value.retry_after == (7 if headers else None)


def test_a_connection_closed_mid_upload_is_not_sent(certs: Certs, tmp_path: Path) -> None:
    def handle(peer: Peer) -> None:
        while peer.readline() not in (b"\r\n", b""):
            pass
        peer.reader.read(100_000)  # some of the body, then gone

    message = base.FileMessage(big_message(tmp_path / "m.eml", 4_000_000))
    with pytest.raises(errors.SendError) as e:
        send(certs, handle, message=message, write_timeout=5)
    assert isinstance(e.value, errors.ConnectError), repr(e.value)
    assert e.value.retryable and not e.value.maybe_accepted


# -- answers without end -------------------------------------------------------------------------


def _endless_chunks(peer: Peer) -> None:
    peer.read_request()
    peer.sock.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (65536, b"x" * 65536)
    for _ in range(512):  # 32 MiB; "endless" as far as a 1 MiB bound can tell
        if peer.stop.is_set():
            return
        peer.sock.sendall(chunk)
    peer.sock.sendall(b"0\r\n\r\n")
    peer.hold()


def test_an_endless_chunked_answer_is_cut_off_in_little_memory(certs: Certs) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(errors.UnexpectedAnswer) as e:
            send(certs, _endless_chunks, final_timeout=10)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * MAX_ANSWER, f"peak {peak} bytes"
    # The status said "taken"; only the ids are unknown.
    assert e.value.maybe_accepted and "cut off" in e.value.message


def test_an_endless_answer_to_events_is_cut_off(certs: Certs) -> None:
    with (
        hostile_server(_endless_chunks, tls=certs.server) as server,
        transport(certs, server.port, read_timeout=10) as rest,
        pytest.raises(errors.UnexpectedAnswer) as e,
    ):
        rest.events("m1")
    assert "cut off" in e.value.message


def test_trickled_headers_run_into_the_answer_deadline(certs: Certs) -> None:
    def handle(peer: Peer) -> None:
        peer.read_request()
        peer.trickle(
            b"HTTP/1.1 200 OK\r\nX-Slow: " + b"s" * 60 + b"\r\nContent-Length: 2\r\n\r\n{}", SLOW
        )
        peer.hold()

    with pytest.raises(errors.SendError) as e:
        send(certs, handle)
    err = e.value
    assert type(err) is errors.SendTimeout, repr(err)
    assert err.maybe_accepted and not err.retryable
    assert err.stage == "answer"


def test_a_trickled_answer_to_events_runs_into_its_deadline(certs: Certs) -> None:
    def handle(peer: Peer) -> None:
        peer.read_request()
        peer.trickle(
            b"HTTP/1.1 200 OK\r\nX-Slow: " + b"s" * 60 + b"\r\nContent-Length: 2\r\n\r\n[]", SLOW
        )
        peer.hold()

    with (
        hostile_server(handle, tls=certs.server) as server,
        transport(certs, server.port) as rest,
        pytest.raises(errors.SendTimeout) as e,
    ):
        rest.events("m1")
    assert not e.value.maybe_accepted


# -- cancel from another thread, at every step ----------------------------------------------------


def _cancel_soon(reached: Callable[[], bool], token: base.CancelToken) -> threading.Thread:
    def run() -> None:
        pause = threading.Event()
        for _ in range(200):
            if reached():
                break
            pause.wait(0.05)
        pause.wait(0.2)
        token.cancel()

    thread = threading.Thread(target=run, name="canceller")
    thread.start()
    return thread


def _holds_after(step: str) -> Callable[[Peer], None]:
    def handle(peer: Peer) -> None:
        if step == "headers":
            peer.read_request()
        elif step == "body":
            peer.read_request()
            peer.sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{")
        elif step == "upload":
            while peer.readline() not in (b"\r\n", b""):
                pass
        peer.hold()

    return handle


@pytest.mark.parametrize(
    ("step", "tls", "stage", "maybe"),
    [
        ("tls", False, "connect", False),  # a plain server: the handshake never answers
        ("upload", True, "upload", False),
        ("headers", True, "answer", True),
        ("body", True, "answer", True),
    ],
)
def test_cancel_from_another_thread_ends_a_blocked_step(
    certs: Certs, tmp_path: Path, step: str, tls: bool, stage: str, maybe: bool
) -> None:
    token = base.CancelToken()
    message = base.FileMessage(big_message(tmp_path / "m.eml", 8_000_000))
    with hostile_server(_holds_after(step), tls=certs.server if tls else None) as server:
        thread = _cancel_soon(lambda: any(p.reached.is_set() for p in server.peers), token)
        try:
            with (
                transport(
                    certs,
                    server.port,
                    connect_timeout=20,
                    write_timeout=20,
                    final_timeout=20,
                    cancel_grace=0.3,
                ) as rest,
                pytest.raises(errors.SendError) as e,
            ):
                rest.send(message, ENVELOPE, OPTIONS, cancel=token)
        finally:
            thread.join(30)
    err = e.value
    assert type(err) is errors.Cancelled, repr(err)
    assert err.stage == stage
    assert err.maybe_accepted is maybe


def test_a_cancel_after_the_upload_still_takes_an_answer_that_comes_soon(certs: Certs) -> None:
    def handle(peer: Peer) -> None:
        peer.read_request()
        peer.reached.set()
        peer.stop.wait(0.5)  # the cancel comes in here
        answer(peer, "200 OK", b'{"id-1": "bob@example.com"}', "Content-Type: application/json")
        peer.hold()

    token = base.CancelToken()
    with hostile_server(handle, tls=certs.server) as server:
        thread = _cancel_soon(lambda: any(p.reached.is_set() for p in server.peers), token)
        try:
            with transport(certs, server.port, final_timeout=20, cancel_grace=10) as rest:
                receipt = rest.send(MESSAGE, ENVELOPE, OPTIONS, cancel=token)
        finally:
            thread.join(30)
    assert token.cancelled
    assert dict(receipt.message_ids) == {"id-1": "bob@example.com"}


def test_cancel_while_connecting(certs: Certs) -> None:
    token = base.CancelToken()
    with unanswered_port() as port:
        thread = _cancel_soon(lambda: True, token)
        try:
            with (
                transport(certs, port, connect_timeout=20) as rest,
                pytest.raises(errors.SendError) as e,
            ):
                rest.send(MESSAGE, ENVELOPE, OPTIONS, cancel=token)
        finally:
            thread.join(30)
    assert type(e.value) is errors.Cancelled, repr(e.value)
    assert e.value.stage == "connect" and not e.value.maybe_accepted


# -- values that must not leave -------------------------------------------------------------------


def test_an_unsafe_tag_is_refused_before_a_connection(certs: Certs) -> None:
    options = SmtpeterOptions()
    object.__setattr__(options, "tags", ("news\r\n",))  # past the options' own check
    with hostile_server(Peer.hold, tls=certs.server) as server:
        with transport(certs, server.port) as rest, pytest.raises(errors.InvalidMessage) as e:
            rest.send(MESSAGE, ENVELOPE, options)
        assert server.peers == []
    assert not e.value.maybe_accepted and not e.value.retryable
