"""Blocking network steps that a deadline and a cancel from another thread can both end.

A socket timeout bounds one read; a server that trickles a byte now and then resets it
forever. So every stage of a send also has an overall deadline, kept by a ``Watchdog`` that
shuts the socket down from its own thread, exactly as a cancel does from the user's: the
blocked read or write then fails at once, and the transport says why (too slow, or
stopped). Two steps have no socket to shut yet, and get their own means here:

- ``resolve``: ``getaddrinfo`` cannot be interrupted, so it runs on a helper thread and the
  caller stops waiting for it (the look-up is left to finish on its own).
- ``connect``: a non-blocking connect waited for with a selector that also watches a
  wake-up socket, which a cancel writes to; portable, unlike shutting down a half-open socket.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from typing import Any

from smtpeter_desktop.transport.base import CancelToken

AddrInfo = tuple[Any, Any, int, str, Any]
SocketOption = tuple[int, int, int]

# A non-blocking connect under way: Linux/macOS say EINPROGRESS, Windows WSAEWOULDBLOCK.
_IN_PROGRESS = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, 10035}


def kill(sock: socket.socket | None) -> None:
    """Shut ``sock`` down so a read or write blocked on it on another thread fails at once.

    ``socket.socket.shutdown`` reaches the descriptor itself, also under TLS; the TLS layer's
    own shutdown would race with the reader on the other thread. Closing would not wake it.
    """
    if sock is None:
        return
    with suppress(OSError, ValueError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watchdog:
    """Calls ``fire`` (on its own thread) when an armed deadline passes before it is re-armed.

    One per send or check. ``arm(seconds)`` starts a stage's deadline; once it has fired the
    connection is dead and ``expired`` stays true. ``stop()`` ends the thread.
    """

    def __init__(self, fire: Callable[[], None]) -> None:
        self._fire = fire
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._expired = False
        self._stopped = False
        self._thread: threading.Thread | None = None
        self._cap: float | None = None  # set by hurry(): no deadline from now on goes past it
        self.seconds = 0.0  # the budget of the stage armed last, for the sentence

    @property
    def expired(self) -> bool:
        return self._expired

    def arm(self, seconds: float) -> None:
        with self._cond:
            if self._expired or self._stopped:
                return
            self.seconds = seconds
            self._deadline = time.monotonic() + seconds
            if self._cap is not None:
                self._deadline = min(self._deadline, self._cap)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadline", daemon=True)
                self._thread.start()
            self._cond.notify()

    def hurry(self, seconds: float) -> None:
        """Fire within ``seconds`` at the latest, whatever this stage and the next ones allow."""
        with self._cond:
            if self._expired or self._stopped:
                return
            cap = time.monotonic() + seconds
            self._cap = cap if self._cap is None else min(self._cap, cap)
            self._deadline = self._cap if self._deadline is None else min(self._deadline, cap)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="deadline", daemon=True)
                self._thread.start()
            self._cond.notify()

    def disarm(self) -> None:
        with self._cond:
            self._deadline = None
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._deadline = None
            self._cond.notify()

    def left(self) -> float | None:
        """Seconds until the armed deadline, or None when none is armed."""
        with self._cond:
            if self._deadline is None:
                return None
            return max(self._deadline - time.monotonic(), 0.0)

    def _run(self) -> None:
        with self._cond:
            while True:
                if self._stopped:
                    return
                if self._deadline is None:
                    self._cond.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._cond.wait(left)
                    continue
                self._expired = True
                self._deadline = None
                break
        self._fire()


def ascii_name(host: str) -> str | bytes:
    """``host`` for ``getaddrinfo`` and as TLS's server name: as bytes when it is ASCII (as
    nearly every name is). Given a str, both encode it with the idna codec, and importing that
    (with stringprep) costs 4-10 ms of every send; a name that is not ASCII stays a str, for
    the codec to encode as it must."""
    return host.encode("ascii") if host.isascii() else host


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def resolve(
    host: str, port: int, timeout: float, cancel: CancelToken, stage: str = "resolve"
) -> list[AddrInfo]:
    """``getaddrinfo`` for a TCP connection, given up after ``timeout`` or on cancel.

    Raises ``TimeoutError`` when the look-up takes too long, ``Cancelled`` when stopped, and
    the look-up's own ``OSError`` (``socket.gaierror``) when it fails.
    """
    cancel.raise_if_cancelled(stage)
    if _is_address(host):  # nothing to look up, nothing to wait for
        address = ascii_name(host.strip("[]"))
        return list(socket.getaddrinfo(address, port, type=socket.SOCK_STREAM))
    found: list[AddrInfo] = []
    failed: list[OSError] = []
    done = threading.Event()

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(ascii_name(host), port, type=socket.SOCK_STREAM))
        except OSError as exc:
            failed.append(exc)
        finally:
            done.set()

    # A daemon: a look-up that hangs must not keep the program from ending.
    threading.Thread(target=look_up, name="resolve", daemon=True).start()
    remove = cancel.on_cancel(done.set)
    try:
        done.wait(timeout)
    finally:
        remove()
    cancel.raise_if_cancelled(stage)
    if failed:
        raise failed[0]
    if not found:
        raise TimeoutError(f"looking up {host} took longer than {timeout:g} s")
    return found


def connect(
    infos: Sequence[AddrInfo],
    timeout: float,
    cancel: CancelToken,
    options: Iterable[SocketOption] = (),
    stage: str = "connect",
) -> socket.socket:
    """A blocking socket connected to the first address that answers within ``timeout`` (for
    all addresses together); ``Cancelled`` the moment the user stops."""
    deadline = time.monotonic() + timeout
    options = tuple(options)
    waker, wake = socket.socketpair()
    remove = cancel.on_cancel(lambda: _poke(wake))
    error: OSError | None = None
    try:
        for family, kind, proto, _, address in infos:
            cancel.raise_if_cancelled(stage)
            left = deadline - time.monotonic()
            if left <= 0:
                break
            sock = socket.socket(family, kind, proto)
            try:
                for option in options:
                    sock.setsockopt(*option)
                _connect_one(sock, address, left, waker)
            except OSError as exc:
                sock.close()
                error = exc
                continue
            except BaseException:
                sock.close()
                raise
            if cancel.cancelled:
                sock.close()
                cancel.raise_if_cancelled(stage)
            return sock
        cancel.raise_if_cancelled(stage)
        raise error or TimeoutError(f"no connection within {timeout:g} s")
    finally:
        remove()
        waker.close()
        wake.close()


def _poke(wake: socket.socket) -> None:
    with suppress(OSError):
        wake.send(b"x")


def _connect_one(sock: socket.socket, address: Any, left: float, waker: socket.socket) -> None:
    sock.setblocking(False)
    code = sock.connect_ex(address)
    if code not in (0, *_IN_PROGRESS):
        raise OSError(code, os.strerror(code))
    if code != 0:
        with selectors.DefaultSelector() as selector:
            selector.register(sock, selectors.EVENT_WRITE)
            selector.register(waker, selectors.EVENT_READ)
            ready = {key.fileobj for key, _ in selector.select(left)}
        if waker in ready:
            raise ConnectionAbortedError(errno.ECONNABORTED, "stopped")
        if sock not in ready:
            raise TimeoutError("timed out")
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code:
            raise OSError(code, os.strerror(code))
    sock.setblocking(True)
