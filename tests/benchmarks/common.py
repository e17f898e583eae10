"""What every benchmark shares: medians, ratios against a reference, goals, and the table.

A figure is our time divided by a reference measured in the same run on the same machine
(absolute times drift on a shared machine; ratios hold). Each script prints its figures,
adds them to results/latest.json for run_all.py's table, and exits 1 when a goal is missed.
"""

from __future__ import annotations

import dataclasses
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


@dataclasses.dataclass(frozen=True)
class Figure:
    """One measured figure.

    Attributes:
        name: what was measured.
        ours: our value (ms, or MB for memory).
        reference: what it is compared with, measured in the same run.
        reference_name: what the reference is.
        goal: the highest acceptable ratio (or value, when ``absolute``); None: shown
            for context, no goal.
        unit: "ms" or "MB".
        absolute: the goal is on ``ours`` itself (a limit), not on the ratio.
        note: anything a reader needs to read the figure right.
    """

    name: str
    ours: float
    reference: float
    reference_name: str
    goal: float | None
    unit: str = "ms"
    absolute: bool = False
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours / self.reference if self.reference else float("inf")

    @property
    def ok(self) -> bool:
        if self.goal is None:
            return True
        return (self.ours if self.absolute else self.ratio) <= self.goal

    def line(self) -> str:
        if self.goal is None:
            goal, verdict = "none", "(for context)"
        else:
            goal = f"<= {self.goal:g} {self.unit}" if self.absolute else f"<= {self.goal:g}x"
            verdict = "ok" if self.ok else "MISSED"
        return (
            f"{self.name:<38} {self.ours:9.1f} {self.unit:<3} vs {self.reference_name} "
            f"{self.reference:9.1f} {self.unit:<3} = {self.ratio:5.2f}x  (goal {goal}) {verdict}"
        )


def median(measure: Callable[[], float], rounds: int) -> float:
    return statistics.median(measure() for _ in range(rounds))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def report(group: str, figures: list[Figure], notes: Sequence[str] = ()) -> int:
    """Print the figures, keep them for the table, and say whether every goal was met."""
    print(f"\n{group}")
    for figure in figures:
        print("  " + figure.line())
        if figure.note:
            print(f"      {figure.note}")
    for note in notes:
        print(f"  {note}")
    RESULTS.parent.mkdir(exist_ok=True)
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    stored[group] = [{**dataclasses.asdict(f), "ratio": f.ratio, "ok": f.ok} for f in figures]
    stored["_machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    RESULTS.write_text(json.dumps(stored, indent=2))
    return 0 if all(f.ok for f in figures) else 1
