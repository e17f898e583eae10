"""Address lists as people type them: parse, validate, and say exactly which entry is wrong.

People separate entries with commas or semicolons (Outlook taught the latter) or paste a
column of a spreadsheet (one address a line), quote display
names that contain either (``"Lee, Ann" <ann@example.com>``), and paste IDN domains. Each entry
is checked by ``email-validator`` without network look-ups; a failure names the entry.

Most addresses people type have one plain shape (``ann.lee+q3@mail.example.com``). Those are
accepted by a rule here that is stricter than email-validator's and gives the same result, so
most runs never import it: compiling its patterns (ranges up to U+10FFFF) costs about 28 ms,
a whole Python start twice over. Anything else (IDN, quotes, capitals in the domain, the role
names it lower-cases) goes to email-validator. ``tests/compose/test_plain_addresses.py``
holds the rule to that promise against the library itself.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from smtpeter_desktop.compose.errors import AddressError, HeaderInjectionError
from smtpeter_desktop.compose.headertext import describe, unfit_character
from smtpeter_desktop.i18n import translate

# Characters that force a display name into quotes (RFC 5322 "specials").
_SPECIALS = re.compile(r'[()<>\[\]:;@\\,."]')

# The plain shape (see the module's docstring): a dot-atom local part of common characters,
# and a lower-case ASCII domain of two or more labels ending in letters, no "--" anywhere
# (that is where Punycode and its rules live).
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_PLAIN = re.compile(
    rf"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:{_LABEL}\.)+[a-z]{{2,63}}", re.ASCII
)
# What email-validator lower-cases (RFC 2142 role names) or refuses (special-use domains).
ROLE_NAMES = frozenset(
    [
        "info",
        "marketing",
        "sales",
        "support",
        "abuse",
        "noc",
        "security",
        "postmaster",
        "hostmaster",
        "usenet",
        "news",
        "webmaster",
        "www",
        "uucp",
        "ftp",
    ]
)
SPECIAL_USE_DOMAINS = ("arpa", "invalid", "local", "localhost", "onion", "test")


@dataclasses.dataclass(frozen=True)
class Address:
    """One mailbox: an optional display name and the address, normalised.

    Attributes:
        name: the display name, unquoted ("Lee, Ann").
        address: the address as a person reads it (IDN domains in Unicode).
        ascii_address: the address with the domain in punycode, or "" when the local part
            itself is non-ASCII (then only an SMTPUTF8 server can take it).
    """

    name: str
    address: str
    ascii_address: str

    @property
    def needs_smtputf8(self) -> bool:
        return not self.ascii_address

    @property
    def envelope_address(self) -> str:
        """The form for SMTP's MAIL FROM / RCPT TO and REST's recipients."""
        return self.ascii_address or self.address

    @property
    def domain(self) -> str:
        return self.envelope_address.rpartition("@")[2]

    def format(self) -> str:
        """How a person would type it back: ``Ann Lee <ann@example.com>``."""
        if not self.name:
            return self.address
        name = self.name
        if _SPECIALS.search(name) or name != name.strip():
            name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return f"{name} <{self.address}>"


@dataclasses.dataclass(frozen=True)
class AddressList:
    """The result of reading one field: the good entries and the problems, in order."""

    addresses: tuple[Address, ...]
    problems: tuple[AddressError, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


# A pasted column (one address a line) is a list: a line break ends an entry wherever it is.
ENTRY_BREAKS = frozenset("\n\r\x85\u2028\u2029")


def entry_spans(text: str) -> list[tuple[int, int]]:
    """Where each entry lies in ``text``: (start, end) with separators left out.

    Commas and semicolons separate outside quotes, angle brackets and comments; a line break
    separates everywhere (and closes an open quote), so a pasted spreadsheet column reads as
    one address a line. Blank entries are kept, so positions map back to the text.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    quoted = escaped = False
    angle = comment = 0
    for index, char in enumerate(text):
        if char in ENTRY_BREAKS:
            spans.append((start, index))
            start = index + 1
            quoted = escaped = False
            angle = comment = 0
        elif escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif quoted:
            quoted = char != '"'
        elif char == '"':
            quoted = True
        elif char == "(":
            comment += 1
        elif char == ")" and comment:
            comment -= 1
        elif char == "<":
            angle += 1
        elif char == ">" and angle:
            angle -= 1
        elif char in ",;" and not angle and not comment:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(text)))
    return spans


