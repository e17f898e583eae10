"""Times typed in local time, kept as UTC: clear errors, and clock changes that move nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from smtpeter_desktop.compose.options import OptionsError, SmtpeterOptions
from smtpeter_desktop.compose.schedule import (
    ScheduleError,
    at_time,
    in_time,
    local_text,
    quick_picks,
    smtpeter_time,
    when,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)  # the day before summer time starts there


def test_a_local_time_is_kept_as_utc_with_the_offset_of_its_own_day() -> None:
    # Winter time today (UTC+1), summer time on the 30th (UTC+2).
    assert at_time("2026-03-28 14:00", now=NOW, zone=AMSTERDAM) == datetime(
        2026, 3, 28, 13, 0, tzinfo=UTC
    )
    assert at_time("2026-03-30 08:00", now=NOW, zone=AMSTERDAM) == datetime(
        2026, 3, 30, 6, 0, tzinfo=UTC
    )


def test_delays() -> None:
    assert in_time("90m", now=NOW) == datetime(2026, 3, 28, 13, 30, tzinfo=UTC)
    assert in_time("1h", now=NOW) == datetime(2026, 3, 28, 13, 0, tzinfo=UTC)
    assert in_time("2 days", now=NOW) == datetime(2026, 3, 30, 12, 0, tzinfo=UTC)
    assert when(None, None) is None


@pytest.mark.parametrize(
    ("at", "delay", "words"),
    [
        ("2026-03-28 11:59", None, "is in the past"),
        ("tomorrow", None, "is not a date and time"),
        ("2026-02-30 08:00", None, "is not a date and time"),
        ("2062-03-28 08:00", None, "more than a year ahead"),
        (None, "soon", "is not a delay"),
        (None, "0m", "no delay at all"),
        ("2026-03-29 08:00", "1h", "not both"),
    ],
)
def test_bad_times_are_sentences(at: str | None, delay: str | None, words: str) -> None:
    moment = datetime(2026, 3, 28, 12, 0, tzinfo=AMSTERDAM)
    with pytest.raises(ScheduleError, match=words) as caught:
        when(at, delay, now=moment, zone=AMSTERDAM)
    assert caught.value.hint or "not both" in words


def test_quick_picks_across_a_clock_change() -> None:
    # Saturday 28 March; Monday 30 March is in summer time.
    picks = dict(quick_picks(NOW, AMSTERDAM))
    assert picks["In 1 hour"] == NOW.timestamp() + 3600
    assert local_text(picks["Tomorrow 08:00"], AMSTERDAM) == "2026-03-29 08:00"
    assert local_text(picks["Monday 08:00"], AMSTERDAM) == "2026-03-30 08:00"


def test_the_give_up_time_is_strict_utc() -> None:
    assert smtpeter_time("2026-07-01 10:00", now=NOW, zone=AMSTERDAM) == "2026-07-01 08:00:00"
    assert (
        SmtpeterOptions(max_deliver_time="2026-07-01 08:00:00").to_dict()["max_deliver_time"]
        == "2026-07-01 08:00:00"
    )
    assert "max_deliver_time" not in SmtpeterOptions().to_dict(), "older versions can read it"
    for bad in ("2026-07-01 08:00", "2026-13-01 08:00:00", "2026-07-01T08:00:00", " "):
        with pytest.raises(OptionsError, match="give-up time"):
            SmtpeterOptions(max_deliver_time=bad)
