"""SpamAssassin, run for real (``make test`` installs it), offline (-L), on two messages."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from smtpeter_desktop.compose.mime import build_bytes
from smtpeter_desktop.inspection import run, spam
from smtpeter_desktop.inspection.findings import Severity
from tests.inspection.fixtures import clean_draft

# The standard test string every SpamAssassin scores as spam (its documentation's GTUBE).
GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"


@pytest.fixture(scope="module")
def spamassassin() -> str:
    program = spam.executable()
    if program is None:
        pytest.fail("SpamAssassin is not installed: run `make test-deps` (it installs it).")
    return program


def test_a_spammy_message_is_scored_as_spam_with_the_rules_in_words(
    spamassassin: str, tmp_path: Path
) -> None:
    draft = clean_draft(tmp_path)
    spammy = dataclasses.replace(draft, body=f"Free offer!\n\n{GTUBE}\n")
    report = run.check_draft(spammy, spam_check=True, spam_program=spamassassin)
    (finding,) = [f for f in report.findings if f.check == "spam"]
    assert finding.code == "spam-likely"
    assert finding.severity is Severity.WARNS
    assert report.spam_score is not None and report.spam_score >= 1000
    assert report.spam_threshold == 5.0
    assert any("(GTUBE)" in element for element in finding.elements)
    # In words: the description SpamAssassin gives, not only the rule's name.
    assert any("test" in element.lower() for element in finding.elements)


def test_a_clean_message_is_not_spam(spamassassin: str, tmp_path: Path) -> None:
    raw, _ = build_bytes(clean_draft(tmp_path))
    findings, verdict = spam.check(raw, program=spamassassin)
    assert verdict is not None and not verdict.spam
    assert all(f.severity is Severity.INFO for f in findings)


def test_without_spamassassin_the_check_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("spamassassin") is None
    findings, verdict = spam.check(b"Subject: x\r\n\r\nx\r\n")
    assert verdict is None
    (finding,) = findings
    assert finding.code == "spam-unavailable"
    assert "apt install spamassassin" in finding.advice


def test_a_failing_spamassassin_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "spamassassin"
    broken.write_text("#!/bin/sh\necho 'config: broken rules file' >&2\nexit 2\n")
    broken.chmod(0o700)
    findings, verdict = spam.check(b"Subject: x\r\n\r\nx\r\n", program=str(broken))
    assert verdict is None
    assert findings[0].code == "spam-failed"
    assert findings[0].message == "SpamAssassin failed (exit 2): config: broken rules file"


REPORT = """X-Spam-Status: Yes, score=7.3 required=5.0 tests=A_RULE,LONG_ONE
Content analysis details:   (7.3 points, 5.0 required)

 pts rule name              description
---- ---------------------- --------------------------------------------------
-0.0 NO_RECEIVED            Informational: message has no Received headers
 2.5 A_RULE                 BODY: Something quite bad
 4.8 LONG_ONE               A description that goes on and on and on and
                            wraps onto a second line

"""


def test_the_report_is_read_with_wrapped_descriptions() -> None:
    verdict = spam.parse(REPORT)
    assert verdict.spam
    assert (verdict.score, verdict.threshold) == (7.3, 5.0)
    assert [r.name for r in verdict.rules] == ["NO_RECEIVED", "A_RULE", "LONG_ONE"]
    assert verdict.rules[2].description.endswith("and on and wraps onto a second line")
    (finding,) = spam.findings(verdict)
    assert finding.elements[0].startswith("+4.8 A description")
