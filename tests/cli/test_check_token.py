"""An SMTP profile's REST token for checks from the command line, as real processes, in the
real Secret Service: given at ``profiles add`` or ``set-secret`` on standard input (the line
after the password), used by ``check`` for the sender domain, removed on request."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.profiles import FILE_NAME, ProfileStore
from smtpeter_desktop.storage.secrets import CHECK_TOKEN, SecretStore
from tests.cli.conftest import Cli, no_secret_anywhere
from tests.inspection.fixtures import CLEAN_BODY

USER = "ann@example.com"
PASSWORD = "s3cret pässword ✓"
TOKEN = "tok-check-5e6f7a8b9c"

# Where the token is kept is part of what is tested: the real Secret Service.
pytestmark = pytest.mark.keyring


def _stored(home: Path, kind: str = "secret") -> str | None:
    profile = ProfileStore(home / FILE_NAME).get("Work")
    return SecretStore().get(profile.id, kind)  # type: ignore[arg-type]


def test_an_smtp_profile_checks_its_sender_domain_with_the_token_given_on_stdin(
    cli: Cli, make_sandbox: Callable[..., Sandbox], tmp_path: Path, isolated_home: Path
) -> None:
    box = make_sandbox(token=TOKEN, users={USER: PASSWORD}, sender_domains=("example.com",))
    box.faults.add("dns-error=dmarc")
    letter = tmp_path / "clean.md"
    letter.write_text(CLEAN_BODY, encoding="utf-8")
    outputs: list[str] = []

    def run(*args: str, stdin: str = "", code: int = 0) -> str:
        done = cli(*args, stdin=stdin)
        outputs.extend((done.stdout, done.stderr))
        assert done.returncode == code, done.stderr
        return done.stdout + done.stderr

    def check() -> dict[str, Any]:
        said = run(
            "check", "--profile", "Work", "--markdown", str(letter), "--to", "bob@example.org",
            "--subject", "Spring", "--no-spam", "--json",
        )  # fmt: skip
        return json.loads(said)  # type: ignore[no-any-return]

    said = run(
        "profiles", "add", "Work", "--smtp", f"127.0.0.1:{box.smtp_port}", "--username", USER,
        "--ca-file", str(box.ca_file), "--from", USER, "--url", box.rest_base_url,
        "--password-stdin", "--check-token-stdin", stdin=f"{PASSWORD}\n{TOKEN}\n",
    )  # fmt: skip
    assert "REST token for checks is stored in the keyring" in said
    assert _stored(isolated_home) == PASSWORD
    assert _stored(isolated_home, CHECK_TOKEN) == TOKEN
    assert "REST token for checks: stored" in run("profiles", "list")

    codes = [f["code"] for f in check()["findings"]]
    assert "dns-dmarc" in codes

    said = run("profiles", "set-secret", "Work", "--forget-check-token")
    assert "no longer checked" in said
    assert _stored(isolated_home) == PASSWORD, "the password stays"
    (not_checked,) = [f for f in check()["findings"] if f["code"] == "domain-not-checked"]
    assert "--check-token-stdin" in not_checked["advice"]

    run("profiles", "set-secret", "Work", "--check-token-stdin", stdin=TOKEN + "\n")
    assert _stored(isolated_home, CHECK_TOKEN) == TOKEN
    refused = run("profiles", "add", "Api", "--rest", "--check-token-stdin", stdin=TOKEN, code=2)
    assert "for SMTP profiles" in refused
    profile_id = ProfileStore(isolated_home / FILE_NAME).get("Work").id
    run("profiles", "remove", "Work")
    assert SecretStore().get(profile_id, CHECK_TOKEN) is None, "removed with the profile"
    no_secret_anywhere(isolated_home, TOKEN, *outputs)
