"""The command line run as a real process, as a person or a script runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.compose.conftest import material
from tests.sandbox_fixture import make_sandbox, sandbox

__all__ = ["make_sandbox", "material", "sandbox"]

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli() -> Cli:
    """Run ``smtpeter-desktop ARGS`` with the test's home and keyring; returns the result."""

    def run(
        *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "smtpeter_desktop", *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, **(env or {})},
        )

    return run


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.md"
    path.write_text("# Hello\n\nPlease find the report attached.\n\nAnn\n", encoding="utf-8")
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0123456789" * 500)
    return path


def no_secret_anywhere(home: Path, secret: str, *outputs: str) -> None:
    """The secret is in no file under the app home and in no captured output."""
    needle = secret.encode()
    for path in home.rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), f"the secret is in {path}"
    for output in outputs:
        assert secret not in output
