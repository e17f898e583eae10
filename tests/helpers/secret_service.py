"""A private, real Secret Service for the keyring's tests: dbus-daemon plus gnome-keyring-daemon.

Only tests marked ``keyring`` use it (every other test has tests/helpers/memory_keyring.py); it
is started on the first such test and checked before each, so a daemon that died says so by
name instead of failing the tests in ways that point elsewhere.

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
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class SecretService:
    bus_address: str
    data_home: Path
    bus_pid: int
    keyring_pid: int | None

    def gone(self) -> str:
        """Which daemon of this service has ended, in words; empty while both run."""
        for name, pid in (
            ("dbus-daemon", self.bus_pid),
            ("gnome-keyring-daemon", self.keyring_pid),
        ):
            if pid is None:
                return f"{name} never took its name on the test's D-Bus"
            if not _running(pid):
                return f"{name} (pid {pid}) is no longer running"
        return ""


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A daemon that ended but was not reaped yet (our own child) is a zombie: gone too.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def _require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise RuntimeError(
            f"{program} is not installed; the keyring tests need a real Secret Service. "
            "Run `make test` (it installs dbus and gnome-keyring), or "
            "`apt-get install dbus gnome-keyring`."
        )
    return path


def _owner_of(name: str, bus_address: str) -> int | None:
    from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

    bus = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    # The daemon takes its name on the bus a moment after --unlock returns.
    deadline = time.monotonic() + 15
    last: Exception | None = None
    while True:
        try:
            with open_dbus_connection(bus=bus_address) as connection:
                reply = connection.send_and_get_reply(
                    new_method_call(bus, "GetConnectionUnixProcessID", "s", (name,)), timeout=5
                )
            body = reply.body
            if body and isinstance(body[0], int):
                return int(body[0])
        except Exception as exc:
            last = exc
        if time.monotonic() > deadline:
            print(f"The test keyring's name never appeared on its bus: {last!r}", file=sys.stderr)
            return None
        time.sleep(0.05)


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
        subprocess.run(
            [keyring_daemon, "--unlock", "--components=secrets"],
            input="test-keyring-password",
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=30,
        )
        # It prints no GNOME_KEYRING_PID when it is not run from a login session: the bus
        # knows which process owns the Secret Service's name.
        keyring_pid = _owner_of("org.freedesktop.secrets", address)
        try:
            yield SecretService(
                bus_address=address,
                data_home=data_home,
                bus_pid=int(pid_text),
                keyring_pid=keyring_pid,
            )
        finally:
            for pid in (keyring_pid, int(pid_text)):
                if pid:
                    with suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGTERM)
