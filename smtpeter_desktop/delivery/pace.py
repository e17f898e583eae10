"""How fast a mail merge sends: at most so many messages per minute, evenly spaced.

SMTPeter documents no rate limit, but the receiving servers throttle a sender that arrives
all at once, so a merge spaces its messages: at 60 per minute one starts each second. A
pause does not earn a burst afterwards: the next message waits a full interval from the
later of the last start and now.

``Pace`` is pure: it takes its clock and its sleep, so a test drives it with a fake clock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

_SLICE = 0.2  # a wait checks this often whether it should stop (pause, cancel)
_PACE = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(?:/\s*(min|minute|m|h|hour|s|sec|second))?\s*", re.IGNORECASE
)
_PER_MINUTE = {"s": 60.0, "sec": 60.0, "second": 60.0, "h": 1 / 60, "hour": 1 / 60}


class PaceError(ValueError):
    """A pace that cannot be read; the text says how to write one."""


def parse_pace(text: str) -> float | None:
    """Messages per minute from ``"30/min"``, ``"600/h"``, ``"2/s"`` or ``"30"``;
    ``None`` (no limit) from ``"0"``, ``"unlimited"`` or ``"none"``."""
    if text.strip().lower() in ("unlimited", "none", "no", "off", "max"):
        return None
    match = _PACE.fullmatch(text)
    if match is None:
        raise PaceError(
            f"“{text}” is not a pace: write messages per minute, as 30/min, or 600/hour, "
            "or unlimited."
        )
    number = float(match.group(1))
    per_minute = number * _PER_MINUTE.get((match.group(2) or "min").lower(), 1.0)
    return per_minute or None


def describe(per_minute: float | None) -> str:
    """A pace in words: ``"30 per minute"``, ``"unlimited"``."""
    if per_minute is None:
        return "unlimited"
    shown = f"{per_minute:g}"
    return f"{shown} per minute"


class Pace:
    """Spaces the starts of sends at most ``per_minute`` a minute; ``None`` is no limit.

    Attributes:
        per_minute: the pace.
    """

    def __init__(
        self,
        per_minute: float | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if per_minute is not None and per_minute <= 0:
            raise PaceError("A pace is a number of messages per minute above zero.")
        self.per_minute = per_minute
        self._clock = clock
        self._sleep = sleep
        self._next: float | None = None

    @property
    def interval(self) -> float:
        """Seconds between two starts (0 without a limit)."""
        return 0.0 if self.per_minute is None else 60.0 / self.per_minute

    def due_in(self) -> float:
        """Seconds until the next send may start (0: now)."""
        if self._next is None:
            return 0.0
        return max(0.0, self._next - self._clock())

    def started(self) -> None:
        """A send starts now: the next may start an interval later."""
        self._next = self._clock() + self.interval

    def wait(self, stop: Callable[[], bool] = lambda: False) -> bool:
        """Sleep until the next send may start; False when ``stop()`` said so first.

        ``stop`` is asked every fifth of a second, so a pause or a cancel is felt at once
        even at one message an hour.
        """
        while (left := self.due_in()) > 0:
            if stop():
                return False
            self._sleep(min(left, _SLICE))
        return not stop()
