"""The connection test of a profile, for the window and the command line alike.

``check_profile`` opens the profile's transport for this test alone, runs its ``check()``
stage by stage (nothing is sent), and closes it. It blocks on the network: the window calls
it from a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smtpeter_desktop.delivery.connections import open_transport
from smtpeter_desktop.delivery.local_sandbox import LocalSandbox
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.transport.base import CheckReport, CheckStage


def check_profile(
    profile: Profile,
    secret: str,
    sandbox: LocalSandbox,
    on_stage: Callable[[CheckStage], None] | None = None,
) -> CheckReport:
    """Test ``profile``'s connection with ``secret``; each stage goes to ``on_stage`` at once.

    Raises the transport's ``SendError`` for settings that cannot work, and the sandbox's
    errors when it cannot start.
    """
    transport = open_transport(profile, secret, sandbox)
    try:
        return transport.check(on_stage)
    finally:
        transport.close()


def check_ca_file(path: Path) -> None:
    """Refuse a CA file that no TLS connection could use (missing, not PEM certificates),
    when a profile is added rather than at every send; raises the transport's ``SendError``."""
    from smtpeter_desktop.transport import tls

    tls.client_context(path)
