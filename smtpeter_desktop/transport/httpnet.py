"""The network under httpx for the REST transport: overall deadlines, and cancel at every step.

httpx has per-operation timeouts only, which a server that trickles a byte at a time resets
forever, and no way to stop a request blocked on another thread. So ``HttpTransport`` is
httpx's own transport over a network backend of ours: it connects through ``net`` (a cancel
ends the look-up and the connect at once, within the call's deadline), and its streams tell
the running ``Call`` which socket they use. The call's ``net.Watchdog`` (its deadline) and
the user's cancel then shut that socket from their own threads, and the read or write
blocked on it fails at once; ``Call.why`` says which of the two it was. The first request may
take a connection opened before the transport existed (``early``): it is then already
through its TLS handshake, made with the same context for the same host.

A ``Call`` is per request and per thread (found through ``current_call()``): the REST
transport makes one around each request it sends.
"""

from __future__ import annotations

import selectors
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from smtpeter_desktop.transport import base, errors, mapping, net
from smtpeter_desktop.transport.early import Early
from smtpeter_desktop.transport.errors import SendError
from smtpeter_desktop.transport.mapping import Context

# The request's header and body are separate writes: without TCP_NODELAY the body waits for
# the server's delayed ACK (~40 ms per request).
_NODELAY = (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

# Errors that a socket shut by a cancel or a deadline produces; they then mean that instead.
_BROKEN = (errors.ConnectError, errors.SendTimeout, errors.TlsError, errors.UnexpectedAnswer)

_current = threading.local()


class Call:
    """One request in progress on this thread: its cancel, its deadline, and the socket in use.

    A cancel (from the user's thread) or the deadline (from the watchdog's) shuts the socket,
    so the read or write blocked on it fails at once; ``why`` then says which it was.
    """

    def __init__(self, cancel: base.CancelToken, budget: float, grace: float = 0.0) -> None:
        self.cancel = cancel
        self.grace = grace
        self.phase = "connect"
        self._sock: socket.socket | None = None
        self.watchdog = net.Watchdog(self.kill)
        self.watchdog.arm(budget)

    def kill(self) -> None:
        net.kill(self._sock)

    def _cancelled(self) -> None:
        if self.phase == "answer":
            # The whole message is out: a moment's wait for the answer can make "may have
            # been sent" a plain "sent" (or a refusal); the deadline then stops it.
            self.watchdog.hurry(self.grace)
        else:
            self.kill()

    def attach(self, sock: socket.socket) -> None:
        if sock is self._sock:
            return
        self._sock = sock
        if self.cancel.cancelled or self.watchdog.expired:
            self.kill()  # it came too late to be shut by them

    def enter(self, phase: str, budget: float) -> None:
        """A new phase with its own deadline (the upload, then the answer)."""
        self.phase = phase
        self.watchdog.arm(budget)

    def left(self, timeout: float | None) -> float | None:
        """``timeout`` cut to what is left of the deadline."""
        left = self.watchdog.left()
        if left is None:
            return timeout
        return left if timeout is None else min(timeout, left)

    @contextmanager
    def running(self) -> Iterator[Call]:
        remove = self.cancel.on_cancel(self._cancelled)
        _current.call = self
        try:
            yield self
        finally:
            _current.call = None
            remove()
            self.watchdog.stop()

    def why(self, err: SendError, ctx: Context, sent: bool) -> SendError:
        """A broken connection said as what broke it: the user's cancel, or the deadline."""
        if not isinstance(err, _BROKEN):
            return err
        if self.cancel.cancelled:
            return base.cancelled(self.phase, maybe_accepted=sent)
        if self.watchdog.expired:
            return mapping.too_slow(
                Context(stage=self.phase, server=ctx.server, sent=lambda: sent),
                self.watchdog.seconds,
            )
        return err


def current_call() -> Call | None:
    """The call running on this thread, if any."""
    call: Call | None = getattr(_current, "call", None)
    return call


class _Stream(httpcore.NetworkStream):
    """A socket stream as httpcore's own, which also tells the running call which socket it
    is using, so a cancel or a deadline can shut it."""

    def __init__(self, sock: socket.socket, secured_for: str | None = None) -> None:
        self._sock = sock
        self._secured_for = secured_for  # opened early: through its handshake for this host

    def _attach(self) -> None:
        call = current_call()
        if call is not None:
            call.attach(self._sock)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self._attach()
        try:
            self._sock.settimeout(timeout)
            return self._sock.recv(max_bytes)
        except TimeoutError as exc:
            raise httpcore.ReadTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from exc

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._attach()
        try:
            while buffer:
                self._sock.settimeout(timeout)
                buffer = buffer[self._sock.send(buffer) :]
        except TimeoutError as exc:
            raise httpcore.WriteTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from exc

    def close(self) -> None:
        self._sock.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        if self._secured_for is not None:
            # Opened early (``_Backend``), which takes it only when made with this very
            # context: its handshake is done.
            if self._secured_for == server_hostname:
                return self
            self._sock.close()
            raise httpcore.ConnectError("The connection opened early was for another server.")
        # As httpcore does, but the handshake runs once the TLS socket can be shut from outside.
        try:
            self._sock.settimeout(timeout)
            sock = ssl_context.wrap_socket(
                self._sock,
                server_hostname=net.ascii_name(server_hostname) if server_hostname else None,
                do_handshake_on_connect=False,
            )
        except OSError as exc:
            self._sock.close()
            raise httpcore.ConnectError(str(exc)) from exc
        call = current_call()
        if call is not None:
            call.attach(sock)
        try:
            sock.do_handshake()
        except TimeoutError as exc:
            sock.close()
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:
            sock.close()
            raise httpcore.ConnectError(str(exc)) from exc
        return _Stream(sock)

    def get_extra_info(self, info: str) -> Any:
        if info == "ssl_object" and isinstance(self._sock, ssl.SSLSocket):
            return self._sock  # what httpcore asks of it (version, ALPN), it has
        if info == "client_addr":
            return self._sock.getsockname()
        if info == "server_addr":
            return self._sock.getpeername()
        if info == "socket":
            return self._sock
        if info == "is_readable":
            # An idle kept connection that is readable was closed by the server (or broken).
            if self._sock.fileno() < 0:
                return True
            with selectors.DefaultSelector() as selector:
                selector.register(self._sock, selectors.EVENT_READ)
                return bool(selector.select(0))
        return None


class _Backend(httpcore.NetworkBackend):
    """Connects as ``net`` does: within the running call's deadline, and at once on cancel;
    the first connection to the ``early`` one's server is that one, when it opened."""

    def __init__(self, context: ssl.SSLContext, early: Early | None = None) -> None:
        self._context = context
        self._lock = threading.Lock()
        self._early = early

    def close_early(self) -> None:
        with self._lock:
            early, self._early = self._early, None
        if early is not None:
            early.close()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        call = current_call()
        cancel = call.cancel if call is not None else base.CancelToken()
        left = call.left(timeout) if call is not None else timeout
        seconds = 30.0 if left is None else left
        with self._lock:
            early, self._early = self._early, None
        if early is not None:
            sock = early.take(cancel, seconds) if (early.host, early.port) == (host, port) else None
            early.close()
            if sock is not None and early.context is not self._context:
                sock.close()  # its handshake trusted another store (the CA file changed)
                sock = None
            if sock is not None:
                if call is not None:
                    call.attach(sock)
                return _Stream(sock, secured_for=early.host)
            # Stopped while it was connecting, as a connection of the request's own would be.
            cancel.raise_if_cancelled("connect")
            # It failed or came too late: a connection of the request's own says why.
            left = call.left(timeout) if call is not None else timeout
            seconds = 30.0 if left is None else left
        options = [*(socket_options or ()), _NODELAY]
        try:
            infos = net.resolve(host, port, seconds, cancel)
            sock = net.connect(infos, seconds, cancel, options)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from exc
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        if call is not None:
            call.attach(sock)
        return _Stream(sock)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:  # pragma: no cover - the profile has no such thing
        raise httpcore.ConnectError("No Unix sockets here.")

    def sleep(self, seconds: float) -> None:  # pragma: no cover - httpcore's retries are off
        time.sleep(seconds)


class HttpTransport(httpx.HTTPTransport):
    """httpx's transport over our network backend (httpx has no parameter for one)."""

    def __init__(self, context: ssl.SSLContext, early: Early | None = None) -> None:
        super().__init__(verify=context)
        self._backend = _Backend(context, early)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context,
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=self._backend,
        )

    def close(self) -> None:
        self._backend.close_early()
        super().close()
