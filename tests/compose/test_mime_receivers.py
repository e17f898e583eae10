"""MIME that every receiver accepts: attached messages, inline images, charsets, NUL, names.

Each message is parsed back with the standard library and held to what a strict receiver
checks (Postfix's strict_mime_encoding_domain, RFC 2045/2046): no raw NUL, no bare CR or LF,
lines of at most 998 characters, a 7bit label only on 7-bit text, and no encoding other than
7bit, 8bit or binary on a message/* or multipart/* part.
"""

from __future__ import annotations

import base64
import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from smtpeter_desktop.compose import mime
from smtpeter_desktop.compose.draft import Attachment, Draft

FORWARDED = (
    b"From: Ann Lee <ann@example.com>\n"
    b"To: bob@example.org\n"
    b"Subject: Forwarded\n"
    b"Date: Mon, 01 Jan 2024 10:00:00 +0000\n"
    b"Message-ID: <x1@example.com>\n"
    b"\n"
    b"Hello Bob.\n"
)


def assert_acceptable(data: bytes) -> EmailMessage:
    """``data`` parsed, after checking what a strict receiver checks (see the docstring)."""
    data.decode("ascii")  # no 8bit anywhere: neither transport declares BODY=8BITMIME for it
    assert b"\x00" not in data
    for line in data.split(b"\r\n"):
        assert b"\r" not in line and b"\n" not in line, "a bare CR or LF"
        assert len(line) <= 998
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    for part in message.walk():
        assert not part.defects, (part.get_content_type(), part.defects)
        cte = str(part.get("Content-Transfer-Encoding", "7bit")).lower()
        if part.get_content_maintype() in ("multipart", "message"):
            assert cte in ("7bit", "8bit", "binary"), (part.get_content_type(), cte)
        elif cte == "7bit":
            assert "\x00" not in part.get_payload()
    return message


def _build(
    tmp_path: Path, *attachments: Attachment, body: str = "See the file."
) -> tuple[EmailMessage, mime.BuiltMessage, bytes]:
    draft = Draft(sender="a@b.co", to="c@d.co", subject="s", body=body, attachments=attachments)
    data, built = mime.build_bytes(draft)
    return assert_acceptable(data), built, data


