"""Run every benchmark, each in a process of its own, and print one table of the figures.

    make bench            (or: .venv/bin/python -m tests.benchmarks.run_all [--readme] [--only A,B])

Each benchmark keeps its figures in results/latest.json; this prints them as a Markdown table
(and with ``--readme`` writes it into README.md between the benchmark markers). Exits 1 when
any goal was missed, so a regression is visible; CI prints the table without failing on it.
``--only startup,send`` runs those benchmarks alone; with ``--readme`` their groups replace
the same groups in the README's table and the other groups stay as they were (the note under
the table says which groups this run measured).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.common import RESULTS

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = (
    "startup",
    "send",
    "responsiveness",
    "memory",
    "preview",
    "check",
    "spelling",
    "merge",
)
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def table(results: dict[str, list[dict[str, object]]]) -> str:
    rows = [
        "| figure | ours | reference | ratio | CPU ratio | goal | |",
        "|---|---:|---|---:|---:|---|---|",
    ]
    for group, figures in results.items():
        if group.startswith("_"):
            continue
        rows.append(f"| **{group}** | | | | | | |")
        for f in figures:
            unit = f["unit"]
            goal = f["goal"]
            if goal is None:
                goal_text, verdict = "for context", ""
            elif f["absolute"]:
                goal_text, verdict = f"≤ {goal:g} {unit}", "ok" if f["ok"] else "**missed**"
            else:
                goal_text, verdict = f"≤ {goal:g}x", "ok" if f["ok"] else "**missed**"
            cpu = f"{f['cpu_ratio']:.2f}x" if f.get("cpu_ratio") is not None else ""
            rows.append(
                f"| {f['name']} | {f['ours']:.1f} {unit} | {f['reference_name']} "
                f"{f['reference']:.1f} {unit} | {f['ratio']:.2f}x | {cpu} | {goal_text} "
                f"| {verdict} |"
            )
    machine = results.get("_machine")
    if isinstance(machine, dict) and machine.get("load"):
        rows.append(
            f"\n{machine['cpus']} cores, Python {machine['python']}; load average (1 minute) "
            f"as the groups ended: {', '.join(str(x) for x in machine['load'])}. On a busy "
            "machine the wall-clock ratios of short processes blur; the CPU ratios less."
        )
    return "\n".join(rows)


def _option(name: str) -> str | None:
    for index, arg in enumerate(sys.argv):
        if arg == name and index + 1 < len(sys.argv):
            return sys.argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def merged(old: str, new: str, measured: list[str]) -> str:
    """The README's table ``old`` with the groups of ``new`` in place of the same groups (by
    their title's words before any parenthesis), the rest kept; ``new``'s note under it."""

    def blocks(text: str) -> tuple[list[str], dict[str, list[str]]]:
        head: list[str] = []
        groups: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in text.splitlines():
            if line.startswith("| **"):
                current = groups.setdefault(line.split("**")[1].split(" (")[0], [])
            if not line.startswith("|"):
                break
            (head if current is None else current).append(line)
        return head, groups

    head, kept = blocks(old)
    fresh = blocks(new)[1]
    rows = head + [line for name in kept for line in fresh.get(name, kept[name])]
    rows += [line for name in fresh if name not in kept for line in fresh[name]]
    note = new.split("\n\n", 1)[1] if "\n\n" in new else ""
    said = f"This run measured {', '.join(measured)}; the other groups are from an earlier run."
    return "\n".join(rows) + "\n\n" + " ".join(filter(None, [note, said]))


def main() -> int:
    only = _option("--only")
    chosen = [name for name in BENCHMARKS if only is None or name in only.split(",")]
    RESULTS.unlink(missing_ok=True)
    failed = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in chosen:
        done = subprocess.run(
            [sys.executable, "-m", f"tests.benchmarks.{name}"], cwd=ROOT, env=env, check=False
        )
        if done.returncode != 0:
            failed.append(name)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    text = table(results)
    print("\n" + text)
    if "--readme" in sys.argv:
        readme = ROOT / "README.md"
        pattern = re.compile(re.escape(START) + "\n(.*?)\n" + re.escape(END), re.DOTALL)
        current = readme.read_text(encoding="utf-8")
        found = pattern.search(current)
        if only is not None and found is not None:
            text = merged(found.group(1), text, chosen)
        readme.write_text(
            pattern.sub(lambda _: f"{START}\n{text}\n{END}", current), encoding="utf-8"
        )
    if failed:
        print(f"\nGoals missed (or a benchmark failed): {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
