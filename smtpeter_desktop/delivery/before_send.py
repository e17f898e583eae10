"""Before Send: every check of a draft, on the account it will go through, as one report.

``check`` runs ``inspection``'s local checks (the draft's questions, SMTPeter's changes,
compatibility, links, parts, and SpamAssassin when asked) and adds what only the account
can tell: whether the From domain is one of its sender domains, approved, with its DNS in
order, and the records SMTPeter recommends for those that are not. It asks over the REST API
(``GET /v1/domains``, ``/v1/dns/{domain}/status``, ``/recommended``) and keeps the answers a
day (``storage.domaincache``); ``refresh`` asks again. An SMTP account asks with its optional
REST token for checks (``check_token``, kept in the keyring beside its password); without one
its sender domain cannot be checked, and the report says so and how to enable it. The
built-in sandbox answers over its own REST API whichever way the profile sends.

A failure to ask never stops the other checks: it becomes a finding saying why.

For the window (a "Check" button beside Send, a findings panel, a preview mode):

- in a worker thread, ``result = check(draft, profile, secret, check_token=
  check_token_for(profile, secrets), sandbox=..., cache=DomainCache(), refresh=<"Check
  again" pressed>, link_check=settings CHECK_LINKS_ONLINE)``;
  it takes a second or two with SpamAssassin, which ``spam_check=False`` leaves out;
- ``result.report.findings`` in order (blocks, warns, info), each with ``message``,
  ``advice`` and ``elements``; ``result.report.blocks`` decides whether Send may go on;
  ``compatibility_score``, ``spam_score`` and ``size`` for a summary line;
- ``recipient_preview(draft, result)`` for the preview's "as the recipient will get it" mode.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx

from smtpeter_desktop.compose import addresses, render
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.delivery.local_sandbox import LOGIN, LocalSandbox
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection import links, run, smtpeter
from smtpeter_desktop.inspection.findings import Finding, Report, Severity
from smtpeter_desktop.storage.domaincache import DomainCache, account_key
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.storage.secrets import CHECK_TOKEN, SecretStore
from smtpeter_desktop.transport import domains, tls
from smtpeter_desktop.transport.errors import AuthError, SendError
from smtpeter_desktop.transport.rest import RestSettings, RestTransport

log = logging.getLogger(__name__)

CHECK = "domain"
_T = TypeVar("_T")
# What each failing DNS record is about, in words, and which recommended records fix it.
_RECORD_WORDS = {
    "validation": ("the proof that the domain is yours", lambda r: r.type == "TXT"),
    "spf": ("SPF (which servers may send for it)", lambda r: r.value.startswith("v=spf1")),
    "dkim": ("DKIM (the signature on its mail)", lambda r: "._domainkey." in r.name),
    "dmarc": ("DMARC (what receivers do with unsigned mail)", lambda r: "_dmarc." in r.name),
    "mx": ("MX (where bounces go)", lambda r: r.type == "MX"),
    "a": ("the tracking host's address", lambda r: r.name.startswith(("clicks.", "tracking."))),
    "caa": ("CAA (who may make its certificates)", lambda r: r.type == "CAA"),
}


@dataclasses.dataclass(frozen=True)
class BeforeSend:
    """The result of a check.

    Attributes:
        report: every finding, blocking ones first.
        sender_domain: the account's record of the From domain, when it could be asked.
    """

    report: Report
    sender_domain: domains.SenderDomain | None = None

    @property
    def tracking_host(self) -> str:
        """The host tracked links will go through, for ``inspection.smtpeter.recipient_view``."""
        domain = self.sender_domain
        if domain is None:
            return smtpeter.PLACEHOLDER_TRACKING_HOST
        return domain.tracking or f"clicks.{domain.name}"

    @property
    def tracking_https(self) -> bool:
        return self.sender_domain.https if self.sender_domain else True

    def to_dict(self) -> dict[str, Any]:
        data = self.report.to_dict()
        data["sender_domain"] = self.sender_domain.to_dict() if self.sender_domain else None
        return data


def from_domain(draft: Draft) -> str | None:
    """The From address's domain (punycode, lower case), or ``None`` when there is none."""
    try:
        senders = addresses.parse_address_list(draft.sender, "From")
    except ComposeError:
        return None
    return senders[0].domain.lower() if len(senders) == 1 else None


def check_token_for(profile: Profile, secrets: SecretStore) -> str | None:
    """The REST token an SMTP profile's checks ask SMTPeter with, or ``None`` (a REST profile
    asks with its own token; the sandbox needs none).

    Raises:
        KeyringUnavailable: the keyring cannot be read.
    """
    if profile.sandbox or profile.transport != "smtp":
        return None
    return secrets.get(profile.id, CHECK_TOKEN)


