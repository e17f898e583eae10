"""``smtpeter-desktop sandbox`` in a process of its own, as SMTPeter is to the app: a 27 MB
upload it parses then holds its own interpreter, not the window's."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.storage.profiles import Identity, Profile

if TYPE_CHECKING:
    from smtpeter_desktop.ui.main_window import MainWindow


@contextlib.contextmanager
def standalone_sandbox(folder: Path) -> Iterator[tuple[str, Path]]:
    """The sandbox on ports of its own: (its REST base URL, its CA file)."""
    data = folder / "sandbox"
    process = subprocess.Popen(
        [sys.executable, "-m", "smtpeter_desktop", "sandbox", "--smtp-port", "0",
         "--smtps-port", "0", "--rest-port", "0", "--data", str(data)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        url = next(line.split()[-1] for line in lines if line.strip().startswith("REST:"))
        yield url, data / "ca.pem"
    finally:
        process.terminate()
        process.wait(30)
        if process.stdout is not None:
            process.stdout.close()


def standalone_account(window: MainWindow, url: str, ca_file: Path) -> Profile:
    """The REST account of the sandbox in its own process, added to ``window``'s profiles
    (its token kept for the session) and offered in its From."""
    assert window.context is not None
    profile = window.context.profiles.add(
        Profile.create(
            "Standalone sandbox", "rest", rest_url=url, ca_file=str(ca_file),
            identities=(Identity("Ann", "ann@example.com"),),
        )
    )  # fmt: skip
    window.context.secrets.keep_for_session(profile.id, "any-token")
    window.load_profiles()
    return profile
