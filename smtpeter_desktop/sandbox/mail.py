"""Reading a message as SMTPeter does: its ``x-smtpeter-*`` headers and its sender domain.

This is the sandbox's own reading of what arrives, written apart from the app's transports
so that a mistake there cannot hide behind the same mistake here. The header block is
handled as bytes, so a stored message is exactly what was received, less the stripped
fields.

The options are checked strictly, the same way for both ways in (``tag_problem`` serves the
REST side too): a switch is ``true`` or ``false``; a tag is a label of printable ASCII
without spaces, semicolons or commas (SMTPeter: "no spaces or semicolons"; a comma would
split it in ``x-smtpeter-tags``); no option holds a control character, a line break or a
character outside ASCII. Anything else raises ``OptionError`` saying what is wrong.
"""

from __future__ import annotations

import email.parser
import email.policy
import re

OPTION_PREFIX = "x-smtpeter-"
BOOL_OPTIONS = ("inlinecss", "trackclicks", "trackbounces", "trackopens", "preventscam")
IMAGES = ("hosted", "default")

_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_FIELD_NAME = re.compile(rb"^([!-9;-~]+)[ \t]*:")
_LINE = re.compile(rb"[^\n]*\n|[^\n]+")  # bytes.splitlines would also split at a bare CR
_FOLD = re.compile(rb"\r?\n(?=[ \t])")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
_SHOWN = 40  # at most this much of a refused value is quoted back


class OptionError(ValueError):
    """An SMTPeter option that SMTPeter would refuse; the text says what is wrong."""


def tag_problem(tag: object) -> str | None:
    """Why ``tag`` cannot be an SMTPeter tag, in words; ``None`` when it can."""
    if not isinstance(tag, str):
        return f"A tag must be text, not {type(tag).__name__}."
    if not tag:
        return "A tag cannot be empty."
    shown = _show(tag)
    if not tag.isascii():
        return f"The tag {shown} has a character outside ASCII: use plain letters and digits."
    for char, name in ((" ", "a space"), ("\t", "a tab"), (";", "a semicolon"), (",", "a comma")):
        if char in tag:
            return (
                f"The tag {shown} has {name}: tags are single words, without spaces, "
                "semicolons or commas."
            )
    if any(not char.isprintable() for char in tag):
        return f"The tag {shown} has a line break or another control character."
    return None


def delivery_time_problem(value: object) -> str | None:
    """Why ``value`` is not a ``maxdelivertime``; ``None`` when it is one."""
    if isinstance(value, str) and _TIME.fullmatch(value):
        return None
    return f'"maxdelivertime" must be a UTC time as "YYYY-MM-DD hh:mm:ss", not {_show(value)}.'


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

    ``true``/``false`` become booleans for the five switches, ``tags`` a list; a field the
    sandbox does not know is kept as the text it was. Raises ``OptionError`` for a value
    SMTPeter would refuse, or a field given twice.
    """
    header, rest = split_header(content)
    kept: list[bytes] = []
    options: dict[str, object] = {}
    current: list[bytes] | None = None  # the lines of the option field being read
    removed = False
    for line in _LINE.findall(header):
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


def sender_refusal(
    domain: str | None, allowed: tuple[str, ...], *, approved: bool = True
) -> str | None:
    """SMTPeter's words when the From domain is not a sender domain; ``None`` when it is.

    ``approved`` is false for a domain a fault rule holds back (``unapproved=GLOB``).
    """
    if domain is None:
        return "The message has no From address, so no sender domain can be found."
    if allowed and domain not in {d.lower() for d in allowed}:
        return f"You cannot send mailings from {domain} without configuring it as sender domain"
    if not approved:
        return (
            f"You cannot send mailings from {domain}: the sender domain is not approved yet "
            "(a fault rule of the sandbox)"
        )
    return None


def _read_option(lines: list[bytes], options: dict[str, object]) -> None:
    raw_name, _, raw_value = b"".join(lines).partition(b":")
    name = raw_name.strip().decode("ascii").lower()  # _FIELD_NAME let only ASCII through
    key = name.removeprefix(OPTION_PREFIX)
    if key in options:
        raise OptionError(f"The header {name} is given twice: give each option once.")
    unfolded = _FOLD.sub(b"", raw_value).removesuffix(b"\n").removesuffix(b"\r")
    if not unfolded.isascii():
        raise OptionError(f"The header {name} has a character outside ASCII.")
    value = unfolded.decode("ascii").strip(" \t")
    if any(not (char.isprintable() or char == "\t") for char in value):
        raise OptionError(f"The header {name} has a line break or another control character.")
    if key in BOOL_OPTIONS:
        if value.lower() not in ("true", "false"):
            raise OptionError(f"The header {name} must be true or false, not {_show(value)}.")
        options[key] = value.lower() == "true"
    elif key == "tags":
        tags = [tag.strip(" \t") for tag in value.split(",")]
        for tag in tags:
            problem = tag_problem(tag)
            if problem:
                raise OptionError(f"The header {name}: {problem}")
        options[key] = tags
    elif key == "images":
        if value.lower() not in IMAGES:
            raise OptionError(f"The header {name} must be hosted or default, not {_show(value)}.")
        options[key] = value.lower()
    elif key == "maxdelivertime":
        problem = delivery_time_problem(value)
        if problem:
            raise OptionError(f"The header {name}: {problem}")
        options[key] = value
    else:
        options[key] = " ".join(value.split())  # an option the sandbox does not know


def _show(value: object) -> str:
    """A refused value quoted for a reply: ASCII only, one line, not too long."""
    text = ascii(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 4] + "...'"
