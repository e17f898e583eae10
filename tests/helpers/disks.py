"""Real failing disks for tests: a tiny full file system, and a read-only one.

Both are real mounts (a ``tmpfs`` of a few hundred KB, a read-only bind mount), which needs root
with the right to mount (a container as root usually has it). Where that right is missing,
the tests fall back to what an ordinary user has, which fails the same system calls for real:
``RLIMIT_FSIZE`` in the child process (``write`` fails with EFBIG instead of ENOSPC) and a
folder without write permission (EACCES instead of EROFS; root ignores permissions, so
for root only the mount works, and the test is skipped when mounting is not allowed).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0


def _mount(*args: str) -> bool:
    mount = shutil.which("mount")
    if mount is None:
        return False
    result = subprocess.run([mount, *args], capture_output=True, text=True, timeout=30)
    return result.returncode == 0


def _unmount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30, check=False)


@contextmanager
def small_disk(path: Path, size: str = "512k") -> Iterator[Path]:
    """A real file system of ``size`` mounted on ``path`` (made here); skips where none can be."""
    path.mkdir(parents=True, exist_ok=True)
    if not ROOT or not _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)):
        pytest.skip("mounting a small tmpfs needs root with the right to mount")
    try:
        yield path
    finally:
        _unmount(path)


def fill(disk: Path, leave: int = 0) -> None:
    """Fill ``disk`` up, leaving about ``leave`` bytes free."""
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    with (disk / "filler").open("wb") as file:
        try:
            file.write(b"\0" * max(free - leave, 0))
            file.flush()
        except OSError:
            pass  # full already: what was wanted


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a folder) made read-only for real: a read-only bind mount as root, else its
    permissions (which bind every user but root)."""
    if ROOT:
        if not _mount("--bind", str(path), str(path)):
            pytest.skip("a read-only bind mount needs root with the right to mount")
        try:
            if not _mount("-o", "remount,ro,bind", str(path)):
                pytest.skip("remounting read-only is not allowed here")
            yield path
        finally:
            _unmount(path)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555)
        try:
            yield path
        finally:
            path.chmod(mode)


def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` that limits the child's files to ``limit`` bytes (writes past it fail
    with EFBIG) and lets it live on when it tries (SIGXFSZ would kill it)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply
