"""Fault rules: the sandbox misbehaving on purpose, for tests and demonstrations.

Like Mailpit's "chaos", a rule makes the sandbox refuse, stall or hang up at a chosen point,
so that a client's handling of each failure can be seen. Rules are a frozen ``FaultRules``
value; a ``Faults`` object holds the current one and may be changed while the sandbox runs.

On the command line each rule is one ``--fault SPEC``::

    reject=GLOB             550 at RCPT for recipients matching GLOB (case-insensitive,
                            * and ? as in file names); may be given more than once
    auth=CODE               answer every AUTH with CODE, e.g. 535 (wrong password) or 454
    after-data=CODE         answer the whole message with CODE, e.g. 451 or 554 (not kept)
    rest=STATUS             answer REST sends with STATUS and an error in SMTPeter's shape
    rest=STATUS:SECONDS     ... and a Retry-After of SECONDS (e.g. rest=429:30)
    rest=STATUS:not-json    ... with an HTML body instead, like a proxy (e.g. rest=502:not-json)
    delay=STAGE:SECONDS     wait before answering at STAGE: greeting, ehlo, starttls, auth,
                            mail, rcpt, data (after the message is kept) or rest
    drop=mid-data           hang up once the first bytes of the message arrive (not kept)
    drop=mid-data:BYTES     ... once at least BYTES of it arrived
    drop=after-data         keep the whole message, then hang up without answering, so the
                            client cannot know it was accepted
    no-starttls             do not offer STARTTLS (so nothing can be sent on that port)
    fail=GLOB               accept, then report a failure event for matching recipients
    pending=GLOB            accept, but report no delivery event yet for matching recipients
    unapproved=GLOB         sender domains matching GLOB are listed as not approved, their DNS
                            validation fails, and mail from them is refused (REST and SMTP)
    dns-error=RECORD        GET /v1/dns/{domain}/status reports RECORD (dmarc, dkim, spf, mx,
                            a, caa or validation) as "error", with a remark, for every domain
"""

from __future__ import annotations

import dataclasses
import fnmatch
import math
import threading
import types
from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args

from smtpeter_desktop.sandbox.errors import FaultSpecError

Stage = Literal["greeting", "ehlo", "starttls", "auth", "mail", "rcpt", "data", "rest"]
STAGES: tuple[Stage, ...] = get_args(Stage)
Drop = Literal["mid-data", "after-data"]
Outcome = Literal["delivered", "failed", "pending"]
_NAMES = (
    "reject",
    "auth",
    "after-data",
    "rest",
    "delay",
    "drop",
    "no-starttls",
    "fail",
    "pending",
    "unapproved",
    "dns-error",
)
# The records GET /v1/dns/{domain}/status reports on (rest-dns.md, plus caa and validation).
DNS_RECORDS = ("dmarc", "dkim", "spf", "mx", "a", "caa", "validation")


@dataclasses.dataclass(frozen=True)
class RestFault:
    """How REST sends are answered instead of being accepted.

    Attributes:
        status: the HTTP status.
        retry_after: seconds for a ``Retry-After`` header, or none.
        json: ``True`` for SMTPeter's ``{"error": {"message": ...}}`` body, ``False`` for an
            HTML page such as a proxy in front of a server would send.
    """

    status: int
    retry_after: int | None = None
    json: bool = True

    def __post_init__(self) -> None:
        if not 200 <= self.status <= 599:
            raise FaultSpecError(f"{self.status} is not an HTTP status to answer: use 200 to 599.")
        if self.retry_after is not None and self.retry_after < 0:
            raise FaultSpecError("Retry-After cannot be negative.")

    def spec(self) -> str:
        if not self.json:
            return f"rest={self.status}:not-json"
        if self.retry_after is not None:
            return f"rest={self.status}:{self.retry_after}"
        return f"rest={self.status}"


