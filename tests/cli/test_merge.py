"""``merge`` as real processes against real sandboxes: each row its own mail, never twice.

The kill test stops the command with SIGKILL half-way through a list, runs the same command
again, lets a person's decision settle the one row whose outcome is unknown, and finds
exactly one message per row in the sandbox, each with its own data.
"""

from __future__ import annotations

import csv
import email
import email.policy
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.jobs import Jobs
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.cli.conftest import Cli

TOKEN = "tok-merge-1234"
BODY = 'Dear {$first|default:"friend"},\n\n{if $vip}You are a VIP.{else}Welcome.{/if}\n'


def people(folder: Path, count: int, *, bad: dict[int, str] | None = None) -> Path:
    path = folder / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["email", "first", "vip"])
        for n in range(count):
            address = (bad or {}).get(n + 2, f"p{n}@example.org")
            writer.writerow([address, f"Person{n}", "1" if n % 2 else ""])
    return path


@pytest.fixture
def body(tmp_path: Path) -> Path:
    path = tmp_path / "body.md"
    path.write_text(BODY, encoding="utf-8")
    return path


@pytest.fixture
def rest_box(cli: Cli, make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    box = make_sandbox(token=TOKEN)
    added = cli(
        "profiles", "add", "Api", "--rest", "--url", box.rest_base_url, "--token-stdin",
        "--ca-file", str(box.ca_file), "--from", "ann@example.com", stdin=TOKEN,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    return box


@pytest.fixture
def smtp_box(cli: Cli, make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    box = make_sandbox(users={"ann@example.com": "pw-merge"})
    added = cli(
        "profiles", "add", "Smtp", "--smtp", f"127.0.0.1:{box.smtp_port}", "--username",
        "ann@example.com", "--password-stdin", "--ca-file", str(box.ca_file), "--from",
        "ann@example.com", stdin="pw-merge",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    return box


def merge_args(profile: str, body: Path, data: Path, *extra: str) -> list[str]:
    return [
        "merge", "--profile", profile, "--markdown", str(body), "--subject", "News for {$first}",
        "--data", str(data), "--name", "{$first}", *extra,
    ]  # fmt: skip


def check_own_data(box: Sandbox, count: int) -> None:
    """Exactly one message per row, each with its own name, subject and VIP line."""
    kept = box.messages()
    by_address: dict[str, email.message.EmailMessage] = {}
    for captured in kept:
        (recipient,) = captured.recipients
        assert recipient not in by_address, f"{recipient} got two messages"
        by_address[recipient] = email.message_from_bytes(
            captured.raw(), policy=email.policy.default
        )
    assert len(by_address) == count
    for n in range(count):
        message = by_address[f"p{n}@example.org"]
        assert message["To"] == f"Person{n} <p{n}@example.org>"
        assert message["Subject"] == f"News for Person{n}"
        text = message.get_body(("plain",))
        assert text is not None
        assert ("You are a VIP." in text.get_content()) == bool(n % 2)


@pytest.mark.parametrize(("profile", "box_fixture"), [("Api", "rest_box"), ("Smtp", "smtp_box")])
def test_merge_over_rest_and_smtp(
    cli: Cli,
    body: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    profile: str,
    box_fixture: str,
) -> None:
    box: Sandbox = request.getfixturevalue(box_fixture)
    data = people(tmp_path, 12)
    results = tmp_path / "results.csv"
    done = cli(*merge_args(profile, body, data, "--results", str(results), "--yes"))
    assert done.returncode == 0, done.stderr
    assert f"12 of 12 sent through {profile}." in done.stdout
    check_own_data(box, 12)
    rows = list(csv.DictReader(results.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["merge state"] for r in rows] == ["sent"] * 12
    # The results fed back in: nothing left to send.
    again = cli(*merge_args(profile, body, results, "--yes"))
    assert again.returncode == 2
    assert "Nothing to send: 12 rows: 0 to send, 12 sent before." in again.stderr
    assert len(box.messages()) == 12


def test_dry_run_prints_each_row_and_its_problems(
    cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox
) -> None:
    data = people(tmp_path, 4, bad={3: "nobody", 5: "p0@example.org"})
    dry = cli(*merge_args("Api", body, data, "--dry-run"))
    assert dry.returncode == 2
    lines = dry.stdout.splitlines()
    assert lines[0].split() == ["ROW", "ADDRESS", "STATE", "PROBLEMS"]
    assert lines[1].split()[:3] == ["2", "p0@example.org", "ok"]
    assert "“nobody” in the address column is not a valid e-mail address" in lines[2]
    assert "p0@example.org is also on row 2." in lines[4]
    assert lines[-1] == "4 rows: 2 to send, 2 with problems. Nothing was sent (--dry-run)."
    refused = cli(*merge_args("Api", body, data, "--yes"))
    assert refused.returncode == 2
    assert "Row 3: “nobody” in the address column" in refused.stderr
    assert "Nothing was sent: 2 of 4 rows have problems." in refused.stderr
    assert rest_box.messages() == []
    skipped = cli(*merge_args("Api", body, data, "--yes", "--skip-bad-rows"))
    assert skipped.returncode == 0, skipped.stderr
    assert len(rest_box.messages()) == 2


def test_without_yes_nothing_is_sent(
    cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox
) -> None:
    asked = cli(*merge_args("Api", body, people(tmp_path, 3)))
    assert asked.returncode == 2
    assert "3 rows: 3 to send (pace: unlimited). Not sent: add --yes" in asked.stderr
    assert rest_box.messages() == []


def test_a_test_goes_to_me_only(cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox) -> None:
    data = people(tmp_path, 3)
    tested = cli(*merge_args("Api", body, data, "--test-to", "me@example.com", "--test-row", "3"))
    assert tested.returncode == 0, tested.stderr
    assert "Test of row 3 to me@example.com" in tested.stdout
    (kept,) = rest_box.messages()
    assert kept.recipients == ("me@example.com",)
    message = email.message_from_bytes(kept.raw(), policy=email.policy.default)
    assert message["Subject"] == "[Test] News for Person1"


@pytest.mark.parametrize(
    ("csv_bytes", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is not a text file"),
        (b"\n\n", "has no header row"),
        (b"email,first,vip\nx@example.org,X\n", "Row 2 has 2 cells where the header has 3."),
        (b"email,first\nx@example.org,X\n", "has no column for {$vip}"),
        (b'email,first,vip\nx@example.org,"' + b"a" * (50 * 1024 * 1024) + b'",\n', "Row 2"),
    ],
)
def test_bad_lists_are_a_sentence_not_a_traceback(
    cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox, csv_bytes: bytes, words: str
) -> None:
    data = tmp_path / "bad.csv"
    data.write_bytes(csv_bytes)
    result = cli(*merge_args("Api", body, data, "--yes"))
    assert result.returncode == 2
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert rest_box.messages() == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hello\n\nDear {$first\n", "The message, line 3, column 6: “{$first” is never closed."),
        ("Hello\n\nDear {$first{$last}}\n", "The message, line 3, column 13: “{” cannot stand"),
        ("Hello\n\n{if $vip}Dear\n", "The message, line 3, column 1: This {if} is never closed."),
    ],
)
def test_a_placeholder_that_cannot_be_read_is_named_with_its_line(
    cli: Cli, tmp_path: Path, rest_box: Sandbox, text: str, words: str
) -> None:
    body = tmp_path / "body.md"
    body.write_text(text, encoding="utf-8")
    result = cli(*merge_args("Api", body, people(tmp_path, 2), "--yes"))
    assert result.returncode == 2
    assert words in result.stderr
    assert rest_box.messages() == []


def test_killed_half_way_resumes_and_sends_each_row_once(
    cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox, isolated_home: Path
) -> None:
    count = 200
    data = people(tmp_path, count)
    args = merge_args("Api", body, data, "--yes")
    process = subprocess.Popen(
        [sys.executable, "-m", "smtpeter_desktop", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    deadline = time.monotonic() + 60
    while len(rest_box.messages()) < count // 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the merge did not get half-way in a minute"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)
    assert 0 < len(rest_box.messages()) < count

    resumed = cli(*args, timeout=120)
    assert "Merge 1 was stopped with" not in resumed.stderr  # --yes: no question asked
    # The row in flight at the kill may or may not have gone: a person decides, with the
    # sandbox's copy as evidence (its Message-ID).
    with Mailbox(isolated_home / "mailbox.sqlite3") as mailbox:
        jobs = Jobs(mailbox)
        (job,) = jobs.find(jobs.get(1).fingerprint)
        unknown = [row for row in jobs.rows(job.id) if row.state is State.UNKNOWN]
        decisions = []
        for row in unknown:
            with mailbox.message(row.message_id).open() as stored:
                message_id = email.message_from_binary_file(stored)["Message-ID"]
            arrived = any(m.message()["Message-ID"] == message_id for m in rest_box.messages())
            decisions.append((row.message_id, arrived))
    assert len(unknown) <= 1
    assert resumed.returncode == (6 if unknown else 0), resumed.stderr
    for message, arrived in decisions:
        if arrived:
            assert cli("outbox", "mark-sent", str(message)).returncode == 0
        else:
            assert cli("outbox", "retry", str(message)).returncode == 0
    final = cli(*args)
    if unknown:
        assert final.returncode == 0, final.stderr
    check_own_data(rest_box, count)


def test_ctrl_c_pauses_and_cancel_ends_the_merge(
    cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox
) -> None:
    data = people(tmp_path, 4)
    args = merge_args("Api", body, data, "--yes", "--pace", "1/min")
    process = subprocess.Popen(
        [sys.executable, "-m", "smtpeter_desktop", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    deadline = time.monotonic() + 30
    while not rest_box.messages():  # the first row goes at once, the next in a minute
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)  # felt within a fifth of a second, not a minute
    assert process.returncode == 130, err
    assert "Merge 1: 1 of 4 sent through Api." in out
    assert "Paused: run the same command again to go on." in err
    cancelled = cli(*merge_args("Api", body, data, "--cancel"))
    assert cancelled.returncode == 0, cancelled.stderr
    assert cancelled.stdout.strip() == "Cancelled merge 1: 1 sent, 3 not sent."
    again = cli(*args)
    assert again.returncode == 2
    assert "merged with this message before (merge 1, cancelled: 1 sent, 3 failed)" in again.stderr
    assert len(rest_box.messages()) == 1


def test_the_outbox_shows_a_paused_merge_as_one_line(
    cli: Cli, body: Path, tmp_path: Path, rest_box: Sandbox, isolated_home: Path
) -> None:
    data = people(tmp_path, 30)
    args = merge_args("Api", body, data, "--yes", "--pace", "1/min")
    process = subprocess.Popen(
        [sys.executable, "-m", "smtpeter_desktop", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not rest_box.messages():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=10)
    listed = cli("outbox")
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.splitlines()
    assert line.split()[:8] == ["merge", "1", "paused", "29", "of", "30", "rows", "to"]
