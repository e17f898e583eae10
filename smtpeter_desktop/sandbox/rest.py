"""The REST side of the sandbox: SMTPeter's HTTPS API on the standard library's HTTP server.

Each connection gets a thread (``ThreadingHTTPServer``); the TLS handshake happens there,
not in the accepting thread, so a client that never finishes it delays nobody. The token is
checked before a byte of the body is read, a body larger than ``MAX_BODY`` is refused by
its announced size, and a body is read in small pieces as it arrives (never a buffer of the
announced size), by Content-Length or chunked transfer coding; one over a megabyte goes
to a temporary file while it arrives. The handshake, the request
line with its headers, and the body each have an overall deadline, so a client trickling a
byte at a time cannot hold a thread for ever. What a call answers is ``api.py``'s business;
this module carries it. Tokens are redacted from every log line.

``RestService.stop`` wakes the accept loop at once, hangs up on open connections (kept
alive, or waiting out a delay rule) and joins every thread.
"""

from __future__ import annotations

import contextlib
import errno
import http.server
import io
import logging
import re
import selectors
import socket
import socketserver
import ssl
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from typing import IO, Any
from urllib.parse import parse_qs, urlsplit

from smtpeter_desktop.sandbox.api import Api, Reply
from smtpeter_desktop.sandbox.config import MAX_MESSAGE_SIZE
from smtpeter_desktop.sandbox.errors import PortInUseError, StartError
from smtpeter_desktop.sandbox.faults import Faults

log = logging.getLogger(__name__)

# The message limit plus a quarter for JSON's escapes of line breaks and quotes.
MAX_BODY = MAX_MESSAGE_SIZE + MAX_MESSAGE_SIZE // 4
# A body of at most this size sent with a refused token is read and dropped, so that the
# client sees the answer; a larger one is not read at all and the connection is closed.
_DRAIN_LIMIT = 64 * 1024
_PIECE = 64 * 1024
_IN_MEMORY = 1024 * 1024  # a body larger than this is kept in a temporary file until read

# Overall deadlines, in seconds; read when each request starts, so tests can shorten them.
# The sandbox listens on loopback only, where even the largest body takes a second or two.
HANDSHAKE_TIMEOUT = 10.0
HEADER_TIMEOUT = 30.0  # from the request's first byte to the end of its headers
BODY_TIMEOUT = 120.0  # for the whole body
IDLE_TIMEOUT = 60.0  # a kept-alive connection waiting for its next request
_TOKEN = re.compile(r"(access_token=)[^&\s\"]*")


