"""A local stand-in for SMTPeter: its SMTP and REST APIs on loopback, keeping every message.

The app offers it as a ready "Sandbox" profile, the tests send to it, and a developer runs
it alone with ``smtpeter-desktop sandbox``. A Qt-free zone that imports nothing else of the
app: it reads what arrives with its own reading of the protocols, so that a mistake in the
app's transports cannot hide behind the same mistake here.

    with Sandbox(SandboxConfig(data_dir=path)) as sandbox:
        ...  # send to sandbox.smtp_port / sandbox.rest_base_url, trusting sandbox.ca_file
        sandbox.faults.add("after-data=451")
        sandbox.messages()

Modules: ``config`` (settings), ``certs`` (the CA and server certificate), ``files``
(private files and folders), ``store`` (kept messages), ``faults`` (fault rules), ``mail``
(reading headers as SMTPeter does), ``smtp`` (aiosmtpd), ``api`` and ``rest`` (the REST
calls and their HTTPS server), ``server`` (the ``Sandbox``), ``command`` (the command line).
"""

from __future__ import annotations

import importlib

# The command line imports this package to build its parser on every run: typing (6 ms)
# is left to the type checkers, which take this spelling of the flag as theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from smtpeter_desktop.sandbox.command import run_forever
    from smtpeter_desktop.sandbox.config import SandboxConfig
    from smtpeter_desktop.sandbox.errors import (
        ConfigError,
        FaultSpecError,
        PortInUseError,
        SandboxError,
        StartError,
    )
    from smtpeter_desktop.sandbox.faults import FaultRules, Faults, RestFault
    from smtpeter_desktop.sandbox.server import Sandbox
    from smtpeter_desktop.sandbox.store import CapturedMessage

# Loaded on first use: the command line builds its parser on every run, and the servers
# (aiosmtpd, cryptography) take a tenth of a second to import.
_HOMES = {
    "run_forever": "command",
    "SandboxConfig": "config",
    "ConfigError": "errors",
    "FaultSpecError": "errors",
    "PortInUseError": "errors",
    "SandboxError": "errors",
    "StartError": "errors",
    "FaultRules": "faults",
    "Faults": "faults",
    "RestFault": "faults",
    "Sandbox": "server",
    "CapturedMessage": "store",
}

__all__ = [
    "CapturedMessage",
    "ConfigError",
    "FaultRules",
    "FaultSpecError",
    "Faults",
    "PortInUseError",
    "RestFault",
    "Sandbox",
    "SandboxConfig",
    "SandboxError",
    "StartError",
    "run_forever",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
