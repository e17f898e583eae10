"""The REST transport's first request over a connection opened early (``transport.early``),
against real peers on loopback: taken, fallen back from, for another server, cancelled,
bounded by the request's deadline, and closed when no request came."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable

import pytest

from smtpeter_desktop.transport import base, errors, tls
from smtpeter_desktop.transport.early import Early
from smtpeter_desktop.transport.rest import RestTransport
from tests.transport.servers import HOST, Certs, Peer, hostile_server, unanswered_port
from tests.transport.test_rest_hostile import ENVELOPE, MESSAGE, OPTIONS, answer, transport

pytestmark = pytest.mark.timeout(60)

RECEIPT = b'{"id-1": "bob@example.com"}'


def _serve(peer: Peer) -> None:
    """Answer every request on the connection as SMTPeter does, until it closes."""
    while True:
        head, _ = peer.read_request()
        if not head:
            return
        answer(peer, "200 OK", RECEIPT, "Content-Type: application/json")


def early_to(certs: Certs, port: int, timeout: float = 5.0) -> Early:
    early = Early.https(
        f"https://{HOST}:{port}/v1", lambda: tls.client_context(certs.ca_file), timeout
    )
    assert early is not None
    return early


def _wait(condition: Callable[[], bool]) -> None:
    for _ in range(100):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("never happened")


def _with_early(certs: Certs, port: int, early: Early, **changes: float) -> RestTransport:
    rest = transport(certs, port, **changes)
    rest.close()  # made again below, with the early connection: same settings, same context
    return RestTransport(rest.settings, "tok-3b9f1c-SECRET", early=early)


def test_the_first_request_takes_the_connection_opened_early(certs: Certs) -> None:
    with hostile_server(_serve, tls=certs.server) as server:
        early = early_to(certs, server.port)
        _wait(lambda: len(server.peers) == 1)  # connected before the transport exists
        with _with_early(certs, server.port, early) as rest:
            receipt = rest.send(MESSAGE, ENVELOPE, OPTIONS)
            again = rest.send(MESSAGE, ENVELOPE, OPTIONS)
        assert len(server.peers) == 1, "both requests went over the connection opened early"
    assert dict(receipt.message_ids) == dict(again.message_ids) == {"id-1": "bob@example.com"}


def test_a_failed_early_connection_falls_back_to_a_new_one(certs: Certs) -> None:
    served = []

    def handle(peer: Peer) -> None:
        served.append(peer)
        if len(served) == 1:
            return  # hung up before any TLS: the early handshake fails
        peer.starttls(certs.server)
        _serve(peer)

    with hostile_server(handle) as server:
        early = early_to(certs, server.port)
        early._thread.join(5)
        with _with_early(certs, server.port, early) as rest:
            receipt = rest.send(MESSAGE, ENVELOPE, OPTIONS)
        assert len(served) == 2
    assert dict(receipt.message_ids) == {"id-1": "bob@example.com"}


def test_an_early_connection_to_another_server_is_closed_unused(certs: Certs) -> None:
    asked = []

    def record(peer: Peer) -> None:
        asked.append(peer.read_request()[0])

    with (
        hostile_server(record, tls=certs.server) as other,
        hostile_server(_serve, tls=certs.server) as server,
    ):
        early = early_to(certs, other.port)
        _wait(lambda: len(other.peers) == 1)
        with _with_early(certs, server.port, early) as rest:
            rest.send(MESSAGE, ENVELOPE, OPTIONS)
        assert len(server.peers) == 1
        _wait(lambda: asked == [b""])  # closed by the client without a request


def test_an_early_connection_made_with_another_tls_context_is_not_used(certs: Certs) -> None:
    # As when the profile's CA file changed in between: that handshake trusted other roots.
    with hostile_server(_serve, tls=certs.server) as server:
        other = ssl.create_default_context(cafile=str(certs.ca_file))
        early = Early.https(f"https://{HOST}:{server.port}/v1", lambda: other, 5)
        assert early is not None
        _wait(lambda: len(server.peers) == 1)
        with _with_early(certs, server.port, early) as rest:
            receipt = rest.send(MESSAGE, ENVELOPE, OPTIONS)
        assert len(server.peers) == 2, "a connection of its own, with its own context"
    assert dict(receipt.message_ids) == {"id-1": "bob@example.com"}


def test_a_failure_is_the_requests_own_with_or_without_an_early_connection(certs: Certs) -> None:
    raised = []
    with hostile_server(Peer.hold, tls=certs.wrong_name) as server:
        for early in (None, early_to(certs, server.port)):
            rest = transport(certs, server.port)
            if early is not None:
                rest.close()
                rest = RestTransport(rest.settings, "tok-3b9f1c-SECRET", early=early)
            with rest, pytest.raises(errors.SendError) as caught:
                rest.send(MESSAGE, ENVELOPE, OPTIONS)
            raised.append(caught.value)
    assert type(raised[1]) is type(raised[0]) and str(raised[1]) == str(raised[0])
    assert raised[1].stage == raised[0].stage == "connect"


def test_the_requests_deadline_bounds_its_wait_for_an_early_connection(certs: Certs) -> None:
    with unanswered_port() as port:
        early = early_to(certs, port, timeout=30)
        with (
            _with_early(certs, port, early, connect_timeout=0.5) as rest,
            pytest.raises(errors.SendError) as caught,
        ):
            rest.send(MESSAGE, ENVELOPE, OPTIONS)
        early._thread.join(5)
        assert not early._thread.is_alive(), "the opening was stopped too"
    assert caught.value.stage == "connect" and not caught.value.maybe_accepted


def test_cancel_stops_a_request_waiting_for_its_early_connection(certs: Certs) -> None:
    token = base.CancelToken()
    with unanswered_port() as port:
        early = early_to(certs, port, timeout=30)
        with _with_early(certs, port, early, connect_timeout=30) as rest:
            threading.Timer(0.2, token.cancel).start()
            with pytest.raises(errors.SendError) as caught:
                rest.send(MESSAGE, ENVELOPE, OPTIONS, cancel=token)
        early._thread.join(5)
        assert not early._thread.is_alive()
    assert type(caught.value) is errors.Cancelled, repr(caught.value)
    assert caught.value.stage == "connect" and not caught.value.maybe_accepted


def test_close_ends_an_early_connection_that_no_request_took(certs: Certs) -> None:
    # A plain server: the TLS handshake is never answered, so only a close ends the opening.
    with hostile_server(Peer.hold) as server:
        early = early_to(certs, server.port, timeout=30)
        _wait(lambda: len(server.peers) == 1)
        _with_early(certs, server.port, early).close()
        early._thread.join(5)
        assert not early._thread.is_alive()


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8080/v1", "ftp://example.org/", "https:///v1", "https://[::1/v1"]
)
def test_only_an_https_address_is_connected_to_early(certs: Certs, url: str) -> None:
    assert Early.https(url, lambda: tls.client_context(certs.ca_file), 5) is None
