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

``mapped()`` is the boundary: inside it, ``smtplib``, ``ssl``, ``socket`` and ``httpx``
errors become ours with ``raise ... from exc``. Its tables name every subclass of
``smtplib.SMTPException`` and ``httpx.TransportError``; a test fails when a library adds one.
"""

from __future__ import annotations

import dataclasses
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import ClassVar, TypeVar

import httpx

_F = TypeVar("_F")

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


# -- the boundary -------------------------------------------------------------------------


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


def made_up(exc: smtplib.SMTPException) -> bool:
    """True for a "reply" smtplib makes up itself, such as "500 Line too long.".

    smtplib raises those as a bare ``SMTPResponseException`` whose text is a ``str``; what a
    server really said reaches us as ``bytes``. A made-up reply is never the server's refusal.
    """
    return type(exc) is smtplib.SMTPResponseException and isinstance(exc.smtp_error, str)


def garbled(ctx: Context, detail: str) -> SendError:
    """The server's answer broke SMTP's rules (an endless line, no reply code).

    Before the whole message was written nothing was taken; after it, the outcome is unknown.
    """
    if ctx.sent():
        return UnexpectedAnswer(
            f"The server {ctx.server} answered the finished message with something that is "
            f"not an SMTP reply ({detail}).",
            "The message may have been accepted: look in the recipient's mailbox or SMTPeter's "
            "logs before sending it again.",
            stage=ctx.stage,
            maybe_accepted=True,
        )
    return UnexpectedAnswer(
        f"The server {ctx.server} sent something that is not an SMTP reply ({detail}); "
        "the message was not sent.",
        "Check that the profile points at an SMTP submission server such as SMTPeter; if it "
        "does, the server or something between is faulty: try again later.",
        stage=ctx.stage,
    )


def _smtp_response(what: str) -> Callable[[smtplib.SMTPException, Context], SendError]:
    def build(exc: smtplib.SMTPException, ctx: Context) -> SendError:
        assert isinstance(exc, smtplib.SMTPResponseException)
        if made_up(exc):
            return garbled(ctx, str(exc.smtp_error).rstrip(".").lower())
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
