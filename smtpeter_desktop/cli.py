"""The command line; with no arguments it opens the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from smtpeter_desktop import APP_NAME, __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="smtpeter-desktop", description=APP_NAME)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    build_parser().parse_args(args)
    return 0
