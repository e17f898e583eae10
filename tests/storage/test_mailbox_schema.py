"""The mailbox's versions: every stored earlier version migrates, a newer one is left alone."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from smtpeter_desktop.storage import schema
from smtpeter_desktop.storage.mailbox import Mailbox, NewerMailbox, State
from tests.storage.mailbox_helpers import new_draft, queue, stored_digest
from tests.storage.mailbox_snapshot import SNAPSHOTS


def _stored_versions() -> list[int]:
    return sorted(int(path.stem.removeprefix("v")) for path in SNAPSHOTS.glob("v*.sql"))


def _restore(version: int, path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.executescript((SNAPSHOTS / f"v{version}.sql").read_text(encoding="utf-8"))


def _tables(path: Path) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def _fresh(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.sqlite3"
    Mailbox(path).close()
    return path


def test_every_version_is_stored_for_the_migration_tests() -> None:
    # A new version needs its snapshot: python -m tests.storage.mailbox_snapshot
    assert _stored_versions() == list(range(1, schema.LATEST + 1))


@pytest.mark.parametrize("version", _stored_versions())
def test_a_mailbox_of_every_earlier_version_migrates(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    _restore(version, path)
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT id, state, draft, size FROM messages ORDER BY id").fetchall()
        assert schema.version(db) == version
    assert {State(row[1]) for row in rows} == set(State), "the snapshot misses a state"

    with Mailbox(path) as mailbox:
        assert schema.version(mailbox._db) == schema.LATEST
        assert mailbox._db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert mailbox._db.execute("PRAGMA foreign_key_check").fetchall() == []
        for id, state, draft, size in rows:
            record = mailbox.get(id)
            assert (record.state, record.draft, record.size) == (state, draft, size)
            if size is not None:
                assert stored_digest(mailbox, id)[0] == size
        # And it works as a mailbox of today's version.
        id = new_draft(mailbox)
        queue(mailbox, id, tmp_path)
        assert id > max(row[0] for row in rows)
        assert mailbox.claim(id, "1-000000000000")
    assert _tables(path) == _tables(_fresh(tmp_path))


def test_a_newer_mailbox_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NewerMailbox) as raised:
        Mailbox(path)
    assert "made by a newer SMTPeter Desktop" in raised.value.message
    assert f"its version {schema.LATEST + 1}; this one knows up to {schema.LATEST}" in str(
        raised.value
    )
    assert "left as it was" in raised.value.hint
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def _add_column(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE messages ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")


def test_migrations_run_in_order_up_to_the_newest(tmp_path: Path) -> None:
    steps = {**schema.MIGRATIONS, schema.LATEST + 1: _add_column}
    for start in (None, schema.LATEST):
        path = tmp_path / f"from-{start}.sqlite3"
        if start is not None:
            Mailbox(path).close()
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            assert schema.migrate(db, steps) == schema.LATEST + 1
            assert schema.version(db) == schema.LATEST + 1
            columns = [row[1] for row in db.execute("PRAGMA table_info(messages)")]
            assert columns[-1] == "priority"
            assert schema.migrate(db, steps) == schema.LATEST + 1


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    def broken(db: sqlite3.Connection) -> None:
        _add_column(db)
        db.execute("CREATE TABLE halfway (x)")
        raise RuntimeError("a bug in a migration")

    path = _fresh(tmp_path)
    before = _tables(path)
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        with pytest.raises(RuntimeError, match="a bug in a migration"):
            schema.migrate(db, {**schema.MIGRATIONS, schema.LATEST + 1: broken})
        assert not db.in_transaction
        assert schema.version(db) == schema.LATEST
    assert _tables(path) == before


def test_processes_opening_a_new_mailbox_at_once_make_it_once(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    barrier = threading.Barrier(4, timeout=30)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            barrier.wait()
            with Mailbox(path) as mailbox:
                new_draft(mailbox)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with Mailbox(path) as mailbox:
        assert len(mailbox.summaries([State.DRAFT])) == 4
    assert _tables(path) == _tables(_fresh(tmp_path))
