"""Passwords and tokens appear in no error text, repr, traceback or client log record.

The REST cases that need SMTPeter's answers run against the sandbox in test_rest.py; here
are SMTP against aiosmtpd, and REST failures that need no SMTPeter at all.
"""

from __future__ import annotations

import http.server
import logging
import socket

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.rest import RestSettings, RestTransport
from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport
from tests.transport.conftest import ENVELOPE, HOST, PASSWORD, USER, make_message
from tests.transport.secrets import assert_absent, client_log, error_texts, failure, forms
from tests.transport.servers import Behaviour, Certs, https_server, smtp_server

TOKEN = "tok-9c2e41-SECRET"
MESSAGE = base.BytesMessage(make_message())


def smtp(certs: Certs | None, port: int, password: str, **changes: object) -> SmtpTransport:
    values: dict[str, object] = {
        "host": HOST,
        "port": port,
        "username": USER,
        "ca_file": certs.ca_file if certs else None,
        "command_timeout": 5.0,
        "final_timeout": 0.3,
    }
    values.update(changes)
    return SmtpTransport(SmtpSettings(**values), password)  # type: ignore[arg-type]


def test_smtp_password_never_shows(certs: Certs, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    failures: list[errors.SendError] = []
    behaviour = Behaviour(users={USER: PASSWORD})
    with smtp_server(certs, behaviour=behaviour) as server:
        with smtp(certs, server.port, PASSWORD) as transport:
            transport.send(MESSAGE, ENVELOPE, SmtpeterOptions())
            report = transport.check()
            assert report.ok
            texts = [repr(transport), repr(report)]
        wrong = "wrong-" + PASSWORD
        with smtp(certs, server.port, wrong) as transport:
            failures.append(
                failure(errors.AuthError, transport.send, MESSAGE, ENVELOPE, SmtpeterOptions())
            )
            report = transport.check()
            assert report.error is not None
            failures.append(report.error)
            texts.append(repr(transport))
        with smtp(None, server.port, PASSWORD) as transport:
            failures.append(
                failure(errors.TlsError, transport.send, MESSAGE, ENVELOPE, SmtpeterOptions())
            )
        behaviour.stall_after_data = True
        with smtp(certs, server.port, PASSWORD) as transport:
            failures.append(
                failure(errors.SendTimeout, transport.send, MESSAGE, ENVELOPE, SmtpeterOptions())
            )
    secret = forms(PASSWORD, USER) + forms(wrong, USER)
    assert_absent(secret, *texts, *(error_texts(e) for e in failures), client_log(caplog.records))
    assert any(r.name.startswith("smtpeter_desktop.transport") for r in caplog.records)


def test_rest_token_never_shows_when_no_smtpeter_answers(
    certs: Certs, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    failures: list[errors.SendError] = []
    with socket.create_server((HOST, 0)) as sock:
        port = sock.getsockname()[1]
    with RestTransport(RestSettings(base_url=f"https://{HOST}:{port}/v1"), TOKEN) as t:
        failures.append(failure(errors.ConnectError, t.send, MESSAGE, ENVELOPE, SmtpeterOptions()))
        report = t.check()
        assert report.error is not None
        failures.append(report.error)
        texts = [repr(t), t.shown_url("send")]

    def echo(handler: http.server.BaseHTTPRequestHandler) -> None:
        # A server that repeats the request line in its error, token and all. This stand-in
        # exists because the sandbox, rightly, never does that.
        length = int(handler.headers.get("Content-Length") or 0)
        handler.rfile.read(length)
        body = f"Bad request: {handler.requestline}".encode()
        handler.send_response(500)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with https_server(certs, echo) as url:
        # Untrusted first (no CA file), then trusted and answered with the echo.
        with RestTransport(RestSettings(base_url=url), TOKEN) as t:
            failures.append(failure(errors.TlsError, t.send, MESSAGE, ENVELOPE, SmtpeterOptions()))
        with RestTransport(RestSettings(base_url=url, ca_file=certs.ca_file), TOKEN) as t:
            err = failure(errors.ServerError, t.send, MESSAGE, ENVELOPE, SmtpeterOptions())
            assert "access_token=***" in err.message
            failures.append(err)
            failures.append(failure(errors.ServerError, t.events, "abc"))
    assert_absent([TOKEN], *texts, *(error_texts(e) for e in failures), client_log(caplog.records))
    assert "access_token=***" in texts[1]
    assert any(r.name.startswith("httpx") for r in caplog.records)
    assert any(r.name.startswith("httpcore") for r in caplog.records)
