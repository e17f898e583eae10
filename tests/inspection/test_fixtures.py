"""The two fixtures: every finding the local checks know is tripped by one, none by the other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smtpeter_desktop import inspection
from smtpeter_desktop.compose import checks as compose_checks
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.inspection import compat, run
from smtpeter_desktop.inspection.findings import Severity
from tests.inspection.fixtures import (
    EVERYTHING_OPTIONS,
    NO_ONECLICK,
    NOTHING_TO_INLINE,
    clean_draft,
    everything_raw,
)

# Checks that need more than the message: SpamAssassin (test_spam.py), a server for the
# online link check (test_links.py), a draft that cannot be built (below).
_ELSEWHERE = {
    "spam-likely",
    "spam-score",
    "spam-unavailable",
    "spam-failed",
    "link-broken",
    "link-unreachable",
    "not-checked",
    "not-buildable",
}


def _known_codes() -> set[str]:
    """Every finding code the inspection package can produce, read from its source."""
    codes = {rule.code for rule in compat.RULES}
    pattern = re.compile(r'Finding\(\s*(?:CHECK|"[a-z]+"),\s*"([a-z-]+)"')
    for path in Path(inspection.__file__).parent.glob("*.py"):
        codes |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return codes


def test_the_everything_fixture_trips_every_local_finding() -> None:
    raw = everything_raw()
    found: set[str] = set()
    for options in EVERYTHING_OPTIONS:
        report = run.check_message(raw, options)
        found |= report.codes()
        assert report.compatibility_score == 0
        assert not report.blocks
    found |= run.check_message(NOTHING_TO_INLINE, EVERYTHING_OPTIONS[1]).codes()
    found |= run.check_message(NO_ONECLICK, EVERYTHING_OPTIONS[1]).codes()
    known = _known_codes()
    assert len(known) > 30
    assert known - _ELSEWHERE == found


def test_each_finding_says_what_to_do_when_it_warns() -> None:
    for options in EVERYTHING_OPTIONS:
        for finding in run.check_message(everything_raw(), options).findings:
            assert finding.message.endswith((".", ")")), finding
            if finding.severity is not Severity.INFO:
                assert finding.advice, finding


def test_the_offending_elements_are_named() -> None:
    report = run.check_message(everything_raw(), EVERYTHING_OPTIONS[0])
    by_code = {f.code: f for f in report.findings}
    assert by_code["html-video"].elements == ("<video>",)
    assert "div: position: absolute" in by_code["css-position"].elements
    assert by_code["no-alt"].elements == ("photo.jpg",)
    assert by_code["link-text-mismatch"].elements == (
        "www.bank.example.com → https://evil.example.net/login",
    )
    assert by_code["link-http"].elements == ("http://shop.example.com/old",)
    assert by_code["images-embedded"].elements == ("logo.png",)


def test_a_clean_message_trips_nothing(tmp_path: Path) -> None:
    report = run.check_draft(clean_draft(tmp_path))
    assert report.findings == ()
    assert report.compatibility_score == 100
    assert 2000 < report.size < 10000


def test_the_draft_s_own_questions_come_first_and_block() -> None:
    draft = Draft(sender="ann@example.org", subject="", body="Hello, see the attached file.")
    report = run.check_draft(draft)
    assert report.blocks
    assert report.findings[0].code == "no-recipient"
    assert report.findings[0].severity is Severity.BLOCKS
    assert {"no-subject", "forgotten-attachment"} <= report.codes()
    # The content was still checked, built for a stand-in recipient.
    assert "open-pixel" in report.codes()


def test_a_missing_image_blocks_and_the_content_waits(tmp_path: Path) -> None:
    draft = Draft(
        sender="ann@example.org",
        to="bob@example.com",
        subject="Photo",
        body="![the bike](missing.png)",
        base_dir=str(tmp_path),
    )
    report = run.check_draft(draft)
    assert report.blocks
    assert report.findings[0].code == "bad-image"
    assert "not-checked" in report.codes()


def test_a_build_failure_the_draft_questions_did_not_foresee_blocks_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A double: today every build failure is foreseen by compose.checks; this stands in for
    # one that is not, so the report still says why the message cannot go.
    monkeypatch.setattr(compose_checks, "check", lambda draft: [])
    draft = Draft(
        sender="ann@example.org",
        to="bob@example.com",
        subject="Photo",
        body="![the bike](missing.png)",
        base_dir=str(tmp_path),
    )
    report = run.check_draft(draft)
    (blocking,) = report.of(Severity.BLOCKS)
    assert blocking.code == "not-buildable"
    assert "missing.png" in blocking.message


def test_nothing_is_checked_past_a_blocking_draft_problem(tmp_path: Path) -> None:
    draft = Draft(
        sender="not an address",
        to="bob@example.com",
        subject="x",
        body="text",
    )
    report = run.check_draft(draft)
    assert report.blocks
    assert "not-checked" in report.codes()
