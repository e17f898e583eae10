"""A real SMTPeter sandbox for a test, on loopback, in the test's own temporary folder.

Use it from a conftest or a test module::

    from tests.sandbox_fixture import make_sandbox, sandbox  # noqa: F401

``sandbox`` is a running ``Sandbox`` with the default settings (any login, any token);
``make_sandbox(**settings)`` starts one with other ``SandboxConfig`` settings, e.g.
``make_sandbox(users={"joe": "secret"}, token="t0k3n")``. Every sandbox a test started is
stopped after it. ``client_tls(sandbox)`` is a client TLS context that trusts its CA.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop.sandbox import Sandbox, SandboxConfig


def client_tls(sandbox: Sandbox) -> ssl.SSLContext:
    """A client TLS context that verifies the sandbox's certificate against its CA."""
    return ssl.create_default_context(cafile=str(sandbox.ca_file))


@contextlib.contextmanager
def _sandboxes(folder: Path) -> Iterator[Callable[..., Sandbox]]:
    started: list[Sandbox] = []

    def make(**settings: Any) -> Sandbox:
        settings.setdefault("data_dir", folder / f"sandbox-{len(started)}")
        box = Sandbox(SandboxConfig(**settings))
        started.append(box)
        return box.start()

    try:
        yield make
    finally:
        for box in started:
            box.stop()


@pytest.fixture
def make_sandbox(tmp_path: Path) -> Iterator[Callable[..., Sandbox]]:
    """Start sandboxes with chosen settings; all are stopped after the test."""
    with _sandboxes(tmp_path) as make:
        yield make


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    """A running sandbox with the default settings, stopped after the test."""
    with _sandboxes(tmp_path / "default") as make:
        yield make()
