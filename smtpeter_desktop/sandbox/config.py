"""What a sandbox is told at start: where it keeps its data, where it listens, whom it lets in."""

from __future__ import annotations

import dataclasses
import ipaddress
from collections.abc import Mapping
from pathlib import Path

from smtpeter_desktop.sandbox.errors import ConfigError

# The largest message either way in: SMTPeter documents no limit, so a generous one that a
# 25 MB attachment (about 34 MB once encoded) fits in. SMTP announces it as SIZE.
MAX_MESSAGE_SIZE = 64 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class SandboxConfig:
    """The settings of one sandbox.

    Attributes:
        data_dir: the folder for the CA files and the captured messages; made when missing.
        host: a loopback address (``127.0.0.1`` or ``::1``); anything else is refused, so the
            sandbox never accepts mail from another machine.
        smtp_port: SMTP submission with STARTTLS required; 0 picks a free port.
        smtps_port: SMTP with TLS from the first byte (like SMTPeter's 465); 0 picks a free port.
        rest_port: the HTTPS REST API; 0 picks a free port.
        users: ``None`` accepts any login; else login name -> password, others get 535.
        token: ``None`` accepts any REST token; else other tokens get 401.
        sender_domains: ``()`` accepts any From domain; else other domains are refused with
            SMTPeter's words.
    """

    data_dir: Path
    host: str = "127.0.0.1"
    smtp_port: int = 0
    smtps_port: int = 0
    rest_port: int = 0
    users: Mapping[str, str] | None = None
    token: str | None = None
    sender_domains: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        try:
            address = ipaddress.ip_address(self.host)
        except ValueError:
            address = None
        if address is None or not address.is_loopback:
            raise ConfigError(
                f"The sandbox listens on this computer only, so it cannot use the host "
                f"{self.host!r}: give a loopback address such as 127.0.0.1 or ::1."
            )
        for name in ("smtp_port", "smtps_port", "rest_port"):
            port = getattr(self, name)
            if not 0 <= port <= 65535:
                raise ConfigError(
                    f"The port {port} is not a port number: use 1 to 65535, or 0 for a free one."
                )
        if self.token == "":
            raise ConfigError("The REST token cannot be empty: give one, or none to accept any.")
        for domain in self.sender_domains:
            if not domain or "@" in domain or any(c.isspace() for c in domain):
                raise ConfigError(
                    f"{domain!r} is not a sender domain: give a bare domain such as example.com."
                )

    def __repr__(self) -> str:
        # Passwords and the token never show in a repr (it may end up in a log).
        users = None if self.users is None else sorted(self.users)
        token = None if self.token is None else "***"
        return (
            f"SandboxConfig(data_dir={self.data_dir!r}, host={self.host!r}, "
            f"smtp_port={self.smtp_port}, smtps_port={self.smtps_port}, "
            f"rest_port={self.rest_port}, users={users!r}, token={token!r}, "
            f"sender_domains={self.sender_domains!r})"
        )
