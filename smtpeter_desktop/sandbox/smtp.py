"""The SMTP side of the sandbox: submission with STARTTLS, and implicit TLS, on aiosmtpd.

Like SMTPeter's SMTP API: AUTH PLAIN or LOGIN is required before MAIL, and only over TLS
(STARTTLS is required on the submission port); SIZE, 8BITMIME, SMTPUTF8, DSN and
PIPELINING are offered. The DSN parameters (RET, ENVID on MAIL; NOTIFY, ORCPT on RCPT),
which aiosmtpd does not know, are read by a small ``SMTP`` subclass before aiosmtpd sees
the command. The ``x-smtpeter-*`` headers are read and stripped from the kept message (a
value SMTPeter would refuse gets ``550 5.6.0`` and the reason), and the message is answered
``250 2.0.0 Ok: queued as <id>``.

Both servers run on one asyncio loop in one thread; ``SmtpService.stop`` hangs up on every
client, even one a fault rule keeps waiting, and joins that thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import logging
import re
import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from smtpeter_desktop.sandbox import mail
from smtpeter_desktop.sandbox.config import MAX_MESSAGE_SIZE
from smtpeter_desktop.sandbox.errors import PortInUseError, ServerKind, StartError
from smtpeter_desktop.sandbox.faults import Faults, Stage
from smtpeter_desktop.sandbox.store import Store

log = logging.getLogger(__name__)

HOSTNAME = "localhost"
_START_TIMEOUT = 10.0
_XTEXT = re.compile(r"\+([0-9A-Fa-f]{2})")


class _LoginDataNoise(logging.Filter):
    # WORKAROUND for https://github.com/aio-libs/aiosmtpd/issues/347: aiosmtpd warns about
    # its own use of the deprecated Session.login_data on every successful AUTH.
    def filter(self, record: logging.LogRecord) -> bool:
        return "login_data is deprecated" not in record.getMessage()


logging.getLogger("mail.log").addFilter(_LoginDataNoise())


class DsnEnvelope(Envelope):
    """aiosmtpd's envelope plus the DSN parameters given on MAIL and on each RCPT."""

    def __init__(self) -> None:
        super().__init__()
        self.mail_dsn: dict[str, str] = {}
        self.rcpt_dsn: list[dict[str, str]] = []  # one per accepted recipient, in order

    def dsn(self) -> dict[str, str]:
        """RET and ENVID, then NOTIFY and ORCPT: one key when every recipient gave the same
        value, else one ``notify:<address>`` key per recipient that gave one."""
        out = dict(self.mail_dsn)
        for name in ("notify", "orcpt"):
            given = {
                rcpt: params[name]
                for rcpt, params in zip(self.rcpt_tos, self.rcpt_dsn, strict=True)
                if name in params
            }
            values = set(given.values())
            if len(values) == 1 and len(given) == len(self.rcpt_tos):
                out[name] = values.pop()
            else:
                out.update({f"{name}:{rcpt}": value for rcpt, value in given.items()})
        return out


