"""Real servers on loopback for the transport tests: aiosmtpd, a scripted SMTP peer, an HTTPS one.

Everything binds port 0 on 127.0.0.1 and is stopped (threads joined, sockets closed) when
its ``with`` block ends. Certificates come from ``trustme``, so no test touches the
system's trust store.

- ``SmtpServer``: aiosmtpd with STARTTLS or implicit TLS, AUTH, DSN and a few faults
  (refuse a recipient pattern, answer a code after DATA, stall). The sandbox does most of
  this too; these servers also do what it does not (no STARTTLS, a wrong certificate).
- ``ScriptedSmtp``: a hand-driven SMTP peer over implicit TLS for what no real server does on
  purpose: hanging up in the middle of DATA, or no longer reading it.
- ``HttpsServer``: ``http.server`` over TLS with a handler the test writes, for REST answers
  the sandbox has no fault for (204).
"""

from __future__ import annotations

import asyncio
import dataclasses
import fnmatch
import http.server
import select
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"
DSN_PARAMS = ("RET", "ENVID", "NOTIFY", "ORCPT")


@dataclasses.dataclass
class Certs:
    """A private CA, its PEM file, and server contexts for the right and a wrong host name."""

    ca: trustme.CA
    ca_file: Path
    server: ssl.SSLContext
    wrong_name: ssl.SSLContext


def make_certs(folder: Path) -> Certs:
    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(HOST, "localhost").configure_cert(server)
    wrong = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("mail.example.org").configure_cert(wrong)
    return Certs(ca, ca_file, server, wrong)


@dataclasses.dataclass
class Received:
    """One message as the server got it."""

    sender: str
    recipients: list[str]
    content: bytes
    mail_line: str
    rcpt_lines: list[str]
    login: str | None


@dataclasses.dataclass
class Behaviour:
    """What the test server does; change it between sends."""

    users: dict[str, str] = dataclasses.field(default_factory=dict)
    reject: str | None = None  # a recipient glob refused with 550
    defer: str | None = None  # a recipient glob refused for now with 450
    data_reply: str | None = None  # e.g. "451 4.3.0 Try later" after DATA
    stall_after_data: bool = False  # never answer the final "."
    stall_rcpt: bool = False  # never answer RCPT
    rcpt_seen: threading.Event = dataclasses.field(default_factory=threading.Event)
    dsn: bool = True


class _Smtp(SMTP):
    """aiosmtpd that takes the DSN parameters (RFC 3461) and keeps each raw MAIL/RCPT line."""

    def _getparams(self, params: Any) -> dict[str, str | bool] | None:
        result = super()._getparams(params)
        if result is None:
            return None
        return {key: value for key, value in result.items() if key not in DSN_PARAMS}

    async def smtp_MAIL(self, arg: str) -> None:
        session: Any = self.session
        session.raw_mail = arg
        session.raw_rcpts = []
        await super().smtp_MAIL(arg)

    async def smtp_RCPT(self, arg: str) -> None:
        session: Any = self.session
        session.raw_rcpts.append(arg)
        await super().smtp_RCPT(arg)


class _Handler:
    def __init__(self, behaviour: Behaviour, received: list[Received]) -> None:
        self.behaviour = behaviour
        self.received = received

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        if self.behaviour.dsn:
            responses.insert(1, "250-DSN")
        return responses

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        self.behaviour.rcpt_seen.set()
        if self.behaviour.stall_rcpt:
            await asyncio.sleep(3600)
        if self.behaviour.reject and fnmatch.fnmatch(address, self.behaviour.reject):
            return "550 5.1.1 No such user here"
        if self.behaviour.defer and fnmatch.fnmatch(address, self.behaviour.defer):
            return "450 4.2.1 Mailbox busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.behaviour.stall_after_data:
            await asyncio.sleep(3600)
        if self.behaviour.data_reply:
            return self.behaviour.data_reply
        auth: Any = session.auth_data
        login = auth if isinstance(auth, str) else None
        self.received.append(
            Received(
                sender=envelope.mail_from or "",
                recipients=list(envelope.rcpt_tos),
                content=bytes(envelope.original_content or b""),
                mail_line=session.raw_mail,  # type: ignore[attr-defined]
                rcpt_lines=list(session.raw_rcpts),  # type: ignore[attr-defined]
                login=login,
            )
        )
        return f"250 2.0.0 Ok: queued as Q{len(self.received)}"


class _Controller(Controller):
    """aiosmtpd's Controller on port 0: the real port is read back once bound."""

    def _trigger_server(self) -> None:
        server: Any = self.server
        self.port = server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]

    def factory(self) -> SMTP:
        return _Smtp(self.handler, **self.SMTP_kwargs)


@dataclasses.dataclass
class SmtpServer:
    """A running aiosmtpd; ``received`` fills as messages arrive."""

    port: int
    behaviour: Behaviour
    received: list[Received]


