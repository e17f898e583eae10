"""The send-due timer: systemd units, the autostart fallback, and the launchd plist, as text."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from smtpeter_desktop import send_due_timer
from smtpeter_desktop.send_due_timer import (
    autostart_entry,
    install,
    installed,
    launchd_plist,
    schtasks_command,
    systemd_units,
    uninstall,
)

COMMAND = ["/opt/smtpeter desktop/bin/smtpeter-desktop"]


class Systemctl:
    """Records the systemctl calls; a stand-in, because a test must not enable a real timer
    in the user's own systemd (and containers have none)."""

    def __init__(self, answers: bool) -> None:
        self.answers = answers
        self.calls: list[list[str]] = []

    def __call__(self, command: Sequence[str]) -> int:
        self.calls.append(list(command))
        return 0 if self.answers else 1


def test_the_systemd_units() -> None:
    units = systemd_units(COMMAND)
    service = units["smtpeter-desktop-send-due.service"]
    timer = units["smtpeter-desktop-send-due.timer"]
    assert 'ExecStart="/opt/smtpeter desktop/bin/smtpeter-desktop" outbox send-due' in service
    assert "Type=oneshot" in service
    assert "OnUnitActiveSec=60s" in timer and "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer


def test_systemd_is_used_when_it_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    systemctl = Systemctl(answers=True)
    done = install(COMMAND, base=tmp_path, run=systemctl)
    assert done.kind == "systemd"
    folder = tmp_path / "systemd" / "user"
    assert sorted(p.name for p in folder.iterdir()) == [
        "smtpeter-desktop-send-due.service",
        "smtpeter-desktop-send-due.timer",
    ]
    assert ["systemctl", "--user", "enable", "--now", "smtpeter-desktop-send-due.timer"] in (
        systemctl.calls
    )
    assert installed(tmp_path) == "systemd"
    assert len(uninstall(base=tmp_path, run=systemctl)) == 2
    assert ["systemctl", "--user", "disable", "--now", "smtpeter-desktop-send-due.timer"] in (
        systemctl.calls
    )
    assert installed(tmp_path) is None


def test_without_systemd_an_autostart_entry(tmp_path: Path) -> None:
    done = install(COMMAND, base=tmp_path, run=Systemctl(answers=False))
    assert done.kind == "autostart"
    (path,) = done.paths
    assert path == tmp_path / "autostart" / "smtpeter-desktop-send-due.desktop"
    text = path.read_text(encoding="utf-8")
    assert '"/opt/smtpeter desktop/bin/smtpeter-desktop" outbox send-due --every 60' in text
    validator = shutil.which("desktop-file-validate")
    if validator is not None:  # make test installs it; a bare checkout may not have it
        checked = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    assert installed(tmp_path) == "autostart"
    assert uninstall(base=tmp_path, run=Systemctl(answers=False)) == [path]


def test_the_launchd_plist_and_the_windows_task() -> None:
    plist = plistlib.loads(launchd_plist(["/Applications/SMTPeter <Desktop>.app/x"]).encode())
    assert plist["Label"] == send_due_timer.LAUNCHD_LABEL
    assert plist["ProgramArguments"] == [
        "/Applications/SMTPeter <Desktop>.app/x",
        "outbox",
        "send-due",
    ]
    assert plist["StartInterval"] == 60 and plist["RunAtLoad"] is True
    task = schtasks_command([r"C:\Program Files\SMTPeter\smtpeter-desktop.exe"])
    assert task[:2] == ["schtasks", "/Create"] and "MINUTE" in task
    assert task[-1] == '"C:\\Program Files\\SMTPeter\\smtpeter-desktop.exe" outbox send-due'


def test_the_autostart_entry_quotes_by_the_specification() -> None:
    assert 'Exec="/a b/$HOME" outbox send-due --every 60' not in autostart_entry(["/a b/$HOME"])
    assert 'Exec="/a b/\\\\$HOME" outbox send-due --every 60' in autostart_entry(["/a b/$HOME"])


def test_a_home_of_its_own_goes_with_the_timer() -> None:
    service = systemd_units(COMMAND, home="/data/my mail")["smtpeter-desktop-send-due.service"]
    assert 'Environment="SMTPETER_DESKTOP_HOME=/data/my mail"' in service
    entry = autostart_entry(COMMAND, home="/data/my mail")
    assert 'Exec=env "SMTPETER_DESKTOP_HOME=/data/my mail" "/opt/smtpeter' in entry
    assert "Environment" not in systemd_units(COMMAND)["smtpeter-desktop-send-due.service"]
