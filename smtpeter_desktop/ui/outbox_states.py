"""What an outbox message's state is called (its badge: Waiting, Sending…, Will retry at
14:05, Due now, Late, Failed, Unknown) and what it means for that message, in plain words;
and how many entries the Outbox has (its badge in the sidebar), without building the pane."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery.merges import job_of
from smtpeter_desktop.delivery.names import State, Summary
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.lists import Tone

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.postman import Postman

OUTBOX_STATES = (State.QUEUED, State.SENDING, State.FAILED, State.UNKNOWN)


def entry_count(summaries: list[Summary], mail: Postman) -> int:
    """How many entries the Outbox lists for ``summaries``: a merge's rows are one entry, as
    ``MergeGroups`` groups them (each row on its own when the merges cannot be read)."""
    merges: set[int] = set()
    alone = 0
    try:
        for summary in summaries:
            found = job_of(mail, summary.id)
            if found is None:
                alone += 1
            else:
                merges.add(found[0])
    except StorageError:
        return len(summaries)
    return alone + len(merges)


@dataclasses.dataclass(frozen=True)
class Badge:
    """A message's state as its badge says it."""

    text: str
    tone: Tone


def _was_cancelled(summary: Summary) -> bool:
    """The person stopped its send (a failure of their choosing, not the server's)."""
    info = ErrorInfo.from_json(summary.error)
    return info is not None and info.kind is ErrorKind.CANCELLED


def is_late(summary: Summary, now: float, late_after: float | None) -> bool:
    """Scheduled, and found more than ``late_after`` seconds after its time: it waits for
    the person (the window and the send-due timer leave it alone)."""
    return (
        late_after is not None
        and summary.state is State.QUEUED
        and summary.not_before is not None
        and now - summary.not_before > late_after
    )


def badge(
    summary: Summary, now: float, *, sending: bool = False, late_after: float | None = None
) -> Badge:
    """The badge of an outbox message: Waiting, Sending…, Will retry at 14:05, Due now,
    Late, Failed, Unknown. ``sending``: the window's send worker has it now (also while its
    state is still being written). ``late_after``: see :func:`is_late`."""
    if summary.state is State.SENDING or (sending and summary.state is State.QUEUED):
        return Badge(translate("OutboxPane", "Sending…"), Tone.BUSY)
    if summary.state is State.FAILED:
        if _was_cancelled(summary):
            return Badge(translate("OutboxPane", "Cancelled"), Tone.NEUTRAL)
        return Badge(translate("OutboxPane", "Failed"), Tone.BAD)
    if summary.state is State.UNKNOWN:
        return Badge(translate("OutboxPane", "Unknown — may have been sent"), Tone.WAIT)
    if summary.retry_at is not None and summary.retry_at > now:
        return Badge(
            translate("OutboxPane", "Will retry at {time}").format(
                time=lists.when(summary.retry_at, now)
            ),
            Tone.WAIT,
        )
    if is_late(summary, now, late_after):
        return Badge(translate("OutboxPane", "Late — waiting for you"), Tone.WAIT)
    if (summary.retry_at is not None and summary.retry_at <= now) or (
        summary.not_before is not None and summary.not_before <= now
    ):
        # Its time has come: the window sends it at that time, not at its next look.
        return Badge(translate("OutboxPane", "Due now"), Tone.BUSY)
    if summary.not_before is not None:
        return Badge(translate("OutboxPane", "Scheduled"), Tone.NEUTRAL)
    return Badge(translate("OutboxPane", "Waiting"), Tone.NEUTRAL)


def explain(summary: Summary, now: float, late_after: float | None = None) -> str:
    """What the state means for this message, in one or two plain sentences."""
    if summary.state is State.SENDING:
        return translate("OutboxPane", "It is being sent right now.")
    if summary.state is State.FAILED:
        if _was_cancelled(summary):
            return translate(
                "OutboxPane",
                "You stopped sending it: it was not sent, and waits here until you choose.",
            )
        return translate("OutboxPane", "It was not sent, and it will not be tried again by itself.")
    if summary.state is State.UNKNOWN:
        return translate(
            "OutboxPane",
            "The connection broke off after the whole message had gone out, so the server "
            "may have accepted it — or not. It is not sent again by itself, so that nobody "
            "gets it twice. Ask a recipient, or look in SMTPeter's logs, then choose below.",
        )
    if summary.retry_at is not None and summary.retry_at > now:
        return translate(
            "OutboxPane",
            "The last try met a problem that usually passes, so it waits and is tried again "
            "at {time} while SMTPeter Desktop is open.",
        ).format(time=lists.when(summary.retry_at, now))
    if is_late(summary, now, late_after) and summary.not_before is not None:
        return translate(
            "OutboxPane",
            "It was to go at {time}, when SMTPeter Desktop was not running. So late, it is not "
            "sent by itself: send it now, change the time, or take it back to the drafts.",
        ).format(time=scheduled_text(summary.not_before))
    if summary.not_before is not None and summary.not_before > now:
        return translate("OutboxPane", "It goes out at {time}.").format(
            time=scheduled_text(summary.not_before)
        )
    return translate("OutboxPane", "It is waiting to be sent.")


def scheduled_text(timestamp: float | None) -> str:
    """When a scheduled message goes, in the person's locale; empty when not scheduled."""
    if timestamp is None:
        return ""
    from smtpeter_desktop.ui.send_later import moment_text

    return moment_text(timestamp)
