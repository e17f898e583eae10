"""Loopback SMTP servers for the send-path and command-line tests.

- ``deferring_smtp``: aiosmtpd (STARTTLS, no login) whose RCPT answers a temporary 451 for
  chosen addresses, as a greylisting or over-quota server does, and takes the others.
- ``hostile_smtp``: a raw socket server that accepts a connection and then stays silent,
  trickles its greeting one byte at a time, or stalls in the TLS handshake: what a person
  would interrupt with Ctrl+C or Cancel.

Both bind port 0 on 127.0.0.1 and are stopped when their ``with`` block ends.
"""

from __future__ import annotations

import contextlib
import dataclasses
import socket
import threading
from collections.abc import Iterator
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.transport.servers import HOST, Certs


@dataclasses.dataclass
class Deferring:
    """A running deferring server: ``received`` holds (recipients, bytes) per message."""

    port: int
    defer: set[str]
    received: list[tuple[list[str], bytes]]


class _DeferringHandler:
    def __init__(self, defer: set[str], received: list[tuple[list[str], bytes]]) -> None:
        self.defer = defer
        self.received = received

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.defer:
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.received.append((list(envelope.rcpt_tos), bytes(envelope.original_content or b"")))
        return f"250 2.0.0 Ok: queued as D{len(self.received)}"


class _Controller(Controller):
    """aiosmtpd's Controller on port 0: the real port is read back once bound."""

    def _trigger_server(self) -> None:
        server: Any = self.server
        self.port = server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


@contextlib.contextmanager
def deferring_smtp(certs: Certs, defer: set[str]) -> Iterator[Deferring]:
    """aiosmtpd with STARTTLS that puts off ``defer`` with 451 and takes everyone else."""
    received: list[tuple[list[str], bytes]] = []
    controller = _Controller(
        _DeferringHandler(defer, received),
        hostname=HOST,
        port=0,
        tls_context=certs.server,
        require_starttls=True,
    )
    controller.start()
    try:
        yield Deferring(controller.port, defer, received)
    finally:
        controller.stop()


Mode = Literal["silent", "trickle", "tls"]


@dataclasses.dataclass
class Hostile:
    """A running hostile server; ``connected`` is set once a client is in the stage to stop."""

    port: int
    connected: threading.Event


@contextlib.contextmanager
def hostile_smtp(mode: Mode) -> Iterator[Hostile]:
    """A server that never lets a send finish.

    ``silent``: accepts, never says a word (the client waits for the greeting).
    ``trickle``: sends a greeting one byte every 0.2 s, never ending its line.
    ``tls``: greets, offers STARTTLS, answers it with 220, then never does the handshake.
    """
    listener = socket.create_server((HOST, 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    connected = threading.Event()
    clients: list[socket.socket] = []

    def converse(client: socket.socket) -> None:
        client.settimeout(0.2)
        if mode == "silent":
            connected.set()
            stop.wait()
        elif mode == "trickle":
            connected.set()
            for byte in b"220 " + b"x" * 100_000:
                if stop.wait(0.2):
                    return
                with contextlib.suppress(OSError):
                    client.sendall(bytes([byte]))
        else:
            client.settimeout(None)  # the end of the test shuts the socket, which wakes it
            reader = client.makefile("rb")
            with contextlib.suppress(OSError, ValueError):
                client.sendall(b"220 hostile ESMTP\r\n")
                while not stop.is_set():
                    line = reader.readline()
                    if not line:
                        return
                    verb = line[:4].upper()
                    if verb in (b"EHLO", b"HELO"):
                        client.sendall(b"250-hostile\r\n250 STARTTLS\r\n")
                    elif verb == b"STAR":
                        client.sendall(b"220 Go ahead\r\n")
                        connected.set()
                        stop.wait()
                    else:
                        client.sendall(b"502 No\r\n")

    def serve() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            clients.append(client)
            threading.Thread(target=converse, args=(client,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield Hostile(listener.getsockname()[1], connected)
    finally:
        stop.set()
        thread.join(5)
        listener.close()
        for client in clients:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
            client.close()