@dataclasses.dataclass(frozen=True)
class FaultRules:
    """The fault rules in force; the default value has none.

    Attributes:
        reject: recipient patterns answered 550 at ``RCPT TO``.
        auth: the code every ``AUTH`` is answered with, or none.
        after_data: the code a whole message is answered with, or none.
        rest: how REST sends are answered, or none.
        delays: seconds to wait before answering, per stage.
        drop: when to hang up without answering, or never.
        drop_after: for a ``mid-data`` drop, the bytes of the message to wait for first.
        no_starttls: STARTTLS is not offered.
        fail: recipient patterns whose messages get a failure event, not a delivery.
        pending: recipient patterns whose messages get no delivery event yet.
        unapproved: sender domain patterns that are not approved (listed so, refused).
        dns_errors: DNS records the status call reports as wrong, for every domain.
    """

    reject: tuple[str, ...] = ()
    auth: int | None = None
    after_data: int | None = None
    rest: RestFault | None = None
    delays: Mapping[Stage, float] = dataclasses.field(default_factory=dict)
    drop: Drop | None = None
    drop_after: int = 1
    no_starttls: bool = False
    fail: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    unapproved: tuple[str, ...] = ()
    dns_errors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("auth", "after_data"):
            code = getattr(self, name)
            if code is not None and not 400 <= code <= 599:
                raise FaultSpecError(
                    f"{code} is not an SMTP error code: use 400 to 599 (e.g. 451, 535, 554)."
                )
        for stage, seconds in self.delays.items():
            if stage not in STAGES:
                raise FaultSpecError(f"{stage!r} is not a stage: use one of {', '.join(STAGES)}.")
            if not math.isfinite(seconds) or seconds < 0:
                raise FaultSpecError(f"A delay of {seconds} seconds is not possible.")
        if self.drop is not None and self.drop not in get_args(Drop):
            raise FaultSpecError(f"{self.drop!r} is not a drop point: use mid-data or after-data.")
        if self.drop_after < 1:
            raise FaultSpecError("A mid-data drop waits for at least 1 byte of the message.")
        for pattern in (*self.reject, *self.fail, *self.pending):
            if not pattern:
                raise FaultSpecError("A recipient pattern cannot be empty: use * for every one.")
        if any(not pattern for pattern in self.unapproved):
            raise FaultSpecError("A domain pattern cannot be empty: use * for every one.")
        for record in self.dns_errors:
            if record not in DNS_RECORDS:
                raise FaultSpecError(
                    f"{record!r} is not a DNS record the status call checks: use one of "
                    f"{', '.join(DNS_RECORDS)}."
                )
        # A read-only copy: the value is shared between threads and must not change.
        object.__setattr__(self, "delays", types.MappingProxyType(dict(self.delays)))

    def rejects(self, recipient: str) -> bool:
        """Whether ``RCPT TO`` for this address is refused."""
        return _matches(recipient, self.reject)

    def outcome(self, recipient: str) -> Outcome:
        """What the events of an accepted message to this address will say."""
        if _matches(recipient, self.fail):
            return "failed"
        if _matches(recipient, self.pending):
            return "pending"
        return "delivered"

    def approved(self, domain: str) -> bool:
        """Whether the sender domain ``domain`` is approved."""
        return not _matches(domain, self.unapproved)

    def delay(self, stage: Stage) -> float:
        """Seconds to wait before answering at ``stage``; 0 when there is no such rule."""
        return self.delays.get(stage, 0.0)

    def specs(self) -> tuple[str, ...]:
        """The rules as ``--fault`` specs; ``parse(specs())`` gives the same rules back."""
        out = [f"reject={p}" for p in self.reject]
        if self.auth is not None:
            out.append(f"auth={self.auth}")
        if self.after_data is not None:
            out.append(f"after-data={self.after_data}")
        if self.rest is not None:
            out.append(self.rest.spec())
        out += [f"delay={stage}:{_number(s)}" for stage, s in self.delays.items()]
        if self.drop == "mid-data" and self.drop_after != 1:
            out.append(f"drop=mid-data:{self.drop_after}")
        elif self.drop is not None:
            out.append(f"drop={self.drop}")
        if self.no_starttls:
            out.append("no-starttls")
        out += [f"fail={p}" for p in self.fail]
        out += [f"pending={p}" for p in self.pending]
        out += [f"unapproved={p}" for p in self.unapproved]
        out += [f"dns-error={r}" for r in self.dns_errors]
        return tuple(out)

    def with_spec(self, spec: str) -> FaultRules:
        """These rules plus one more written as a spec; patterns and delays add up."""
        name, _, value = spec.strip().partition("=")
        name = name.strip().lower()
        value = value.strip()
        try:
            return self._with(name, value)
        except FaultSpecError as exc:
            raise FaultSpecError(f"The fault {spec!r} cannot be used: {exc}") from None
        except ValueError:
            raise FaultSpecError(
                f"The fault {spec!r} cannot be read: see the list of fault rules for its form."
            ) from None

    @classmethod
    def parse(cls, specs: Iterable[str]) -> FaultRules:
        """Rules from ``--fault`` specs, in order."""
        rules = cls()
        for spec in specs:
            rules = rules.with_spec(spec)
        return rules

    def _with(self, name: str, value: str) -> FaultRules:
        replace = dataclasses.replace
        if name not in _NAMES:
            raise FaultSpecError(f"{name!r} is not a fault: use {', '.join(_NAMES)}.")
        if name == "no-starttls":
            if value:
                raise FaultSpecError("no-starttls takes no value.")
            return replace(self, no_starttls=True)
        if not value:
            raise FaultSpecError(f"{name or 'it'} needs a value after '='.")
        if name in ("reject", "fail", "pending", "unapproved"):
            return replace(self, **{name: (*getattr(self, name), value)})
        if name == "dns-error":
            return replace(self, dns_errors=(*self.dns_errors, value.lower()))
        if name == "auth":
            return replace(self, auth=int(value))
        if name == "after-data":
            return replace(self, after_data=int(value))
        if name == "rest":
            status, _, extra = value.partition(":")
            if extra == "not-json":
                return replace(self, rest=RestFault(int(status), json=False))
            return replace(self, rest=RestFault(int(status), int(extra) if extra else None))
        if name == "delay":
            stage, _, seconds = value.partition(":")
            if stage not in STAGES:
                raise FaultSpecError(f"{stage!r} is not a stage: use one of {', '.join(STAGES)}.")
            return replace(self, delays={**self.delays, stage: float(seconds)})
        if name == "drop":
            point, _, count = value.partition(":")
            if point == "mid-data":
                return replace(self, drop="mid-data", drop_after=int(count) if count else 1)
            if point == "after-data" and not count:
                return replace(self, drop="after-data", drop_after=1)
            raise FaultSpecError("use drop=mid-data, drop=mid-data:BYTES or drop=after-data.")
        raise AssertionError(f"fault {name!r} has no reader")


