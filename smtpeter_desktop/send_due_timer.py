"""The send-due timer: scheduled mail goes out while the window is closed (opt-in).

Every minute it runs ``smtpeter-desktop outbox send-due``, which sends what is due and exits.

- Linux with a systemd user manager: a user timer and service,
  ``~/.config/systemd/user/smtpeter-desktop-send-due.{service,timer}``, enabled with
  ``systemctl --user enable --now``. ``Persistent=true`` runs a missed run after a suspend.
- Linux without one (no ``systemctl --user`` answering): an XDG autostart entry,
  ``~/.config/autostart/smtpeter-desktop-send-due.desktop``, that starts
  ``outbox send-due --every 60`` at login and keeps it running for the session.
- macOS: a launchd agent, ``~/Library/LaunchAgents/<label>.plist`` with ``StartInterval``
  60, loaded by ``launchctl bootstrap gui/$UID``. :func:`launchd_plist` writes its text.
- Windows: a Task Scheduler task, ``schtasks /Create /SC MINUTE /MO 1 /TN
  "SMTPeter Desktop send-due" /TR "<command> outbox send-due"``; :func:`schtasks_command`.

Only the Linux forms are installed by :func:`install`; the others are described (and their
text made) for the README and for a later installer.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from smtpeter_desktop import APP_NAME, APP_SLUG

UNIT = f"{APP_SLUG}-send-due"
LAUNCHD_LABEL = "com.smtpeter.desktop.send-due"
TASK_NAME = f"{APP_NAME} send-due"
INTERVAL_SECONDS = 60

Runner = Callable[[Sequence[str]], int]


class TimerError(Exception):
    """The timer could not be installed or removed; the text says what to do."""


def _run(command: Sequence[str]) -> int:
    try:
        return subprocess.run(
            list(command), capture_output=True, timeout=20, check=False
        ).returncode
    except (OSError, subprocess.TimeoutExpired):
        return -1


def config_home() -> Path:
    configured = os.environ.get("XDG_CONFIG_HOME", "").strip()
    return (
        Path(configured)
        if configured and Path(configured).is_absolute()
        else (Path.home() / ".config")
    )


def _quote_systemd(argument: str) -> str:
    # systemd's own quoting: double quotes, with \ and " escaped; % doubled (specifiers).
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped}"' if any(c in argument for c in " \t\"\\'") else escaped


def _home_setting() -> str | None:
    """The app home set by ``SMTPETER_DESKTOP_HOME`` for this run, if any: the timer must
    send from the same mailbox."""
    from smtpeter_desktop.storage.paths import HOME_VARIABLE

    return os.environ.get(HOME_VARIABLE) or None


def systemd_units(
    command: Sequence[str], interval: int = INTERVAL_SECONDS, home: str | None = None
) -> dict[str, str]:
    """The service and timer files' names and texts, for an app started by *command*."""
    exec_line = " ".join(_quote_systemd(a) for a in (*command, "outbox", "send-due"))
    environment = f"Environment={_quote_systemd(f'SMTPETER_DESKTOP_HOME={home}')}\n" if home else ""
    service = f"""\
[Unit]
Description={APP_NAME}: send the messages scheduled for now

[Service]
Type=oneshot
{environment}ExecStart={exec_line}
"""
    timer = f"""\
[Unit]
Description={APP_NAME}: send scheduled messages while the window is closed

[Timer]
OnBootSec=1min
OnUnitActiveSec={interval}s
AccuracySec=15s
Persistent=true

[Install]
WantedBy=timers.target
"""
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def autostart_entry(
    command: Sequence[str], interval: int = INTERVAL_SECONDS, home: str | None = None
) -> str:
    """The XDG autostart entry that keeps ``send-due --every`` running for the session."""
    from smtpeter_desktop.desktop_entry import _exec_value

    prefix = ["env", f"SMTPETER_DESKTOP_HOME={home}"] if home else []
    exec_value = _exec_value([*prefix, *command, "outbox", "send-due", "--every", str(interval)])
    return f"""\
[Desktop Entry]
Type=Application
Name={APP_NAME} scheduled sending
Comment=Sends the messages you scheduled, while the window is closed
Exec={exec_value}
Terminal=false
NoDisplay=true
X-GNOME-Autostart-enabled=true
"""


