"""The command line; with no arguments it opens the window.

One module per group of commands: ``build`` and ``send`` (a message from Markdown),
``profiles`` (accounts and their secrets), ``mail`` (the outbox, sent mail, delivery status),
``drafts`` (list, show, delete), ``interrupt`` (Ctrl+C during a send); ``arguments`` (every
command's parser, argparse alone) and ``commands`` (the dispatch, which imports only the module
of the command asked for); ``sandbox`` comes from the sandbox package. Every command runs
without a display and without importing Qt.

``run`` is the installed command: ``main``, then the end of the process (see ``run``).
``main`` decides first whether the window is wanted and imports nothing else until then: a
double-click must not pay for the parsers of seven commands before the window shows. A lone
``--version`` is answered there too, as argparse would answer it, without argparse (about
10 ms, as much as Python's own start).
"""

# os.path, not pathlib: --help and --version load no pathlib.
# ruff: noqa: PTH100, PTH111, PTH112, PTH117, PTH118, PTH120
from __future__ import annotations

import os
import sys

from smtpeter_desktop import APP_SLUG, STARTING_GC, __version__

# Every run loads this module: collections.abc (about 2 ms) is left to the type checkers,
# which take this spelling of the flag as theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import NoReturn

# The hidden options the window takes (tests, the bundle's smoke test); see ui/app.py.
_WINDOW_OPTIONS = ("--exit-after", "--smoke-send")
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a tool whose reader left


def _wants_window(args: Sequence[str]) -> bool:
    return not args or args[0].partition("=")[0] in _WINDOW_OPTIONS


def speak_chosen_language() -> None:
    """Translate the output when the setting or the locale asks for Dutch: the catalogue is
    read only then, and only when the first text is shown. English costs one small read of
    settings.toml; plain os.path, as --help and --version load no pathlib."""
    from smtpeter_desktop import i18n

    language = i18n.chosen_language(i18n.setting_in(home_folder()))
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # resources/ beside the package in a checkout, inside it in a wheel or bundle (assets.py).
    packed = os.path.join(package, "resources")
    resources = (
        packed if os.path.isdir(packed) else os.path.join(os.path.dirname(package), "resources")
    )
    i18n.install_catalogue(os.path.join(resources, "translations"), language)


def home_folder() -> str:
    """The app home (``storage.paths.app_home_path``) as text, without pathlib on Linux (the
    others pay for it); it may not exist yet."""
    configured = os.environ.get("SMTPETER_DESKTOP_HOME", "")
    if configured:
        return os.path.expanduser(configured)
    if sys.platform.startswith(("linux", "freebsd", "openbsd")):
        data = os.environ.get("XDG_DATA_HOME", "").strip()
        base = data if data and os.path.isabs(data) else os.path.expanduser("~/.local/share")
        return os.path.join(base, "smtpeter-desktop")
    from smtpeter_desktop.storage import paths

    return str(paths.app_home_path())


def _answered_here(args: Sequence[str]) -> Callable[[], int] | None:
    """The command for a few exact command lines, run without argparse (its import and
    parser are about 12 ms, as much as Python's own start); None for any other, which
    argparse reads: an option, a typo or ``outbox --help`` keep its usual answers."""
    words = tuple(args)
    if words in (("--help",), ("-h",)):
        from smtpeter_desktop.cli import usage

        return usage.print_help
    if words in (("outbox",), ("outbox", "list")):
        from smtpeter_desktop.cli import listings

        return listings.outbox
    if words == ("sent",):
        from smtpeter_desktop.cli import listings

        return listings.sent
    if words in (("profiles",), ("profiles", "list")):
        from smtpeter_desktop.cli import profiles

        return profiles.list_profiles
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(args):
        from smtpeter_desktop.ui import app

        return app.run([*sys.argv[:1], *args])
    if args == ["--version"]:
        print(f"{APP_SLUG} {__version__}")
        return 0
    speak_chosen_language()
    command = _answered_here(args)
    try:
        if command is not None:
            from smtpeter_desktop.cli.common import guarded

            code = guarded(command)
        else:
            from smtpeter_desktop.cli import commands

            code = commands.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``outbox | head``): stop quietly, as other tools do, and keep
        # the interpreter's last flush of stdout from failing again on the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return code


def run() -> NoReturn:
    """The ``smtpeter-desktop`` command (and ``python -m smtpeter_desktop``): ``main``, then
    the process ends.

    A command runs with a lazier cycle collector (see below), and ends without the
    interpreter's teardown, which frees every module and object one by one: 25-50 ms after a
    send, a tenth of it, when everything the command wrote is already out. The exit handlers
    still run (logging's closes the log), then the output is flushed. The window keeps both
    as they are: Qt's own teardown hands the clipboard over.
    """
    args = sys.argv[1:]
    window = _wants_window(args)
    if not window:
        # The default collector took 20-25 ms of a send's 290 ms of CPU; the lazier one
        # still finds the cycles of a long merge in time.
        import gc

        gc.set_threshold(*STARTING_GC)
    code = main(args)
    if window:
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()  # what the interpreter would run first; no public spelling
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or EXIT_BROKEN_PIPE
    os._exit(code)
