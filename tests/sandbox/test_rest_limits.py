"""The REST server under a hostile client: huge announced bodies, bad tokens, trickled bytes.

Spoken to over raw TLS sockets, since a well-behaved HTTP client cannot misbehave on purpose.
The deadlines are shortened for these tests (``monkeypatch``), so each finishes in seconds.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import time
import tracemalloc
from collections.abc import Callable, Iterator

import httpx
import pytest

from smtpeter_desktop.sandbox import Sandbox, rest
from tests.sandbox.clients import MESSAGE, TOKEN
from tests.sandbox_fixture import client_tls

MB = 1024 * 1024
GIVE_UP = 5.0  # how long a test waits for the server to drop a trickling client


@contextlib.contextmanager
def _tls(box: Sandbox) -> Iterator[ssl.SSLSocket]:
    with (
        socket.create_connection((box.host, box.rest_port), timeout=GIVE_UP) as raw,
        client_tls(box).wrap_socket(raw, server_hostname=box.host) as tls,
    ):
        yield tls


def _head(token: str, length: int, extra: str = "") -> bytes:
    return (
        f"POST /v1/send?access_token={token} HTTP/1.1\r\nHost: localhost\r\n"
        f"Content-Type: application/json\r\nContent-Length: {length}\r\n{extra}\r\n"
    ).encode()


def _answer(tls: ssl.SSLSocket) -> tuple[int, bytes]:
    """The status and everything the server sent until it closed the connection."""
    data = b""
    with contextlib.suppress(ConnectionError, ssl.SSLError):
        while piece := tls.recv(65536):
            data += piece
    return int(data.split(b" ", 2)[1]), data


def _dropped(sock: socket.socket, send_next: Callable[[], None]) -> bool:
    """Whether the server gives up on a client that trickles a byte every 0.1 s: it hangs
    up, or answers (408), instead of waiting for ever."""
    give_up = time.monotonic() + GIVE_UP
    sock.settimeout(0.1)
    while time.monotonic() < give_up:
        try:
            send_next()
            # Not select(): TLS 1.3 session tickets make the socket readable with no answer.
            sock.recv(65536)  # an answer, or b"" at the hang-up
            return True
        except TimeoutError:
            continue  # still being listened to
        except OSError:
            return True  # reset, or a TLS error after the hang-up
    return False


def test_a_stranger_announcing_128_mb_is_refused_before_any_body(make_sandbox) -> None:
    box = make_sandbox(token="right")
    tracemalloc.start()
    try:
        for _ in range(4):
            with _tls(box) as tls:
                tls.sendall(_head("wrong", 128 * MB))  # and not a byte of the body
                status, data = _answer(tls)
            assert status == 401
            assert json.loads(data.split(b"\r\n\r\n", 1)[1]) == {
                "error": {"message": "Invalid access token"}
            }
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB  # the old server took 128 MB for each of these requests
    assert box.messages() == []


def test_a_stranger_with_a_small_body_keeps_the_connection(make_sandbox) -> None:
    box = make_sandbox(token="right")
    body = json.dumps({"recipient": "b@example.org", "mime": MESSAGE.decode()})
    with httpx.Client(verify=client_tls(box), base_url=box.rest_base_url) as client:
        wrong = client.post("/send", params={"access_token": "wrong"}, content=body)
        right = client.post("/send", params={"access_token": "right"}, content=body)
    assert (wrong.status_code, right.status_code) == (401, 200)
    assert wrong.json() == {"error": {"message": "Invalid access token"}}


@pytest.mark.parametrize("size", [100, 10 * MB])
def test_a_stranger_is_not_told_to_continue(make_sandbox, size: int) -> None:
    box = make_sandbox(token="right")
    with _tls(box) as tls:
        tls.sendall(_head("wrong", size, "Expect: 100-continue\r\n"))
        status, _ = _answer(tls)  # at once, without waiting for a body
    assert status == 401


def test_the_right_token_is_told_to_continue(sandbox: Sandbox) -> None:
    body = json.dumps({"recipient": "b@example.org", "mime": MESSAGE.decode()}).encode()
    with _tls(sandbox) as tls:
        tls.sendall(_head(TOKEN, len(body), "Expect: 100-continue\r\n"))
        assert tls.recv(100).startswith(b"HTTP/1.1 100 ")
        tls.sendall(body)
        assert tls.recv(100).startswith(b"HTTP/1.1 200 ")


def test_a_body_over_the_limit_is_413_by_its_announced_size(sandbox: Sandbox) -> None:
    with _tls(sandbox) as tls:
        tls.sendall(_head(TOKEN, rest.MAX_BODY + 1))
        status, data = _answer(tls)
    assert status == 413
    message = json.loads(data.split(b"\r\n\r\n", 1)[1])["error"]["message"]
    assert "larger than the sandbox takes" in message


def test_memory_follows_the_bytes_sent_not_the_size_announced(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rest, "BODY_TIMEOUT", 0.5)
    tracemalloc.start()
    try:
        with _tls(sandbox) as tls:
            tls.sendall(_head(TOKEN, 60 * MB) + b"{" * 1024)
            status, data = _answer(tls)  # the body never comes: dropped at the deadline
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 408
    assert b"did not arrive in time" in data
    assert peak < 8 * MB


def test_trickled_headers_are_dropped_at_the_deadline(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rest, "HEADER_TIMEOUT", 0.5)
    with _tls(sandbox) as tls:
        tls.sendall(f"GET /v1/domains?access_token={TOKEN} HTTP/1.1\r\nX-Slow: ".encode())
        assert _dropped(tls, lambda: tls.sendall(b"a"))


def test_a_trickled_body_is_dropped_at_the_deadline(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rest, "BODY_TIMEOUT", 0.5)
    with _tls(sandbox) as tls:
        tls.sendall(_head(TOKEN, 1000))
        assert _dropped(tls, lambda: tls.sendall(b" "))
    assert sandbox.messages() == []


def test_a_trickled_tls_handshake_is_dropped_at_the_deadline(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rest, "HANDSHAKE_TIMEOUT", 0.5)
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_tls(sandbox).wrap_bio(incoming, outgoing, server_hostname=sandbox.host)
    with contextlib.suppress(ssl.SSLWantReadError):
        client.do_handshake()
    hello = bytearray(outgoing.read())  # the ClientHello, to be sent a byte at a time
    with socket.create_connection((sandbox.host, sandbox.rest_port), timeout=GIVE_UP) as raw:

        def next_byte() -> None:
            if hello:
                raw.sendall(bytes([hello.pop(0)]))

        assert _dropped(raw, next_byte)


def test_an_idle_kept_alive_connection_outlasts_the_header_deadline(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rest, "HEADER_TIMEOUT", 0.2)
    with _tls(sandbox) as tls:
        request = f"GET /v1/domains?access_token={TOKEN} HTTP/1.1\r\nHost: a\r\n\r\n".encode()
        tls.sendall(request)
        assert _one_answer(tls).startswith(b"HTTP/1.1 200 ")
        time.sleep(0.5)  # idle between requests: not a slow request
        tls.sendall(request)
        assert _one_answer(tls).startswith(b"HTTP/1.1 200 ")


def _one_answer(tls: ssl.SSLSocket) -> bytes:
    """One answer on a kept-alive connection: its head and its Content-Length of body."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += tls.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    length = int(head.lower().split(b"content-length: ", 1)[1].split(b"\r\n", 1)[0])
    while len(body) < length:
        body += tls.recv(65536)
    return data


def test_a_large_body_waits_on_disk_while_it_arrives(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rest, "BODY_TIMEOUT", 2.0)
    part = _head(TOKEN, 16 * MB) + b" " * (6 * MB)  # made before measuring: it is ours
    tracemalloc.start()
    try:
        with _tls(sandbox) as tls:
            tls.sendall(part)  # and then nothing more
            status, _ = _answer(tls)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 408
    assert peak < 4 * MB  # held in memory, the 6 MB received would show
