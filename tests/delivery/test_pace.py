"""The pace of a merge, driven by a fake clock: a test that waits for real would be slow."""

from __future__ import annotations

import itertools

import pytest

from smtpeter_desktop.delivery.pace import Pace, PaceError, describe, parse_pace


class FakeClock:
    """Time that moves only when slept: a stand-in for the wall clock, which a test cannot
    afford to wait for."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.mark.parametrize(
    ("text", "per_minute"),
    [
        ("30/min", 30.0),
        ("30", 30.0),
        (" 600 / hour ", 10.0),
        ("2/s", 120.0),
        ("1.5/m", 1.5),
        ("unlimited", None),
        ("0", None),
    ],
)
def test_parse_pace(text: str, per_minute: float | None) -> None:
    assert parse_pace(text) == per_minute


@pytest.mark.parametrize("text", ["fast", "-3/min", "30/week", ""])
def test_a_pace_that_cannot_be_read_says_how_to_write_one(text: str) -> None:
    with pytest.raises(PaceError, match="30/min"):
        parse_pace(text)


def test_describe() -> None:
    assert describe(30.0) == "30 per minute"
    assert describe(None) == "unlimited"


def test_sends_are_spaced_evenly() -> None:
    clock = FakeClock()
    pace = Pace(60, clock=clock, sleep=clock.sleep)
    starts = []
    for _ in range(4):
        assert pace.wait()
        starts.append(clock.now)
        pace.started()
    assert [round(b - a, 6) for a, b in itertools.pairwise(starts)] == [1.0, 1.0, 1.0]
    assert max(clock.sleeps) <= 0.2  # in slices, so a stop is felt at once


def test_a_send_that_took_longer_than_the_interval_does_not_wait() -> None:
    clock = FakeClock()
    pace = Pace(120, clock=clock, sleep=clock.sleep)
    pace.started()
    clock.now += 2.0  # the send itself took two seconds
    assert pace.due_in() == 0
    assert pace.wait()
    assert clock.sleeps == []


def test_a_pause_earns_no_burst() -> None:
    clock = FakeClock()
    pace = Pace(6, clock=clock, sleep=clock.sleep)  # one each ten seconds
    pace.started()
    clock.now += 3600  # paused an hour
    assert pace.wait()
    pace.started()
    assert pace.due_in() == pytest.approx(10.0)


def test_unlimited_never_waits() -> None:
    clock = FakeClock()
    pace = Pace(None, clock=clock, sleep=clock.sleep)
    for _ in range(100):
        assert pace.wait()
        pace.started()
    assert clock.sleeps == []


def test_stop_ends_a_wait() -> None:
    clock = FakeClock()
    pace = Pace(1, clock=clock, sleep=clock.sleep)  # a minute between sends
    pace.started()
    asked = []

    def stop() -> bool:
        asked.append(clock.now)
        return len(asked) > 3

    assert not pace.wait(stop)
    assert clock.now - 1000.0 < 1.0  # stopped within a second, not after a minute


def test_a_pace_of_zero_or_less_is_refused() -> None:
    with pytest.raises(PaceError):
        Pace(0)
