"""The mail merge window: the compose message as the template, a list, one message per row.

    +-------------------------------------------------------------------------------+
    | Mail merge: “News for {$first}”                                                |
    | List: people.csv [Choose List…]  Address column [email v]  To name [{$first}]    |
    | [x] Skip rows with problems                                   [Check Again]     |
    | 1,200 rows: 1,198 to send, 2 with problems                                       |
    | +--------------------------------+  +----------------------------------------+ |
    | | Row Address     State Problems |  | Subject / To / the row's preview        | |
    | +--------------------------------+  +----------------------------------------+ |
    | Send a test of row 2 to [ann@example.com] [Send a Test to Me]                    |
    | Pace [60] a minute                                              [Send All…]      |
    | [=====      ] 312 of 1,200, 2 failed  [Pause] [Resume] [Cancel…] [Save Results…] |
    +-------------------------------------------------------------------------------+

Everything slow runs in ``MergeWork`` (checking, a row's preview, the test, the sending);
this window only shows. Nothing is sent until every row checks, or the person chooses to
skip the rows with problems, and then only after a confirmation naming the count.
"""

from __future__ import annotations

import dataclasses
import email.utils
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists, merge_layout, merge_questions, messages
from smtpeter_desktop.ui.lists import Tone
from smtpeter_desktop.ui.merge_model import (
    NUMBER_ROLE,
    PROBLEM,
    READY,
    SKIPPED,
    WAITING,
    MergeRowsModel,
)
from smtpeter_desktop.ui.merge_worker import Checked, JobStarted, MergeWork, state_of_outcome
from smtpeter_desktop.ui.preview import PreviewPane, PreviewSource

if TYPE_CHECKING:
    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.compose.merge import RowResult
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.merge import CheckReport, MergePlan, MergeSetup
    from smtpeter_desktop.delivery.merge_runner import Progress

log = logging.getLogger(__name__)


def name_template_of(to: str) -> str:
    """The To name to use from the compose To field: its name part when it has a placeholder
    (``{$first} {$last} <{$email}>`` gives ``{$first} {$last}``), else none."""
    if "{$" not in to:
        return ""
    return to.split("<", 1)[0].strip().strip('"').strip()


def address_of(sender: str) -> str:
    """The address of a From field as typed (``Ann <ann@example.com>``)."""
    return email.utils.parseaddr(sender)[1]


def progress_words(progress: Progress) -> str:
    """``312 of 1,200, 2 failed``."""
    counts = progress.counts
    words = translate("MergeView", "{done} of {total}").format(
        done=f"{progress.done:,}", total=f"{progress.total:,}"
    )
    if counts.failed:
        words += translate("MergeView", ", {n} failed").format(n=f"{counts.failed:,}")
    if counts.unknown:
        words += translate("MergeView", ", {n} unknown").format(n=f"{counts.unknown:,}")
    return words


def extras_text(draft: Draft) -> str:
    """A row's Cc, tags and attachments, a line each, as its message has them ("" for none)."""
    lines = []
    if draft.cc:
        lines.append(translate("MergeView", "Cc: {cc}").format(cc=draft.cc))
    if draft.options.tags:
        lines.append(
            translate("MergeView", "Tags: {tags}").format(tags=", ".join(draft.options.tags))
        )
    if draft.attachments:
        names = ", ".join(a.name or Path(a.path).name for a in draft.attachments)
        lines.append(translate("MergeView", "Attachments: {names}").format(names=names))
    return "\n".join(lines)