class _BodyError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = False  # joined by server_close(), so nothing outlives stop()
    allow_reuse_address = sys.platform != "win32"  # on Windows it would allow port theft
    timeout = 0  # handle_request() is only called once the socket is known to be ready

    def __init__(
        self,
        address: tuple[str, int],
        tls: ssl.SSLContext,
        api: Api,
        faults: Faults,
        stopping: threading.Event,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.tls = tls
        self.api = api
        self.faults = faults
        self.stopping = stopping
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up in DNS, which can take seconds.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def get_request(self) -> tuple[Any, Any]:
        conn, address = self.socket.accept()
        try:
            # Headers and body go out as two writes: without this the body waits for the
            # client's delayed ACK of the headers, 40 ms on every answer.
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            wrapped = self.tls.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
        except BaseException:
            conn.close()
            raise
        return wrapped, address

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def hang_up(self) -> None:
        """End every open connection; the threads reading them see the end and finish."""
        with self._open_lock:
            connections = list(self._open)
        for conn in connections:
            with contextlib.suppress(OSError):
                # The plain socket's shutdown: ssl.SSLSocket's would also unwrap it under
                # the feet of the thread reading it.
                socket.socket.shutdown(conn, socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            # Clients that hang up, speak plain HTTP, or fail the handshake: their business.
            log.debug("REST connection from %s ended: %s", client_address, error)
        else:
            log.exception("The sandbox's REST server failed on a request from %s", client_address)


class _DeadlineReader(io.RawIOBase):
    """A socket's reading end that gives up once a deadline has passed, however slowly
    the bytes trickle in; without a deadline, each wait for bytes lasts ``IDLE_TIMEOUT``."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__()
        self._sock = sock
        self.deadline: float | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.deadline is None:
            timeout = IDLE_TIMEOUT
        else:
            timeout = self.deadline - time.monotonic()
            if timeout <= 0:
                raise TimeoutError("The client took too long to send its request.")
        self._sock.settimeout(timeout)
        return self._sock.recv_into(buffer)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SMTPeter-sandbox"
    timeout = None  # set before each read and write instead
    server: _Server
    _reader: _DeadlineReader
    _buffered: io.BufferedReader

    def version_string(self) -> str:
        return self.server_version

    def setup(self) -> None:
        _handshake(self.request, HANDSHAKE_TIMEOUT)
        super().setup()
        self.rfile.close()  # the socket's own reader, replaced by one with deadlines
        self._reader = _DeadlineReader(self.request)
        self._buffered = io.BufferedReader(self._reader)
        self.rfile = self._buffered

    def handle_one_request(self) -> None:
        self._reader.deadline = None
        try:
            first = self._buffered.peek(1)  # an idle kept-alive connection waits here
        except OSError:
            first = b""
        if not first:
            self.close_connection = True
            return
        self._reader.deadline = time.monotonic() + HEADER_TIMEOUT
        super().handle_one_request()

    def handle_expect_100(self) -> bool:
        # "100 Continue" invites the body: _serve says it only once the token is checked.
        return True

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    do_PUT = do_POST
    do_DELETE = do_POST
    do_PATCH = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("REST %s %s", self.address_string(), redact(format % args))

    def _serve(self) -> None:
        self._reader.deadline = None  # the headers are in
        url = urlsplit(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        if not self.server.api.authorised(query):
            # Before the body: a stranger's request costs no memory, whatever it announces.
            self._drop_body()
            self._reply(Reply.error(401, "Invalid access token"))
            return
        self._reader.deadline = time.monotonic() + BODY_TIMEOUT
        # A large body waits on disk while it arrives (a temporary file no one else can
        # open), so slow or simultaneous uploads do not pile up in this process's memory.
        with tempfile.SpooledTemporaryFile(max_size=_IN_MEMORY) as body:
            try:
                self._read_body(body)
            except _BodyError as exc:
                self.close_connection = True
                self._reply(Reply.error(exc.status, str(exc)))
                return
            except TimeoutError:
                self.close_connection = True
                self._reply(Reply.error(408, "The request body did not arrive in time."))
                return
            self._reader.deadline = None
            body.seek(0)
            reply = self.server.api.handle(self.command, url.path, query, body)
        delay = self.server.faults.rules.delay("rest")
        if delay and self.server.stopping.wait(delay):
            self.close_connection = True  # the sandbox is stopping: hang up unanswered
            return
        self._reply(reply)

    def _chunked(self) -> bool:
        return "chunked" in self.headers.get("Transfer-Encoding", "").lower()

    def _content_length(self) -> int | None:
        length = self.headers.get("Content-Length")
        if length is None:
            return None
        try:
            size = int(length)
        except ValueError:
            raise _BodyError(400, f"Content-Length {length!r} is not a number.") from None
        if size < 0:
            raise _BodyError(400, "Content-Length cannot be negative.")
        return size

    def _drop_body(self) -> None:
        """Read and forget a small body, so the connection can carry on; else hang up."""
        chunked = self._chunked()
        try:
            size = None if chunked else self._content_length()
        except _BodyError:
            size = None
            chunked = True  # an unreadable length: hang up, as for any unknown size
        if size is None and not chunked:
            return
        if size is None or size > _DRAIN_LIMIT or self._expects_continue():
            # A client waiting for "100 Continue" would send its body only after a pause.
            self.close_connection = True
            return
        self._reader.deadline = time.monotonic() + BODY_TIMEOUT
        try:
            self._read_exactly(size, lambda piece: None)
        except (_BodyError, OSError):
            self.close_connection = True
        self._reader.deadline = None

    def _read_body(self, body: IO[bytes]) -> None:
        if self._chunked():
            self._read_chunked(body)
            return
        size = self._content_length()
        if size is None:
            return
        _check_size(size)
        self._continue()
        self._read_exactly(size, body.write)

    def _read_exactly(self, size: int, sink: Callable[[bytes], object]) -> None:
        # In pieces, as they arrive: memory follows the bytes sent, not the size announced.
        while size > 0:
            piece = self._buffered.read1(min(_PIECE, size))
            if not piece:
                raise _BodyError(400, "The request body ended before its announced size.")
            sink(piece)
            size -= len(piece)

    def _read_chunked(self, body: IO[bytes]) -> None:
        self._continue()
        total = 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                raise _BodyError(400, "The chunked request body is malformed.") from None
            if size < 0:
                raise _BodyError(400, "The chunked request body is malformed.")
            if size == 0:
                while self.rfile.readline(8192) not in (b"\r\n", b"\n", b""):
                    pass  # trailer fields, which nothing here needs
                return
            total += size
            _check_size(total)
            self._read_exactly(size, body.write)
            self.rfile.readline(1024)  # the line break after each chunk

    def _expects_continue(self) -> bool:
        return self.headers.get("Expect", "").lower() == "100-continue"

    def _continue(self) -> None:
        if self._expects_continue():
            self.send_response_only(100)
            self.end_headers()

    def _reply(self, reply: Reply) -> None:
        self.request.settimeout(IDLE_TIMEOUT)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        if reply.status != 204:
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if reply.body and reply.status != 204:
            self.wfile.write(reply.body)


class RestService:
    """The HTTPS REST server, accepting in a thread of its own."""

    def __init__(self, host: str, port: int, tls: ssl.SSLContext, api: Api, faults: Faults):
        self.host = host
        self._port = port
        self._tls = tls
        self._api = api
        self._faults = faults
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._wake: tuple[socket.socket, socket.socket] | None = None

    def start(self) -> int:
        """Listen and serve; returns the port (the real one when 0 was asked for)."""
        try:
            server = _Server(
                (self.host, self._port), self._tls, self._api, self._faults, self._stopping
            )
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUseError("rest", self.host, self._port) from exc
            if exc.errno == errno.EACCES:
                raise StartError(
                    f"Port {self._port} needs administrator rights: choose a port above 1023."
                ) from exc
            raise StartError(
                f"The sandbox cannot listen on {self.host} port {self._port}: {exc}."
            ) from exc
        self._server = server
        self._wake = socket.socketpair()
        self._thread = threading.Thread(target=self._serve, name="sandbox-rest")
        self._thread.start()
        return int(server.server_address[1])

    def stop(self) -> None:
        """Stop accepting, hang up on every client, join every thread."""
        server, thread, wake = self._server, self._thread, self._wake
        if server is None or thread is None or wake is None:
            return
        self._stopping.set()
        wake[1].send(b"\0")
        thread.join()
        server.hang_up()
        server.server_close()  # joins the connection threads
        for end in wake:
            end.close()
        self._server = self._thread = self._wake = None

    def _serve(self) -> None:
        server, wake = self._server, self._wake
        assert server is not None and wake is not None
        with selectors.DefaultSelector() as selector:
            selector.register(server.socket, selectors.EVENT_READ)
            selector.register(wake[0], selectors.EVENT_READ)
            while True:
                ready = selector.select()
                if any(key.fileobj is wake[0] for key, _ in ready):
                    return
                server.handle_request()


def redact(text: str) -> str:
    """``text`` with every ``access_token=`` value replaced by ``***``."""
    return _TOKEN.sub(r"\1***", text)


def _handshake(sock: ssl.SSLSocket, timeout: float) -> None:
    """The TLS handshake, given up after ``timeout`` seconds in all, however it trickles."""
    deadline = time.monotonic() + timeout
    sock.setblocking(False)
    with selectors.DefaultSelector() as selector:
        while True:
            try:
                sock.do_handshake()
                break
            except ssl.SSLWantReadError:
                events = selectors.EVENT_READ
            except ssl.SSLWantWriteError:
                events = selectors.EVENT_WRITE
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("The client took too long to start TLS.")
            selector.register(sock, events)
            selector.select(remaining)
            selector.unregister(sock)
    sock.setblocking(True)


def _check_size(size: int) -> None:
    if size > MAX_BODY:
        raise _BodyError(
            413, f"The request is larger than the sandbox takes ({MAX_BODY // 2**20} MB)."
        )
