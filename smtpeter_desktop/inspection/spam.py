"""The spam score SpamAssassin gives the message, and the rules that fired, in words.

Runs ``spamassassin -t -L``: local tests only (no DNS block lists, Razor or Pyzor, so
nothing about the message leaves the computer), with no user preferences file created and no
Bayes learning (``-x``, ``use_bayes 0``). SpamAssassin compiles its rules on each start,
which takes a second or two; the window runs it apart from the quick checks. SMTPeter's own
scanning may differ; receivers run their own filters with network tests too.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection.findings import Finding, Severity

CHECK = "spam"
TIMEOUT = 60.0
INSTALL_HINT = (
    "Install SpamAssassin to see the score: on Debian or Ubuntu “sudo apt install "
    "spamassassin”, on Fedora “sudo dnf install spamassassin”, on macOS “brew install "
    "spamassassin”. Then check again."
)
_STATUS = re.compile(r"score=(-?[\d.]+)\s+required=(-?[\d.]+)")
_RULE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]+)\s+(.*\S)\s*$")
_CONTINUATION = re.compile(r"^\s{20,}(\S.*)$")


@dataclasses.dataclass(frozen=True)
class Rule:
    """A SpamAssassin rule that fired: its points, name and description."""

    points: float
    name: str
    description: str


@dataclasses.dataclass(frozen=True)
class Verdict:
    """SpamAssassin's reading: the score, the threshold it calls spam from, the rules."""

    score: float
    threshold: float
    rules: tuple[Rule, ...]

    @property
    def spam(self) -> bool:
        return self.score >= self.threshold


class SpamCheckError(Exception):
    """SpamAssassin could not give a verdict; ``str()`` says why, in words."""


def executable() -> str | None:
    return shutil.which("spamassassin")


def parse(output: str) -> Verdict:
    """Read the report ``spamassassin -t`` writes: X-Spam-Status and the rule table."""
    status = _STATUS.search(output)
    if status is None:
        raise SpamCheckError("SpamAssassin's answer held no score.")
    rules: list[Rule] = []
    in_table = False
    for line in output.splitlines():
        if line.startswith("---- "):
            in_table = True
            continue
        if not in_table:
            continue
        if match := _RULE.match(line):
            rules.append(Rule(float(match.group(1)), match.group(2), match.group(3)))
        elif rules and (more := _CONTINUATION.match(line)):
            last = rules[-1]
            rules[-1] = dataclasses.replace(last, description=f"{last.description} {more.group(1)}")
        elif not line.strip() or not line.startswith(" "):
            in_table = False
    return Verdict(float(status.group(1)), float(status.group(2)), tuple(rules))


def run(raw: bytes, *, program: str | None = None, timeout: float = TIMEOUT) -> Verdict:
    """SpamAssassin's verdict on ``raw``; ``SpamCheckError`` when it is missing or fails."""
    program = program or executable()
    if program is None:
        raise SpamCheckError("SpamAssassin is not installed, so there is no spam score.")
    command = [program, "-t", "-L", "-x", "--cf=use_bayes 0", "--cf=bayes_auto_learn 0"]
    try:
        done = subprocess.run(command, input=raw, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise SpamCheckError(f"SpamAssassin gave no answer within {timeout:g} seconds.") from None
    except OSError as exc:
        raise SpamCheckError(f"SpamAssassin could not be started: {exc.strerror}.") from None
    # -t exits 0 or 1 (spam); anything else is SpamAssassin failing.
    if done.returncode not in (0, 1):
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SpamCheckError(
            f"SpamAssassin failed (exit {done.returncode})" + (f": {error[-1]}" if error else ".")
        )
    return parse(done.stdout.decode("utf-8", "replace"))


def findings(verdict: Verdict) -> list[Finding]:
    """The verdict as findings: the score, and each rule that added points, in words."""
    fired = sorted((r for r in verdict.rules if r.points > 0), key=lambda r: -r.points)
    elements = tuple(f"{r.points:+.1f} {r.description} ({r.name})" for r in fired)
    score = f"{verdict.score:.1f}"
    if verdict.spam:
        return [
            Finding(
                CHECK,
                "spam-likely",
                Severity.WARNS,
                translate(
                    "inspection.spam",
                    "SpamAssassin scores the message {score}; from {threshold:.1f} it calls "
                    "a message spam, and many receivers would file it as junk.",
                ).format(score=score, threshold=verdict.threshold),
                translate(
                    "inspection.spam",
                    "Change what the rules below point at, starting with the highest.",
                ),
                elements,
            )
        ]
    if fired:
        return [
            Finding(
                CHECK,
                "spam-score",
                Severity.INFO,
                translate(
                    "inspection.spam",
                    "SpamAssassin scores the message {score} (spam from {threshold:.1f}).",
                ).format(score=score, threshold=verdict.threshold),
                "",
                elements,
            )
        ]
    return []


def check(
    raw: bytes, *, program: str | None = None, timeout: float = TIMEOUT
) -> tuple[list[Finding], Verdict | None]:
    """Run SpamAssassin on ``raw``: its findings and verdict, or a finding saying why not."""
    if (program or executable()) is None:
        return [
            Finding(
                CHECK,
                "spam-unavailable",
                Severity.INFO,
                translate(
                    "inspection.spam",
                    "SpamAssassin is not installed, so the message got no spam score.",
                ),
                INSTALL_HINT,
            )
        ], None
    try:
        verdict = run(raw, program=program, timeout=timeout)
    except SpamCheckError as exc:
        return [Finding(CHECK, "spam-failed", Severity.INFO, str(exc), "")], None
    return findings(verdict), verdict