@contextmanager
def smtp_server(
    certs: Certs | None,
    *,
    implicit_tls: bool = False,
    context: ssl.SSLContext | None = None,
    behaviour: Behaviour | None = None,
    size_limit: int = 33_554_432,
    smtputf8: bool = True,
) -> Iterator[SmtpServer]:
    """aiosmtpd with STARTTLS (or TLS from the first byte), AUTH when users are given.

    ``certs=None`` makes a server that offers no TLS at all.
    """
    behaviour = behaviour or Behaviour()
    received: list[Received] = []
    tls_context = context or (certs.server if certs else None)

    def authenticate(
        server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and behaviour.users.get(data.login.decode()) == data.password.decode()
        )
        if not ok:
            # handled=False: aiosmtpd answers 535 itself.
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=data.login.decode())

    kwargs: dict[str, Any] = {
        "hostname": HOST,
        "port": 0,
        "data_size_limit": size_limit,
        "authenticator": authenticate,
        "auth_require_tls": True,
        "enable_SMTPUTF8": smtputf8,
    }
    if implicit_tls:
        kwargs["ssl_context"] = tls_context
        # aiosmtpd only counts STARTTLS as TLS for auth_require_tls; this is TLS throughout.
        kwargs["auth_require_tls"] = False
    elif tls_context is not None:
        kwargs["tls_context"] = tls_context
        kwargs["require_starttls"] = True
    controller = _Controller(_Handler(behaviour, received), **kwargs)
    controller.start()
    try:
        yield SmtpServer(controller.port, behaviour, received)
    finally:
        controller.stop()


# -- a scripted SMTP peer -----------------------------------------------------------------


@dataclasses.dataclass
class Script:
    """What the scripted peer does once DATA has started."""

    hang_up_after: int | None = None  # close after reading this many bytes of DATA
    stop_reading: bool = False  # read nothing more of DATA; wait until the test ends
    data_read: int = 0
    data_started: threading.Event = dataclasses.field(default_factory=threading.Event)
    done: threading.Event = dataclasses.field(default_factory=threading.Event)


@contextmanager
def scripted_smtp(certs: Certs, script: Script) -> Iterator[int]:
    """A one-connection SMTP peer over implicit TLS, driven by ``script``; yields its port."""
    listener = socket.create_server((HOST, 0))
    port = listener.getsockname()[1]
    release = threading.Event()

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn, certs.server.wrap_socket(conn, server_side=True) as tls:
            reader = tls.makefile("rb")
            try:
                _converse(tls, reader, script, release)
            except OSError:
                pass
            finally:
                reader.close()
                script.done.set()

    thread = threading.Thread(target=serve, name="scripted-smtp")
    thread.start()
    try:
        yield port
    finally:
        release.set()
        listener.close()
        # Wake an accept() that never got its connection.
        with suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            pass
        thread.join(10)
        assert not thread.is_alive()


def _converse(tls: ssl.SSLSocket, reader: Any, script: Script, release: threading.Event) -> None:
    def say(line: str) -> None:
        tls.sendall(line.encode() + b"\r\n")

    say("220 scripted ESMTP")
    while line := reader.readline():
        verb = line.split(b" ", 1)[0].strip().upper()
        if verb == b"EHLO":
            say("250-scripted")
            say("250 AUTH PLAIN LOGIN")
        elif verb == b"AUTH":
            say("235 2.7.0 OK")
        elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
            say("250 OK")
        elif verb == b"DATA":
            say("354 go on")
            script.data_started.set()
            if script.stop_reading:
                release.wait(30)
                return
            tail = b""
            while True:
                chunk = reader.read1(65536)
                if not chunk:
                    return
                script.data_read += len(chunk)
                if script.hang_up_after is not None and script.data_read >= script.hang_up_after:
                    return
                tail = (tail + chunk)[-5:]
                if tail == b"\r\n.\r\n":
                    say("250 2.0.0 queued")
                    break
        elif verb == b"QUIT":
            say("221 bye")
            return
        else:
            say("500 what?")


# -- an HTTPS server with a handler of the test's own -----------------------------------------


