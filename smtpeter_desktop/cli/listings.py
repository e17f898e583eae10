"""``outbox`` and ``sent``: the two lists, read straight from the mailbox.

A list should come up as fast as any small tool, so this reads with sqlite3 and
``storage.reading`` alone, not the app's context, Postman or transports; ``cli`` runs the
plain ``outbox``, ``outbox list`` and ``sent`` here without argparse too. A mailbox that needs
something done first (made, upgraded, a send cut off recovered) is opened the full way once.
A stored error or receipt is read with json alone (delivery/stored.py), not the delivery
model that writes it (dataclasses, enum, the mailbox: 25-40 ms), when the list has one to show.
"""

# os.path, not pathlib (about 9 ms): the path stays text.
# ruff: noqa: PTH118
from __future__ import annotations

import contextlib
import os
import sqlite3

from smtpeter_desktop import cli
from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, when
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import reading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from smtpeter_desktop.delivery import stored


@contextlib.contextmanager
def _mailbox() -> Iterator[sqlite3.Connection]:
    path = os.path.join(cli.home_folder(), reading.MAILBOX_FILE)
    db = reading.open_current(path)
    if db is None:
        # The full way: it makes or upgrades the mailbox, recovers what a dead process left
        # half-sent, or says what is wrong (a StorageError, said in one line).
        with common.app_context() as context:
            db = reading.connect(str(context.mailbox_path))
    with contextlib.closing(db), reading.said(path):
        yield db


def outbox(args: object = None) -> int:
    """What waits to go, what failed, and what has an unknown outcome; a merge's rows waiting
    to go are one line per merge, its failed and unknown rows stay listed."""
    del args  # argparse's, when it ran: the list takes no options
    with _mailbox() as db:
        merges = reading.unfinished_merges(db)
        hidden = reading.waiting_rows(db)
        waiting = [row for row in reading.summaries(db, reading.OUTBOX) if row[0] not in hidden]
    for job_id, state, name, total, to_go in merges:
        line = translate(
            "cli.mail", "merge {id:>3} {state:<8} {open:,} of {total:,} rows to go  {name}"
        )
        print(line.format(id=job_id, state=state, open=to_go, total=total, name=name))
    if not waiting and not merges:
        print(translate("cli.mail", "The outbox is empty."))
    for row in waiting:
        id, state, _, subject, recipients, _, updated, not_before, retry_at, _, _, error = row[:12]
        subject = subject or translate("cli.mail", "(no subject)")
        line = translate("cli.mail", "{id:>5}  {state:<8} {when}  {subject} — to {recipients}")
        print(
            line.format(
                id=id, state=state, when=when(updated), subject=subject, recipients=recipients
            )
        )
        if state == "queued" and retry_at:
            print(translate("cli.mail", "       next try after {when}").format(when=when(retry_at)))
        elif state == "queued" and not_before:
            print(translate("cli.mail", "       goes after {when}").format(when=when(not_before)))
        if error:
            # Only for a stored error: json, and re with it, are about 5 ms of every list.
            from smtpeter_desktop.delivery import stored

            print(f"       {stored.error_text(error)}")
    return EXIT_OK


def sent(args: object = None) -> int:
    """Sent mail, newest first, with SMTPeter's message ids and what each server said."""
    del args
    with _mailbox() as db:
        rows = reading.summaries(db, ("sent",), extra=", receipt")
    if not rows:
        print(translate("cli.mail", "Nothing sent yet."))
    for row in rows:
        id, subject, recipients = row[0], row[3], row[4]
        sent_at, delivery, receipt_text = row[12:15]
        print(
            translate("cli.mail", "{id:>5}  {when}  {subject} — to {recipients}{delivery}").format(
                id=id,
                when=when(sent_at),
                subject=subject or translate("cli.mail", "(no subject)"),
                recipients=recipients,
                delivery=f"  [{delivery}]" if delivery else "",
            )
        )
        if receipt_text:
            _print_receipt(_receipt(id, receipt_text))
    return EXIT_OK


def _receipt(id: int, text: str) -> stored.Receipt:
    """The receipt stored with message ``id``, as ``Postman.receipt_of`` reads it."""
    # Only for a stored receipt: json, and re with it, are about 5 ms of every list.
    from smtpeter_desktop.delivery import stored

    try:
        return stored.receipt(text)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        # Only this app writes receipts: the row was changed by hand or another program.
        raise reading.damaged(id, "receipt") from exc


def _print_receipt(receipt: stored.Receipt) -> None:
    for message_id, recipient in receipt.message_ids:
        print(f"       {recipient}: {message_id}")
    if receipt.reply:
        print(translate("cli.mail", "       server: {reply}").format(reply=receipt.reply))
    for address, code, text in receipt.refused:
        print(
            translate("cli.mail", "       {address}: refused ({code} {text})").format(
                address=address, code=code, text=text
            )
        )
    for address, code, text in receipt.deferred:
        print(
            translate(
                "cli.mail",
                "       {address}: put off for now ({code} {text}); it goes to them "
                "alone from the outbox",
            ).format(address=address, code=code, text=text)
        )
