"""Issue 13 on the command line, as real processes against hostile loopback servers: Ctrl+C
ends a send at once and holds the message; recipients put off for now wait in the outbox."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.cli.conftest import Cli
from tests.delivery.servers import Mode, deferring_smtp, hostile_smtp
from tests.transport.servers import make_certs

FAR_FUTURE = 4e9


def _mailbox(home: Path) -> Mailbox:
    return Mailbox(home / "mailbox.sqlite3")


def _wait_until_sending(home: Path, timeout: float = 10) -> bool:
    """Whether message 1 is being sent within ``timeout`` seconds. The command connects
    while it builds the message, so the server's first sight of it comes before that."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (home / "mailbox.sqlite3").exists():
            with _mailbox(home) as mailbox:
                if any(s.id == 1 for s in mailbox.summaries({State.SENDING})):
                    return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("mode", ["silent", "trickle", "tls"])
def test_ctrl_c_ends_the_send_at_once_and_holds_the_message(
    cli: Cli, isolated_home: Path, letter: Path, mode: Mode
) -> None:
    with hostile_smtp(mode) as server:
        added = cli(
            "profiles", "add", "Hang", "--smtp", f"127.0.0.1:{server.port}",
            "--username", "ann", "--password-stdin", "--from", "ann@example.com",
            stdin="pw\n",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        send = subprocess.Popen(
            [sys.executable, "-m", "smtpeter_desktop", "send", "--profile", "Hang",
             "--to", "bob@example.org", "--subject", "Stop me", "--markdown", str(letter), "--yes"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
        )  # fmt: skip
        try:
            # The profile's timeouts are 15 s and more: only Ctrl+C can end it this soon.
            if not server.connected.wait(10) or not _wait_until_sending(isolated_home):
                send.kill()
                pytest.fail(f"the send never reached the server: {send.communicate()}")
            send.send_signal(signal.SIGINT)
            _, err = send.communicate(timeout=8)
        finally:
            send.kill()
            send.wait()
    assert send.returncode == 130, err
    assert "Traceback" not in err
    assert "was stopped; it was not sent" in err and "outbox retry 1" in err, err
    with _mailbox(isolated_home) as mailbox:
        record = mailbox.get(1)
        assert record.state is State.FAILED, "held in the outbox, not queued for a retry"
        assert mailbox.due(FAR_FUTURE) == []
    info = ErrorInfo.from_json(record.error)
    assert info is not None and info.kind is ErrorKind.CANCELLED and not info.retryable


def test_recipients_put_off_for_now_wait_in_the_outbox_exit_5(
    cli: Cli, isolated_home: Path, letter: Path, tmp_path: Path
) -> None:
    certs = make_certs(tmp_path)
    with deferring_smtp(certs, {"carl@example.org"}) as server:
        added = cli(
            "profiles", "add", "Grey", "--smtp", f"127.0.0.1:{server.port}",
            "--ca-file", str(certs.ca_file), "--from", "ann@example.com",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr

        def send(*to: str) -> subprocess.CompletedProcess[str]:
            recipients = [arg for address in to for arg in ("--to", address)]
            return cli(
                "send", "--profile", "Grey", *recipients, "--subject", "Numbers",
                "--markdown", str(letter), "--yes", "--password-stdin", stdin="unused\n",
            )  # fmt: skip

        partly = send("bob@example.org", "carl@example.org")
        assert partly.returncode == 5, partly.stderr
        assert "bob@example.org: accepted" in partly.stdout
        assert "carl@example.org: put off for now (451" in partly.stderr
        assert "outbox retry 2" in partly.stderr, partly.stderr
        assert server.received[0][0] == ["bob@example.org"]

        everyone = send("carl@example.org")
        assert everyone.returncode == 5, everyone.stderr  # was 4, as if refused for good
        assert "tried again after" in everyone.stderr

    sent = cli("sent")
    assert "carl@example.org: put off for now (451" in sent.stdout, sent.stdout
    listing = cli("outbox")
    assert listing.returncode == 0, listing.stderr
    assert "carl@example.org" in listing.stdout and "put off these recipients" in listing.stdout
    with _mailbox(isolated_home) as mailbox:
        assert mailbox.get(1).state is State.SENT
        assert mailbox.get(2).state is State.QUEUED and mailbox.get(2).retry_at is not None
        assert mailbox.get(3).state is State.QUEUED
