"""A ``Draft`` to the exact RFC 5322 bytes that are sent, and the envelope that goes with them.

Structure: multipart/alternative (the Markdown as text/plain, the rendered HTML); the HTML in
multipart/related with its local images as ``cid:`` parts (``Content-Disposition: inline``, so
readers do not list the logo as an attachment); multipart/mixed around both when files are
attached. Headers use RFC 2047, file names RFC 2231 (``filename*``) with an RFC 2047
``name=`` on the Content-Type for readers that know only that; a Message-ID on the From
domain and a Date. Bcc never appears in the header; it is in the envelope.

Every part's Content-Transfer-Encoding is true of its bytes: the text parts are encoded when
they are not plain short-lined ASCII, NUL never travels raw, and files go as base64, except
an attached message (.eml): RFC 2046 5.2.1 allows only 7bit, 8bit or binary for
message/rfc822 (Postfix with strict_mime_encoding_domain refuses base64 there), so a
well-formed 7-bit message goes as itself with CRLF line ends, and anything else goes as
application/octet-stream in base64, with a notice saying so. 8bit is never used: the SMTP
transport declares BODY=8BITMIME only for SMTPUTF8 messages and the REST API carries UTF-8
text only, and the message is built before it is known which way it goes. Text files get a
charset: utf-8 when the whole file is UTF-8 (checked while streaming), utf-16 with a UTF-16
byte order mark, else windows-1252, the usual encoding of non-UTF-8 text written on desktops
in western Europe (it maps every byte a Latin-1 file has to the same letter).

Attachments are streamed: the standard library's generator writes the message with a short
placeholder where each file's base64 goes, and ``write_message`` splices the files in as it
writes, so a 20 MB attachment never sits in memory (once as bytes, once as base64 text, once
as the generator's output) on its way to the mailbox.
"""

from __future__ import annotations

import base64
import codecs
import dataclasses
import io
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from datetime import datetime
from email import policy as email_policy
from email.generator import BytesGenerator
from email.header import Header
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import BinaryIO

from smtpeter_desktop import APP_NAME, __version__
from smtpeter_desktop.compose import addresses, render
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.errors import (
    AttachmentError,
    ComposeError,
    HeaderInjectionError,
    OptionsError,
)
from smtpeter_desktop.compose.headertext import shown, unfit_character
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.i18n import translate

# 57 raw bytes make one 76-character base64 line; read many lines at a time.
_CHUNK = 57 * 1024
# (attribute, field as the window names it, the value in a sentence)
_HEADER_FIELDS = (
    ("sender", "From", "From field"),
    ("to", "To", "To field"),
    ("cc", "Cc", "Cc field"),
    ("bcc", "Bcc", "Bcc field"),
    ("reply_to", "Reply-To", "Reply-To field"),
    ("subject", "Subject", "subject"),
)
# RFC 5322 2.1.1: at most 998 characters on a line, CRLF excluded.
_MAX_LINE = 998
# type/subtype as RFC 2045 tokens, short enough that "Content-Type: type/subtype;" stays
# within 78 characters; anything else is sent as application/octet-stream.
_MIME_TYPE = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,30}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,30}"
)
# A header field line of RFC 5322 (name: value) or its folded continuation.
_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:.*")
# How many header lines an attached message may have before it is taken for something else.
_MAX_HEADER_LINES = 5000
# Bytes of a file name per RFC 2047 encoded word: 42 bytes make 56 base64 characters, so a
# word with its " name=" stays within 78 characters.
_WORD_BYTES = 42


@dataclasses.dataclass(frozen=True)
class BuiltMessage:
    """What building produced besides the bytes.

    Attributes:
        envelope: sender and every recipient (Bcc included), bare addresses.
        message_id: the Message-ID header's value, with angle brackets.
        size: the number of bytes written.
        notices: what the writer should know about how it was sent (an attached message
            sent as a plain file, NUL characters left out of the text), one sentence each.
    """

    envelope: Envelope
    message_id: str
    size: int
    notices: tuple[str, ...] = ()


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
    """Refuse what no header can hold: a line break would write headers of its own.

    Raises ``HeaderInjectionError`` naming the field and the character, or ``OptionsError``
    for a stored tag SMTPeter cannot take (``Draft.unusable_tags``).
    """
    for attribute, field, what in _HEADER_FIELDS:
        value = getattr(draft, attribute)
        # In an address field a line break separates entries (a pasted column): what must
        # not hold one is each entry, and the header is written from the parsed addresses.
        parts = [value] if attribute == "subject" else addresses.split_entries(value)
        for part in parts:
            if char := unfit_character(part):
                raise HeaderInjectionError(field, char, what)
    for attachment in draft.attachments:
        name = shown(attachment.filename)
        if char := unfit_character(attachment.filename):
            raise HeaderInjectionError("Attachments", char, f"name of the attached file “{name}”")
        if char := unfit_character(attachment.mime_type):
            raise HeaderInjectionError("Attachments", char, f"type of the attached file “{name}”")
    if draft.unusable_tags:
        raise OptionsError(
            draft.tag_problems[0],
            translate("compose.mime", "Correct or remove it under Tags; the message is kept."),
        )


