"""A Draft to the exact bytes sent: structure, headers, envelope, refusals, streaming."""

from __future__ import annotations

import email
import io
import os
import tracemalloc
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose import mime
from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.errors import (
    AddressError,
    AttachmentError,
    ComposeError,
    HeaderInjectionError,
)
from tests.compose.conftest import MARKDOWN, PDF, PNG


def _parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n")


def _realistic(material: Path) -> Draft:
    return Draft(
        sender="Ann Lee <ann@example.com>",
        to='Bob <bob@example.org>, "Lee, Carl" <carl@bücher.de>',
        cc="dee@example.net",
        bcc="hidden@example.com",
        reply_to="team@example.com",
        subject="Résumé du trimestre — Q3 ✓",
        body=MARKDOWN,
        attachments=(Attachment(str(material / "Rapport été 2026.pdf")),),
        base_dir=str(material),
    )


def test_a_realistic_message_has_every_part_right(material: Path) -> None:
    data, built = mime.build_bytes(_realistic(material))
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 998
    data.decode("ascii")  # 7-bit clean: any server takes it
    message = _parse(data)

    assert message["Subject"] == "Résumé du trimestre — Q3 ✓"
    assert message["From"] == "Ann Lee <ann@example.com>"
    assert [a.addr_spec for a in message["To"].addresses] == [
        "bob@example.org",
        "carl@xn--bcher-kva.de",
    ]
    assert message["To"].addresses[1].display_name == "Lee, Carl"
    assert message["Cc"] == "dee@example.net"
    assert message["Reply-To"] == "team@example.com"
    assert message["Bcc"] is None and b"hidden@example.com" not in data
    assert message["Message-ID"] == built.message_id
    assert built.message_id.endswith("@example.com>")
    assert message["Date"] is not None
    assert message["MIME-Version"] == "1.0"

    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    text, related = alternative.iter_parts()
    assert text.get_content_type() == "text/plain"
    assert _lf(text.get_content()) == MARKDOWN, "the Markdown, as written, is the text part"
    assert related.get_content_type() == "multipart/related"
    html, image = related.iter_parts()
    assert html.get_content_type() == "text/html"
    html_text = html.get_content()
    assert "<table" in html_text and "€1.2M" in html_text
    assert image.get_content_type() == "image/png"
    assert image.get_payload(decode=True) == PNG
    cid = image["Content-ID"].strip("<>")
    assert f'src="cid:{cid}"' in html_text
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "Rapport été 2026.pdf"
    assert b"filename*=utf-8''Rapport%20%C3%A9t%C3%A9%202026.pdf" in data, "RFC 2231 name"
    assert attachment.get_payload(decode=True) == PDF
    for part in message.walk():
        if part is not message:
            assert part["MIME-Version"] is None

    assert built.envelope.sender == "ann@example.com"
    assert built.envelope.recipients == (
        "bob@example.org",
        "carl@xn--bcher-kva.de",
        "dee@example.net",
        "hidden@example.com",
    )
    assert not built.envelope.smtputf8
    assert built.size == len(data)


def test_plain_message_without_images_or_files_is_just_alternative() -> None:
    data, _ = mime.build_bytes(Draft(sender="a@b.co", to="c@d.co", subject="Hi", body="Hello"))
    message = _parse(data)
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]


def test_duplicate_recipients_are_sent_once() -> None:
    _, built = mime.build_bytes(
        Draft(sender="a@b.co", to="c@d.co, C@D.co", cc="c@d.co", bcc="e@f.co", body="x")
    )
    assert built.envelope.recipients == ("c@d.co", "e@f.co")


def test_a_non_ascii_local_part_makes_an_smtputf8_message() -> None:
    data, built = mime.build_bytes(Draft(sender="a@b.co", to="jörg@example.com", body="x"))
    assert built.envelope.smtputf8
    assert "jörg@example.com" in data.decode("utf-8")


def test_long_lines_and_non_ascii_body_stay_within_limits() -> None:
    body = ("Ünïcödé " * 400 + "\n") * 3
    data, _ = mime.build_bytes(Draft(sender="a@b.co", to="c@d.co", body=body))
    assert max(len(line) for line in data.split(b"\r\n")) <= 78
    text, _html = _parse(data).iter_parts()
    assert _lf(text.get_content()) == body


@pytest.mark.parametrize("field", ["subject", "sender", "to", "cc", "bcc", "reply_to"])
def test_line_breaks_in_header_fields_are_refused(field: str) -> None:
    values: dict[str, Any] = {"sender": "a@b.co", "to": "c@d.co"}
    values[field] = values.get(field, "x@y.co") + "\r\nBcc: evil@example.com"
    # In an address field the line break separates entries, and "Bcc: evil@…" is no address.
    with pytest.raises((HeaderInjectionError, AddressError)):
        mime.build_bytes(Draft(body="x", **values))


def test_a_pasted_column_of_addresses_is_a_list() -> None:
    draft = Draft(sender="a@b.co", to="c@d.co\r\ne@f.co\n\ng@h.co\n", body="x")
    message = email.message_from_bytes(mime.build_bytes(draft)[0], policy=policy.default)
    assert message["To"] == "c@d.co, e@f.co, g@h.co"