def rest_for(
    profile: Profile,
    secret: str | None,
    sandbox: LocalSandbox,
    check_token: str | None = None,
) -> RestTransport | None:
    """A REST connection to ask about the profile's account, or ``None`` when it has none.

    ``secret`` is the profile's own (a REST profile's token); ``check_token`` an SMTP
    profile's REST token for checks. An SMTP password is never sent as a token.
    """
    timeouts = profile.timeouts
    ca_file: Path | None
    if profile.sandbox:
        running = sandbox.running()
        base_url, ca_file, token = running.rest_base_url, running.ca_file, LOGIN
    elif profile.transport == "rest" and secret:
        base_url, token = profile.rest_url, secret
    elif profile.transport == "smtp" and check_token:
        # The profile's rest_url (SMTPeter's unless changed by hand) and its extra CA, which
        # is trusted besides the system's, as for the SMTP server.
        base_url, token = profile.rest_url, check_token
    else:
        return None
    if not profile.sandbox:
        ca_file = Path(profile.ca_file).expanduser() if profile.ca_file else None
    settings = RestSettings(
        base_url=base_url,
        ca_file=ca_file,
        connect_timeout=timeouts.connect,
        read_timeout=timeouts.command,
        final_timeout=timeouts.command,
    )
    return RestTransport(settings, token)


def _not_checked(profile: Profile) -> Finding:
    if profile.transport == "smtp":
        return Finding(
            CHECK,
            "domain-not-checked",
            Severity.INFO,
            translate(
                "BeforeSend",
                "The sender domain cannot be checked for “{profile}”: SMTPeter tells it only "
                "over its REST API, with an API token, and this SMTP account has none.",
            ).format(profile=profile.name),
            translate(
                "BeforeSend",
                "To have it checked, enter a REST token for checks in the account's settings "
                "(Accounts ▸ Edit; the API token is in SMTPeter's dashboard), or from the "
                "command line: smtpeter-desktop profiles set-secret '{profile}' "
                "--check-token-stdin.",
            ).format(profile=profile.name),
        )
    return Finding(
        CHECK,
        "domain-not-checked",
        Severity.INFO,
        translate(
            "BeforeSend",
            "The sender domain was not checked: no API token is stored for “{profile}”.",
        ).format(profile=profile.name),
        translate("BeforeSend", "Enter the API token in the account's settings, then check again."),
    )


class _Asker:
    """Asks SMTPeter, through the cache: each answer is kept a day per account."""

    def __init__(
        self,
        transport: RestTransport,
        cache: DomainCache | None,
        account: str,
        now: datetime | None,
    ) -> None:
        self.transport = transport
        self.cache = cache
        self.account = account
        self.now = now

    def ask(
        self,
        key: str,
        fetch: Callable[[], _T],
        to_json: Callable[[_T], Any],
        from_json: Callable[[Any], _T],
    ) -> _T:
        if self.cache is not None:
            kept = self.cache.get(self.account, key, now=self.now)
            if kept is not None:
                try:
                    return from_json(kept)
                except (SendError, TypeError, ValueError, KeyError, AttributeError):
                    log.info("A kept answer for %s could not be read; asking again.", key)
        value = fetch()
        if self.cache is not None:
            self.cache.put(self.account, key, to_json(value), now=self.now)
        return value


def domain_findings(
    draft: Draft,
    profile: Profile,
    secret: str | None,
    *,
    sandbox: LocalSandbox,
    check_token: str | None = None,
    cache: DomainCache | None = None,
    refresh: bool = False,
    now: datetime | None = None,
) -> tuple[list[Finding], domains.SenderDomain | None]:
    """What the account says about the draft's From domain, as findings."""
    domain = from_domain(draft)
    if domain is None:
        return [], None  # the draft's own check says what is wrong with From
    try:
        transport = rest_for(profile, secret, sandbox, check_token)
    except SendError as exc:
        return [_could_not_ask(exc, profile)], None
    if transport is None:
        return [_not_checked(profile)], None
    account = account_key(profile.id, transport.shown_url(""))
    if refresh and cache is not None:
        cache.forget(account)
    asker = _Asker(transport, cache, account, now)
    try:
        with transport:
            return _domain_findings(domain, asker)
    except SendError as exc:
        return [_could_not_ask(exc, profile)], None


def _could_not_ask(exc: SendError, profile: Profile) -> Finding:
    advice = exc.hint
    if isinstance(exc, AuthError) and profile.transport == "smtp" and not profile.sandbox:
        # The transport's hint speaks of a REST profile's token; this is the one for checks.
        advice = translate(
            "BeforeSend",
            "Copy the API token again from SMTPeter's dashboard into the account's “REST "
            "token for checks”, then check again.",
        )
    elif not advice and isinstance(exc, AuthError):
        advice = translate("BeforeSend", "Check the account's API token.")
    elif not advice:
        advice = translate("BeforeSend", "Check again when the connection works.")
    return Finding(
        CHECK,
        "domain-check-failed",
        Severity.WARNS,
        translate(
            "BeforeSend", "SMTPeter could not be asked about the sender domain: {reason}"
        ).format(reason=exc.message),
        advice,
    )


