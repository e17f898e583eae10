"""Profiles and sending from the command line, as real processes, with a keyring.

Tests marked ``keyring`` use the real Secret Service; the others the harness's in-memory one,
shared with their subprocesses (tests/helpers/memory_keyring.py).

Each account points at a real server on loopback: the sandbox (SMTP with a checked login,
REST with a checked token) or a plain aiosmtpd server with a CA of the test's own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage import profilecache
from smtpeter_desktop.storage.profiles import FILE_NAME, ProfileStore
from smtpeter_desktop.storage.secrets import SecretStore
from tests.cli.conftest import Cli, no_secret_anywhere
from tests.compose.conftest import PNG
from tests.transport.servers import Behaviour, make_certs, smtp_server

USER = "ann@example.com"
PASSWORD = "s3cret pässword ✓"
TOKEN = "tok-ab12cd34ef56"


def _add_smtp(cli: Cli, name: str, box: Sandbox, **kwargs: Any) -> CompletedProcess[str]:
    """``profiles add NAME --smtp`` for the sandbox ``box``, with the password on stdin."""
    return cli(
        "profiles", "add", name, "--smtp", f"127.0.0.1:{box.smtp_port}", "--username", USER,
        "--password-stdin", "--ca-file", str(box.ca_file), "--from", USER,
        stdin=PASSWORD, **kwargs,
    )  # fmt: skip


def _send(cli: Cli, profile: str, *extra: str, **kwargs: Any) -> CompletedProcess[str]:
    """``send`` to bob@example.org with the letter and report of the test, plus ``extra``."""
    return cli("send", "--profile", profile, "--to", "bob@example.org", *extra, **kwargs)


def _secret_of(home: Path, name: str) -> str | None:
    profile = ProfileStore(home / FILE_NAME).get(name)
    return SecretStore().get(profile.id)


@pytest.mark.keyring  # the secret goes to the real Secret Service and leaves it on remove
def test_an_smtp_account_from_add_to_remove(
    cli: Cli, make_sandbox: Callable[..., Sandbox], isolated_home: Path, letter: Path, report: Path
) -> None:
    box = make_sandbox(users={USER: PASSWORD})
    outputs: list[str] = []

    def run(*args: str, stdin: str = "") -> str:
        result = cli(*args, stdin=stdin)
        outputs.extend((result.stdout, result.stderr))
        assert result.returncode == 0, result.stderr
        return result.stdout

    said = run(
        "profiles",
        "add",
        "Work",
        "--smtp",
        f"127.0.0.1:{box.smtp_port}",
        "--username",
        USER,
        "--password-stdin",
        "--ca-file",
        str(box.ca_file),
        "--from",
        "Ann Lee <ann@example.com>",
        stdin=PASSWORD + "\n",
    )
    assert "stored in the keyring" in said
    assert _secret_of(isolated_home, "Work") == PASSWORD

    listing = run("profiles", "list")
    assert "Work" in listing and "secret: stored" in listing and "Sandbox" in listing

    test = run("profiles", "test", "Work")
    for stage in ("connect", "greeting", "starttls", "auth"):
        assert stage in test
    assert "All stages passed." in test

    sent = run(
        "send",
        "--profile",
        "Work",
        "--to",
        "bob@example.org",
        "--subject",
        "Report",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
        "--tag",
        "launch",
        "--no-track-clicks",
        "--prevent-scam",
    )
    assert (
        "Sent “Report” to 1 recipient." in sent
        and "Sent through Work (SMTP)" in sent
        and "bob@example.org: accepted" in sent
    )
    (captured,) = box.messages()
    assert captured.auth_user == USER
    assert captured.options["trackclicks"] is False
    assert captured.options["preventscam"] is True
    assert captured.options["tags"] == ["launch"]
    (part,) = captured.message().iter_attachments()
    assert part.get_filename() == "report.pdf"
    assert part.get_payload(decode=True) == report.read_bytes()

    run("profiles", "rename", "Work", "Office")
    assert _secret_of(isolated_home, "Office") == PASSWORD, "renaming keeps the secret"
    run(
        "send",
        "--profile",
        "Office",
        "--to",
        "c@example.org",
        "--subject",
        "Again",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
    )
    assert len(box.messages()) == 2

    store = ProfileStore(isolated_home / FILE_NAME)
    profile_id = store.get("Office").id
    run("profiles", "remove", "Office")
    assert SecretStore().get(profile_id) is None, "removing a profile removes its secret"
    no_secret_anywhere(isolated_home, PASSWORD, *outputs)


def test_a_rest_account_with_ids_sent_list_and_status(
    cli: Cli, make_sandbox: Callable[..., Sandbox], isolated_home: Path, letter: Path, report: Path
) -> None:
    box = make_sandbox(token=TOKEN)
    added = cli(
        "profiles",
        "add",
        "Api",
        "--rest",
        "--url",
        box.rest_base_url,
        "--token-stdin",
        "--ca-file",
        str(box.ca_file),
        "--from",
        "ann@example.com",
        stdin=TOKEN,
    )
    assert added.returncode == 0, added.stderr
    tested = cli("profiles", "test", "Api")
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "token" in tested.stdout
    sent = _send(
        cli,
        "Api",
        "--bcc",
        "eve@example.org",
        "--subject",
        "Report",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
    )
    assert sent.returncode == 0, sent.stderr
    assert "Sent “Report” to 2 recipients.\n  Sent through Api (REST)" in sent.stdout
    assert "bob@example.org: SMTPeter message id" in sent.stdout
    assert "eve@example.org: SMTPeter message id" in sent.stdout
    (captured,) = box.messages()
    assert captured.recipients == ("bob@example.org", "eve@example.org")
    assert b"eve@example.org" not in captured.raw()

    listing = cli("sent")
    assert "Report" in listing.stdout and "bob@example.org:" in listing.stdout
    status = cli("status", "1")
    assert status.returncode == 0, status.stderr
    assert "Message 1: delivered" in status.stdout and "delivery" in status.stdout
    no_secret_anywhere(
        isolated_home, TOKEN, added.stdout, sent.stdout, sent.stderr, status.stdout, tested.stdout
    )


def test_a_plain_smtp_server_with_a_private_ca(
    cli: Cli, tmp_path: Path, letter: Path, report: Path, isolated_home: Path
) -> None:
    (tmp_path / "certs").mkdir()
    certs = make_certs(tmp_path / "certs")
    behaviour = Behaviour(users={USER: PASSWORD})
    with smtp_server(certs, behaviour=behaviour) as server:
        added = cli(
            "profiles",
            "add",
            "Private",
            "--smtp",
            f"127.0.0.1:{server.port}",
            "--username",
            USER,
            "--password-stdin",
            "--ca-file",
            str(certs.ca_file),
            "--from",
            USER,
            stdin=PASSWORD,
        )
        assert added.returncode == 0, added.stderr
        sent = _send(
            cli,
            "Private",
            "--subject",
            "Hi",
            "--markdown",
            str(letter),
            "--attach",
            str(report),
        )
        assert sent.returncode == 0, sent.stderr
        (received,) = server.received
        assert received.recipients == ["bob@example.org"]
        assert received.login == USER
    no_secret_anywhere(isolated_home, PASSWORD, added.stdout, sent.stdout, sent.stderr)


def test_a_piped_password_is_used_instead_of_the_stored_one(
    cli: Cli, make_sandbox: Callable[..., Sandbox], letter: Path, report: Path
) -> None:
    # Before: the keyring was asked first and its (here outdated) password won: exit 3.
    box = make_sandbox(users={USER: PASSWORD})
    added = cli(
        "profiles", "add", "Stale", "--smtp", f"127.0.0.1:{box.smtp_port}", "--username", USER,
        "--password-stdin", "--ca-file", str(box.ca_file), "--from", USER,
        stdin="an outdated password",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "stored in the keyring" in added.stdout
    sent = _send(
        cli,
        "Stale",
        "--subject",
        "Hi",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert sent.returncode == 0, sent.stderr
    assert len(box.messages()) == 1


def test_an_untrusted_certificate_is_exit_code_3(
    cli: Cli, make_sandbox: Callable[..., Sandbox], letter: Path, report: Path
) -> None:
    box = make_sandbox()
    cli(
        "profiles",
        "add",
        "NoCa",
        "--smtp",
        f"127.0.0.1:{box.smtp_port}",
        "--username",
        "x",
        "--password-stdin",
        "--from",
        USER,
        stdin="pw",
    )
    sent = cli(
        "send",
        "--profile",
        "NoCa",
        "--to",
        "b@example.org",
        "--subject",
        "s",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
    )
    assert sent.returncode == 3, sent.stderr
    assert "certificate" in sent.stderr.lower()
    assert "Traceback" not in sent.stderr


@pytest.mark.parametrize(
    ("fault", "code", "words"),
    [
        ("auth=535", 3, "refused"),
        ("reject=*@example.org", 4, "refused"),
        ("after-data=554", 4, "refused"),
        ("after-data=451", 5, "tried again"),
        ("drop=after-data", 6, "may have gone out"),
    ],
)
def test_exit_codes_as_documented(
    cli: Cli,
    make_sandbox: Callable[..., Sandbox],
    letter: Path,
    report: Path,
    fault: str,
    code: int,
    words: str,
) -> None:
    box = make_sandbox(users={USER: PASSWORD})
    _add_smtp(cli, "Work", box)
    box.faults.add(fault)
    sent = _send(
        cli,
        "Work",
        "--subject",
        "Hi",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
    )
    assert sent.returncode == code, sent.stdout + sent.stderr
    assert words in sent.stderr
    assert "Traceback" not in sent.stderr
    outbox = cli("outbox")
    assert "Hi" in outbox.stdout, "the message is safe in the outbox"


def test_the_outbox_commands(
    cli: Cli, make_sandbox: Callable[..., Sandbox], letter: Path, report: Path
) -> None:
    box = make_sandbox()
    _add_smtp(cli, "Work", box)
    base = [
        "send",
        "--profile",
        "Work",
        "--to",
        "bob@example.org",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
    ]
    box.faults.add("after-data=554")
    assert cli(*base, "--subject", "First").returncode == 4
    box.faults.set(box.faults.rules.parse(["drop=after-data"]))
    assert cli(*base, "--subject", "Second").returncode == 6
    box.faults.clear()

    outbox = cli("outbox", "list").stdout
    assert "failed" in outbox and "unknown" in outbox

    retried = cli("outbox", "retry", "1")
    assert retried.returncode == 0, retried.stderr
    marked = cli("outbox", "mark-sent", "2")
    assert marked.returncode == 0, marked.stderr
    assert cli("outbox").stdout.strip() == "The outbox is empty."
    sent = cli("sent").stdout
    assert "First" in sent and "Second" in sent

    box.faults.add("auth=535")
    assert cli(*base, "--subject", "Third").returncode == 3
    edited = cli("outbox", "edit", "3")
    assert edited.returncode == 0 and "draft again" in edited.stdout
    twice = cli("outbox", "edit", "3")
    assert twice.returncode == 2 and len(twice.stderr.strip().splitlines()) == 1
    box.faults.add("auth=535")
    assert cli(*base, "--subject", "Fourth").returncode == 3
    discarded = cli("outbox", "discard", "4")
    assert discarded.returncode == 0
    assert cli("outbox").stdout.strip() == "The outbox is empty."
    missing = cli("outbox", "retry", "99")
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1


def test_warnings_stop_unless_yes(cli: Cli, letter: Path) -> None:
    base = [
        "send",
        "--profile",
        "Sandbox",
        "--to",
        "bob@example.org",
        "--subject",
        "",
        "--markdown",
        str(letter),
    ]
    stopped = cli(*base)
    assert stopped.returncode == 2
    assert "no subject" in stopped.stderr and "--yes" in stopped.stderr
    assert "attached" in stopped.stderr
    sent = cli(*base, "--yes")
    assert sent.returncode == 0, sent.stderr
    assert "Sent through Sandbox" in sent.stdout


def test_errors_stop_even_with_yes(cli: Cli, letter: Path) -> None:
    result = cli(
        "send",
        "--profile",
        "Sandbox",
        "--to",
        "bob@",
        "--subject",
        "s",
        "--markdown",
        str(letter),
        "--yes",
    )
    assert result.returncode == 2
    assert "“bob@” in To is not a valid e-mail address" in result.stderr
    assert "Not sent" in result.stderr


def test_an_unknown_profile_is_bad_input(cli: Cli, letter: Path) -> None:
    result = cli(
        "send",
        "--profile",
        "Nope",
        "--to",
        "b@example.org",
        "--subject",
        "s",
        "--markdown",
        str(letter),
    )
    assert result.returncode == 2
    assert "Nope" in result.stderr and "Sandbox" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.keyring  # the app's own search for a keyring, finding none
def test_without_a_keyring_the_secret_works_for_one_command_and_is_never_written(
    cli: Cli, make_sandbox: Callable[..., Sandbox], letter: Path, report: Path, isolated_home: Path
) -> None:
    box = make_sandbox(users={USER: PASSWORD})
    nowhere = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"}
    added = _add_smtp(cli, "Work", box, env=nowhere)
    assert added.returncode == 0, added.stderr
    assert "The secret was not stored" in added.stderr
    assert "keyring" in added.stderr.lower()
    listed = cli("profiles", "list", env=nowhere)
    assert "the keyring cannot be read" in listed.stdout
    sent = _send(
        cli,
        "Work",
        "--subject",
        "Hi",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
        "--password-stdin",
        stdin=PASSWORD,
        env=nowhere,
    )
    assert sent.returncode == 0, sent.stderr
    assert len(box.messages()) == 1
    without = _send(
        cli,
        "Work",
        "--subject",
        "Hi",
        "--markdown",
        str(letter),
        "--attach",
        str(report),
        env=nowhere,
    )
    assert without.returncode == 3
    assert "keyring" in without.stderr.lower() and "Traceback" not in without.stderr
    no_secret_anywhere(isolated_home, PASSWORD, added.stdout, added.stderr, sent.stdout)


def test_a_damaged_profile_file_is_named_and_left_alone(cli: Cli, isolated_home: Path) -> None:
    cli("profiles", "list")
    path = isolated_home / FILE_NAME
    text = path.read_text(encoding="utf-8").replace('transport = "rest"', 'transport = "smpt"')
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    listed = cli("profiles", "list")
    assert listed.returncode == 2
    assert "line" in listed.stderr and "transport" in listed.stderr
    added = cli("profiles", "add", "New", "--rest", "--from", USER)
    assert added.returncode == 2
    assert path.read_bytes() == before, "a damaged file is never overwritten"


def test_plain_http_and_a_missing_ca_file_are_refused_when_the_profile_is_added(
    cli: Cli, isolated_home: Path, tmp_path: Path
) -> None:
    cli("profiles", "list")
    path = isolated_home / FILE_NAME
    before = path.read_bytes()
    http = cli("profiles", "add", "Plain", "--rest", "--url", "http://api.example.com/v1")
    assert http.returncode == 2, http.stderr
    assert "plain http:// to another computer" in http.stderr and "https://" in http.stderr
    missing = cli("profiles", "add", "Mine", "--smtp", "mail.example.com", "--ca-file", "ca.pem")
    assert missing.returncode == 2, missing.stderr
    assert "ca.pem does not exist" in missing.stderr
    not_pem = tmp_path / "notes.txt"
    not_pem.write_text("not a certificate\n", encoding="utf-8")
    wrong = cli("profiles", "add", "Mine", "--smtp", "mail.example.com", "--ca-file", str(not_pem))
    assert wrong.returncode == 2, wrong.stderr
    assert "PEM" in wrong.stderr
    for result in (http, missing, wrong):
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before, "nothing was added"


def test_testing_a_profile_whose_ca_file_went_away_says_so(
    cli: Cli, isolated_home: Path, tmp_path: Path
) -> None:
    ca_file = make_certs(tmp_path).ca_file
    added = cli("profiles", "add", "Mine", "--smtp", "127.0.0.1:9", "--ca-file", str(ca_file),
                "--from", USER)  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert ProfileStore(isolated_home / FILE_NAME).get("Mine").ca_file == str(ca_file)
    ca_file.unlink()
    tested = cli("profiles", "test", "Mine", "--password-stdin", stdin="pw")
    assert tested.returncode == 3, tested.stderr
    assert "does not exist" in tested.stderr and "Traceback" not in tested.stderr


def test_a_hand_written_plain_http_address_is_a_sentence(cli: Cli, isolated_home: Path) -> None:
    cli("profiles", "list")
    path = isolated_home / FILE_NAME
    path.write_text(
        'schema = 1\n[[profiles]]\nid = "a1"\nname = "Remote"\ntransport = "rest"\n'
        'rest_url = "http://api.example.com/v1"\n',
        encoding="utf-8",
    )
    tested = cli("profiles", "test", "Remote", "--token-stdin", stdin="tok")
    assert tested.returncode == 2, tested.stderr
    assert "line 6, rest_url" in tested.stderr and "plain http://" in tested.stderr
    assert "Traceback" not in tested.stderr


def test_the_standalone_sandbox_receives_a_cli_send(
    cli: Cli, tmp_path: Path, letter: Path, report: Path
) -> None:
    import subprocess
    import sys

    data = tmp_path / "sandbox-data"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "smtpeter_desktop",
            "sandbox",
            "--smtp-port",
            "0",
            "--smtps-port",
            "0",
            "--rest-port",
            "0",
            "--data",
            str(data),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        rest_url = next(line.split()[-1] for line in lines if line.strip().startswith("REST:"))
        added = cli(
            "profiles",
            "add",
            "Local",
            "--rest",
            "--url",
            rest_url,
            "--token-stdin",
            "--ca-file",
            str(data / "ca.pem"),
            "--from",
            USER,
            stdin="any-token",
        )
        assert added.returncode == 0, added.stderr
        sent = _send(
            cli,
            "Local",
            "--subject",
            "Hi",
            "--markdown",
            str(letter),
            "--attach",
            str(report),
        )
        assert sent.returncode == 0, sent.stderr
        assert len(list((data / "messages").glob("*.eml"))) == 1
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
        if process.stdout is not None:
            process.stdout.close()


def test_an_image_in_the_text_is_told_not_asked(cli: Cli, tmp_path: Path) -> None:
    image = tmp_path / "logo.png"
    image.write_bytes(PNG)
    text = tmp_path / "letter.md"
    text.write_text("Our logo:\n\n![logo](logo.png)\n", encoding="utf-8")
    sent = cli(
        "send", "--profile", "Sandbox", "--to", "bob@example.org", "--subject", "Logo",
        "--markdown", str(text),
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr  # no --yes needed
    assert "info: The text shows 1 image from this computer" in sent.stderr


def test_a_send_from_the_profiles_copy_sends_and_says_a_refused_password_as_before(
    cli: Cli, make_sandbox: Callable[..., Sandbox], isolated_home: Path, letter: Path
) -> None:
    # The session opens from profiles.cache, with the piped password, before the app's data
    # is read: the send and its failure must be the same as the full way's.
    box = make_sandbox(users={USER: PASSWORD})
    assert _add_smtp(cli, "Copied", box).returncode == 0
    assert cli("profiles", "list").returncode == 0  # keeps the copy of the file as it is
    assert profilecache.read(str(isolated_home / FILE_NAME)) is not None
    message = ("--subject", "Hi", "--markdown", str(letter), "--yes", "--password-stdin")
    sent = _send(cli, "copied", *message, stdin=PASSWORD)
    assert sent.returncode == 0, sent.stderr
    assert len(box.messages()) == 1
    refused = _send(cli, "Copied", *message, stdin="not the password")
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "password" in refused.stderr.lower()
    assert "not the password" not in refused.stdout + refused.stderr
    assert len(box.messages()) == 1
    assert "Hi" in cli("outbox").stdout, "the message that was not sent is kept"
