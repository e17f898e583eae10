"""The error family, and the boundary that maps every foreign error to it."""

from __future__ import annotations

import smtplib
import socket
import ssl
from typing import Any

import httpx
import pytest

from smtpeter_desktop.transport import errors, mapping
from smtpeter_desktop.transport.errors import Rejection
from smtpeter_desktop.transport.http_errors import HTTPX_ERRORS
from smtpeter_desktop.transport.mapping import Context
from smtpeter_desktop.transport.smtp_errors import SMTP_ERRORS

BOTH: dict[Any, mapping.Handler] = {**SMTP_ERRORS, **HTTPX_ERRORS}
MAPPED: list[type[BaseException]] = sorted(BOTH, key=lambda c: c.__name__)


def _subclasses(cls: type[BaseException]) -> set[type[BaseException]]:
    found: set[type[BaseException]] = {cls}
    for sub in cls.__subclasses__():
        found |= _subclasses(sub)
    return found


def _sample(cls: type[BaseException]) -> BaseException:
    """An instance of a library's exception class, whatever its constructor wants."""
    if issubclass(cls, smtplib.SMTPRecipientsRefused):
        return cls({"a@b.c": (550, b"no")})
    if issubclass(cls, smtplib.SMTPSenderRefused):
        return cls(553, b"no", "a@b.c")
    if issubclass(cls, smtplib.SMTPResponseException):
        return cls(554, b"no")
    return cls("something failed")


def test_every_smtplib_error_is_mapped() -> None:
    # Only smtplib's own classes: a subclass defined elsewhere is that code's business.
    mine = {c for c in _subclasses(smtplib.SMTPException) if c.__module__ == "smtplib"}
    missing = mine - set(SMTP_ERRORS)
    assert not missing, f"smtplib errors without a mapping: {sorted(c.__name__ for c in missing)}"


def test_every_httpx_transport_error_is_mapped() -> None:
    mine = {c for c in _subclasses(httpx.TransportError) if c.__module__.startswith("httpx")}
    missing = mine - set(HTTPX_ERRORS)
    assert not missing, f"httpx errors without a mapping: {sorted(c.__name__ for c in missing)}"


@pytest.mark.parametrize("cls", MAPPED)
def test_each_mapping_gives_a_sentence_and_a_hint(cls: type[BaseException]) -> None:
    error = mapping.translate(_sample(cls), Context(stage="mail", server="mx:587"), BOTH)
    assert isinstance(error, errors.SendError)
    assert error.message and error.hint
    assert error.message[0].isupper()


def _raise_through(exc: BaseException, **ctx: Any) -> errors.SendError:
    with pytest.raises(errors.SendError) as caught, mapping.mapped(Context(**ctx), BOTH):
        raise exc
    assert caught.value.__cause__ is exc
    return caught.value


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (smtplib.SMTPAuthenticationError(535, b"5.7.8 bad"), errors.AuthError),
        (smtplib.SMTPAuthenticationError(454, b"4.7.0 later"), errors.ServerBusy),
        (smtplib.SMTPSenderRefused(553, b"not yours", "a@b.c"), errors.MessageRejected),
        (smtplib.SMTPDataError(451, b"later"), errors.ServerBusy),
        (smtplib.SMTPServerDisconnected("gone"), errors.ConnectError),
        (socket.gaierror(-2, "Name or service not known"), errors.ConnectError),
        (ConnectionRefusedError(111, "refused"), errors.ConnectError),
        (TimeoutError("timed out"), errors.SendTimeout),
        (ssl.SSLCertVerificationError(1, "certificate verify failed"), errors.TlsError),
        (httpx.ReadTimeout("timed out"), errors.SendTimeout),
        (httpx.ConnectTimeout("timed out"), errors.SendTimeout),
        (httpx.RemoteProtocolError("Server disconnected"), errors.ConnectError),
        (httpx.UnsupportedProtocol("no"), errors.ConfigError),
    ],
)
def test_mapped(exc: BaseException, kind: type[errors.SendError]) -> None:
    assert type(_raise_through(exc, stage="mail")) is kind


def test_after_the_whole_message_the_outcome_is_unknown() -> None:
    for exc in (
        TimeoutError("t"),
        ConnectionResetError(104, "reset"),
        httpx.ReadTimeout("t"),
        httpx.RemoteProtocolError("Server disconnected without sending a response"),
    ):
        err = _raise_through(exc, stage="reply", sent=lambda: True)
        assert err.maybe_accepted, exc
        assert not err.retryable
        err = _raise_through(exc, stage="data", sent=lambda: False)
        assert not err.maybe_accepted and err.retryable


