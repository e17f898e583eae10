"""Spell checking with the system's hunspell dictionaries, through Enchant (pyenchant).

One :class:`SpellChecker` per language and per thread (the window's checking runs on a worker
thread; Enchant's dictionaries are not shared between threads here). It knows the person's
own words (the personal dictionary, kept by ``storage.dictionary``) and the words ignored for
this session, and remembers each word's verdict, so checking a text again after a keystroke
costs a lookup per word.

A language without an installed dictionary, or no Enchant at all, raises
:class:`NoDictionary` with a sentence that says which package to install.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from typing import Any, Final

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.spellwords import words

__all__ = [
    "FALLBACK_LANGUAGE",
    "NoDictionary",
    "SpellChecker",
    "available_languages",
    "default_language",
    "language_name",
]

FALLBACK_LANGUAGE: Final = "en_US"
_NAMES: Final = {"en": "English", "nl": "Dutch", "de": "German", "fr": "French"}
# The Debian packages with each language's hunspell dictionary.
_PACKAGES: Final = {"en": "hunspell-en-us", "nl": "hunspell-nl", "de": "hunspell-de-de"}
_MAX_SUGGESTIONS: Final = 7
_lock = threading.Lock()


class NoDictionary(ComposeError):
    """No dictionary for the language is installed (or no spelling library at all)."""


def language_name(code: str) -> str:
    """``nl_NL`` as a person reads it: "Dutch (nl_NL)"."""
    name = _NAMES.get(code.split("_")[0].lower())
    return f"{name} ({code})" if name else code


def _enchant() -> Any:
    try:
        import enchant
    except ImportError as exc:  # pyenchant is missing, or it found no libenchant-2
        raise NoDictionary(
            "Spell checking is not available: the Enchant library is not installed.",
            "On Debian or Ubuntu: sudo apt install libenchant-2-2 hunspell-en-us hunspell-nl",
        ) from exc
    return enchant


def available_languages() -> list[str]:
    """The languages with an installed dictionary, e.g. ``["en_US", "nl", "nl_NL"]``."""
    enchant = _enchant()
    with _lock:
        return sorted(set(enchant.list_languages()))


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """The person's language from the locale (LC_ALL, LC_MESSAGES, LANG), e.g. ``nl_NL``.

    The locale's own code, not checked against what is installed: :class:`SpellChecker`
    falls back from ``nl_NL`` to ``nl``, and says so when neither is there. ``en_US``
    when the locale says nothing usable (C, POSIX).
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").split(".")[0].split("@")[0]
        if value and value not in ("C", "POSIX"):
            return value
    return FALLBACK_LANGUAGE


class SpellChecker:
    """Checks words of one language; see the module docstring.

    Attributes:
        language: the dictionary actually used (``nl`` when ``nl_NL`` was asked and only
            ``nl`` is installed).
    """

    def __init__(self, language: str, personal: Iterable[str] = ()) -> None:
        enchant = _enchant()
        wanted = language.replace("-", "_")
        candidates = [wanted, wanted.split("_")[0]]
        with _lock:
            found = next((c for c in candidates if enchant.dict_exists(c)), None)
            if found is None:
                base = wanted.split("_")[0].lower()
                package = _PACKAGES.get(base, f"the hunspell package for {wanted}")
                installed = ", ".join(sorted(set(enchant.list_languages()))) or "none"
                raise NoDictionary(
                    f"No spelling dictionary for {language_name(wanted)} is installed "
                    f"(installed: {installed}).",
                    f"Install {package} (sudo apt install {package} on Debian or Ubuntu), "
                    "or choose another language.",
                )
            self._dict = enchant.Dict(found)
        self.language = found
        self._personal = {w.casefold() for w in personal}
        self._ignored: set[str] = set()
        self._verdicts: dict[str, bool] = {}

    def __repr__(self) -> str:
        return f"<SpellChecker {self.language}>"

    def correct(self, word: str) -> bool:
        """Whether *word* is spelled right (or is the person's own, or ignored)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            folded = word.casefold()
            verdict = (
                folded in self._personal
                or folded in self._ignored
                or self._dict.check(word)
                # A word starting a sentence: "Fiets" is right when "fiets" is.
                or (word[:1].isupper() and self._dict.check(word[:1].lower() + word[1:]))
            )
            if len(self._verdicts) > 200_000:
                self._verdicts.clear()
            self._verdicts[word] = verdict
        return verdict

    def misspelled(self, markdown: str) -> list[tuple[int, int]]:
        """The (start, end) spans of the misspelled words in *markdown*, in order."""
        return [
            (start, end) for start, end in words(markdown) if not self.correct(markdown[start:end])
        ]

    def suggest(self, word: str) -> list[str]:
        """A few corrections for *word*, the likeliest first."""
        return list(self._dict.suggest(word))[:_MAX_SUGGESTIONS]

    def add(self, word: str) -> None:
        """Treat *word* as right from now on; the caller keeps it in the personal dictionary."""
        self._personal.add(word.casefold())
        self._verdicts.clear()

    def ignore(self, word: str) -> None:
        """Treat *word* as right for the rest of this session only."""
        self._ignored.add(word.casefold())
        self._verdicts.clear()
