"""A transport for a profile: its settings, its secret, and the built-in sandbox when it is one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery.local_sandbox import LOGIN, LocalSandbox

if TYPE_CHECKING:
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.transport.base import Transport


def open_transport(profile: Profile, secret: str, sandbox: LocalSandbox) -> Transport:
    """A ready transport; a sandbox profile starts the built-in sandbox and trusts its CA.

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
