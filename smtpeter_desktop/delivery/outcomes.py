"""What a send ended as, and a transport error as the mailbox keeps it.

An error is stored as JSON (the mailbox never parses it) and read back for the outbox
list, the window's message and the command line's exit code.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import TYPE_CHECKING, Any

from smtpeter_desktop.transport.errors import (
    AuthError,
    Cancelled,
    ConfigError,
    MessageRejected,
    RecipientsRejected,
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
        if not text:
            return None
        try:
            data: dict[str, Any] = json.loads(text)
            kind = ErrorKind(data.get("kind", ErrorKind.BUG))
        except (ValueError, TypeError):
            return cls(ErrorKind.BUG, "The stored reason could not be read.")
        return cls(
            kind=kind,
            message=str(data.get("message", "")),
            hint=str(data.get("hint", "")),
            retryable=bool(data.get("retryable", False)),
            maybe_accepted=bool(data.get("maybe_accepted", kind is ErrorKind.INTERRUPTED)),
            server_reply=str(data.get("server_reply", "")),
            retry_after=data.get("retry_after"),
        )

    @property
    def text(self) -> str:
        """The message and the hint, as one paragraph."""
        return f"{self.message} {self.hint}".strip()


class Result(enum.StrEnum):
    """Where the message ended up after one send."""

    SENT = "sent"  # the server took it
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
    """

    message_id: int
    result: Result
    receipt: Receipt | None = None
    error: ErrorInfo | None = None
    retry_at: float | None = None
