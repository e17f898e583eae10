"""The mailbox's lists read with sqlite3 alone: what ``outbox`` and ``sent`` print.

Listing the outbox must feel as quick as any small tool, so these reads need neither the
``Mailbox`` class nor its objects (dataclasses, enum and pathlib cost about 30 ms of a 13 ms
Python start). :func:`open_current` opens the mailbox only when nothing needs doing first:
it is there, ours, at this version, and no message is being sent or was cut off while being
sent (``sending``: its process may have died, and ``AppContext.recover`` decides that). Else
it returns None and the caller opens the app's data the full way, which creates, upgrades,
recovers, or says what is wrong. ``Mailbox.summaries`` and ``Jobs.waiting_rows`` read with
these same queries.
"""

# os.path, not pathlib (about 9 ms): the path stays text.
# ruff: noqa: PTH113
from __future__ import annotations

import contextlib
import os
import sqlite3

from smtpeter_desktop.storage import schema

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection, Iterator
    from typing import Any

    from smtpeter_desktop.storage.mailbox import DamagedMailbox

    Row = tuple[Any, ...]

MAILBOX_FILE = "mailbox.sqlite3"
"""The mailbox's file in the app home."""
BUSY_TIMEOUT = 10.0
"""Seconds a write waits for another process's write before giving up."""

OUTBOX = ("queued", "sending", "failed", "unknown")
"""The states the outbox lists."""

SUMMARY_COLUMNS = (
    "id, state, profile_id, subject, recipients, created, updated,"
    " not_before, retry_at, attempts, size, error, sent_at, delivery"
)
"""What a list shows of a message (``mailbox.Summary``'s fields, in order)."""


def connect(path: str) -> sqlite3.Connection:
    """A connection to the existing database at ``path``; never makes one."""
    # mode=rw: a mailbox removed meanwhile is not made again here, empty and not private.
    uri = "file:" + path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return sqlite3.connect(f"{uri}?mode=rw", uri=True, timeout=BUSY_TIMEOUT)


def open_current(path: str) -> sqlite3.Connection | None:
    """A connection to the mailbox at ``path`` when it can be read as it is; else None."""
    if not os.path.isfile(path):
        return None
    try:
        db = connect(path)
    except sqlite3.Error:
        return None
    try:
        found = db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version),"
            " (SELECT group_concat(name, char(10)) FROM sqlite_master),"
            " EXISTS (SELECT 1 FROM messages WHERE state = 'sending')"
        ).fetchone()
    except sqlite3.Error:  # not a database, damaged, or without its tables
        found = None
    if (
        found is None
        or found[:2] != (schema.APPLICATION_ID, schema.LATEST)
        or not set((found[2] or "").split("\n")) >= schema.TABLES
        or found[3]
    ):
        db.close()
        return None
    return db


def summaries(db: sqlite3.Connection, states: Collection[str], *, extra: str = "") -> list[Row]:
    """The rows of the messages in ``states``, newest first (by when sent, else when last
    changed): ``SUMMARY_COLUMNS``, then the columns named in ``extra`` (", receipt")."""
    marks = ", ".join("?" * len(states))
    return db.execute(
        # Only placeholders and the callers' constant column names are formatted in.
        f"SELECT {SUMMARY_COLUMNS}{extra} FROM messages WHERE state IN ({marks})"  # noqa: S608
        " ORDER BY coalesce(sent_at, updated) DESC, id DESC",
        list(states),
    ).fetchall()


def unfinished_merges(db: sqlite3.Connection) -> list[Row]:
    """The merges not over, oldest first: id, state, name, total, rows still to go."""
    return db.execute(
        "SELECT id, state, name, total, (SELECT count(*) FROM job_rows JOIN messages"
        " ON messages.id = job_rows.message_id WHERE job_rows.job_id = jobs.id"
        " AND messages.state IN ('queued', 'sending'))"
        " FROM jobs WHERE state IN ('queueing', 'running', 'paused') ORDER BY id"
    ).fetchall()


def waiting_rows(db: sqlite3.Connection) -> set[int]:
    """Message ids of the queued and sending rows of merges that are not over."""
    rows = db.execute(
        "SELECT job_rows.message_id FROM job_rows JOIN jobs ON jobs.id ="
        " job_rows.job_id JOIN messages ON messages.id = job_rows.message_id"
        " WHERE jobs.state IN ('queueing', 'running', 'paused')"
        " AND messages.state IN ('queued', 'sending')"
    ).fetchall()
    return {int(row[0]) for row in rows}


@contextlib.contextmanager
def said(path: str) -> Iterator[None]:
    """A failure of these reads (busy, damaged, a full disk) said as ``Mailbox`` says it."""
    try:
        yield
    except sqlite3.Error:
        # Only on a failure: the Mailbox module and its pathlib cost about 30 ms.
        from pathlib import Path

        from smtpeter_desktop.storage.mailbox import translated

        with translated(Path(path)):
            raise


def damaged(id: int, what: str) -> DamagedMailbox:
    """The error for a stored text of message ``id`` (its ``what``) that cannot be read."""
    from smtpeter_desktop.storage.mailbox import damaged_text  # only on a failure, see said()

    return damaged_text(id, what)
