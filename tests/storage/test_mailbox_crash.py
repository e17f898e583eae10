"""Crashes and races with real processes: ``kill -9`` at random moments, claims from many processes.

After every kill the database must open cleanly, pass SQLite's integrity check, and hold each
message as it was last committed: a draft as last reported saved (or the save under way when the
kill came, complete), a queued message with every byte or still a draft, never anything between.
Run with ``-s`` to see what each kill found.
"""

from __future__ import annotations

import collections
import random
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from smtpeter_desktop.storage import schema
from smtpeter_desktop.storage.lease import LeaseRegistry
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.storage.mailbox_helpers import (
    child,
    draft_text,
    kill,
    line,
    new_draft,
    queue,
    stored_digest,
    write_message,
)

DRAFT_KILLS = 30
QUEUE_KILLS = 16
BIG = 20 * 1024 * 1024


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            kill(process)


def _healthy(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def _kill_at_random(process: subprocess.Popen[str], rng: random.Random, most: float) -> list[str]:
    # Not a wait for anything: this picks the instant of the kill.
    time.sleep(rng.uniform(0, most))
    return kill(process)


@pytest.mark.slow
def test_a_kill_while_saving_drafts_loses_no_saved_draft(
    tmp_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    found: collections.Counter[str] = collections.Counter()
    for round in range(DRAFT_KILLS):
        path = tmp_path / f"round-{round}.sqlite3"
        process = child("drafts", str(path), str(seed + round))
        children.append(process)
        assert line(process.stdout) == "start"
        # Some kills come while the mailbox is still being made, most while saving.
        saved = 0
        for _ in range(rng.choice([0, 1, *range(2, 40, 3)])):
            saved = int(line(process.stdout))
        reports = _kill_at_random(process, rng, 0.01)
        saved = int(reports[-1]) if reports else saved

        with closing(sqlite3.connect(path)) as db:
            version = schema.version(db)
        with Mailbox(path) as mailbox:
            drafts = mailbox.summaries([State.DRAFT])
            text = mailbox.get(drafts[0].id).draft if drafts else None
        _healthy(path)
        context = f"seed {seed}, round {round}: last reported save {saved}"
        assert len(drafts) <= 1, context
        if saved == 0 and text is None:
            found["before the first save" if version else "before the tables were made"] += 1
        elif text == draft_text(seed + round, saved):
            found["the last reported save"] += 1
        else:
            assert text == draft_text(seed + round, saved + 1), context
            found["the save after it, committed but not yet reported"] += 1
    print(f"\ndraft kills (seed {seed}): {DRAFT_KILLS} kill points, found {dict(found)}")


@pytest.mark.slow
def test_a_kill_while_queueing_20_mb_leaves_a_draft_or_every_byte(
    tmp_path: Path, children: list[subprocess.Popen[str]]
) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    path = tmp_path / "mailbox.sqlite3"
    message = tmp_path / "big.eml"
    digest = write_message(message, BIG, seed=seed)
    with Mailbox(path) as mailbox:
        id = new_draft(mailbox)
    found: collections.Counter[tuple[str, State]] = collections.Counter()
    for round in range(QUEUE_KILLS):
        process = child("queue", str(path), str(id), str(message))
        children.append(process)
        assert line(process.stdout) == "start"
        reports = _kill_at_random(process, rng, 0.5)
        last = reports[-1] if reports else "start"

        _healthy(path)
        with Mailbox(path) as mailbox:
            record = mailbox.get(id)
            context = f"seed {seed}, round {round}: last report {last!r}, found {record.state}"
            if record.state is State.QUEUED:
                assert record.size == BIG, context
                assert stored_digest(mailbox, id) == (BIG, digest), context
                mailbox.unqueue(id)
            else:
                assert record.state is State.DRAFT, context
                assert record.size is None, context
                assert mailbox._db.execute("SELECT count(*) FROM bodies").fetchone() == (0,)
        found[(last, record.state)] += 1
    # "after 'queueing': draft" is a kill during the 20 MB write (a tenth of a second or
    # more, against microseconds before it), rolled back when the mailbox was opened again.
    print(
        f"\nqueue kills (seed {seed}): {QUEUE_KILLS} kill points, found "
        + ", ".join(f"after {last!r}: {state} x{n}" for (last, state), n in sorted(found.items()))
    )


def test_of_four_processes_one_claims_and_a_killed_claimer_leaves_it_unknown(
    tmp_path: Path, isolated_home: Path, children: list[subprocess.Popen[str]]
) -> None:
    path = tmp_path / "mailbox.sqlite3"
    with Mailbox(path) as mailbox:
        id = new_draft(mailbox)
        queue(mailbox, id, tmp_path)
    processes = [child("claim", str(path), str(isolated_home), str(id)) for _ in range(4)]
    children.extend(processes)
    owners = {}
    for process in processes:
        assert line(process.stdout) == "start"
        ready, owner = line(process.stdout).split()
        assert ready == "ready"
        owners[owner] = process
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = {owner: line(process.stdout) for owner, process in owners.items()}
    assert sorted(results.values()) == ["lost", "lost", "lost", "won"]
    (winner,) = (owner for owner, result in results.items() if result == "won")

    registry = LeaseRegistry(isolated_home)
    with Mailbox(path) as mailbox:
        assert mailbox._db.execute("SELECT owner FROM messages").fetchone() == (winner,)
        # The winner is alive and sending: its message is not touched.
        assert mailbox.recover(registry) == []
        assert mailbox.get(id).state is State.SENDING
        kill(owners[winner])
        assert mailbox.recover(registry) == [id]
        assert mailbox.get(id).state is State.UNKNOWN
        assert mailbox.due() == []
    for owner, process in owners.items():
        if owner != winner:
            process.communicate("", timeout=30)
            assert process.returncode == 0
    assert registry.clean() == [winner]
