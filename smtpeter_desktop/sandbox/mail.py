"""Reading a message as SMTPeter does: its ``x-smtpeter-*`` headers and its sender domain.

This is the sandbox's own reading of what arrives, written apart from the app's transports
so that a mistake there cannot hide behind the same mistake here. The header block is
handled as bytes, so a stored message is exactly what was received, less the stripped
fields.
"""

from __future__ import annotations

import email.parser
import email.policy
import re

OPTION_PREFIX = "x-smtpeter-"
BOOL_OPTIONS = ("inlinecss", "trackclicks", "trackbounces", "trackopens", "preventscam")

_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_FIELD_NAME = re.compile(rb"^([!-9;-~]+)[ \t]*:")


def split_header(content: bytes) -> tuple[bytes, bytes]:
    """The header block (with its final line break) and the rest (from the blank line on)."""
    if content.startswith((b"\r\n", b"\n")):
        return b"", content
    match = _BLANK_LINE.search(content)
    if match is None:
        return content, b""
    cut = match.start() + (2 if content[match.start()] == ord("\r") else 1)
    return content[:cut], content[cut:]


def take_options(content: bytes) -> tuple[bytes, dict[str, object]]:
    """The message without its ``x-smtpeter-*`` fields, and the options they carried.

    ``true``/``false`` become booleans for the five switches, ``tags`` a list; any other
    value, or another ``x-smtpeter-`` field, is kept as the text it was.
    """
    header, rest = split_header(content)
    kept: list[bytes] = []
    options: dict[str, object] = {}
    current: list[bytes] | None = None  # the lines of the option field being read
    removed = False
    for line in header.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            # A folded continuation belongs to the field above it.
            (current if current is not None else kept).append(line)
            continue
        if current is not None:
            _read_option(current, options)
            current = None
        match = _FIELD_NAME.match(line)
        if match and match.group(1).lower().startswith(OPTION_PREFIX.encode()):
            current = [line]
            removed = True
        else:
            kept.append(line)
    if current is not None:
        _read_option(current, options)
    if not removed:
        return content, options
    return b"".join(kept) + rest, options


def from_domain(content: bytes) -> str | None:
    """The domain of the header's From address, in lower case; ``None`` when there is none."""
    header, _ = split_header(content)
    try:
        parsed = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(header)
        field = parsed["From"]
        addresses = getattr(field, "addresses", ())
    except (ValueError, IndexError, TypeError):
        return None
    for address in addresses:
        if address.domain:
            return str(address.domain).lower()
    return None


def sender_refusal(domain: str | None, allowed: tuple[str, ...]) -> str | None:
    """SMTPeter's words when the From domain is not a sender domain; ``None`` when it is."""
    if domain is None:
        return "The message has no From address, so no sender domain can be found."
    if allowed and domain not in {d.lower() for d in allowed}:
        return f"You cannot send mailings from {domain} without configuring it as sender domain"
    return None


def _read_option(lines: list[bytes], options: dict[str, object]) -> None:
    raw = b"".join(lines).decode("utf-8", errors="replace")
    name, _, value = raw.partition(":")
    key = name.strip().lower().removeprefix(OPTION_PREFIX)
    value = " ".join(value.split())
    if key in BOOL_OPTIONS and value.lower() in ("true", "false"):
        options[key] = value.lower() == "true"
    elif key == "tags":
        options[key] = [tag.strip() for tag in value.split(",") if tag.strip()]
    else:
        options[key] = value
