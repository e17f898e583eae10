"""``build``: a Markdown file to a complete e-mail message (.eml), and the draft from the
message arguments that ``send`` shares (``arguments.add_message_arguments``)."""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from smtpeter_desktop.cli.common import EXIT_OK, UsageError
from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.i18n import translate


def _read_markdown(spec: str, stdin: TextIO) -> tuple[str, str]:
    """The Markdown text and the folder its relative image paths are read from."""
    if spec == "-":
        return stdin.read(), str(Path.cwd())
    path = Path(spec)
    try:
        return path.read_text(encoding="utf-8"), str(path.resolve().parent)
    except FileNotFoundError:
        raise UsageError(
            translate("cli.build", "the Markdown file {spec} does not exist").format(spec=spec)
        ) from None
    except UnicodeDecodeError:
        raise UsageError(
            translate("cli.build", "the Markdown file {spec} is not UTF-8 text").format(spec=spec)
        ) from None
    except OSError as exc:
        raise UsageError(
            translate("cli.build", "the Markdown file {spec} cannot be read: {strerror}").format(
                spec=spec, strerror=exc.strerror
            )
        ) from None


def draft_from_args(args: argparse.Namespace, stdin: TextIO) -> Draft:
    body, base_dir = _read_markdown(args.markdown, stdin)
    attachments = []
    for name in args.attach:
        path = Path(name)
        if not path.is_file():
            raise UsageError(
                translate(
                    "cli.build", "the attachment {path} does not exist or is not a file"
                ).format(path=path)
            )
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


_STDOUT = ("-", "/dev/stdout")


@contextlib.contextmanager
def _output(spec: str) -> Iterator[BinaryIO]:
    """Where the message goes: standard output, a file, or a device or pipe written in place.

    A file is written next to its place and renamed into it, so a failure leaves no half a
    file; a device or a named pipe must never be replaced by a file.
    """
    if spec in _STDOUT:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path = Path(spec)
    try:
        existing = path.stat()
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise UsageError(
            translate("cli.build", "{spec} cannot be written: {strerror}").format(
                spec=spec, strerror=exc.strerror
            )
        ) from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise UsageError(
            translate("cli.build", "{spec} is a folder: give a file name, e.g. {value}").format(
                spec=spec, value=path / "message.eml"
            )
        )
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        try:
            with path.open("wb") as out:
                yield out
        except OSError as exc:
            raise UsageError(
                translate("cli.build", "{spec} cannot be written: {strerror}").format(
                    spec=spec, strerror=exc.strerror
                )
            ) from None
        return
    with _atomic_output(path) as out:
        yield out


@contextlib.contextmanager
def _atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Write next to ``path`` and rename into place, so a failure leaves no half a file."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UsageError(
            translate("cli.build", "the folder {folder} does not exist").format(folder=folder)
        )
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(
            translate("cli.build", "{path} cannot be written: {strerror}").format(
                path=path, strerror=exc.strerror
            )
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
        Path(temp).replace(path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise UsageError(
            translate("cli.build", "{path} cannot be written: {strerror}").format(
                path=path, strerror=exc.strerror
            )
        ) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    from smtpeter_desktop.compose import mime

    draft = draft_from_args(args, sys.stdin)
    with _output(args.output) as out:
        built = mime.write_message(draft, out)
    recipients = len(built.envelope.recipients)
    where = translate("cli.build", "standard output") if args.output in _STDOUT else args.output
    # With the message on standard output, the summary must not be mixed into it.
    # One sentence for one recipient and one for more: languages differ in more than an "s".
    wrote = (
        translate("cli.build", "Wrote {where} ({size:,} bytes, 1 recipient).")
        if recipients == 1
        else translate("cli.build", "Wrote {where} ({size:,} bytes, {recipients} recipients).")
    )
    print(
        wrote.format(where=where, size=built.size, recipients=recipients),
        file=sys.stderr if args.output in _STDOUT else sys.stdout,
    )
    return EXIT_OK