def _domain_findings(
    domain: str, asker: _Asker
) -> tuple[list[Finding], domains.SenderDomain | None]:
    listed = asker.ask(
        "domains",
        asker.transport.sender_domain_list,
        lambda found: [d.to_dict() for d in found],
        lambda data: [domains.SenderDomain.from_dict(d) for d in data],
    )
    known = {d.name: d for d in listed}
    record = known.get(domain)
    if record is None:
        names = tuple(sorted(known))
        choice = f"send from {_or(names)}" if names else "add one first"
        return [
            Finding(
                CHECK,
                "domain-unknown",
                Severity.BLOCKS,
                f"{domain} is not a sender domain of this account, so SMTPeter will refuse "
                f"the message (“You cannot send mailings from {domain} without configuring it "
                "as sender domain”).",
                f"Add {domain} as a sender domain in SMTPeter's dashboard, or {choice}.",
                names,
            )
        ], None
    findings: list[Finding] = []
    if not record.approved:
        findings.append(
            Finding(
                CHECK,
                "domain-unapproved",
                Severity.BLOCKS,
                f"{domain} is a sender domain of this account, but SMTPeter has not approved "
                "it yet, so it will not send mail from it.",
                "Add the TXT record SMTPeter showed when the domain was added, so it can see "
                "the domain is yours; then check again.",
            )
        )
    status = asker.ask(
        f"dns-status {domain}",
        lambda: asker.transport.dns_status(domain),
        lambda value: value.to_dict(),
        lambda data: domains.DnsStatus(dict(data["records"]), dict(data["remarks"])),
    )
    failing = status.failing
    if failing:
        recommended = asker.ask(
            f"dns-recommended {domain}",
            lambda: asker.transport.dns_recommended(domain),
            lambda found: [dataclasses.asdict(r) for r in found],
            lambda data: [domains.DnsRecord(**r) for r in data],
        )
        for name in failing:
            if name == "validation" and not record.approved:
                continue  # said above, with what to do
            findings.append(_dns_finding(domain, name, status, recommended))
    return findings, record


def _dns_finding(
    domain: str, name: str, status: domains.DnsStatus, recommended: list[domains.DnsRecord]
) -> Finding:
    words, fixes = _RECORD_WORDS.get(name, (name.upper(), lambda r: True))
    remark = status.remarks.get(name)
    said = f" SMTPeter says: “{remark}”." if remark else ""
    wanted = [r for r in recommended if fixes(r)] or recommended
    shown = tuple(f"{r.name}  {r.type}  {r.value}" for r in wanted)
    return Finding(
        CHECK,
        f"dns-{name}",
        Severity.WARNS,
        f"The DNS of {domain} is not in order for {words}: receivers may junk or refuse its "
        f"mail.{said}",
        "Add these records at your DNS provider, as SMTPeter recommends, then check again."
        if shown
        else "Correct the record at your DNS provider, then check again.",
        shown,
    )


def _or(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def link_client(timeout: float = links.HEAD_TIMEOUT) -> httpx.Client:
    """An HTTP client for the optional link check, trusting what the system trusts."""
    return httpx.Client(verify=tls.client_context(), timeout=timeout, follow_redirects=True)


def check(
    draft: Draft,
    profile: Profile,
    secret: str | None,
    *,
    sandbox: LocalSandbox,
    check_token: str | None = None,
    cache: DomainCache | None = None,
    refresh: bool = False,
    spam_check: bool = True,
    link_check: bool = False,
    now: datetime | None = None,
) -> BeforeSend:
    """Every check of ``draft`` as sent through ``profile`` (``secret``: its password or
    token, ``None`` when none is stored; ``check_token``: an SMTP profile's REST token for
    checks, see :func:`check_token_for`). ``link_check`` asks each web link's server (a
    setting, off by default); ``refresh`` asks SMTPeter again rather than using kept answers.
    Runs for seconds at most (SpamAssassin, the network): call it off the GUI thread.
    """
    client = link_client() if link_check else None
    try:
        report = run.check_draft(draft, spam_check=spam_check, link_client=client)
    finally:
        if client is not None:
            client.close()
    found, record = domain_findings(
        draft,
        profile,
        secret,
        sandbox=sandbox,
        check_token=check_token,
        cache=cache,
        refresh=refresh,
        now=now,
    )
    return BeforeSend(report.with_findings(found), record)


def recipient_preview(draft: Draft, result: BeforeSend | None = None) -> str:
    """The draft's HTML as the recipient will get it, for the preview (images as local
    files): links through the tracking host of the checked sender domain (a placeholder
    before a check), the open pixel, style rules inlined, as the options say."""
    base_dir = Path(draft.base_dir) if draft.base_dir else None
    page = render.render(draft.body, base_dir=base_dir, title=draft.subject).preview_html()
    result = result or BeforeSend(Report())
    return smtpeter.recipient_view(
        page, draft.options, tracking_host=result.tracking_host, https=result.tracking_https
    )
