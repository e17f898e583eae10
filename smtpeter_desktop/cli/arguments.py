"""Every command's arguments, and which function runs it: the parser, and nothing else.

Built on every run of the command line, so it imports argparse and no more: ``--help``
and ``--version`` cost what argparse costs, and a command then imports only the module
that runs it. A command names its function as ``"module:function"`` of ``cli``
(``handler="send:run"``); ``commands.run`` imports that module alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Collection

from smtpeter_desktop import APP_SLUG
from smtpeter_desktop.cli import usage
from smtpeter_desktop.cli.common import EXIT_CODES
from smtpeter_desktop.cli.parser import Parser
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate
from smtpeter_desktop.sandbox import arguments as sandbox_arguments

SEND_TOGGLES = (
    ("track_clicks", QT_TRANSLATE_NOOP("cli.arguments", "rewrite links to count clicks")),
    ("track_opens", QT_TRANSLATE_NOOP("cli.arguments", "count opens")),
    (
        "inline_css",
        QT_TRANSLATE_NOOP("cli.arguments", "let SMTPeter move <style> rules into the elements"),
    ),
    ("track_bounces", QT_TRANSLATE_NOOP("cli.arguments", "let SMTPeter handle bounces")),
)


def build_parser(args: Collection[str] | None = None) -> Parser:
    """The parser of the command line ``args``; with None, every command's in full.

    Only the commands named in ``args`` get their arguments: the rest need just their line
    in ``--help``, and argparse takes about 0.1 ms for each argument it adds. A command is
    always named by its exact word, so the one chosen is always built in full.
    """
    parser = Parser(
        prog=APP_SLUG,
        description=usage.description(),
        epilog=translate("cli.common", EXIT_CODES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        # Else `send --in 1h` would be read as an abbreviation of --install-...
        allow_abbrev=False,
    )
    groups: dict[str | None, argparse._ActionsContainer] = {None: parser}
    pair: argparse._MutuallyExclusiveGroup | None = None
    for title, exclusive, flag, told, help_text in usage.OPTIONS:
        if title is not None and title not in groups:
            groups[title] = parser.add_argument_group(translate("cli.arguments", title))
        group = groups[title]
        if exclusive:  # either-or options come in pairs; the first makes the pair's group
            if pair is None:
                group = pair = group.add_mutually_exclusive_group()
            else:
                group, pair = pair, None
        group.add_argument(flag, help=translate("cli.arguments", help_text), **told)
    commands = parser.add_subparsers(
        title=translate("cli.arguments", "commands"),
        metavar=usage.COMMAND_METAVAR,
        parser_class=Parser,
    )
    for name, help_text in usage.COMMANDS:
        command = commands.add_parser(name, help=translate("cli.arguments", help_text))
        if args is None or name in args:
            _ARGUMENTS[name](command)
    return parser


def _build(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments", "Turn a Markdown file into a complete e-mail message and save it as .eml."
    )
    add_message_arguments(parser)
    parser.add_argument(
        "--output",
        "-o",
        required=True,
        metavar="FILE.eml",
        help=translate(
            "cli.arguments", "where to write it; - (or /dev/stdout) writes to standard output"
        ),
    )
    parser.set_defaults(handler="build:run")


def add_message_arguments(
    parser: argparse.ArgumentParser, *, sender_required: bool = True, body_required: bool = True
) -> None:
    parser.add_argument(
        "--from",
        dest="sender",
        required=sender_required,
        metavar="ADDR",
        help=translate("cli.arguments", 'who it is from, e.g. "Ann Lee <ann@example.com>"'),
    )
    for flag, help_text in (
        (
            "--to",
            translate("cli.arguments", "recipients; repeat the option or separate with commas"),
        ),
        ("--cc", translate("cli.arguments", "visible copies")),
        ("--bcc", translate("cli.arguments", "blind copies: in the envelope, never in the header")),
        ("--reply-to", translate("cli.arguments", "where replies go")),
    ):
        parser.add_argument(flag, action="append", default=[], metavar="ADDR", help=help_text)
    parser.add_argument(
        "--subject", required=body_required, help=translate("cli.arguments", "the subject line")
    )
    parser.add_argument(
        "--markdown",
        required=body_required,
        metavar="FILE",
        help=translate("cli.arguments", "the message text in Markdown; - reads standard input"),
    )
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="FILE",
        help=translate("cli.arguments", "attach a file (repeatable)"),
    )


def _send(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments",
        "Build a message from Markdown, check it, and send it through a profile. "
        "A message that cannot go now stays in the outbox.",
    )
    _with_exit_codes(parser)
    parser.add_argument(
        "--profile",
        required=True,
        metavar="NAME",
        help=translate("cli.arguments", "the profile to send with"),
    )
    add_message_arguments(parser, sender_required=False, body_required=False)
    add_option_arguments(parser)
    _writer_arguments(parser)
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin",
        action="store_true",
        help=translate(
            "cli.arguments",
            (
                "read the SMTP password from standard input, for this command only "
                "(instead of a stored one; for scripts, or when no keyring works)"
            ),
        ),
    )
    secret.add_argument(
        "--token-stdin",
        action="store_true",
        help=translate(
            "cli.arguments", "read the REST API token from standard input, for this command only"
        ),
    )
    parser.add_argument(
        "--yes", "-y", action="store_true", help=translate("cli.arguments", "send despite warnings")
    )
    parser.set_defaults(handler="send:run")


def _writer_arguments(parser: argparse.ArgumentParser) -> None:
    """Templates, signatures, sending later and the give-up time (issue 16)."""
    template = parser.add_mutually_exclusive_group()
    template.add_argument(
        "--template",
        metavar="NAME",
        help=translate(
            "cli.arguments",
            (
                "start from this local template (see `templates`); the options given here "
                "(--to, --subject, --markdown, --attach...) change or add to it"
            ),
        ),
    )
    template.add_argument(
        "--smtpeter-template",
        metavar="ID",
        help=translate(
            "cli.arguments",
            (
                "send one of SMTPeter's own templates (REST accounts; see `templates --remote`) "
                "to --to, its placeholders filled from --data"
            ),
        ),
    )
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=translate("cli.arguments", "a value for the SMTPeter template's {$KEY} (repeatable)"),
    )
    signature = parser.add_mutually_exclusive_group()
    signature.add_argument(
        "--signature",
        metavar="NAME",
        help=translate(
            "cli.arguments",
            "put this signature below the text (default: the sender's default signature)",
        ),
    )
    signature.add_argument(
        "--no-signature",
        action="store_true",
        help=translate("cli.arguments", "no signature, not even the default"),
    )
    add_schedule_arguments(parser)
    parser.add_argument(
        "--give-up-after",
        metavar="'YYYY-MM-DD HH:MM'",
        # The words of compose.options.MAX_DELIVER_TIME_NOTE (not imported: --help stays light).
        help=translate(
            "cli.arguments",
            (
                "Give up after: SMTPeter stops trying to deliver after this time (REST "
                "accounts only; SMTPeter has no SMTP header for it). In your own time; sent "
                "to SMTPeter in UTC."
            ),
        ),
    )


def add_schedule_arguments(parser: argparse.ArgumentParser) -> None:
    """``--at`` and ``--in``, shared by ``send`` and ``outbox reschedule``."""
    parser.add_argument(
        "--at",
        metavar="'YYYY-MM-DD HH:MM'",
        help=translate(
            "cli.arguments",
            "send at this time, in your own time zone; the app holds the message until then",
        ),
    )
    parser.add_argument(
        "--in",
        dest="delay",
        metavar="DELAY",
        help=translate("cli.arguments", "send after a delay: 30m, 2h, 1d"),
    )


def add_option_arguments(parser: argparse.ArgumentParser) -> None:
    """The SMTPeter options of one message, each defaulting to the profile's (``check`` too)."""
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help=translate("cli.arguments", "an SMTPeter tag (repeatable)"),
    )
    for name, help_text in SEND_TOGGLES:
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=translate("cli.arguments", "{help_text} (default: the profile's setting)").format(
                help_text=translate("cli.arguments", help_text)
            ),
        )
    parser.add_argument(
        "--prevent-scam",
        action="store_true",
        default=None,
        help=translate("cli.arguments", "leave links alone whose text is itself a web address"),
    )
    parser.add_argument(
        "--hosted-images",
        action="store_true",
        default=None,
        help=translate("cli.arguments", "let SMTPeter host the images"),
    )
    parser.add_argument(
        "--unsubscribe-url",
        metavar="URL",
        help=translate(
            "cli.arguments",
            "a List-Unsubscribe web address (https://...) for readers to leave the list",
        ),
    )
    parser.add_argument(
        "--unsubscribe-email",
        metavar="ADDR",
        help=translate("cli.arguments", "a List-Unsubscribe address to write to"),
    )
    parser.add_argument(
        "--one-click",
        dest="unsubscribe_oneclick",
        action="store_true",
        default=None,
        help=translate(
            "cli.arguments",
            (
                "RFC 8058 one-click unsubscribe with --unsubscribe-url (Gmail and Yahoo ask it "
                "of bulk senders)"
            ),
        ),
    )


