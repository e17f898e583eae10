"""A transport for a profile: its settings, its secret, and the built-in sandbox when it is one;
and connections that start before their message is built (``Ahead``)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery.local_sandbox import LOGIN, LocalSandbox
from smtpeter_desktop.transport.errors import SendError

if TYPE_CHECKING:
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.transport.base import Transport
    from smtpeter_desktop.transport.early import Early


def open_transport(
    profile: Profile, secret: str, sandbox: LocalSandbox, early: Early | None = None
) -> Transport:
    """A ready transport; a sandbox profile starts the built-in sandbox and trusts its CA.
    ``early``: a REST profile's connection opened ahead, for its first request.

    Raises the transport's ``ConfigError`` for settings that cannot work.
    """
    timeouts = profile.timeouts
    ca_file = Path(profile.ca_file).expanduser() if profile.ca_file else None
    if profile.sandbox:
        running = sandbox.running()
        ca_file, secret = running.ca_file, LOGIN
        host, security = running.host, profile.security
        port = running.smtps_port if security == "tls" else running.smtp_port
        username, rest_url = LOGIN, running.rest_base_url
    else:
        host, port, security = profile.host, profile.port, profile.security
        username, rest_url = profile.username, profile.rest_url
    if profile.transport == "rest":
        # Each transport is imported for its own profiles only: httpx takes about 60 ms,
        # smtplib about 15 ms.
        from smtpeter_desktop.transport.rest import RestSettings, RestTransport

        return RestTransport(
            RestSettings(
                base_url=rest_url,
                ca_file=ca_file,
                connect_timeout=timeouts.connect,
                read_timeout=timeouts.command,
                final_timeout=timeouts.data,
            ),
            secret,
            early=early,
        )
    from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport

    return SmtpTransport(
        SmtpSettings(
            host=host,
            port=port,
            security=security,
            username=username,
            ca_file=ca_file,
            connect_timeout=timeouts.connect,
            command_timeout=timeouts.command,
            final_timeout=timeouts.data,
        ),
        secret,
    )


class Ahead:
    """Connections opened while their message is built, until a send takes one.

    A process's Postmans share one (``AppContext.ahead``): the command line's send starts
    connecting on the main thread and sends from a thread of its own, with a Postman of its
    own. SMTP: the TCP connection starts first; the transport is made on the calling thread
    meanwhile (smtplib and the TLS context: CPU work that would only contend for the
    interpreter with the building), then opens its session over that connection (greeting,
    TLS, EHLO, AUTH) on its own thread. REST: only the connection is
    opened (look-up, connect, TLS), before httpx is even imported; the transport is made when
    the send takes it, and its first request uses that connection. Nothing starts ahead for
    the built-in sandbox (it runs on this computer: there is no network wait to overlap).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[tuple[Profile, str], Transport] = {}
        self._early: dict[tuple[Profile, str], tuple[Early, LocalSandbox]] = {}

    def start(self, profile: Profile, secret: str, sandbox: LocalSandbox) -> None:
        """Start connecting for ``profile`` with ``secret``; settings that cannot work start
        nothing (the send's own making of the transport says why, as it would have)."""
        if profile.sandbox:
            return
        if profile.transport == "rest":
            self._start_early(profile, secret, sandbox)
            return
        from smtpeter_desktop.transport.early import Early  # see _start_early

        # The first round trip is under way while smtplib (15 ms) is imported and the TLS
        # context is made; and that, loading the trust store (5-30 ms) without the
        # interpreter lock, on a thread of its own beside the import.
        early = Early(profile.host, profile.port, None, profile.timeouts.connect)
        ca_file = Path(profile.ca_file).expanduser() if profile.ca_file else None
        threading.Thread(target=_make_context, args=(ca_file,), daemon=True).start()
        from smtpeter_desktop.transport.smtp import SmtpTransport  # see open_transport

        try:
            transport = open_transport(profile, secret, sandbox)
        except SendError:
            early.close()
            return
        assert isinstance(transport, SmtpTransport)
        transport.connect_ahead(early)
        with self._lock:
            replaced = self._waiting.pop((profile, secret), None)
            self._waiting[(profile, secret)] = transport
        if replaced is not None:
            replaced.close()

    def _start_early(self, profile: Profile, secret: str, sandbox: LocalSandbox) -> None:
        # ssl and socket (8 ms) are for the commands that connect; the others load this
        # module too (through the app context), so both transports' imports are local.
        from smtpeter_desktop.transport import tls
        from smtpeter_desktop.transport.early import Early

        ca_file = Path(profile.ca_file).expanduser() if profile.ca_file else None
        # A CA file that cannot be read fails the early connection only: the transport,
        # made with the same context, says why.
        early = Early.https(
            profile.rest_url, lambda: tls.client_context(ca_file), profile.timeouts.connect
        )
        if early is None:
            return
        with self._lock:
            replaced = self._early.pop((profile, secret), None)
            self._early[(profile, secret)] = (early, sandbox)
        if replaced is not None:
            replaced[0].close()

    def take(self, profile: Profile, secret: str) -> Transport | None:
        """The transport started for this profile and secret, if any (it is the caller's now);
        for REST, made now over the connection opened early. Raises what ``open_transport``
        raises."""
        with self._lock:
            transport = self._waiting.pop((profile, secret), None)
            early = self._early.pop((profile, secret), None)
        if early is None:
            return transport
        try:
            return open_transport(profile, secret, early[1], early=early[0])
        except BaseException:
            early[0].close()
            raise

    def close(self) -> None:
        """Close what no send took."""
        with self._lock:
            waiting, self._waiting = list(self._waiting.values()), {}
            early, self._early = [started for started, _ in self._early.values()], {}
        for transport in waiting:
            transport.close()
        for started in early:
            started.close()


def _make_context(ca_file: Path | None) -> None:
    """Make (and keep) the TLS context for ``ca_file``; the transport, made meanwhile, takes it
    when made, or says what is wrong with the file."""
    from smtpeter_desktop.transport import tls  # see _start_early

    with contextlib.suppress(SendError):
        tls.client_context(ca_file)