class Handler:
    """aiosmtpd's handler: login check, EHLO extensions, recipient and message rules."""

    def __init__(
        self,
        store: Store,
        faults: Faults,
        users: Mapping[str, str] | None,
        sender_domains: tuple[str, ...],
    ) -> None:
        self.store = store
        self.faults = faults
        self._users = users
        self._sender_domains = sender_domains

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        """aiosmtpd's authenticator: any login unless users are set, then only theirs."""
        code = self.faults.rules.auth
        if code is not None:
            return AuthResult(success=False, handled=False, message=_auth_refusal(code))
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = data.login.decode("utf-8", errors="replace")
        if self._users is not None:
            expected = self._users.get(login)
            if expected is None or not hmac.compare_digest(expected.encode(), data.password):
                return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=login)

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        await asyncio.sleep(self.faults.rules.delay("ehlo"))
        # With this (new-style) hook aiosmtpd leaves remembering the name to us.
        session.host_name = hostname
        hide_starttls = self.faults.rules.no_starttls
        lines = [r for r in responses[:-1] if not (hide_starttls and r == "250-STARTTLS")]
        return [*lines, "250-DSN", "250-PIPELINING", responses[-1]]

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if not address.isascii() and not envelope.smtp_utf8:
            return "553 5.6.7 A non-ASCII address needs the SMTPUTF8 parameter"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not address.isascii() and not envelope.smtp_utf8:
            return "553 5.6.7 A non-ASCII address needs the SMTPUTF8 parameter on MAIL"
        if self.faults.rules.rejects(address):
            return f"550 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        rules = self.faults.rules
        if rules.after_data is not None:
            return _data_refusal(rules.after_data)
        assert isinstance(envelope.original_content, bytes)
        try:
            content, options = mail.take_options(envelope.original_content)
        except mail.OptionError as exc:
            return f"550 5.6.0 {exc}"  # ASCII and one line: values are quoted with ascii()
        domain = mail.from_domain(content)
        refusal = mail.sender_refusal(
            domain, self._sender_domains, approved=rules.approved(domain or "")
        )
        if refusal:
            return f"550 5.7.1 {refusal}"
        recipients = tuple(envelope.rcpt_tos)
        login: object = session.auth_data  # what authenticate() gave aiosmtpd: the name
        try:
            captured = await asyncio.to_thread(
                self.store.save,
                transport="smtp",
                mail_from="" if envelope.mail_from == "<>" else str(envelope.mail_from),
                recipients=recipients,
                content=content,
                options=options,
                dsn=envelope.dsn() if isinstance(envelope, DsnEnvelope) else {},
                auth_user=login if isinstance(login, str) else None,
                outcomes={r: rules.outcome(r) for r in recipients},
            )
        except OSError as exc:
            return f"451 4.3.0 The sandbox could not keep the message: {exc}"
        if rules.drop == "after-data":
            # Kept, but the client never hears so: its outcome is unknown.
            _abort(server.transport)
            await asyncio.get_running_loop().create_future()  # cancelled as the line drops
        await asyncio.sleep(rules.delay("data"))
        return f"250 2.0.0 Ok: queued as {captured.id}"


