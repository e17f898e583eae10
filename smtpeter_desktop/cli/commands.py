"""The commands: the parser of every command line, and running the one asked for.

A mistake the user can fix ends with one clear line on stderr and a documented exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from smtpeter_desktop import APP_NAME, APP_SLUG, __version__
from smtpeter_desktop.cli import build, check, drafts, mail, merge, profiles, send
from smtpeter_desktop.cli.common import (
    EXIT_AUTH,
    EXIT_BAD_INPUT,
    EXIT_CODES,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Parser,
    Subparsers,
    UsageError,
    fail,
)
from smtpeter_desktop.compose.errors import ComposeError

Handler = Callable[[argparse.Namespace], int]


def _add_sandbox(commands: Subparsers) -> None:
    from smtpeter_desktop.sandbox import command

    parser = commands.add_parser(
        "sandbox",
        help="run a local stand-in for SMTPeter that delivers nothing",
        description="Run SMTPeter's SMTP and REST APIs on this computer, keeping every message "
        "they accept in a folder instead of delivering it.",
    )
    command.add_arguments(parser)
    parser.set_defaults(handler=_run_sandbox)


def _run_sandbox(args: argparse.Namespace) -> int:
    from smtpeter_desktop.sandbox import command
    from smtpeter_desktop.storage import paths

    return command.run(args, default_data_dir=paths.app_home() / "sandbox")


def _desktop_entry(args: argparse.Namespace) -> int:
    from smtpeter_desktop import desktop_entry

    try:
        if args.uninstall_desktop_entry:
            paths = desktop_entry.uninstall(system=args.system)
        else:
            paths = desktop_entry.install(system=args.system, exec_path=args.exec_path)
    except desktop_entry.DesktopEntryError as exc:
        fail(str(exc))
        return EXIT_FAILED
    verb = "Removed" if args.uninstall_desktop_entry else "Wrote"
    for path in paths:
        print(f"{verb} {path}")
    return EXIT_OK


def build_parser() -> Parser:
    parser = Parser(
        prog=APP_SLUG,
        description=f"{APP_NAME}: write mail in Markdown and send it through SMTPeter. "
        "With no command, the window opens.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    menu = parser.add_argument_group("applications menu (Linux)")
    action = menu.add_mutually_exclusive_group()
    action.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the app to the applications menu, with its icon",
    )
    action.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="remove it from the menu again"
    )
    menu.add_argument(
        "--system", action="store_true", help="for every user (/usr/local/share; needs root)"
    )
    menu.add_argument(
        "--exec", dest="exec_path", metavar="PATH", help="the program the menu starts"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    build.register(commands)
    send.register(commands)
    merge.register(commands)
    check.register(commands)
    profiles.register(commands)
    mail.register(commands)
    drafts.register(commands)
    _add_sandbox(commands)
    return parser


def run(args_list: Sequence[str]) -> int:
    """Run the command ``args_list`` names (the program's arguments, without its name)."""
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(args)
    if args.system or args.exec_path:
        parser.error("--system and --exec go with --install-desktop-entry")
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    from smtpeter_desktop.storage.errors import KeyringUnavailable, StorageError

    try:
        return handler(args)
    except KeyringUnavailable as exc:
        fail(str(exc))
        return EXIT_AUTH
    except (UsageError, ComposeError, StorageError) as exc:
        fail(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        fail("interrupted")
        return EXIT_INTERRUPTED
