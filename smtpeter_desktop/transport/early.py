"""A connection opened on a thread of its own while the message is still being built.

A REST request cannot start before its body exists, but its connection can: ``Early`` looks
the server up, connects and completes the TLS handshake (two round trips, 100 ms over a link
of 25 ms each way) while the command line reads, builds and checks the message; the request
then takes the socket (``httpnet``). It needs neither httpx nor the REST transport, so it
starts before they are imported. An SMTP session starts from one too (TCP only): its first
round trip is under way while smtplib is imported and the TLS context made.

What goes wrong early is not said here: ``take`` answers None, and the request opens its own
connection, as it would have, within its own deadline, and says in its own words what went
wrong. A cancel stops the opening at once; ``close`` ends one that nobody took.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from smtpeter_desktop.transport import net
from smtpeter_desktop.transport.base import CancelToken

if TYPE_CHECKING:
    import ssl  # the caller's context; a plain TCP connection (SMTP's) needs no ssl at all

log = logging.getLogger(__name__)

FRESH = 10.0
"""Seconds a connection opened early is used for; an older one is closed unused (the server
may have hung up on it meanwhile, and a request on a broken new connection is not retried)."""

# As httpnet's: the request's header and body are separate writes.
_NODELAY = (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class Early:
    """A connection to ``host``:``port`` being opened on a daemon thread, TLS over it when
    ``context`` is given (checking ``host``'s certificate), all within ``timeout`` seconds.

    ``context`` makes the TLS context on that thread too: loading the trust store (a CA
    bundle of 140 certificates is 20-30 ms) runs without the interpreter lock, beside the
    building of the message.

    Attributes:
        host, port: where it connects.
        context: the TLS context its handshake used, once made (None for plain TCP).
    """

    def __init__(
        self,
        host: str,
        port: int,
        context: Callable[[], ssl.SSLContext] | None,
        timeout: float,
        alpn: tuple[str, ...] = (),
    ) -> None:
        self.host = host
        self.port = port
        self._make_context = context
        self.context: ssl.SSLContext | None = None
        self._alpn = alpn
        self._cancel = CancelToken()
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None  # once open, until taken or closed
        self._opening: socket.socket | None = None  # the socket a cancel shuts
        self._opened = 0.0
        self._thread = threading.Thread(
            target=self._open, args=(timeout,), name="connect-early", daemon=True
        )
        self._thread.start()

    @classmethod
    def https(
        cls, base_url: str, context: Callable[[], ssl.SSLContext], timeout: float
    ) -> Early | None:
        """An early connection for the REST API at ``base_url``; None for anything but an
        ``https://`` address with a host (the transport says what is wrong with it)."""
        try:
            url = urlsplit(base_url)
            host, port = url.hostname, url.port or 443
        except ValueError:
            return None
        if url.scheme != "https" or not host:
            return None
        # httpcore offers only HTTP/1.1 over this context; the handshake must say the same.
        return cls(host, port, context, timeout, alpn=("http/1.1",))

    def _open(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        watchdog = net.Watchdog(self._shut)
        remove = self._cancel.on_cancel(self._shut)
        sock: socket.socket | None = None
        try:
            infos = net.resolve(self.host, self.port, timeout, self._cancel)
            sock = net.connect(infos, deadline - time.monotonic(), self._cancel, [_NODELAY])
            if self._make_context is not None:
                context = self.context = self._make_context()
                if self._alpn:
                    context.set_alpn_protocols(list(self._alpn))
                sock = context.wrap_socket(
                    sock, server_hostname=net.ascii_name(self.host), do_handshake_on_connect=False
                )
                self._watch(sock)
                watchdog.arm(max(deadline - time.monotonic(), 0.0))
                sock.settimeout(max(deadline - time.monotonic(), 0.001))
                sock.do_handshake()
            sock.settimeout(None)
        except Exception as exc:  # noqa: BLE001 (the request opens its own and says why)
            log.debug("The early connection to %s failed: %s", self.host, type(exc).__name__)
            if sock is not None:
                with suppress(OSError):
                    sock.close()
            return
        finally:
            watchdog.stop()
            remove()
        with self._lock:
            self._opening = None
            if self._cancel.cancelled:
                sock.close()
                return
            self._sock, self._opened = sock, time.monotonic()

    def _watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._opening = sock
        if self._cancel.cancelled:
            net.kill(sock)

    def _shut(self) -> None:
        with self._lock:
            opening = self._opening
        net.kill(opening)

    def take(self, cancel: CancelToken, timeout: float | None) -> socket.socket | None:
        """The open connection, waited for up to ``timeout`` seconds (a ``cancel`` stops
        the waiting and the opening); None when it failed, was not open in time, or is too
        old. It is the caller's then, and this object is done."""
        remove = cancel.on_cancel(self.close)
        try:
            self._thread.join(timeout)
        finally:
            remove()
        with self._lock:
            sock, self._sock = self._sock, None
        if self._thread.is_alive():
            self.close()
            return None
        if sock is not None and time.monotonic() - self._opened > FRESH:
            sock.close()
            return None
        return sock

    def close(self) -> None:
        """Stop the opening, or close the connection nobody took."""
        self._cancel.cancel()
        with self._lock:
            sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()
