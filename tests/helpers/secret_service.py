"""A private, real Secret Service for the test run: dbus-daemon plus gnome-keyring-daemon.

The tests never touch the developer's own keyring: a session bus of our own is started,
gnome-keyring-daemon is unlocked on it with a throw-away password and a keyring folder
under a temporary directory, and ``DBUS_SESSION_BUS_ADDRESS`` points at it. ``make test``
installs both programs; when they are missing this fails with the command to run, rather
than skipping the keyring tests.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class SecretService:
    bus_address: str
    data_home: Path


def _require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise RuntimeError(
            f"{program} is not installed; the keyring tests need a real Secret Service. "
            "Run `make test` (it installs dbus and gnome-keyring), or "
            "`apt-get install dbus gnome-keyring`."
        )
    return path


@contextmanager
def running_secret_service() -> Iterator[SecretService]:
    dbus_daemon = _require("dbus-daemon")
    keyring_daemon = _require("gnome-keyring-daemon")
    with tempfile.TemporaryDirectory(prefix="smtpeter-keyring-") as tmp:
        data_home = Path(tmp) / "data"
        (data_home / "keyrings").mkdir(parents=True)
        bus = subprocess.run(
            [dbus_daemon, "--session", "--fork", "--print-address=1", "--print-pid=1"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        address, pid_text = bus.stdout.split()[:2]
        env = {
            **os.environ,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "XDG_DATA_HOME": str(data_home),
            "HOME": tmp,
        }
        keyring = subprocess.run(
            [keyring_daemon, "--unlock", "--components=secrets"],
            input="test-keyring-password",
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=30,
        )
        keyring_pid = next(
            (
                int(line.split("=", 1)[1])
                for line in keyring.stdout.splitlines()
                if line.startswith("GNOME_KEYRING_PID=")
            ),
            None,
        )
        try:
            yield SecretService(bus_address=address, data_home=data_home)
        finally:
            for pid in (keyring_pid, int(pid_text)):
                if pid:
                    with suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGTERM)
