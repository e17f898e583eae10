"""The REST side of the sandbox: SMTPeter's HTTPS API on the standard library's HTTP server.

Each connection gets a thread (``ThreadingHTTPServer``); the TLS handshake happens there,
not in the accepting thread, so a client that never finishes it delays nobody. Bodies are
read by Content-Length or chunked transfer coding into one buffer. What a call answers is
``api.py``'s business; this module carries it. Tokens are redacted from every log line.

``RestService.stop`` wakes the accept loop at once, hangs up on open connections (kept
alive, or waiting out a delay rule) and joins every thread.
"""

from __future__ import annotations

import contextlib
import errno
import http.server
import logging
import re
import selectors
import socket
import socketserver
import ssl
import sys
import threading
from typing import Any
from urllib.parse import parse_qs, urlsplit

from smtpeter_desktop.sandbox.api import Api, Reply
from smtpeter_desktop.sandbox.config import MAX_MESSAGE_SIZE
from smtpeter_desktop.sandbox.errors import PortInUseError, StartError
from smtpeter_desktop.sandbox.faults import Faults

log = logging.getLogger(__name__)

# JSON escapes and base64 make a request larger than the message it carries.
MAX_BODY = 2 * MAX_MESSAGE_SIZE
_HANDSHAKE_TIMEOUT = 10.0
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


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SMTPeter-sandbox"
    timeout = 60.0
    server: _Server

    def version_string(self) -> str:
        return self.server_version

    def setup(self) -> None:
        self.request.settimeout(_HANDSHAKE_TIMEOUT)
        self.request.do_handshake()
        super().setup()

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
        url = urlsplit(self.path)
        try:
            body = self._read_body()
        except _BodyError as exc:
            self.close_connection = True
            self._reply(Reply.error(exc.status, str(exc)))
            return
        reply = self.server.api.handle(
            self.command, url.path, parse_qs(url.query, keep_blank_values=True), body
        )
        delay = self.server.faults.rules.delay("rest")
        if delay and self.server.stopping.wait(delay):
            self.close_connection = True  # the sandbox is stopping: hang up unanswered
            return
        self._reply(reply)

    def _read_body(self) -> bytearray:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            return bytearray()
        try:
            size = int(length)
        except ValueError:
            raise _BodyError(400, f"Content-Length {length!r} is not a number.") from None
        if size < 0:
            raise _BodyError(400, "Content-Length cannot be negative.")
        _check_size(size)
        # One buffer of the announced size, filled in place: a large message is held once.
        body = bytearray(size)
        view = memoryview(body)
        done = 0
        while done < size:
            got = self.rfile.readinto(view[done:])
            if not got:
                raise _BodyError(400, "The request body ended before its Content-Length.")
            done += got
        return body

    def _read_chunked(self) -> bytearray:
        body = bytearray()
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";")[0].strip(), 16)
            except ValueError:
                raise _BodyError(400, "The chunked request body is malformed.") from None
            if size == 0:
                while self.rfile.readline(8192) not in (b"\r\n", b"\n", b""):
                    pass  # trailer fields, which nothing here needs
                return body
            _check_size(len(body) + size)
            chunk = self.rfile.read(size)
            if len(chunk) < size:
                raise _BodyError(400, "The chunked request body ended early.")
            body += chunk
            self.rfile.readline(1024)  # the line break after each chunk

    def _reply(self, reply: Reply) -> None:
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


def _check_size(size: int) -> None:
    if size > MAX_BODY:
        raise _BodyError(
            413, f"The request is larger than the sandbox takes ({MAX_BODY // 2**20} MB)."
        )
