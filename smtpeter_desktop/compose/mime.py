"""A ``Draft`` to the exact RFC 5322 bytes that are sent, and the envelope that goes with them.

Structure: multipart/alternative (the Markdown as text/plain, the rendered HTML); the HTML in
multipart/related with its local images as ``cid:`` parts; multipart/mixed around both when
files are attached. Headers use RFC 2047, file names RFC 2231; a Message-ID on the From
domain and a Date. Bcc never appears in the header; it is in the envelope.

Attachments are streamed: the standard library's generator writes the message with a short
placeholder where each file's base64 goes, and ``write_message`` splices the files in as it
writes, so a 20 MB attachment never sits in memory (once as bytes, once as base64 text, once
as the generator's output) on its way to the mailbox.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import os
import re
import secrets
from collections.abc import Iterable
from datetime import datetime
from email import policy as email_policy
from email.generator import BytesGenerator
from email.header import Header
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import BinaryIO

from smtpeter_desktop import APP_NAME, __version__
from smtpeter_desktop.compose import addresses, render
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.errors import AttachmentError, ComposeError, HeaderInjectionError

# 57 raw bytes make one 76-character base64 line; read many lines at a time.
_CHUNK = 57 * 1024
_HEADER_FIELDS = (
    ("sender", "From"),
    ("to", "To"),
    ("cc", "Cc"),
    ("bcc", "Bcc"),
    ("reply_to", "Reply-To"),
    ("subject", "Subject"),
)
_LINE_BREAK = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]")


@dataclasses.dataclass(frozen=True)
class BuiltMessage:
    """What building produced besides the bytes.

    Attributes:
        envelope: sender and every recipient (Bcc included), bare addresses.
        message_id: the Message-ID header's value, with angle brackets.
        size: the number of bytes written.
    """

    envelope: Envelope
    message_id: str
    size: int


@dataclasses.dataclass(frozen=True)
class _Headers:
    sender: addresses.Address
    to: tuple[addresses.Address, ...]
    cc: tuple[addresses.Address, ...]
    bcc: tuple[addresses.Address, ...]
    reply_to: tuple[addresses.Address, ...]

    @property
    def everyone(self) -> tuple[addresses.Address, ...]:
        return (self.sender, *self.to, *self.cc, *self.bcc, *self.reply_to)


def check_header_values(draft: Draft) -> None:
    """Refuse a line break in any header value: it would write headers of its own."""
    for attribute, label in _HEADER_FIELDS:
        if _LINE_BREAK.search(getattr(draft, attribute)):
            raise HeaderInjectionError(label)
    for attachment in draft.attachments:
        if _LINE_BREAK.search(attachment.filename) or _LINE_BREAK.search(attachment.mime_type):
            raise HeaderInjectionError("attachment name")


def read_headers(draft: Draft) -> _Headers:
    check_header_values(draft)
    senders = addresses.parse_address_list(draft.sender, "From")
    if len(senders) != 1:
        raise ComposeError(
            "The message needs exactly one From address.", "Choose who the message is from."
        )
    return _Headers(
        sender=senders[0],
        to=addresses.parse_address_list(draft.to, "To"),
        cc=addresses.parse_address_list(draft.cc, "Cc"),
        bcc=addresses.parse_address_list(draft.bcc, "Bcc"),
        reply_to=addresses.parse_address_list(draft.reply_to, "Reply-To"),
    )


def envelope_of(headers: _Headers) -> Envelope:
    seen: set[str] = set()
    recipients: list[str] = []
    for address in (*headers.to, *headers.cc, *headers.bcc):
        key = address.envelope_address.lower()
        if key not in seen:
            seen.add(key)
            recipients.append(address.envelope_address)
    return Envelope(
        sender=headers.sender.envelope_address,
        recipients=tuple(recipients),
        smtputf8=any(a.needs_smtputf8 for a in headers.everyone),
    )


def _header_address(address: addresses.Address) -> HeaderAddress:
    # By parts: an addr_spec with a non-ASCII local part is refused even in SMTPUTF8 mode.
    local, _, domain = address.envelope_address.rpartition("@")
    return HeaderAddress(display_name=address.name, username=local, domain=domain)


def _set_unstructured(message: EmailMessage, name: str, value: str) -> None:
    if value.isascii():
        message[name] = value
    else:
        # WORKAROUND: the policy's own folder can lose the space between two encoded words
        # of a long non-ASCII subject (CPython 3.11: "Héllo wörld " * 8 comes back with a
        # space missing); email.header.Header folds it without loss.
        message.set_raw(name, Header(value, "utf-8", header_name=name).encode(linesep="\r\n"))


@dataclasses.dataclass
class _Splice:
    """A placeholder in the generated text and the file whose base64 replaces it."""

    token: bytes
    path: Path


class _Builder:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.splices: list[_Splice] = []

    def _stream_part(self, part: EmailMessage, path: Path) -> None:
        token = f"SMTPETER-DESKTOP-FILE-{secrets.token_hex(12)}"
        part.set_payload(token)
        self.splices.append(_Splice(token.encode("ascii"), path))

    def build(self, headers: _Headers, now: datetime | None) -> tuple[EmailMessage, str]:
        draft = self.draft
        smtputf8 = envelope_of(headers).smtputf8
        policy = (email_policy.SMTPUTF8 if smtputf8 else email_policy.SMTP).clone(cte_type="7bit")
        message = EmailMessage(policy=policy)
        message["From"] = _header_address(headers.sender)
        for name, group in (("To", headers.to), ("Cc", headers.cc), ("Reply-To", headers.reply_to)):
            if group:
                message[name] = [_header_address(a) for a in group]
        _set_unstructured(message, "Subject", draft.subject)
        message["Date"] = format_datetime(now or datetime.now().astimezone())
        message_id = make_msgid(domain=headers.sender.domain)
        message["Message-ID"] = message_id
        message["User-Agent"] = f"{APP_NAME}/{__version__}"

        base_dir = Path(draft.base_dir) if draft.base_dir else None
        rendered = render.render(draft.body, base_dir=base_dir, title=draft.subject)
        if rendered.missing_images:
            missing = rendered.missing_images[0]
            raise AttachmentError(missing, "the image shown in the text was not found")
        rendered.check()  # a file that is not an image (/etc/passwd...) is named, never sent
        # The Markdown, local image paths shortened to file names: no folder is revealed.
        text = rendered.text
        if not text.endswith("\n"):
            text += "\n"
        message.set_content(text, subtype="plain", charset="utf-8")
        message.add_alternative(rendered.html, subtype="html", charset="utf-8")
        if rendered.images:
            html_part = _last_part(message)
            for image in rendered.images:
                _check_readable(image.path)
                maintype, _, subtype = image.content_type.partition("/")
                html_part.add_related(
                    b"", maintype, subtype, cid=f"<{image.cid}>", filename=image.path.name
                )
                self._stream_part(_last_part(html_part), image.path)
        for attachment in draft.attachments:
            path = Path(attachment.path)
            _check_readable(path)
            maintype, _, subtype = attachment.mime_type.partition("/")
            message.add_attachment(
                b"",
                maintype,
                subtype or "octet-stream",
                filename=attachment.filename,
                disposition="inline" if attachment.inline else "attachment",
            )
            self._stream_part(_last_part(message), path)
        for part in message.walk():
            if part is not message:
                # The standard library repeats MIME-Version on nested parts; it belongs on top.
                del part["MIME-Version"]
        return message, message_id


def _last_part(container: EmailMessage) -> EmailMessage:
    payload = container.get_payload()
    assert isinstance(payload, list)
    part = payload[-1]
    assert isinstance(part, EmailMessage)
    return part


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise AttachmentError(str(path), "it is no longer there (moved, renamed or deleted)")
    if not path.is_file():
        raise AttachmentError(str(path), "it is a folder, not a file")
    if not os.access(path, os.R_OK):
        raise AttachmentError(str(path), "you do not have permission to read it")


def _base64_lines(path: Path) -> Iterable[bytes]:
    """The file as base64 in 76-character CRLF lines, read a chunk at a time."""
    try:
        with path.open("rb") as source:
            while chunk := source.read(_CHUNK):
                yield base64.encodebytes(chunk).replace(b"\n", b"\r\n")
    except OSError as exc:
        raise AttachmentError(str(path), exc.strerror or "it could not be read") from exc


def write_message(draft: Draft, out: BinaryIO, *, now: datetime | None = None) -> BuiltMessage:
    """Build ``draft`` and write its bytes (CRLF line endings) to ``out``.

    Raises a ``ComposeError`` (an address, a header line break, a missing file) before
    anything is written whenever the problem can be seen up front.
    """
    headers = read_headers(draft)
    envelope = envelope_of(headers)
    if not envelope.recipients:
        raise ComposeError("The message has no recipient.", "Add an address in To, Cc or Bcc.")
    builder = _Builder(draft)
    message, message_id = builder.build(headers, now)
    skeleton = io.BytesIO()
    BytesGenerator(skeleton, mangle_from_=False, policy=message.policy).flatten(message)
    size = 0
    text = skeleton.getvalue()
    tokens = {splice.token: splice.path for splice in builder.splices}
    pattern = re.compile(b"|".join(re.escape(token) for token in tokens) or b"(?!)")
    position = 0
    for match in pattern.finditer(text):
        size += out.write(text[position : match.start()])
        for lines in _base64_lines(tokens[match.group()]):
            size += out.write(lines)
        position = match.end()
    size += out.write(text[position:])
    return BuiltMessage(envelope=envelope, message_id=message_id, size=size)


def build_bytes(draft: Draft, *, now: datetime | None = None) -> tuple[bytes, BuiltMessage]:
    """The whole message in memory: for small messages, previews and tests."""
    out = io.BytesIO()
    built = write_message(draft, out, now=now)
    return out.getvalue(), built
