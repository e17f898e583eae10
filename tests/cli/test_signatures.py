"""Signatures from the command line: added, chosen per sender, put in a real send."""

from __future__ import annotations

import stat
from pathlib import Path

from smtpeter_desktop.sandbox.store import Store
from smtpeter_desktop.storage.signatures import FILE_NAME
from tests.cli.conftest import Cli


def _sent_text(home: Path) -> str:
    """The plain-text part of the one message the built-in sandbox captured last."""
    captured = Store(home / "sandbox" / "messages").messages()[-1].message()
    part = captured.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_signatures_add_default_and_send(
    cli: Cli, tmp_path: Path, isolated_home: Path, letter: Path
) -> None:
    (tmp_path / "work.md").write_text("Ann Lee\n![logo](logo.png)\n", encoding="utf-8")
    # A real 1x1 PNG: the signature's image follows the body's rules and is embedded.
    (tmp_path / "logo.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
    )
    (tmp_path / "short.md").write_text("A.\n", encoding="utf-8")
    assert cli("signatures", "add", "Work", "--markdown", str(tmp_path / "work.md")).returncode == 0
    assert (
        cli("signatures", "add", "Short", "--markdown", str(tmp_path / "short.md")).returncode == 0
    )
    stored = isolated_home / FILE_NAME
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    # A relative image path is kept absolute: the signature is used in bodies written anywhere.
    assert str(tmp_path / "logo.png") in stored.read_text(encoding="utf-8")

    chosen = cli("signatures", "set-default", "Short", "--profile", "Sandbox")
    assert chosen.returncode == 0, chosen.stderr
    listing = cli("signatures").stdout
    assert "Work: Ann Lee" in listing and "default for Sandbox" in listing

    def send(*extra: str) -> str:
        result = cli(
            "send", "--profile", "Sandbox", "--to", "bob@example.org", "--from",
            "ann@example.com", "--subject", "Hi", "--markdown", str(letter), "--yes", *extra,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return _sent_text(isolated_home)

    assert send().endswith("-- \nA.\n")
    assert "-- " not in send("--no-signature")
    # The address's own default wins over the profile's.
    cli("signatures", "set-default", "Work", "--profile", "Sandbox", "--from", "ann@example.com")
    assert send().count("-- \nAnn Lee") == 1
    captured = Store(isolated_home / "sandbox" / "messages").messages()[-1].message()
    assert any(part.get_content_type() == "image/png" for part in captured.walk())
    assert send("--signature", "short").endswith("-- \nA.\n")


def test_an_unknown_signature_is_a_sentence(cli: Cli, letter: Path) -> None:
    result = cli(
        "send", "--profile", "Sandbox", "--to", "bob@example.org", "--subject", "Hi",
        "--markdown", str(letter), "--signature", "Nope",
    )  # fmt: skip
    assert result.returncode == 2
    assert "There is no signature called “Nope”" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_signatures_file_is_named_with_its_line(cli: Cli, isolated_home: Path) -> None:
    (isolated_home / FILE_NAME).write_text(
        'schema = 1\n\n[[signatures]]\nname = "Work"\nmarkdown = 3\n', encoding="utf-8"
    )
    result = cli("signatures")
    assert result.returncode == 2
    assert "line 5" in result.stderr and "must be text" in result.stderr
