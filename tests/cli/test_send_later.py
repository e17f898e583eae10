"""Send later from the command line: --at/--in, the outbox's send-due, and the timer install."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from smtpeter_desktop.sandbox.store import Store
from tests.cli.conftest import Cli


def _send(cli: Cli, letter: Path, *extra: str) -> tuple[int, str, str]:
    result = cli(
        "send", "--profile", "Sandbox", "--to", "bob@example.org", "--subject", "Later",
        "--markdown", str(letter), "--yes", *extra,
    )  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_scheduled_sends_wait_and_go_with_send_due(
    cli: Cli, letter: Path, isolated_home: Path
) -> None:
    code, out, err = _send(cli, letter, "--in", "2h")
    assert code == 0, err
    assert "Message 1 waits in the outbox until" in out
    assert "--install-send-due" in err, "it says the timer is needed while the window is closed"
    assert "goes after" in cli("outbox").stdout

    due = cli("outbox", "send-due")
    assert due.returncode == 0, due.stderr
    captured = isolated_home / "sandbox" / "messages"
    assert not captured.exists() or Store(captured).messages() == [], "not before its time"

    assert cli("outbox", "reschedule", "1", "--now").returncode == 0
    due = cli("outbox", "send-due")
    assert due.returncode == 0, due.stderr
    assert "Sent through Sandbox" in due.stdout
    assert len(Store(captured).messages()) == 1
    assert "The outbox is empty." in cli("outbox").stdout


def test_a_time_in_the_past_is_a_sentence(cli: Cli, letter: Path) -> None:
    past = time.strftime("%Y-%m-%d %H:%M", time.localtime(time.time() - 3600))
    code, _, err = _send(cli, letter, "--at", past)
    assert code == 2
    assert "is in the past" in err and "Choose a later time" in err
    assert "Traceback" not in err
    code, _, err = _send(cli, letter, "--at", "next friday")
    assert code == 2 and "Write it as YYYY-MM-DD HH:MM" in err
    assert "The outbox is empty." in cli("outbox").stdout, "nothing was queued"


def test_unschedule_makes_it_a_draft_again(cli: Cli, letter: Path) -> None:
    assert _send(cli, letter, "--at", "2099-01-01 08:00")[0] == 2, "more than a year ahead"
    assert _send(cli, letter, "--in", "1d")[0] == 0
    assert cli("outbox", "unschedule", "1").returncode == 0
    assert "Later" in cli("drafts").stdout
    again = cli("outbox", "reschedule", "1", "--in", "1h")
    assert again.returncode == 2 and "it is a draft" in again.stderr


def test_install_send_due_falls_back_to_autostart_without_systemd(
    cli: Cli, tmp_path: Path, isolated_home: Path
) -> None:
    # A PATH without systemctl: the real fallback, and no timer in the tester's own systemd.
    env = {"PATH": os.path.dirname(sys.executable), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    done = cli("--install-send-due", env=env)
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "cfg" / "autostart" / "smtpeter-desktop-send-due.desktop"
    assert entry.is_file() and "outbox send-due --every 60" in entry.read_text()
    # The test's own app home: the entry sends from the same mailbox.
    assert f"SMTPETER_DESKTOP_HOME={isolated_home}" in entry.read_text()
    assert "autostart entry" in done.stdout
    removed = cli("--uninstall-send-due", env=env)
    assert removed.returncode == 0 and not entry.exists()


def test_give_up_after_is_sent_as_utc(cli: Cli, letter: Path, isolated_home: Path) -> None:
    zone = ZoneInfo("Europe/Amsterdam")
    local = (datetime.now(zone) + timedelta(days=40)).replace(hour=12, minute=0, second=0)
    result = cli(
        "send", "--profile", "Sandbox", "--to", "bob@example.org", "--subject", "Soon",
        "--markdown", str(letter), "--yes", "--give-up-after", local.strftime("%Y-%m-%d %H:%M"),
        env={"TZ": "Europe/Amsterdam"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (captured,) = Store(isolated_home / "sandbox" / "messages").messages()
    expected = local.replace(microsecond=0).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert captured.options["maxdelivertime"] == expected


def test_send_due_every_keeps_sending_for_the_session(
    cli: Cli, letter: Path, isolated_home: Path
) -> None:
    assert _send(cli, letter, "--in", "1h")[0] == 0
    watcher = subprocess.Popen(
        [sys.executable, "-m", "smtpeter_desktop", "outbox", "send-due", "--every", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert cli("outbox", "reschedule", "1", "--now").returncode == 0
        captured = isolated_home / "sandbox" / "messages"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if captured.exists() and Store(captured).messages():
                break
            time.sleep(0.2)
        assert len(Store(captured).messages()) == 1, "sent by the running watcher"
        assert watcher.poll() is None, "it keeps running"
    finally:
        watcher.terminate()
        _, errors = watcher.communicate(timeout=10)
    assert "Traceback" not in errors


FAKE_SYSTEMCTL = """#!/bin/sh
echo "$@" >> "${0%/*}/calls"
exit 0
"""


def test_install_desktop_entry_with_send_due_installs_the_timer_too(
    cli: Cli, tmp_path: Path, isolated_home: Path
) -> None:
    # A fake systemctl that answers and logs its calls: a test must not enable a real timer
    # in the tester's own systemd, and containers have none to ask (as the timer's own tests).
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    systemctl = bin_dir / "systemctl"
    systemctl.write_text(FAKE_SYSTEMCTL, encoding="utf-8")
    systemctl.chmod(0o755)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.path.dirname(sys.executable)}",
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    units = tmp_path / "cfg" / "systemd" / "user"

    plain = cli("--install-desktop-entry", env=env)
    assert plain.returncode == 0, plain.stderr
    assert "--with-send-due" in plain.stdout, "the timer is offered"
    assert not units.exists(), "and only offered: it is opt-in"

    done = cli("--install-desktop-entry", "--with-send-due", env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "applications" / "com.smtpeter.Desktop.desktop").is_file()
    assert (units / "smtpeter-desktop-send-due.timer").is_file()
    service = (units / "smtpeter-desktop-send-due.service").read_text(encoding="utf-8")
    assert "outbox send-due" in service and f"SMTPETER_DESKTOP_HOME={isolated_home}" in service
    assert "systemd user timer sends scheduled mail every minute" in done.stdout
    calls = (bin_dir / "calls").read_text(encoding="utf-8").splitlines()
    assert "--user enable --now smtpeter-desktop-send-due.timer" in calls

    removed = cli("--uninstall-desktop-entry", "--with-send-due", env=env)
    assert removed.returncode == 0, removed.stderr
    assert not (units / "smtpeter-desktop-send-due.timer").exists()
    assert not (tmp_path / "data" / "applications" / "com.smtpeter.Desktop.desktop").exists()
    assert "--user disable --now smtpeter-desktop-send-due.timer" in (
        (bin_dir / "calls").read_text(encoding="utf-8").splitlines()
    )


def test_with_send_due_alone_or_for_every_user_is_a_sentence(cli: Cli) -> None:
    alone = cli("--with-send-due")
    assert alone.returncode == 2 and "goes with --install-desktop-entry" in alone.stderr
    system = cli("--install-desktop-entry", "--system", "--with-send-due")
    assert system.returncode == 2 and "each user's own" in system.stderr
    assert "Traceback" not in alone.stderr + system.stderr


def test_send_due_run_by_the_timer_sends_the_due_and_asks_about_the_late(
    cli: Cli, isolated_home: Path
) -> None:
    # The window was closed at their times: one is an hour late, one a day (limit: 12 h).
    from smtpeter_desktop.delivery.context import AppContext
    from tests.helpers.accounts import draft_for, sandbox_profile

    assert cli("outbox").returncode == 0  # the home, with its built-in Sandbox account
    context = AppContext.open(isolated_home)
    try:
        with context.postman() as postman:
            profile = sandbox_profile(context)
            now = time.time()
            due = postman.queue(draft_for(profile, subject="Hour late"), at=now - 3600).id
            late = postman.queue(draft_for(profile, subject="Day late"), at=now - 86400).id
    finally:
        context.close()

    ran = cli("outbox", "send-due")

    assert ran.returncode == 0, ran.stderr
    assert f"Message {due} (Hour late)" in ran.stdout and "Sent through Sandbox" in ran.stdout
    assert f"Message {late} (Day late) was to go at" in ran.stderr
    assert f"outbox reschedule {late} --now" in ran.stderr, "it says how to send it"
    assert len(Store(isolated_home / "sandbox" / "messages").messages()) == 1
    assert "Day late" in cli("outbox").stdout, "kept, waiting for the person"
