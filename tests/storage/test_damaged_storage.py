"""A damaged disk or data, as the person meets it: a sentence, exit code 2, the file untouched.

Another program's database at the mailbox's path, a dropped table, a receipt that is not the
JSON this app wrote, a read-only home, and a disk that fills up while a message is spooled or
the lease is written. The disks are real (tests/helpers/disks.py).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from smtpeter_desktop.delivery.context import MAILBOX_FILE
from smtpeter_desktop.storage import paths
from smtpeter_desktop.storage.mailbox import (
    DamagedMailbox,
    Mailbox,
    MailboxUnavailable,
    NewerMailbox,
    NotAMailbox,
    State,
)
from tests.helpers import disks
from tests.storage.mailbox_helpers import new_draft, queue, to_state


def _cli(
    *args: str,
    home: Path | None = None,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env[paths.HOME_VARIABLE] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "smtpeter_desktop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        # Only a signal and a resource limit, both safe between fork and exec.
        preexec_fn=preexec,
    )


def _said(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 2, one or two lines of words, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _foreign(path: Path, user_version: int = 0) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('someone else''s data')")
        db.execute(f"PRAGMA user_version = {user_version:d}")
        db.commit()


@pytest.mark.parametrize("user_version", [0, 1, 99])
def test_another_programs_database_is_never_touched(isolated_home: Path, user_version: int) -> None:
    path = isolated_home / MAILBOX_FILE
    _foreign(path, user_version)
    before = _snapshot(path)
    with pytest.raises(NotAMailbox) as info:
        Mailbox(path)
    assert not isinstance(info.value, NewerMailbox)
    assert "another program" in info.value.message and "Move the file aside" in info.value.hint
    _said(_cli("outbox"), "is not a mailbox of SMTPeter Desktop", str(path))
    assert _snapshot(path) == before, "not switched to WAL, not migrated, not touched"
    assert not path.with_name(MAILBOX_FILE + "-wal").exists()


def test_a_file_that_is_no_database_is_never_touched(isolated_home: Path) -> None:
    path = isolated_home / MAILBOX_FILE
    path.write_bytes(b"Dear diary,\n" * 500)
    before = _snapshot(path)
    _said(_cli("outbox"), "is not a mailbox", "not a database")
    assert _snapshot(path) == before


def test_a_mailbox_of_version_1_is_ours_and_gets_its_mark(isolated_home: Path) -> None:
    from smtpeter_desktop.storage import schema

    path = isolated_home / MAILBOX_FILE
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        schema.migrate(db, {1: schema.MIGRATIONS[1]})
        assert int(db.execute("PRAGMA application_id").fetchone()[0]) == 0
    with Mailbox(path) as mailbox:
        assert int(mailbox._db.execute("PRAGMA application_id").fetchone()[0]) == (
            schema.APPLICATION_ID
        )


def test_a_dropped_table_is_named_and_nothing_is_written(
    isolated_home: Path, tmp_path: Path
) -> None:
    path = isolated_home / MAILBOX_FILE
    with Mailbox(path) as mailbox:
        queue(mailbox, new_draft(mailbox), tmp_path)
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TABLE bodies")
        db.commit()
    before = _snapshot(path)
    with pytest.raises(DamagedMailbox, match="table bodies is missing"):
        Mailbox(path)
    _said(_cli("outbox"), "is damaged", "table bodies is missing")
    assert _snapshot(path) == before


def test_a_table_dropped_while_the_mailbox_is_open(isolated_home: Path, tmp_path: Path) -> None:
    path = isolated_home / MAILBOX_FILE
    with Mailbox(path) as mailbox:
        id = new_draft(mailbox)
        queue(mailbox, id, tmp_path)
        with closing(sqlite3.connect(path)) as db:
            db.execute("DROP TABLE bodies")
            db.commit()
        with pytest.raises(DamagedMailbox, match="no such table: bodies"):
            mailbox.message(id).open()
        with pytest.raises(DamagedMailbox):
            mailbox.unqueue(id)  # its bytes go with it: from the table that is gone
        assert mailbox.get(id).state is State.QUEUED, "the failed change changed nothing"


def test_a_receipt_that_is_not_ours_is_a_sentence(isolated_home: Path, tmp_path: Path) -> None:
    path = isolated_home / MAILBOX_FILE
    with Mailbox(path) as mailbox:
        id = to_state(mailbox, State.SENT, tmp_path, "1-000000000000")
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE messages SET receipt = '{\"transport\": ' WHERE id = ?", (id,))
        db.commit()
    before = _snapshot(path)
    _said(_cli("sent"), f"The receipt stored with message {id} cannot be read")
    assert _snapshot(path) == before


# The disk ----------------------------------------------------------------------------------


def test_a_read_only_home_is_a_sentence(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    assert _cli("profiles", "list", home=home).returncode == 0  # a home with data in it
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    with disks.read_only(home):
        result = _cli("outbox", home=home)
        listed = sorted(home.rglob("*"))
    expected = "read-only" if disks.ROOT else "permission denied"
    _said(result, "could not be written", expected, paths.HOME_VARIABLE)
    assert len(result.stderr.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before
    assert listed == sorted(home.rglob("*"))


def _full_home_with_a_message(tmp_path: Path, home: Path) -> tuple[Path, Path]:
    """A home with its profiles and mailbox, and a letter with a 600 KB attachment."""
    assert _cli("profiles", "list", home=home).returncode == 0
    letter = tmp_path / "letter.md"
    letter.write_text("# Hello\n\nThe numbers.\n", encoding="utf-8")
    big = tmp_path / "numbers.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(600_000))
    return letter, big


def _send(
    home: Path, letter: Path, big: Path, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return _cli(
        "send", "--profile", "Sandbox", "--to", "bob@example.org", "--subject", "Numbers",
        "--markdown", str(letter), "--attach", str(big), home=home, preexec=preexec,
    )  # fmt: skip


def _drafts(home: Path) -> list[str]:
    with Mailbox(home / MAILBOX_FILE) as mailbox:
        return [s.subject for s in mailbox.summaries([State.DRAFT])]


def test_a_disk_that_fills_up_while_the_message_is_spooled(tmp_path: Path) -> None:
    with disks.small_disk(tmp_path / "disk", "1m") as home:
        letter, big = _full_home_with_a_message(tmp_path, home)
        disks.fill(home, leave=200_000)
        result = _send(home, letter, big)
        _said(result, "could not be prepared for sending", "the disk is full", "kept as a draft")
        assert _drafts(home) == ["Numbers"], "what was typed is kept"
        assert list((home / "spool").rglob("*.eml")) == [], "no half-written spool file"


def test_a_file_size_limit_while_the_message_is_spooled(tmp_path: Path) -> None:
    # Where no file system can be mounted: the kernel refuses the write past RLIMIT_FSIZE
    # (EFBIG), a real failure of the same write the full disk fails.
    home = tmp_path / "home"
    letter, big = _full_home_with_a_message(tmp_path, home)
    result = _send(home, letter, big, preexec=disks.file_size_limit(300_000))
    assert isinstance(result, subprocess.CompletedProcess)
    _said(result, "could not be prepared for sending", "largest size", "kept as a draft")
    assert _drafts(home) == ["Numbers"]
    assert list((home / "spool").rglob("*.eml")) == []


def test_a_full_disk_when_the_lease_is_written(tmp_path: Path) -> None:
    with disks.small_disk(tmp_path / "disk", "1m") as home:
        assert _cli("outbox", home=home).returncode == 0
        mailbox = _snapshot(home / MAILBOX_FILE)
        disks.fill(home, leave=0)
        result = _cli("outbox", home=home)
        _said(result, "could not be written", "the disk is full")
        assert list((home / "run").iterdir()) == [], "no lock file left behind"
        assert _snapshot(home / MAILBOX_FILE) == mailbox


def test_a_file_size_limit_when_the_lease_is_written(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _cli("outbox", home=home).returncode == 0
    result = _cli("outbox", home=home, preexec=disks.file_size_limit(0))
    _said(result, "could not be written", "largest size")
    assert list((home / "run").iterdir()) == []


def test_mailbox_unavailable_is_a_storage_error() -> None:
    from smtpeter_desktop.storage.errors import StorageError

    assert issubclass(NotAMailbox, MailboxUnavailable)
    assert issubclass(DamagedMailbox, StorageError)
