"""The command line; with no arguments it opens the window.

One module per group of commands: ``build`` and ``send`` (a message from Markdown),
``profiles`` (accounts and their secrets), ``mail`` (the outbox, sent mail, delivery status);
``arguments`` (every command's parser, argparse alone) and ``commands`` (the dispatch, which
imports only the module of the command asked for); ``sandbox`` comes from the sandbox
package. Every command runs without a display and without importing Qt.

``main`` decides first whether the window is wanted and imports nothing else until then: a
double-click must not pay for the parsers of seven commands before the window shows.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The hidden options the window takes (tests, the bundle's smoke test); see ui/app.py.
_WINDOW_OPTIONS = ("--exit-after", "--smoke-send")


def _wants_window(args: Sequence[str]) -> bool:
    return not args or args[0].partition("=")[0] in _WINDOW_OPTIONS


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(args):
        from smtpeter_desktop.ui import app

        return app.run([*sys.argv[:1], *args])
    from smtpeter_desktop.cli import commands

    return commands.run(args)
