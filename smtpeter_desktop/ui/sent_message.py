"""A sent message read back from its exact stored bytes (for the viewer), and a forward of
it made into a new draft, its attached files kept where the draft can attach them again."""

from __future__ import annotations

from pathlib import Path

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.message_viewer import ViewedMessage, read_message
from smtpeter_desktop.ui.sent_receipt import json_object, receipt_of


def read_sent(context: AppContext, id: int) -> ViewedMessage:
    """Sent message ``id`` as the viewer shows it, from its exact stored bytes.

    Runs on the pool, so it asks a Postman of its own (the window's belongs to the GUI
    thread).
    """
    with context.postman() as postman:
        record = postman.read(id)
        with postman.open_message(id) as reader:
            raw = reader.read()
    envelope = json_object(record.envelope)
    options = json_object(record.options)
    receipt = receipt_of(record)
    return read_message(
        raw,
        recipients=[str(r) for r in envelope.get("recipients", [])],
        mail_from=str(envelope.get("sender", "")),
        options=options,
        dsn={},
        transport=receipt.transport if receipt is not None else (record.transport or "smtp"),
        captured=False,
    )


def forward_draft(
    original: Draft, message: ViewedMessage, attachments: tuple[Attachment, ...]
) -> Draft:
    """A new draft forwarding ``message``: its headers and its text quoted, its files."""
    headers = dict(message.headers)
    intro = [translate("sent_pane", "---------- Forwarded message ----------")]
    labels = (
        ("From", translate("sent_pane", "From")),
        ("Date", translate("sent_pane", "Date")),
        ("Subject", translate("sent_pane", "Subject")),
        ("To", translate("sent_pane", "To")),
        ("Cc", translate("sent_pane", "Cc")),
    )
    for name, label in labels:
        if headers.get(name):
            intro.append(f"{label}: {headers[name]}  ")
    quoted_text = original.body or message.text
    quoted = "\n".join(f"> {line}" if line else ">" for line in quoted_text.splitlines())
    subject = headers.get("Subject", original.subject)
    if not subject.lower().startswith(("fwd:", "fw:")):
        subject = f"Fwd: {subject}"
    return Draft(
        profile=original.profile,
        sender=original.sender,
        subject=subject,
        body="\n\n" + "\n".join(intro) + "\n\n" + quoted + "\n",
        attachments=attachments,
        options=original.options,
        base_dir=original.base_dir,
    )


def write_attachments(
    folder: Path, attached: tuple[tuple[str, str, bytes], ...]
) -> tuple[Attachment, ...]:
    """Keep each attached file in ``folder`` so the new draft can attach it again."""
    if not attached:
        return ()
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index, (name, content_type, data) in enumerate(attached):
        safe = Path(name).name or f"attachment-{index + 1}"
        path = folder / safe
        if path.exists() and path.read_bytes() != data:
            path = folder / f"{index + 1}-{safe}"
        path.write_bytes(data)
        made.append(Attachment(str(path), name=safe, content_type=content_type))
    return tuple(made)
