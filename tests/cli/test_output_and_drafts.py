"""Issue 13 on the command line, as real processes: where ``build -o`` writes, a reader that
leaves early (``| head``), and the drafts a person can list, read and delete."""

from __future__ import annotations

import email
import os
import stat
import subprocess
import sys
import threading
from email import policy
from pathlib import Path

import pytest

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.storage.mailbox import Mailbox, NotFound
from tests.cli.conftest import Cli


def _build(letter: Path, output: str) -> list[str]:
    return [
        sys.executable, "-m", "smtpeter_desktop", "build", "--from", "ann@example.com",
        "--to", "bob@example.org", "--subject", "Hi", "--markdown", str(letter), "-o", output,
    ]  # fmt: skip


def test_build_into_a_folder_is_a_sentence(cli: Cli, letter: Path, tmp_path: Path) -> None:
    result = cli(*_build(letter, str(tmp_path))[3:])
    assert result.returncode == 2, result.stderr
    assert "is a folder" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("output", ["-", "/dev/stdout"])
def test_build_to_standard_output(letter: Path, output: str) -> None:
    result = subprocess.run(_build(letter, output), capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    message = email.message_from_bytes(result.stdout, policy=policy.default)
    assert message["Subject"] == "Hi" and message["To"] == "bob@example.org"
    assert b"Wrote standard output" in result.stderr


def test_build_into_a_named_pipe_writes_through_it(letter: Path, tmp_path: Path) -> None:
    # A named pipe stands in for any device: both must be written, never replaced by a file.
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = subprocess.run(_build(letter, str(fifo)), capture_output=True, timeout=60)
    reader.join(10)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe is still a pipe"
    assert email.message_from_bytes(read[0], policy=policy.default)["Subject"] == "Hi"


@pytest.mark.parametrize("command", [("outbox",), ("sent",), ("profiles", "list"), ("drafts",)])
def test_a_reader_that_left_ends_the_command_quietly(command: tuple[str, ...]) -> None:
    # The pipe's reading end is closed before the command writes: `| head` at its harshest.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "smtpeter_desktop", *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr
    assert result.stderr == "", result.stderr


def test_drafts_can_be_listed_shown_and_deleted(cli: Cli, isolated_home: Path) -> None:
    nested = "<div>" * 20_000  # the Markdown that took the window down: never rendered here
    with Mailbox(isolated_home / "mailbox.sqlite3") as mailbox:
        good = mailbox.save_draft(
            Draft(to="bob@example.org", subject="Plans", body=f"# Plans\n\n{nested}\n").to_json(),
            profile_id="p",
            subject="Plans",
            recipients="bob@example.org",
        )
        damaged = mailbox.save_draft("{not json", profile_id="p", subject="Broken", recipients="")

    listing = cli("drafts")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert any(line.split()[0] == str(good) and "Plans" in line and "KB" in line for line in lines)
    assert any(line.split()[0] == str(damaged) and "Broken" in line for line in lines)

    shown = cli("drafts", "show", str(good))
    assert shown.returncode == 0, shown.stderr
    assert "To: bob@example.org" in shown.stdout and "Subject: Plans" in shown.stdout
    assert shown.stdout.endswith(f"# Plans\n\n{nested}\n")

    unreadable = cli("drafts", "show", str(damaged))
    assert unreadable.returncode == 2 and "Traceback" not in unreadable.stderr
    assert f"drafts delete {damaged}" in unreadable.stderr

    for id in (damaged, good):
        deleted = cli("drafts", "delete", str(id))
        assert deleted.returncode == 0, deleted.stderr
        assert f"Deleted draft {id}" in deleted.stdout
    with Mailbox(isolated_home / "mailbox.sqlite3") as mailbox, pytest.raises(NotFound):
        mailbox.get(good)
    assert "There are no drafts." in cli("drafts").stdout
    assert cli("drafts", "delete", str(good)).returncode == 2
