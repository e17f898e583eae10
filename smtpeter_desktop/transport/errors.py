"""The one error family of the transports, and the boundary where foreign errors become it.

Every failure a person can cause or meet (a wrong password, a refused certificate, a busy
server) leaves a transport as a ``SendError``; anything else is a bug and stays a bug.

Our exception hierarchy::

    SendError               base: message, hint, retryable, maybe_accepted, stage, server_reply
    ├── AuthError           the login, password or API token was refused (535, 401, 403)
    ├── TlsError            no TLS offered, or the certificate could not be verified
    ├── ConnectError        no connection, or the connection dropped
    ├── RecipientsRejected  every recipient was refused; ``rejections`` says why, per address
    ├── MessageRejected     the server refused this message (5xx after DATA, 400, too large)
    │   └── InvalidMessage  we refused it ourselves before sending a byte (unsafe header value)
    ├── ServerBusy          try again later (4xx, 429, 503); ``retry_after`` when the server said
    │   └── RecipientsDeferred  every recipient was refused for now (4xx at RCPT)
    ├── ServerError         the server failed (REST 5xx other than 503)
    ├── SendTimeout         the server did not answer in time, or too slowly (a stage's deadline)
    ├── Cancelled           the user stopped the send
    ├── UnexpectedAnswer    an answer the protocol does not allow, or a body we cannot read
    └── ConfigError         the profile cannot work (http:// to a remote host, unreadable CA file)

``maybe_accepted`` is the one flag nobody may ignore: the whole message had been written
when the connection failed, so the server may have taken it. Nothing resends such a message
without asking the user; ``retryable`` is always false then.

The boundary where foreign errors become these is ``mapping``; this module imports no
network library, so whatever only reads an error (the outbox, the window) stays light.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import ClassVar

_TOKEN_RE = re.compile(r"(access_token=)[^&\s'\"]+")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every ``access_token=`` value and every given secret replaced by ``***``."""
    text = _TOKEN_RE.sub(r"\1***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


@dataclasses.dataclass(frozen=True)
class Rejection:
    """One recipient the server refused: the address, the reply code and the server's words."""

    address: str
    code: int
    text: str


class SendError(Exception):
    """A send or a check failed in a way a person can understand and act on.

    Attributes:
        message: what happened, in a person's words.
        hint: what to do about it.
        retryable: sending again later can help (never true when ``maybe_accepted``).
        maybe_accepted: the outcome is unknown; nothing may resend without asking the user.
        stage: where it happened ("connect", "tls", "auth", "mail", "rcpt", "data", ...).
        server_reply: the server's own words, when it said something.
    """

    default_retryable: ClassVar[bool] = False

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        stage: str = "send",
        retryable: bool | None = None,
        maybe_accepted: bool = False,
        server_reply: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.stage = stage
        self.maybe_accepted = maybe_accepted
        wanted = self.default_retryable if retryable is None else retryable
        self.retryable = wanted and not maybe_accepted
        self.server_reply = server_reply

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(stage={self.stage!r}, message={self.message!r}, "
            f"retryable={self.retryable}, maybe_accepted={self.maybe_accepted})"
        )


class AuthError(SendError):
    """The login, password or API token was refused."""


class TlsError(SendError):
    """TLS could not be set up: not offered, or the certificate did not verify."""


class ConnectError(SendError):
    """No connection could be made, or it dropped."""

    default_retryable = True


class RecipientsRejected(SendError):
    """Every recipient was refused, so nothing was sent.

    Attributes:
        rejections: the reason per address.
    """

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        rejections: Iterable[Rejection] = (),
        **kwargs: object,
    ) -> None:
        self.rejections = tuple(rejections)
        if "retryable" not in kwargs:
            # Only temporary refusals (4xx) may go away by themselves.
            kwargs["retryable"] = bool(self.rejections) and all(
                400 <= r.code < 500 for r in self.rejections
            )
        super().__init__(message, hint, **kwargs)  # type: ignore[arg-type]


class MessageRejected(SendError):
    """The server refused this message; sending it unchanged will fail again."""


class InvalidMessage(MessageRejected):
    """We refused to send the message as it is, before writing a single byte of it.

    Raised when a value that would go into a header or an SMTP command holds a line break,
    a control character or (in a header) a non-ASCII character: written out, it would end
    the header block early or smuggle in a command. Nothing was sent (never
    ``maybe_accepted``), and sending it unchanged fails again (never ``retryable``).
    """


class ServerBusy(SendError):
    """The server asked to try again later.

    Attributes:
        retry_after: seconds the server asked to wait, when it said.
    """

    default_retryable = True

    def __init__(
        self, message: str, hint: str = "", *, retry_after: float | None = None, **kwargs: object
    ) -> None:
        self.retry_after = retry_after
        super().__init__(message, hint, **kwargs)  # type: ignore[arg-type]


class RecipientsDeferred(ServerBusy):
    """Every recipient was refused for now (4xx at RCPT), so nothing was sent; a later try may
    pass, so it is retryable like any "busy" answer.

    Attributes:
        rejections: the reason per address (all 4xx).
    """

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        rejections: Iterable[Rejection] = (),
        **kwargs: object,
    ) -> None:
        self.rejections = tuple(rejections)
        super().__init__(message, hint, **kwargs)  # type: ignore[arg-type]


class ServerError(SendError):
    """The server failed on its side; a later try may work."""

    default_retryable = True


class SendTimeout(SendError):
    """The server did not answer in time."""

    default_retryable = True


class Cancelled(SendError):
    """The user stopped the send before the message was complete."""

    default_retryable = True


class UnexpectedAnswer(SendError):
    """The server answered something the protocol does not allow, or we cannot read."""


class ConfigError(SendError):
    """The profile's settings cannot work; the user must change them."""


def recipients_rejected(rejections: Iterable[Rejection], *, stage: str = "rcpt") -> SendError:
    """The error for "every recipient was refused", listing each with the server's words.

    When every refusal is temporary (4xx) it is ``RecipientsDeferred`` (busy, retryable);
    when any is permanent, ``RecipientsRejected``.
    """
    rejections = tuple(rejections)
    listed = "; ".join(f"{r.address}: {r.code} {r.text}".strip() for r in rejections)
    if rejections and all(400 <= r.code < 500 for r in rejections):
        return RecipientsDeferred(
            f"The server could not take any recipient now, so nothing was sent ({listed}).",
            "Try again in a few minutes.",
            rejections=rejections,
            stage=stage,
        )
    return RecipientsRejected(
        f"The server refused every recipient, so nothing was sent ({listed}).",
        "Check the addresses; a temporary refusal (4xx) may pass later.",
        rejections=rejections,
        stage=stage,
    )