CHECK_EXIT_CODES = QT_TRANSLATE_NOOP(
    "cli.arguments",
    """exit codes:
  0  nothing blocks the send (warnings and notes may be listed)
  1  something blocks it (or, with --strict, something warns): see the lines marked BLOCKS
  2  bad input: the check could not run; the message says what to fix
""",
)


def _check(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments",
        "Say everything that would stop or spoil a message, without sending it: "
        "whether the From domain is a sender domain of the account with its DNS in order, "
        "what SMTPeter will change (tracked links, the open pixel, hosted images), what mail "
        "programs drop, links that look wrong, SpamAssassin's score, and missing parts.",
    )
    parser.epilog = translate("cli.arguments", CHECK_EXIT_CODES)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--profile",
        required=True,
        metavar="NAME",
        help=translate("cli.arguments", "the account to check on"),
    )
    parser.add_argument(
        "--markdown",
        required=True,
        metavar="FILE",
        help=translate("cli.arguments", "the message text in Markdown; - reads standard input"),
    )
    parser.add_argument(
        "--from",
        dest="sender",
        metavar="ADDR",
        help=translate("cli.arguments", "who it is from (default: the profile's)"),
    )
    for flag in ("--to", "--cc", "--bcc", "--reply-to"):
        parser.add_argument(
            flag,
            action="append",
            default=[],
            metavar="ADDR",
            help=translate("cli.arguments", "as for send (repeatable)"),
        )
    parser.add_argument(
        "--subject", default="", help=translate("cli.arguments", "the subject line")
    )
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="FILE",
        help=translate("cli.arguments", "attach a file"),
    )
    add_option_arguments(parser)
    parser.add_argument(
        "--json", action="store_true", help=translate("cli.arguments", "print the findings as JSON")
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help=translate(
            "cli.arguments",
            "ask SMTPeter about the sender domain again (its answers are kept a day)",
        ),
    )
    parser.add_argument(
        "--no-spam",
        dest="spam",
        action="store_false",
        help=translate("cli.arguments", "skip SpamAssassin (it takes a second)"),
    )
    parser.add_argument(
        "--check-links",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=translate(
            "cli.arguments",
            (
                "ask each web link's server whether the page is there, a HEAD request per link "
                "(default: the check_links_online setting, off unless you turned it on)"
            ),
        ),
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=translate("cli.arguments", "exit 1 on warnings too, not only what blocks"),
    )
    parser.set_defaults(handler="check:run")


