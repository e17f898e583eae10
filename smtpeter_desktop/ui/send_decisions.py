"""What the person decides about a message after a send: edit it, send it again, mark it as
arrived, write to the refused recipients, discard it, open its account.

Each is one quick change through the window's own Postman on the GUI thread (it fails fast
rather than wait for another process's write); a refusal or a busy mailbox is said in words.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.names import MailboxBusy, State
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import messages

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.postman import Postman

    from smtpeter_desktop.ui.send_flow import SendFlow


class Decisions:
    """The person's decisions about message ``id``s, for ``flow``'s window."""

    def __init__(self, flow: SendFlow, context: AppContext, postman: Postman) -> None:
        self._flow = flow
        self._context = context
        self._postman = postman

    # Reading ------------------------------------------------------------------------------

    def state_of(self, id: int) -> State | None:
        try:
            return self._postman.read(id).state
        except StorageError:
            return None

    def is_sandbox(self, id: int) -> bool:
        try:
            profile = self._context.profiles.find(self._postman.read(id).profile_id)
        except StorageError:
            return False
        return profile is not None and profile.sandbox

    # Deciding -----------------------------------------------------------------------------

    def edit(self, id: int) -> None:
        """Edit and resend: the message becomes a draft again, in the compose pane."""
        try:
            draft = self._postman.edit(id, draft_ok=True)
        except StorageError as exc:
            messages.error(
                translate("Decisions", "The message could not be opened: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            return
        self._flow.outbox_changed.emit()
        self._flow.open_draft(id, draft)

    def open_draft(self, id: int) -> None:
        self._flow.open_draft(id)

    def write_to(self, id: int, recipients: Sequence[str]) -> None:
        """A new message, a copy of sent message ``id``, to ``recipients`` alone (those the
        server refused: corrected, they can have it after all)."""
        try:
            draft = Draft.from_json(self._postman.read(id).draft)
        except StorageError as exc:
            messages.error(
                translate("Decisions", "The message could not be copied: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            return
        self._flow.write_new(dataclasses.replace(draft, to=", ".join(recipients), cc="", bcc=""))

    def open_account_of(self, id: int) -> None:
        """Accounts, with the account message ``id`` was sent with selected."""
        try:
            profile_id = self._postman.read(id).profile_id
        except StorageError:
            profile_id = ""
        self._flow.show_account.emit(profile_id)

    def send_again(self, id: int, *, asked: bool = False) -> None:
        """Send message ``id`` again: the Outbox's button and the banners' alike. One whose
        outcome is unknown may have arrived: the person is asked first."""
        if not asked and self.state_of(id) is State.UNKNOWN:
            self._flow.questions.send_again(lambda: self.send_again(id, asked=True))
            return
        again = functools.partial(self._postman.send_again, id, even_if_it_arrived=asked)
        done = translate("Decisions", "The message could not be sent again")
        if self._change(id, done, again):
            self._flow.send_queued(id)

    def mark_sent(self, id: int) -> None:
        """It arrived: a message of unknown outcome moves to Sent."""
        done = translate("Decisions", "The message could not be marked as sent")
        if self._change(id, done, functools.partial(self._postman.mark_arrived, id)):
            self._flow.sent.emit(id)

    def discard(self, id: int) -> None:
        """Delete a message from the Outbox, unsent (the Outbox asked first)."""
        done = translate("Decisions", "The message could not be discarded")
        self._change(id, done, functools.partial(self._postman.delete, id))

    def _change(self, id: int, failed: str, change: Callable[[], None]) -> bool:
        """One quick change the person asked for; a refusal or a busy mailbox is said."""
        try:
            change()
        except MailboxBusy as exc:
            messages.warning(
                translate("Decisions", "{failed} yet. {reason}").format(
                    failed=failed, reason=exc.message
                ),
                exc.hint,
            )
            return False
        except StorageError as exc:
            messages.error(
                translate("Decisions", "{failed}: {reason}").format(
                    failed=failed, reason=exc.message
                ),
                exc.hint,
            )
            self._flow.outbox_changed.emit()
            return False
        # The banner about its last send offers what was just done: it goes.
        messages.withdraw(messages.outcome_key(id))
        self._flow.outbox_changed.emit()
        return True