def test_smtplib_timeout_wrapped_as_disconnect_is_a_timeout() -> None:
    try:
        try:
            raise TimeoutError("timed out")
        except OSError as inner:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed") from inner
    except smtplib.SMTPServerDisconnected as exc:
        err = mapping.translate(exc, Context(stage="rcpt"), BOTH)
    assert isinstance(err, errors.SendTimeout)


def test_tls_inside_an_httpx_connect_error() -> None:
    try:
        try:
            raise ssl.SSLCertVerificationError(1, "certificate verify failed")
        except ssl.SSLError as inner:
            raise httpx.ConnectError("[SSL] certificate verify failed") from inner
    except httpx.ConnectError as exc:
        err = mapping.translate(exc, Context(stage="https"), BOTH)
    assert isinstance(err, errors.TlsError)


def test_bugs_pass_through_untouched() -> None:
    with pytest.raises(KeyError), mapping.mapped(Context(stage="x"), BOTH):
        raise KeyError("a bug")


def test_str_and_repr() -> None:
    err = errors.ServerBusy("The server is busy.", "Try later.", stage="rcpt", retry_after=5)
    assert str(err) == "The server is busy. Try later."
    assert repr(err) == (
        "ServerBusy(stage='rcpt', message='The server is busy.', retryable=True, "
        "maybe_accepted=False)"
    )
    assert err.retry_after == 5


def test_maybe_accepted_is_never_retryable() -> None:
    err = errors.SendTimeout("x", stage="reply", maybe_accepted=True, retryable=True)
    assert not err.retryable


def test_recipients_rejected_retryable_only_when_all_temporary() -> None:
    temporary = [Rejection("a@b", 450, "later"), Rejection("c@d", 451, "later")]
    deferred = errors.recipients_rejected(temporary)
    assert deferred.retryable
    # All temporary: busy (the exit code for "try later"), not a rejection.
    assert isinstance(deferred, errors.RecipientsDeferred)
    assert isinstance(deferred, errors.ServerBusy)
    assert not isinstance(deferred, errors.RecipientsRejected)
    assert deferred.rejections == tuple(temporary)
    mixed = [Rejection("a@b", 450, "later"), Rejection("c@d", 550, "no")]
    err = errors.recipients_rejected(mixed)
    assert not err.retryable
    assert isinstance(err, errors.RecipientsRejected)
    assert err.rejections == tuple(mixed)


def test_redact() -> None:
    text = "GET /v1/send?access_token=abc123&x=1 failed for abc123 and pw"
    assert errors.redact(text, ("pw",)) == (
        "GET /v1/send?access_token=***&x=1 failed for abc123 and ***"
    )
    assert "abc123" not in errors.redact(text, ("abc123",))


def test_secrets_are_scrubbed_from_mapped_messages() -> None:
    exc = smtplib.SMTPAuthenticationError(535, b"bad credentials hunter2")
    err = _raise_through(exc, stage="auth", secrets=("hunter2",))
    assert "hunter2" not in str(err)
    assert err.server_reply is not None and "hunter2" not in err.server_reply


@pytest.mark.parametrize("text", ["Line too long.", "Reply too long."])
def test_a_reply_smtplib_makes_up_is_no_refusal(text: str) -> None:
    exc = smtplib.SMTPResponseException(500, text)  # smtplib's own: the text is a str
    err = mapping.translate(exc, Context(stage="greeting", server="mx:587"), SMTP_ERRORS)
    assert isinstance(err, errors.UnexpectedAnswer) and not err.maybe_accepted
    assert "not an SMTP reply" in err.message
    after = mapping.translate(exc, Context(stage="reply", sent=lambda: True), SMTP_ERRORS)
    assert after is not None and after.maybe_accepted
    # The same code from the server (bytes) stays the server's refusal.
    server = mapping.translate(
        smtplib.SMTPResponseException(500, b"Line too long."), Context("x"), SMTP_ERRORS
    )
    assert isinstance(server, errors.MessageRejected)


def test_a_deadline_before_and_after_the_whole_message() -> None:
    before = mapping.too_slow(Context(stage="greeting", server="mx:587"), 30)
    assert isinstance(before, errors.SendTimeout) and before.retryable
    assert not before.maybe_accepted and "30 s" in before.message
    after = mapping.too_slow(Context(stage="reply", sent=lambda: True), 120)
    assert after.maybe_accepted and not after.retryable