def unsubscribe_headers(options: SmtpeterOptions) -> list[tuple[str, str]]:
    """RFC 2369's List-Unsubscribe and RFC 8058's List-Unsubscribe-Post for ``options``.

    Written into the message itself, so the same header goes out over SMTP and REST (which
    sends the built message as ``mime``); the options were checked when they were made, so
    each value fits in ``<...>`` as it is.
    """
    entries = []
    if options.unsubscribe_email:
        entries.append(f"<mailto:{options.unsubscribe_email}?subject=unsubscribe>")
    if options.unsubscribe_url:
        entries.append(f"<{options.unsubscribe_url}>")
    if not entries:
        return []
    headers = [("List-Unsubscribe", ",\r\n ".join(entries))]
    if options.unsubscribe_oneclick:
        headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    return headers


def read_headers(draft: Draft) -> _Headers:
    check_header_values(draft)
    senders = addresses.parse_address_list(draft.sender, "From")
    if len(senders) != 1:
        raise ComposeError(
            translate("compose.mime", "The message needs exactly one From address."),
            translate("compose.mime", "Choose who the message is from."),
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
    """A placeholder in the generated text and the file whose bytes replace it.

    ``crlf`` is an attached message sent as itself (7bit, line ends made CRLF); otherwise
    the file goes as base64.
    """

    token: bytes
    path: Path
    crlf: bool = False


class _Builder:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.splices: list[_Splice] = []
        self.notices: list[str] = []

    def _file_part(
        self,
        policy: email_policy.EmailPolicy[EmailMessage],
        path: Path,
        content_type: str,
        *,
        filename: str,
        disposition: str,
        params: tuple[tuple[str, str], ...] = (),
        cid: str = "",
        crlf: bool = False,
    ) -> EmailMessage:
        """A part whose body is ``path``, spliced in as it is written."""
        part = EmailMessage(policy=policy)
        lines = [f"{content_type};", *(f' {name}="{value}";' for name, value in params)]
        part.set_raw("Content-Type", "\r\n".join([*lines, _name_parameter(filename)]))
        part["Content-Transfer-Encoding"] = "7bit" if crlf else "base64"
        part["Content-Disposition"] = disposition
        part.set_param("filename", filename, header="Content-Disposition")
        if cid:
            part["Content-ID"] = cid
        token = f"SMTPETER-DESKTOP-FILE-{secrets.token_hex(12)}"
        part.set_payload(token)
        self.splices.append(_Splice(token.encode("ascii"), path, crlf))
        return part

    def _attachment_part(
        self,
        policy: email_policy.EmailPolicy[EmailMessage],
        path: Path,
        filename: str,
        mime_type: str,
        disposition: str,
    ) -> EmailMessage:
        mime_type = _leaf_type(mime_type)
        if mime_type.startswith("message/"):
            problem = _message_problem(path)
            if problem is None and mime_type == "message/rfc822":
                return self._file_part(
                    policy, path, mime_type, filename=filename, disposition=disposition, crlf=True
                )
            self.notices.append(
                f"“{filename}” is attached as a plain file (application/octet-stream), "
                f"not as a message that mail readers open: "
                f"{problem or 'only a plain e-mail message can go as one'}."
            )
            mime_type = "application/octet-stream"
        params: tuple[tuple[str, str], ...] = ()
        if mime_type.startswith("text/"):
            params = (("charset", _text_charset(path)),)
        return self._file_part(
            policy, path, mime_type, filename=filename, disposition=disposition, params=params
        )

    def build(self, headers: _Headers, now: datetime | None) -> tuple[EmailMessage, str]:
        draft = self.draft
        smtputf8 = envelope_of(headers).smtputf8
        # refold_source="none": header values set raw are already folded as they must be (a
        # List-Unsubscribe URL must not be refolded into encoded words); it changes nothing
        # for the headers set as values, which fold themselves.
        policy = (email_policy.SMTPUTF8 if smtputf8 else email_policy.SMTP).clone(
            cte_type="7bit", refold_source="none"
        )
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
        for name, value in unsubscribe_headers(draft.options):
            # Raw: the policy's folder would turn a long URL into RFC 2047 encoded words,
            # which no mail program reads as a link. One entry per line instead; a line of up
            # to 998 characters is allowed, and the options keep a URL under 900.
            message.set_raw(name, value)

        body = draft.body
        if nuls := body.count("\x00"):
            # A NUL is never meant: it comes with text pasted from a binary file. 7bit forbids
            # it and many readers cut the text there, so it is left out, and the writer told.
            body = body.replace("\x00", "")
            self.notices.append(
                f"The text held {nuls} invisible NUL character{'s' if nuls > 1 else ''} "
                "(usually pasted from a file), which mail cannot carry; "
                f"{'they were' if nuls > 1 else 'it was'} left out."
            )
        base_dir = Path(draft.base_dir) if draft.base_dir else None
        rendered = render.render(body, base_dir=base_dir, title=draft.subject)
        if rendered.missing_images:
            missing = rendered.missing_images[0]
            raise AttachmentError(
                missing, translate("compose.mime", "the image shown in the text was not found")
            )
        rendered.check()  # a file that is not an image (/etc/passwd...) is named, never sent
        # The Markdown, local image paths shortened to file names: no folder is revealed.
        text = rendered.text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.endswith("\n"):
            text += "\n"
        message.set_content(text, subtype="plain", charset="utf-8", cte=_text_cte(text))
        message.add_alternative(
            rendered.html, subtype="html", charset="utf-8", cte=_text_cte(rendered.html)
        )
        if rendered.images:
            html_part = _last_part(message)
            html_part.make_related()
            for image in rendered.images:
                _check_readable(image.path)
                name = image.path.name
                if char := unfit_character(name):
                    raise HeaderInjectionError(
                        "Body", char, f"file name of the image “{shown(name)}”"
                    )
                html_part.attach(
                    self._file_part(
                        policy,
                        image.path,
                        _leaf_type(image.content_type),
                        filename=name,
                        disposition="inline",
                        cid=f"<{image.cid}>",
                    )
                )
        for attachment in draft.attachments:
            path = Path(attachment.path)
            _check_readable(path)
            part = self._attachment_part(
                policy,
                path,
                attachment.filename,
                attachment.mime_type,
                "inline" if attachment.inline else "attachment",
            )
            if message.get_content_type() != "multipart/mixed":
                message.make_mixed()
            message.attach(part)
        for part in message.walk():
            if part is not message:
                # The standard library repeats MIME-Version on nested parts; it belongs on top.
                del part["MIME-Version"]
        return message, message_id


def _leaf_type(mime_type: str) -> str:
    """``type/subtype`` for a file's part: parameters dropped, nonsense and multipart/*
    (which would need parts of its own) sent as application/octet-stream."""
    mime_type = mime_type.partition(";")[0].strip().lower()
    if not _MIME_TYPE.fullmatch(mime_type) or mime_type.startswith("multipart/"):
        return "application/octet-stream"
    return mime_type


def _text_cte(text: str) -> str | None:
    """``None`` lets the standard library choose; NUL must never go out as 7bit."""
    return "quoted-printable" if "\x00" in text else None


def _name_parameter(filename: str) -> str:
    """The ``name=`` line of a Content-Type, already folded: what older readers show.

    RFC 2231's ``filename*`` on the Content-Disposition is the standard; readers that know
    only RFC 2047 (old Outlook, many webmails) look here. A short printable ASCII name goes
    as a quoted string; any other as RFC 2047 encoded words, one per folded line (folding
    white space inside a quoted string is allowed, and is dropped between encoded words).
    """
    quoted = filename.replace("\\", "\\\\").replace('"', '\\"')
    if filename.isascii() and filename.isprintable() and len(quoted) <= 68:
        return f' name="{quoted}"'
    words: list[str] = []
    chunk = ""
    for char in filename:
        if len((chunk + char).encode("utf-8")) > _WORD_BYTES:
            words.append(chunk)
            chunk = ""
        chunk += char
    words.append(chunk)
    encoded = [f"=?utf-8?b?{base64.b64encode(w.encode('utf-8')).decode('ascii')}?=" for w in words]
    return ' name="' + "\r\n ".join(encoded) + '"'


def _text_charset(path: Path) -> str:
    """The charset of a text file: see the module docstring."""
    try:
        with path.open("rb") as source:
            start = source.read(4)
            if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return "utf-16"
            decoder = codecs.getincrementaldecoder("utf-8")()
            try:
                decoder.decode(start)
                while chunk := source.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                return "windows-1252"
    except OSError as exc:
        raise AttachmentError(str(path), exc.strerror or "it could not be read") from exc
    return "utf-8"


def _lines(path: Path) -> Iterator[bytes]:
    """The file's lines without their ends (LF or CRLF); a line over the limit comes back
    longer than ``_MAX_LINE`` (and cut), never whole, so memory stays bounded."""
    try:
        with path.open("rb") as source:
            while line := source.readline(_MAX_LINE + 3):
                if line.endswith(b"\r\n"):
                    yield line[:-2]
                else:
                    yield line.removesuffix(b"\n")
    except OSError as exc:
        raise AttachmentError(str(path), exc.strerror or "it could not be read") from exc


def _line_problem(line: bytes) -> str | None:
    if len(line) > _MAX_LINE:
        return f"it has a line longer than the {_MAX_LINE} characters mail allows"
    if b"\r" in line or b"\x00" in line:
        return "it holds stray carriage returns or NUL bytes"
    if not line.isascii():
        return (
            "it holds 8-bit (non-ASCII) bytes, which not every server on the way takes "
            "inside an attached message"
        )
    return None


def _message_problem(path: Path) -> str | None:
    """Why ``path`` cannot go as a 7-bit message/rfc822 part, or ``None`` when it can.

    It must be a message at all (a header block the standard library reads without a
    defect, with a From or Date), and 7-bit clean with lines of at most 998 characters.
    """
    header: list[bytes] = []
    in_header = True
    for line in _lines(path):
        if problem := _line_problem(line):
            return problem
        if in_header:
            if not line:
                in_header = False
            elif len(header) >= _MAX_HEADER_LINES:
                return "it does not start with mail headers"
            else:
                header.append(line)
    not_a_message = "it does not start with mail headers (From, Date...)"
    if not header or not _HEADER_LINE.fullmatch(header[0]):
        return not_a_message
    if not all(_HEADER_LINE.fullmatch(line) or line[:1] in b" \t" for line in header):
        return not_a_message
    parsed = BytesHeaderParser(policy=email_policy.compat32).parsebytes(
        b"\r\n".join(header) + b"\r\n\r\n"
    )
    if parsed.defects or (parsed["From"] is None and parsed["Date"] is None):
        return not_a_message
    return None


def _crlf_lines(path: Path) -> Iterable[bytes]:
    """An attached message as it is sent: its lines with CRLF ends, a chunk at a time."""
    buffer = bytearray()
    for line in _lines(path):
        if _line_problem(line):
            raise AttachmentError(
                str(path), translate("compose.mime", "it changed while the message was being built")
            )
        buffer += line + b"\r\n"
        if len(buffer) >= _CHUNK:
            yield bytes(buffer)
            buffer.clear()
    yield bytes(buffer)


def _last_part(container: EmailMessage) -> EmailMessage:
    payload = container.get_payload()
    assert isinstance(payload, list)
    part = payload[-1]
    assert isinstance(part, EmailMessage)
    return part


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise AttachmentError(
            str(path),
            translate("compose.mime", "it is no longer there (moved, renamed or deleted)"),
        )
    if not path.is_file():
        raise AttachmentError(str(path), translate("compose.mime", "it is a folder, not a file"))
    if not os.access(path, os.R_OK):
        raise AttachmentError(
            str(path), translate("compose.mime", "you do not have permission to read it")
        )


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

    Raises a ``ComposeError`` (an address, a character a header cannot hold, an unusable
    tag, a missing file) before anything is written whenever the problem can be seen up front.
    """
    headers = read_headers(draft)
    envelope = envelope_of(headers)
    if not envelope.recipients:
        raise ComposeError(
            translate("compose.mime", "The message has no recipient."),
            translate("compose.mime", "Add an address in To, Cc or Bcc."),
        )
    builder = _Builder(draft)
    message, message_id = builder.build(headers, now)
    skeleton = io.BytesIO()
    BytesGenerator(skeleton, mangle_from_=False, policy=message.policy).flatten(message)
    size = 0
    text = skeleton.getvalue()
    splices = {splice.token: splice for splice in builder.splices}
    pattern = re.compile(b"|".join(re.escape(token) for token in splices) or b"(?!)")
    position = 0
    for match in pattern.finditer(text):
        size += out.write(text[position : match.start()])
        splice = splices[match.group()]
        for lines in (_crlf_lines if splice.crlf else _base64_lines)(splice.path):
            size += out.write(lines)
        position = match.end()
    size += out.write(text[position:])
    return BuiltMessage(
        envelope=envelope, message_id=message_id, size=size, notices=tuple(builder.notices)
    )


def build_bytes(draft: Draft, *, now: datetime | None = None) -> tuple[bytes, BuiltMessage]:
    """The whole message in memory: for small messages, previews and tests."""
    out = io.BytesIO()
    built = write_message(draft, out, now=now)
    return out.getvalue(), built
