"""Spell check: the misspelled words of a 100 KB Markdown text, with the real en_US and nl
hunspell dictionaries, against Enchant checking the same words without our tokenizer.

Two texts: the README's sample message again and again (few distinct words, as in a real
letter), and 100 KB of distinct words from the en_US dictionary itself (the worst case: no
word is checked twice). "First check" is a new checker (nothing remembered); "again" is the
check after a keystroke, every word's verdict known. Median of 5.

Goal (issue 16): well under a second for the first check, so the worker thread keeps up.
Run: ``.venv/bin/python -m tests.benchmarks.spelling`` (``make bench`` runs all).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import enchant

from smtpeter_desktop.compose.spelling import SpellChecker
from tests.benchmarks.common import Figure, median, report, timed
from tests.ui.show_compose import BODY

SIZE = 100_000


def _distinct_words() -> str:
    """100 KB of the en_US dictionary's own words, each once, in lines like prose."""
    path = Path("/usr/share/hunspell/en_US.dic")
    entries = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    words = [entry.split("/")[0] for entry in entries if entry[:1].isalpha()]
    text = ""
    for start in range(0, len(words), 12):
        text += " ".join(words[start : start + 12]) + ".\n"
        if len(text) >= SIZE:
            break
    return text[:SIZE]


def _measure(language: str, text: str, words: list[str]) -> tuple[float, float, float]:
    """The first check, the check again, and Enchant alone, in ms (medians of 5)."""
    bare = enchant.Dict(language)

    def enchant_alone() -> float:
        return timed(lambda: [bare.check(w) for w in words])

    def first_check() -> float:
        return timed(lambda: SpellChecker(language).misspelled(text))

    checker = SpellChecker(language)
    checker.misspelled(text)

    def again() -> float:
        return timed(lambda: checker.misspelled(text))

    return median(first_check, 5), median(again, 5), median(enchant_alone, 5)


def main() -> int:
    text = (BODY * (SIZE // len(BODY) + 1))[:SIZE]
    words = re.findall(r"[^\W\d_]+", text)
    figures = []
    for language in ("en_US", "nl"):
        first, again, reference = _measure(language, text, words)
        figures += [
            Figure(f"First check, {language}", first, reference, "Enchant alone", None),
            Figure(f"First check, {language} (limit)", first, reference, "Enchant alone", 500.0,
                   absolute=True, note=f"{len(words):,} words"),
            Figure(f"Again after a keystroke, {language}", again, reference, "Enchant alone",
                   None),
        ]  # fmt: skip
    distinct = _distinct_words()
    words = distinct.split()
    first, _, reference = _measure("en_US", distinct, words)
    figures.append(
        Figure("First check, distinct words, en_US", first, reference, "Enchant alone", 1000.0,
               absolute=True, note=f"{len(words):,} words, each once")
    )  # fmt: skip
    return report("Spell check of a 100 KB Markdown text (median of 5)", figures)


if __name__ == "__main__":
    sys.exit(main())
