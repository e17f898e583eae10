"""Before Send on a real account: the sender domain checks against the sandbox's REST API
(sender domains, approval, DNS status and recommendations), cached a day, refreshed on
demand; an SMTP account says plainly it cannot be checked."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from smtpeter_desktop.delivery.before_send import check, domain_findings, recipient_preview
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.inspection.findings import Severity
from smtpeter_desktop.inspection.smtpeter import PLACEHOLDER_TRACKING_HOST
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.domaincache import DomainCache
from tests.compose.conftest import PNG
from tests.helpers.accounts import (
    TOKEN,
    add_rest_account,
    add_smtp_account,
    draft_for,
    sandbox_profile,
)
from tests.inspection.fixtures import CLEAN_BODY, CLEAN_OPTIONS
from tests.inspection.test_links import web

__all__ = ["web"]

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def _clean(profile, sender: str = "Ann Lee <ann@example.com>"):
    return draft_for(profile, sender=sender, body=CLEAN_BODY, options=CLEAN_OPTIONS)


def test_a_clean_message_from_a_sender_domain_in_order_trips_nothing(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    profile = add_rest_account(context, box)
    result = check(_clean(profile), profile, TOKEN, sandbox=context.sandbox, spam_check=False)
    assert result.report.findings == ()
    assert result.sender_domain is not None and result.sender_domain.approved
    assert result.tracking_host == "clicks.example.com"


def test_a_from_domain_that_is_not_a_sender_domain_blocks(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com", "shop.example.com"))
    profile = add_rest_account(context, box)
    draft = _clean(profile, sender="Ann <ann@some-invalid-domain.nl>")
    result = check(draft, profile, TOKEN, sandbox=context.sandbox, spam_check=False)
    assert result.report.blocks
    (finding,) = result.report.findings
    assert finding.code == "domain-unknown"
    assert "You cannot send mailings from some-invalid-domain.nl" in finding.message
    assert finding.advice.endswith("or send from example.com or shop.example.com.")
    assert result.tracking_host == PLACEHOLDER_TRACKING_HOST


def test_an_unapproved_domain_blocks_and_failing_dns_says_which_records_to_add(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    box.faults.add("unapproved=example.com", "dns-error=dkim")
    profile = add_rest_account(context, box)
    result = check(_clean(profile), profile, TOKEN, sandbox=context.sandbox, spam_check=False)
    codes = [f.code for f in result.report.findings]
    assert codes == ["domain-unapproved", "dns-dkim"]
    dkim = result.report.findings[1]
    assert dkim.severity is Severity.WARNS
    assert "DKIM keys not found" in dkim.message
    assert dkim.elements and all("._domainkey.example.com  CNAME" in e for e in dkim.elements)
    # The sandbox refuses such a send too: the check caught it before.
    assert result.report.blocks


def test_answers_are_kept_a_day_and_refreshed_on_demand(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    profile = add_rest_account(context, box)
    cache = DomainCache()
    draft = _clean(profile)

    def ask(now: datetime = NOW, refresh: bool = False) -> list[str]:
        found, _ = domain_findings(
            draft, profile, TOKEN, sandbox=context.sandbox, cache=cache, now=now, refresh=refresh
        )
        return [f.code for f in found]

    assert ask() == []
    box.faults.add("dns-error=spf")
    # Within the day, the kept answer stands; a refresh asks again.
    assert ask() == []
    assert ask(refresh=True) == ["dns-spf"]
    box.faults.clear()
    assert ask(NOW + timedelta(days=1, seconds=1)) == []
    assert TOKEN not in cache.path.read_text()


def test_an_smtp_account_says_plainly_it_cannot_be_checked(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    profile = add_smtp_account(context, make_sandbox())
    findings, record = domain_findings(_clean(profile), profile, "pw", sandbox=context.sandbox)
    (finding,) = findings
    assert record is None
    assert finding.code == "domain-not-checked"
    assert finding.severity is Severity.INFO
    assert "this SMTP account has none" in finding.message


def test_a_refused_token_is_a_finding_and_the_other_checks_still_run(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(token=TOKEN)
    profile = add_rest_account(context, box)
    result = check(
        draft_for(profile, subject=""), profile, "wrong", sandbox=context.sandbox, spam_check=False
    )
    codes = result.report.codes()
    assert "domain-check-failed" in codes
    assert "no-subject" in codes
    (failed,) = [f for f in result.report.findings if f.code == "domain-check-failed"]
    assert "wrong" not in failed.message + failed.advice


def test_the_built_in_sandbox_answers_for_any_profile_of_it(context: AppContext) -> None:
    profile = sandbox_profile(context)
    smtp_kind = dataclasses.replace(profile, transport="smtp")
    for each in (profile, smtp_kind):
        findings, record = domain_findings(_clean(each), each, None, sandbox=context.sandbox)
        assert findings == []
        assert record is not None and record.name == "example.com"


def test_the_online_link_check_runs_only_when_asked(context: AppContext, web: str) -> None:
    profile = sandbox_profile(context)
    draft = _clean(profile)
    draft = dataclasses.replace(
        draft, body=f"See [the page]({web}/ok) and [the old one]({web}/gone).\n"
    )
    quiet = check(draft, profile, None, sandbox=context.sandbox, spam_check=False)
    assert "link-broken" not in quiet.report.codes()
    asked = check(draft, profile, None, sandbox=context.sandbox, spam_check=False, link_check=True)
    (broken,) = [f for f in asked.report.findings if f.code == "link-broken"]
    assert broken.elements == (f"{web}/gone: the server answers 404",)


def test_the_recipient_preview_uses_the_checked_domain_s_tracking_host(
    context: AppContext, make_sandbox: Callable[..., Sandbox], tmp_path
) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    profile = add_rest_account(context, box)
    (tmp_path / "bike.png").write_bytes(PNG)
    draft = draft_for(
        profile,
        body="See [the shop](https://shop.example.org/sale).\n\n![a bike](bike.png)\n",
        base_dir=str(tmp_path),
    )
    before = recipient_preview(draft)
    assert f"https://{PLACEHOLDER_TRACKING_HOST}/click/preview?url=" in before
    result = check(draft, profile, TOKEN, sandbox=context.sandbox, spam_check=False)
    after = recipient_preview(draft, result)
    assert "https://clicks.example.com/click/preview?url=https%3A%2F%2Fshop.example.org" in after
    assert "https://clicks.example.com/open/preview.gif" in after
    # The preview still shows the local image, not a cid: nobody can open.
    assert (tmp_path / "bike.png").as_uri() in after
