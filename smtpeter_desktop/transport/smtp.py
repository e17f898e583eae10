"""The SMTP transport: submission to SMTPeter's SMTP API (or any submission server).

``smtplib`` speaks the protocol; this module adds what it lacks for a desktop client:
TLS that cannot be skipped (STARTTLS refused = no send), AUTH PLAIN/LOGIN chosen from the
server's offer and only over TLS, the SMTPeter options as ``x-smtpeter-*`` headers written in
front of the stored bytes for this send only, DSN and SMTPUTF8 parameters when offered, a
SIZE check before DATA, per-recipient refusals (for good: ``Receipt.rejected``; for now:
``Receipt.deferred``), and a DATA phase of our own that streams the message in 64 KiB chunks
with dot-stuffing, progress and cancelling, so a 20 MB message is never held in memory.

Every stage has an overall deadline besides the per-read socket timeout (which a server that
trickles a byte at a time resets forever), and a cancel from another thread ends any stage at
once (after the final ".", once ``cancel_grace`` has passed without a reply): both shut the
socket in use (see ``net``). A failure before the final "." means the
message was certainly not taken (a deadline then is a plain temporary failure); from the
final "." on, a timeout, a drop, a cancel or an answer that is no SMTP reply is an unknown
outcome (``maybe_accepted``). A "reply" smtplib makes up itself ("500 Line too long.") is a
protocol fault, never the server's refusal.

One ``SmtpTransport`` serves one thread at a time (the send worker). It may keep its
session open between sends (``keep_alive``): the next send checks it with NOOP and opens a
new one when the server has hung up. ``connect_ahead`` opens a session on a thread of its own
while the caller builds the message (the command line's send: the look-up, connect, TLS,
EHLO and AUTH round trips, about 450 ms over a link of 25 ms each way, then overlap the
building, about 300 ms of CPU); the next send takes that session, or raises what opening it
raised, as its own opening would have. It may be handed a TCP connection already under way
(``early.Early``, started before smtplib was even imported).
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors, mapping, net, smtp_errors, tls
from smtpeter_desktop.transport.early import Early
from smtpeter_desktop.transport.errors import (
    AuthError,
    ConfigError,
    MessageRejected,
    Rejection,
    SendError,
    ServerBusy,
    TlsError,
    UnexpectedAnswer,
)
from smtpeter_desktop.transport.mapping import Context
from smtpeter_desktop.transport.smtp_errors import SMTP_ERRORS

log = logging.getLogger(__name__)

# Errors that a socket shut by a cancel or a deadline produces; they then mean that instead.
_BROKEN = (errors.ConnectError, errors.SendTimeout, TlsError, UnexpectedAnswer)

# Commands and the final "." are small writes that must leave at once: without TCP_NODELAY,
# Nagle's algorithm holds them for the server's delayed ACK (~40 ms each).
_NODELAY = (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

# The most one reply may hold: EHLO's list of extensions is the longest a server sends.
MAX_REPLY = 64 * 1024

Security = Literal["starttls", "tls"]


@dataclasses.dataclass(frozen=True)
class SmtpSettings:
    """Where and how to submit mail; no secret here (the password is handed to the transport).

    The timeouts follow RFC 5321 4.5.3.2, scaled to a person waiting at a window. The RFC's
    minutes suit servers relaying unattended mail; a submission server answers in moments,
    and a person needs to hear within a minute or two that something is wrong:

    - ``connect_timeout`` 15 s: TCP's own retries of a lost SYN (1 + 2 + 4 + 8 s) fit, so a
      slow network still connects, while a dead address fails before the user gives up.
    - ``command_timeout`` 30 s (RFC: 5 min for the greeting, MAIL and RCPT): a reply to a short
      command normally takes milliseconds; 30 s allows a slow anti-abuse check on connect.
    - ``data_timeout`` 60 s per 64 KiB block written (RFC: 3 min per block): below about
      1 KB/s the link is as good as dead.
    - ``final_timeout`` 120 s for the reply after the final "." (RFC: 10 min): SMTPeter scans
      the content before answering. This one is long on purpose: running out here leaves the
      outcome unknown, which costs the user a question.

    Each is also the overall deadline of its stage, however the server trickles: the look-up
    and the connect get ``connect_timeout`` each; the greeting, EHLO, MAIL and QUIT
    ``command_timeout``; STARTTLS (with its handshake) and AUTH twice that; RCPT that per
    recipient (with PIPELINING, MAIL, RCPT and DATA together: per command); DATA
    ``command_timeout`` plus ``data_timeout`` per 64 KiB block; the final reply
    ``final_timeout``.

    Attributes:
        host, port: the server; port 465 means TLS from the first byte.
        security: "starttls" (587, 25, 2525) or "tls" (465); port 465 always uses "tls".
        username: the SMTP login; empty means no AUTH (only for a private relay).
        ca_file: an extra CA to trust (a private server, the sandbox).
        local_hostname: our name in EHLO; empty means the address literal of our socket,
            which needs no DNS look-up and is always a valid EHLO argument.
        keep_alive: keep the session open for the next send.
        cancel_grace: seconds a cancel that comes after the final "." still waits for the
            server's reply, which makes the outcome known ("sent" rather than "may have
            been sent"); before the final ".", a cancel stops at once.
    """

    host: str = "mail.smtpeter.com"
    port: int = 587
    security: Security = "starttls"
    username: str = ""
    ca_file: Path | None = None
    local_hostname: str = ""
    connect_timeout: float = 15.0
    command_timeout: float = 30.0
    data_timeout: float = 60.0
    final_timeout: float = 120.0
    cancel_grace: float = 3.0
    keep_alive: bool = True

    def __post_init__(self) -> None:
        if self.port == 465:
            object.__setattr__(self, "security", "tls")
        if self.security not in ("starttls", "tls"):
            raise ConfigError(
                f"Unknown security {self.security!r}.",
                "Choose STARTTLS (port 587) or TLS (port 465).",
                stage="settings",
            )
        if not self.host.strip():
            raise ConfigError(
                "The profile names no SMTP server.",
                "Enter the server's host name.",
                stage="settings",
            )
        if not 0 < self.port < 65536:
            raise ConfigError(
                f"{self.port} is not a port number.",
                "Use 587 for STARTTLS or 465 for TLS.",
                stage="settings",
            )
        for name in (
            "connect_timeout",
            "command_timeout",
            "data_timeout",
            "final_timeout",
            "cancel_grace",
        ):
            if not getattr(self, name) > 0:
                raise ConfigError(
                    f"The {name.replace('_', ' ')} must be above zero.",
                    "Enter a number of seconds.",
                    stage="settings",
                )

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


def option_headers(options: SmtpeterOptions) -> bytes:
    """The ``x-smtpeter-*`` header lines that carry ``options`` over SMTP (CRLF ended)."""

    def flag(value: bool) -> str:
        return "true" if value else "false"

    lines = [
        f"x-smtpeter-inlinecss: {flag(options.inline_css)}",
        f"x-smtpeter-trackclicks: {flag(options.track_clicks)}",
        f"x-smtpeter-trackopens: {flag(options.track_opens)}",
        f"x-smtpeter-trackbounces: {flag(options.track_bounces)}",
        f"x-smtpeter-preventscam: {flag(options.prevent_scam)}",
    ]
    if options.tags:
        lines.append(f"x-smtpeter-tags: {','.join(options.tags)}")
    if options.hosted_images:
        lines.append("x-smtpeter-images: hosted")
    return "".join(line + "\r\n" for line in lines).encode("ascii")


def xtext(value: str) -> str:
    """RFC 3461 xtext, for ENVID and ORCPT: "+", "=" and anything outside "!".."~" as +XX."""
    return "".join(
        c if "!" <= c <= "~" and c not in "+=" else "".join(f"+{b:02X}" for b in c.encode())
        for c in value
    )


def _reply_text(code: int, reply: bytes) -> str:
    return f"{code} {reply.decode('utf-8', 'replace')}".strip().replace("\n", " / ")


@dataclasses.dataclass
class _Step:
    detail: str = ""


class _Stages:
    """One send or check: times each step, maps its errors, reports it (to a check's
    ``on_stage``), and keeps each step's deadline.

    The deadline (a ``net.Watchdog``) and the user's cancel end a blocked step the same way:
    they shut down the socket in use (``attach``), from their own thread. The failure that
    follows is then said as what it is: too slow (``mapping.too_slow``) or stopped
    (``Cancelled``); either is "maybe accepted" once the whole message was written.
    """

    def __init__(
        self,
        server: str,
        secrets: tuple[str, ...],
        cancel: base.CancelToken,
        on_stage: base.OnStage | None = None,
        grace: float = 0.0,
    ) -> None:
        self.server = server
        self.grace = grace
        self.secrets = secrets
        self.cancel = cancel
        self.on_stage = on_stage
        self.timings: list[tuple[str, float]] = []
        self.stages: list[base.CheckStage] = []
        self.sent = False
        self._sock: socket.socket | None = None
        self.watchdog = net.Watchdog(self.kill)
        self._remove = cancel.on_cancel(self._cancelled)

    def __enter__(self) -> _Stages:
        return self

    def __exit__(self, *exc: object) -> None:
        self._remove()
        self.watchdog.stop()

    def kill(self) -> None:
        net.kill(self._sock)

    def _cancelled(self) -> None:
        if self.sent:
            # The whole message is out: a moment's wait for the reply can make "may have
            # been sent" a plain "sent" (or a refusal); the deadline then stops it.
            self.watchdog.hurry(self.grace)
        else:
            self.kill()

    def attach(self, sock: socket.socket) -> None:
        """Make ``sock`` the one a deadline or a cancel shuts down."""
        self._sock = sock
        if self.cancel.cancelled or self.watchdog.expired:
            self.kill()  # it came too late to be shut by them

    @contextmanager
    def guard(self, seconds: float) -> Iterator[None]:
        """A deadline for housekeeping outside the steps (NOOP, RSET, QUIT)."""
        self.watchdog.arm(seconds)
        try:
            yield
        finally:
            self.watchdog.disarm()

    @contextmanager
    def step(self, name: str, budget: float | None) -> Iterator[_Step]:
        """A timed step; ``budget`` seconds at most (None: the step keeps its own deadline)."""
        step = _Step()
        ctx = Context(stage=name, server=self.server, sent=lambda: self.sent, secrets=self.secrets)
        start = time.perf_counter()
        if budget is not None:
            self.watchdog.arm(budget)
        try:
            try:
                with mapping.mapped(ctx, SMTP_ERRORS):
                    try:
                        yield step
                    except _ReplyTooLong as exc:
                        raise smtp_errors.garbled(ctx, str(exc)) from exc
            except SendError as err:
                why = self._why(err, ctx)
                if why is not err:
                    raise why from err
                raise
            finally:
                if budget is not None:
                    self.watchdog.disarm()
        except SendError as err:
            self._record(
                base.CheckStage(name, False, time.perf_counter() - start, step.detail, err)
            )
            raise
        seconds = time.perf_counter() - start
        self.timings.append((name, seconds))
        log.debug("%s: %s in %.3f s %s", self.server, name, seconds, step.detail)
        self._record(base.CheckStage(name, True, seconds, step.detail))

    def _why(self, err: SendError, ctx: Context) -> SendError:
        """A broken connection said as what broke it: the user's cancel, or the deadline."""
        if not isinstance(err, _BROKEN):
            return err
        if self.cancel.cancelled:
            return base.cancelled(ctx.stage, maybe_accepted=self.sent)
        if self.watchdog.expired:
            error = mapping.too_slow(ctx, self.watchdog.seconds)
            error.message = errors.redact(error.message, self.secrets)
            return error
        return err

    def _record(self, stage: base.CheckStage) -> None:
        self.stages.append(stage)
        if self.on_stage is not None:
            self.on_stage(stage)


