"""Independent clients for the sandbox's tests: the standard library's smtplib, and httpx.

Neither is the app's transport, so the sandbox is checked against someone else's reading
of the protocols.
"""

from __future__ import annotations

import smtplib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx

from smtpeter_desktop.sandbox import Sandbox
from tests.sandbox_fixture import client_tls

TOKEN = "t0k3n"  # any token is accepted unless the sandbox was given one

MESSAGE = (
    b"From: Ann <ann@example.com>\r\n"
    b"To: Bob <bob@example.org>\r\n"
    b"Subject: Hello\r\n"
    b"Message-ID: <1@example.com>\r\n"
    b"\r\n"
    b"Hello Bob.\r\n"
)


@contextmanager
def smtp(
    sandbox: Sandbox, login: tuple[str, str] | None = ("ann", "secret")
) -> Iterator[smtplib.SMTP]:
    """A submission session after STARTTLS, logged in unless ``login`` is None."""
    with smtplib.SMTP(sandbox.host, sandbox.smtp_port, timeout=10) as client:
        client.starttls(context=client_tls(sandbox))
        if login is not None:
            client.login(*login)
        yield client


@contextmanager
def smtps(
    sandbox: Sandbox, login: tuple[str, str] | None = ("ann", "secret")
) -> Iterator[smtplib.SMTP_SSL]:
    """A session with TLS from the first byte, logged in unless ``login`` is None."""
    with smtplib.SMTP_SSL(
        sandbox.host, sandbox.smtps_port, timeout=10, context=client_tls(sandbox)
    ) as client:
        if login is not None:
            client.login(*login)
        yield client


@contextmanager
def rest(sandbox: Sandbox, token: str | None = TOKEN) -> Iterator[httpx.Client]:
    """An HTTPS client for the REST API, sending ``token`` with every call."""
    params = {} if token is None else {"access_token": token}
    with httpx.Client(
        base_url=sandbox.rest_base_url, verify=client_tls(sandbox), params=params, timeout=30
    ) as client:
        yield client


def send_json(sandbox: Sandbox, body: Mapping[str, Any], token: str = TOKEN) -> httpx.Response:
    """One ``POST /v1/send`` with a JSON body."""
    with rest(sandbox, token) as client:
        return client.post("/send", json=body)


def mime_from(prefix: str) -> str:
    """``MESSAGE`` sent from ``ann@{prefix}.example.com``."""
    return MESSAGE.decode().replace("ann@example.com", f"ann@{prefix}.example.com")
