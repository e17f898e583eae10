"""Looking for secrets where they must never be: error texts, reprs, tracebacks, log records."""

from __future__ import annotations

import base64
import logging
import traceback
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

E = TypeVar("E", bound=BaseException)

# Loggers of the servers in the tests: they see the secrets by design (aiosmtpd logs AUTH
# lines at DEBUG); the client's own records and httpx's and httpcore's must not.
SERVER_LOGGERS = ("mail.log", "aiosmtpd", "smtpeter_desktop.sandbox")


def forms(secret: str, user: str = "") -> list[str]:
    """The secret as it could leak: itself, base64, and inside AUTH PLAIN's base64."""
    raw = secret.encode()
    return [
        secret,
        base64.b64encode(raw).decode(),
        base64.b64encode(b"\0" + user.encode() + b"\0" + raw).decode(),
    ]


def error_texts(error: BaseException) -> str:
    """Everything a person or a log could see of an error, with its whole cause chain."""
    parts = [str(error), repr(error), "".join(traceback.format_exception(error))]
    for name in ("message", "hint", "server_reply"):
        parts.append(str(getattr(error, name, "")))
    return "\n".join(parts)


def client_log(records: Iterable[logging.LogRecord]) -> str:
    return "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}"
        for r in records
        if not r.name.startswith(SERVER_LOGGERS)
    )


def assert_absent(secret_forms: list[str], *texts: str) -> None:
    for text in texts:
        for form in secret_forms:
            assert form not in text, f"a secret leaked: ...{text[:400]}..."


def failure(kind: type[E], call: Callable[..., Any], *args: Any) -> E:
    """The error ``call(*args)`` raises, which must be a ``kind``."""
    try:
        call(*args)
    except kind as error:
        return error
    raise AssertionError(f"{kind.__name__} was not raised")