class _ReplyTooLong(Exception):
    """A reply past ``MAX_REPLY``; not an ``OSError``, which smtplib would call a hang-up."""


# What housekeeping (NOOP, RSET, QUIT) may meet and shrug off: the session is dropped anyway.
_QUIET = (OSError, smtplib.SMTPException, _ReplyTooLong)


class _Replies:
    """smtplib's reader of replies (its ``file``), bounded: smtplib limits a line to 8 KiB but
    not the lines of one multi-line reply, so an endless "250-" reply would fill memory."""

    def __init__(self, sock: socket.socket) -> None:
        self._file = sock.makefile("rb")
        self._size = 0

    def readline(self, limit: int = -1) -> bytes:
        line = self._file.readline(limit)
        if line and not line.endswith(b"\n") and (limit < 0 or len(line) < limit):
            # The connection ended in the middle of a line (a socket shut by a deadline or a
            # cancel, or the server gone): half a reply is no reply. smtplib would take it.
            raise ConnectionResetError("The connection closed in the middle of a reply.")
        # A reply goes on while its lines have "-" after the code.
        self._size = self._size + len(line) if line[3:4] == b"-" else 0
        if self._size > MAX_REPLY:
            raise _ReplyTooLong(f"a reply longer than {MAX_REPLY // 1024} KiB")
        return line

    def close(self) -> None:
        self._file.close()


