"""The one way a user-visible string reaches the user: ``translate(context, text)``.

Qt-free, so the window, the CLI and the core's wording share one catalogue. ``pyside6-lupdate``
extracts every ``translate("Context", "literal")`` call (the context and text must be literals;
format after translating: ``translate("Ctx", "Sent to {address}").format(address=a)``). Plurals
pass ``n`` and write ``%n`` in the text, as Qt does. Text kept in a table and translated where
it is shown is marked ``QT_TRANSLATE_NOOP("Context", "text")``, which lupdate also extracts.

The catalogue is resources/translations/smtpeter_desktop_<language>.ts. The window installs a
QTranslator with its compiled .qm (ui/translations.py); the command line, which must not load
Qt, reads the .ts itself with :func:`catalogue_lookup`, only when the language is not English.
Which language: :func:`chosen_language` (the ``language`` setting, else the system's locale).
"""

# os.path, not pathlib: the command line's --help and --version load no pathlib.
# ruff: noqa: PTH118, PTH123
from __future__ import annotations

import os

# Every command line run loads this module: it loads neither typing, pathlib, re nor
# collections.abc (tests/cli's import sets; each costs milliseconds of every run). Paths here
# are plain strings, and the types are for the type checkers only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from os import PathLike

    Place = str | PathLike[str]
    Lookup = Callable[[str, str, int], str]

LANGUAGES = ("en", "nl")
"""The languages the app speaks; English is the source text and needs no catalogue."""
SETTING_CHOICES = ("system", *LANGUAGES)
LANGUAGE_VARIABLE = "SMTPETER_DESKTOP_LANGUAGE"
"""Overrides the setting and the locale (tests pin English with it)."""
CATALOGUE_NAME = "smtpeter_desktop_{language}"

_lookup: Lookup | None = None
_language = "en"


def translate(context: str, text: str, n: int = -1) -> str:
    """The text in the user's language, or the English text when none is installed."""
    result = _lookup(context, text, n) if _lookup is not None else text
    return result.replace("%n", str(n)) if n >= 0 else result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """``text`` unchanged: marks it for the catalogue; ``translate`` it where it is shown."""
    del context
    return text


def install(lookup: Lookup | None, language: str = "en") -> None:
    """Use ``lookup`` (context, text, n) -> translation from now on; None goes back to English."""
    global _lookup, _language
    _lookup = lookup
    _language = language if lookup is not None else "en"


def language() -> str:
    """The language installed: ``en`` or ``nl`` (dates and sizes follow it)."""
    return _language


def decimal(value: float, places: int = 1) -> str:
    """A number with decimals as the language writes it: ``2.5`` in English, ``2,5`` in Dutch.

    The window's dates and numbers come from QLocale, whose default follows the language
    (ui/translations.py); this is for text built without Qt (sizes, the command line)."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if _language == "nl" else text


# Choosing the language ---------------------------------------------------------------------


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language the locale asks for, as gettext reads it; English when we lack it.

    LANGUAGE (a list, first match wins), then LC_ALL, LC_MESSAGES and LANG: the first one set
    decides. ``C`` and ``POSIX`` mean English.
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").strip()
        if not value:
            continue
        for item in value.split(":") if name == "LANGUAGE" else [value]:
            code = item
            for mark in "_.@-":
                code = code.split(mark, 1)[0]
            code = code.lower()
            if code in LANGUAGES:
                return code
            if code and name != "LANGUAGE":
                return "en"
        if name != "LANGUAGE":
            return "en"
    return "en"


def setting_in(home: Place) -> str:
    """The ``language`` setting in settings.toml, read without a TOML parser (it is read
    again, fully, by the settings pane); ``system`` when unset or unreadable."""
    try:
        with open(os.path.join(home, "settings.toml"), encoding="utf-8") as file:
            text = file.read()
    except (OSError, ValueError):
        return "system"
    for line in text.splitlines():
        key, equals, value = line.partition("=")
        if equals and key.strip() == "language":
            value = value.partition("#")[0].strip()
            if len(value) > 1 and value[0] == value[-1] == '"' and value[1:-1] in SETTING_CHOICES:
                return value[1:-1]
            return "system"
    return "system"


def chosen_language(
    setting: str = "system", environ: Mapping[str, str] = os.environ, system: str | None = None
) -> str:
    """The language to speak: SMTPETER_DESKTOP_LANGUAGE, else the setting, else the system's
    (``system`` when given, e.g. Qt's reading of it on macOS and Windows, else the locale)."""
    forced = environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    if forced in LANGUAGES:
        return forced
    if setting in LANGUAGES:
        return setting
    from_environment = system_language(environ)
    if from_environment == "en" and system in LANGUAGES and not _locale_set(environ):
        return system
    return from_environment


def _locale_set(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name) for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))


# The catalogue without Qt -----------------------------------------------------------------


def catalogue_path(translations: Place, language: str, suffix: str = ".ts") -> str:
    return os.path.join(translations, CATALOGUE_NAME.format(language=language) + suffix)


def plural_form(language: str, n: int) -> int:
    """Which of a message's plural forms ``n`` takes (Dutch and English: one, other)."""
    del language
    return 0 if n == 1 else 1


def read_catalogue(path: Place) -> dict[tuple[str, str], tuple[str, ...]]:
    """The finished translations in a Qt Linguist .ts file, by (context, source).

    A plural message has one entry per form. Unfinished, vanished and obsolete messages
    are left out, so they show in English. A missing or broken file gives none.
    """
    from xml.etree import ElementTree

    try:
        root = ElementTree.parse(path).getroot()  # noqa: S314 (our own shipped file)
    except (OSError, ElementTree.ParseError):
        return {}
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = tuple(forms) if forms else (translation.text or "",)
            if any(texts):
                found[(name, message.findtext("source") or "")] = texts
    return found


def catalogue_lookup(path: Place, language: str) -> Lookup:
    """A lookup that reads ``path`` on its first use (English runs never pay for it)."""
    table: dict[tuple[str, str], tuple[str, ...]] | None = None

    def lookup(context: str, text: str, n: int) -> str:
        nonlocal table
        if table is None:
            table = read_catalogue(path)
        forms = table.get((context, text))
        if not forms:
            return text
        return forms[min(plural_form(language, n), len(forms) - 1)] if n >= 0 else forms[0]

    return lookup


def install_catalogue(translations: Place, language: str) -> None:
    """Speak ``language`` from the .ts in ``translations`` (English: the source text)."""
    if language == "en" or language not in LANGUAGES:
        install(None)
        return
    install(catalogue_lookup(catalogue_path(translations, language), language), language)
