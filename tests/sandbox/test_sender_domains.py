"""The sandbox's sender-domain calls: approval, DNS status and recommended records, with
the fault rules that make them fail (``unapproved=GLOB``, ``dns-error=RECORD``)."""

from __future__ import annotations

import smtplib

import pytest

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.sandbox.errors import FaultSpecError
from smtpeter_desktop.sandbox.faults import DNS_RECORDS, FaultRules
from tests.sandbox.clients import MESSAGE, mime_from, rest, send_json, smtp

MIME = MESSAGE.decode()


def test_a_sender_domain_s_dns_is_in_order_by_default(sandbox: Sandbox) -> None:
    with rest(sandbox) as client:
        status = client.get("/dns/example.com/status")
        recommended = client.get("/dns/Example.COM/recommended")
    assert status.status_code == 200
    assert status.json() == dict.fromkeys(DNS_RECORDS, "perfect")
    records = recommended.json()
    assert {(r["name"], r["type"]) for r in records} >= {
        ("zero._domainkey.example.com", "CNAME"),
        ("example.com", "MX"),
        ("example.com", "TXT"),
        ("_dmarc.example.com", "CNAME"),
    }
    assert all(set(r) == {"name", "type", "value"} for r in records)


def test_dns_errors_come_with_remarks(sandbox: Sandbox) -> None:
    sandbox.faults.add("dns-error=dkim", "dns-error=spf")
    with rest(sandbox) as client:
        status = client.get("/dns/example.com/status").json()
    assert status["dkim"] == status["spf"] == "error"
    assert status["dmarc"] == "perfect"
    assert set(status["remarks"]) == {"dkim", "spf"}
    assert "SPF" in status["remarks"]["spf"]


def test_an_unapproved_domain_is_listed_so_fails_validation_and_cannot_send(
    make_sandbox,
) -> None:
    box = make_sandbox(sender_domains=("example.com", "news.example.com"))
    box.faults.add("unapproved=news.*")
    with rest(box) as client:
        listed = {d["name"]: d["approved"] for d in client.get("/domains").json()}
        status = client.get("/dns/news.example.com/status").json()
    assert listed == {"example.com": True, "news.example.com": False}
    assert status["validation"] == "error"
    assert "validated" in status["remarks"]["validation"]
    answer = send_json(box, {"recipient": "b@example.org", "mime": mime_from("news")})
    assert answer.status_code == 400
    assert (
        "news.example.com: the sender domain is not approved yet"
        in (answer.json()["error"]["message"])
    )
    with smtp(box) as client, pytest.raises(smtplib.SMTPDataError) as refused:
        client.sendmail("a@news.example.com", ["b@example.org"], mime_from("news"))
    assert refused.value.smtp_code == 550
    assert b"not approved yet" in refused.value.smtp_error
    # The approved domain still sends.
    assert send_json(box, {"recipient": "b@example.org", "mime": MIME}).status_code == 200


def test_a_domain_that_is_not_a_sender_domain_has_no_dns_status(make_sandbox) -> None:
    box = make_sandbox(sender_domains=("mine.example",))
    with rest(box) as client:
        answer = client.get("/dns/other.example/status")
        unknown = client.get("/dns/mine.example/selfhosted")
    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == (
        "other.example is not a sender domain of this account."
    )
    assert unknown.status_code == 404


def test_the_new_fault_rules_round_trip_and_refuse_nonsense() -> None:
    rules = FaultRules.parse(["unapproved=news.*", "dns-error=DKIM"])
    assert rules.unapproved == ("news.*",)
    assert rules.dns_errors == ("dkim",)
    assert FaultRules.parse(rules.specs()) == rules
    assert not rules.approved("NEWS.example.com")
    assert rules.approved("example.com")
    with pytest.raises(FaultSpecError, match="not a DNS record"):
        FaultRules.parse(["dns-error=ptr"])
