"""What every benchmark shares: medians, ratios against a reference, goals, and the table.

A figure is our time divided by a reference measured in the same run on the same machine
(absolute times drift on a shared machine; ratios hold). Each script prints its figures,
adds them to results/latest.json for run_all.py's table, and exits 1 when a goal is missed.
"""

from __future__ import annotations

import collections
import dataclasses
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "smtpeter_desktop"
_SCRIPT = Path(sys.executable).with_name("smtpeter-desktop")
# The command as a person runs it: the installed script (no runpy), else ``-m``.
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "smtpeter_desktop"]
BARE_PYTHON = [sys.executable, "-c", "pass"]


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
        cpu_ratio: for whole processes, the ratio of their CPU times (user + system): what
            the machine's other work blurs least, shown beside the wall-clock ratio.
    """

    name: str
    ours: float
    reference: float
    reference_name: str
    goal: float | None
    unit: str = "ms"
    absolute: bool = False
    note: str = ""
    cpu_ratio: float | None = None

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
    loads = [*stored.get("_machine", {}).get("load", []), round(os.getloadavg()[0], 1)]
    stored["_machine"] = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load": loads}
    RESULTS.write_text(json.dumps(stored, indent=2))
    return 0 if all(f.ok for f in figures) else 1


# -- whole processes: cold and warm, and what their imports cost ------------------------


def process_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured process: this checkout first on the path, and bytecode
    written (with PYTHONDONTWRITEBYTECODE every run would compile our modules: all cold)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return {**env, **(extra or {})}


def forget_bytecode() -> None:
    """Remove the app's compiled modules: the next run is a first run after a fresh clone or
    an upgrade (the standard library and the dependencies keep theirs, as installed)."""
    for cache in PACKAGE.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)


@dataclasses.dataclass(frozen=True)
class Timing:
    """One whole process: wall-clock time, and the CPU time it used (user + system), in ms.

    On a machine shared with other work the wall clock also counts the time spent waiting
    for a core; the CPU time does not, so it is shown beside it.
    """

    wall: float
    cpu: float


def run_process(argv: Sequence[str], env: Mapping[str, str], stdin: bytes | None = None) -> Timing:
    """One whole process, start to exit; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(list(argv), env=dict(env), input=stdin, capture_output=True, timeout=120)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()}")
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return Timing(wall, cpu)


def process_figure(
    name: str,
    ours: Sequence[Timing],
    reference: Sequence[Timing],
    reference_name: str,
    goal: float | None,
    note: str = "",
) -> Figure:
    """A figure of whole processes: the medians of their wall-clock times, and in the note
    the medians of their CPU times (what the machine's other work does not blur)."""
    cpu_ours = statistics.median(t.cpu for t in ours)
    cpu_reference = statistics.median(t.cpu for t in reference)
    cpu_ratio = cpu_ours / cpu_reference if cpu_reference else float("inf")
    cpu = f"CPU {cpu_ours:.1f} ms vs {cpu_reference:.1f} ms = {cpu_ratio:.2f}x"
    return Figure(
        name,
        statistics.median(t.wall for t in ours),
        statistics.median(t.wall for t in reference),
        reference_name,
        goal,
        note=f"{cpu}; {note}" if note else cpu,
        cpu_ratio=cpu_ratio,
    )


@dataclasses.dataclass(frozen=True)
class ImportCost:
    """What ``python -X importtime`` reports for one run, summed (self times, in ms).

    Attributes:
        total: every import of the run, the interpreter's own start-up ones included.
        top: the costliest groups, as (name, ms): our subpackages by name
            (``smtpeter_desktop.storage``), anything else by its top-level package.
    """

    total: float
    top: tuple[tuple[str, float], ...]

    def text(self) -> str:
        names = ", ".join(f"{name} {ms:.1f}" for name, ms in self.top)
        return f"imports {self.total:.1f} ms (-X importtime, self times summed): {names}"


def import_cost(
    argv: Sequence[str], env: Mapping[str, str], stdin: bytes | None = None, top: int = 6
) -> ImportCost:
    """Run ``argv`` (a Python script and its arguments) once under ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        env=dict(env),
        input=stdin,
        capture_output=True,
        timeout=120,
    )
    groups: dict[str, float] = collections.defaultdict(float)
    for line in done.stderr.decode(errors="replace").splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, _, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        parts = name.split(".")
        group = ".".join(parts[:2]) if parts[0] == "smtpeter_desktop" else parts[0]
        groups[group] += int(self_us) / 1000
    return ImportCost(
        total=sum(groups.values()),
        top=tuple(sorted(groups.items(), key=lambda item: -item[1])[:top]),
    )


def script_of(argv: Sequence[str]) -> list[str]:
    """``argv`` of COMMAND as a script Python runs (for ``-X importtime``)."""
    return list(argv[1:]) if argv[0] == sys.executable else list(argv)