@contextmanager
def https_server(
    certs: Certs, handle: Callable[[http.server.BaseHTTPRequestHandler], None]
) -> Iterator[str]:
    """``http.server`` over TLS calling ``handle`` for every request; yields its base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            handle(self)

        def do_POST(self) -> None:
            handle(self)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer((HOST, 0), Handler)
    server.daemon_threads = False
    server.block_on_close = True
    server.socket = certs.server.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"https://{HOST}:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


# -- hostile peers: servers that misbehave on purpose -------------------------------------------


class Peer:
    """One connection to a hostile server, as the test's handler drives it."""

    def __init__(self, sock: socket.socket, stop: threading.Event) -> None:
        self.sock: socket.socket = sock
        self.reader: Any = sock.makefile("rb")
        self.stop = stop
        self.reached = threading.Event()  # set by the handler where the test waits for it

    def say(self, line: str | bytes) -> None:
        data = line.encode() if isinstance(line, str) else line
        self.sock.sendall(data + b"\r\n")

    def readline(self) -> bytes:
        return bytes(self.reader.readline())

    def trickle(self, data: bytes, every: float) -> None:
        """``data`` one byte at a time, ``every`` seconds apart (until the test ends)."""
        for i in range(len(data)):
            if self.stop.wait(every):
                return
            self.sock.sendall(data[i : i + 1])

    def hold(self) -> None:
        """Say nothing more until the test ends."""
        self.reached.set()
        self.stop.wait(30)

    def starttls(self, context: ssl.SSLContext) -> None:
        self.reader.close()
        self.sock = context.wrap_socket(self.sock, server_side=True)
        self.reader = self.sock.makefile("rb")

    def dialogue(self, until: bytes, *, extensions: tuple[str, ...] = ("AUTH PLAIN",)) -> bytes:
        """Answer EHLO, AUTH, MAIL and RCPT as a willing server until the command ``until``
        arrives; returns its line (b"" when the client hung up first)."""
        while line := self.readline():
            verb = line.split(b" ", 1)[0].strip().upper()
            if verb == until:
                return line
            if verb == b"EHLO":
                lines = ["hostile", *extensions]
                for index, text in enumerate(lines):
                    self.say(f"250{'-' if index < len(lines) - 1 else ' '}{text}")
            elif verb == b"AUTH":
                self.say("235 2.7.0 OK")
            elif verb in (b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                self.say("250 OK")
            elif verb == b"QUIT":
                self.say("221 bye")
                return b""
            else:
                self.say("502 no")
        return b""

    def read_request(self) -> tuple[bytes, bytes]:
        """One HTTP request with a Content-Length: its head and its body."""
        head = bytearray()
        while (line := self.readline()) not in (b"\r\n", b""):
            head += line
        length = 0
        for line in bytes(head).split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return bytes(head), bytes(self.reader.read(length)) if length else b""

    def read_data(self) -> bytes:
        """The DATA content up to the final "." line."""
        data = bytearray()
        while not data.endswith(b"\r\n.\r\n"):
            line = self.readline()
            if not line:
                break
            data += line
        return bytes(data)


@dataclasses.dataclass
class Hostile:
    """A running hostile server: its port, and the peers it served (in order)."""

    port: int
    peers: list[Peer]


@contextmanager
def hostile_server(
    handle: Callable[[Peer], None], *, tls: ssl.SSLContext | None = None
) -> Iterator[Hostile]:
    """A server on loopback that runs ``handle`` for each connection (TLS first when ``tls``).

    When the block ends, every handler is told to stop, every connection is shut, and every
    thread is joined.
    """
    listener = socket.create_server((HOST, 0))
    stop = threading.Event()
    hostile = Hostile(listener.getsockname()[1], [])
    threads: list[threading.Thread] = []

    def serve(conn: socket.socket) -> None:
        peer: Peer | None = None
        try:
            sock = tls.wrap_socket(conn, server_side=True) if tls else conn
            peer = Peer(sock, stop)
            hostile.peers.append(peer)
            handle(peer)
        except (OSError, ValueError):
            pass  # the client hung up, or the test ended
        finally:
            if peer is not None:
                peer.reader.close()
                peer.sock.close()
            conn.close()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            if stop.is_set():  # the connection that wakes this accept() at the end
                conn.close()
                return
            thread = threading.Thread(target=serve, args=(conn,), name="hostile-peer")
            threads.append(thread)
            thread.start()

    acceptor = threading.Thread(target=accept, name="hostile-accept")
    acceptor.start()
    try:
        yield hostile
    finally:
        stop.set()
        for peer in hostile.peers:
            with suppress(OSError):
                socket.socket.shutdown(peer.sock, socket.SHUT_RDWR)
        listener.close()
        with suppress(OSError), socket.create_connection((HOST, hostile.port), timeout=1):
            pass
        acceptor.join(10)
        for thread in threads:
            thread.join(10)
        assert not any(t.is_alive() for t in [acceptor, *threads])


@contextmanager
def unanswered_port() -> Iterator[int]:
    """A port where a connect hangs: a listener whose queue is full and never accepts.

    Linux drops the SYN once the accept queue is full, so the client keeps retrying it;
    the connections that filled the queue are held open until the block ends.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((HOST, 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers: list[socket.socket] = []
    try:
        for _ in range(64):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setblocking(False)
            sock.connect_ex((HOST, port))
            fillers.append(sock)
            _, writable, _ = select.select([], [sock], [], 0.2)
            if not writable:
                break
        else:
            pytest.skip("this system takes every connection: a connect that hangs cannot be made")
        yield port
    finally:
        for sock in fillers:
            sock.close()
        listener.close()