class SandboxSMTP(SMTP):
    """aiosmtpd's ``SMTP`` with DSN parameters, fault rules, and a register of open sessions."""

    def __init__(
        self,
        handler: Handler,
        *,
        tls: ssl.SSLContext,
        implicit_tls: bool,
        sessions: set[SandboxSMTP],
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        super().__init__(
            handler,
            data_size_limit=MAX_MESSAGE_SIZE,
            enable_SMTPUTF8=True,
            hostname=HOSTNAME,
            ident="SMTPeter sandbox",
            # With implicit TLS the whole session is encrypted, which aiosmtpd cannot see:
            # it neither offers STARTTLS there nor needs to be told that AUTH is safe.
            tls_context=None if implicit_tls else tls,
            require_starttls=not implicit_tls,
            auth_require_tls=not implicit_tls,
            authenticator=handler.authenticate,
            loop=loop,
        )
        self._faults = handler.faults
        self._sessions = sessions
        self._in_data = False
        self._data_bytes = 0

    def _create_envelope(self) -> Envelope:
        return DsnEnvelope()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._sessions.add(self)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            # asyncio sets this itself only for sockets it made; ours come from _listen().
            # Without it, the lines of a multi-line reply wait 40 ms for a delayed ACK.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)

    def connection_lost(self, error: Exception | None) -> None:
        self._sessions.discard(self)
        super().connection_lost(error)

    def data_received(self, data: bytes) -> None:
        if self._in_data:
            rules = self._faults.rules
            self._data_bytes += len(data)
            if rules.drop == "mid-data" and self._data_bytes >= rules.drop_after:
                _abort(self.transport)
                return
        super().data_received(data)

    async def check_auth_needed(self, caller_method: str) -> bool:
        # SMTPeter sends mail for its users only: a login comes before MAIL, on both ports.
        assert self.session is not None
        if self.session.authenticated:
            return False
        await self.push("530 5.7.0 Authentication required")
        return True

    async def _handle_client(self) -> None:
        await self._delay("greeting")
        await super()._handle_client()

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self._delay("starttls")
        if self._faults.rules.no_starttls:
            await self.push("454 4.7.0 TLS not available")
            return
        await super().smtp_STARTTLS(arg)

    async def smtp_AUTH(self, arg: str) -> None:
        await self._delay("auth")
        await super().smtp_AUTH(arg)

    async def smtp_MAIL(self, arg: str | None) -> None:
        await self._delay("mail")
        params: dict[str, str] = {}
        if arg is not None and self.session is not None and self.session.extended_smtp:
            arg, params = _take_params(arg, "FROM:", ("RET", "ENVID"))
            problem = _check_mail_dsn(params)
            if problem:
                await self.push(f"501 5.5.4 {problem}")
                return
        assert isinstance(self.envelope, DsnEnvelope)
        had_sender = self.envelope.mail_from is not None
        await super().smtp_MAIL(arg)
        if not had_sender and self.envelope.mail_from is not None:
            self.envelope.mail_dsn = {k.lower(): v for k, v in params.items()}

    async def smtp_RCPT(self, arg: str | None) -> None:
        await self._delay("rcpt")
        params: dict[str, str] = {}
        if arg is not None and self.session is not None and self.session.extended_smtp:
            arg, params = _take_params(arg, "TO:", ("NOTIFY", "ORCPT"))
            problem = _check_rcpt_dsn(params)
            if problem:
                await self.push(f"501 5.5.4 {problem}")
                return
        assert isinstance(self.envelope, DsnEnvelope)
        before = len(self.envelope.rcpt_tos)
        await super().smtp_RCPT(arg)
        if len(self.envelope.rcpt_tos) > before:
            self.envelope.rcpt_dsn.append({k.lower(): v for k, v in params.items()})

    async def smtp_DATA(self, arg: str) -> None:
        self._in_data, self._data_bytes = True, 0
        try:
            await super().smtp_DATA(arg)
        finally:
            self._in_data = False

    async def _delay(self, stage: Stage) -> None:
        seconds = self._faults.rules.delay(stage)
        if seconds:
            await asyncio.sleep(seconds)  # cancelled at once when the sandbox stops


class SmtpService:
    """Both SMTP servers on one asyncio loop in a thread of their own."""

    def __init__(
        self, host: str, smtp_port: int, smtps_port: int, tls: ssl.SSLContext, handler: Handler
    ) -> None:
        self.host = host
        self._ports = (smtp_port, smtps_port)
        self._tls = tls
        self._handler = handler
        self._sessions: set[SandboxSMTP] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopping: asyncio.Future[None] | None = None

    def start(self) -> tuple[int, int]:
        """Listen on both ports; returns them (the real ones when 0 was asked for)."""
        plain = _listen("smtp", self.host, self._ports[0])
        try:
            tls = _listen("smtps", self.host, self._ports[1])
        except BaseException:
            plain.close()
            raise
        ports = (plain.getsockname()[1], tls.getsockname()[1])
        ready = threading.Event()
        failure: list[BaseException] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._run, args=(plain, tls, ready, failure), name="sandbox-smtp"
        )
        self._thread.start()
        if not ready.wait(_START_TIMEOUT):
            self.stop()
            raise StartError(
                f"The sandbox's SMTP servers did not start within {_START_TIMEOUT:.0f} seconds; "
                "the computer may be very busy: try again."
            )
        if failure:
            self.stop()
            raise StartError(f"The sandbox's SMTP servers could not start: {failure[0]}")
        return ports

    def stop(self) -> None:
        """Hang up on every client, close both servers and join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if thread.is_alive():
            with contextlib.suppress(RuntimeError):  # the loop already finished
                loop.call_soon_threadsafe(self._request_stop)
            thread.join()
        self._loop = self._thread = None

    def _request_stop(self) -> None:
        if self._stopping is not None and not self._stopping.done():
            self._stopping.set_result(None)

    def _run(
        self,
        plain: socket.socket,
        tls: socket.socket,
        ready: threading.Event,
        failure: list[BaseException],
    ) -> None:
        loop = self._loop
        assert loop is not None
        try:
            loop.run_until_complete(self._serve(loop, plain, tls, ready))
        except Exception as exc:  # noqa: BLE001 - handed to start(), which raises it
            failure.append(exc)
            plain.close()
            tls.close()
        finally:
            ready.set()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()

    async def _serve(
        self,
        loop: asyncio.AbstractEventLoop,
        plain: socket.socket,
        tls: socket.socket,
        ready: threading.Event,
    ) -> None:
        self._stopping = loop.create_future()
        servers: list[asyncio.Server] = []
        try:
            servers.append(
                await loop.create_server(self._factory(loop, implicit_tls=False), sock=plain)
            )
            servers.append(
                await loop.create_server(
                    self._factory(loop, implicit_tls=True), sock=tls, ssl=self._tls
                )
            )
            ready.set()
            await self._stopping
        finally:
            for server in servers:
                server.close()
            await self._hang_up()
            for server in servers:
                await server.wait_closed()

    async def _hang_up(self) -> None:
        for session in list(self._sessions):
            _abort(session.transport)
        # Let every connection_lost run, then end whatever they left behind.
        for _ in range(100):
            if not self._sessions:
                break
            await asyncio.sleep(0)
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def _factory(
        self, loop: asyncio.AbstractEventLoop, *, implicit_tls: bool
    ) -> Callable[[], SandboxSMTP]:
        def make() -> SandboxSMTP:
            return SandboxSMTP(
                self._handler,
                tls=self._tls,
                implicit_tls=implicit_tls,
                sessions=self._sessions,
                loop=loop,
            )

        return make


def _listen(kind: ServerKind, host: str, port: int) -> socket.socket:
    """A listening socket, made here so that a taken port is reported to the caller."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise PortInUseError(kind, host, port) from exc
        if exc.errno == errno.EACCES:
            raise StartError(
                f"Port {port} needs administrator rights: choose a port above 1023."
            ) from exc
        raise StartError(f"The sandbox cannot listen on {host} port {port}: {exc}.") from exc


