"""What every command shares: exit codes, one-line errors, the app's stores, secrets from stdin."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Iterator

from smtpeter_desktop import APP_SLUG
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate

# Every command loads this module, --help and --version too: typing (6 ms) is left to the
# type checkers, which take this spelling of the flag as theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn, TextIO

    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.storage.profiles import Profile

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_AUTH = 3
EXIT_REJECTED = 4
EXIT_TEMPORARY = 5
EXIT_UNKNOWN = 6
EXIT_INTERRUPTED = 130

EXIT_CODES = QT_TRANSLATE_NOOP(
    "cli.common",
    """exit codes:
  0  done (sent; a warning on stderr if it could not be recorded as sent)
  2  bad input: the message says what to fix
  3  authentication or TLS: the password, token or certificate was refused
  4  rejected: the server refused the message or a recipient for good
  5  temporary failure: try later (the message, or its recipients put off for
     now, waits in the outbox)
  6  outcome unknown: the message may have been sent; look before sending again
130  interrupted (Ctrl+C): nothing more was sent; the message is kept, held
""",
)


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


class UsageError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


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
        return make(prog=self.prog, width=_columns() - 2)


def _columns() -> int:
    """The terminal's width: $COLUMNS, else the terminal's own, else 80 (as shutil says it)."""
    try:
        given = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        given = 0
    if given > 0:
        return given
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[Parser]
else:
    Subparsers = argparse._SubParsersAction


def sender_of(given: str, profile: Profile) -> str:
    """``--from`` as given, else the profile's first sender; ``UsageError`` when it has none."""
    if given:
        return given
    if not profile.identities:
        raise UsageError(
            translate("cli.common", "the profile {name} has no sender: give --from").format(
                name=profile.name
            )
        )
    return profile.identities[0].display


def fail(message: str) -> None:
    print(f"{APP_SLUG}: {message}", file=sys.stderr)


@contextlib.contextmanager
def app_context() -> Iterator[AppContext]:
    """The app's stores for this command, with crash leftovers recovered first."""
    from smtpeter_desktop.delivery.context import AppContext

    context = AppContext.open()
    try:
        context.recover()
        yield context
    finally:
        context.close()


def read_secret(stdin: TextIO, what: str) -> str:
    """A password or token piped in; only the line end is removed (a space may be part of it)."""
    secret = stdin.readline().rstrip("\r\n")
    if not secret:
        raise UsageError(translate("cli.common", "no {what} on standard input").format(what=what))
    return secret


def when(timestamp: float | None) -> str:
    if timestamp is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))