def _file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("line_end", [b"\n", b"\r\n"])
def test_an_attached_message_goes_as_itself_in_7bit(tmp_path: Path, line_end: bytes) -> None:
    path = _file(tmp_path, "forwarded.eml", FORWARDED.replace(b"\n", line_end))
    message, built, data = _build(tmp_path, Attachment(str(path)))
    [part] = message.iter_attachments()
    assert part.get_content_type() == "message/rfc822"
    assert part["Content-Transfer-Encoding"] == "7bit"
    assert part.get_filename() == "forwarded.eml"
    inner = part.get_content()
    assert inner["Subject"] == "Forwarded"
    assert inner.get_content().replace("\r\n", "\n") == "Hello Bob.\n"
    assert FORWARDED.replace(b"\n", b"\r\n") in data
    assert built.notices == ()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"From: a@b.co\nSubject: caf\xc3\xa9\n\nbody\n", "8-bit"),
        (b"From: a@b.co\n\n" + b"x" * 1200 + b"\n", "998"),
        (b"From: a@b.co\n\nx\x00y\n", "NUL"),
        (b"From: a@b.co\n\nx\ry\n", "carriage return"),
        (b"just some notes\n\nnothing more\n", "mail headers"),
        (b"From ann@example.com Mon Jan  1 00:00:00 2024\nFrom: a@b.co\n\nx\n", "mail headers"),
        (b"Subject: no sender, no date\n\nx\n", "mail headers"),
        (b"", "mail headers"),
    ],
)
def test_an_attached_message_that_cannot_go_as_one_goes_as_a_file_and_says_so(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = _file(tmp_path, "old mail.eml", content)
    message, built, _ = _build(tmp_path, Attachment(str(path)))
    [part] = message.iter_attachments()
    assert part.get_content_type() == "application/octet-stream"
    assert part["Content-Transfer-Encoding"] == "base64"
    assert part.get_filename() == "old mail.eml"
    assert part.get_payload(decode=True) == content
    [notice] = built.notices
    assert "“old mail.eml”" in notice and "plain file" in notice and words in notice


def test_inline_images_are_shown_not_listed_as_attachments(material: Path) -> None:
    draft = Draft(
        sender="a@b.co", to="c@d.co", body="![Our logo](logo.png)", base_dir=str(material)
    )
    data, _ = mime.build_bytes(draft)
    message = assert_acceptable(data)
    [image] = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert image.get_content_disposition() == "inline"
    assert image.get_filename() == "logo.png"
    assert image["Content-Type"].params["name"] == "logo.png"
    assert list(message.iter_attachments()) == []


@pytest.mark.parametrize(
    ("content", "charset"),
    [
        ("Héllo wörld, 5 €\n".encode(), "utf-8"),
        (b"plain ASCII\n", "utf-8"),
        ("Héllo wörld, 5 €\n".encode("cp1252"), "windows-1252"),
        ("Héllo wörld\n".encode("utf-16"), "utf-16"),
        # An "é" split over two of the reader's chunks is still UTF-8.
        (b"a" * (57 * 1024 - 1) + "é\n".encode(), "utf-8"),
        # One Latin-1 byte far past any prefix: the whole file is checked, not its start.
        (b"a" * 300_000 + "é\n".encode("latin-1"), "windows-1252"),
    ],
)
def test_text_attachments_declare_their_charset(
    tmp_path: Path, content: bytes, charset: str
) -> None:
    path = _file(tmp_path, "notes.txt", content)
    message, _, _ = _build(tmp_path, Attachment(str(path)))
    [part] = message.iter_attachments()
    assert part.get_content_type() == "text/plain"
    assert part.get_content_charset() == charset
    assert part.get_content() == content.decode(charset)


def test_a_nul_in_the_text_is_left_out_and_said(tmp_path: Path) -> None:
    message, built, _ = _build(tmp_path, body="Hello\x00 world, \x00twice.")
    text, html = message.iter_parts()
    assert text.get_content().replace("\r\n", "\n") == "Hello world, twice.\n"
    assert "\x00" not in html.get_content()
    [notice] = built.notices
    assert "2 invisible NUL characters" in notice and "left out" in notice


def test_text_with_a_nul_is_never_labelled_7bit() -> None:
    # The HTML comes from the renderer; whatever it holds, the label must be true.
    assert mime._text_cte("a\x00b") == "quoted-printable"
    assert mime._text_cte("plain") is None


@pytest.mark.parametrize(
    "name",
    [
        "report.pdf",
        'say "hi" \\ bye.pdf',
        "Rapport été 2026.pdf",
        "a-very-long-ascii-file-name-" * 5 + ".pdf",
        "日本語のとても長いファイル名のテスト文書です、本当に長いです。" * 2 + ".pdf",
    ],
)
def test_file_names_have_a_name_fallback_beside_filename_star(tmp_path: Path, name: str) -> None:
    path = _file(tmp_path, "file.pdf", b"%PDF-1.4\n")
    message, _, data = _build(tmp_path, Attachment(str(path), name=name))
    [part] = message.iter_attachments()
    assert part.get_filename() == name
    assert part["Content-Type"].params["name"] == name
    head = data.split(b"Content-Type: application/pdf", 1)[1].split(b"\r\n\r\n", 1)[0]
    assert b' name="' in head
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))
    if not name.isascii():
        assert b"filename*" in head
        assert b' name="=?utf-8?b?' in head


def test_the_name_fallback_decodes_word_by_word() -> None:
    name = "Ünïcödé " * 20 + ".txt"
    folded = mime._name_parameter(name)
    words = folded.removeprefix(' name="').removesuffix('"').split("\r\n ")
    assert len(words) > 1
    decoded = b"".join(base64.b64decode(w[len("=?utf-8?b?") : -2]) for w in words)
    assert decoded.decode("utf-8") == name


@pytest.mark.parametrize(
    ("given", "sent"),
    [
        ("text/plain; charset=latin-1", "text/plain"),
        ("multipart/mixed", "application/octet-stream"),
        ("nonsense", "application/octet-stream"),
        ("application/" + "x" * 80, "application/octet-stream"),
        ("Image/PNG", "image/png"),
    ],
)
def test_a_file_type_that_cannot_head_a_file_part_is_sent_as_octet_stream(
    tmp_path: Path, given: str, sent: str
) -> None:
    path = _file(tmp_path, "data", b"plain bytes\n")
    message, _, _ = _build(tmp_path, Attachment(str(path), content_type=given, inline=True))
    [part] = [p for p in message.walk() if p.get_filename() == "data"]
    assert part.get_content_type() == sent
    assert part.get_content_disposition() == "inline"
    assert part.get_payload(decode=True) == b"plain bytes\n"
