"""Spell checking: which words are looked at, and real hunspell dictionaries (en_US, nl)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from smtpeter_desktop.compose.spelling import (
    NoDictionary,
    SpellChecker,
    available_languages,
    default_language,
)
from smtpeter_desktop.compose.spellwords import words
from smtpeter_desktop.storage.dictionary import PersonalDictionary

TEXT = """\
# Quarterly nmbers

Hi Bob, here is the `reprot_var` you asked for: see https://exmple.com/qrtly?x=1 and
www.exmple.org, or mail ann.leee@exmple.com. The file is reprt.pdf.

```python
def calculte(): pass
```

    indentd code

A [lnk text](https://exmple.com/pth "titel") and ![logo](imgs/lgo.png).
<span class="hghlight">Dear {$firstname}</span> {if $vip}VIP{/if} &nbsp; SMTP Q3 2nd
[ref]: https://exmple.com/rf
Don't use e-mail for zo'n dingen.
"""


def _words(text: str) -> list[str]:
    return [text[start:end] for start, end in words(text)]


def test_only_prose_is_looked_at() -> None:
    found = _words(TEXT)
    assert "nmbers" in found and "lnk" in found and "Dear" in found
    for skipped in (
        "reprot_var", "exmple", "qrtly", "leee", "reprt", "pdf", "calculte", "indentd",
        "pth", "lgo", "imgs", "hghlight", "span", "firstname", "vip", "VIP", "nbsp",
        "SMTP", "rf", "ref",
    ):  # fmt: skip
        assert skipped not in found, skipped
    assert {"Don't", "e-mail", "zo'n"} <= set(found)
    # Every span is the word's place in the text.
    assert all(TEXT[s:e].isprintable() for s, e in words(TEXT))


def test_a_list_item_indented_is_prose() -> None:
    assert _words("- one\n    - nestd item\n") == ["one", "nestd", "item"]


def test_english_and_dutch() -> None:
    english = SpellChecker("en_US")
    spans = english.misspelled(TEXT)
    assert [TEXT[s:e] for s, e in spans] == ["nmbers", "lnk", "zo'n", "dingen"]
    assert "numbers" in english.suggest("nmbers")
    dutch = SpellChecker("nl_NL")
    assert dutch.language in ("nl_NL", "nl")
    assert dutch.misspelled("De fiets staat buiten.") == []
    assert dutch.misspelled("De fietz staat buiten.") == [(3, 8)]
    assert "fiets" in dutch.suggest("fietz")


def test_personal_words_and_ignored_ones(tmp_path: Path) -> None:
    personal = PersonalDictionary(tmp_path / "dictionary.txt")
    personal.add("SMTPeter")
    personal.add("Copernica")
    assert stat.S_IMODE((tmp_path / "dictionary.txt").stat().st_mode) == 0o600
    checker = SpellChecker("en_US", personal.words())
    assert checker.misspelled("Copernica and Smtpeter send mail") == []
    assert checker.misspelled("Quxly sent it") == [(0, 5)]
    checker.ignore("quxly")
    assert checker.misspelled("Quxly sent it") == []
    assert SpellChecker("en_US").misspelled("Quxly") == [(0, 5)], "ignored for this session"
    checker.add("Blorp")
    assert checker.correct("blorp")


def test_a_missing_dictionary_is_a_sentence() -> None:
    assert "en_US" in available_languages() and "nl" in available_languages()
    with pytest.raises(NoDictionary) as caught:
        SpellChecker("xx_YY")
    assert "No spelling dictionary for xx_YY is installed" in caught.value.message
    assert "choose another language" in caught.value.hint
    with pytest.raises(NoDictionary, match="German"):
        SpellChecker("de_DE") if "de_DE" not in available_languages() else SpellChecker("xx")


def test_the_default_language_is_the_locale() -> None:
    assert default_language({"LANG": "nl_NL.UTF-8"}) == "nl_NL"
    assert default_language({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}) == "en_GB"
    assert default_language({"LANG": "C.UTF-8"}) == "en_US"
    assert default_language({}) == "en_US"