class MergeWindow(QWidget):
    """One mail merge: its list checked row by row, a row's preview, the test, the sending.

    Attributes:
        work: the background work.
        model: the table's rows.
        plan: the list and message once checked (None before, or when they cannot be read).
        report: the counts of that check.
    """

    # Made by ``merge_layout.build``.
    heading: QLabel
    list_label: QLabel
    choose_button: QPushButton
    column_box: QComboBox
    name_edit: QLineEdit
    skip_box: QCheckBox
    check_button: QPushButton
    summary: QLabel
    problem: QLabel
    table: QTableView
    preview_box: QWidget
    row_heading: QLabel
    row_subject: QLabel
    row_to: QLabel
    row_problems: QLabel
    preview: PreviewPane
    text_view: QPlainTextEdit
    tabs: QTabWidget
    splitter: QSplitter
    test_to: QLineEdit
    test_label: QLabel
    test_button: QPushButton
    pace: QSpinBox
    send_button: QPushButton
    bar: QProgressBar
    progress_label: QLabel
    pause_button: QPushButton
    resume_button: QPushButton
    cancel_button: QPushButton
    results_button: QPushButton
    again_button: QPushButton
    row_extra: QLabel

    def __init__(
        self,
        context: AppContext,
        draft_source: Callable[[], Draft],
        parent: QWidget | None = None,
        *,
        setup: MergeSetup | None = None,
        job: int | None = None,
    ) -> None:
        """``draft_source`` gives the compose message (read again at each check); ``setup``
        and ``job`` open a merge that was started before (to resume it)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("mergeWindow")
        self.setAccessibleName(translate("MergeView", "Mail merge"))
        self._context = context
        self._draft_source = draft_source
        self._fixed = setup  # a merge started before: its own message, not compose's
        self._list: Path | None = setup.list_path if setup is not None else None
        self._columns_for: Path | None = None
        self.plan: MergePlan | None = None
        self.report: CheckReport | None = None
        self.state = ""  # the job's state once there is a job ("running", "paused"...)
        self._questions = messages.Questions(self)
        self._preview_row = 0
        self._resume_when_ready = False
        self._not_sent = 0  # rows of the job that failed or were cancelled, as last read
        self._again_at: Path | None = None  # the results file a "send again" is writing

        self.work = MergeWork(context, self)
        self.work.job = job
        self.model = MergeRowsModel(self)
        merge_layout.build(self)
        merge_layout.connect(self)
        draft = setup.draft if setup is not None else draft_source()
        if setup is not None:
            self.name_edit.setText(setup.name_template)
            self.skip_box.setChecked(setup.skip_bad_rows)
            # A merge resumed goes at the pace it was started with (0 shows "no limit").
            self.pace.setValue(round(setup.pace) if setup.pace else 0)
        else:
            self.name_edit.setText(name_template_of(draft.to))
        self.test_to.setText(address_of(draft.sender))
        self._show_title(draft)
        self.resize(1200, 780)
        self._update()
        if self._list is not None:
            self.check()
        if job is not None:
            self.state = "paused"
            self.progress_label.setText(translate("MergeView", "Reading the merge's state…"))
            self.work.job_state(job, self._show_job_state)

    # The title ----------------------------------------------------------------------------

    def _show_title(self, draft: Draft) -> None:
        subject = draft.subject or translate("MergeView", "(no subject)")
        self.heading.setText(
            translate("MergeView", "Mail merge: “{subject}”").format(subject=subject)
        )
        self.setWindowTitle(
            translate("MergeView", "Mail Merge — {subject}").format(subject=subject)
        )

    # The list ------------------------------------------------------------------------------

    def choose_list(self) -> None:
        merge_questions.choose_list(self)

    def open_list(self, path: Path) -> None:
        """Use the list at ``path``: its address column is guessed, every row checked."""
        self._list = path
        self._columns_for = None
        self.column_box.clear()
        self.check()

    def setup(self) -> MergeSetup | None:
        """What the person chose, with the compose message as it is now."""
        from smtpeter_desktop.delivery.merge import MergeSetup

        if self._list is None:
            return None
        column = self.column_box.currentData() if self._columns_for == self._list else ""
        if self._fixed is not None:
            return dataclasses.replace(
                self._fixed,
                address_column=column or self._fixed.address_column,
                skip_bad_rows=self.skip_box.isChecked(),
            )
        return MergeSetup(
            self._draft_source(),
            self._list.resolve(),
            name_template=self.name_edit.text().strip(),
            address_column=column or "",
            skip_bad_rows=self.skip_box.isChecked(),
        )

    def check(self) -> None:
        """Read the list and the message again and check every row (off the GUI thread)."""
        if self.work.running() or (self.work.job is not None and self.plan is not None):
            return
        setup = self.setup()
        if setup is None:
            return
        self._show_title(setup.draft)
        self.list_label.setText(str(setup.list_path))
        self.plan = None
        self.report = None
        self.model.clear()
        self._clear_row()
        self._say_problem("")
        self.summary.setText(translate("MergeView", "Checking every row…"))
        lists.paint(self.summary, Tone.BUSY)
        self.work.check(setup)
        self._update()

    def _on_checked(self, checked: Checked) -> None:
        self.plan = checked.plan
        self.report = checked.report
        self._fill_columns(checked.plan)
        self._show_summary()
        if self.table.currentIndex().row() < 0 and self.model.rowCount() > 0:
            self.table.selectRow(0)
        if self.work.job is not None:
            self._mark_skipped()
            self.work.read_states(self.work.job)
        self._update()
        if self._resume_when_ready and self.state == "queueing":
            self._resume_when_ready = False
            self.resume()

    def _fill_columns(self, plan: MergePlan) -> None:
        self.column_box.blockSignals(True)
        try:
            self.column_box.clear()
            for column in plan.form.columns:
                self.column_box.addItem(column.header, column.variable)
            self.column_box.setCurrentIndex(self.column_box.findData(plan.form.address))
        finally:
            self.column_box.blockSignals(False)
        self._columns_for = self._list

    def _on_check_failed(self, text: str) -> None:
        self.summary.setText(translate("MergeView", "The list cannot be used as it is."))
        lists.paint(self.summary, Tone.BAD)
        self._say_problem(text)
        self._update()

    def _show_summary(self) -> None:
        report = self.report
        if report is None:
            return
        parts = [translate("MergeView", "%n to send", n=report.good)]
        if report.bad:
            parts.append(translate("MergeView", "%n with problems", n=report.bad))
        if report.already_sent:
            parts.append(translate("MergeView", "%n sent before", n=report.already_sent))
        from smtpeter_desktop.compose.mergeresults import is_results

        text = translate("MergeView", "%n rows: ", n=report.rows) + ", ".join(parts)
        if self.plan is not None and is_results(self.plan.form):
            text = (
                translate(
                    "MergeView",
                    "A merge's results file: the rows it marks sent are left out, the others "
                    "are sent again.",
                )
                + " "
                + text
            )
        if report.bad and not self.skip_box.isChecked():
            text += translate(
                "MergeView",
                ". Nothing is sent until every row checks: correct the list or the message, "
                "or choose to skip the rows with problems.",
            )
        elif report.bad:
            text += translate("MergeView", ". The rows with problems are skipped.")
        self.summary.setText(text)
        if report.bad and not self.skip_box.isChecked():
            tone = Tone.BAD
        else:
            tone = Tone.WAIT if report.bad else Tone.GOOD
        lists.paint(self.summary, tone)

    def _say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text:
            lists.paint(self.problem, Tone.BAD)

    def _name_changed(self) -> None:
        if self.plan is not None and self.name_edit.text().strip() != self.plan.setup.name_template:
            self.check()

    def _skip_changed(self, skip: bool) -> None:
        from smtpeter_desktop.delivery.merge import MergePlan

        if self.plan is not None:
            # Skipping does not change what a row checks to: no need to read the list again.
            setup = dataclasses.replace(self.plan.setup, skip_bad_rows=skip)
            self.plan = MergePlan(setup, self.plan.form, self.plan.template)
        self._show_summary()
        self._update()

    # A row's preview -----------------------------------------------------------------------

    def selected_row(self) -> int:
        """The list row number selected (0: none)."""
        index = self.table.currentIndex()
        return int(index.data(NUMBER_ROLE)) if index.isValid() else 0

    def show_row(self, number: int) -> None:
        """Select list row ``number`` and show its message."""
        at = self.model.position_of(number)
        if at >= 0:
            self.table.selectRow(at)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        index: QModelIndex | None = indexes[0] if indexes else None
        number = int(index.data(NUMBER_ROLE)) if index is not None else 0
        self._update()
        if number and self.plan is not None:
            self._preview_row = number
            self.row_heading.setText(translate("MergeView", "Row {row}").format(row=number))
            self.work.load_row(self.plan, number)

    def _show_row(self, result: RowResult) -> None:
        if result.row.number != self._preview_row:
            return
        draft = result.draft
        problems = " ".join(result.problems)
        self.row_problems.setText(problems)
        self.row_problems.setVisible(bool(problems))
        if draft is None:
            self.row_extra.setVisible(False)
            self.row_subject.setText("")
            self.row_to.setText(result.address)
            self.preview.set_source(lambda: PreviewSource(""))
            self.preview.render_now()
            self.text_view.setPlainText("")
            return
        self.row_subject.setText(
            translate("MergeView", "Subject: {subject}").format(subject=draft.subject)
        )
        self.row_to.setText(translate("MergeView", "To: {to}").format(to=draft.to))
        extra = extras_text(draft)
        self.row_extra.setText(extra)
        self.row_extra.setVisible(bool(extra))
        base_dir = Path(draft.base_dir) if draft.base_dir else None
        source = PreviewSource(draft.body, base_dir, draft.subject)
        self.preview.set_source(lambda: source)
        self.preview.render_now()
        self.text_view.setPlainText(draft.body)

    def _row_failed(self, number: int, text: str) -> None:
        if number == self._preview_row:
            self.row_problems.setText(text)
            self.row_problems.setVisible(True)

    def _clear_row(self) -> None:
        self._preview_row = 0
        self.row_heading.setText(translate("MergeView", "Click a row to see its message."))
        self.row_subject.setText("")
        self.row_to.setText("")
        self.row_problems.setVisible(False)
        self.row_extra.setVisible(False)
        self.text_view.setPlainText("")

    # The test ------------------------------------------------------------------------------

    def test_row(self) -> int:
        """The row a test sends: the selected one, or the first that checks."""
        selected = self.selected_row()
        if selected:
            return selected
        ready = self.model.numbers(READY)
        return ready[0] if ready else 0

    def send_test(self) -> None:
        number = self.test_row()
        to = self.test_to.text().strip()
        if self.plan is None or not number:
            return
        if not to:
            self._say_problem(
                translate("MergeView", "Type the address the test goes to, then send it again.")
            )
            return
        self.test_button.setEnabled(False)
        self.progress_label.setText(
            translate("MergeView", "Sending a test of row {row} to {to}…").format(row=number, to=to)
        )
        self.work.send_test(self.plan, number, to)

    def _test_ended(self, sent: bool, text: str) -> None:
        self.progress_label.setText(text)
        lists.paint(self.progress_label, Tone.GOOD if sent else Tone.BAD)
        self._update()

    # Sending -------------------------------------------------------------------------------

    def per_minute(self) -> float | None:
        value = self.pace.value()
        return float(value) if value > 0 else None

    def can_send(self) -> bool:
        report = self.report
        return (
            self.plan is not None
            and report is not None
            and report.good > 0
            and (report.bad == 0 or self.skip_box.isChecked())
            and not self.work.running()
            and self.work.job is None
        )

    def ask_send_all(self) -> None:
        """Ask, naming the count and the account; then queue the rows and send them."""
        merge_questions.ask_send_all(self)

    def send_all(self) -> None:
        """Queue every row that checks as one job and send it (no question asked)."""
        if not self.can_send():
            return
        assert self.plan is not None
        self.state = "running"
        self.progress_label.setText(translate("MergeView", "Queueing the messages…"))
        lists.paint(self.progress_label, Tone.BUSY)
        self.work.send(self.plan, self.per_minute(), report=self.report)
        self._update()

    def _account_name(self, profile_id: str) -> str:
        try:
            return self._context.profiles.get(profile_id).name
        except Exception:  # noqa: BLE001 - only a name in a sentence
            return profile_id

    def _mark_skipped(self) -> None:
        """Once a job holds the rows that check, the rows with problems are left out."""
        changes: dict[int, tuple[str, str | None]] = dict.fromkeys(
            self.model.numbers(PROBLEM), (SKIPPED, None)
        )
        changes.update((number, (WAITING, None)) for number in self.model.numbers(READY))
        if changes:
            self.model.set_states(changes)

    def _job_started(self, started: JobStarted) -> None:
        self.state = "running"
        self._mark_skipped()
        self._show_progress(started.progress)
        self._update()

    def _on_progress(self, progress: Progress) -> None:
        last = progress.last
        if last is not None and progress.row:
            state = state_of_outcome(str(last.result))
            error = last.error.text if last.error is not None and state != "sent" else None
            self.model.set_state(progress.row, state, error)
        self._show_progress(progress)

    def _show_progress(self, progress: Progress) -> None:
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        words = progress_words(progress)
        if self.work.running():
            words = translate("MergeView", "Sending… {words}").format(words=words)
        self.progress_label.setText(words)
        tone = Tone.BAD if progress.counts.failed or progress.counts.unknown else Tone.BUSY
        lists.paint(self.progress_label, tone)

    def _run_ended(self, progress: Progress) -> None:
        self.work.job_state(progress.job, self._show_job_state)
        if progress.stopped_by is not None:
            self._say_problem(progress.stopped_by.text)

    def _show_job_state(self, state: str, progress: Progress) -> None:
        self.state = state
        self._not_sent = progress.counts.failed
        self._show_progress(progress)
        counts = progress.counts
        words = progress_words(progress)
        if state == "done":
            text = translate("MergeView", "Merge finished: {words}.").format(words=words)
            tone = Tone.BAD if counts.failed or counts.unknown else Tone.GOOD
        elif state == "paused":
            text = translate("MergeView", "Paused: {words}. Resume to send the rest.").format(
                words=words
            )
            tone = Tone.WAIT
        elif state == "cancelled":
            text = translate("MergeView", "Cancelled: {words}; the rest will not be sent.").format(
                words=words
            )
            tone = Tone.WAIT
        elif state == "running" and not self.work.running():
            text = translate(
                "MergeView",
                "Stopped: {words}. Rows that may or may not have gone out wait in the Outbox "
                "for you to decide.",
            ).format(words=words)
            tone = Tone.WAIT
        else:
            text, tone = words, Tone.BUSY
        self.progress_label.setText(text)
        lists.paint(self.progress_label, tone)
        if self.work.job is not None and self.plan is not None:
            self.work.read_states(self.work.job)
        self._update()
        if self._resume_when_ready and state in ("paused", "running"):
            self._resume_when_ready = False
            self.resume()

    def _run_failed(self, text: str) -> None:
        self.state = self.state if self.work.job is not None else ""
        self._say_problem(text)
        self.progress_label.setText(translate("MergeView", "Not sent."))
        lists.paint(self.progress_label, Tone.BAD)
        if self.work.job is not None:
            self.work.job_state(self.work.job, self._show_job_state)
        self._update()

    def pause(self) -> None:
        if self.work.running():
            self.work.pause()
            self.progress_label.setText(
                translate("MergeView", "Pausing after the message being sent…")
            )
            self._update()

    def resume_when_ready(self) -> None:
        """Resume the job as soon as its state is read (a merge offered at start)."""
        self._resume_when_ready = True

    def resume(self) -> None:
        """Go on with the job: a paused one, or one a quit or a crash stopped."""
        job = self.work.job
        resumable = self.state in ("paused", "running") or (
            self.state == "queueing" and self.plan is not None
        )
        if job is None or self.work.running() or not resumable:
            return
        self._say_problem("")
        self.state = "running"
        self.work.send(self.plan, self.per_minute(), job=job)
        self._update()

    def ask_cancel(self) -> None:
        merge_questions.ask_cancel(self)

    def cancel(self) -> None:
        """Cancel the job without asking."""
        self.progress_label.setText(translate("MergeView", "Cancelling…"))
        self.work.cancel()
        self._update()

    # Results -------------------------------------------------------------------------------

    def ask_save_results(self) -> None:
        merge_questions.ask_save_results(self)

    def save_results(self, path: Path) -> None:
        if self.plan is not None and self.work.job is not None:
            self.work.save_results(self.plan, path)

    def _results_saved(self, path: str, error: str) -> None:
        again, self._again_at = self._again_at, None
        if path and again is not None and Path(path) == again:
            self._start_again(again)
            return
        if path:
            self.progress_label.setText(
                translate("MergeView", "Results saved in {path}.").format(path=path)
            )
            lists.paint(self.progress_label, Tone.GOOD)
        else:
            self._say_problem(error)

    def can_send_again(self) -> bool:
        """The merge is over with rows that did not go: they can be sent as a new merge."""
        return (
            self.work.job is not None
            and self.plan is not None
            and not self.work.running()
            and self.state in ("done", "cancelled")
            and self._not_sent > 0
        )

    def ask_send_again(self) -> None:
        """Ask where the results go, save them, and check them as a new merge's list."""
        merge_questions.ask_send_again(self)

    def send_again(self, path: Path) -> None:
        """Save the results at ``path``, then check them as the list of a new merge: the
        rows marked sent there are left out, so only the rows that did not go are sent."""
        if not self.can_send_again():
            return
        assert self.plan is not None
        self._again_at = path
        self.work.save_results(self.plan, path)

    def _start_again(self, path: Path) -> None:
        from smtpeter_desktop.delivery.merge import MergeSetup

        assert self.plan is not None
        old = self.plan.setup
        # The same message, To name and address column; the results file as the list.
        self._fixed = MergeSetup(
            old.draft,
            path.resolve(),
            name_template=old.name_template,
            address_column=self.plan.form.address,
            skip_bad_rows=old.skip_bad_rows,
        )
        self.work.job = None
        self.state = ""
        self._not_sent = 0
        self.bar.setValue(0)
        self.progress_label.setText(
            translate(
                "MergeView",
                "Results saved in {path}. The rows that did not go are checked again; "
                "Send All sends them.",
            ).format(path=path)
        )
        lists.paint(self.progress_label, Tone.NEUTRAL)
        self.plan = None
        self.open_list(path)

    # State ---------------------------------------------------------------------------------

    def _update(self) -> None:
        running = self.work.running()
        checking = self.work.checking()
        has_job = self.work.job is not None
        # Once a merge is under way this window is its record: a new merge gets a new one.
        self.choose_button.setEnabled(not has_job and self._fixed is None)
        self.check_button.setEnabled(self._list is not None and not has_job and not checking)
        self.column_box.setEnabled(not running and not has_job)
        self.name_edit.setEnabled(not running and not has_job and self._fixed is None)
        self.skip_box.setEnabled(not running and not has_job)
        chosen = self.model.row_at(self.model.position_of(self.test_row()))
        self.test_button.setEnabled(
            self.plan is not None and chosen is not None and chosen.state != PROBLEM
        )
        row = self.test_row()
        self.test_label.setText(
            translate("MergeView", "Send a test of row {row} to:").format(row=row)
            if row
            else translate("MergeView", "Send a test to:")
        )
        self.send_button.setEnabled(self.can_send())
        self.pause_button.setEnabled(running)
        self.resume_button.setEnabled(
            has_job and not running and self.state in ("paused", "running")
        )
        self.cancel_button.setEnabled(has_job and self.state not in ("done", "cancelled", ""))
        self.results_button.setEnabled(has_job and self.plan is not None and not running)
        self.again_button.setEnabled(self.can_send_again())
        self.pace.setEnabled(not running)
        for widget in (
            self.bar,
            self.pause_button,
            self.resume_button,
            self.cancel_button,
            self.results_button,
            self.again_button,
        ):
            widget.setVisible(has_job)  # the sending's controls, once there is a sending

    def unfinished(self) -> bool:
        """This window's merge was started and is not over (done or cancelled)."""
        return self.work.job is not None and self.state not in ("done", "cancelled")

    def busy(self) -> bool:
        """The merge is sending now."""
        return self.work.running()

    def shutdown(self) -> bool:
        """The app closes: pause the sending after its row (offered again at next start)."""
        self.preview.shutdown()
        return self.work.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window does not stop the merge: it goes on, the window can be shown again.
        event.accept()