def split_entries(text: str) -> list[str]:
    """The non-blank entries of ``text``, stripped (see ``entry_spans`` for the separators)."""
    entries = (text[start:end].strip() for start, end in entry_spans(text))
    return [entry for entry in entries if entry]


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] == name[-1] == '"':
        return re.sub(r"\\(.)", r"\1", name[1:-1])
    return name


def _split_name(entry: str, field: str) -> tuple[str, str]:
    """``Name <addr>`` -> (name, addr); a bare address -> ("", addr)."""
    if entry.endswith(">"):
        start = entry.rfind("<")
        if start == -1:
            raise AddressError(
                entry, translate("compose.addresses", "a “>” has no matching “<”."), field
            )
        return _unquote(entry[:start]), entry[start + 1 : -1].strip()
    if "<" in entry:
        raise AddressError(
            entry, translate("compose.addresses", "a “<” is not closed with “>”."), field
        )
    return "", entry


def is_plain(address: str) -> bool:
    """Whether ``address`` has the plain shape email-validator accepts unchanged."""
    if len(address) > 254 or not _PLAIN.fullmatch(address):
        return False
    local, _, domain = address.rpartition("@")
    return (
        len(local) <= 64
        and len(domain) <= 253
        and "--" not in domain
        and local.lower() not in ROLE_NAMES
        and domain.rpartition(".")[2] not in SPECIAL_USE_DOMAINS
    )


class InvalidAddress(ValueError):
    """email-validator's verdict, in its words."""


@lru_cache(maxsize=1024)
def validate(address: str) -> tuple[str, str]:
    """``(address, ascii_address)`` as ``Address`` holds them; ``InvalidAddress`` else.

    No DNS: the window validates as the user types, and offline sending must still work.
    Cached, bounded: a merge list of 100,000 people must not keep every address it checked.
    """
    if is_plain(address):
        return address, address
    import email_validator

    try:
        valid = email_validator.validate_email(
            address, check_deliverability=False, allow_smtputf8=True
        )
    except email_validator.EmailNotValidError as exc:
        raise InvalidAddress(str(exc)) from None
    return valid.normalized, valid.ascii_email or ""


def parse_address(entry: str, field: str = "") -> Address:
    """One entry to an ``Address``; ``AddressError`` says what is wrong with it."""
    if char := unfit_character(entry):
        raise HeaderInjectionError(field or "address", char, f"{field} field" if field else "")
    name, address = _split_name(entry.strip(), field)
    if not address:
        raise AddressError(
            entry, translate("compose.addresses", "the address itself is missing."), field
        )
    try:
        normalized, ascii_address = validate(address)
    except InvalidAddress as exc:
        raise AddressError(entry, str(exc), field) from None
    return Address(name=name, address=normalized, ascii_address=ascii_address)


def read_address_list(text: str, field: str = "") -> AddressList:
    """Every entry of a field, good and bad, for marking problems as the user types."""
    addresses: list[Address] = []
    problems: list[AddressError] = []
    for entry in split_entries(text):
        # Line breaks between entries separate them; any other unfit character is refused
        # here, per entry, so the message names the one entry that holds it.
        if char := unfit_character(entry):
            reason = f"it contains {describe(char)}, which a header cannot hold."
            problems.append(AddressError(entry, reason, field))
            continue
        try:
            addresses.append(parse_address(entry, field))
        except AddressError as exc:
            problems.append(exc)
    return AddressList(tuple(addresses), tuple(problems))


def parse_address_list(text: str, field: str = "") -> tuple[Address, ...]:
    """The addresses of a field; the first bad entry raises ``AddressError``."""
    result = read_address_list(text, field)
    if result.problems:
        raise result.problems[0]
    return result.addresses


def format_address_list(addresses: tuple[Address, ...] | list[Address]) -> str:
    return ", ".join(address.format() for address in addresses)
