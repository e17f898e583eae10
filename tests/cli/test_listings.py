"""``outbox`` and ``sent`` read the mailbox quickly when they can, and the full way when it
needs something first: made, upgraded, or a send cut off recovered."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from smtpeter_desktop.storage import schema
from tests.cli.conftest import Cli
from tests.storage.mailbox_snapshot import SNAPSHOTS


def test_an_old_mailbox_with_a_send_cut_off_is_upgraded_recovered_and_listed(
    cli: Cli, isolated_home: Path
) -> None:
    path = isolated_home / "mailbox.sqlite3"
    with closing(sqlite3.connect(path)) as db:  # version 3, a message in every state
        db.executescript((SNAPSHOTS / "v3.sql").read_text(encoding="utf-8"))
    first = cli("outbox")  # the full way: upgraded, and message 3's dead send recovered
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0].startswith("    3  unknown ")
    assert "may or may not have gone out" in lines[1]
    assert [line.split()[0] for line in lines if not line.startswith(" " * 6)] == [
        "3", "8", "7", "6", "5", "2",
    ]  # fmt: skip
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    second = cli("outbox")  # the quick way now: the same list
    assert (second.returncode, second.stdout) == (0, first.stdout)
    assert cli("outbox", "list").stdout == first.stdout
    sent = cli("sent")  # its receipt is the snapshot's stand-in: said, not a traceback
    assert sent.returncode == 2
    assert "In state sent" in sent.stdout
    assert "receipt stored with message 4 cannot be read" in sent.stderr


def test_a_first_run_lists_an_empty_outbox_and_nothing_sent(cli: Cli, isolated_home: Path) -> None:
    assert cli("outbox").stdout == "The outbox is empty.\n"
    assert (isolated_home / "mailbox.sqlite3").exists()  # made the full way
    assert cli("outbox").stdout == "The outbox is empty.\n"
    assert cli("sent").stdout == "Nothing sent yet.\n"


def test_a_file_that_is_not_a_mailbox_is_named_and_left_alone(
    cli: Cli, isolated_home: Path
) -> None:
    path = isolated_home / "mailbox.sqlite3"
    path.write_bytes(b"my notes, not a database" * 50)
    for command in ("outbox", "sent"):
        done = cli(command)
        assert done.returncode == 2
        assert "is not a mailbox" in done.stderr
        assert "Traceback" not in done.stderr
    assert path.read_bytes() == b"my notes, not a database" * 50
