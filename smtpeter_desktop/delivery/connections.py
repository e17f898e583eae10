"""A transport for a profile: its settings, its secret, and the built-in sandbox when it is one;
and connections that start before their message is built (``Ahead``), even before the profile
is read (``early_from``)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery.local_sandbox import LOGIN, LocalSandbox
from smtpeter_desktop.transport.errors import SendError

if TYPE_CHECKING:
    import ssl

    from smtpeter_desktop.storage.profilecache import Record
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.transport.base import Transport
    from smtpeter_desktop.transport.early import Early
    from smtpeter_desktop.transport.smtp import SmtpTransport


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
    return _smtp_transport(
        (host, port, security, username),
        ca_file,
        (timeouts.connect, timeouts.command, timeouts.data),
        secret,
    )


def _smtp_transport(
    server: tuple[str, int, str, str],
    ca_file: Path | None,
    timeouts: tuple[float, float, float],
    secret: str,
) -> SmtpTransport:
    """An SMTP transport for ``server`` (host, port, security, username)."""
    from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport  # see above

    host, port, security, username = server
    return SmtpTransport(
        SmtpSettings(
            host=host,
            port=port,
            security=security,  # type: ignore[arg-type]
            username=username,
            ca_file=ca_file,
            connect_timeout=timeouts[0],
            command_timeout=timeouts[1],
            final_timeout=timeouts[2],
        ),
        secret,
    )


# Where a connection goes and how: the transport, the SMTP server, security and login or the
# REST address, the CA file and the timeouts. What is opened from a profile's copy is used for
# the profile read afterwards only when they agree on all of it.
Where = tuple[str, str, int, str, str, str, str, float, float, float]


def _where(
    transport: str,
    server: tuple[str, int, str, str],
    rest_url: str,
    ca_file: str,
    timeouts: tuple[float, float, float],
) -> Where:
    if transport == "rest":
        server = ("", 0, "", "")
    else:
        rest_url = ""
    return (transport, *server, rest_url, ca_file, *timeouts)


def _where_of(profile: Profile) -> Where:
    timeouts = profile.timeouts
    return _where(
        profile.transport,
        (profile.host, profile.port, profile.security, profile.username),
        profile.rest_url,
        profile.ca_file,
        (float(timeouts.connect), float(timeouts.command), float(timeouts.data)),
    )


class Started:
    """What the command line's send opened from its profile's copy (``early_from``), before
    the app's data was read, for ``Ahead.adopt``: the connection, or for SMTP with the secret
    piped in, the transport whose session is opening over it."""

    def __init__(
        self, where: Where, early: Early, secret: str = "", transport: Transport | None = None
    ) -> None:
        self.where = where
        self.early = early
        self.secret = secret
        self.transport = transport

    def close(self) -> None:
        """Close what nobody took."""
        if self.transport is not None:
            self.transport.close()
        self.early.close()


def early_from(record: Record, secret: str = "") -> Started | None:
    """A connection to where the profile's copy ``record`` (:mod:`.profilecache`) sends,
    opened now, before the app's data and the profile itself are read: the command line's send
    hands it to ``Ahead.adopt``. With ``secret`` (piped in), an SMTP profile's session starts
    over it at once (greeting, TLS, EHLO, AUTH), as ``Ahead.start`` would start it later. None
    for the sandbox, or an address not reachable early."""
    if record["sandbox"]:
        return None
    from smtpeter_desktop.transport.early import Early  # see _start_early

    timeouts = (record["connect_timeout"], record["command_timeout"], record["data_timeout"])
    where = _where(
        record["transport"],
        (record["host"], record["port"], record["security"], record["username"]),
        record["rest_url"],
        record["ca_file"],
        timeouts,
    )
    ca_file = Path(record["ca_file"]).expanduser() if record["ca_file"] else None
    if record["transport"] == "rest":
        early = Early.https(record["rest_url"], lambda: _context(ca_file), timeouts[0])
        return None if early is None else Started(where, early)
    early = Early(record["host"], record["port"], None, timeouts[0])
    if not secret:
        return Started(where, early)
    threading.Thread(target=_make_context, args=(ca_file,), daemon=True).start()
    try:
        transport = _smtp_transport(
            (record["host"], record["port"], record["security"], record["username"]),
            ca_file,
            timeouts,
            secret,
        )
    except SendError:
        early.close()
        return None
    transport.connect_ahead(early)
    return Started(where, early, secret, transport)


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
    What the command line opened before the profile was read (``early_from``) is handed over
    with ``adopt``, and ``start`` takes it in place of opening its own when it fits.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[tuple[Profile, str], Transport] = {}
        self._early: dict[tuple[Profile, str], tuple[Early, LocalSandbox]] = {}
        self._adopted: Started | None = None

    def adopt(self, started: Started) -> None:
        """What was opened before its profile was read (``early_from``): the next ``start``
        uses it when its profile connects to the same place the same way (and for a session,
        with the same secret), else closes it."""
        with self._lock:
            replaced, self._adopted = self._adopted, started
        if replaced is not None:
            replaced.close()

    def _adopted_for(self, profile: Profile, secret: str) -> Early | bool:
        """The adopted connection for ``profile``; True when it was a session, opened with
        ``secret``, which now waits for the send as one ``start`` began; False for none."""
        with self._lock:
            adopted, self._adopted = self._adopted, None
        if adopted is None:
            return False
        if adopted.where != _where_of(profile) or (
            adopted.transport is not None and adopted.secret != secret
        ):
            adopted.close()
            return False
        if adopted.transport is None:
            return adopted.early
        self._wait(profile, secret, adopted.transport)
        return True

    def _wait(self, profile: Profile, secret: str, transport: Transport) -> None:
        with self._lock:
            replaced = self._waiting.pop((profile, secret), None)
            self._waiting[(profile, secret)] = transport
        if replaced is not None:
            replaced.close()

    def start(self, profile: Profile, secret: str, sandbox: LocalSandbox) -> None:
        """Start connecting for ``profile`` with ``secret``; settings that cannot work start
        nothing (the send's own making of the transport says why, as it would have)."""
        adopted = self._adopted_for(profile, secret)
        if profile.sandbox or adopted is True:
            return
        if profile.transport == "rest":
            self._start_early(profile, secret, sandbox, adopted or None)
            return
        from smtpeter_desktop.transport.early import Early  # see _start_early

        # The first round trip is under way while smtplib (15 ms) is imported and the TLS
        # context is made; and that, loading the trust store (5-30 ms) without the
        # interpreter lock, on a thread of its own beside the import.
        early = adopted or Early(profile.host, profile.port, None, profile.timeouts.connect)
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
        self._wait(profile, secret, transport)

    def _start_early(
        self, profile: Profile, secret: str, sandbox: LocalSandbox, adopted: Early | None
    ) -> None:
        # ssl and socket (8 ms) are for the commands that connect; the others load this
        # module too (through the app context), so both transports' imports are local.
        from smtpeter_desktop.transport.early import Early

        ca_file = Path(profile.ca_file).expanduser() if profile.ca_file else None
        early = adopted or Early.https(
            profile.rest_url, lambda: _context(ca_file), profile.timeouts.connect
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
            adopted, self._adopted = self._adopted, None
        if adopted is not None:
            adopted.close()
        for transport in waiting:
            transport.close()
        for started in early:
            started.close()


def _context(ca_file: Path | None) -> ssl.SSLContext:
    """The TLS context for ``ca_file``, made on the early connection's thread: importing ssl
    (8 ms) and loading the trust store overlap the TCP connect. A CA file that cannot be read
    fails the early connection only: the transport, made with the same context, says why."""
    from smtpeter_desktop.transport import tls  # see _start_early

    return tls.client_context(ca_file)


def _make_context(ca_file: Path | None) -> None:
    """Make (and keep) the TLS context for ``ca_file``; the transport, made meanwhile, takes it
    when made, or says what is wrong with the file."""
    from smtpeter_desktop.transport import tls  # see _start_early

    with contextlib.suppress(SendError):
        tls.client_context(ca_file)
