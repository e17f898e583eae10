"""A built message read back into what the checks look at: its HTML, text, images, headers.

The checks read the bytes that would be sent, not the draft, so what they say is true of
what leaves; it also lets them check any message (an .eml a user opens).
"""

from __future__ import annotations

import dataclasses
from email import message as email_message
from email import policy
from email.parser import BytesParser


@dataclasses.dataclass(frozen=True)
class EmbeddedImage:
    """An image sent inside the message and shown by the HTML (``cid:``).

    Attributes:
        cid: its Content-ID without the angle brackets.
        name: its file name, or the cid when it has none.
        size: its size in bytes, decoded.
    """

    cid: str
    name: str
    size: int


@dataclasses.dataclass(frozen=True)
class Message:
    """What the checks need of a message.

    Attributes:
        raw: the bytes as sent.
        html: the first text/html part, decoded ("" when there is none).
        html_size: the HTML part's size in bytes, decoded (Gmail clips over 102 KB).
        texts: each text/plain part that is not an attachment, decoded.
        images: the embedded images (parts with a Content-ID).
        headers: every header, lower-cased names, in order.
    """

    raw: bytes
    html: str
    html_size: int
    texts: tuple[str, ...]
    images: tuple[EmbeddedImage, ...]
    headers: tuple[tuple[str, str], ...]

    @property
    def size(self) -> int:
        return len(self.raw)

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key == wanted), None)


def _decoded(part: email_message.Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:  # a charset Python does not know: read what can be read
        return payload.decode("utf-8", "replace")


def read(raw: bytes) -> Message:
    """Read ``raw`` (an RFC 5322 message) for the checks; nothing in it can make this fail."""
    # compat32: the checks need the parts and a few headers, not parsed header objects, and
    # it reads a message in half the time.
    message = BytesParser(policy=policy.compat32).parsebytes(raw)
    html = ""
    texts: list[str] = []
    images: list[EmbeddedImage] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        disposition = part.get_content_disposition()
        cid = str(part.get("Content-ID", "")).strip().strip("<>")
        if kind == "text/html" and not html and disposition != "attachment":
            html = _decoded(part)
        elif kind == "text/plain" and disposition != "attachment":
            texts.append(_decoded(part))
        elif cid and kind.startswith("image/"):
            payload = part.get_payload(decode=True)
            size = len(payload) if isinstance(payload, bytes) else 0
            images.append(EmbeddedImage(cid, part.get_filename() or cid, size))
    headers = tuple((name.lower(), str(value)) for name, value in message.items())
    return Message(
        raw=raw,
        html=html,
        html_size=len(html.encode("utf-8")),
        texts=tuple(texts),
        images=tuple(images),
        headers=headers,
    )
