"""``smtpeter-desktop check`` as a real process, on accounts at real sandboxes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from smtpeter_desktop.sandbox import Sandbox
from tests.cli.conftest import Cli, no_secret_anywhere
from tests.inspection.fixtures import CLEAN_BODY

TOKEN = "tok-0f1e2d3c4b5a"
CLEAN = ("--no-track-clicks", "--no-track-opens")


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.md"
    path.write_text(CLEAN_BODY, encoding="utf-8")
    return path


def _add_rest(cli: Cli, box: Sandbox) -> None:
    added = cli(
        "profiles", "add", "Api", "--rest", "--url", box.rest_base_url, "--token-stdin",
        "--ca-file", str(box.ca_file), "--from", "Ann <ann@example.com>", stdin=TOKEN,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def _check(cli: Cli, markdown: Path, *extra: str, **kwargs: Any) -> CompletedProcess[str]:
    return cli(
        "check", "--profile", "Api", "--markdown", str(markdown), "--to", "bob@example.org",
        "--subject", "Our spring newsletter", *extra, **kwargs,
    )  # fmt: skip


def test_a_clean_message_on_an_account_in_order_exits_0(
    cli: Cli, make_sandbox: Callable[..., Sandbox], clean: Path, isolated_home: Path
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    _add_rest(cli, box)
    done = _check(cli, clean, *CLEAN, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["blocks"] is False
    assert [f for f in data["findings"] if f["severity"] != "info"] == []
    assert data["sender_domain"]["name"] == "example.com"
    assert data["spam_score"] is not None and data["spam_score"] < data["spam_threshold"]
    assert data["compatibility_score"] == 100
    no_secret_anywhere(isolated_home, TOKEN, done.stdout, done.stderr)


def test_a_from_domain_smtpeter_would_refuse_exits_1_saying_so(
    cli: Cli, make_sandbox: Callable[..., Sandbox], clean: Path
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    box.faults.add("dns-error=dmarc")
    _add_rest(cli, box)
    refused = _check(cli, clean, *CLEAN, "--no-spam", "--from", "ann@some-invalid-domain.nl")
    assert refused.returncode == 1, refused.stderr
    assert "BLOCKS  some-invalid-domain.nl is not a sender domain" in refused.stdout
    assert refused.stdout.rstrip().endswith("Something blocks the send: fix what is marked BLOCKS.")
    warned = _check(cli, clean, *CLEAN, "--no-spam")
    assert warned.returncode == 0, warned.stdout
    assert "WARNS   The DNS of example.com is not in order for DMARC" in warned.stdout
    assert "_dmarc.example.com  CNAME" in warned.stdout
    strict = _check(cli, clean, *CLEAN, "--no-spam", "--strict")
    assert strict.returncode == 1


def test_bad_input_exits_2_with_a_sentence(
    cli: Cli, make_sandbox: Callable[..., Sandbox], clean: Path, tmp_path: Path
) -> None:
    _add_rest(cli, make_sandbox(token=TOKEN))
    missing = _check(cli, tmp_path / "nowhere.md")
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    one_click = _check(cli, clean, "--one-click", "--no-spam")
    assert one_click.returncode == 2
    assert "One-click unsubscribe needs an unsubscribe link" in one_click.stderr
    assert "Traceback" not in missing.stderr + one_click.stderr