def launchd_plist(command: Sequence[str], interval: int = INTERVAL_SECONDS) -> str:
    """The text of the macOS launchd agent (``~/Library/LaunchAgents/<label>.plist``)."""
    arguments = "\n".join(
        f"        <string>{escape(a)}</string>" for a in (*command, "outbox", "send-due")
    )
    return f"""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>Label</key>
    <string>{LAUNCHD_LABEL}</string>
    <key>ProgramArguments</key>
    <array>
{arguments}
    </array>
    <key>StartInterval</key>
    <integer>{interval}</integer>
    <key>RunAtLoad</key>
    <true/>
    <key>ProcessType</key>
    <string>Background</string>
</dict>
</plist>
"""


def schtasks_command(command: Sequence[str]) -> list[str]:
    """The Windows command that makes the Task Scheduler task (every minute)."""
    program = subprocess.list2cmdline([*command, "outbox", "send-due"])
    return ["schtasks", "/Create", "/F", "/SC", "MINUTE", "/MO", "1", "/TN", TASK_NAME,
            "/TR", program]  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Installed:
    """What :func:`install` did: the files written and how the timer runs."""

    kind: str  # "systemd" or "autostart"
    paths: tuple[Path, ...]


def systemd_available(run: Runner = _run) -> bool:
    """Whether a systemd user manager answers (not in a container, not over plain SSH)."""
    return (
        shutil.which("systemctl") is not None
        and run(["systemctl", "--user", "show-environment"]) == 0
    )


def install(
    command: Sequence[str] | None = None, *, base: Path | None = None, run: Runner = _run
) -> Installed:
    """Install the timer for this user: systemd when it answers, else XDG autostart."""
    if not sys.platform.startswith("linux"):
        raise TimerError(
            "Installing the send-due timer is done for Linux only.",
        )
    from smtpeter_desktop.desktop_entry import default_command

    command = list(command or default_command())
    base = base or config_home()
    from smtpeter_desktop.storage.paths import atomic_write

    try:
        if systemd_available(run):
            folder = base / "systemd" / "user"
            folder.mkdir(parents=True, exist_ok=True)
            written = []
            for name, text in systemd_units(command, home=_home_setting()).items():
                atomic_write(folder / name, text)
                written.append(folder / name)
            if (
                run(["systemctl", "--user", "daemon-reload"]) != 0
                or run(["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"]) != 0
            ):
                raise TimerError(
                    f"The timer files are in {folder}, but systemd did not start the timer.",
                )
            return Installed("systemd", tuple(written))
        folder = base / "autostart"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{UNIT}.desktop"
        atomic_write(path, autostart_entry(command, home=_home_setting()))
        return Installed("autostart", (path,))
    except OSError as exc:
        raise TimerError(
            f"The send-due timer could not be written: {exc.strerror or exc}."
        ) from exc


def uninstall(*, base: Path | None = None, run: Runner = _run) -> list[Path]:
    """Remove whichever form is installed; the files removed."""
    base = base or config_home()
    removed: list[Path] = []
    units = [base / "systemd" / "user" / name for name in systemd_units([APP_SLUG])]
    if any(path.exists() for path in units):
        run(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"])
    for path in (*units, base / "autostart" / f"{UNIT}.desktop"):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise TimerError(f"{path} could not be removed: {exc.strerror or exc}.") from exc
        removed.append(path)
    if removed and units[0] in removed:
        run(["systemctl", "--user", "daemon-reload"])
    return removed


def installed(base: Path | None = None) -> str | None:
    """ "systemd", "autostart", or None: which form of the timer is installed for this user."""
    base = base or config_home()
    if (base / "systemd" / "user" / f"{UNIT}.timer").exists():
        return "systemd"
    if (base / "autostart" / f"{UNIT}.desktop").exists():
        return "autostart"
    return None
