"""What every command shares: exit codes, one-line errors, the app's stores, secrets from stdin."""

from __future__ import annotations

import contextlib
import os
import sys
import time

from smtpeter_desktop import APP_SLUG
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate

# Every command loads this module, --help and --version too: typing (6 ms) is left to the
# type checkers, which take this spelling of the flag as theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import TextIO

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


class UsageError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


def columns() -> int:
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


def guarded(command: Callable[[], int]) -> int:
    """Run ``command``; a mistake the user can fix ends in one line and its exit code."""
    try:
        return command()
    except KeyboardInterrupt:
        fail(translate("cli.commands", "interrupted"))
        return EXIT_INTERRUPTED
    except Exception as exc:
        # Only once something went wrong: compose.errors brings unicodedata and storage.errors
        # pathlib, about 10 ms a command that succeeds does not pay.
        from smtpeter_desktop.compose.errors import ComposeError
        from smtpeter_desktop.storage.errors import KeyringUnavailable, StorageError

        if isinstance(exc, KeyringUnavailable):
            fail(str(exc))
            return EXIT_AUTH
        if isinstance(exc, UsageError | ComposeError | StorageError):
            fail(str(exc))
            return EXIT_BAD_INPUT
        raise


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
