"""`smtpeter-desktop build`: a Markdown file to an .eml, as a real process."""

from __future__ import annotations

import email
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from smtpeter_desktop import __version__


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smtpeter_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version_and_help() -> None:
    assert _run("--version").stdout.strip() == f"smtpeter-desktop {__version__}"
    result = _run("build", "--help")
    assert result.returncode == 0 and "--markdown" in result.stdout


def test_build_writes_a_message_that_parses(material: Path, tmp_path: Path) -> None:
    out = tmp_path / "update.eml"
    result = _run(
        "build",
        "--from",
        "Ann <ann@example.com>",
        "--to",
        "bob@example.org",
        "--to",
        "carl@example.org, dee@example.org",
        "--bcc",
        "eve@example.org",
        "--subject",
        "Q3 ✓",
        "--markdown",
        str(material / "update.md"),
        "--attach",
        str(material / "Rapport été 2026.pdf"),
        "--output",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "4 recipients" in result.stdout
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Q3 ✓"
    assert len(message["To"].addresses) == 3
    assert message["Bcc"] is None
    assert len(list(message.iter_attachments())) == 1


def test_markdown_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "m.eml"
    result = _run(
        "build",
        "--from",
        "a@b.co",
        "--to",
        "c@d.co",
        "--subject",
        "s",
        "--markdown",
        "-",
        "-o",
        str(out),
        stdin="# From stdin\n",
    )
    assert result.returncode == 0, result.stderr
    assert b"From stdin" in out.read_bytes()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--to", "bob@"], "bob@"),
        (["--to", "c@d.co", "--subject", "a\nb"], "line break"),
        (["--to", "c@d.co", "--attach", "/nonexistent/file.pdf"], "does not exist"),
        (["--to", "c@d.co", "--markdown", "/nonexistent.md"], "does not exist"),
        (["--to", "c@d.co", "--output", "/nonexistent/dir/x.eml"], "does not exist"),
        (["--subject"], "expected one argument"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    material: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    base = {
        "--from": "a@b.co",
        "--subject": "s",
        "--markdown": str(material / "update.md"),
        "--output": str(tmp_path / "x.eml"),
    }
    for flag in list(base):
        if flag in args:
            del base[flag]
    argv = ["build", *[x for pair in base.items() for x in pair], *args]
    result = _run(*argv)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.eml").exists()
    assert list(tmp_path.glob(".x.eml.*")) == [], "no temporary file is left behind"
