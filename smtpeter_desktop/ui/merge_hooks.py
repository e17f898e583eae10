"""Where the main window meets the mail merge: the menu's "Mail Merge…", the offer at start
to resume a merge that a quit or a crash stopped, and pausing a merge when the window closes.

Kept apart so the main window only calls three functions.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.storage.jobs import Counts, Job

    from smtpeter_desktop.ui.main_window import MainWindow
    from smtpeter_desktop.ui.merge_view import MergeWindow

log = logging.getLogger(__name__)

_WINDOW = "_merge_window"


def merge_window(window: MainWindow) -> MergeWindow | None:
    """The merge window the main window holds, if one was opened."""
    found: MergeWindow | None = getattr(window, _WINDOW, None)
    return found


def open_merge(window: MainWindow) -> MergeWindow | None:
    """Show the merge window for the compose message; one with a merge not over (sending,
    paused) keeps its place, so that it cannot be lost from sight."""
    from smtpeter_desktop.ui.merge_view import MergeWindow

    if window.context is None or window.compose is None:
        return None
    shown = merge_window(window)
    if shown is not None and (shown.busy() or shown.unfinished()):
        _raise(shown)
        return shown
    if shown is not None:
        shown.shutdown()
        shown.deleteLater()
    compose = window.compose
    made = MergeWindow(window.context, compose.draft, window)
    setattr(window, _WINDOW, made)
    _raise(made)
    return made


def resume_job(window: MainWindow, job: Job) -> MergeWindow | None:
    """Show merge ``job`` (found unfinished at start) and go on sending it."""
    from smtpeter_desktop.delivery.merge import MergeSetup

    from smtpeter_desktop.ui import messages
    from smtpeter_desktop.ui.merge_view import MergeWindow

    if window.context is None:
        return None
    shown = merge_window(window)
    if shown is not None and shown.busy():
        _raise(shown)
        return shown
    if shown is not None:
        shown.shutdown()
        shown.deleteLater()
    try:
        setup = MergeSetup.from_json(job.settings)
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("Merge %d has settings that cannot be read: %s", job.id, exc)
        messages.error(
            translate(
                "MergeHooks", "Merge {job} cannot be resumed: its settings are damaged."
            ).format(job=job.id),
            translate("MergeHooks", "Its rows wait in the Outbox; send or discard them there."),
        )
        return None
    made = MergeWindow(window.context, lambda: setup.draft, window, setup=setup, job=job.id)
    setattr(window, _WINDOW, made)
    _raise(made)
    made.resume_when_ready()
    return made


def offer_resume(window: MainWindow) -> None:
    """At start: each merge a quit or a crash stopped is offered to be resumed."""
    from smtpeter_desktop.delivery.merges import unfinished

    from smtpeter_desktop.ui import messages

    if window.postman is None:
        return
    try:
        found = unfinished(window.postman)
    except Exception as exc:  # noqa: BLE001 - an offer must not stop the window starting
        log.warning("Looking for merges to resume failed: %s", exc)
        return
    for job, counts in found:

        def resume(chosen: Job = job) -> None:
            resume_job(window, chosen)

        messages.warning(
            _offer_text(job, counts),
            translate("MergeHooks", "No row is sent twice: it goes on where it stopped."),
            actions=[
                messages.Action(
                    translate("MergeHooks", "&Resume the Merge"),
                    resume,
                    primary=True,
                )
            ],
            key=f"merge-{job.id}",
        )


def _offer_text(job: Job, counts: Counts) -> str:
    left = counts.open
    return translate(
        "MergeHooks", "The mail merge “{name}” stopped with %n messages not sent yet.", n=left
    ).format(name=job.name)


def shutdown(window: MainWindow) -> None:
    """The window closes: a merge sending now pauses after its row."""
    shown = merge_window(window)
    if shown is not None:
        if not shown.shutdown():
            log.error("The mail merge did not stop sending in time")
        shown.close()


def _raise(shown: MergeWindow) -> None:
    shown.show()
    shown.raise_()
    shown.activateWindow()
