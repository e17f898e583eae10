"""Each command imports only what it uses: a test fails when a command's imports grow past
its list, and names the module that came in.

A command runs in a process of its own (``cli.main``, as the installed script calls it),
against real servers where it sends, and then lists ``sys.modules``. Each list below names
the heavy modules that command must not load; what a bare ``python -c pass`` already loads
is never counted. Issue 17 has the figures: every module here costs the command line
several milliseconds to tens of them, on every run.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from smtpeter_desktop.delivery.names import Receipt, Rejection
from smtpeter_desktop.delivery.outcomes import ErrorInfo
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.mailbox import Mailbox
from smtpeter_desktop.transport.errors import AuthError
from tests.storage.mailbox_helpers import new_draft, queue

# Loaded by nothing but the commands that need them.
SANDBOX = ("aiosmtpd", "trustme", "cryptography", "smtpeter_desktop.sandbox.server")
MARKDOWN = (
    "markdown",
    "pygments",
    "pymdownx",
    "css_inline",
    "smtpeter_desktop.compose.render",
    "smtpeter_desktop.compose.markdown_html",
)
REST = ("httpx", "smtpeter_desktop.transport.rest")
SMTP = ("smtplib", "smtpeter_desktop.transport.smtp")
# pymdownx's strike-through: 25-70 ms of patterns; compose.strike does it with one.
TILDE = ("pymdownx.tilde", "pymdownx.delimiterprocessor")
QT = ("PySide6", "shiboken6")
KEYRING = ("keyring", "secretstorage", "jeepney")
# Reading every installed package's metadata (entry points): tens of ms, needed by none.
METADATA = ("importlib.metadata", "importlib_metadata")
RESOURCES = ("importlib.resources",)  # httpx's certifi loads it for REST
NETWORK = ("ssl", "socket", "email.parser", "smtpeter_desktop.transport.mapping")
# argparse's way to the terminal's width (shutil brings bz2, lzma and zlib).
WIDTH = ("shutil", "bz2", "lzma")
# Random names and ids without secrets (hmac, OpenSSL's hashes) or uuid (platform).
RANDOM = ("secrets", "hmac", "uuid", "platform", "_hashlib")
# Pygments and the code extensions (10-17 ms): for a text with a code block only.
CODE = ("pygments", "markdown.extensions.codehilite", "smtpeter_desktop.compose.highlight")
# pymdownx's magiclink, with urllib.request and http.client (5-12 ms): for a text with a bare
# web or e-mail address only (a written [link](address) needs none).
LINKS = ("pymdownx.magiclink", "pymdownx.util")
# The idna codec and stringprep (4-10 ms): host names go to getaddrinfo and TLS as ASCII.
IDNA = ("encodings.idna", "stringprep")
BUILDING = ("email_validator", "smtpeter_desktop.compose.mime", "smtpeter_desktop.compose.checks")
# What only reading and writing the app's data needs.
DATA = (
    "sqlite3",
    "tomllib",
    "dataclasses",
    "pathlib",
    "typing",
    "json",
    "smtpeter_desktop.storage",
    "smtpeter_desktop.delivery",
    "smtpeter_desktop.compose",
)

# The parsers: --help and the plain lists are answered without them (cli/__init__.py).
ARGPARSE = (
    "argparse",
    "gettext",
    "smtpeter_desktop.cli.commands",
    "smtpeter_desktop.cli.arguments",
    "smtpeter_desktop.cli.parser",
)
# What the lists read the mailbox without (storage/reading.py): the app's context, its
# objects and the TOML files.
CONTEXT = (
    "tomllib",
    "dataclasses",
    "enum",
    "pathlib",
    "typing",
    "json",
    "re",
    "logging",
    "tempfile",
    "smtpeter_desktop.storage.mailbox",
    "smtpeter_desktop.storage.jobs",
    "smtpeter_desktop.storage.profiles",
    "smtpeter_desktop.storage.settings",
    "smtpeter_desktop.storage.lease",
    "smtpeter_desktop.storage.errors",
    "smtpeter_desktop.storage.paths",
    "smtpeter_desktop.delivery",
    "smtpeter_desktop.compose",
    "smtpeter_desktop.transport",
)

# A stored error or receipt is read with json (and re and enum with it) alone, by
# delivery/stored.py: not the delivery model that writes it.
READING_STORED = (
    *(m for m in CONTEXT if m not in ("json", "re", "enum", "smtpeter_desktop.delivery")),
    "smtpeter_desktop.delivery.names",
    "smtpeter_desktop.delivery.outcomes",
)

NOT_IMPORTED: dict[str, tuple[str, ...]] = {
    # Answered before any parser is built.
    "--version": (
        "argparse",
        "smtpeter_desktop.cli.commands",
        "smtpeter_desktop.cli.arguments",
        *WIDTH,
        *SANDBOX,
        *MARKDOWN,
        *REST,
        *SMTP,
        *QT,
        *KEYRING,
        *METADATA,
        *NETWORK,
        *BUILDING,
        *DATA,
    ),
    "--help": (
        *ARGPARSE,
        *WIDTH,
        *SANDBOX,
        *MARKDOWN,
        *REST,
        *SMTP,
        *QT,
        *KEYRING,
        *METADATA,
        *NETWORK,
        *BUILDING,
        *DATA,
    ),
    # An outbox and a Sent list with nothing in them: a stored error or receipt brings the
    # delivery model that reads it.
    "outbox": (
        *ARGPARSE,
        *CONTEXT,
        *SANDBOX,
        *MARKDOWN,
        *REST,
        *SMTP,
        *QT,
        *KEYRING,
        *METADATA,
        *RESOURCES,
        *NETWORK,
        *BUILDING,
        *RANDOM,
    ),
    "sent": (
        *ARGPARSE,
        *CONTEXT,
        *SANDBOX,
        *MARKDOWN,
        *REST,
        *SMTP,
        *QT,
        *KEYRING,
        *METADATA,
        *NETWORK,
        *BUILDING,
        *RANDOM,
    ),
    # Lists drafts without rendering them: the renderer (via compose.checks) stays out.
    "drafts": (*SANDBOX, *MARKDOWN, *REST, *SMTP, *QT, *KEYRING, *METADATA, *NETWORK, *BUILDING),
    # With the Sandbox profile only (no secret to look up), on a home started before: the
    # profiles come from the copy kept of the checked file (storage/profilecache.py), so
    # neither the TOML parser nor the checks nor the mailbox, the Postman or a transport.
    "profiles list": (
        *ARGPARSE,
        *CONTEXT,
        "sqlite3",
        "tomli_w",
        "smtpeter_desktop.storage.tomlfile",
        "smtpeter_desktop.storage.secrets",
        *BUILDING,
        *SANDBOX,
        *MARKDOWN,
        *REST,
        *SMTP,
        *QT,
        *KEYRING,
        *METADATA,
        *NETWORK,
        *RANDOM,
    ),
    # The secret piped in: the keyring is not asked. The letter has no code block.
    "send REST": (*SANDBOX, *SMTP, *QT, *KEYRING, *METADATA, *TILDE, *IDNA, *CODE, *LINKS),
    "send SMTP": (
        *SANDBOX,
        *REST,
        *QT,
        *KEYRING,
        *METADATA,
        *RESOURCES,
        *TILDE,
        *IDNA,
        *CODE,
        *LINKS,
        "urllib.request",
        "http.client",
    ),
    # Checks every row and prints the table: no transport, no keyring, no server (building
    # a row's draft brings the mail model, which brings socket and ssl).
    "merge --dry-run": (*SANDBOX, *REST, *SMTP, *QT, *KEYRING, *METADATA),
}

_LIST_MODULES = """\
import sys
from smtpeter_desktop.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as stop:
    code = stop.code
