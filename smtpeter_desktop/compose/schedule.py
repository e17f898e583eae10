"""When a message goes: times typed in local time, kept and compared as UTC.

A person types "2026-12-24 08:00" or "in 1h" in their own time zone; the outbox stores seconds
since the epoch (UTC), so a clock change (summer time, a flight to another zone) never moves
what was scheduled, and "due" is one comparison. SMTPeter's ``maxdelivertime`` wants UTC as
``YYYY-MM-DD hh:mm:ss``; :func:`smtpeter_time` turns a local time into that.

Every mistake raises :class:`ScheduleError` with a sentence and a hint, never a traceback.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.i18n import translate

__all__ = [
    "SMTPETER_FORMAT",
    "ScheduleError",
    "at_time",
    "in_time",
    "local_text",
    "quick_picks",
    "smtpeter_time",
    "when",
]

SMTPETER_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_AHEAD = timedelta(days=366)
"""Further ahead than this is surely a typo (2062 for 2026)."""

_AT_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d")
_IN = re.compile(r"\s*(\d+)\s*(m|min|minutes?|h|hours?|d|days?)\s*", re.IGNORECASE)
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400}


class ScheduleError(ComposeError):
    """A time that cannot be used to schedule a message; the text says what to type."""


def _local(now: datetime | None, zone: tzinfo | None) -> datetime:
    moment = now if now is not None else datetime.now(UTC)
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def at_time(text: str, *, now: datetime | None = None, zone: tzinfo | None = None) -> datetime:
    """A local date and time as typed ("YYYY-MM-DD HH:MM"), as an aware UTC datetime.

    *zone* is the person's time zone (default: this computer's). A time that a clock change
    skips or repeats is read as the clock shows it; the result is always one exact moment.
    Raises :class:`ScheduleError` for something unreadable, a time in the past, or one more
    than a year ahead.
    """
    cleaned = " ".join(text.split())
    for pattern in _AT_FORMATS:
        try:
            naive = datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        break
    else:
        raise ScheduleError(
            translate("compose.schedule", "“{text}” is not a date and time.").format(text=text),
            translate(
                "compose.schedule",
                'Write it as YYYY-MM-DD HH:MM in your own time, e.g. "2026-12-24 08:00".',
            ),
        )
    # The offset of that day, not of today: summer and winter time differ.
    moment = _wall(naive, zone)
    return _checked(moment.astimezone(UTC), _local(now, zone), text)


def in_time(text: str, *, now: datetime | None = None) -> datetime:
    """A delay as typed ("90m", "1h", "2 days") from *now*, as an aware UTC datetime."""
    found = _IN.fullmatch(text)
    if not found:
        raise ScheduleError(
            translate("compose.schedule", "“{text}” is not a delay.").format(text=text),
            translate(
                "compose.schedule", 'Write a number and m, h or d, e.g. "30m", "1h" or "2d".'
            ),
        )
    seconds = int(found.group(1)) * _UNIT_SECONDS[found.group(2)[0].lower()]
    current = (now or datetime.now(UTC)).astimezone(UTC)
    if seconds <= 0:
        raise ScheduleError(
            translate("compose.schedule", "“{text}” is no delay at all.").format(text=text),
            translate("compose.schedule", "To send now, leave the time out."),
        )
    return _checked(current + timedelta(seconds=seconds), current, text)


def _checked(moment: datetime, now: datetime, text: str) -> datetime:
    if moment <= now:
        raise ScheduleError(
            translate("compose.schedule", "{local_text} ({text}) is in the past.").format(
                local_text=local_text(moment.timestamp()), text=text
            ),
            translate("compose.schedule", "Choose a later time, or send the message now."),
        )
    if moment - now > MAX_AHEAD:
        raise ScheduleError(
            translate("compose.schedule", "{local_text} is more than a year ahead.").format(
                local_text=local_text(moment.timestamp())
            ),
            translate("compose.schedule", "Check the year."),
        )
    return moment


def when(
    at: str | None,
    delay: str | None,
    *,
    now: datetime | None = None,
    zone: tzinfo | None = None,
) -> float | None:
    """The UTC timestamp of ``--at`` or ``--in`` (at most one given); None for "now"."""
    if at and delay:
        raise ScheduleError(
            translate("compose.schedule", "Give a time (--at) or a delay (--in), not both."), ""
        )
    if at:
        return at_time(at, now=now, zone=zone).timestamp()
    if delay:
        return in_time(delay, now=now).timestamp()
    return None


def local_text(timestamp: float, zone: tzinfo | None = None) -> str:
    """A stored time as the person reads it: local ``YYYY-MM-DD HH:MM``."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M")


def quick_picks(now: datetime | None = None, zone: tzinfo | None = None) -> list[tuple[str, float]]:
    """The Send Later dialog's choices: in 1 hour, tomorrow 08:00, next Monday 08:00.

    Each is (its label, its UTC timestamp); the UI translates the labels.
    """
    local = _local(now, zone)
    eight = local.replace(hour=8, minute=0, second=0, microsecond=0)
    tomorrow = eight + timedelta(days=1)
    monday = eight + timedelta(days=(7 - local.weekday()) or 7)
    return [
        ("In 1 hour", (local + timedelta(hours=1)).timestamp()),
        ("Tomorrow 08:00", _wall(tomorrow, zone).timestamp()),
        ("Monday 08:00", _wall(monday, zone).timestamp()),
    ]


def _wall(moment: datetime, zone: tzinfo | None) -> datetime:
    """The same wall-clock time in the zone's offset of that day (across a clock change)."""
    naive = moment.replace(tzinfo=None)
    return naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()


def smtpeter_time(text: str, *, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """A local "YYYY-MM-DD HH:MM" as SMTPeter's ``maxdelivertime``: UTC, "YYYY-MM-DD hh:mm:ss"."""
    return at_time(text, now=now, zone=zone).strftime(SMTPETER_FORMAT)
