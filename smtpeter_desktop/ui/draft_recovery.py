"""The draft that was open when the app last stopped: reopened, or, if showing it may have
crashed the app (it was being rendered), kept aside with a banner to read it as plain text
or delete it."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.delivery.names import State
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.messages import Action, Level

if TYPE_CHECKING:
    from smtpeter_desktop.ui.main_window import MainWindow
    from smtpeter_desktop.ui.recovery import LastRun


def reopen(window: MainWindow, last_run: LastRun | None) -> None:
    """After a clean quit, a new message; after a kill or crash, the draft that was open,
    unless it was being rendered then (it might crash the window again): said instead."""
    keeper = window.keeper
    if keeper is None or last_run is None or last_run.draft is None:
        window.new_from_default()
    elif last_run.rendering:
        window.new_from_default()
        _tell_unsafe_draft(window, last_run.draft)
    elif not _is_draft(window, last_run.draft) or not keeper.open(last_run.draft):
        window.new_from_default()


def _is_draft(window: MainWindow, id: int) -> bool:
    assert window.postman is not None
    try:
        return window.postman.read(id).state is State.DRAFT
    except StorageError:
        return False


def _tell_unsafe_draft(window: MainWindow, id: int) -> None:
    assert window.postman is not None
    if not _is_draft(window, id):
        return
    try:
        subject = window.postman.read(id).subject
    except StorageError:
        subject = ""
    # Whole sentences, not a phrase slotted into one: word order differs between languages.
    if subject:
        text = translate(
            "draft_recovery",
            "SMTPeter Desktop closed unexpectedly last time while showing the draft "
            "“{subject}”. It is kept, but not opened, so that it cannot close the app again.",
        ).format(subject=subject)
    else:
        text = translate(
            "draft_recovery",
            "SMTPeter Desktop closed unexpectedly last time while showing a draft without a "
            "subject. It is kept, but not opened, so that it cannot close the app again.",
        )
    window.show_banner(
        "recovery",
        Level.WARNING,
        text,
        translate("draft_recovery", "Read its text as plain text, or delete it."),
        [
            Action(
                translate("draft_recovery", "Show as Plain &Text"),
                functools.partial(show_draft_text, window, id),
                primary=True,
            ),
            Action(
                translate("draft_recovery", "&Delete Draft…"),
                functools.partial(ask_delete_draft, window, id),
            ),
        ],
    )


def show_draft_text(window: MainWindow, id: int) -> None:
    """Draft ``id`` as plain text in a dialog: nothing of it is rendered."""
    from smtpeter_desktop.ui.drafts import DraftTextDialog

    assert window.postman is not None
    try:
        draft = window.postman.draft_of(id)
    except (StorageError, ComposeError) as exc:
        messages.error(
            translate("draft_recovery", "The draft could not be read: {reason}").format(
                reason=exc.message
            ),
            exc.hint,
        )
        return
    dialog = DraftTextDialog(draft, window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def ask_delete_draft(window: MainWindow, id: int) -> None:
    """Delete draft ``id`` once the person confirms."""

    def delete() -> None:
        if window.postman is None:
            return
        try:
            window.postman.delete(id)
        except StorageError as exc:
            messages.error(
                translate("draft_recovery", "The draft could not be deleted: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            return
        window.drop_banner("recovery")
        messages.info(
            translate("draft_recovery", "The draft was deleted."), timeout=8, key="draft-deleted"
        )

    lists.confirm(
        window,
        translate("draft_recovery", "Delete the draft?"),
        translate("draft_recovery", "Delete this draft? Its text cannot be brought back."),
        translate("draft_recovery", "Delete"),
        delete,
    )
