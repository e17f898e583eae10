"""Where the app keeps its files, private to the user, and how a file is replaced without ever
being half-written.

Everything the app writes is the user's alone, whatever the umask: folders 0700, files 0600 (on
POSIX). A folder or file of the app's that others can read (made by an older version, or by a
0755 home created elsewhere) is tightened when the app next uses it.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from contextlib import suppress
from pathlib import Path

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import AppHomeError, SaveError

HOME_VARIABLE = "SMTPETER_DESKTOP_HOME"
# The same slug as smtpeter_desktop.APP_SLUG; storage may not import the package's root.
_SLUG = "smtpeter-desktop"
_POSIX = sys.platform != "win32"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def app_home_path() -> Path:
    """Where :func:`app_home` is, without creating it (the language is read from there before
    a command runs, and ``--help`` must not create folders)."""
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
    return path


def app_home() -> Path:
    """The folder everything lives in, created on demand, private to the user (0700 on POSIX).

    ``SMTPETER_DESKTOP_HOME`` when set, else the platform's application-data folder. It is
    the app's own: an existing one that others may read is tightened to 0700.
    """
    path = app_home_path()
    try:
        private_folder(path)
    except FileExistsError as exc:
        raise AppHomeError(
            path,
            translate("storage.paths", "The app folder {path} exists but is not a folder.").format(
                path=path
            ),
            translate(
                "storage.paths", "Move that file away, or set {HOME_VARIABLE} to another folder."
            ).format(HOME_VARIABLE=HOME_VARIABLE),
        ) from exc
    except OSError as exc:
        raise AppHomeError(
            path,
            translate("storage.paths", "The app folder {path} cannot be created: {value}.").format(
                path=path, value=exc.strerror or exc
            ),
            translate(
                "storage.paths",
                "Set {HOME_VARIABLE} to a folder you can write to, or fix the permissions.",
            ).format(HOME_VARIABLE=HOME_VARIABLE),
        ) from exc
    return path


def private_folder(path: Path) -> Path:
    """Make ``path`` (and any missing parent) a folder only its owner may use: 0700.

    An existing folder that others may read or enter is tightened: the app calls this only
    for its own folders. Raises OSError (FileExistsError when a file is in the way).
    """
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made by another process meanwhile
        # mkdir's mode passes through the umask; the umask may not make it looser, but a
        # strange one (0o700) would leave the folder unusable.
        if _POSIX:
            folder.chmod(PRIVATE_FOLDER)
    tighten(path, PRIVATE_FOLDER)
    return path


def tighten(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Take away what others may do with an existing file or folder of the app's; nothing
    when it is private already, is missing, or is not the user's to change (POSIX only)."""
    if not _POSIX:
        return
    try:
        current = stat.S_IMODE(path.lstat().st_mode)
        if stat.S_ISLNK(path.lstat().st_mode) or not current & 0o077:
            return
        path.chmod(current & mode)
    except OSError:
        # Not ours to change (another user's file) or gone: what opens it says what is wrong.
        return


def atomic_write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` (text as UTF-8) so that a crash leaves old or new, never half.

    The data goes to a temporary file in the same folder, is flushed to disk, and takes the
    target's place with ``os.replace``; on POSIX the folder is flushed too, so the rename
    itself survives a power cut. The file is private to the user: a new one is 0600, and
    an existing one keeps only its owner's permissions (0644 becomes 0600). A symbolic link
    is followed, so the file it points at is replaced.

    Raises:
        SaveError: the file could not be written (disk full, no permission...); the previous
            version is intact and no temporary file is left behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode) & PRIVATE_FOLDER
    except FileNotFoundError:
        mode = PRIVATE_FILE
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
        if _POSIX:
            # mkstemp's 0600 passes through the umask; the mode is set exactly.
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


def reason_of(exc: OSError) -> str:
    """Why a write failed, in a person's words: "the disk is full", "permission denied"..."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file grew past the largest size allowed here (a disk or account limit)"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def spool_error(path: Path, exc: OSError) -> SaveError:
    """The error for a message that could not be built into its spool file ``path``."""
    return SaveError(
        path,
        translate(
            "storage.paths",
            "The message could not be prepared for sending in {parent}: {reason_of}.",
        ).format(parent=path.parent, reason_of=reason_of(exc)),
        translate(
            "storage.paths",
            "Nothing was sent and the message is kept as a draft; free some space "
            "(or set {HOME_VARIABLE} to a folder on a writable disk) and send it "
            "again.",
        ).format(HOME_VARIABLE=HOME_VARIABLE),
    )


def _save_error(path: Path, exc: OSError) -> SaveError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return SaveError(
            path,
            translate("storage.paths", "{path} could not be saved: the disk is full.").format(
                path=path
            ),
            translate(
                "storage.paths",
                "Free some space and try again; the previous version of the file is intact.",
            ),
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return SaveError(
            path,
            translate("storage.paths", "{path} could not be saved: permission denied.").format(
                path=path
            ),
            translate(
                "storage.paths",
                "Check who owns the file and its folder; the previous version is intact.",
            ),
        )
    if exc.errno == errno.EROFS:
        return SaveError(
            path,
            translate("storage.paths", "{path} could not be saved: the disk is read-only.").format(
                path=path
            ),
            translate(
                "storage.paths", "Set {HOME_VARIABLE} to a folder on a writable disk."
            ).format(HOME_VARIABLE=HOME_VARIABLE),
        )
    return SaveError(
        path,
        translate("storage.paths", "{path} could not be saved: {value}.").format(
            path=path, value=exc.strerror or exc
        ),
        translate("storage.paths", "The previous version of the file is intact."),
    )
