"""Where the app keeps its files, and how a file is replaced without ever being half-written."""

from __future__ import annotations

import errno
import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

from smtpeter_desktop.storage.errors import AppHomeError, SaveError

HOME_VARIABLE = "SMTPETER_DESKTOP_HOME"
# The same slug as smtpeter_desktop.APP_SLUG; storage may not import the package's root.
_SLUG = "smtpeter-desktop"
_POSIX = sys.platform != "win32"


def app_home() -> Path:
    """The folder everything lives in, created on demand (private to the user on POSIX).

    ``SMTPETER_DESKTOP_HOME`` when set, else the platform's application-data folder. An
    existing folder's permissions are left as the user set them.
    """
    configured = os.environ.get(HOME_VARIABLE, "")
    if configured:
        path = Path(configured).expanduser()
    elif sys.platform.startswith(("linux", "freebsd", "openbsd")):
        # What platformdirs answers here (the XDG base directory spec), without its import:
        # 4.6 ms on the way to the window's first frame.
        data = os.environ.get("XDG_DATA_HOME", "").strip()
        base = Path(data) if data and Path(data).is_absolute() else Path.home() / ".local/share"
        path = base / _SLUG
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(_SLUG, appauthor=False))
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise AppHomeError(
            path,
            f"The app folder {path} exists but is not a folder.",
            f"Move that file away, or set {HOME_VARIABLE} to another folder.",
        ) from exc
    except OSError as exc:
        raise AppHomeError(
            path,
            f"The app folder {path} cannot be created: {exc.strerror or exc}.",
            f"Set {HOME_VARIABLE} to a folder you can write to, or fix the permissions.",
        ) from exc
    return path


def atomic_write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` (text as UTF-8) so that a crash leaves old or new, never half.

    The data goes to a temporary file in the same folder, is flushed to disk, and takes the
    target's place with ``os.replace``; on POSIX the folder is flushed too, so the rename
    itself survives a power cut. The target keeps its permissions; a new file is private
    to the user (0600). A symbolic link is followed, so the file it points at is replaced.

    Raises:
        SaveError: the file could not be written (disk full, no permission...); the previous
            version is intact and no temporary file is left behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o600
    except OSError as exc:
        raise _save_error(target, exc) from exc
    temporary: Path | None = None
    try:
        # mkstemp makes the file 0600, so the data is never readable by others meanwhile.
        import tempfile  # here: the window's first frame needs app_home, not this

        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        if mode != 0o600:
            temporary.chmod(mode)
        temporary.replace(target)
        temporary = None
    except OSError as exc:
        raise _save_error(target, exc) from exc
    finally:
        if temporary is not None:
            with suppress(OSError):
                temporary.unlink()
    if _POSIX:
        # The new file is in place either way; some file systems cannot flush a folder.
        with suppress(OSError):
            _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _save_error(path: Path, exc: OSError) -> SaveError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return SaveError(
            path,
            f"{path} could not be saved: the disk is full.",
            "Free some space and try again; the previous version of the file is intact.",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return SaveError(
            path,
            f"{path} could not be saved: permission denied.",
            "Check who owns the file and its folder; the previous version is intact.",
        )
    if exc.errno == errno.EROFS:
        return SaveError(
            path,
            f"{path} could not be saved: the disk is read-only.",
            f"Set {HOME_VARIABLE} to a folder on a writable disk.",
        )
    return SaveError(
        path,
        f"{path} could not be saved: {exc.strerror or exc}.",
        "The previous version of the file is intact.",
    )
