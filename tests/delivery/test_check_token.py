"""An SMTP account's optional REST token for checks, in the real keyring (the Secret Service
tests/conftest.py starts), used by Before Send's sender-domain check against the sandbox's
REST API; without it, the check says plainly it cannot check and how to enable it. The token
is never in the profile file, the app's database or cache, the log, or a finding's text."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from smtpeter_desktop.delivery.before_send import check, check_token_for
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.domaincache import DomainCache
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.storage.secrets import CHECK_TOKEN
from tests.helpers.accounts import PASSWORD, TOKEN, USER, add_smtp_account, draft_for
from tests.inspection.fixtures import CLEAN_BODY, CLEAN_OPTIONS

# The token's home is what is under test: the real Secret Service, not the in-memory keyring.
pytestmark = pytest.mark.keyring


@pytest.fixture
def watched(
    tmp_path: Path, isolated_home: Path, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Afterwards, no file of the test (profiles.toml, the mailbox database, the domain cache)
    and no log line may hold the token."""
    caplog.set_level(logging.DEBUG)
    yield
    for folder in (tmp_path, isolated_home):
        for path in folder.rglob("*"):
            if path.is_file():
                assert TOKEN.encode() not in path.read_bytes(), f"the token is in {path}"
    assert TOKEN not in caplog.text


def _smtp_account(context: AppContext, box: Sandbox) -> Profile:
    """An SMTP account on ``box`` whose REST API (for checks) is the sandbox's."""
    profile = add_smtp_account(context, box)
    return context.profiles.update(dataclasses.replace(profile, rest_url=box.rest_base_url))


def _check(context: AppContext, profile: Profile, cache: DomainCache | None = None):
    draft = draft_for(profile, body=CLEAN_BODY, options=CLEAN_OPTIONS)
    return check(
        draft,
        profile,
        context.secrets.get(profile.id),
        check_token=check_token_for(profile, context.secrets),
        sandbox=context.sandbox,
        cache=cache,
        spam_check=False,
    )


def test_an_smtp_account_with_a_check_token_gets_the_domain_findings(
    context: AppContext, make_sandbox: Callable[..., Sandbox], watched: None
) -> None:
    box = make_sandbox(token=TOKEN, users={USER: PASSWORD}, sender_domains=("example.com",))
    box.faults.add("unapproved=example.com", "dns-error=dkim")
    profile = _smtp_account(context, box)
    context.secrets.set(profile.id, TOKEN, CHECK_TOKEN)
    result = _check(context, profile, DomainCache(context.home / "sender-domains.json"))
    assert [f.code for f in result.report.findings] == ["domain-unapproved", "dns-dkim"]
    assert result.report.blocks
    assert result.sender_domain is not None and result.sender_domain.name == "example.com"
    assert context.secrets.get(profile.id) == PASSWORD, "the password stays as it was"
    text = repr(result.to_dict()) + repr(profile)
    assert TOKEN not in text
    assert TOKEN not in context.profiles.path.read_text(encoding="utf-8")


def test_without_a_check_token_it_says_plainly_it_cannot_check_and_how_to_enable_it(
    context: AppContext, make_sandbox: Callable[..., Sandbox], watched: None
) -> None:
    box = make_sandbox(token=TOKEN, users={USER: PASSWORD}, sender_domains=("example.com",))
    profile = _smtp_account(context, box)
    assert check_token_for(profile, context.secrets) is None
    result = _check(context, profile)
    (finding,) = result.report.findings
    assert finding.code == "domain-not-checked"
    assert "cannot be checked" in finding.message
    assert "REST token for checks" in finding.advice
    assert "--check-token-stdin" in finding.advice
    assert result.sender_domain is None


def test_a_refused_check_token_is_a_finding_that_never_shows_it(
    context: AppContext, make_sandbox: Callable[..., Sandbox], watched: None
) -> None:
    box = make_sandbox(token="the-right-one", users={USER: PASSWORD})
    profile = _smtp_account(context, box)
    context.secrets.set(profile.id, TOKEN, CHECK_TOKEN)
    (finding,) = _check(context, profile).report.findings
    assert finding.code == "domain-check-failed"
    assert "REST token for checks" in finding.advice
    assert TOKEN not in finding.message + finding.advice


def test_the_check_token_lives_beside_the_password_and_goes_with_the_profile(
    context: AppContext, make_sandbox: Callable[..., Sandbox], watched: None
) -> None:
    profile = _smtp_account(context, make_sandbox())
    secrets = context.secrets
    secrets.set(profile.id, TOKEN, CHECK_TOKEN)
    assert secrets.get(profile.id) == PASSWORD
    assert secrets.get(profile.id, CHECK_TOKEN) == TOKEN
    secrets.delete(profile.id, CHECK_TOKEN)
    assert secrets.get(profile.id, CHECK_TOKEN) is None
    assert secrets.get(profile.id) == PASSWORD, "forgetting the token keeps the password"
    secrets.set(profile.id, TOKEN, CHECK_TOKEN)
    context.profiles.remove(profile.id)
    assert not secrets.has(profile.id)
    assert not secrets.has(profile.id, CHECK_TOKEN)
