"""``SmtpTransport.connect_ahead``: the session opened while the message is built, against
real servers on loopback (aiosmtpd, and a server that never greets)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport import smtp as smtp_module
from smtpeter_desktop.transport.early import Early
from smtpeter_desktop.transport.smtp import SmtpTransport
from tests.delivery.servers import hostile_smtp
from tests.transport.conftest import ENVELOPE, PASSWORD, USER, make_message
from tests.transport.servers import HOST, Behaviour, Certs, smtp_server, unanswered_port
from tests.transport.test_smtp import settings

OPTIONS = SmtpeterOptions()


def test_the_send_takes_the_session_opened_ahead(certs: Certs) -> None:
    data = make_message()
    with (
        smtp_server(certs, behaviour=Behaviour(users={USER: PASSWORD})) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.connect_ahead()
        transport.connect_ahead()  # a second call while one is opening starts nothing more
        receipt = transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)
        again = transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)
    [first, second] = server.received
    assert first.content.endswith(data) and first.login == USER
    assert receipt.accepted == ("bob@example.com",)
    # Opened ahead: its steps are the send's own, and no NOOP was needed for a fresh session.
    steps = dict(receipt.timings)
    assert {"connect", "ehlo", "auth"} <= steps.keys() and "noop" not in steps
    assert "connect" not in dict(again.timings), "then kept, as any session"
    assert second.content.endswith(data)


def test_a_session_opened_long_before_is_checked_like_a_kept_one(
    certs: Certs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(smtp_module, "AHEAD_FRESH", 0.0)
    with (
        smtp_server(certs, behaviour=Behaviour(users={USER: PASSWORD})) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.connect_ahead()
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert "noop" in dict(receipt.timings)
    assert len(server.received) == 1


def test_a_failure_opening_ahead_is_raised_by_the_send_as_its_own(certs: Certs) -> None:
    behaviour = Behaviour(users={USER: PASSWORD})
    with smtp_server(certs, behaviour=behaviour) as server:
        raised = []
        for ahead in (False, True):
            with SmtpTransport(settings(certs, server.port), "wrong") as transport:
                if ahead:
                    transport.connect_ahead()
                with pytest.raises(errors.AuthError) as caught:
                    transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
                raised.append(caught.value)
    assert str(raised[1]) == str(raised[0])
    assert "wrong" not in str(raised[1])
    assert server.received == []


def test_cancel_stops_a_send_waiting_for_its_session_opened_ahead() -> None:
    with hostile_smtp("silent") as server:
        # The server never greets; the timeouts are long, so only the cancel ends the wait.
        slow = settings(None, server.port, command_timeout=30.0)
        with SmtpTransport(slow, PASSWORD) as transport:
            transport.connect_ahead()
            assert server.connected.wait(5)
            cancel = base.CancelToken()
            threading.Timer(0.2, cancel.cancel).start()
            start = time.monotonic()
            with pytest.raises(errors.Cancelled) as caught:
                transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS, cancel=cancel)
            assert time.monotonic() - start < 5
    assert not caught.value.maybe_accepted


def test_close_ends_an_opening_that_no_send_took() -> None:
    with hostile_smtp("silent") as server:
        transport = SmtpTransport(settings(None, server.port, command_timeout=30.0), PASSWORD)
        transport.connect_ahead()
        assert server.connected.wait(5)
        ahead = transport._ahead
        assert ahead is not None
        start = time.monotonic()
        transport.close()
        assert time.monotonic() - start < 5
        assert transport._ahead is None and not ahead._thread.is_alive()


# -- a session that starts from a TCP connection opened early (``early.Early``) -----------------


def test_a_session_opened_ahead_starts_from_the_early_connection(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=Behaviour(users={USER: PASSWORD})) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        early = Early(HOST, server.port, None, 5.0)
        transport.connect_ahead(early)
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    steps = dict(receipt.timings)
    assert "resolve" not in steps, "no look-up of its own: the early connection was taken"
    assert {"connect", "ehlo", "auth"} <= steps.keys()
    assert len(server.received) == 1


def test_a_failed_early_connection_falls_back_to_one_of_the_sessions_own(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=Behaviour(users={USER: PASSWORD})) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        # Made to fail: to a port where nothing listens (the connection is refused).
        with socket.socket() as closed:
            closed.bind((HOST, 0))
            early = Early(HOST, closed.getsockname()[1], None, 5.0)
            early._thread.join(5)
        transport.connect_ahead(early)
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert {"resolve", "connect", "auth"} <= dict(receipt.timings).keys()
    assert len(server.received) == 1


def test_cancel_stops_a_session_waiting_for_its_early_connection() -> None:
    with unanswered_port() as port:
        early = Early(HOST, port, None, 30.0)
        with SmtpTransport(settings(None, port, connect_timeout=30.0), PASSWORD) as transport:
            transport.connect_ahead(early)
            cancel = base.CancelToken()
            threading.Timer(0.2, cancel.cancel).start()
            with pytest.raises(errors.Cancelled) as caught:
                transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS, cancel=cancel)
        early._thread.join(5)
        assert not early._thread.is_alive(), "the early opening was stopped too"
    assert caught.value.stage == "connect" and not caught.value.maybe_accepted
