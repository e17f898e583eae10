"""Mail merge jobs in the mailbox: one job, one outbox message per row of its list.

A job's life::

    create -> QUEUEING --start--> RUNNING <--pause/resume--> PAUSED
                 |                   |--finish (no row left to send)--> DONE
                 +-------------------+--cancel--> CANCELLED (its unsent rows FAILED, "cancelled")

    A job with an UNKNOWN row is not DONE: the person decides, then the job goes on.

Each row is an ordinary message of the mailbox (its own Message-ID, its exact bytes), linked
to the job by its row number and address. It moves through the mailbox's states like any
message, claimed before it is sent, so the rules that keep a single message from going twice
keep each row from going twice: a row whose process died is UNKNOWN until a person decides.
``(job, row number)`` is unique, so queueing that stopped half-way (a crash) resumes after
the last row stored and never queues a row twice. The outbox's own sending
(``Mailbox.due``) leaves a job's rows alone: the job's runner sends them at its pace.

``Jobs`` works on a ``Mailbox``'s connection (one thread's), in its transactions.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterator, Sequence
from typing import Any, Final

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import reading
from smtpeter_desktop.storage.mailbox import Mailbox, MailboxError, NotFound, State, translated

_PAGE: Final = 500  # rows read at a time: a 100,000-row job is never all in memory


class JobState(enum.StrEnum):
    """Where a merge job is in its life."""

    QUEUEING = "queueing"
    RUNNING = "running"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    DONE = "done"


UNFINISHED: Final = (JobState.QUEUEING, JobState.RUNNING, JobState.PAUSED)


class JobStateError(MailboxError):
    """The job's state does not allow the change asked for; nothing changed."""


@dataclasses.dataclass(frozen=True)
class Job:
    """A merge job.

    Attributes:
        id: never reused.
        state: where it is in its life.
        profile_id: the profile its rows are sent with.
        name: for lists: the subject as written and the list's file name.
        fingerprint: what identifies the same merge run again (list, message, profile).
        settings: the caller's JSON text (the message, the list, the pace...), unparsed.
        total: rows in the list (known once queued).
        created, updated: seconds since the epoch.
    """

    id: int
    state: JobState
    profile_id: str
    name: str
    fingerprint: str
    settings: str
    total: int
    created: float
    updated: float


@dataclasses.dataclass(frozen=True)
class NewRow:
    """A row to queue: its message, built, and what the outbox shows of it."""

    row_number: int
    address: str
    draft_json: str
    subject: str
    recipients: str
    content: bytes
    envelope: str
    options: str
    transport: str


@dataclasses.dataclass(frozen=True)
class JobRow:
    """A queued row and where its message is."""

    row_number: int
    address: str
    message_id: int
    state: State
    error: str | None
    receipt: str | None


@dataclasses.dataclass(frozen=True)
class Counts:
    """How many of a job's rows are in each state."""

    queued: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.queued + self.sending + self.sent + self.failed + self.unknown

    @property
    def open(self) -> int:
        """Rows that may still be sent."""
        return self.queued + self.sending


_JOB_COLUMNS: Final = "id, state, profile_id, name, fingerprint, settings, total, created, updated"


def _job(row: Any) -> Job:
    return Job(row[0], JobState(row[1]), *row[2:])


