"""The errors a person can cause when starting the sandbox, each with a sentence to show.

Hierarchy::

    SandboxError               base class; ``str()`` says what happened and what to do
    ├── ConfigError            a setting the sandbox cannot use (a host that is not loopback,
    │   │                      a port out of range, a malformed --user)
    │   └── FaultSpecError     a fault rule it cannot read (``--fault SPEC``)
    ├── PortInUseError         a port is already taken by another program
    └── StartError             the servers did not come up (unwritable data folder, damaged
                               CA files, a server that did not start in time)

``ConfigError`` is also a ``ValueError``: a bad value handed to the API is a bad value.
Bugs in the sandbox stay ordinary exceptions.
"""

from __future__ import annotations

from typing import Literal

ServerKind = Literal["smtp", "smtps", "rest"]


class SandboxError(Exception):
    """Something the person starting the sandbox can fix; the text says how."""


class ConfigError(SandboxError, ValueError):
    """A setting the sandbox cannot use."""


class FaultSpecError(ConfigError):
    """A fault rule written in a way the sandbox cannot read."""


class PortInUseError(SandboxError):
    """A port the sandbox was asked to listen on is taken.

    Attributes:
        kind: which server wanted it: ``"smtp"``, ``"smtps"`` or ``"rest"``.
        host: the address it wanted to listen on.
        port: the port that is taken.
    """

    def __init__(self, kind: ServerKind, host: str, port: int) -> None:
        self.kind = kind
        self.host = host
        self.port = port
        super().__init__(
            f"Port {port} on {host} (the sandbox's {_LABELS[kind]}) is already in use, "
            "perhaps by another sandbox: stop that program, or choose another port "
            "(0 picks a free one)."
        )


class StartError(SandboxError):
    """The sandbox could not start; the text says why."""


_LABELS: dict[ServerKind, str] = {
    "smtp": "SMTP port with STARTTLS",
    "smtps": "SMTP port with implicit TLS",
    "rest": "REST port",
}
