"""The commands: running the one asked for, and importing only the module that runs it.

The parser lives in ``arguments`` (argparse alone); each command names its function as
``"module:function"``, so ``outbox`` never imports what ``send`` needs. A mistake the user
can fix ends with one clear line on stderr and a documented exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence

from smtpeter_desktop.cli.arguments import build_parser
from smtpeter_desktop.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, fail, guarded
from smtpeter_desktop.cli.parser import speak_argparse
from smtpeter_desktop.i18n import language, translate

Handler = Callable[[argparse.Namespace], int]


def handler_of(name: str) -> Handler:
    """The function a command names as ``"module:function"`` of ``cli``, its module imported."""
    module, _, function = name.partition(":")
    found: Handler = getattr(importlib.import_module(f"smtpeter_desktop.cli.{module}"), function)
    return found


def _run_sandbox(args: argparse.Namespace) -> int:
    # Imported only for this command: the sandbox's servers take a tenth of a second.
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
    for path in paths:
        if args.uninstall_desktop_entry:
            print(translate("cli.commands", "Removed {path}").format(path=path))
        else:
            print(translate("cli.commands", "Wrote {path}").format(path=path))
    if args.with_send_due:
        return _send_due_timer(args)
    if args.install_desktop_entry and not args.system:
        # Opt-in (issue 16): offered here, installed only when asked for.
        print(
            translate(
                "cli.commands",
                "Scheduled mail goes out while the window is open. To send it while the window "
                "is closed too, add --with-send-due (or run smtpeter-desktop --install-send-due).",
            )
        )
    return EXIT_OK


def _send_due_timer(args: argparse.Namespace) -> int:
    from smtpeter_desktop import send_due_timer

    try:
        if args.uninstall_send_due or args.uninstall_desktop_entry:
            removed = send_due_timer.uninstall()
            for path in removed:
                print(translate("cli.commands", "Removed {path}").format(path=path))
            if not removed:
                print(translate("cli.commands", "The send-due timer was not installed."))
            return EXIT_OK
        done = send_due_timer.install([args.exec_path] if args.exec_path else None)
    except send_due_timer.TimerError as exc:
        fail(str(exc))
        return EXIT_FAILED
    for path in done.paths:
        print(translate("cli.commands", "Wrote {path}").format(path=path))
    if done.kind == "systemd":
        print(
            translate("cli.commands", "The systemd user timer sends scheduled mail every minute.")
        )
    else:
        print(
            translate(
                "cli.commands",
                (
                    "systemd --user is not available here: an autostart entry sends scheduled mail "
                    "every minute while you are logged in (from your next login)."
                ),
            )
        )
    return EXIT_OK


def run(args_list: Sequence[str]) -> int:
    """Run the command ``args_list`` names (the program's arguments, without its name)."""
    if language() != "en":
        speak_argparse()
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    # Both named at once: one step, the menu entry and then the timer.
    if args.install_send_due and args.install_desktop_entry:
        args.with_send_due = True
    if args.uninstall_send_due and args.uninstall_desktop_entry:
        args.with_send_due = True
    if args.with_send_due:
        if not (args.install_desktop_entry or args.uninstall_desktop_entry):
            parser.error(
                translate(
                    "cli.commands",
                    "--with-send-due goes with --install-desktop-entry (or use --install-send-due)",
                )
            )
        if args.system:
            parser.error(
                translate(
                    "cli.commands",
                    "the send-due timer is each user's own: leave out --system, or install it "
                    "for yourself with --install-send-due",
                )
            )
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _desktop_entry(args)
    if args.install_send_due or args.uninstall_send_due:
        return _send_due_timer(args)
    if args.system or args.exec_path:
        parser.error(
            translate(
                "cli.commands",
                "--system and --exec go with --install-desktop-entry or --install-send-due",
            )
        )
    named: str | None = getattr(args, "handler", None)
    if named is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    return guarded(lambda: handler_of(named)(args))