def _profiles(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments",
        "Profiles hold how to reach SMTPeter; their passwords and tokens are kept "
        "in the system keyring, never in a file.",
    )
    actions = parser.add_subparsers(
        title=translate("cli.arguments", "actions"), metavar="ACTION", parser_class=Parser
    )
    parser.set_defaults(handler="profiles:list_profiles")

    add = actions.add_parser(
        "add", help=translate("cli.arguments", "add a profile for the SMTP or the REST API")
    )
    add.add_argument("name", help=translate("cli.arguments", "what to call it"))
    kind = add.add_mutually_exclusive_group(required=True)
    kind.add_argument(
        "--smtp",
        metavar="HOST[:PORT]",
        help=translate("cli.arguments", "SMTP server, e.g. mail.smtpeter.com"),
    )
    kind.add_argument(
        "--rest", action="store_true", help=translate("cli.arguments", "use SMTPeter's REST API")
    )
    add.add_argument(
        "--security",
        choices=("starttls", "tls"),
        help=translate(
            "cli.arguments",
            "STARTTLS (ports 587, 25, 2525; the default) or TLS from the start (465)",
        ),
    )
    add.add_argument("--username", default="", help=translate("cli.arguments", "the SMTP login"))
    add.add_argument(
        "--url",
        help=translate(
            "cli.arguments",
            "the REST API's base URL (default: SMTPeter's); for an SMTP profile, where "
            "its checks ask (with --check-token-stdin)",
        ),
    )
    add.add_argument(
        "--ca-file",
        default="",
        metavar="FILE",
        help=translate("cli.arguments", "a CA certificate to trust"),
    )
    add.add_argument(
        "--from",
        dest="identities",
        action="append",
        default=[],
        metavar='"NAME <ADDR>"',
        help=translate("cli.arguments", "a sender this profile may use (repeatable)"),
    )
    _secret_arguments(add)
    _check_token_arguments(add)
    add.set_defaults(handler="profiles:_add")

    listing = actions.add_parser(
        "list", help=translate("cli.arguments", "list the profiles (never a secret)")
    )
    listing.set_defaults(handler="profiles:list_profiles")

    remove = actions.add_parser(
        "remove", help=translate("cli.arguments", "remove a profile and its stored secret")
    )
    remove.add_argument("name")
    remove.set_defaults(handler="profiles:_remove")

    rename = actions.add_parser(
        "rename", help=translate("cli.arguments", "rename a profile; its secret stays")
    )
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(handler="profiles:_rename")

    secret = actions.add_parser(
        "set-secret",
        help=translate(
            "cli.arguments", "store a profile's password or token, or its REST token for checks"
        ),
    )
    secret.add_argument("name")
    _secret_arguments(secret)
    _check_token_arguments(secret, forget=True)
    secret.set_defaults(handler="profiles:_set_secret")

    test = actions.add_parser(
        "test",
        help=translate("cli.arguments", "test the connection stage by stage, sending nothing"),
        epilog=translate("cli.common", EXIT_CODES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    test.add_argument("name")
    _secret_arguments(test)
    test.set_defaults(handler="profiles:_test")


def _check_token_arguments(parser: argparse.ArgumentParser, *, forget: bool = False) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--check-token-stdin",
        action="store_true",
        help=translate(
            "cli.arguments",
            (
                "SMTP profiles: read a REST API token from standard input, used only to check "
                "the sender domain before sending (after the password's line when both are given)"
            ),
        ),
    )
    if forget:
        group.add_argument(
            "--forget-check-token",
            action="store_true",
            help=translate(
                "cli.arguments", "SMTP profiles: remove the stored REST token for checks"
            ),
        )


def _secret_arguments(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument(
        "--password-stdin",
        action="store_true",
        help=translate("cli.arguments", "read the SMTP password from standard input"),
    )
    group.add_argument(
        "--token-stdin",
        action="store_true",
        help=translate("cli.arguments", "read the REST API token from standard input"),
    )


def _outbox(outbox: Parser) -> None:
    outbox.description = translate(
        "cli.arguments",
        "Messages waiting to be sent, those that failed, and those whose outcome "
        "is unknown (the server may have taken them).",
    )
    _with_exit_codes(outbox)
    outbox.set_defaults(handler="listings:outbox")
    actions = outbox.add_subparsers(
        title=translate("cli.arguments", "actions"), metavar="ACTION", parser_class=Parser
    )
    actions.add_parser(
        "list", help=translate("cli.arguments", "list the outbox (the default)")
    ).set_defaults(handler="listings:outbox")
    for name, help_text, handler in (
        (
            "retry",
            QT_TRANSLATE_NOOP(
                "cli.arguments", "send it now (after a failure, or once you decided to resend)"
            ),
            "retry",
        ),
        ("discard", QT_TRANSLATE_NOOP("cli.arguments", "delete it without sending"), "discard"),
        (
            "edit",
            QT_TRANSLATE_NOOP("cli.arguments", "make it a draft again, to change it in the window"),
            "edit",
        ),
        (
            "mark-sent",
            QT_TRANSLATE_NOOP(
                "cli.arguments", "you found it arrived: move an unknown message to Sent"
            ),
            "mark_sent",
        ),
    ):
        action = actions.add_parser(name, help=translate("cli.arguments", help_text))
        action.add_argument(
            "id", type=int, help=translate("cli.arguments", "the message's number in the list")
        )
        action.set_defaults(handler=f"mail:_{handler}")
    due = actions.add_parser(
        "send-due",
        help=translate(
            "cli.arguments",
            "send the messages whose time has come, then exit (what the send-due timer runs)",
        ),
        description=translate(
            "cli.arguments",
            (
                "Send every waiting message whose scheduled (or retry) time has passed. "
                "A message another SMTPeter Desktop is sending is left to it. A scheduled message "
                "found more than late_send_limit_hours (settings.toml) after its time is not sent: "
                "it is listed for you to decide."
            ),
        ),
    )
    due.add_argument(
        "--every",
        type=int,
        metavar="SECONDS",
        help=translate(
            "cli.arguments",
            "keep running and look again every SECONDS (for a login session without systemd)",
        ),
    )
    due.set_defaults(handler="mail:_send_due")
    later = actions.add_parser(
        "reschedule", help=translate("cli.arguments", "change when a waiting message goes")
    )
    later.add_argument(
        "id", type=int, help=translate("cli.arguments", "the message's number in the list")
    )
    add_schedule_arguments(later)
    later.add_argument(
        "--now", action="store_true", help=translate("cli.arguments", "send it at the next chance")
    )
    later.set_defaults(handler="mail:_reschedule")
    unschedule = actions.add_parser(
        "unschedule",
        help=translate(
            "cli.arguments", "cancel a scheduled send: the message becomes a draft again"
        ),
    )
    unschedule.add_argument(
        "id", type=int, help=translate("cli.arguments", "the message's number in the list")
    )
    unschedule.set_defaults(handler="mail:_unschedule")


def _sent(parser: Parser) -> None:
    parser.set_defaults(handler="listings:sent")


def _status(parser: Parser) -> None:
    parser.add_argument("id", type=int)
    parser.set_defaults(handler="mail:_status")


def _drafts(drafts: Parser) -> None:
    drafts.description = translate(
        "cli.arguments",
        "Drafts saved by the window (or left by a cancelled send). Nothing here "
        "renders the Markdown, so a draft that troubles the window can still be removed.",
    )
    drafts.set_defaults(handler="drafts:_list")
    actions = drafts.add_subparsers(
        title=translate("cli.arguments", "actions"), metavar="ACTION", parser_class=Parser
    )
    actions.add_parser(
        "list", help=translate("cli.arguments", "list the drafts (the default)")
    ).set_defaults(handler="drafts:_list")
    show = actions.add_parser(
        "show",
        help=translate(
            "cli.arguments",
            "print a draft: its fields, then its Markdown (redirect it to a .md file)",
        ),
    )
    show.add_argument(
        "id", type=int, help=translate("cli.arguments", "the draft's number in the list")
    )
    show.set_defaults(handler="drafts:_show")
    delete = actions.add_parser(
        "delete", help=translate("cli.arguments", "delete a draft for good")
    )
    delete.add_argument(
        "id", type=int, help=translate("cli.arguments", "the draft's number in the list")
    )
    delete.set_defaults(handler="drafts:_delete")


def _signatures(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments",
        "Signatures are Markdown put below a '-- ' line at the end of a message. Each sender "
        "(a profile, or one of its From addresses) may have a default one, which send and the "
        "window put in unless told otherwise.",
    )
    parser.set_defaults(handler="signatures:_list")
    actions = parser.add_subparsers(
        title=translate("cli.arguments", "actions"), metavar="ACTION", parser_class=Parser
    )
    actions.add_parser(
        "list", help=translate("cli.arguments", "list the signatures (the default)")
    ).set_defaults(handler="signatures:_list")
    add = actions.add_parser(
        "add", help=translate("cli.arguments", "add a signature, or replace the one with this name")
    )
    add.add_argument("name")
    add.add_argument(
        "--markdown",
        required=True,
        metavar="FILE",
        help=translate("cli.arguments", "its text, in Markdown"),
    )
    add.set_defaults(handler="signatures:_add")
    remove = actions.add_parser("remove", help=translate("cli.arguments", "remove a signature"))
    remove.add_argument("name")
    remove.set_defaults(handler="signatures:_remove")
    default = actions.add_parser(
        "set-default",
        help=translate(
            "cli.arguments", "the signature a profile (or one of its From addresses) starts with"
        ),
    )
    default.add_argument(
        "name", help=translate("cli.arguments", "the signature; 'none' for no signature")
    )
    default.add_argument("--profile", required=True, metavar="NAME")
    default.add_argument(
        "--from",
        dest="sender",
        default="",
        metavar="ADDR",
        help=translate("cli.arguments", "only for this From address"),
    )
    default.set_defaults(handler="signatures:_set_default")


def _templates(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments",
        "Local templates are messages kept under a name, to start new ones from (send "
        "--template NAME). With --remote --profile P: the templates of that REST account on "
        "SMTPeter (send --smtpeter-template ID --data KEY=VALUE).",
    )
    _remote_arguments(parser)
    parser.set_defaults(handler="templates:_list")
    actions = parser.add_subparsers(
        title=translate("cli.arguments", "actions"), metavar="ACTION", parser_class=Parser
    )
    listing = actions.add_parser(
        "list", help=translate("cli.arguments", "list the templates (the default)")
    )
    _remote_arguments(listing)
    listing.set_defaults(handler="templates:_list")
    save = actions.add_parser(
        "save", help=translate("cli.arguments", "save a message as a template")
    )
    save.add_argument("name")
    save.add_argument(
        "--replace",
        action="store_true",
        help=translate("cli.arguments", "replace a template of that name"),
    )
    save.add_argument(
        "--profile", metavar="NAME", help=translate("cli.arguments", "the profile it is sent with")
    )
    add_message_arguments(save, sender_required=False)
    save.set_defaults(handler="templates:_save")
    show = actions.add_parser(
        "show",
        help=translate(
            "cli.arguments", "print a template: its fields, then its Markdown (or SMTPeter's HTML)"
        ),
    )
    show.add_argument(
        "name", help=translate("cli.arguments", "its name or number (--remote: SMTPeter's id)")
    )
    _remote_arguments(show)
    show.set_defaults(handler="templates:_show")
    rename = actions.add_parser(
        "rename", help=translate("cli.arguments", "give a template another name")
    )
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(handler="templates:_rename")
    delete = actions.add_parser("delete", help=translate("cli.arguments", "delete a template"))
    delete.add_argument("name")
    delete.set_defaults(handler="templates:_delete")


def _remote_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--remote",
        action="store_true",
        help=translate("cli.arguments", "SMTPeter's templates of a REST account"),
    )
    parser.add_argument(
        "--profile",
        dest="remote_profile",
        metavar="NAME",
        help=translate("cli.arguments", "the REST account (--remote)"),
    )


def _sandbox(parser: Parser) -> None:
    sandbox_arguments.add_arguments(parser)
    parser.set_defaults(handler="commands:_run_sandbox")


def _with_exit_codes(parser: Parser) -> None:
    parser.epilog = translate("cli.common", EXIT_CODES)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter


def _merge(parser: Parser) -> None:
    parser.description = translate(
        "cli.arguments",
        "Send one message to every row of a CSV list, each person their own mail, "
        'with placeholders such as {$firstname}, {$name|default:"friend"} and '
        "{if $vip}...{/if}. Every row is checked first; nothing is sent while a row has a "
        "problem. Run the same command again to resume a merge that was stopped.",
    )
    parser.epilog = translate(
        "cli.arguments",
        """exit codes:
  0  done (every row sent)
  2  bad input: the message says what to fix
  3  authentication or TLS: the password, token or certificate was refused
  4  rejected: some rows failed (the results file says which and why)
  5  temporary failure: try later (the message, or its recipients put off for
     now, waits in the outbox)
  6  outcome unknown: the message may have been sent; look before sending again
130  interrupted (Ctrl+C): nothing more was sent; the message is kept, held
""",
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--profile",
        required=True,
        metavar="NAME",
        help=translate("cli.arguments", "the profile to send with"),
    )
    parser.add_argument(
        "--markdown",
        required=True,
        metavar="FILE",
        help=translate("cli.arguments", "the message in Markdown"),
    )
    parser.add_argument(
        "--subject",
        required=True,
        help=translate("cli.arguments", "the subject line, with placeholders"),
    )
    parser.add_argument(
        "--data",
        required=True,
        metavar="FILE.csv",
        help=translate("cli.arguments", "the list, with a header row"),
    )
    parser.add_argument(
        "--from",
        dest="sender",
        metavar="ADDR",
        help=translate("cli.arguments", "who it is from (default: the profile's first sender)"),
    )
    parser.add_argument(
        "--address-column",
        default="",
        metavar="COLUMN",
        help=translate(
            "cli.arguments", "the column with the addresses (default: recognised from the header)"
        ),
    )
    parser.add_argument(
        "--name",
        default="",
        metavar="TEMPLATE",
        help=translate(
            "cli.arguments",
            'the name shown in To, e.g. "{$first} {$last}" (default: the address alone)',
        ),
    )
    parser.add_argument(
        "--pace",
        default="unlimited",
        metavar="N/min",
        help=translate(
            "cli.arguments",
            "at most this many messages a minute, e.g. 60/min or 600/hour (default: unlimited)",
        ),
    )
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="FILE",
        help=translate(
            "cli.arguments",
            (
                "attach a file to every message (repeatable); per-person files go in an "
                "“attachment” column"
            ),
        ),
    )
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help=translate("cli.arguments", "an SMTPeter tag (repeatable)"),
    )
    parser.add_argument(
        "--test-to",
        metavar="ADDR",
        help=translate(
            "cli.arguments", "send one row to ADDR only, its subject starting with [Test], and stop"
        ),
    )
    parser.add_argument(
        "--test-row",
        type=int,
        metavar="N",
        help=translate(
            "cli.arguments",
            "the row --test-to sends, numbered as in a spreadsheet (default: the first)",
        ),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help=translate(
            "cli.arguments",
            "check every row and print the table of rows and problems; send nothing",
        ),
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help=translate(
            "cli.arguments", "send the rows that check and leave the rows with problems"
        ),
    )
    parser.add_argument(
        "--results",
        metavar="FILE.csv",
        help=translate(
            "cli.arguments",
            (
                "write the list with each row's state, message id and error; feed it back in "
                "as --data to send only the rows that did not go"
            ),
        ),
    )
    parser.add_argument(
        "--cancel",
        action="store_true",
        help=translate(
            "cli.arguments",
            "cancel this merge where it was stopped: the rows not sent yet will not be",
        ),
    )
    parser.add_argument(
        "--yes", "-y", action="store_true", help=translate("cli.arguments", "send without asking")
    )
    parser.set_defaults(handler="merge:run")


# What adds the rest of each command's parser (its line in --help is in usage.COMMANDS).
_ARGUMENTS: dict[str, Callable[[Parser], None]] = {
    "build": _build,
    "send": _send,
    "merge": _merge,
    "check": _check,
    "profiles": _profiles,
    "outbox": _outbox,
    "sent": _sent,
    "status": _status,
    "drafts": _drafts,
    "signatures": _signatures,
    "templates": _templates,
    "sandbox": _sandbox,
}
