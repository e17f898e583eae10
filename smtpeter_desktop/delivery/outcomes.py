"""What a send ended as, and a transport error as the mailbox keeps it.

An error is stored as JSON (the mailbox never parses it) and read back for the outbox
list, the window's message and the command line's exit code.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery import stored
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.transport.errors import (
    AuthError,
    Cancelled,
    ConfigError,
    MessageRejected,
    RecipientsRejected,
    Rejection,
    SendError,
    ServerBusy,
    TlsError,
)

if TYPE_CHECKING:
    from smtpeter_desktop.transport.base import Receipt


class ErrorKind(enum.StrEnum):
    """What went wrong, as stored: names a person never sees, but code branches on."""

    AUTH = "auth"
    TLS = "tls"
    CONFIG = "config"
    REJECTED = "rejected"
    BUSY = "busy"
    CONNECTION = "connection"
    CANCELLED = "cancelled"
    DEFERRED = "deferred"  # the server put some recipients off for now; they go again alone
    UNRECORDED = "unrecorded"  # sent, but the mailbox could not record it
    SETUP = "setup"  # no profile, no secret, a keyring that cannot be read
    INTERRUPTED = "interrupted"  # the process stopped while sending (the mailbox's recover)
    BUG = "bug"


def _kind_of(error: SendError) -> ErrorKind:
    kinds: tuple[tuple[type[SendError], ErrorKind], ...] = (
        (AuthError, ErrorKind.AUTH),
        (TlsError, ErrorKind.TLS),
        (ConfigError, ErrorKind.CONFIG),
        (RecipientsRejected, ErrorKind.REJECTED),
        (MessageRejected, ErrorKind.REJECTED),
        (ServerBusy, ErrorKind.BUSY),
        (Cancelled, ErrorKind.CANCELLED),
    )
    return next((kind for cls, kind in kinds if isinstance(error, cls)), ErrorKind.CONNECTION)


@dataclasses.dataclass(frozen=True)
class ErrorInfo:
    """A failure as the person reads it, and what the app may do about it.

    Attributes:
        kind: the family it belongs to.
        message: what happened.
        hint: what to do.
        retryable: sending later may work.
        maybe_accepted: the server may have taken the message; never resend without asking.
        server_reply: the server's own words, when it said something.
        retry_after: seconds the server asked to wait, when it did.
    """

    kind: ErrorKind
    message: str
    hint: str = ""
    retryable: bool = False
    maybe_accepted: bool = False
    server_reply: str = ""
    retry_after: float | None = None

    @classmethod
    def of(cls, error: SendError) -> ErrorInfo:
        return cls(
            kind=_kind_of(error),
            message=error.message,
            hint=error.hint,
            retryable=error.retryable,
            maybe_accepted=error.maybe_accepted,
            server_reply=error.server_reply or "",
            retry_after=getattr(error, "retry_after", None),
        )

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> ErrorInfo | None:
        """The error stored as ``text``, read as the command line's lists read it
        (:func:`stored.error_fields`); None when nothing is stored."""
        fields = stored.error_fields(text)
        if fields is None:
            return None
        return cls(**{**fields, "kind": ErrorKind(fields["kind"])})

    @property
    def text(self) -> str:
        """The message and the hint, as one paragraph."""
        return f"{self.message} {self.hint}".strip()


def is_temporary(rejection: Rejection) -> bool:
    """A refusal for now (4xx): the same recipient may be taken later."""
    return stored.is_temporary(rejection.code)


def deferred_of(receipt: Receipt) -> tuple[Rejection, ...]:
    """The recipients the server put off for now, while it took the message for others.

    A transport that predates ``Receipt.deferred`` lists them among ``rejected``; both count.
    """
    listed = {r.address for r in receipt.deferred}
    return receipt.deferred + tuple(
        r for r in receipt.rejected if is_temporary(r) and r.address not in listed
    )


def refused_of(receipt: Receipt) -> tuple[Rejection, ...]:
    """The recipients the server refused for good (5xx)."""
    return tuple(r for r in receipt.rejected if not is_temporary(r))


def cancelled_by_you(*, kept_as_draft: bool, id: int) -> ErrorInfo:
    """The words for a send the person stopped before anything went out."""
    if kept_as_draft:
        hint = "It is kept as a draft: open it to change it or send it again."
    else:
        hint = (
            "It waits in the outbox and is not tried again by itself: send it with Retry "
            f"(`smtpeter-desktop outbox retry {id}`) when you want it to go."
        )
    return ErrorInfo(
        ErrorKind.CANCELLED,
        translate("delivery.outcomes", "Cancelled by you: the message was not sent."),
        hint,
    )


def not_recorded(reason: str) -> ErrorInfo:
    """The words for a message the server took while the mailbox could not note it."""
    return ErrorInfo(
        ErrorKind.UNRECORDED,
        translate(
            "delivery.outcomes",
            "The message was sent (the server accepted it), but SMTPeter Desktop "
            "could not record that: {rstrip}.",
        ).format(rstrip=reason.rstrip(".")),
        translate(
            "delivery.outcomes",
            (
                "Do not send it again. Free some disk space; the message then shows as "
                "“may have gone out”: mark it as sent."
            ),
        ),
        maybe_accepted=True,
    )


def bug_while_sending() -> ErrorInfo:
    """The words for a bug met while sending: the one way every front end says it.

    Whether the server took the message is unknown, so it is never sent again by itself.
    """
    return ErrorInfo(
        ErrorKind.BUG,
        translate(
            "delivery.outcomes",
            (
                "SMTPeter Desktop ran into an internal problem while sending; "
                "the message may or may not have gone out."
            ),
        ),
        translate(
            "delivery.outcomes",
            "Look in Sent or ask the recipient before sending it again. The details are in "
            "the log.",
        ),
        maybe_accepted=True,
    )


def bug_while_preparing() -> ErrorInfo:
    """The words for a bug met while building and storing a message. It stays a draft; the
    front end says so where it says what became of the message (said here too, it was said
    twice)."""
    return ErrorInfo(
        ErrorKind.BUG,
        translate(
            "delivery.outcomes",
            "SMTPeter Desktop ran into an internal problem while preparing the message.",
        ),
        translate(
            "delivery.outcomes",
            "Try again; if it happens again, the details are in the log (Help ▸ Open Log Folder).",
        ),
    )


def deferred_recipients(original: int, rejections: tuple[Rejection, ...]) -> ErrorInfo:
    """The words kept with the outbox message that carries the recipients put off for now."""
    listed = "; ".join(f"{r.address} ({r.code} {r.text})".strip() for r in rejections)
    return ErrorInfo(
        ErrorKind.DEFERRED,
        translate(
            "delivery.outcomes",
            "The server put off these recipients for now: {listed}. Message "
            "{original} went to the others; this copy goes to these recipients alone.",
        ).format(listed=listed, original=original),
        translate(
            "delivery.outcomes", "It is tried again by itself; you can also send it now with Retry."
        ),
        retryable=True,
    )


class Result(enum.StrEnum):
    """Where the message ended up after one send."""

    SENT = "sent"  # the server took it
    DRAFT = "draft"  # stopped before it went: kept as a draft (cancelled while preparing)
    RETRY = "retry"  # not taken, certainly; queued again for later
    FAILED = "failed"  # not taken; waits in the outbox for the person
    UNKNOWN = "unknown"  # may have been taken: the person decides
    SKIPPED = "skipped"  # not sent now: not due, or another process has it


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One send's result.

    Attributes:
        message_id: the mailbox id.
        result: where it ended up.
        receipt: the server's receipt when sent.
        error: why not, otherwise.
        retry_at: when the next try is due (``RETRY``).
        deferred_id: the outbox message that carries the recipients the server put off for
            now (``SENT`` with ``deferred_of(receipt)``); None when none were, or when that
            message could not be stored (then ``error`` says so).
        deferred_at: when that message is tried next.

    A ``SENT`` outcome may carry an ``error``: ``UNRECORDED`` (sent, but not noted in the
    mailbox) or ``DEFERRED`` (some recipients wait; it names them).
    """

    message_id: int
    result: Result
    receipt: Receipt | None = None
    error: ErrorInfo | None = None
    retry_at: float | None = None
    deferred_id: int | None = None
    deferred_at: float | None = None


class Stopped(Exception):
    """The person cancelled a message while it was being prepared; it is kept as a draft.

    Attributes:
        outcome: what to tell (``Result.DRAFT`` with the words of ``cancelled_by_you``).
    """

    def __init__(self, id: int) -> None:
        super().__init__(f"message {id} was cancelled before it was queued")
        self.outcome = Outcome(id, Result.DRAFT, error=cancelled_by_you(kept_as_draft=True, id=id))
