"""What the mail merge window asks the person: which list to use, whether to send every row
(naming the count and the account), whether to cancel a merge under way, and where to save
its results (also to send the failed rows again). ``merge_view.MergeWindow`` acts on the
answers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import messages

if TYPE_CHECKING:
    from smtpeter_desktop.ui.merge_view import MergeWindow


def choose_list(window: MergeWindow) -> None:
    """Which list: a file dialog, from the folder of the list chosen before."""
    start = str(window._list.parent) if window._list is not None else str(Path.home())
    path, _ = QFileDialog.getOpenFileName(
        window,
        translate("MergeView", "Choose the List"),
        start,
        translate("MergeView", "Lists (*.csv *.tsv *.txt);;All files (*)"),
    )
    if path:
        window.open_list(Path(path))


def ask_send_all(window: MergeWindow) -> None:
    """Ask, naming the count and the account; then queue the rows and send them."""
    if not window.can_send():
        return
    assert window.plan is not None and window.report is not None
    report = window.report
    account = window._account_name(window.plan.setup.draft.profile)
    pace = window.per_minute()
    how = (
        translate("MergeView", "at most %n a minute", n=int(pace))
        if pace is not None
        else translate("MergeView", "as fast as the server takes them")
    )
    details = translate(
        "MergeView", "Each person on the list gets their own message, {how}."
    ).format(how=how)
    if report.bad:
        details += " " + translate("MergeView", "%n rows with problems are skipped.", n=report.bad)
    box = messages.question_box(
        window,
        translate("MergeView", "Send the merge?"),
        translate("MergeView", "Send %n messages through {account}?", n=report.good).format(
            account=account
        ),
        details,
    )
    send = box.addButton(
        translate("MergeView", "Send %n Messages", n=report.good),
        QMessageBox.ButtonRole.AcceptRole,
    )
    cancel = box.addButton(translate("MergeView", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    window._questions.ask(box, lambda clicked: window.send_all() if clicked is send else None)


def ask_cancel(window: MergeWindow) -> None:
    """Whether to cancel the job: the rows not sent yet will not be."""
    if window.work.job is None or window.state in ("done", "cancelled"):
        return
    box = messages.question_box(
        window,
        translate("MergeView", "Cancel the merge?"),
        translate("MergeView", "Cancel the merge?"),
        translate(
            "MergeView",
            "The rows not sent yet will not be sent. The message being sent now finishes. "
            "Save the results to send the rest later.",
        ),
    )
    stop = box.addButton(
        translate("MergeView", "Cancel the Merge"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(translate("MergeView", "Keep Sending"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    window._questions.ask(box, lambda clicked: window.cancel() if clicked is stop else None)


def ask_save_results(window: MergeWindow) -> None:
    """Where to save each row's state, beside the list by default."""
    if window.plan is None or window.work.job is None:
        return
    source = window.plan.setup.list_path
    suggested = source.with_name(f"{source.stem}-results.csv")
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("MergeView", "Save the Results"),
        str(suggested),
        translate("MergeView", "CSV files (*.csv)"),
    )
    if path:
        window.save_results(Path(path))


def ask_send_again(window: MergeWindow) -> None:
    """Ask where the results go, save them, and check them as a new merge's list."""
    if not window.can_send_again():
        return
    assert window.plan is not None
    source = window.plan.setup.list_path
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("MergeView", "Save the Results to Send the Failed Rows Again"),
        str(source.with_name(f"{source.stem}-results.csv")),
        translate("MergeView", "CSV files (*.csv)"),
    )
    if path:
        window.send_again(Path(path))