class _Session:
    """One open, authenticated SMTP connection."""

    def __init__(self, client: smtplib.SMTP, sock: socket.socket) -> None:
        self.client = client
        self.raw = sock  # the TCP socket, until TLS takes it over
        self.quit_with_data = False  # QUIT is to go in the write of the final "." (``last``)
        self.quit_sent = False

    @property
    def sock(self) -> socket.socket:
        sock = self.client.sock
        if sock is None:
            raise smtplib.SMTPServerDisconnected("The connection is closed.")
        return sock

    def close(self, *, polite: bool, timeout: float) -> None:
        """Close; ``polite`` says QUIT first, waiting ``timeout`` seconds at most for it."""
        if polite and self.client.sock is not None:
            sock = self.client.sock
            watchdog = net.Watchdog(lambda: net.kill(sock))
            watchdog.arm(timeout)
            try:
                with suppress(*_QUIET):
                    # A QUIT already sent has its reply waiting behind the final one.
                    if self.quit_sent:
                        self.client.getreply()
                    else:
                        self.client.quit()
            finally:
                watchdog.stop()
        with suppress(OSError):
            self.client.close()
        with suppress(OSError):
            self.raw.close()


class SmtpTransport:
    """Sends through an SMTP submission server; see the module docstring.

    Attributes:
        settings: the profile's SMTP settings.
    """

    def __init__(self, settings: SmtpSettings, password: str = "") -> None:
        self.settings = settings
        self._password = password
        self._context = tls.client_context(settings.ca_file)
        self._session: _Session | None = None
        self._ahead: _Ahead | None = None

    def __repr__(self) -> str:
        return (
            f"SmtpTransport({self.settings.server}, security={self.settings.security}, "
            f"username={self.settings.username!r})"
        )

    def __enter__(self) -> SmtpTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _secrets(self) -> tuple[str, ...]:
        if not self._password:
            return ()
        user, password = self.settings.username, self._password
        plain = f"\0{user}\0{password}".encode()
        return (
            password,
            base64.b64encode(password.encode()).decode(),
            base64.b64encode(plain).decode(),
        )

    # -- sending --------------------------------------------------------------------------

    def send(
        self,
        message: base.MessageSource,
        envelope: Envelope,
        options: SmtpeterOptions,
        progress: base.Progress | None = None,
        cancel: base.CancelToken | None = None,
        *,
        last: bool = False,
    ) -> base.Receipt:
        """Submit ``message`` to the envelope's recipients; see the module docstring.

        ``last``: the session ends with this send, its QUIT in the write of the final "."
        when the server pipelines (RFC 2920 lets the message content open a group that
        QUIT ends): one round trip less, 50 ms over a link of 25 ms each way.
        """
        if not envelope.recipients:
            raise ValueError("An envelope without recipients cannot be sent.")
        base.refuse_unsafe(options, envelope)
        headers = option_headers(options)
        cancel = cancel or base.CancelToken()
        cancel.raise_if_cancelled("connect")
        with _Stages(
            self.settings.server, self._secrets, cancel, grace=self.settings.cancel_grace
        ) as stages:
            session = self._ahead_session(stages) or self._warm_session(stages)
            if session is None:
                session = self._open(stages)
            try:
                session.quit_with_data = last and session.client.has_extn("pipelining")
                receipt = self._transaction(
                    session, stages, headers, message, envelope, options, progress, cancel
                )
            except SendError as err:
                # A refusal leaves the session in order (RSET was sent); anything else may not.
                refused = isinstance(err, errors.RecipientsRejected | MessageRejected | ServerBusy)
                session.close(
                    polite=refused and not cancel.cancelled and not stages.watchdog.expired,
                    timeout=self.settings.command_timeout,
                )
                raise
            except BaseException:
                session.close(polite=False, timeout=0)
                raise
        if self.settings.keep_alive and not last:
            self._session = session
        else:
            session.close(polite=True, timeout=self.settings.command_timeout)
        log.info(
            "Sent %d bytes to %d of %d recipients through %s in %.2f s",
            message.size,
            len(receipt.accepted),
            len(envelope.recipients),
            self.settings.server,
            receipt.seconds,
        )
        return receipt

    def connect_ahead(self, early: Early | None = None) -> None:
        """Start opening a session on a thread of its own, for the next ``send`` to take;
        nothing when one is kept or already being opened. ``early``: a TCP connection to
        this server already under way, for the session to start from (when it opens)."""
        if self._session is None and self._ahead is None:
            self._ahead = _Ahead(self, early)
        elif early is not None:
            early.close()

    def _ahead_session(self, stages: _Stages) -> _Session | None:
        """The session ``connect_ahead`` opened, once open (the send's cancel also stops the
        opening); it raises what opening raised. None when nothing was opened ahead, or when
        it was opened so long ago that it is checked like a kept one."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return None
        session = ahead.result(stages.cancel)
        stages.timings.extend(ahead.timings)
        if time.monotonic() - ahead.opened > AHEAD_FRESH:
            self._session = session
            return None
        return session

    def _warm_session(self, stages: _Stages) -> _Session | None:
        """The kept session when the server still answers NOOP; else None (and it is closed)."""
        session, self._session = self._session, None
        if session is None:
            return None
        start = time.perf_counter()
        try:
            stages.attach(session.sock)
            session.sock.settimeout(self.settings.command_timeout)
            with stages.guard(self.settings.command_timeout):
                code, _ = session.client.noop()
        except _QUIET as exc:
            log.debug(
                "The kept session to %s is gone (%s); opening a new one",
                self.settings.server,
                type(exc).__name__,
            )
            session.close(polite=False, timeout=0)
            return None
        if code != 250:
            session.close(polite=True, timeout=self.settings.command_timeout)
            return None
        stages.timings.append(("noop", time.perf_counter() - start))
        return session

    def _transaction(
        self,
        session: _Session,
        stages: _Stages,
        headers: bytes,
        message: base.MessageSource,
        envelope: Envelope,
        options: SmtpeterOptions,
        progress: base.Progress | None,
        cancel: base.CancelToken,
    ) -> base.Receipt:
        """MAIL, RCPT, DATA and the final reply."""
        client = session.client
        features = client.esmtp_features
        total = len(headers) + message.size
        command = self.settings.command_timeout
        count = len(envelope.recipients)

        pipelining = client.has_extn("pipelining")
        with stages.step("mail", command * (count + 2) if pipelining else command) as step:
            limit = _size_limit(features.get("size", ""))
            if limit and total > limit:
                raise MessageRejected(
                    f"The message is {_mb(total)}, more than the {_mb(limit)} "
                    f"{self.settings.host} accepts.",
                    "Make it smaller: link to large files instead of attaching them.",
                    stage="mail",
                )
            mail_options = self._mail_options(features, envelope, options, message, total)
            step.detail = " ".join(mail_options)
            cancel.raise_if_cancelled("mail")
            rcpt_options = [f"NOTIFY={options.dsn_notify_text}"] if "dsn" in features else []
            pipelined = _pipeline(client, envelope, mail_options, rcpt_options)
            code, reply = pipelined[0] if pipelined else client.mail(envelope.sender, mail_options)
            if code != 250:
                text = _reply_text(code, reply)
                if pipelined:
                    _end_data(session, pipelined[-1][0])
                self._reset(session, stages)
                raise _refused(
                    code,
                    text,
                    f"the sender address {envelope.sender or '<>'}",
                    "mail",
                    hint="Check that the From address uses a sender domain set up in SMTPeter.",
                )

        accepted: list[str] = []
        refused: list[Rejection] = []
        with stages.step("rcpt", command * count):
            for index, address in enumerate(envelope.recipients):
                cancel.raise_if_cancelled("rcpt")
                if pipelined:
                    code, reply = pipelined[1 + index]
                else:
                    code, reply = client.rcpt(address, rcpt_options)
                if code in (250, 251):
                    accepted.append(address)
                    continue
                text = reply.decode("utf-8", "replace").replace("\n", " / ")
                if not 400 <= code < 600:
                    # No SMTP reply at all (smtplib's -1) or one RCPT cannot have: a fault,
                    # not the server's word on this recipient.
                    if pipelined:
                        _end_data(session, pipelined[-1][0])
                    self._reset(session, stages)
                    raise smtp_errors.garbled(
                        Context(stage="rcpt", server=self.settings.server),
                        f"{_reply_text(code, reply)} to RCPT TO {address}",
                    )
                refused.append(Rejection(address, code, text))
                log.info(
                    "%s refused the recipient %s: %d %s", self.settings.server, address, code, text
                )
            if not accepted:
                if pipelined:
                    _end_data(session, pipelined[-1][0])
                self._reset(session, stages)
                raise errors.recipients_rejected(refused)

        blocks = total // base.CHUNK + 1
        with stages.step("data", command + self.settings.data_timeout * blocks):
            cancel.raise_if_cancelled("data")
            code, reply = pipelined[-1] if pipelined else client.docmd("DATA")
            if code != 354:
                self._reset(session, stages)
                raise _refused(code, _reply_text(code, reply), "the message", "data")
            self._write(session, stages, headers, message, total, progress, cancel)

        with stages.step("reply", self.settings.final_timeout) as step:
            session.sock.settimeout(self.settings.final_timeout)
            code, reply = client.getreply()
            session.sock.settimeout(command)
            text = _reply_text(code, reply)
            step.detail = text
            if 400 <= code < 600:
                raise _refused(code, text, "the message", "reply")
            if not 200 <= code < 300:
                raise smtp_errors.garbled(
                    Context(stage="reply", server=self.settings.server, sent=lambda: True), text
                )

        receipt = base.Receipt(
            transport="smtp",
            accepted=tuple(accepted),
            rejected=tuple(r for r in refused if r.code >= 500),
            deferred=tuple(r for r in refused if r.code < 500),
            reply=text,
            timings=tuple(stages.timings),
        )
        return receipt

    def _mail_options(
        self,
        features: dict[str, str],
        envelope: Envelope,
        options: SmtpeterOptions,
        message: base.MessageSource,
        total: int,
    ) -> list[str]:
        mail_options: list[str] = []
        if "size" in features:
            mail_options.append(f"SIZE={total}")
        if envelope.smtputf8:
            if "smtputf8" not in features:
                raise MessageRejected(
                    f"The server {self.settings.host} does not accept addresses with non-ASCII "
                    "characters before the @ (no SMTPUTF8).",
                    "Use plain ASCII addresses for this server, or send through the REST API.",
                    stage="mail",
                )
            mail_options.append("SMTPUTF8")
            if "8bitmime" in features:
                mail_options.append("BODY=8BITMIME")
        if "dsn" in features:
            mail_options.append(f"RET={options.dsn_ret}")
            envid = xtext(base.message_id(message) or "")
            # RFC 3461 allows 100 characters; a longer one is left out, not cut into nonsense.
            if 0 < len(envid) <= 100:
                mail_options.append(f"ENVID={envid}")
        return mail_options

    def _write(
        self,
        session: _Session,
        stages: _Stages,
        headers: bytes,
        message: base.MessageSource,
        total: int,
        progress: base.Progress | None,
        cancel: base.CancelToken,
    ) -> None:
        """Stream the DATA content: dot-stuffed chunks, then the final "." line."""
        sock = session.sock
        sock.settimeout(self.settings.data_timeout)
        done = 0
        line_start = True  # a "." here starts a line and must be doubled
        tail = b""
        for piece in _pieces(headers, message):
            cancel.raise_if_cancelled("data")
            stuffed = piece.replace(b"\n.", b"\n..")
            if line_start and piece.startswith(b"."):
                stuffed = b"." + stuffed
            sock.sendall(stuffed)
            line_start = piece.endswith(b"\n")
            tail = (tail + piece)[-2:]
            done += len(piece)
            if progress is not None:
                progress(done, total)
        cancel.raise_if_cancelled("data")
        # From the first byte of the final "." on, the server may have the whole message: a
        # failure from here is an unknown outcome, never "not sent".
        stages.sent = True
        if cancel.cancelled:  # between the check above and the line before: stop here
            raise base.cancelled("data")
        end = b".\r\n" if tail == b"\r\n" else b"\r\n.\r\n"
        if session.quit_with_data:
            session.quit_sent = True
            end += b"QUIT\r\n"
        sock.sendall(end)

    def _reset(self, session: _Session, stages: _Stages) -> None:
        with stages.guard(self.settings.command_timeout), suppress(*_QUIET):
            session.client.rset()

    # -- opening a session ----------------------------------------------------------------

    def _open(self, stages: _Stages, early: Early | None = None) -> _Session:
        """Connect (or take ``early``'s connection), secure, greet and log in, each a timed
        step with a deadline."""
        settings = self.settings
        taken = None
        if early is not None:
            taken = early.take(stages.cancel, settings.connect_timeout)
            early.close()
            # Stopped while it was connecting, as a connection of its own would be; when it
            # failed or came too late, a connection of its own says why.
            stages.cancel.raise_if_cancelled("connect")
        if taken is None:
            with stages.step("resolve", None) as step:
                infos = net.resolve(
                    settings.host, settings.port, settings.connect_timeout, stages.cancel
                )
                step.detail = ", ".join(sorted({str(info[4][0]) for info in infos}))
        with stages.step("connect", None) as step:
            if taken is None:
                taken = net.connect(infos, settings.connect_timeout, stages.cancel, [_NODELAY])
            raw = taken
            try:
                stages.attach(raw)  # a cancel that lands here shuts it: getpeername then fails
                peer = raw.getpeername()
            except BaseException:
                raw.close()
                raise
            step.detail = f"{peer[0]} port {peer[1]}"
        sock: socket.socket = raw
        try:
            raw.settimeout(settings.command_timeout)
            local_name = settings.local_hostname or _literal(raw)
            if settings.security == "tls":
                with stages.step("tls", settings.command_timeout) as step:
                    sock = self._handshake_tls(raw, stages)
                    step.detail = _tls_detail(sock)
            client = smtplib.SMTP(
                local_hostname=local_name,
                timeout=settings.command_timeout,
            )
            client.sock = sock
            client.file = _Replies(sock)
            session = _Session(client, sock)
        except BaseException:
            with suppress(OSError):
                sock.close()
            raise
        try:
            self._handshake(session, stages)
        except BaseException:
            session.close(polite=False, timeout=0)
            raise
        return session

    def _handshake_tls(self, sock: socket.socket, stages: _Stages) -> ssl.SSLSocket:
        """TLS over ``sock``; the handshake runs after the TLS socket can be shut from outside."""
        tls_sock = self._context.wrap_socket(
            sock, server_hostname=net.ascii_name(self.settings.host), do_handshake_on_connect=False
        )
        stages.attach(tls_sock)
        try:
            tls_sock.do_handshake()
        except BaseException:
            with suppress(OSError):
                tls_sock.close()
            raise
        return tls_sock

    def _handshake(self, session: _Session, stages: _Stages) -> None:
        settings = self.settings
        client = session.client
        command = settings.command_timeout
        with stages.step("greeting", command) as step:
            code, reply = client.getreply()
            step.detail = _reply_text(code, reply)
            if code != 220:
                raise _refused(code, step.detail, "the connection", "greeting")

        with stages.step("ehlo", command) as step:
            _ehlo(client)
            step.detail = _capabilities(client)

        if settings.security == "starttls":
            with stages.step("starttls", 2 * command) as step:
                if not client.has_extn("starttls"):
                    raise TlsError(
                        f"The server {settings.server} does not offer STARTTLS, so the password "
                        "and the message would cross the network unencrypted. Nothing was sent.",
                        "Check the port (587 uses STARTTLS, 465 TLS from the start); if the "
                        "server really offers no TLS, do not use it.",
                        stage="starttls",
                    )
                code, reply = client.docmd("STARTTLS")
                if 400 <= code < 500:
                    # RFC 3207: 454 "TLS not available due to temporary reason".
                    raise ServerBusy(
                        f"The server {settings.server} cannot start TLS now: "
                        f"{_reply_text(code, reply)}. Nothing was sent.",
                        "Try again in a few minutes.",
                        stage="starttls",
                        server_reply=_reply_text(code, reply),
                    )
                if code != 220:
                    raise TlsError(
                        f"The server {settings.server} refused to start TLS: "
                        f"{_reply_text(code, reply)}.",
                        "Try again later, or use port 465 (TLS from the start).",
                        stage="starttls",
                        server_reply=_reply_text(code, reply),
                    )
                if client.file is not None:
                    # Whatever came in clear after the 220 is dropped with it (RFC 3207 4.2).
                    client.file.close()
                    client.file = None
                client.sock = self._handshake_tls(session.sock, stages)
                client.file = _Replies(client.sock)
                step.detail = _tls_detail(client.sock)
                # What was said in clear no longer counts (RFC 3207 4.2).
                client.helo_resp = client.ehlo_resp = None
                client.esmtp_features = {}
                client.does_esmtp = False
            with stages.step("ehlo-tls", command) as step:
                _ehlo(client)
                step.detail = _capabilities(client)

        if settings.username:
            with stages.step("auth", 2 * command) as step:
                step.detail = self._login(session)

    def _login(self, session: _Session) -> str:
        """AUTH PLAIN, else LOGIN; only ever over TLS. Returns the mechanism used."""
        client = session.client
        if not isinstance(client.sock, ssl.SSLSocket):
            raise AssertionError("AUTH attempted without TLS")  # a bug, never a user's error
        offered = client.esmtp_features.get("auth", "").upper().split()
        user = self.settings.username.encode()
        password = self._password.encode()

        def b64(data: bytes) -> str:
            return base64.b64encode(data).decode("ascii")

        if "PLAIN" in offered:
            code, reply = client.docmd("AUTH", "PLAIN " + b64(b"\0" + user + b"\0" + password))
            mechanism = "PLAIN"
        elif "LOGIN" in offered:
            mechanism = "LOGIN"
            code, reply = client.docmd("AUTH", "LOGIN " + b64(user))
            if code == 334:
                code, reply = client.docmd(b64(password))
        else:
            raise AuthError(
                f"The server {self.settings.server} offers no login method we can use "
                f"({' '.join(offered) or 'none'}; we use PLAIN or LOGIN).",
                "Check that the profile points at SMTPeter's SMTP server.",
                stage="auth",
            )
        if code not in (235, 503):  # 503: already authenticated
            raise smtplib.SMTPAuthenticationError(code, reply)
        return mechanism

    # -- the connection test --------------------------------------------------------------

    def check(self, on_stage: base.OnStage | None = None) -> base.CheckReport:
        """Test the way to the server step by step, like swaks, sending no mail."""
        with _Stages(self.settings.server, self._secrets, base.CancelToken(), on_stage) as stages:
            try:
                session = self._open(stages)
            except SendError:
                return base.CheckReport(tuple(stages.stages))
            try:
                with stages.step("quit", self.settings.command_timeout) as step:
                    code, reply = session.client.docmd("QUIT")
                    step.detail = _reply_text(code, reply)
            except SendError:
                pass
            finally:
                session.close(polite=False, timeout=0)
            return base.CheckReport(tuple(stages.stages))

    def close(self) -> None:
        """QUIT and close the kept session, if any (and one being opened ahead)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.abandon(self.settings.command_timeout)
        session, self._session = self._session, None
        if session is not None:
            session.close(polite=True, timeout=self.settings.command_timeout)


AHEAD_FRESH = 10.0
"""Seconds a session opened ahead is used without a NOOP first; an older one is checked
like a kept session (the server may have hung up on it meanwhile)."""


class _Ahead:
    """A session being opened on a thread of its own (``SmtpTransport.connect_ahead``).

    Its steps keep their own deadlines, so the thread ends within them; its cancel token is
    cancelled by the send that waits for it, which shuts the socket in use.
    """

    def __init__(self, transport: SmtpTransport, early: Early | None = None) -> None:
        self.cancel = base.CancelToken()
        self.session: _Session | None = None
        self.error: BaseException | None = None
        self.timings: list[tuple[str, float]] = []
        self.opened = time.monotonic()
        self._thread = threading.Thread(
            target=self._open, args=(transport, early), name="smtp-connect-ahead", daemon=True
        )
        self._thread.start()

    def _open(self, transport: SmtpTransport, early: Early | None) -> None:
        settings = transport.settings
        try:
            with _Stages(settings.server, transport._secrets, self.cancel) as stages:
                self.session = transport._open(stages, early)
                self.timings = stages.timings
        except BaseException as exc:  # noqa: BLE001 (raised by the send that takes it)
            self.error = exc
        self.opened = time.monotonic()

    def result(self, cancel: base.CancelToken) -> _Session:
        """Wait for the session; ``cancel`` stops the opening, which then raises."""
        remove = cancel.on_cancel(self.cancel.cancel)
        try:
            self._thread.join()
        finally:
            remove()
        if self.error is not None:
            raise self.error
        assert self.session is not None
        return self.session

    def abandon(self, timeout: float) -> None:
        """No send came for it: stop the opening, or QUIT the session it opened."""
        self.cancel.cancel()
        self._thread.join(timeout)
        if self.session is not None:
            self.session.close(polite=True, timeout=timeout)


# -- helpers ------------------------------------------------------------------------------


def _pipeline(
    client: smtplib.SMTP,
    envelope: Envelope,
    mail_options: list[str],
    rcpt_options: list[str],
) -> list[tuple[int, bytes]]:
    """MAIL, every RCPT and DATA in one write when the server offers PIPELINING (RFC 2920).

    Returns the replies in order (MAIL, each RCPT, DATA), or [] when the server does not
    pipeline. Over a link of 25 ms each way this saves 100 ms of a 500 ms cold send.
    """
    if not client.has_extn("pipelining"):
        return []

    def line(verb: str, address: str, params: list[str]) -> str:
        return f"{verb}:{smtplib.quoteaddr(address)}{''.join(' ' + p for p in params)}\r\n"

    commands = line("MAIL FROM", envelope.sender, mail_options)
    commands += "".join(line("RCPT TO", rcpt, rcpt_options) for rcpt in envelope.recipients)
    commands += "DATA\r\n"
    client.send(commands.encode("utf-8" if envelope.smtputf8 else "ascii"))
    return [client.getreply() for _ in range(len(envelope.recipients) + 2)]


def _end_data(session: _Session, data_code: int) -> None:
    """A pipelined DATA the server took anyway (no sender or recipient was accepted): end it
    empty, so the session is ready for RSET; the server refuses an empty transaction."""
    if data_code == 354:
        with suppress(*_QUIET):
            session.sock.sendall(b".\r\n")
            session.client.getreply()


def _pieces(headers: bytes, message: base.MessageSource) -> Iterator[bytes]:
    yield headers
    yield from base.chunks(message)


def _literal(sock: socket.socket) -> str:
    """Our address as an EHLO address literal (RFC 5321 4.1.3)."""
    address = str(sock.getsockname()[0])
    return f"[IPv6:{address}]" if ":" in address else f"[{address}]"


def _ehlo(client: smtplib.SMTP) -> None:
    code, reply = client.ehlo()
    if code != 250:
        raise UnexpectedAnswer(
            f"The server did not accept EHLO: {_reply_text(code, reply)}.",
            "Check that the profile points at an SMTP submission server such as SMTPeter.",
            stage="ehlo",
            server_reply=_reply_text(code, reply),
        )


def _capabilities(client: smtplib.SMTP) -> str:
    return ", ".join(f"{k.upper()} {v}".strip() for k, v in client.esmtp_features.items())


def _tls_detail(sock: socket.socket) -> str:
    if not isinstance(sock, ssl.SSLSocket):
        return ""
    parts = [f"{sock.version()} ({(sock.cipher() or ('?',))[0]})"]
    cert: dict[str, Any] = dict(sock.getpeercert() or {})
    if cert:
        subject = dict(item for rdn in cert.get("subject", ()) for item in rdn)
        issuer = dict(item for rdn in cert.get("issuer", ()) for item in rdn)
        names = [
            str(value)
            for kind, value in cert.get("subjectAltName", ())
            if kind in ("DNS", "IP Address")
        ]
        parts.append(f"certificate for {', '.join(names) or subject.get('commonName', '?')}")
        if issuer:
            parts.append(
                f"issued by {issuer.get('organizationName') or issuer.get('commonName', '?')}"
            )
        not_after = cert.get("notAfter")
        if isinstance(not_after, str):
            expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(not_after), UTC)
            parts.append(f"valid until {expires:%Y-%m-%d}")
    return ", ".join(parts)


def _size_limit(value: str) -> int:
    try:
        return max(int(value.split()[0]), 0) if value.strip() else 0
    except ValueError:
        return 0


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _refused(code: int, text: str, what: str, stage: str, *, hint: str = "") -> SendError:
    if 400 <= code < 500:
        return ServerBusy(
            f"The server could not take {what} now: {text}",
            "Try again in a few minutes.",
            stage=stage,
            server_reply=text,
        )
    if 500 <= code < 600:
        return MessageRejected(
            f"The server refused {what}: {text}",
            hint or "Read the server's answer; sending it unchanged will fail again.",
            stage=stage,
            server_reply=text,
        )
    return UnexpectedAnswer(
        f"The server answered something we did not expect: {text}",
        "Check that the profile points at an SMTP submission server such as SMTPeter.",
        stage=stage,
        server_reply=text,
    )


__all__ = ["Security", "SmtpSettings", "SmtpTransport", "option_headers", "xtext"]
