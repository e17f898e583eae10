"""Templates from the command line: local ones in the mailbox, and SMTPeter's own (REST)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.sandbox.store import Store
from tests.cli.conftest import Cli

TOKEN = "tok-templates-1234"


def test_local_templates_from_save_to_send(
    cli: Cli, letter: Path, report: Path, isolated_home: Path
) -> None:
    saved = cli(
        "templates", "save", "Monthly", "--profile", "Sandbox", "--subject", "Monthly report",
        "--markdown", str(letter), "--attach", str(report), "--from", "ann@example.com",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    taken = cli("templates", "save", "monthly", "--subject", "x", "--markdown", str(letter))
    assert taken.returncode == 2 and "There is a template called “monthly” already" in taken.stderr
    assert "Monthly" in cli("templates").stdout
    shown = cli("templates", "show", "monthly").stdout
    assert "Subject: Monthly report" in shown and "Please find the report attached." in shown
    assert cli("templates", "rename", "Monthly", "Report of the month").returncode == 0

    sent = cli(
        "send", "--profile", "Sandbox", "--template", "report of the month",
        "--to", "bob@example.org", "--yes",
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    (captured,) = Store(isolated_home / "sandbox" / "messages").messages()
    message = captured.message()
    assert message["Subject"] == "Monthly report"
    assert any(part.get_filename() == "report.pdf" for part in message.walk())

    assert cli("templates", "delete", "Report of the month").returncode == 0
    gone = cli("send", "--profile", "Sandbox", "--template", "Monthly", "--to", "b@example.org")
    assert gone.returncode == 2 and "There is no template called “Monthly”" in gone.stderr
    assert "Traceback" not in gone.stderr


def test_smtpeter_templates_listed_shown_and_sent(
    cli: Cli, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(token=TOKEN)
    added = cli(
        "profiles", "add", "Api", "--rest", "--url", box.rest_base_url, "--token-stdin",
        "--ca-file", str(box.ca_file), "--from", "ann@example.com", stdin=TOKEN,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = cli("templates", "--remote", "--profile", "Api")
    assert listed.returncode == 0, listed.stderr
    assert "1  Welcome" in listed.stdout and "Password reset" in listed.stdout
    shown = cli("templates", "show", "1", "--remote", "--profile", "Api")
    assert "placeholders (send --data NAME=VALUE): firstname, company" in shown.stdout

    sent = cli(
        "send", "--profile", "Api", "--smtpeter-template", "1", "--to", "bob@example.org",
        "--data", "firstname=Bob", "--data", "company=Example B.V.",
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    assert "bob@example.org: SMTPeter message id" in sent.stdout
    (captured,) = box.messages()
    assert captured.message()["Subject"] == "Welcome, Bob"

    gone = cli("send", "--profile", "Api", "--smtpeter-template", "42", "--to", "b@example.org")
    assert gone.returncode == 4
    assert "SMTPeter has no template 42 (any more)" in gone.stderr
    assert "Traceback" not in gone.stderr and TOKEN not in gone.stderr

    # The built-in Sandbox account is a REST account on the local sandbox: it has them too.
    local = cli("templates", "--remote", "--profile", "Sandbox")
    assert local.returncode == 0 and "Welcome" in local.stdout, local.stderr
    bad = cli("send", "--profile", "Api", "--smtpeter-template", "1", "--to", "b@example.org",
              "--data", "novalue")  # fmt: skip
    assert bad.returncode == 2 and "is not KEY=VALUE" in bad.stderr
