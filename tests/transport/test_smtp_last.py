"""A send that is the last on its session (the command line's one message): its QUIT goes in
the write of the final "." when the server pipelines (RFC 2920), one round trip less.

The servers here are real socket peers on loopback (``servers.hostile_server``) whose handler
reads exactly what arrives, so each test shows when QUIT came: before the server answered the
final "." (pipelined) or only after it.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.smtp import SmtpTransport
from tests.transport.conftest import ENVELOPE, PASSWORD, make_message
from tests.transport.servers import Certs, Peer, hostile_server
from tests.transport.test_smtp import settings

pytestmark = pytest.mark.timeout(60)

MESSAGE = base.BytesMessage(make_message())
PIPELINING = ("AUTH PLAIN", "PIPELINING")


def send_last(port: int, certs: Certs) -> base.Receipt:
    values = {"security": "tls", "command_timeout": 2.0, "final_timeout": 2.0}
    with SmtpTransport(settings(certs, port, **values), PASSWORD) as transport:
        return transport.send(MESSAGE, ENVELOPE, SmtpeterOptions(), last=True)


def until_final_dot(peer: Peer, extensions: tuple[str, ...]) -> None:
    assert peer.dialogue(b"DATA", extensions=extensions)
    peer.say("354 go on")
    assert peer.read_data().endswith(b"\r\n.\r\n")


def nothing_more_within(peer: Peer, seconds: float) -> bool:
    peer.sock.settimeout(seconds)
    try:
        return peer.readline() == b""
    except TimeoutError:
        # A reader that timed out reads no more; nothing was in its buffer, so a new one
        # loses nothing.
        peer.reader = peer.sock.makefile("rb")
        return True
    finally:
        peer.sock.settimeout(None)


def pipelining_peer(final_reply: str, seen: list[bytes]) -> Callable[[Peer], None]:
    """A server that pipelines: what came after the final "." before it answered
    ``final_reply`` goes into ``seen``, then everything until the client closed."""

    def handle(peer: Peer) -> None:
        peer.say("220 hostile")
        until_final_dot(peer, PIPELINING)
        # Read before the final "." is answered: a client that waited for the answer first
        # would send nothing more, and this read would wait until the test failed.
        seen.append(peer.readline())
        peer.say(final_reply)
        peer.say("221 2.0.0 bye")
        seen.append(bytes(peer.reader.read()))  # until the client closes

    return handle


def test_the_last_send_puts_quit_in_the_write_of_the_final_dot(certs: Certs) -> None:
    seen: list[bytes] = []
    with hostile_server(pipelining_peer("250 2.0.0 queued as 1", seen), tls=certs.server) as server:
        receipt = send_last(server.port, certs)
    assert receipt.reply.startswith("250")
    assert seen == [b"QUIT\r\n", b""], seen  # one QUIT, and the session was not kept


def test_without_pipelining_the_last_send_waits_for_the_answer_before_quit(
    certs: Certs,
) -> None:
    seen: list[object] = []

    def handle(peer: Peer) -> None:
        peer.say("220 hostile")
        until_final_dot(peer, ("AUTH PLAIN",))
        seen.append(nothing_more_within(peer, 0.3))
        peer.say("250 2.0.0 queued as 1")
        seen.append(peer.readline().upper())  # smtplib says "quit"
        peer.say("221 2.0.0 bye")
        seen.append(bytes(peer.reader.read()))

    with hostile_server(handle, tls=certs.server) as server:
        receipt = send_last(server.port, certs)
    assert receipt.reply.startswith("250")
    assert seen == [True, b"QUIT\r\n", b""], seen


def test_a_refused_last_message_sends_no_second_quit(certs: Certs) -> None:
    seen: list[bytes] = []
    with (
        hostile_server(pipelining_peer("554 5.7.1 no spam here", seen), tls=certs.server) as server,
        pytest.raises(errors.MessageRejected) as e,
    ):
        send_last(server.port, certs)
    assert e.value.stage == "reply" and not e.value.maybe_accepted, repr(e.value)
    assert seen == [b"QUIT\r\n", b""], seen


def test_a_server_that_hangs_up_on_the_pipelined_quit_after_its_answer_still_sent_it(
    certs: Certs,
) -> None:
    def handle(peer: Peer) -> None:
        peer.say("220 hostile")
        until_final_dot(peer, PIPELINING)
        peer.readline()
        peer.say("250 2.0.0 queued as 1")
        peer.sock.shutdown(socket.SHUT_RDWR)  # no 221: the answer that counts came

    with hostile_server(handle, tls=certs.server) as server:
        receipt = send_last(server.port, certs)
    assert receipt.reply.startswith("250")