def _abort(transport: asyncio.BaseTransport | None) -> None:
    """Drop the connection at once, without a goodbye."""
    if isinstance(transport, asyncio.Transport):
        transport.abort()
    elif transport is not None:
        transport.close()


def _take_params(arg: str, keyword: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """Split ``names`` (``NAME=value``) off a MAIL or RCPT argument; the rest is left as sent."""
    if arg[: len(keyword)].upper() != keyword:
        return arg, {}
    rest = arg[len(keyword) :].strip()
    if rest.startswith("<"):
        end = rest.find(">")
        if end < 0:
            return arg, {}
        address, params = rest[: end + 1], rest[end + 1 :]
    else:
        address, _, params = rest.partition(" ")
    kept: list[str] = []
    found: dict[str, str] = {}
    for token in params.split():
        name, eq, value = token.partition("=")
        if eq and name.upper() in names:
            found[name.upper()] = _xtext(value)
        else:
            kept.append(token)
    return " ".join([keyword + address, *kept]), found


def _check_mail_dsn(params: dict[str, str]) -> str | None:
    if "RET" in params:
        params["RET"] = params["RET"].upper()
        if params["RET"] not in ("HDRS", "FULL"):
            return "RET must be HDRS or FULL"
    if "ENVID" in params and not params["ENVID"]:
        return "ENVID cannot be empty"
    return None


def _check_rcpt_dsn(params: dict[str, str]) -> str | None:
    if "NOTIFY" in params:
        words = params["NOTIFY"].upper().split(",")
        if words != ["NEVER"] and not set(words) <= {"SUCCESS", "FAILURE", "DELAY"}:
            return "NOTIFY must be NEVER, or some of SUCCESS,FAILURE,DELAY"
        params["NOTIFY"] = ",".join(words)
    if "ORCPT" in params and ";" not in params["ORCPT"]:
        return "ORCPT must be an address type and an address, such as rfc822;a@example.com"
    return None


def _xtext(value: str) -> str:
    # RFC 3461 section 4: "+XX" stands for the byte XX.
    return _XTEXT.sub(lambda m: chr(int(m.group(1), 16)), value)


def _auth_refusal(code: int) -> str:
    if code == 535:
        return "535 5.7.8 Authentication credentials invalid"
    if 400 <= code < 500:
        return f"{code} 4.7.0 Temporary authentication failure"
    return f"{code} 5.7.0 Authentication refused"


def _data_refusal(code: int) -> str:
    if 400 <= code < 500:
        return f"{code} 4.3.0 Temporary failure: try again later"
    return f"{code} 5.6.0 Message refused"
