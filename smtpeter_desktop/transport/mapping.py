"""The boundary where foreign errors become ours: ``mapped()``.

Inside it, ``ssl`` and ``socket`` errors, and those of the library a transport hands it
(``smtp_errors`` for ``smtplib``, ``http_errors`` for ``httpx``: each transport loads only
its own), become ``SendError``s (``errors``) with ``raise ... from exc``. Only the
transports import this.
"""

from __future__ import annotations

import dataclasses
import socket
import ssl
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from smtpeter_desktop.transport.errors import (
    ConnectError,
    SendError,
    SendTimeout,
    TlsError,
    redact,
)


@dataclasses.dataclass
class Context:
    """What the mapping needs to know besides the foreign error.

    Attributes:
        stage: where we are.
        server: "host:port" or the base URL, for the sentences.
        sent: true once the whole message was written (the final "." or the last body byte).
        secrets: texts that must never reach a message (a password, a token).
    """

    stage: str
    server: str = "?"
    sent: Callable[[], bool] = lambda: False
    secrets: tuple[str, ...] = ()


def dropped(ctx: Context) -> SendError:
    """The connection closed under us: before the whole message, or after it."""
    if ctx.sent():
        return ConnectError(
            f"The connection to {ctx.server} dropped after the whole message was sent, "
            "before the server confirmed it.",
            "The message may have been accepted: look in the recipient's mailbox or SMTPeter's "
            "logs before sending it again.",
            stage=ctx.stage,
            maybe_accepted=True,
        )
    return ConnectError(
        f"The connection to {ctx.server} dropped; the message was not sent.",
        "Check your internet connection and try again.",
        stage=ctx.stage,
    )


def timed_out(ctx: Context) -> SendError:
    """The server stayed silent: before the whole message, or after it."""
    if ctx.sent():
        return SendTimeout(
            f"The server {ctx.server} did not confirm the message in time after all of it "
            "was sent.",
            "The message may have been accepted: look in the recipient's mailbox or SMTPeter's "
            "logs before sending it again.",
            stage=ctx.stage,
            maybe_accepted=True,
        )
    return SendTimeout(
        f"The server {ctx.server} did not answer in time; the message was not sent.",
        "Check your internet connection, or raise the timeouts in the profile, and try again.",
        stage=ctx.stage,
    )


def too_slow(ctx: Context, seconds: float) -> SendError:
    """A stage ran past its deadline (a silent or trickling server): before the whole message,
    a temporary failure with nothing sent; after it, an unknown outcome."""
    if ctx.sent():
        return SendTimeout(
            f"The server {ctx.server} did not confirm the message within {seconds:g} s after "
            "all of it was sent.",
            "The message may have been accepted: look in the recipient's mailbox or SMTPeter's "
            "logs before sending it again.",
            stage=ctx.stage,
            maybe_accepted=True,
        )
    return SendTimeout(
        f"The server {ctx.server} was too slow: the {ctx.stage} step did not finish within "
        f"{seconds:g} s; the message was not sent.",
        "Check your internet connection and try again later.",
        stage=ctx.stage,
    )


def tls_error(exc: BaseException, ctx: Context) -> SendError:
    if isinstance(exc, ssl.SSLCertVerificationError):
        reason = getattr(exc, "verify_message", None) or getattr(exc, "reason", None) or exc
        return TlsError(
            f"The certificate of {ctx.server} could not be verified: {reason}.",
            "If this is your own server, add its CA file to the profile and check the host "
            "name; otherwise the connection may be intercepted, so do not send.",
            stage=ctx.stage,
        )
    return TlsError(
        f"A secure connection to {ctx.server} could not be set up ({exc}).",
        "Check the host, port and security setting in the profile (587 uses STARTTLS, "
        "465 TLS from the start).",
        stage=ctx.stage,
    )


def _os_error(exc: OSError, ctx: Context) -> SendError:
    if isinstance(exc, TimeoutError):
        return timed_out(ctx)
    if isinstance(exc, ssl.SSLError) and not isinstance(
        exc, ssl.SSLZeroReturnError | ssl.SSLEOFError
    ):
        return tls_error(exc, ctx)
    if isinstance(exc, socket.gaierror):
        return ConnectError(
            f"The server name in {ctx.server} could not be found.",
            "Check the host name in the profile and your internet connection.",
            stage=ctx.stage,
        )
    if isinstance(exc, ConnectionRefusedError):
        return ConnectError(
            f"The server {ctx.server} refused the connection.",
            "Check the host and port in the profile, and that the server is running.",
            stage=ctx.stage,
        )
    if ctx.stage in {"connect", "resolve"}:
        return ConnectError(
            f"Could not connect to {ctx.server} ({exc.strerror or exc}).",
            "Check your internet connection and the host and port in the profile.",
            stage=ctx.stage,
        )
    return dropped(ctx)


def find_ssl_error(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return current
        current = current.__cause__ or current.__context__
    return None


Handler = Callable[[Any, Context], SendError]
"""Our error for one library's error class (its table maps each class to one)."""


def translate(
    exc: BaseException, ctx: Context, foreign: Mapping[Any, Handler] | None = None
) -> SendError | None:
    """Our error for a foreign one, or None when it is not a known failure (a bug).

    ``foreign`` maps a library's error classes (``smtp_errors.SMTP_ERRORS``,
    ``http_errors.HTTPX_ERRORS``) to ours; the nearest class in the error's MRO wins.
    """
    table = foreign or {}
    for cls in type(exc).__mro__:
        if cls in table:
            return table[cls](exc, ctx)
    if isinstance(exc, OSError):
        return _os_error(exc, ctx)
    return None


@contextmanager
def mapped(ctx: Context, foreign: Mapping[Any, Handler] | None = None) -> Iterator[None]:
    """Turn the foreign errors raised inside into ``SendError``s, ``raise ... from exc``:
    ``OSError`` (sockets, TLS) always, and the classes of the ``foreign`` table.

    Our own errors pass through; anything unknown (a bug) passes through untouched.
    """
    caught: tuple[type[BaseException], ...] = (OSError, *(foreign or {}))
    try:
        yield
    except SendError:
        raise
    except caught as exc:
        error = translate(exc, ctx, foreign)
        if error is None:  # pragma: no cover - translate knows every OSError
            raise
        error.message = redact(error.message, ctx.secrets)
        error.args = (error.message,)
        if error.server_reply is not None:
            error.server_reply = redact(error.server_reply, ctx.secrets)
        raise error from exc
