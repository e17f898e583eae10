"""The boundary where foreign errors become ours: ``mapped()``.

Inside it, ``smtplib``, ``ssl``, ``socket`` and ``httpx`` errors become ``SendError``s
(``errors``) with ``raise ... from exc``. Its tables name every subclass of
``smtplib.SMTPException`` and ``httpx.TransportError``; a test fails when a library adds one.
Only the transports import this: it loads the network libraries.
"""

from __future__ import annotations

import dataclasses
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TypeVar

import httpx

from smtpeter_desktop.transport.errors import (
    AuthError,
    ConfigError,
    ConnectError,
    MessageRejected,
    Rejection,
    SendError,
    SendTimeout,
    ServerBusy,
    TlsError,
    UnexpectedAnswer,
    recipients_rejected,
    redact,
)

_F = TypeVar("_F")


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


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    decoded = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{exc.smtp_code} {decoded}".strip()


def _by_code(code: int, reply: str, ctx: Context, what: str) -> SendError:
    if 400 <= code < 500:
        return ServerBusy(
            f"The server could not take {what} now: {reply}",
            "Try again in a few minutes.",
            stage=ctx.stage,
            server_reply=reply,
        )
    return MessageRejected(
        f"The server refused {what}: {reply}",
        "Read the server's answer; sending it unchanged will fail again.",
        stage=ctx.stage,
        server_reply=reply,
    )


def _smtp_auth(exc: smtplib.SMTPException, ctx: Context) -> SendError:
    assert isinstance(exc, smtplib.SMTPResponseException)
    reply = _reply(exc)
    if 400 <= exc.smtp_code < 500:
        return ServerBusy(
            f"The server could not check the login now: {reply}",
            "Try again in a few minutes.",
            stage=ctx.stage,
            server_reply=reply,
        )
    return AuthError(
        f"The server refused the login: {reply}",
        "Check the SMTP login and password in the profile; SMTPeter shows a new password "
        "only once, so make a new one in its dashboard if it was lost.",
        stage=ctx.stage,
        server_reply=reply,
    )


def _smtp_response(what: str) -> Callable[[smtplib.SMTPException, Context], SendError]:
    def build(exc: smtplib.SMTPException, ctx: Context) -> SendError:
        assert isinstance(exc, smtplib.SMTPResponseException)
        return _by_code(exc.smtp_code, _reply(exc), ctx, what)

    return build


def _smtp_recipients(exc: smtplib.SMTPException, ctx: Context) -> SendError:
    assert isinstance(exc, smtplib.SMTPRecipientsRefused)
    rejections = [
        Rejection(address, code, text.decode("utf-8", "replace"))
        for address, (code, text) in exc.recipients.items()
    ]
    return recipients_rejected(rejections, stage=ctx.stage)


def _smtp_disconnected(exc: smtplib.SMTPException, ctx: Context) -> SendError:
    # smtplib turns a socket timeout into "Connection unexpectedly closed: timed out".
    if isinstance(exc.__cause__ or exc.__context__, TimeoutError):
        return timed_out(ctx)
    return dropped(ctx)


def _smtp_not_supported(exc: smtplib.SMTPException, ctx: Context) -> SendError:
    return UnexpectedAnswer(
        f"The server {ctx.server} does not support a command we need ({exc}).",
        "Check that the profile points at an SMTP submission server such as SMTPeter.",
        stage=ctx.stage,
    )


def _smtp_other(exc: smtplib.SMTPException, ctx: Context) -> SendError:
    return UnexpectedAnswer(
        f"The server {ctx.server} answered something we did not expect ({exc}).",
        "Check that the profile points at an SMTP submission server such as SMTPeter.",
        stage=ctx.stage,
    )


# Every smtplib exception, by exact class; tests/transport/test_errors.py checks the list
# against smtplib itself.
SMTP_ERRORS: dict[
    type[smtplib.SMTPException], Callable[[smtplib.SMTPException, Context], SendError]
] = {
    smtplib.SMTPException: _smtp_other,
    smtplib.SMTPNotSupportedError: _smtp_not_supported,
    smtplib.SMTPServerDisconnected: _smtp_disconnected,
    smtplib.SMTPResponseException: _smtp_response("the command"),
    smtplib.SMTPSenderRefused: _smtp_response("the sender address"),
    smtplib.SMTPRecipientsRefused: _smtp_recipients,
    smtplib.SMTPDataError: _smtp_response("the message"),
    smtplib.SMTPConnectError: _smtp_response("the connection"),
    smtplib.SMTPHeloError: _smtp_response("our greeting"),
    smtplib.SMTPAuthenticationError: _smtp_auth,
}


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


def _tls(exc: BaseException, ctx: Context) -> SendError:
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
        return _tls(exc, ctx)
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


