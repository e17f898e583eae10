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


def main() -> int:
    text = (BODY * (SIZE // len(BODY) + 1))[:SIZE]
    words = re.findall(r"[^\W\d_]+", text)
    figures = []
    for language in ("en_US", "nl"):
        bare = enchant.Dict(language)
        reference = median(lambda bare=bare: timed(lambda: [bare.check(w) for w in words]), 5)
        first = median(
            lambda language=language: timed(lambda: SpellChecker(language).misspelled(text)), 5
        )
        checker = SpellChecker(language)
        checker.misspelled(text)
        again = median(lambda: timed(lambda: checker.misspelled(text)), 5)
        figures += [
            Figure(f"First check, {language}", first, reference, "Enchant alone", None),
            Figure(f"First check, {language} (limit)", first, reference, "Enchant alone", 500.0,
                   absolute=True, note=f"{len(words):,} words"),
            Figure(f"Again after a keystroke, {language}", again, reference, "Enchant alone",
                   None),
        ]  # fmt: skip
    distinct = _distinct_words()
    bare = enchant.Dict("en_US")
    words = distinct.split()
    reference = median(lambda: timed(lambda: [bare.check(w) for w in words]), 5)
    first = median(lambda: timed(lambda: SpellChecker("en_US").misspelled(distinct)), 5)
    figures.append(
        Figure("First check, distinct words, en_US", first, reference, "Enchant alone", 1000.0,
               absolute=True, note=f"{len(words):,} words, each once")
    )  # fmt: skip
    return report("Spell check of a 100 KB Markdown text (median of 5)", figures)


if __name__ == "__main__":
    sys.exit(main())
