"""A mail merge sent: a job in the mailbox, one message per row, at a pace, resumable.

    runner = MergeRunner(postman)
    job = runner.prepare(plan)        # checks every row, then queues them: nothing sent yet
    runner.run(job, pace=Pace(60), progress=print, stop=token)
    runner.write_results(job, plan, Path("results.csv"))

The rules:

- nothing is queued until every row checks, unless the person chose to skip bad rows;
- each row is its own message, built once when queued (its own Message-ID, To with its own
  name, rendered here so the preview is what leaves), and sent by ``Postman.send``, which
  claims it first: a row is never sent twice, one whose process died is UNKNOWN until a
  person decides;
- the same list with the same message and profile is the same job: running it again resumes
  the job (after a quit or a crash) instead of starting another; a finished one is refused;
- over REST, one call per row. SMTPeter's ``recipients`` + data form would send many rows in
  one call, but SMTPeter would then fill the placeholders with its own interpreter (so the
  preview would no longer be what leaves), every row would share one Message-ID-less build,
  and one timeout would leave a whole batch's outcome unknown at once, where one call per
  row puts at most one row in doubt.

``stop`` (between rows) pauses the job; ``pause``/``resume``/``cancel`` may come from
another thread (``JobControl``) or process through the mailbox, and are seen before the
next row.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from smtpeter_desktop.compose import mime
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.mergelist import read_rows
from smtpeter_desktop.compose.mergeresults import ResultsWriter, earlier_state
from smtpeter_desktop.delivery.merge import CheckReport, MergePlan, MergeSetup
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result
from smtpeter_desktop.delivery.pace import Pace
from smtpeter_desktop.delivery.postman import Postman, recipients_summary
from smtpeter_desktop.storage.jobs import UNFINISHED, Counts, Job, JobRow, Jobs, JobState, NewRow
from smtpeter_desktop.storage.mailbox import Mailbox, State
from smtpeter_desktop.transport.base import CancelToken, Receipt

log = logging.getLogger(__name__)

BATCH_ROWS = 100
BATCH_BYTES = 16 * 1024 * 1024
"""Rows are queued in transactions of at most this many rows or bytes."""

# Failures of the account or the way to it, not of one row: the next row would meet them too.
_ACCOUNT_KINDS = (
    ErrorKind.AUTH,
    ErrorKind.TLS,
    ErrorKind.CONFIG,
    ErrorKind.SETUP,
    ErrorKind.CONNECTION,
    ErrorKind.BUSY,
)
# Counting every row's state after every send costs a pass over the job: a long list would
# be quadratic. The counts are kept by hand and read again every so many rows.
_RECOUNT = 100
_QUEUED_AS = re.compile(r"queued as (\S+)", re.IGNORECASE)


class MergeError(ComposeError):
    """A merge that cannot start: its rows have problems, or it was sent already."""


@dataclasses.dataclass(frozen=True)
class Progress:
    """Where a running job is.

    Attributes:
        job: the job's id.
        total: rows in the job.
        counts: rows per state.
        last: the outcome of the row just sent, when one was.
        row: that row's number.
    """

    job: int
    total: int
    counts: Counts
    last: Outcome | None = None
    row: int = 0
    stopped_by: ErrorInfo | None = None

    @property
    def done(self) -> int:
        return self.counts.sent + self.counts.failed + self.counts.unknown

    def text(self) -> str:
        """``312 of 1,200, 2 failed``."""
        words = f"{self.done:,} of {self.total:,}"
        if self.counts.failed:
            words += f", {self.counts.failed:,} failed"
        if self.counts.unknown:
            words += f", {self.counts.unknown:,} unknown"
        return words


ProgressCallback = Callable[[Progress], None]


def cancelled_merge(job: int) -> ErrorInfo:
    return ErrorInfo(
        ErrorKind.CANCELLED,
        f"Not sent: merge {job} was cancelled.",
        "Feed the results file back in to send the rows that did not go.",
    )


class MergeRunner:
    """Queues and sends merge jobs through one Postman (one thread's).

    Attributes:
        postman: sends each row; its mailbox holds the jobs.
        jobs: the mailbox's merge jobs.
    """

    def __init__(
        self,
        postman: Postman,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.postman = postman
        self.jobs = Jobs(postman.mailbox)
        self._clock = clock
        self._sleep = sleep

    # Before sending ----------------------------------------------------------------------

    def prepare(
        self, plan: MergePlan, *, again: bool = False, report: CheckReport | None = None
    ) -> int:
        """The job for ``plan``: an unfinished one of the same merge, else a new one with
        every row that checks queued. Nothing is sent here.

        Raises ``MergeError`` when a row has a problem (and bad rows are not skipped), when
        no row is left to send, or when the same merge was finished before (unless
        ``again``). ``report`` is ``plan.check_all()`` when the caller has it already.
        """
        profile_id = plan.setup.draft.profile
        fingerprint = plan.fingerprint(profile_id)
        for job in self.jobs.find(fingerprint):
            if job.state in (JobState.QUEUEING, JobState.RUNNING, JobState.PAUSED):
                log.info("Resuming merge %d (%s)", job.id, job.state)
                if job.state is JobState.QUEUEING:
                    self._queue_rows(job.id, plan)
                elif job.state is JobState.PAUSED:
                    self.jobs.resume(job.id)
                return job.id
            if not again:
                # Done or cancelled: some rows went. Starting afresh would send them twice.
                counts = self.jobs.counts(job.id)
                raise MergeError(
                    f"This list was merged with this message before (merge {job.id}, "
                    f"{job.state}: {counts.sent:,} sent, {counts.failed:,} failed).",
                    "Feed its results file back in to send only the rows that did not go.",
                )
        report = report or plan.check_all()
        if report.bad and not plan.setup.skip_bad_rows:
            shown = "\n".join(report.problems[:20])
            more = report.bad - min(report.bad, 20)
            tail = f"\n…and {more:,} more rows with problems." if more > 0 else ""
            raise MergeError(
                f"Nothing was sent: {report.bad:,} of {report.rows:,} rows have problems.\n"
                f"{shown}{tail}",
                "Correct the list or the message, or choose to skip the rows with problems.",
            )
        if report.good == 0:
            raise MergeError(
                f"Nothing to send: {report.summary()}.",
                "Choose a list with rows that are not sent yet.",
            )
        name = f"{plan.setup.draft.subject} — {plan.setup.list_path.name}"
        job_id = self.jobs.create(
            profile_id=profile_id,
            name=name,
            fingerprint=fingerprint,
            settings=plan.setup.to_json(),
        )
        self._queue_rows(job_id, plan)
        return job_id

    def _queue_rows(self, job: int, plan: MergePlan) -> None:
        """Queue the good rows after the last one stored; then the job may run."""
        after = self.jobs.last_row(job)
        profile = self.postman.profiles.get(plan.setup.draft.profile)
        batch: list[NewRow] = []
        size = 0
        for result in plan.check():
            if result.row.number <= after or not result.ok or result.draft is None:
                continue
            content, built = mime.build_bytes(result.draft)
            batch.append(
                NewRow(
                    row_number=result.row.number,
                    address=result.address,
                    draft_json=result.draft.to_json(),
                    subject=result.draft.subject,
                    recipients=recipients_summary(result.draft),
                    content=content,
                    envelope=json.dumps(built.envelope.to_dict()),
                    options=json.dumps(result.draft.options.to_dict()),
                    transport=profile.transport,
                )
            )
            size += len(content)
            if len(batch) >= BATCH_ROWS or size >= BATCH_BYTES:
                self.jobs.add_rows(job, batch)
                batch, size = [], 0
        if batch:
            self.jobs.add_rows(job, batch)
        self.jobs.start(job, total=self.jobs.counts(job).total)

    # Sending -----------------------------------------------------------------------------

    def run(
        self,
        job: int,
        *,
        pace: Pace | None = None,
        progress: ProgressCallback | None = None,
        stop: CancelToken | None = None,
        wait_for_retries: bool = False,
    ) -> Progress:
        """Send the job's queued rows in row order at ``pace``; where it ended.

        Returns when every row is sent or failed (the job is DONE), when ``stop`` is
        cancelled (the job is PAUSED, the row being sent finishes first), when a failure
        that every row would meet stops it (PAUSED, ``stopped_by`` says which), when the
        job was paused or cancelled from elsewhere, or when only rows waiting for a retry
        are left (unless ``wait_for_retries``: then it waits for them).
        """
        pace = pace or Pace(None)
        total = self.jobs.get(job).total

        def stopped() -> bool:
            return stop is not None and stop.cancelled

        last: Outcome | None = None
        row_number = 0
        halted: ErrorInfo | None = None
        counts = self.jobs.counts(job)
        sent_since_count = 0
        while True:
            if stopped():
                self._pause(job)
                break
            if self.jobs.get(job).state is not JobState.RUNNING:
                break
            # From the last row on: rows before it were sent, and reading past them for each
            # row would make a long list slow; once nothing is left after it, from the start
            # (a row that waited for a retry).
            message = self.jobs.next_due(job, self._clock(), after=row_number)
            if message is None and row_number:
                message = self.jobs.next_due(job, self._clock())
            if message is None:
                if self.jobs.finish(job):
                    break
                retry_at = self.jobs.next_retry(job)
                if retry_at is None or not wait_for_retries:
                    break  # a row being sent by someone else, or retries for later
                self._sleep_until(retry_at, stopped)
                continue
            if not pace.wait(stopped):
                continue
            pace.started()
            # No cancel token for the send itself: a pause lets the row being sent finish.
            last = self.postman.send(message)
            row_number = self.jobs.row_of(message)
            halted = self._halt_on_account_error(job, last)
            sent_since_count += 1
            if halted is not None or sent_since_count >= _RECOUNT:
                counts, sent_since_count = self.jobs.counts(job), 0
            else:
                counts = _counted(counts, last.result)
            if progress is not None:
                progress(Progress(job, total, counts, last, row_number, halted))
            if halted is not None:
                break
        return Progress(job, total, self.jobs.counts(job), last, row_number, halted)

    def _halt_on_account_error(self, job: int, outcome: Outcome) -> ErrorInfo | None:
        """Pause the job on a failure every row would meet (a refused password, no
        connection): the row goes back in the queue, unsent, and the job waits for a person.

        A failure that may have delivered the row is never undone: that row stays UNKNOWN.
        """
        error = outcome.error
        if error is None or error.kind not in _ACCOUNT_KINDS or error.maybe_accepted:
            return None
        if outcome.result in (Result.FAILED, Result.RETRY):
            self.postman.mailbox.retry_now(outcome.message_id)
        self._pause(job)
        log.info("Merge %d paused: %s", job, error.message)
        return error

    def _sleep_until(self, at: float, stopped: Callable[[], bool]) -> None:
        while self._clock() < at and not stopped():
            self._sleep(min(0.2, max(0.0, at - self._clock())))

    def _pause(self, job: int) -> None:
        if self.jobs.get(job).state is JobState.RUNNING:
            self.jobs.pause(job)

    def pause(self, job: int) -> None:
        """Pause after the row being sent (from any thread, with its own runner)."""
        self.jobs.pause(job)

    def resume(self, job: int) -> None:
        """Let a paused job go on; call ``run`` to send."""
        self.jobs.resume(job)

    def cancel(self, job: int) -> int:
        """Cancel the job: rows not sent yet will not be; how many that is."""
        return self.jobs.cancel(job, cancelled_merge(job).to_json())

    def unfinished(self) -> list[Job]:
        """Jobs to resume, found at start."""
        return self.jobs.unfinished()

    def unfinished_for(self, plan: MergePlan) -> list[Job]:
        """The jobs of this very merge (list, message, profile) that are not over."""
        fingerprint = plan.fingerprint(plan.setup.draft.profile)
        return [job for job in self.jobs.find(fingerprint) if job.state in UNFINISHED]

    def progress_of(self, job: int) -> Progress:
        return Progress(job, self.jobs.get(job).total, self.jobs.counts(job))

    def setup_of(self, job: int) -> MergeSetup:
        return MergeSetup.from_json(self.jobs.get(job).settings)

    def keep_pace(self, job: int, per_minute: float | None) -> None:
        """Keep ``per_minute`` with the job: a resume after a restart goes at that pace."""
        setup = self.setup_of(job)
        if setup.pace != per_minute:
            self.jobs.set_settings(job, dataclasses.replace(setup, pace=per_minute).to_json())

    # After sending -----------------------------------------------------------------------

    def write_results(self, job: int, plan: MergePlan, path: Path) -> None:
        """The list with each row's state, SMTPeter message id and error, at ``path``."""
        queued: Iterator[JobRow] = self.jobs.rows(job)
        pending = next(queued, None)
        merge = plan.merge()
        with ResultsWriter(path, plan.form) as results:
            for row in read_rows(plan.setup.list_path, plan.form):
                while pending is not None and pending.row_number < row.number:
                    pending = next(queued, None)
                if pending is not None and pending.row_number == row.number:
                    merge.check(row)  # keeps the duplicate check in step
                    state, message_id, error = _row_result(pending)
                    results.write(row, state, message_id=message_id, error=error)
                    continue
                checked = merge.check(row)
                if checked.already_sent:
                    earlier_id = row.values.get("merge_message_id", "")
                    results.write(row, "sent", message_id=earlier_id)
                elif checked.problems:
                    results.write(row, "skipped", error=" ".join(checked.problems))
                else:
                    results.write(row, earlier_state(row) or "not sent")


class JobControl:
    """Pause, resume, cancel and watch a job from another thread than the one sending it
    (the window's GUI thread): each call opens the mailbox for one short transaction, and
    the runner sees the change before its next row.

    Attributes:
        mailbox_path: the mailbox file (``AppContext.mailbox_path``).
    """

    def __init__(self, mailbox_path: Path) -> None:
        self.mailbox_path = mailbox_path

    def pause(self, job: int) -> None:
        with Mailbox(self.mailbox_path) as mailbox:
            Jobs(mailbox).pause(job)

    def resume(self, job: int) -> None:
        """Mark it running again; the sending thread's ``MergeRunner.run`` then sends."""
        with Mailbox(self.mailbox_path) as mailbox:
            Jobs(mailbox).resume(job)

    def cancel(self, job: int) -> int:
        with Mailbox(self.mailbox_path) as mailbox:
            return Jobs(mailbox).cancel(job, cancelled_merge(job).to_json())

    def progress(self, job: int) -> Progress:
        with Mailbox(self.mailbox_path) as mailbox:
            jobs = Jobs(mailbox)
            return Progress(job, jobs.get(job).total, jobs.counts(job))

    def state(self, job: int) -> JobState:
        with Mailbox(self.mailbox_path) as mailbox:
            return Jobs(mailbox).get(job).state


def _counted(counts: Counts, result: Result) -> Counts:
    """The counts after one queued row's send ended as ``result``."""
    field = {
        Result.SENT: "sent",
        Result.FAILED: "failed",
        Result.DRAFT: "failed",
        Result.UNKNOWN: "unknown",
    }.get(result)
    if field is None:  # still queued (a retry later), or someone else had it
        return counts
    changes = {"queued": counts.queued - 1, field: getattr(counts, field) + 1}
    return dataclasses.replace(counts, **changes)


def _row_result(row: JobRow) -> tuple[str, str, str]:
    """A job row as the results file says it: state, message id, error in words."""
    receipt = Receipt.from_dict(json.loads(row.receipt)) if row.receipt else None
    message_id = ""
    if receipt is not None:
        if receipt.message_ids:
            message_id = next(iter(receipt.message_ids))
        else:
            found = _QUEUED_AS.search(receipt.reply)
            message_id = found.group(1) if found else ""
    info = ErrorInfo.from_json(row.error)
    error = info.text if info is not None else ""
    state = {
        State.SENT: "sent",
        State.FAILED: "failed",
        State.UNKNOWN: "unknown",
        State.QUEUED: "not sent",
        State.SENDING: "not sent",
        State.DRAFT: "not sent",
    }[row.state]
    if row.state is State.SENT:
        error = ""
    return state, message_id, error
