"""Help text is as wide as argparse itself would make it, without the shutil it imports."""

from __future__ import annotations

import argparse

import pytest

from smtpeter_desktop.cli.arguments import build_parser


@pytest.mark.parametrize("columns", ["50", "132", "0", "-3", "junk", None])
def test_the_width_is_argparses_own(columns: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser()._get_formatter()
    theirs = argparse.HelpFormatter(prog="smtpeter-desktop")  # shutil.get_terminal_size
    assert ours._width == theirs._width
    assert ours._max_help_position == theirs._max_help_position
