"""``--help`` alone is printed without argparse: the text is argparse's own, to the character.

The top-level parser and ``cli.usage`` are built from the same tables; these tests hold the
two layouts equal at widths from a narrow terminal to a wide one, in English and in Dutch.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator

import pytest

from smtpeter_desktop import cli as command_line
from smtpeter_desktop import i18n
from smtpeter_desktop.cli import usage
from smtpeter_desktop.cli.arguments import build_parser
from smtpeter_desktop.cli.parser import speak_argparse
from tests.cli.conftest import Cli


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The catalogue installed as the command line installs it; English again afterwards."""
    monkeypatch.setenv(i18n.LANGUAGE_VARIABLE, request.param)
    monkeypatch.setattr(argparse, "_", vars(argparse)["_"])  # put back after the test
    command_line.speak_chosen_language()
    speak_argparse()
    yield request.param
    i18n.install(None)


@pytest.mark.parametrize("columns", [12, 30, 45, 60, 80, 100, 132, 250])
def test_the_help_is_argparses_own_text(
    columns: int, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    theirs = build_parser(["--help"]).format_help()
    assert usage.format_help(columns - 2) == theirs
    if language == "nl":
        assert "gebruik:" in theirs  # the catalogue was really in use


def test_every_command_is_in_the_help_and_has_its_parser() -> None:
    names = [name for name, _ in usage.COMMANDS]
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == names


def test_help_alone_prints_it_without_argparse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    code = (
        "import sys\n"
        "from smtpeter_desktop.cli import main\n"
        "code = main(['--help'])\n"
        "print('argparse' in sys.modules, code, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stderr == "False 0\n"
    assert done.stdout == build_parser(["--help"]).format_help()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["outbox", "--help"], "Messages waiting to be sent"),
        (["sent", "-h"], "usage: smtpeter-desktop sent"),
        (["profiles", "list", "--help"], "usage: smtpeter-desktop profiles list"),
    ],
)
def test_a_command_s_own_help_is_still_argparses(cli: Cli, args: list[str], words: str) -> None:
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    assert words in done.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["outbox", "lst"], "invalid choice: 'lst'"),
        (["sent", "--json"], "unrecognized arguments: --json"),
        (["profiles", "list", "extra"], "unrecognized arguments: extra"),
        (["--hepl"], "unrecognized arguments: --hepl"),
    ],
)
def test_anything_but_the_exact_words_goes_through_argparse(
    cli: Cli, args: list[str], words: str
) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert words in done.stderr
    assert "(see --help)" in done.stderr
