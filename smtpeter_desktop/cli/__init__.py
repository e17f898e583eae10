"""The command line; with no arguments it opens the window.

One module per group of commands: ``build`` and ``send`` (a message from Markdown),
``profiles`` (accounts and their secrets), ``mail`` (the outbox, sent mail, delivery status),
``drafts`` (list, show, delete), ``interrupt`` (Ctrl+C during a send); ``arguments`` (every
command's parser, argparse alone) and ``commands`` (the dispatch, which imports only the module
of the command asked for); ``sandbox`` comes from the sandbox package. Every command runs
without a display and without importing Qt.

``main`` decides first whether the window is wanted and imports nothing else until then: a
double-click must not pay for the parsers of seven commands before the window shows. A lone
``--version`` is answered there too, as argparse would answer it, without argparse (about
10 ms, as much as Python's own start).
"""

from __future__ import annotations

import os
import sys

from smtpeter_desktop import APP_SLUG, __version__

# Every run loads this module: collections.abc (about 2 ms) is left to the type checkers,
# which take this spelling of the flag as theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

# The hidden options the window takes (tests, the bundle's smoke test); see ui/app.py.
_WINDOW_OPTIONS = ("--exit-after", "--smoke-send")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a tool whose reader left


def _wants_window(args: Sequence[str]) -> bool:
    return not args or args[0].partition("=")[0] in _WINDOW_OPTIONS


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(args):
        from smtpeter_desktop.ui import app

        return app.run([*sys.argv[:1], *args])
    if args == ["--version"]:
        print(f"{APP_SLUG} {__version__}")
        return 0
    from smtpeter_desktop.cli import commands

    try:
        code = commands.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``outbox | head``): stop quietly, as other tools do, and keep
        # the interpreter's last flush of stdout from failing again on the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return code
