"""Freeze the mailbox's current tables, with a message in every state, as a SQL file for the tests.

Run ``python -m tests.storage.mailbox_snapshot`` once, right after adding a schema version (see
``smtpeter_desktop/storage/schema.py``); it writes ``mailbox_schemas/vN.sql``, which the tests then
migrate to the newest version forever after. It never overwrites an earlier version's file.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from smtpeter_desktop.storage import schema
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.storage.mailbox_helpers import Clock, queue, to_state

SNAPSHOTS = Path(__file__).resolve().parent / "mailbox_schemas"
# A lease owner that no process holds: the snapshot's SENDING message belongs to a dead one.
DEAD_OWNER = "1-000000000000"


def build(path: Path, folder: Path) -> None:
    """Make a mailbox at *path* holding a message in every state, with every column used."""
    clock = Clock()
    with Mailbox(path, clock=clock) as mailbox:
        for state in State:
            clock.advance(1)
            to_state(mailbox, state, folder, DEAD_OWNER)
        sent = mailbox.summaries([State.SENT])[0].id
        mailbox.store_events(sent, '[{"event": "delivery", "data": {}}]', "delivered")
        later = mailbox.save_draft(
            '{"body": "later"}', profile_id="work", subject="Later", recipients="bob@example.org"
        )
        queue(mailbox, later, folder, size=300, not_before=clock.now + 3600)
        retried = to_state(mailbox, State.SENDING, folder, DEAD_OWNER)
        mailbox.mark_retry(retried, '{"kind": "busy"}', clock.now + 30)
        mailbox.save_template("Monthly report", '{"subject": "Report", "body": "# Report"}')


def dump(path: Path) -> str:
    """The whole database as SQL, with its version."""
    with closing(sqlite3.connect(path)) as db:
        version = schema.version(db)
        application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
        lines = [
            f"-- A mailbox of schema version {version}, from tests/storage/mailbox_snapshot.py.",
            "-- Frozen: the tests migrate it to the newest version. Do not edit or regenerate.",
            *db.iterdump(),
            *([f"PRAGMA application_id = {application_id};"] if application_id else []),
            f"PRAGMA user_version = {version};",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    target = SNAPSHOTS / f"v{schema.LATEST}.sql"
    if target.exists():
        print(f"{target} exists already; versions once stored are never regenerated.")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mailbox.sqlite3"
        build(path, Path(folder))
        SNAPSHOTS.mkdir(exist_ok=True)
        target.write_text(dump(path), encoding="utf-8")
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