modules = sorted(sys.modules)
with open(sys.argv[1], "w") as out:
    out.write(repr({"code": code, "modules": modules}))
"""


def _loaded(tmp_path: Path, *args: str, stdin: str = "") -> set[str]:
    """The modules a process has loaded after running ``smtpeter-desktop ARGS``."""
    found = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, str(found), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    result = ast.literal_eval(found.read_text())
    assert result["code"] in (0, None), done.stderr
    return set(result["modules"])


@pytest.fixture(scope="module")
def bare() -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(done.stdout.split())


def _unwanted(loaded: set[str], command: str, bare: set[str]) -> list[str]:
    """The entries of the command's list that it loaded (a package counts with its modules)."""
    new = loaded - bare
    return sorted(
        entry
        for entry in NOT_IMPORTED[command]
        if any(m == entry or m.startswith(entry + ".") for m in new)
    )


@pytest.mark.parametrize(
    "command", ["--version", "--help", "outbox", "sent", "drafts", "profiles list"]
)
def test_a_command_that_only_reads_imports_only_its_list(
    command: str, tmp_path: Path, bare: set[str]
) -> None:
    _loaded(tmp_path, "outbox")  # a home started once before
    _loaded(tmp_path, *command.split())  # where this command ran before
    unwanted = _unwanted(_loaded(tmp_path, *command.split()), command, bare)
    assert not unwanted, f"{command} imports {', '.join(unwanted)}"


