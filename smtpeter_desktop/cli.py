"""The command line; with no arguments it opens the window.

Every command runs without a display and without importing Qt; the window is imported only
when it is asked for. A mistake the user can fix ends with one clear line on stderr and exit
code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO

from smtpeter_desktop import APP_NAME, APP_SLUG, __version__
from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.errors import ComposeError

EXIT_OK = 0
EXIT_BAD_INPUT = 2

EPILOG = """\
Exit codes: 0 done; 2 bad input (the message says what to fix).
With no command, the window opens.
"""


class UsageError(Exception):
    """Bad input on the command line: printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One clear line instead of argparse's usage block: the fix is in the message.
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see --help)\n")


Handler = Callable[[argparse.Namespace], int]


def _add_build(commands: argparse._SubParsersAction[_Parser]) -> None:
    parser = commands.add_parser(
        "build",
        help="write a Markdown file as an e-mail message (.eml)",
        description="Turn a Markdown file into a complete e-mail message and save it as .eml.",
    )
    _add_message_arguments(parser)
    parser.add_argument(
        "--output", "-o", required=True, type=Path, metavar="FILE.eml", help="where to write it"
    )
    parser.set_defaults(handler=_run_build)


def _add_message_arguments(
    parser: argparse.ArgumentParser, *, sender_required: bool = True
) -> None:
    parser.add_argument(
        "--from",
        dest="sender",
        required=sender_required,
        metavar="ADDR",
        help='who it is from, e.g. "Ann Lee <ann@example.com>"',
    )
    for flag, help_text in (
        ("--to", "recipients; repeat the option or separate with commas"),
        ("--cc", "visible copies"),
        ("--bcc", "blind copies: in the envelope, never in the header"),
        ("--reply-to", "where replies go"),
    ):
        parser.add_argument(flag, action="append", default=[], metavar="ADDR", help=help_text)
    parser.add_argument("--subject", required=True, help="the subject line")
    parser.add_argument(
        "--markdown",
        required=True,
        metavar="FILE",
        help="the message text in Markdown; - reads standard input",
    )
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="attach a file (repeatable)",
    )


def _read_markdown(spec: str, stdin: TextIO) -> tuple[str, str]:
    """The Markdown text and the folder its relative image paths are read from."""
    if spec == "-":
        return stdin.read(), str(Path.cwd())
    path = Path(spec)
    try:
        return path.read_text(encoding="utf-8"), str(path.resolve().parent)
    except FileNotFoundError:
        raise UsageError(f"the Markdown file {spec} does not exist") from None
    except UnicodeDecodeError:
        raise UsageError(f"the Markdown file {spec} is not UTF-8 text") from None
    except OSError as exc:
        raise UsageError(f"the Markdown file {spec} cannot be read: {exc.strerror}") from None


def draft_from_args(args: argparse.Namespace, stdin: TextIO) -> Draft:
    body, base_dir = _read_markdown(args.markdown, stdin)
    attachments = []
    for path in args.attach:
        if not path.is_file():
            raise UsageError(f"the attachment {path} does not exist or is not a file")
        attachments.append(Attachment(path=str(path.resolve())))
    return Draft(
        sender=args.sender or "",
        to=", ".join(args.to),
        cc=", ".join(args.cc),
        bcc=", ".join(args.bcc),
        reply_to=", ".join(args.reply_to),
        subject=args.subject,
        body=body,
        attachments=tuple(attachments),
        base_dir=base_dir,
    )


@contextlib.contextmanager
def _atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write next to ``path`` and rename into place, so a failure leaves no half a file."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(f"the folder {folder} does not exist")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _run_build(args: argparse.Namespace) -> int:
    from smtpeter_desktop.compose import mime

    draft = draft_from_args(args, sys.stdin)
    with _atomic_output(args.output) as out:
        built = mime.write_message(draft, out)
    recipients = len(built.envelope.recipients)
    print(
        f"Wrote {args.output} ({built.size:,} bytes, {recipients} "
        f"recipient{'s' if recipients != 1 else ''})."
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=APP_SLUG,
        description=f"{APP_NAME}: write mail in Markdown and send it through SMTPeter.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    _add_build(commands)
    return parser


def _open_window() -> int:
    import importlib

    app = importlib.import_module("smtpeter_desktop.ui.app")
    return int(app.run(sys.argv[:1]))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        return _open_window()
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return handler(args)
    except (UsageError, ComposeError) as exc:
        print(f"{parser.prog}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"{parser.prog}: interrupted", file=sys.stderr)
        return 130
