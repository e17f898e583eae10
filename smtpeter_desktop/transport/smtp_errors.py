"""smtplib's errors as ours: every ``smtplib.SMTPException`` subclass, by exact class.

Handed to ``mapping.mapped`` by the SMTP transport; tests/transport/test_errors.py checks
the table against smtplib itself.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable

from smtpeter_desktop.transport.errors import (
    AuthError,
    MessageRejected,
    Rejection,
    SendError,
    ServerBusy,
    UnexpectedAnswer,
    recipients_rejected,
)
from smtpeter_desktop.transport.mapping import Context, dropped, timed_out


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
