"""A TCP proxy on loopback that makes a fast local server look far away or slow.

Each direction of each connection gets its own delay (latency added to every chunk, without
lowering throughput: chunks are timestamped on arrival and released ``delay`` later) and an
optional rate limit in bytes per second. Used by the crash tests (a slow server) and the
benchmarks (25 ms each way); there are no kernel tools (tc, netem) on the machines we run on.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from collections.abc import Iterator

_CHUNK = 64 * 1024
_END = b""


class _Pipe:
    """One direction: read from ``source``, write to ``target`` after the delay, at the rate."""

    def __init__(
        self, source: socket.socket, target: socket.socket, delay: float, rate: float | None
    ) -> None:
        self.source, self.target = source, target
        self.delay, self.rate = delay, rate
        self.chunks: queue.Queue[tuple[float, bytes]] = queue.Queue()
        self.threads = [
            threading.Thread(target=self._read, daemon=True),
            threading.Thread(target=self._write, daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def _read(self) -> None:
        try:
            while data := self.source.recv(_CHUNK):
                self.chunks.put((time.monotonic() + self.delay, data))
        except OSError:
            pass
        self.chunks.put((time.monotonic() + self.delay, _END))

    def _write(self) -> None:
        sent_at = time.monotonic()
        try:
            while True:
                due, data = self.chunks.get()
                if (wait := due - time.monotonic()) > 0:
                    time.sleep(wait)
                if not data:
                    self.target.shutdown(socket.SHUT_WR)
                    return
                if self.rate:
                    sent_at = max(sent_at, time.monotonic()) + len(data) / self.rate
                    if (wait := sent_at - time.monotonic()) > 0:
                        time.sleep(wait)
                self.target.sendall(data)
        except OSError:
            with contextlib.suppress(OSError):
                self.source.shutdown(socket.SHUT_RDWR)


class Proxy:
    """Listens on 127.0.0.1:``port`` and forwards every connection to ``target``.

    Attributes:
        port: where clients connect.
        delay: seconds added to each direction.
        rate: bytes per second from client to server (None: as fast as it goes).
    """

    def __init__(
        self, target: tuple[str, int], *, delay: float = 0.0, rate: float | None = None
    ) -> None:
        self.target = target
        self.delay = delay
        self.rate = rate
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._pipes: list[_Pipe] = []
        self._lock = threading.Lock()
        self._closed = False
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                if self._closed:
                    client.close()
                    server.close()
                    return
                self._sockets += [client, server]
                self._pipes.append(_Pipe(client, server, self.delay, self.rate))
                self._pipes.append(_Pipe(server, client, self.delay, None))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            sockets, self._sockets = self._sockets, []
            pipes, self._pipes = self._pipes, []
        self._listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for pipe in pipes:
            pipe.chunks.put((0.0, _END))
            for thread in pipe.threads:
                thread.join(timeout=5)
        for sock in sockets:
            sock.close()
        self._acceptor.join(timeout=5)


@contextlib.contextmanager
def proxy(
    target: tuple[str, int], *, delay: float = 0.0, rate: float | None = None
) -> Iterator[Proxy]:
    running = Proxy(target, delay=delay, rate=rate)
    try:
        yield running
    finally:
        running.close()
