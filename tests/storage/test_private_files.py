"""Everything the app writes is the user's alone: 0700 folders, 0600 files, whatever the umask.

A real start in a home that exists already with mode 0755 (as a home made by hand, or by an
older version, is), under the common umask 022: the mailbox with its -wal and -shm files,
profiles, settings, the lease, the spool folder and the log files.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.storage import paths, settings
from tests.helpers.accounts import draft_for, sandbox_profile

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _loose(home: Path) -> list[str]:
    """Every file or folder under ``home`` that someone else may read, write or enter."""
    found = []
    for path in (home, *home.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = paths.PRIVATE_FOLDER if path.is_dir() else paths.PRIVATE_FILE
        if mode & 0o077 or (path.is_dir() and mode != wanted):
            found.append(f"{path.relative_to(home)} {mode:o}")
    return found


def test_a_0755_home_and_everything_in_it_become_private(
    isolated_home: Path, umask_022: None
) -> None:
    isolated_home.chmod(0o755)
    # Left by an older version: readable by everyone.
    (isolated_home / settings.FILE_NAME).write_text("", encoding="utf-8")
    (isolated_home / settings.FILE_NAME).chmod(0o644)
    assert paths.app_home() == isolated_home
    context = AppContext.open(isolated_home)
    try:
        context.settings.save()
        with context.postman() as postman:
            postman.queue(draft_for(sandbox_profile(context)))
            assert (isolated_home / "mailbox.sqlite3-wal").exists(), "checked while open"
            assert (isolated_home / "mailbox.sqlite3-shm").exists()
            assert (isolated_home / "spool").is_dir()
            assert list((isolated_home / "run").glob("*.lock")), "the lease is there"
            assert _loose(isolated_home) == []
    finally:
        context.close()
    assert _loose(isolated_home) == []


def test_the_log_files_are_private_after_rotating_too(isolated_home: Path, umask_022: None) -> None:
    from smtpeter_desktop.ui import crash

    folder = crash.log_folder(isolated_home)
    folder.mkdir(mode=0o755)
    (folder / f"{crash.LOG_FILE}.1").write_text("old\n", encoding="utf-8")
    (folder / f"{crash.LOG_FILE}.1").chmod(0o644)
    handler = crash.start_logging(folder)
    try:
        logging.getLogger("test").warning("one line")
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("test").warning("another line")
    finally:
        crash.stop_logging(handler)
    assert sorted(p.name for p in folder.iterdir()) == [
        crash.LOG_FILE,
        f"{crash.LOG_FILE}.1",
        f"{crash.LOG_FILE}.2",
    ]
    assert _loose(folder) == []


def test_an_existing_mailbox_of_an_older_version_becomes_private(
    isolated_home: Path, umask_022: None
) -> None:
    from smtpeter_desktop.storage.mailbox import Mailbox

    path = isolated_home / "mailbox.sqlite3"
    Mailbox(path).close()
    path.chmod(0o644)
    with Mailbox(path) as mailbox:
        mailbox.save_draft("{}", profile_id="p", subject="s", recipients="r")
        files = sorted(isolated_home.glob("mailbox.sqlite3*"))
        assert [p.name for p in files] == [
            "mailbox.sqlite3",
            "mailbox.sqlite3-shm",
            "mailbox.sqlite3-wal",
        ]
        assert [stat.S_IMODE(p.stat().st_mode) for p in files] == [0o600] * 3
