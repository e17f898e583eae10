"""The plain-address rule in ``compose.addresses`` against email-validator itself.

The rule lets most addresses skip importing email-validator (about 28 ms of pattern
compiling). It is only sound while everything it accepts, email-validator accepts too, with
the very same result; these tests ask the library, so a new version that changes its mind
fails here rather than in a user's send.
"""

from __future__ import annotations

import subprocess
import sys

import email_validator
import pytest
from email_validator import rfc_constants
from hypothesis import given, settings
from hypothesis import strategies as st

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.errors import AddressError


def _library(address: str) -> tuple[str, str] | None:
    try:
        valid = email_validator.validate_email(
            address, check_deliverability=False, allow_smtputf8=True
        )
    except email_validator.EmailNotValidError:
        return None
    return valid.normalized, valid.ascii_email or ""


def test_the_lists_the_rule_copies_are_the_librarys() -> None:
    assert tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES) == addresses.SPECIAL_USE_DOMAINS
    assert set(rfc_constants.CASE_INSENSITIVE_MAILBOX_NAMES) == addresses.ROLE_NAMES


PLAIN = [
    "ann@example.com",
    "Ann.Lee+q3@mail.example.co.uk",
    "a_b%c-d@ex-ample.org",
    "x@a.example",
    "1@2.xyz",
    "bob@sub-1.sub2.example.museum",
]
NOT_PLAIN = [
    "Postmaster@example.com",  # lower-cased by the library
    "ann@Example.COM",  # so is the domain
    "ann@xn--bcher-kva.de",  # shown in Unicode
    "ann@bücher.de",
    "ännchen@example.com",
    '"ann lee"@example.com',
    "ann@b.test",
    "ann@sub.localhost",
    "ann@example",
    "ann@example.123",
    "ann@ab--cd.com",
    "ann..lee@example.com",
    ".ann@example.com",
    "ann.@example.com",
    "ann@-example.com",
    "ann@example-.com",
    "ann@[192.0.2.1]",
    "a" * 65 + "@example.com",
    "ann@" + "a" * 64 + ".com",
    "ann@" + ".".join(["a" * 60] * 5) + ".com",
    "ann!x@example.com",
    "",
    "@example.com",
    "ann@",
]


@pytest.mark.parametrize("address", PLAIN)
def test_plain_addresses_are_taken_as_the_library_takes_them(address: str) -> None:
    assert addresses.is_plain(address)
    assert addresses.validate(address) == _library(address) == (address, address)


@pytest.mark.parametrize("address", NOT_PLAIN)
def test_other_addresses_get_the_librarys_verdict(address: str) -> None:
    assert not addresses.is_plain(address)
    expected = _library(address)
    if expected is None:
        with pytest.raises(addresses.InvalidAddress):
            addresses.validate(address)
    else:
        assert addresses.validate(address) == expected


_ATOM = st.text("aZ09_%+-.!#'=?~", min_size=0, max_size=12)
_LABEL = st.text("az09-AZ", min_size=0, max_size=12)


@settings(max_examples=600, deadline=None)
@given(
    local=_ATOM,
    labels=st.lists(_LABEL, min_size=1, max_size=4),
    tld=st.sampled_from(["com", "nl", "c0m", "Com", "test", "local", "x", "arpa", "xn--p1ai", ""]),
)
def test_whatever_the_rule_takes_the_library_takes_unchanged(
    local: str, labels: list[str], tld: str
) -> None:
    address = f"{local}@{'.'.join([*labels, tld])}"
    if addresses.is_plain(address):
        assert _library(address) == (address, address)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_any_text_the_rule_takes_the_library_takes_unchanged(text: str) -> None:
    if addresses.is_plain(text):
        assert _library(text) == (text, text)


def test_a_bad_address_is_told_in_the_librarys_words() -> None:
    with pytest.raises(AddressError, match="It should have a period"):
        addresses.parse_address("Ann <ann@example>", "To")


def test_plain_addresses_are_read_without_importing_email_validator() -> None:
    code = (
        "import sys\n"
        "from smtpeter_desktop.compose import addresses\n"
        "found = addresses.read_address_list('Ann Lee <ann@example.com>, bob@example.org')\n"
        "assert found.ok and len(found.addresses) == 2\n"
        "print('email_validator' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# Near the rule's edges: mostly plain shapes, some just outside (dots, dashes, lengths, case).
_NEAR_PLAIN = (
    r"[A-Za-z0-9_%+-]{1,40}(\.[A-Za-z0-9_%+-]{0,30}){0,2}"
    r"@([a-z0-9-]{1,63}\.){1,4}[a-zA-Z]{1,63}"
)


@settings(max_examples=600, deadline=None)
@given(st.from_regex(_NEAR_PLAIN, fullmatch=True))
def test_near_the_edges_the_rule_takes_only_what_the_library_takes_unchanged(
    address: str,
) -> None:
    if addresses.is_plain(address):
        assert _library(address) == (address, address)