_breaks = st.sampled_from(["\r", "\n", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])


@given(st.text(max_size=30), _breaks, st.text(max_size=30))
def test_any_subject_with_a_line_break_is_refused(before: str, line_break: str, after: str) -> None:
    values: dict[str, Any] = {"sender": "a@b.co", "to": "c@d.co", "subject": "s"}
    values["subject"] = before + line_break + after
    with pytest.raises((HeaderInjectionError, AddressError)):
        mime.build_bytes(Draft(body="x", **values))


@given(st.text(max_size=30), _breaks, st.text(max_size=30))
def test_no_line_break_reaches_an_address_header(before: str, line_break: str, after: str) -> None:
    draft = Draft(sender="a@b.co", to=before + line_break + after, body="x")
    try:
        data, _ = mime.build_bytes(draft)
    except (ComposeError, AddressError):
        return
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert b"\r" not in line and b"\n" not in line
        assert not line.lower().startswith(b"bcc:")


def test_an_attachment_name_with_a_line_break_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("x")
    draft = Draft(
        sender="a@b.co", to="c@d.co", attachments=(Attachment(str(path), name="a\nb.txt"),)
    )
    with pytest.raises(HeaderInjectionError):
        mime.build_bytes(draft)


def test_missing_things_are_clear_errors(tmp_path: Path) -> None:
    base: dict[str, Any] = {"sender": "a@b.co", "to": "c@d.co"}
    with pytest.raises(AttachmentError, match="no longer there"):
        mime.build_bytes(Draft(attachments=(Attachment(str(tmp_path / "gone.pdf")),), **base))
    with pytest.raises(AttachmentError, match="not found"):
        mime.build_bytes(Draft(body="![x](gone.png)", base_dir=str(tmp_path), **base))
    with pytest.raises(ComposeError, match="no recipient"):
        mime.build_bytes(Draft(sender="a@b.co", body="x"))
    with pytest.raises(ComposeError, match="exactly one From"):
        mime.build_bytes(Draft(sender="a@b.co, c@d.co", to="e@f.co"))
    with pytest.raises(AddressError, match="bob@"):
        mime.build_bytes(Draft(sender="a@b.co", to="bob@"))


def test_a_folder_is_not_an_attachment(tmp_path: Path) -> None:
    draft = Draft(sender="a@b.co", to="c@d.co", attachments=(Attachment(str(tmp_path)),))
    with pytest.raises(AttachmentError, match="folder"):
        mime.build_bytes(draft)


def test_a_file_that_vanishes_while_building_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"x" * 100)
    draft = Draft(sender="a@b.co", to="c@d.co", attachments=(Attachment(str(path)),))
    original = Path.open

    def vanish(self: Path, *args: Any, **kwargs: Any) -> Any:
        # Stands in for another program deleting the file between the check and the read.
        if self == path:
            raise FileNotFoundError(2, "No such file or directory")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", vanish)
    with pytest.raises(AttachmentError, match="No such file"):
        mime.build_bytes(draft)


@pytest.mark.slow
def test_a_20_mb_attachment_streams_through_without_sitting_in_memory(tmp_path: Path) -> None:
    payload = os.urandom(20 * 1024 * 1024)
    path = tmp_path / "big.bin"
    path.write_bytes(payload)
    draft = Draft(sender="a@b.co", to="c@d.co", attachments=(Attachment(str(path)),))
    out_path = tmp_path / "out.eml"
    tracemalloc.start()
    try:
        with out_path.open("wb") as out:
            built = mime.write_message(draft, out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"building used {peak / 2**20:.1f} MB"
    assert built.size == out_path.stat().st_size
    (_, attachment) = _parse(out_path.read_bytes()).iter_parts()
    assert attachment.get_payload(decode=True) == payload


def _attachment_body(data: bytes) -> bytes:
    part = data.split(b"Content-Disposition: attachment", 1)[1]
    return part.split(b"\r\n\r\n", 1)[1].split(b"\r\n--", 1)[0]


def test_base64_lines_match_what_the_standard_library_writes(tmp_path: Path) -> None:
    for size in (0, 1, 56, 57, 58, 57 * 1024, 57 * 1024 + 1, 200_000):
        path = tmp_path / f"f{size}"
        content = bytes(range(256)) * (size // 256 + 1)
        path.write_bytes(content[:size])
        draft = Draft(sender="a@b.co", to="c@d.co", attachments=(Attachment(str(path)),))
        data, _ = mime.build_bytes(draft)
        reference = EmailMessage(policy=policy.SMTP)
        reference.add_attachment(content[:size], "application", "octet-stream")
        assert _attachment_body(data) == _attachment_body(reference.as_bytes()), size


def test_write_message_writes_nothing_when_the_input_is_wrong() -> None:
    out = io.BytesIO()
    with pytest.raises(AddressError):
        mime.write_message(Draft(sender="a@b.co", to="nope"), out)
    assert out.getvalue() == b""