def _find_ssl_error(exc: BaseException) -> ssl.SSLError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLError):
            return current
        current = current.__cause__ or current.__context__
    return None


def _http_timeout(exc: httpx.TransportError, ctx: Context) -> SendError:
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return SendTimeout(
            f"The server {ctx.server} did not accept a connection in time; the message was "
            "not sent.",
            "Check your internet connection and try again.",
            stage=ctx.stage,
        )
    return timed_out(ctx)


def _http_connect(exc: httpx.TransportError, ctx: Context) -> SendError:
    found = _find_ssl_error(exc)
    if found is not None:
        return _tls(found, ctx)
    text = redact(str(exc), ctx.secrets)
    if (
        "Name or service not known" in text
        or "nodename nor servname" in text
        or "getaddrinfo" in text
    ):
        return ConnectError(
            f"The server name in {ctx.server} could not be found.",
            "Check the address in the profile and your internet connection.",
            stage=ctx.stage,
        )
    return ConnectError(
        f"Could not connect to {ctx.server} ({text}).",
        "Check your internet connection and the address in the profile.",
        stage=ctx.stage,
    )


def _http_dropped(exc: httpx.TransportError, ctx: Context) -> SendError:
    found = _find_ssl_error(exc)
    if found is not None and not isinstance(found, ssl.SSLZeroReturnError | ssl.SSLEOFError):
        return _tls(found, ctx)
    return dropped(ctx)


def _http_local_protocol(exc: httpx.TransportError, ctx: Context) -> SendError:
    # Our own request broke HTTP's rules: a bug, but one that must not look like a lost mail.
    return UnexpectedAnswer(
        f"The request to {ctx.server} could not be made ({redact(str(exc), ctx.secrets)}).",
        "This is a fault in SMTPeter Desktop; please report it.",
        stage=ctx.stage,
    )


def _http_proxy(exc: httpx.TransportError, ctx: Context) -> SendError:
    return ConnectError(
        f"The proxy refused the connection to {ctx.server}.",
        "Check the proxy settings of this computer.",
        stage=ctx.stage,
    )


def _http_unsupported(exc: httpx.TransportError, ctx: Context) -> SendError:
    return ConfigError(
        f"The address {ctx.server} is not an http:// or https:// address.",
        "Correct the REST address in the profile.",
        stage=ctx.stage,
    )


# Every httpx transport error, by exact class; tests/transport/test_errors.py checks the list
# against httpx itself.
HTTPX_ERRORS: dict[
    type[httpx.TransportError], Callable[[httpx.TransportError, Context], SendError]
] = {
    httpx.TransportError: _http_dropped,
    httpx.TimeoutException: _http_timeout,
    httpx.ConnectTimeout: _http_timeout,
    httpx.ReadTimeout: _http_timeout,
    httpx.WriteTimeout: _http_timeout,
    httpx.PoolTimeout: _http_timeout,
    httpx.NetworkError: _http_dropped,
    httpx.ConnectError: _http_connect,
    httpx.ReadError: _http_dropped,
    httpx.WriteError: _http_dropped,
    httpx.CloseError: _http_dropped,
    httpx.ProtocolError: _http_dropped,
    httpx.LocalProtocolError: _http_local_protocol,
    httpx.RemoteProtocolError: _http_dropped,
    httpx.ProxyError: _http_proxy,
    httpx.UnsupportedProtocol: _http_unsupported,
}


def _lookup(table: Mapping[type, _F], exc: BaseException) -> _F:
    for cls in type(exc).__mro__:
        if cls in table:
            return table[cls]
    raise KeyError(type(exc))


def translate(exc: BaseException, ctx: Context) -> SendError | None:
    """Our error for a foreign one, or None when it is not a known failure (a bug)."""
    if isinstance(exc, smtplib.SMTPException):
        return _lookup(SMTP_ERRORS, exc)(exc, ctx)
    if isinstance(exc, httpx.TransportError):
        return _lookup(HTTPX_ERRORS, exc)(exc, ctx)
    if isinstance(exc, OSError):
        return _os_error(exc, ctx)
    return None


@contextmanager
def mapped(ctx: Context) -> Iterator[None]:
    """Turn the foreign errors raised inside into ``SendError``s, ``raise ... from exc``.

    Our own errors pass through; anything unknown (a bug) passes through untouched.
    """
    try:
        yield
    except SendError:
        raise
    except (OSError, httpx.TransportError) as exc:
        error = translate(exc, ctx)
        if error is None:  # pragma: no cover - translate knows every OSError
            raise
        error.message = redact(error.message, ctx.secrets)
        error.args = (error.message,)
        if error.server_reply is not None:
            error.server_reply = redact(error.server_reply, ctx.secrets)
        raise error from exc
