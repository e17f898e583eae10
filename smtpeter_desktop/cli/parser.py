"""argparse as the command line speaks it: mistakes in one line, the terminal's width found
without shutil, and argparse's own words through the app's catalogue.

Only the runs that parse with argparse load this; the listings and ``--help`` that ``cli``
answers itself (see ``cli.quick``) do not.
"""

from __future__ import annotations

import argparse

from smtpeter_desktop.cli.common import EXIT_BAD_INPUT, columns
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

# argparse's own words, which it passes through gettext's ``_`` (Python ships no Dutch for
# them): the same catalogue translates them (see ``speak_argparse``).
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
)


def speak_argparse() -> None:
    """argparse's words (usage, options, its errors) through our catalogue."""
    setattr(argparse, "_", lambda text: translate("argparse", text))  # noqa: B010 (typed module)


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake said in one line rather than a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_BAD_INPUT,
            translate("cli.common", "{prog}: {message} (see --help)\n").format(
                prog=self.prog, message=message
            ),
        )

    def _get_formatter(self) -> argparse.HelpFormatter:
        # The width argparse would find, without the shutil it imports to find it (which
        # brings bz2, lzma and zlib: 3 ms of every --help and every mistake).
        make: type[argparse.HelpFormatter] = self.formatter_class  # type: ignore[assignment]
        return make(prog=self.prog, width=columns() - 2)


if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[Parser]
else:
    Subparsers = argparse._SubParsersAction
