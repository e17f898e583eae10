"""The top-level ``--help``: the table of commands and options, and its text without argparse.

``arguments.build_parser`` builds the top-level parser from these tables, and ``--help`` alone
prints :func:`format_help`, which lays the same tables out as argparse's HelpFormatter does
(its usage wrapping, columns and textwrap), without argparse's import and parser (about
12 ms, as much as Python's own start). tests/cli/test_usage.py holds the two texts equal at
several widths, in English and Dutch, so they cannot drift apart.
"""

from __future__ import annotations

import sys

from smtpeter_desktop import APP_NAME, APP_SLUG, __version__
from smtpeter_desktop.cli.common import EXIT_CODES, columns
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate

TYPE_CHECKING = False  # typing: 6 ms of every --help, for the type checkers only
if TYPE_CHECKING:
    from typing import Any

MENU = QT_TRANSLATE_NOOP("cli.arguments", "applications menu (Linux)")
TIMER = QT_TRANSLATE_NOOP("cli.arguments", "sending scheduled mail while the window is closed")

# The options before the commands, in --help's order: (group title, None for argparse's own
# "options"; either-or with the option next to it; the flag; what argparse is told of it
# besides its help; its help).
_SWITCH: dict[str, Any] = {"action": "store_true"}
OPTIONS: tuple[tuple[str | None, bool, str, dict[str, Any], str], ...] = (
    (
        None,
        False,
        "--version",
        {"action": "version", "version": f"%(prog)s {__version__}"},
        QT_TRANSLATE_NOOP("cli.arguments", "show the version and exit"),
    ),
    (
        MENU,
        True,
        "--install-desktop-entry",
        _SWITCH,
        QT_TRANSLATE_NOOP("cli.arguments", "add the app to the applications menu, with its icon"),
    ),
    (
        MENU,
        True,
        "--uninstall-desktop-entry",
        _SWITCH,
        QT_TRANSLATE_NOOP("cli.arguments", "remove it from the menu again"),
    ),
    (
        MENU,
        False,
        "--system",
        _SWITCH,
        QT_TRANSLATE_NOOP("cli.arguments", "for every user (/usr/local/share; needs root)"),
    ),
    (
        MENU,
        False,
        "--exec",
        {"dest": "exec_path", "metavar": "PATH"},
        QT_TRANSLATE_NOOP("cli.arguments", "the program the menu starts"),
    ),
    (
        MENU,
        False,
        "--with-send-due",
        _SWITCH,
        QT_TRANSLATE_NOOP(
            "cli.arguments",
            "with --install-desktop-entry: also install the send-due timer (below), so "
            "scheduled mail goes while the window is closed; with --uninstall-desktop-entry: "
            "remove it too",
        ),
    ),
    (
        TIMER,
        True,
        "--install-send-due",
        _SWITCH,
        QT_TRANSLATE_NOOP(
            "cli.arguments",
            "run `outbox send-due` every minute: a systemd user timer, or an autostart "
            "entry where systemd --user is not available (Linux)",
        ),
    ),
    (
        TIMER,
        True,
        "--uninstall-send-due",
        _SWITCH,
        QT_TRANSLATE_NOOP("cli.arguments", "remove that timer again"),
    ),
)

# Each command and its line in --help; arguments.py adds the rest of its parser.
COMMANDS: tuple[tuple[str, str], ...] = (
    (
        "build",
        QT_TRANSLATE_NOOP("cli.arguments", "write a Markdown file as an e-mail message (.eml)"),
    ),
    ("send", QT_TRANSLATE_NOOP("cli.arguments", "send a Markdown file as an e-mail message")),
    (
        "merge",
        QT_TRANSLATE_NOOP(
            "cli.arguments", "send one Markdown message to each person of a list, personalised"
        ),
    ),
    (
        "check",
        QT_TRANSLATE_NOOP(
            "cli.arguments",
            "check a message before sending: sender domain, links, HTML, spam score",
        ),
    ),
    ("profiles", QT_TRANSLATE_NOOP("cli.arguments", "manage the accounts mail is sent with")),
    (
        "outbox",
        QT_TRANSLATE_NOOP(
            "cli.arguments", "list, retry, edit or discard messages that have not gone out"
        ),
    ),
    ("sent", QT_TRANSLATE_NOOP("cli.arguments", "list sent mail with SMTPeter's message ids")),
    (
        "status",
        QT_TRANSLATE_NOOP(
            "cli.arguments", "fetch a sent message's delivery events from SMTPeter (REST profiles)"
        ),
    ),
    ("drafts", QT_TRANSLATE_NOOP("cli.arguments", "list, show or delete saved drafts")),
    (
        "signatures",
        QT_TRANSLATE_NOOP(
            "cli.arguments", "list, add or remove signatures, and choose each sender's default"
        ),
    ),
    (
        "templates",
        QT_TRANSLATE_NOOP(
            "cli.arguments",
            "list, save, show, rename or delete templates; --remote: SMTPeter's own",
        ),
    ),
    (
        "sandbox",
        QT_TRANSLATE_NOOP(
            "cli.arguments", "run a local stand-in for SMTPeter that delivers nothing"
        ),
    ),
)
COMMAND_METAVAR = "COMMAND"


