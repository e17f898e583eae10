"""The account's sender domains and their DNS, as SMTPeter's REST API describes them.

``GET /v1/domains`` lists the sender domains (``rest-sender-domains.md``): ``name``,
``approved``, the ``tracking`` host that rewritten links go through, and whether it uses
``https``. ``GET /v1/dns/{domain}/status`` says per record (dmarc, dkim, spf, mx, a, and
caa and validation where given) ``perfect``, ``ok`` or ``error``, with ``remarks`` per
record when not perfect; ``/recommended`` lists the records to add (``rest-dns.md``).
The readers here are lenient in what they take and strict in what they return: a field of
an unexpected type is left out, never guessed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from smtpeter_desktop.transport.errors import UnexpectedAnswer

# The order a person reads them in: who may send first, then how the mail is signed.
DNS_RECORDS = ("validation", "spf", "dkim", "dmarc", "mx", "a", "caa")
GOOD = ("perfect", "ok")


@dataclasses.dataclass(frozen=True)
class SenderDomain:
    """One sender domain of the account.

    Attributes:
        name: the domain, lower case.
        approved: SMTPeter has validated that the account controls it.
        tracking: the host name tracked links go through ("" when not given).
        https: whether tracked links use https.
    """

    name: str
    approved: bool
    tracking: str = ""
    https: bool = True

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SenderDomain:
        return read_domain(data, "domains")


@dataclasses.dataclass(frozen=True)
class DnsRecord:
    """A DNS record SMTPeter recommends: name, type and value, as to type into a DNS panel."""

    name: str
    type: str
    value: str


@dataclasses.dataclass(frozen=True)
class DnsStatus:
    """``GET /v1/dns/{domain}/status``: each record's state and SMTPeter's remark on it.

    Attributes:
        records: record name -> ``perfect``, ``ok`` or ``error`` (or what SMTPeter says).
        remarks: record name -> SMTPeter's sentence about it.
    """

    records: Mapping[str, str]
    remarks: Mapping[str, str]

    @property
    def failing(self) -> tuple[str, ...]:
        """The records that are not in order, in ``DNS_RECORDS`` order, then any others."""
        bad = [name for name, state in self.records.items() if state not in GOOD]
        return tuple(sorted(bad, key=lambda n: (*DNS_RECORDS, n).index(n)))

    def to_dict(self) -> dict[str, Any]:
        return {"records": dict(self.records), "remarks": dict(self.remarks)}


def _unreadable(what: str, stage: str) -> UnexpectedAnswer:
    return UnexpectedAnswer(
        f"SMTPeter's {what} could not be read.", "Try again later.", stage=stage
    )


def read_domain(item: Mapping[str, Any], stage: str) -> SenderDomain:
    name = item.get("name") or item.get("domain")
    if not isinstance(name, str) or not name:
        raise _unreadable("list of sender domains", stage)
    approved = item.get("approved", True)
    tracking = item.get("tracking")
    https = item.get("https", True)
    return SenderDomain(
        name=name.lower().rstrip("."),
        approved=approved if isinstance(approved, bool) else True,
        tracking=tracking.lower() if isinstance(tracking, str) else "",
        https=https if isinstance(https, bool) else True,
    )


def read_domains(data: Any, stage: str = "domains") -> list[SenderDomain]:
    """``/domains``: documented as objects with ``name``; bare names taken too (approved)."""
    if isinstance(data, dict):
        data = data.get("domains", list(data.values()))
    if not isinstance(data, list):
        raise _unreadable("list of sender domains", stage)
    found = []
    for item in data:
        if isinstance(item, str) and item:
            found.append(SenderDomain(item.lower().rstrip("."), True))
        elif isinstance(item, dict):
            found.append(read_domain(item, stage))
    return found


def read_status(data: Any, stage: str = "dns") -> DnsStatus:
    if not isinstance(data, dict):
        raise _unreadable("DNS status", stage)
    records = {
        str(name).lower(): value.lower()
        for name, value in data.items()
        if name != "remarks" and isinstance(value, str)
    }
    remarks_data = data.get("remarks")
    remarks = {}
    if isinstance(remarks_data, dict):
        remarks = {str(k).lower(): v for k, v in remarks_data.items() if isinstance(v, str)}
    return DnsStatus(records, remarks)


def read_recommended(data: Any, stage: str = "dns") -> list[DnsRecord]:
    if not isinstance(data, list):
        raise _unreadable("recommended DNS records", stage)
    records = []
    for item in data:
        if not isinstance(item, dict):
            continue
        fields = [item.get(key) for key in ("name", "type", "value")]
        if all(isinstance(field, str) for field in fields):
            records.append(DnsRecord(*(str(field) for field in fields)))
    return records
