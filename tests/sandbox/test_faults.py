"""Fault rules as values: the --fault spec syntax, read and written back."""

from __future__ import annotations

import threading

import pytest

from smtpeter_desktop.sandbox import FaultRules, Faults, FaultSpecError, RestFault

SPECS = [
    "reject=*@bad.example",
    "auth=535",
    "after-data=451",
    "rest=429:30",
    "delay=greeting:2",
    "delay=rest:0.5",
    "drop=mid-data:4096",
    "no-starttls",
    "fail=*@bounce.example",
    "pending=slow@example.org",
]


def test_each_spec_reads_as_its_rule() -> None:
    rules = FaultRules.parse(SPECS)
    assert rules.reject == ("*@bad.example",)
    assert rules.auth == 535
    assert rules.after_data == 451
    assert rules.rest == RestFault(429, retry_after=30)
    assert dict(rules.delays) == {"greeting": 2.0, "rest": 0.5}
    assert (rules.drop, rules.drop_after) == ("mid-data", 4096)
    assert rules.no_starttls
    assert rules.outcome("x@bounce.example") == "failed"
    assert rules.outcome("slow@example.org") == "pending"
    assert rules.outcome("bob@example.org") == "delivered"


def test_specs_round_trip() -> None:
    rules = FaultRules.parse(SPECS)
    assert rules.specs() == tuple(SPECS)
    assert FaultRules.parse(rules.specs()) == rules


@pytest.mark.parametrize(
    ("spec", "rest"),
    [
        ("rest=500", RestFault(500)),
        ("rest=503:5", RestFault(503, 5)),
        ("rest=200:not-json", RestFault(200, json=False)),
        ("rest=502:not-json", RestFault(502, json=False)),
    ],
)
def test_rest_specs(spec: str, rest: RestFault) -> None:
    rules = FaultRules.parse([spec])
    assert rules.rest == rest
    assert rules.specs() == (spec,)


def test_drop_after_data_and_patterns_add_up() -> None:
    rules = FaultRules.parse(["reject=a@x.example", "reject=*@y.example", "drop=after-data"])
    assert rules.rejects("A@X.example")
    assert rules.rejects("anyone@y.example")
    assert not rules.rejects("b@x.example")
    assert rules.drop == "after-data"


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("explode=now", "not a fault"),
        ("auth=abc", "cannot be read"),
        ("auth=250", "not an SMTP error code"),
        ("after-data=", "needs a value"),
        ("rest=99", "not an HTTP status"),
        ("rest=429:soon", "cannot be read"),
        ("delay=lunch:2", "not a stage"),
        ("delay=greeting:-1", "not possible"),
        ("delay=greeting:nan", "not possible"),
        ("drop=before-data", "drop=mid-data"),
        ("drop=mid-data:0", "at least 1 byte"),
        ("reject=", "needs a value"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec: str, words: str) -> None:
    with pytest.raises(FaultSpecError) as info:
        FaultRules.parse([spec])
    assert words in str(info.value)
    assert repr(spec) in str(info.value)


def test_faults_change_while_shared() -> None:
    faults = Faults()
    assert faults.rules == FaultRules()
    faults.add("after-data=554")
    faults.update(reject=("*@bad.example",))
    assert faults.rules.after_data == 554
    assert faults.rules.reject == ("*@bad.example",)
    assert "after-data=554" in repr(faults)
    faults.clear()
    assert faults.rules == FaultRules()


def test_concurrent_additions_are_all_kept() -> None:
    faults = Faults()
    threads = [
        threading.Thread(target=lambda n=n: faults.add(f"reject=user{n}@example.org"))
        for n in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(faults.rules.reject) == 20


def test_rules_are_frozen() -> None:
    rules = FaultRules.parse(["delay=ehlo:1"])
    with pytest.raises(TypeError):
        rules.delays["ehlo"] = 5  # type: ignore[index]