def description() -> str:
    return translate(
        "cli.arguments",
        "{APP_NAME}: write mail in Markdown and send it through SMTPeter. With "
        "no command, the window opens.",
    ).format(APP_NAME=APP_NAME)


def print_help() -> int:
    """``--help``: the text argparse would print, and its exit code."""
    sys.stdout.write(format_help(columns() - 2))
    return 0


def format_help(width: int) -> str:
    """The top-level help as ``argparse.HelpFormatter(width=width)`` lays it out."""
    # textwrap is what argparse wraps help with; it brings re (about 6 ms), which is
    # needed here for argparse's own whitespace rule too.
    import re
    import textwrap

    def wrap(text: str, width: int) -> list[str]:
        return textwrap.wrap(re.sub(r"\s+", " ", text, flags=re.ASCII).strip(), width)

    options = [
        ("-h, --help", translate("argparse", "show this help message and exit"), None),
        *(
            (f"{flag} {told.get('metavar', '')}".strip(), translate("cli.arguments", text), title)
            for title, _, flag, told, text in OPTIONS
        ),
    ]
    commands = [(name, translate("cli.arguments", text)) for name, text in COMMANDS]
    longest = max(
        *(len(flag) + 2 for flag, _, _ in options),
        len(COMMAND_METAVAR) + 2,
        # argparse counts a command's indent as its group's (2), not its own (4).
        *(len(name) + 2 for name, _ in commands),
    )
    help_position = min(longest + 2, min(24, max(width - 20, 4)))
    help_width = max(width - help_position, 11)

    def entry(indent: int, header: str, text: str) -> str:
        lines = wrap(text, help_width)
        room = help_position - indent - 2
        if len(header) <= room:
            first = " " * indent + header.ljust(room) + "  "
        else:
            first = " " * indent + header + "\n" + " " * help_position
        return first + "\n".join([lines[0], *(" " * help_position + line for line in lines[1:])])

    sections: dict[str | None, list[str]] = {}
    for header, text, title in options:
        sections.setdefault(title, []).append(entry(2, header, text))
    parts = [_usage(width), description() + "\n"]
    for title, entries in sections.items():
        heading = (
            translate("argparse", "options") if title is None else translate("cli.arguments", title)
        )
        parts.append(f"{heading}:\n" + "".join(line + "\n" for line in entries))
    listed = "".join(entry(4, name, text) + "\n" for name, text in commands)
    parts.append(f"{translate('cli.arguments', 'commands')}:\n  {COMMAND_METAVAR}\n{listed}")
    parts.append(translate("cli.common", EXIT_CODES))
    return "\n".join(parts).strip("\n") + "\n"


def _usage(width: int) -> str:
    """argparse's usage line, wrapped as it wraps it."""
    prefix = translate("argparse", "usage: ")
    optional = ["[-h]"]
    in_pair = False
    for index, (_, either, flag, told, _) in enumerate(OPTIONS):
        if either:  # either-or options come in pairs, written as one: [--a | --b]
            in_pair = not in_pair
            if in_pair:
                optional.append(f"[{flag} | {OPTIONS[index + 1][2]}]")
        elif "metavar" in told:
            optional.append(f"[{flag} {told['metavar']}]")
        else:
            optional.append(f"[{flag}]")
    positional = [COMMAND_METAVAR, "..."]
    whole = " ".join([APP_SLUG, *optional, *positional])
    if len(prefix) + len(whole) <= width:
        return f"{prefix}{whole}\n"

    def lines_of(parts: list[str], indent: str, first: str | None = None) -> list[str]:
        lines: list[str] = []
        line: list[str] = []
        length = len(first if first is not None else indent) - 1
        for part in parts:
            if length + 1 + len(part) > width and line:
                lines.append(indent + " ".join(line))
                line = []
                length = len(indent) - 1
            line.append(part)
            length += len(part) + 1
        if line:
            lines.append(indent + " ".join(line))
        if first is not None:
            lines[0] = lines[0][len(indent) :]
        return lines

    if len(prefix) + len(APP_SLUG) <= 0.75 * width:
        indent = " " * (len(prefix) + len(APP_SLUG) + 1)
        lines = lines_of([APP_SLUG, *optional], indent, prefix)
        lines += lines_of(positional, indent)
    else:
        indent = " " * len(prefix)
        lines = lines_of(optional + positional, indent)
        if len(lines) > 1:
            lines = lines_of(optional, indent) + lines_of(positional, indent)
        lines = [APP_SLUG, *lines]
    return prefix + "\n".join(lines) + "\n"
