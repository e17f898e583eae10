"""Helpers for the mailbox tests: a clock the tests move, message files, messages in any state."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO

from smtpeter_desktop.storage.mailbox import Mailbox, State

ROOT = Path(__file__).resolve().parents[2]
START = 1_700_000_000.0


class Clock:
    """The mailbox's time, moved by the test instead of waited for."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def draft_text(seed: int, version: int) -> str:
    """A draft's JSON text, different in content and size for every version (up to ~200 KB).

    Sizes cross SQLite's page and overflow boundaries, so a torn write would show.
    """
    rng = random.Random(seed * 1_000_003 + version)
    body = rng.choice("abcdefghijklmnopqrstuvwxyzäöü€ ") * rng.randrange(0, 200_000)
    return json.dumps({"version": version, "subject": f"Draft {version}", "body": body})


def write_message(path: Path, size: int, seed: int = 0) -> str:
    """Write *size* pseudo-random bytes to *path* a MiB at a time; return their SHA-256."""
    rng = random.Random(seed)
    digest = hashlib.sha256()
    with path.open("wb") as out:
        left = size
        while left:
            chunk = rng.randbytes(min(left, 1 << 20))
            digest.update(chunk)
            out.write(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def stored_digest(mailbox: Mailbox, id: int) -> tuple[int, str]:
    """The stored bytes of message *id*: their count and SHA-256, read a chunk at a time."""
    digest = hashlib.sha256()
    count = 0
    with mailbox.message(id).open() as stream:
        while chunk := stream.read(1 << 16):
            digest.update(chunk)
            count += len(chunk)
    return count, digest.hexdigest()


def new_draft(mailbox: Mailbox, text: str = '{"body": "Hello"}', subject: str = "Hello") -> int:
    return mailbox.save_draft(
        text, profile_id="sandbox", subject=subject, recipients="ann@example.org"
    )


def queue(mailbox: Mailbox, id: int, folder: Path, size: int = 2_000, **kwargs: float) -> str:
    """Queue draft *id* with a built message of *size* bytes; return the bytes' SHA-256."""
    path = folder / f"message-{id}.eml"
    digest = write_message(path, size, seed=id)
    mailbox.queue(
        id,
        path,
        envelope='{"sender": "me@example.org", "recipients": ["ann@example.org"]}',
        options='{"tracking": true}',
        transport='{"kind": "rest"}',
        **kwargs,
    )
    path.unlink()
    return digest


def to_state(mailbox: Mailbox, state: State, folder: Path, owner: str) -> int:
    """A new message driven through the mailbox's own changes to *state*."""
    id = new_draft(mailbox, subject=f"In state {state}")
    if state is State.DRAFT:
        return id
    queue(mailbox, id, folder)
    if state is State.QUEUED:
        return id
    assert mailbox.claim(id, owner)
    if state is State.SENT:
        mailbox.mark_sent(id, '{"id": "abc"}')
    elif state is State.FAILED:
        mailbox.mark_failed(id, '{"kind": "rejected"}')
    elif state is State.UNKNOWN:
        mailbox.mark_unknown(id, '{"kind": "timeout"}')
    return id


def child(*args: str) -> subprocess.Popen[str]:
    """Start ``tests/storage/mailbox_child.py`` with *args*, talking over pipes."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.mailbox_child", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def line(stream: IO[str] | None) -> str:
    """The child's next report; a child that died early fails the test here."""
    assert stream is not None
    text = stream.readline()
    assert text, "the child process ended without reporting"
    return text.strip()


def kill(process: subprocess.Popen[str]) -> list[str]:
    """``kill -9`` *process*; return the reports it wrote before it died."""
    os.kill(process.pid, signal.SIGKILL)
    assert process.stdout is not None
    # Read through the same buffered stream as line(): communicate() would skip what it
    # has already buffered.
    rest = process.stdout.read()
    process.stdout.close()
    if process.stdin is not None:
        process.stdin.close()
    assert process.wait(timeout=30) == -signal.SIGKILL
    return rest.splitlines()
