"""Process leases: which SMTPeter Desktop processes on one home are alive, told by OS file locks.

Every process that may send (the window, a command) takes a lease for its lifetime: an exclusive
lock on ``home/run/<owner>.lock``. The operating system drops the lock when the process ends, for
whatever reason, ``kill -9`` and power loss included. So a lock file whose lock can be taken belongs
to a dead process, and a message that process was sending can be said to have an unknown outcome;
a lock that cannot be taken belongs to a live process, whose sends are never touched.

Owner names are unique (process id and a random token) and never reused, so once an owner is seen
dead it stays dead. Locks are ``flock`` on POSIX (one per open file, not per process, so a process
checking its own lease sees it held) and ``msvcrt.locking`` on Windows.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path
from types import TracebackType

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import AppHomeError
from smtpeter_desktop.storage.paths import HOME_VARIABLE, private_folder, reason_of

_OWNER = re.compile(r"[0-9]+-[0-9a-f]{12}")
_SUFFIX = ".lock"
_WINDOWS = sys.platform == "win32"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_there(fd: int, path: Path) -> bool:
    """Whether *path* still names the file open as *fd* (a cleaner may have removed it)."""
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    return os.path.samestat(os.fstat(fd), on_disk)


class Lease:
    """This process's claim to be alive, held until :meth:`release` or the process's end.

    Attributes:
        owner: the name recorded with every message this process claims for sending.
        path: the lock file.
    """

    def __init__(self, owner: str, path: Path, fd: int) -> None:
        self.owner = owner
        self.path = path
        self._fd: int | None = fd

    def __repr__(self) -> str:
        state = "held" if self.held else "released"
        return f"<Lease {self.owner} {state}>"

    @property
    def held(self) -> bool:
        """Whether the lease is still held."""
        return self._fd is not None

    def release(self) -> None:
        """Give the lease up and remove its lock file. Only once nothing is being sent."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        # A cleaner may have removed it already, now that it is free.
        with contextlib.suppress(OSError):
            self.path.unlink()

    def __enter__(self) -> Lease:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


def _unwritable(path: Path, exc: OSError) -> AppHomeError:
    return AppHomeError(
        path,
        translate(
            "storage.lease",
            "SMTPeter Desktop cannot use its folder: {path} could not be written ({reason_of}).",
        ).format(path=path, reason_of=reason_of(exc)),
        translate(
            "storage.lease",
            "Free some space on the disk, or set {HOME_VARIABLE} to a folder you can write to.",
        ).format(HOME_VARIABLE=HOME_VARIABLE),
    )


class LeaseRegistry:
    """The leases of every process using one home folder.

    Attributes:
        folder: where the lock files are, ``home/run``.
    """

    def __init__(self, home: Path) -> None:
        self.folder = home / "run"

    def __repr__(self) -> str:
        return f"<LeaseRegistry {self.folder}>"

    def acquire(self) -> Lease:
        """Take a new lease for this process, after removing the lock files of dead ones.

        Raises:
            AppHomeError: the lease cannot be written (disk full, read-only, no permission);
                no lock file is left behind.
        """
        try:
            private_folder(self.folder)
        except OSError as exc:
            raise _unwritable(self.folder, exc) from exc
        self.clean()
        # A cleaner may lock and remove a new file before its owner locks it; the owner
        # then finds its file gone (or locked) and simply starts again under a new name.
        for _ in range(10):
            # os.urandom is what the secrets module draws from; importing secrets would
            # bring hmac and OpenSSL's hashes into every command (about 4 ms).
            owner = f"{os.getpid()}-{os.urandom(6).hex()}"
            path = self.folder / f"{owner}{_SUFFIX}"
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except OSError as exc:
                raise _unwritable(path, exc) from exc
            try:
                if _try_lock(fd) and _still_there(fd, path):
                    _write_all(fd, f"{os.getpid()}\n".encode("ascii"))
                    return Lease(owner, path, fd)
            except OSError as exc:
                os.close(fd)
                with contextlib.suppress(OSError):
                    path.unlink()
                raise _unwritable(path, exc) from exc
            os.close(fd)
        raise AssertionError(f"could not lock a new file in {self.folder} after 10 tries")

    def alive(self, owner: str) -> bool:
        """Whether *owner*'s process still holds its lease. Never blocks.

        An owner without a lock file is dead: its file was removed by :meth:`clean` or its
        own :meth:`Lease.release`.
        """
        if not _OWNER.fullmatch(owner):
            # Not a name acquire() makes; a name from elsewhere must not become a path.
            raise ValueError(f"not a lease owner: {owner!r}")
        try:
            fd = os.open(self.folder / f"{owner}{_SUFFIX}", os.O_RDWR)
        except FileNotFoundError:
            return False
        try:
            if not _try_lock(fd):
                return True
            _unlock(fd)
            return False
        finally:
            os.close(fd)

    def clean(self) -> list[str]:
        """Remove the lock files of dead processes; return their owners."""
        removed: list[str] = []
        try:
            paths = sorted(self.folder.glob(f"*{_SUFFIX}"))
        except OSError:
            return removed
        for path in paths:
            owner = path.name.removesuffix(_SUFFIX)
            if not _OWNER.fullmatch(owner):
                continue
            try:
                fd = os.open(path, os.O_RDWR)
            except OSError:
                continue
            dead = False
            try:
                dead = _try_lock(fd)
                if dead and not _WINDOWS:
                    # Removed while locked: a process that has just created this file and
                    # not yet locked it then sees it gone, and takes another (see acquire).
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                if dead:
                    _unlock(fd)
            finally:
                os.close(fd)
            if dead and _WINDOWS:
                # Windows removes no open file, so the same new file is safe from this.
                with contextlib.suppress(OSError):
                    path.unlink()
            if dead and not path.exists():
                removed.append(owner)
        return removed
