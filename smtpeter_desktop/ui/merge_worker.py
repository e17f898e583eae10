"""The merge view's work off the GUI thread: checking the list, a row, the test, the sending.

``MergeWork`` turns the Qt-free merge API (``delivery.merge``, ``delivery.merge_runner``)
into tasks on the window's pool (``ui.tasks``) and answers with signals on the GUI thread.
The sending runs as one long task with a Postman of its own (its own mailbox connection, the
process's lease): the runner claims each row before it sends it, as the send worker does, so
the two never send the same message, and a row is never sent twice. Pause is the runner's
stop token (the row being sent finishes first); cancel pauses first, then cancels the job in
the mailbox, so the runner and the cancel never race over the job's state.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import tasks
from smtpeter_desktop.ui.merge_model import (
    FAILED,
    PROBLEM,
    READY,
    SENDING,
    SENT,
    SENT_BEFORE,
    UNKNOWN,
    WAITING,
    MergeRow,
)

if TYPE_CHECKING:
    from smtpeter_desktop.compose.merge import RowResult
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.merge import CheckReport, MergePlan, MergeSetup
    from smtpeter_desktop.delivery.merge_runner import Progress
    from smtpeter_desktop.delivery.names import CancelToken

log = logging.getLogger(__name__)

CHUNK = 1000
"""Rows handed to the table at a time while the list is checked."""


@dataclasses.dataclass(frozen=True)
class Checked:
    """A list checked: the plan (to preview and send) and the counts."""

    plan: MergePlan
    report: CheckReport


@dataclasses.dataclass(frozen=True)
class JobStarted:
    """The sending task has its job (new, or the one resumed) and where it stands."""

    job: int
    progress: Progress


def words_for(error: BaseException) -> str:
    """An error of the merge's work as a sentence: the person's to fix, or a bug (logged)."""
    from smtpeter_desktop.compose.errors import ComposeError
    from smtpeter_desktop.storage.errors import StorageError

    if isinstance(error, (ComposeError, StorageError)):
        return str(error)
    if isinstance(error, UnicodeError):
        return translate("MergeWork", "The list is not text SMTPeter Desktop can read.")
    log.error("A mail merge task failed", exc_info=error)
    return translate(
        "MergeWork", "SMTPeter Desktop ran into an internal problem; the details are in the log."
    )


def row_of(result: RowResult) -> MergeRow:
    """A checked row as the table shows it."""
    number = result.row.number
    if result.already_sent:
        state = SENT_BEFORE
    elif result.ok:
        state = READY
    else:
        state = PROBLEM
    problems = " ".join(p.removeprefix(f"Row {number}: ") for p in result.problems)
    return MergeRow(number, result.address, state, problems)


def state_of_outcome(result: str) -> str:
    """The table's state for a send's ``Result`` value."""
    return {"sent": SENT, "failed": FAILED, "draft": FAILED, "unknown": UNKNOWN}.get(
        result, WAITING
    )


HANDOVER = 0.0002
"""Seconds the GUI thread waits at most for the interpreter while a list is checked."""

TABLE_TURN = 0.015
"""Seconds the check pauses after handing the table a chunk: the table lays out and paints it
meanwhile, every cell a call into Python, which a check holding the interpreter would stall
(80-100 ms gaps in the window, against 15-35 ms with the pause)."""


@contextlib.contextmanager
def _quick_handover() -> Iterator[None]:
    """While a long list is checked (pure Python, never waiting), let the GUI thread have the
    interpreter sooner: each model call and each painted cell waits for it, by default up to
    5 ms each (0.2 ms here), which added up to stalls of a quarter of a second. Process-wide,
    so restored after; a shorter interval costs the check a little, the window nothing."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, HANDOVER))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


