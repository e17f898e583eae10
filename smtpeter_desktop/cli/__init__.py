"""The command line; with no arguments it opens the window.

One module per group of commands: ``build`` and ``send`` (a message from Markdown),
``profiles`` (accounts and their secrets), ``mail`` (the outbox, sent mail, delivery status),
``drafts`` (list, show, delete), ``interrupt`` (Ctrl+C during a send); ``arguments`` (every
command's parser, argparse alone) and ``commands`` (the dispatch, which imports only the module
of the command asked for); ``sandbox`` comes from the sandbox package. Every command runs
without a display and without importing Qt.

``main`` decides first whether the window is wanted and imports nothing else until then: a
double-click must not pay for the parsers of seven commands before the window shows.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

# The hidden options the window takes (tests, the bundle's smoke test); see ui/app.py.
_WINDOW_OPTIONS = ("--exit-after", "--smoke-send")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a tool whose reader left


def _wants_window(args: Sequence[str]) -> bool:
    return not args or args[0].partition("=")[0] in _WINDOW_OPTIONS


def speak_chosen_language() -> None:
    """Translate the output when the setting or the locale asks for Dutch: the catalogue is
    read only then, and only when the first text is shown (English costs one small read of
    settings.toml)."""
    from smtpeter_desktop import assets, i18n
    from smtpeter_desktop.storage import paths

    try:
        setting = i18n.setting_in(paths.app_home_path())
    except (OSError, RuntimeError):  # no home folder at all: the command itself says so
        setting = "system"
    i18n.install_catalogue(assets.resource_dir() / "translations", i18n.chosen_language(setting))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(args):
        from smtpeter_desktop.ui import app

        return app.run([*sys.argv[:1], *args])
    from smtpeter_desktop.cli import commands

    speak_chosen_language()
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
