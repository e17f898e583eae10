"""The listings' quick reads open the mailbox only when nothing needs doing to it first."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from smtpeter_desktop.delivery import context
from smtpeter_desktop.storage import reading
from smtpeter_desktop.storage.mailbox import DamagedMailbox, Mailbox, MailboxBusy, State
from tests.storage.mailbox_helpers import new_draft, queue
from tests.storage.mailbox_snapshot import SNAPSHOTS


def _restore(version: int, path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.executescript((SNAPSHOTS / f"v{version}.sql").read_text(encoding="utf-8"))


def test_the_file_name_is_the_app_context_s() -> None:
    assert reading.MAILBOX_FILE == context.MAILBOX_FILE


def test_a_current_mailbox_is_read_as_the_mailbox_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "mailbox.sqlite3"
    with Mailbox(path) as mailbox:
        for subject in ("one", "two"):
            queue(mailbox, new_draft(mailbox, subject=subject), tmp_path)
        summaries = mailbox.summaries([State.QUEUED])
    db = reading.open_current(str(path))
    assert db is not None
    with closing(db):
        rows = reading.summaries(db, ["queued"])
    assert [(row[0], row[1], row[3]) for row in rows] == [
        (s.id, s.state.value, s.subject) for s in summaries
    ]


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (text TEXT)")


def _older(path: Path) -> None:
    _restore(2, path)


def _sending(path: Path) -> None:
    # A send under way, or cut off: AppContext.recover tells which, so the full way is taken.
    with Mailbox(path) as mailbox:
        id = new_draft(mailbox)
        queue(mailbox, id, path.parent)
        assert mailbox.claim(id, "1-0123456789ab")


def _table_dropped(path: Path) -> None:
    Mailbox(path).close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TABLE bodies")


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"not a database at all" * 100)


@pytest.mark.parametrize(
    "make", [None, _foreign, _older, _sending, _table_dropped, _not_a_database]
)
def test_anything_to_do_first_leaves_it_to_the_full_way(make: object, tmp_path: Path) -> None:
    path = tmp_path / "mailbox.sqlite3"
    if callable(make):
        make(path)
    before = path.read_bytes() if path.exists() else None
    assert reading.open_current(str(path)) is None
    assert (path.read_bytes() if path.exists() else None) == before  # nothing written


def test_a_failed_read_is_said_as_the_mailbox_says_it(tmp_path: Path) -> None:
    path = tmp_path / "mailbox.sqlite3"
    Mailbox(path).close()
    db = reading.open_current(str(path))
    assert db is not None
    with closing(db), pytest.raises(DamagedMailbox, match="is damaged"), reading.said(str(path)):
        db.execute("DROP TABLE job_rows")
        reading.waiting_rows(db)
    with Mailbox(path) as writer, writer._write():  # holds the write lock
        busy = reading.connect(str(path))
        busy.execute("PRAGMA busy_timeout = 10")
        with closing(busy), pytest.raises(MailboxBusy), reading.said(str(path)):
            busy.execute("BEGIN IMMEDIATE")