class MergeWork(QObject):
    """A merge's background work, for one view.

    Signals:
        rows(list[MergeRow]): rows checked, a chunk at a time, in order.
        checked(Checked): every row is checked.
        check_failed(str): the list or the message cannot be read; nothing is shown.
        row_loaded(RowResult): a row, for its preview.
        row_failed(int, str): that row could not be made.
        test_ended(bool, str): the test was sent (True) or not, in words.
        job_started(JobStarted): sending started (or resumed) this job.
        progress(Progress): a row was sent.
        run_ended(Progress): the sending stopped: done, paused, cancelled or halted.
        run_failed(str): the sending could not start or broke off; in words.
        states(dict): rows' states read back from the job: {row: (state, error or None)}.
        results_saved(str, str): the results file (path), or why not ("" path).
    """

    rows = Signal(object)
    checked = Signal(object)
    check_failed = Signal(str)
    row_loaded = Signal(object)
    row_failed = Signal(int, str)
    test_ended = Signal(bool, str)
    job_started = Signal(object)
    progress = Signal(object)
    run_ended = Signal(object)
    run_failed = Signal(str)
    states = Signal(object)
    results_saved = Signal(str, str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._check: tasks.Task[Any] | None = None
        self._row: tasks.Task[Any] | None = None
        self._run: tasks.Task[Any] | None = None
        self._token: CancelToken | None = None
        self._cancel_after = False
        self._run_ended = threading.Event()
        self._run_ended.set()
        self.job: int | None = None

    # Checking ------------------------------------------------------------------------------

    def check(self, setup: MergeSetup) -> None:
        """Read and check every row of ``setup``'s list, off the GUI thread."""
        if self._check is not None:
            self._check.discard()

        def work(report: Callable[[list[MergeRow]], None]) -> Checked:
            with _quick_handover():
                return check(report)

        def check(report: Callable[[list[MergeRow]], None]) -> Checked:
            from smtpeter_desktop.delivery.merge import MergePlan

            plan = MergePlan.open(setup)
            chunk: list[MergeRow] = []

            def seen(result: RowResult) -> None:
                chunk.append(row_of(result))
                if len(chunk) >= CHUNK:
                    report(list(chunk))
                    chunk.clear()
                    time.sleep(TABLE_TURN)

            counted = plan.check_all(seen)
            report(list(chunk))
            return Checked(plan, counted)

        self._check = tasks.run_task_with_progress(
            work,
            self.checked.emit,
            lambda error: self.check_failed.emit(words_for(error)),
            on_progress=self.rows.emit,
            parent=self,
        )

    def checking(self) -> bool:
        return self._check is not None and not self._check.done

    def load_row(self, plan: MergePlan, number: int) -> None:
        """Row ``number``'s own message, for the preview (the newest asked for wins)."""
        if self._row is not None:
            self._row.discard()
        self._row = tasks.run_task(
            lambda: plan.row(number),
            self.row_loaded.emit,
            lambda error: self.row_failed.emit(number, words_for(error)),
            parent=self,
        )

    # The test ------------------------------------------------------------------------------

    def send_test(self, plan: MergePlan, number: int, to: str) -> None:
        """Send row ``number``'s message to ``to`` alone, its subject marked [Test]."""
        context = self._context

        def work() -> tuple[bool, str]:
            from smtpeter_desktop.compose import addresses
            from smtpeter_desktop.delivery.outcomes import Result

            addresses.parse_address(to, translate("MergeWork", "Send a test to"))
            draft = plan.test_draft(number, to)
            with context.postman() as postman:
                queued = postman.queue(draft)
                outcome = postman.send(queued.id)
            if outcome.result is Result.SENT:
                return True, translate("MergeWork", "A test of row {row} was sent to {to}.").format(
                    row=number, to=to
                )
            why = outcome.error.text if outcome.error is not None else ""
            return False, translate(
                "MergeWork", "The test of row {row} was not sent: {why}"
            ).format(row=number, why=why)

        tasks.run_task(
            work,
            lambda answer: self.test_ended.emit(answer[0], answer[1]),
            lambda error: self.test_ended.emit(False, words_for(error)),
            parent=self,
        )

    # Sending -------------------------------------------------------------------------------

    def running(self) -> bool:
        return self._run is not None and not self._run.done

    def send(
        self,
        plan: MergePlan | None,
        per_minute: float | None,
        *,
        report: CheckReport | None = None,
        job: int | None = None,
    ) -> None:
        """Queue ``plan``'s rows as a job (or go on with ``job``) and send them at the pace.

        A job that is paused is resumed; one stopped while it was being queued is queued to
        the end first (with ``plan``, which must be the same merge).
        """
        from smtpeter_desktop.delivery.names import CancelToken

        if self.running():
            return
        token = CancelToken()
        self._token = token
        self._cancel_after = False
        context = self._context
        ended = threading.Event()
        self._run_ended = ended

        def work(tell: Callable[[object], None]) -> Progress:
            try:
                return send(tell)
            finally:
                ended.set()

        def send(tell: Callable[[object], None]) -> Progress:
            from smtpeter_desktop.delivery.merge import MergePlan
            from smtpeter_desktop.delivery.merge_runner import MergeError, MergeRunner
            from smtpeter_desktop.delivery.pace import Pace
            from smtpeter_desktop.storage.jobs import UNFINISHED, JobState

            with context.postman() as postman:
                runner = MergeRunner(postman)
                chosen = job
                if chosen is None:
                    assert plan is not None
                    # The pace goes with the job: a resume after a restart keeps it.
                    paced = dataclasses.replace(plan.setup, pace=per_minute)
                    chosen = runner.prepare(
                        MergePlan(paced, plan.form, plan.template), report=report
                    )
                else:
                    state = runner.jobs.get(chosen).state
                    if state is JobState.QUEUEING:
                        same = plan is not None and any(
                            j.id == chosen for j in runner.unfinished_for(plan)
                        )
                        if plan is None or not same:
                            raise MergeError(
                                translate(
                                    "MergeWork",
                                    "Merge {job} stopped before all its rows were queued, and "
                                    "its list or message has changed since.",
                                ).format(job=chosen),
                                translate(
                                    "MergeWork",
                                    "Cancel it, then start the merge again from the list.",
                                ),
                            )
                        runner.prepare(plan)
                    elif state is JobState.PAUSED:
                        runner.resume(chosen)
                    if state in UNFINISHED:
                        runner.keep_pace(chosen, per_minute)
                tell(JobStarted(chosen, runner.progress_of(chosen)))
                return runner.run(chosen, pace=Pace(per_minute), progress=tell, stop=token)

        def told(value: object) -> None:
            if isinstance(value, JobStarted):
                self.job = value.job
                self.job_started.emit(value)
            else:
                self.progress.emit(value)

        self._run = tasks.run_task_with_progress(
            work, self._ended, self._failed, on_progress=told, parent=self
        )

    def _ended(self, progress: Progress) -> None:
        self.job = progress.job
        if self._cancel_after:
            self._cancel_after = False
            self._cancel_job(progress.job)
            return
        self.run_ended.emit(progress)

    def _failed(self, error: BaseException) -> None:
        self._cancel_after = False
        self.run_failed.emit(words_for(error))

    def pause(self) -> None:
        """Stop after the row being sent; the job waits, PAUSED, to be resumed."""
        if self._token is not None and self.running():
            self._token.cancel()

    def cancel(self) -> None:
        """Send no more rows of the job: pause first, then cancel it in the mailbox."""
        if self.running():
            self._cancel_after = True
            self.pause()
        elif self.job is not None:
            self._cancel_job(self.job)

    def _cancel_job(self, job: int) -> None:
        from smtpeter_desktop.delivery.merge_runner import JobControl

        control = JobControl(self._context.mailbox_path)

        def work() -> Progress:
            from smtpeter_desktop.storage.jobs import JobState

            if control.state(job) in (JobState.QUEUEING, JobState.RUNNING, JobState.PAUSED):
                control.cancel(job)
            return control.progress(job)

        tasks.run_task(work, self.run_ended.emit, self._failed, parent=self)

    def job_state(self, job: int, then: Callable[[str, Progress], None]) -> None:
        """The job's state (``JobState`` value) and counts, read off the GUI thread."""
        from smtpeter_desktop.delivery.merge_runner import JobControl

        control = JobControl(self._context.mailbox_path)
        tasks.run_task(
            lambda: (str(control.state(job)), control.progress(job)),
            lambda answer: then(answer[0], answer[1]),
            self._failed,
            parent=self,
        )

    def read_states(self, job: int) -> None:
        """Every row's state in ``job``, for the table (``states``)."""
        context = self._context

        def work() -> dict[int, tuple[str, str | None]]:
            from smtpeter_desktop.delivery.merge_runner import MergeRunner
            from smtpeter_desktop.delivery.outcomes import ErrorInfo

            found: dict[int, tuple[str, str | None]] = {}
            with context.postman() as postman:
                for row in MergeRunner(postman).jobs.rows(job):
                    state = {"sending": SENDING, "queued": WAITING}.get(
                        str(row.state), state_of_outcome(str(row.state))
                    )
                    info = ErrorInfo.from_json(row.error) if row.state != "sent" else None
                    found[row.row_number] = (state, info.text if info is not None else None)
            return found

        tasks.run_task(work, self.states.emit, self._failed, parent=self)

    def save_results(self, plan: MergePlan, path: Path) -> None:
        """The list with each row's state, SMTPeter message id and error, at ``path``."""
        job = self.job
        context = self._context

        def work() -> str:
            from smtpeter_desktop.delivery.merge_runner import MergeRunner

            if job is None:
                raise ValueError("no job")
            with context.postman() as postman:
                MergeRunner(postman).write_results(job, plan, path)
            return str(path)

        tasks.run_task(
            work,
            lambda saved: self.results_saved.emit(saved, ""),
            lambda error: self.results_saved.emit("", words_for(error)),
            parent=self,
        )

    def shutdown(self, timeout: float = 30.0) -> bool:
        """The window closes: a running merge pauses after the row being sent (it is offered
        at the next start); waits up to ``timeout`` seconds for that row, since the app's
        data (its lease, the sandbox) closes next. True when the sending ended in time."""
        if self._check is not None:
            self._check.discard()
        if self._token is not None:
            self._token.cancel()
        return self._run_ended.wait(timeout)
