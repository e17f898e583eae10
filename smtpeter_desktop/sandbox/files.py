"""Files and folders private to the user: what the sandbox writes is for the user's eyes only.

Captured mail, its records and the CA key are made ``0600`` and their folders ``0700``,
whatever the umask, and even inside a folder that others can open. On Windows, where the
modes mean little, the files are written the same way and the modes are left to the system.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_POSIX = os.name == "posix"


def private_folder(path: Path, *, tighten: bool = True) -> None:
    """Make ``path`` and any missing parents as folders only the user can open.

    With ``tighten`` an existing ``path`` is closed to others too (its parents are never
    changed: they may be the user's own choice, such as their home folder).
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():  # a file in the way makes the mkdir below fail, untouched
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            # Made meanwhile by another thread of the sandbox: closed the same way.
        _chmod(folder, FOLDER_MODE)  # mkdir's mode is cut by the umask
    if tighten and path not in missing:
        close_to_others(path)


def close_to_others(path: Path) -> None:
    """Take group and other permissions off a file or folder the user owns."""
    if not _POSIX:
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        _chmod(path, mode & 0o700)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as a file only the user can read, all or nothing.

    The bytes go to a temporary name created with the private mode, then take the final
    name: a reader never sees half a file, and the file is never readable by others.
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(temp, flags, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as file:
            if _POSIX:
                os.fchmod(file.fileno(), FILE_MODE)  # a leftover temporary file kept its mode
            file.write(data)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _chmod(path: Path, mode: int) -> None:
    if _POSIX:
        path.chmod(mode)
