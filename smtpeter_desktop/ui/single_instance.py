"""One app per mailbox: a second start hands its arguments to the first, which comes forward.

The first process takes a lock file in the home folder and listens on a local socket whose
name is derived from the user and the home folder; a later process finds the lock taken,
connects, sends ``activate`` with its arguments, waits for the answer and exits 0::

    instance = SingleInstance(APP_ID, home)
    if not instance.claim(sys.argv[1:]):
        return 0  # the running window was asked to come forward
    instance.activation_requested.connect(window.bring_forward)

The lock (``QLockFile``, which knows a dead owner by its process id) decides who is first, so
two double-clicks in the same instant cannot both win; the socket only carries the message.
A socket file left by a crashed process is removed before listening (``removeServer``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCryptographicHash, QDeadlineTimer, QLockFile, QObject, QThread, Signal

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    # QtNetwork is imported where a socket is made: the first process listens only after its
    # window is on screen, so the import stays off the way to the first frame.
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

# A message is one line of JSON; anything longer is not from us.
_MAX_MESSAGE = 64 * 1024
_ANSWER = b"ok\n"


class InstanceError(Exception):
    """Another process holds this mailbox but does not answer; the text says what to do."""


def server_name(app_id: str, home: Path) -> str:
    """The local socket's name: the same for one user and home folder, different otherwise."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    key = f"{user}\0{home.resolve()}".encode()
    digest = QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256)
    # Short: a Unix socket path has room for about 100 bytes, the temp folder included.
    return f"{app_id}-{bytes(digest.toHex().data()).decode()[:16]}"


class SingleInstance(QObject):
    """The guard that keeps a second process off a mailbox the first already has open.

    Keep it for the whole run: deleting it lets go of the mailbox.

    Signals:
        activation_requested(list): a later start asked this process to come forward;
            the argument is the list of command-line arguments (strings) it passed on.

    Attributes:
        name: the local socket's name (see :func:`server_name`).
    """

    activation_requested = Signal(list)

    def __init__(self, app_id: str, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(app_id, home)
        home.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(home / "instance.lock"))
        # The lock is held for the whole run: never let its age make it look stale.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def claim(
        self, argv: Sequence[str] = (), timeout_ms: int = 5000, *, listen_later: bool = False
    ) -> bool:
        """True when this process is the first and now listens; False when it handed over.

        On False the running process has received ``argv`` and the caller should exit 0.
        Raises :class:`InstanceError` when the other process holds the lock but does not answer
        within ``timeout_ms``. With ``listen_later`` the first process calls :meth:`listen`
        itself, once its window shows; a later start waits for it meanwhile.
        """
        if self._lock.tryLock(0):
            if not listen_later:
                self.listen()
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            raise InstanceError(
                translate(
                    "SingleInstance",
                    "Cannot create the lock file {path}: check that the "
                    "app's folder exists and that you may write to it.",
                ).format(path=repr(self._lock.fileName()))
            )
        self._hand_over(list(argv), QDeadlineTimer(timeout_ms))
        return False

    def close(self) -> None:
        """Stop listening and let go of the mailbox (also done when the object is deleted)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.unlock()

    def listen(self) -> None:
        """Answer later starts (``claim`` does this unless told to leave it for later)."""
        from PySide6.QtNetwork import QLocalServer

        # We own the lock, so a socket file under our name is a crashed owner's leftover.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            self._lock.unlock()
            raise InstanceError(
                translate(
                    "SingleInstance", "Cannot listen for later starts of the app ({reason})."
                ).format(reason=server.errorString())
            )
        server.newConnection.connect(self._accept)
        self._server = server

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_MESSAGE:
                socket.abort()
            return
        argv = _parse(bytes(socket.readLine(_MAX_MESSAGE).data()))
        if argv is None:
            socket.abort()
            return
        socket.write(_ANSWER)
        socket.flush()
        socket.disconnectFromServer()
        self.activation_requested.emit(argv)

    def _hand_over(self, argv: list[str], deadline: QDeadlineTimer) -> None:
        import json

        from PySide6.QtNetwork import QLocalSocket

        message = json.dumps({"command": "activate", "argv": argv}).encode() + b"\n"
        socket = QLocalSocket()
        try:
            while True:
                socket.connectToServer(self.name)
                if socket.waitForConnected(_left(deadline)):
                    break
                if deadline.hasExpired():
                    raise self._no_answer()
                # The first process may hold the lock and not yet listen (it listens once its
                # window is on screen, a fraction of a second): wait a little and try again.
                QThread.msleep(20)
            socket.write(message)
            if not socket.waitForBytesWritten(_left(deadline)):
                raise self._no_answer()
            while not socket.canReadLine():
                if not socket.waitForReadyRead(_left(deadline)):
                    raise self._no_answer()
            if bytes(socket.readLine().data()) != _ANSWER:
                raise self._no_answer()
        finally:
            socket.abort()

    def _no_answer(self) -> InstanceError:
        return InstanceError(
            translate(
                "SingleInstance",
                "SMTPeter Desktop is already running on this mailbox but does not answer. "
                "Close it (or end its process) and start the app again.",
            )
        )


def _left(deadline: QDeadlineTimer) -> int:
    return max(0, deadline.remainingTime())


def _parse(line: bytes) -> list[str] | None:
    """The arguments in an ``activate`` message, or None when it is not one."""
    import json

    try:
        message = json.loads(line)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("command") != "activate":
        return None
    argv = message.get("argv", [])
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return None
    return argv
