"""Findings and reports as data: their JSON form, their order, what blocks."""

from __future__ import annotations

import json

from smtpeter_desktop.inspection.findings import Finding, Report, Severity, ordered

INFO = Finding("smtpeter", "open-pixel", Severity.INFO, "A pixel.", "")
WARN = Finding("links", "link-http", Severity.WARNS, "http.", "Use https.", ("http://a.example",))
BLOCK = Finding("domain", "domain-unknown", Severity.BLOCKS, "Not yours.", "Add it.")


def test_a_report_goes_to_json_and_back() -> None:
    report = Report(
        findings=(BLOCK, WARN, INFO),
        compatibility_score=90,
        spam_score=1.5,
        spam_threshold=5.0,
        size=1234,
    )
    data = json.loads(report.to_json())
    assert data["blocks"] is True
    assert data["findings"][1] == {
        "check": "links",
        "code": "link-http",
        "severity": "warns",
        "message": "http.",
        "advice": "Use https.",
        "elements": ["http://a.example"],
    }
    assert Report.from_dict(data) == report


def test_blocking_findings_come_first_then_warnings() -> None:
    assert ordered([INFO, WARN, BLOCK, INFO]) == (BLOCK, WARN, INFO, INFO)
    report = Report(findings=(INFO,)).with_findings([WARN])
    assert report.findings == (WARN, INFO)
    assert not report.blocks
    assert report.of(Severity.WARNS) == (WARN,)
