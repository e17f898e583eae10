"""Fixtures of the transport tests: certificates, messages, and settings for loopback servers."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path

import pytest

from smtpeter_desktop.compose.envelope import Envelope
from tests.sandbox_fixture import make_sandbox, sandbox
from tests.transport.servers import HOST, Certs, make_certs

PASSWORD = "pässwörd-Secret-7f3a9"
USER = "alice@example.org"


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    return make_certs(tmp_path_factory.mktemp("certs"))


def make_message(body: str = "Hello there.\n", *, message_id: str = "<m1.x@example.org>") -> bytes:
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = "Alice <alice@example.org>"
    msg["To"] = "bob@example.com"
    msg["Subject"] = "A test"
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes()


def big_message(path: Path, size: int) -> Path:
    """A message of about ``size`` bytes on disk, with lines a dot-stuffer must double."""
    head = make_message("x").split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    line = b"." * 3 + b"a line of the body that is long enough to be a line\r\n"
    with path.open("wb") as out:
        out.write(head)
        written = len(head)
        block = line * 1000
        while written < size:
            out.write(block)
            written += len(block)
    return path


ENVELOPE = Envelope("alice@example.org", ("bob@example.com",))
# The sandbox's fixtures, for the REST tests.
__all__ = [
    "ENVELOPE",
    "HOST",
    "PASSWORD",
    "USER",
    "big_message",
    "make_message",
    "make_sandbox",
    "sandbox",
]
