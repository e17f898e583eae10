"""Telling how a send ended: a banner in words (``delivery.wording``'s, the command line's
too) with the buttons for what the person may do next.

    Sent: a green bar with the ids │ Failed: the reason, safe in the Outbox, [Edit and Resend]
    │ Not sent yet: when it is tried again │ Unknown: said plainly, [It Arrived] / [Send Again]
    │ Stopped: where it is now

The buttons call the person's decisions (``send_decisions.Decisions``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery import wording
from smtpeter_desktop.delivery.names import State
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.messages import Action

if TYPE_CHECKING:
    from smtpeter_desktop.ui.send_decisions import Decisions

_SETUP_KINDS = (ErrorKind.AUTH, ErrorKind.TLS, ErrorKind.CONFIG, ErrorKind.SETUP)


class OutcomeTeller:
    """Says each outcome once, as a banner keyed by its message (a newer one replaces it)."""

    def __init__(
        self,
        decide: Decisions,
        reveal: Callable[[str, int], None],
        show_pane: Callable[[str], None],
    ) -> None:
        self._decide = decide
        self._reveal = reveal
        self._show_pane = show_pane

    def tell(self, outcome: Outcome, subject: str) -> None:
        if outcome.result is Result.SENT:
            self.sent(outcome, subject)
        elif outcome.error is not None:
            self.not_sent(outcome, outcome.error, subject)

    def sent(self, outcome: Outcome, subject: str) -> None:
        receipt = outcome.receipt
        assert receipt is not None
        id = outcome.message_id
        details = wording.receipt_ids(receipt)
        if self._decide.is_sandbox(id):
            details = f"{wording.sandbox_kept()} {details}".strip()
        messages.withdraw(messages.outcome_key(id))  # its failure is past
        messages.success(
            wording.sent(subject, len(receipt.accepted)),
            details,
            actions=[
                Action(
                    translate("OutcomeTeller", "Show in &Sent"), lambda: self._reveal("sent", id)
                )
            ],
            # One "sent" bar at a time: a newer send's takes its place, they never pile up.
            key="sent",
            timeout=30,
        )
        if receipt.rejected:
            messages.warning(
                wording.refused(receipt.rejected),
                translate(
                    "OutcomeTeller",
                    "Check those addresses, then send them the message in a new one.",
                ),
                actions=[
                    Action(
                        translate("OutcomeTeller", "&Write to Them"),
                        functools.partial(
                            self._decide.write_to, id, tuple(r.address for r in receipt.rejected)
                        ),
                        primary=True,
                    )
                ],
                key=f"refused-{id}",
            )
        if outcome.error is not None:
            # Sent, with something the person must know: recipients the server put off for
            # now (a copy for them waits in the Outbox), or a send that could not be noted.
            messages.warning(
                wording.sentence(outcome.error.message),
                outcome.error.hint,
                actions=[
                    Action(
                        translate("OutcomeTeller", "Open &Outbox"),
                        lambda: self._show_pane("outbox"),
                    )
                ],
                key=f"sent-note-{id}",
            )

    def not_sent(self, outcome: Outcome, error: ErrorInfo, subject: str) -> None:
        id = outcome.message_id
        decide = self._decide
        edit = Action(
            translate("OutcomeTeller", "&Edit and Resend"), lambda: decide.edit(id), primary=True
        )
        again = Action(lists.SEND_AGAIN, lambda: decide.send_again(id))
        key = messages.outcome_key(id)
        if outcome.result is Result.UNKNOWN:
            messages.warning(
                wording.unknown(subject, error),
                translate(
                    "OutcomeTeller",
                    "Ask a recipient (or look in SMTPeter's dashboard), then choose.",
                ),
                actions=[Action(lists.ARRIVED, lambda: decide.mark_sent(id)), again],
                key=key,
            )
        elif outcome.result is Result.RETRY:
            messages.warning(
                wording.not_sent_yet(subject, error),
                translate(
                    "OutcomeTeller", "It waits in the Outbox and is tried again at {when}."
                ).format(when=lists.when(outcome.retry_at)),
                actions=[Action(lists.SEND_NOW, lambda: decide.send_again(id)), edit],
                key=key,
            )
        elif error.kind is ErrorKind.CANCELLED:
            # Said from where it is now (the core's hint may speak to the command line).
            if decide.state_of(id) is State.DRAFT:
                where = translate(
                    "OutcomeTeller", "It is back in your drafts (File ▸ Open Draft…)."
                )
                actions = [
                    Action(
                        translate("OutcomeTeller", "&Open It"),
                        lambda: decide.open_draft(id),
                        primary=True,
                    )
                ]
            else:
                where = translate("OutcomeTeller", "It waits in the Outbox.")
                actions = [edit, again]
            messages.info(wording.stopped(subject), where, actions=actions, key=key)
        else:
            actions = [edit]
            if error.kind in _SETUP_KINDS:
                actions.append(
                    Action(
                        translate("OutcomeTeller", "Open &Accounts"),
                        lambda: decide.open_account_of(id),
                    )
                )
            actions.append(again)
            safe = translate("OutcomeTeller", "It is safe in the Outbox.")
            messages.error(
                wording.not_sent(subject, error),
                f"{error.hint} {safe}".strip(),
                actions=actions,
                key=key,
            )