class Jobs:
    """The merge jobs of one mailbox, on that mailbox's connection."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox
        # The mailbox's own connection and transactions: a row's message and its link to
        # the job are written in one transaction, never one without the other.
        self._db = mailbox._db
        self._write = mailbox._write
        self._clock = mailbox._clock

    def create(
        self, *, profile_id: str, name: str, fingerprint: str, settings: str, total: int = 0
    ) -> int:
        """A new job, QUEUEING; its id."""
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO jobs (state, profile_id, name, fingerprint, settings, total,"
                " created, updated) VALUES ('queueing', ?, ?, ?, ?, ?, ?, ?)",
                (profile_id, name, fingerprint, settings, total, now, now),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def add_rows(self, job_id: int, rows: Sequence[NewRow]) -> list[int]:
        """Queue rows of a QUEUEING job, in one transaction; their message ids.

        A row number the job has already raises ``JobStateError`` and adds nothing.
        """
        now = self._clock()
        ids: list[int] = []
        with self._write() as db:
            self._require(db, job_id, (JobState.QUEUEING,), "given rows")
            for row in rows:
                known = db.execute(
                    "SELECT 1 FROM job_rows WHERE job_id = ? AND row_number = ?",
                    (job_id, row.row_number),
                ).fetchone()
                if known is not None:
                    raise JobStateError(
                        translate(
                            "storage.jobs", "Row {row_number} of merge {job_id} is queued already."
                        ).format(row_number=row.row_number, job_id=job_id),
                        translate("storage.jobs", "Nothing was added: a row is queued once."),
                    )
                cursor = db.execute(
                    "INSERT INTO messages (state, profile_id, subject, recipients, created,"
                    " updated, size, draft, envelope, options, transport)"
                    " SELECT 'queued', profile_id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM jobs"
                    " WHERE id = ?",
                    (
                        row.subject,
                        row.recipients,
                        now,
                        now,
                        len(row.content),
                        row.draft_json,
                        row.envelope,
                        row.options,
                        row.transport,
                        job_id,
                    ),
                )
                message_id = cursor.lastrowid
                assert message_id is not None
                db.execute(
                    "INSERT INTO bodies (message_id, bytes) VALUES (?, ?)",
                    (message_id, row.content),
                )
                db.execute(
                    "INSERT INTO job_rows (message_id, job_id, row_number, address)"
                    " VALUES (?, ?, ?, ?)",
                    (message_id, job_id, row.row_number, row.address),
                )
                ids.append(message_id)
            db.execute("UPDATE jobs SET updated = ? WHERE id = ?", (now, job_id))
        return ids

    def set_settings(self, job_id: int, settings: str) -> None:
        """Keep the caller's settings again (a pace changed before a resume)."""
        with self._write() as db:
            self._require(db, job_id, UNFINISHED, "changed")
            db.execute(
                "UPDATE jobs SET settings = ?, updated = ? WHERE id = ?",
                (settings, self._clock(), job_id),
            )

    def last_row(self, job_id: int) -> int:
        """The highest row number queued (0 for none): queueing resumes after it."""
        with translated(self.mailbox.path):
            row = self._db.execute(
                "SELECT max(row_number) FROM job_rows WHERE job_id = ?", (job_id,)
            ).fetchone()
        return int(row[0] or 0)

    # States ------------------------------------------------------------------------------

    def start(self, job_id: int, total: int) -> None:
        """Every row is queued: the job may send."""
        self._move(job_id, (JobState.QUEUEING,), JobState.RUNNING, "started", total=total)

    def pause(self, job_id: int) -> None:
        """Stop after the row being sent; ``resume`` goes on."""
        self._move(job_id, (JobState.RUNNING,), JobState.PAUSED, "paused")

    def resume(self, job_id: int) -> None:
        self._move(job_id, (JobState.PAUSED,), JobState.RUNNING, "resumed")

    def finish(self, job_id: int) -> bool:
        """DONE when no row is left to send and none is UNKNOWN; whether it is done now.

        A row whose outcome is unknown keeps the job open: once a person decides to send it
        again, it is queued, and only the job's runner sends a job's rows.
        """
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "UPDATE jobs SET state = 'done', updated = ? WHERE id = ? AND state = 'running'"
                " AND NOT EXISTS (SELECT 1 FROM job_rows JOIN messages ON messages.id ="
                " job_rows.message_id WHERE job_rows.job_id = jobs.id AND messages.state IN"
                " ('queued', 'sending', 'unknown'))",
                (now, job_id),
            )
            return cursor.rowcount == 1

    def cancel(self, job_id: int, error_json: str) -> int:
        """Cancel the job: its rows not sent yet become FAILED with ``error_json``; how many.

        A row being sent at this moment finishes as it will (its own outcome is kept).
        """
        now = self._clock()
        with self._write() as db:
            self._require(db, job_id, UNFINISHED, "cancelled")
            cursor = db.execute(
                "UPDATE messages SET state = 'failed', error = ?, updated = ?"
                " WHERE state = 'queued' AND id IN"
                " (SELECT message_id FROM job_rows WHERE job_id = ?)",
                (error_json, now, job_id),
            )
            db.execute(
                "UPDATE jobs SET state = 'cancelled', updated = ? WHERE id = ?", (now, job_id)
            )
            return cursor.rowcount

    def _move(
        self,
        job_id: int,
        sources: Sequence[JobState],
        target: JobState,
        action: str,
        *,
        total: int | None = None,
    ) -> None:
        now = self._clock()
        with self._write() as db:
            self._require(db, job_id, sources, action)
            db.execute(
                "UPDATE jobs SET state = ?, total = coalesce(?, total), updated = ? WHERE id = ?",
                (str(target), total, now, job_id),
            )

    def _require(self, db: Any, job_id: int, states: Sequence[JobState], action: str) -> None:
        row = db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise NotFound(
                f"There is no merge {job_id} in the mailbox.",
                "It may have been deleted, perhaps from another window.",
            )
        if JobState(row[0]) not in states:
            raise JobStateError(
                translate(
                    "storage.jobs", "Merge {job_id} cannot be {action} now: it is {value}."
                ).format(job_id=job_id, action=action, value=row[0]),
                translate("storage.jobs", "Look at the merge's state first."),
            )

    # Reading -----------------------------------------------------------------------------

    def get(self, job_id: int) -> Job:
        with translated(self.mailbox.path):
            row = self._db.execute(
                f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?",  # noqa: S608 (constant columns)
                (job_id,),
            ).fetchone()
        if row is None:
            raise NotFound(
                f"There is no merge {job_id} in the mailbox.",
                "It may have been deleted, perhaps from another window.",
            )
        return _job(row)

    def find(self, fingerprint: str) -> list[Job]:
        """The jobs of this fingerprint, newest first."""
        with translated(self.mailbox.path):
            rows = self._db.execute(
                f"SELECT {_JOB_COLUMNS} FROM jobs WHERE fingerprint = ?"  # noqa: S608
                " ORDER BY id DESC",
                (fingerprint,),
            ).fetchall()
        return [_job(row) for row in rows]

    def unfinished(self) -> list[Job]:
        """Jobs found queueing, running or paused (at start: to resume), oldest first."""
        with translated(self.mailbox.path):
            rows = self._db.execute(
                f"SELECT {_JOB_COLUMNS} FROM jobs"  # noqa: S608
                " WHERE state IN ('queueing', 'running', 'paused') ORDER BY id"
            ).fetchall()
        return [_job(row) for row in rows]

    def next_due(self, job_id: int, now: float | None = None, *, after: int = 0) -> int | None:
        """The message id of the job's first queued row that is due, by row number, among
        the rows after row ``after``."""
        at = self._clock() if now is None else now
        with translated(self.mailbox.path):
            row = self._db.execute(
                "SELECT messages.id FROM job_rows JOIN messages ON messages.id ="
                " job_rows.message_id WHERE job_rows.job_id = ? AND messages.state = 'queued'"
                " AND coalesce(messages.not_before, 0) <= ? AND coalesce(messages.retry_at, 0)"
                " <= ? AND job_rows.row_number > ? ORDER BY job_rows.row_number LIMIT 1",
                (job_id, at, at, after),
            ).fetchone()
        return None if row is None else int(row[0])

    def job_of(self, message_id: int) -> tuple[int, int] | None:
        """The job and row number of a message (for Sent to group a merge's rows)."""
        with translated(self.mailbox.path):
            row = self._db.execute(
                "SELECT job_id, row_number FROM job_rows WHERE message_id = ?", (message_id,)
            ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def row_of(self, message_id: int) -> int:
        """The row number of a job's message (0 when it is not a job's)."""
        with translated(self.mailbox.path):
            row = self._db.execute(
                "SELECT row_number FROM job_rows WHERE message_id = ?", (message_id,)
            ).fetchone()
        return 0 if row is None else int(row[0])

    def waiting_rows(self) -> set[int]:
        """Message ids of the queued and sending rows of jobs that are not over."""
        with translated(self.mailbox.path):
            return reading.waiting_rows(self._db)

    def next_retry(self, job_id: int) -> float | None:
        """When the job's earliest row waiting to be tried again is due (None: none waits)."""
        with translated(self.mailbox.path):
            row = self._db.execute(
                "SELECT min(max(coalesce(messages.not_before, 0), coalesce(messages.retry_at,"
                " 0))) FROM job_rows JOIN messages ON messages.id = job_rows.message_id"
                " WHERE job_rows.job_id = ? AND messages.state = 'queued'",
                (job_id,),
            ).fetchone()
        return None if row[0] is None else float(row[0])

    def counts(self, job_id: int) -> Counts:
        """How many rows are in each state."""
        with translated(self.mailbox.path):
            rows = self._db.execute(
                "SELECT messages.state, count(*) FROM job_rows JOIN messages ON messages.id ="
                " job_rows.message_id WHERE job_rows.job_id = ? GROUP BY messages.state",
                (job_id,),
            ).fetchall()
        found = {State(state): count for state, count in rows}
        return Counts(
            queued=found.get(State.QUEUED, 0),
            sending=found.get(State.SENDING, 0),
            sent=found.get(State.SENT, 0),
            failed=found.get(State.FAILED, 0) + found.get(State.DRAFT, 0),
            unknown=found.get(State.UNKNOWN, 0),
        )

    def rows(self, job_id: int) -> Iterator[JobRow]:
        """The job's rows by row number, read a page at a time."""
        after = 0
        while True:
            with translated(self.mailbox.path):
                page = self._db.execute(
                    "SELECT job_rows.row_number, job_rows.address, messages.id,"
                    " messages.state, messages.error, messages.receipt FROM job_rows"
                    " JOIN messages ON messages.id = job_rows.message_id"
                    " WHERE job_rows.job_id = ? AND job_rows.row_number > ?"
                    " ORDER BY job_rows.row_number LIMIT ?",
                    (job_id, after, _PAGE),
                ).fetchall()
            for number, address, message_id, state, error, receipt in page:
                yield JobRow(number, address, message_id, State(state), error, receipt)
            if len(page) < _PAGE:
                return
            after = page[-1][0]