class Faults:
    """The fault rules of a running sandbox; safe to read and change from any thread."""

    def __init__(self, rules: FaultRules | None = None) -> None:
        self._lock = threading.Lock()
        self._rules = rules or FaultRules()

    @property
    def rules(self) -> FaultRules:
        """The rules in force now (a frozen value: later changes do not alter it)."""
        with self._lock:
            return self._rules

    def set(self, rules: FaultRules) -> None:
        """Replace every rule."""
        with self._lock:
            self._rules = rules

    def add(self, *specs: str) -> FaultRules:
        """Add rules written as ``--fault`` specs; returns the rules now in force."""
        with self._lock:
            rules = self._rules
            for spec in specs:
                rules = rules.with_spec(spec)
            self._rules = rules
            return rules

    def update(self, **changes: Any) -> FaultRules:
        """Change some fields, e.g. ``update(after_data=451)``; returns the rules now in force."""
        with self._lock:
            self._rules = dataclasses.replace(self._rules, **changes)
            return self._rules

    def clear(self) -> None:
        """Remove every rule: the sandbox behaves again."""
        self.set(FaultRules())

    def __repr__(self) -> str:
        return f"Faults({', '.join(self.rules.specs()) or 'none'})"


def _matches(address: str, patterns: Iterable[str]) -> bool:
    address = address.lower()
    return any(fnmatch.fnmatchcase(address, p.lower()) for p in patterns)


def _number(seconds: float) -> str:
    return str(int(seconds)) if seconds == int(seconds) else str(seconds)