def test_the_lists_read_a_stored_error_and_receipt_without_the_delivery_model(
    tmp_path: Path, isolated_home: Path, bare: set[str]
) -> None:
    _loaded(tmp_path, "outbox")  # the mailbox made
    receipt = Receipt(
        "smtp",
        ("ann@example.org",),
        rejected=(Rejection("bob@example.org", 550, "no such user"),),
        reply="250 2.0.0 queued",
    )
    error = ErrorInfo.of(AuthError("The password was refused.", "Check it."))
    with Mailbox(isolated_home / "mailbox.sqlite3") as mailbox:
        for mark, stored in (
            (mailbox.mark_sent, json.dumps(receipt.to_dict())),
            (mailbox.mark_failed, error.to_json()),
        ):
            id = new_draft(mailbox)
            queue(mailbox, id, tmp_path)
            assert mailbox.claim(id, "1-000000000000")
            mark(id, stored)
    for command in ("outbox", "sent"):
        loaded = _loaded(tmp_path, command)
        unwanted = sorted(
            entry
            for entry in (*ARGPARSE, *READING_STORED, *RANDOM, *NETWORK, *KEYRING, *QT)
            if any(m == entry or m.startswith(entry + ".") for m in loaded - bare)
        )
        assert not unwanted, f"{command} with mail in it imports {', '.join(unwanted)}"
    said = {
        command: subprocess.run(
            [sys.executable, "-m", "smtpeter_desktop", command],
            capture_output=True, text=True, timeout=60, check=True,
        ).stdout
        for command in ("outbox", "sent")
    }  # fmt: skip
    assert "The password was refused. Check it." in said["outbox"]
    assert "server: 250 2.0.0 queued" in said["sent"]
    assert "bob@example.org: refused (550 no such user)" in said["sent"]


@pytest.mark.parametrize("kind", ["REST", "SMTP"])
def test_a_send_imports_only_its_transport(
    kind: str,
    tmp_path: Path,
    bare: set[str],
    make_sandbox: Callable[..., Sandbox],
    letter: Path,
    cli: Callable[..., subprocess.CompletedProcess[str]],
) -> None:
    box = make_sandbox()
    where = (
        ["--rest", "--url", box.rest_base_url, "--token-stdin"]
        if kind == "REST"
        else ["--smtp", f"127.0.0.1:{box.smtp_port}", "--username", "ann", "--password-stdin"]
    )
    added = cli(
        "profiles", "add", "Real", *where, "--ca-file", str(box.ca_file),
        "--from", "ann@example.com", stdin="a secret",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    loaded = _loaded(
        tmp_path,
        "send",
        "--profile",
        "Real",
        "--to",
        "bob@example.org",
        "--subject",
        "Hi",
        "--markdown",
        str(letter),
        "--token-stdin" if kind == "REST" else "--password-stdin",
        "--yes",
        stdin="a secret",
    )
    assert len(box.messages()) == 1
    unwanted = _unwanted(loaded, f"send {kind}", bare)
    assert not unwanted, f"send by {kind} imports {', '.join(unwanted)}"


def test_every_command_names_a_function_that_exists() -> None:
    import argparse

    from smtpeter_desktop.cli.arguments import build_parser
    from smtpeter_desktop.cli.commands import handler_of

    def handlers(parser: argparse.ArgumentParser) -> list[str]:
        found = [parser.get_default("handler")]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    found += handlers(sub)
        return [name for name in found if name]

    named = handlers(build_parser())
    assert len(named) >= 14
    for name in named:
        assert callable(handler_of(name)), name


def test_a_merge_dry_run_imports_no_transport(tmp_path: Path, bare: set[str]) -> None:
    data = tmp_path / "people.csv"
    data.write_text("email,first\nann@example.org,Ann\n", encoding="utf-8")
    body = tmp_path / "body.md"
    body.write_text("Dear {$first},\n", encoding="utf-8")
    loaded = _loaded(
        tmp_path, "merge", "--profile", "Sandbox", "--markdown", str(body), "--subject", "Hi",
        "--data", str(data), "--dry-run",
    )  # fmt: skip
    unwanted = _unwanted(loaded, "merge --dry-run", bare)
    assert not unwanted, f"merge --dry-run imports {', '.join(unwanted)}"
