"""The window in the user's language: our catalogue and Qt's own, installed before any widget.

Our strings go through ``i18n.translate``, which the window points at
``QCoreApplication.translate``; a QTranslator loads our compiled catalogue
(resources/translations/smtpeter_desktop_nl.qm, built by ``make``) and another Qt's
qtbase_nl.qm, so standard buttons (Cancel, Save, Yes) and Qt's dialogs speak Dutch too.
A checkout where the .qm was never built reads the .ts instead (i18n.catalogue_lookup).
QLocale's default follows the language, so dates, times and numbers Qt formats do too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smtpeter_desktop import assets, i18n
from smtpeter_desktop.storage import paths

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def system_language() -> str:
    """Qt's reading of the system's language (the only one on macOS and Windows), as ``nl``;
    the locale's variables, where set, come first (i18n.chosen_language)."""
    languages = QLocale.system().uiLanguages()
    return languages[0].replace("_", "-").split("-")[0].lower() if languages else ""


def install(app: QCoreApplication, home: Path | None = None, language: str | None = None) -> str:
    """Speak ``language`` (else the setting in ``home``, the app folder unless given, else the
    system's language); which one it is."""
    uninstall(app)
    if language is None:
        setting = i18n.setting_in(paths.app_home_path() if home is None else home)
        language = i18n.chosen_language(setting, system=system_language())
    QLocale.setDefault(
        QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English)
    )
    if language == "en":
        return language
    translations = assets.resource_dir() / "translations"
    ours = QTranslator(app)
    qm = i18n.catalogue_path(translations, language, ".qm")
    if Path(qm).exists() and ours.load(qm):
        _installed.append(ours)
        app.installTranslator(ours)
        i18n.install(_qt_lookup, language)
    else:
        log.info("No compiled catalogue at %s; reading the .ts", qm)
        i18n.install_catalogue(translations, language)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", folder):
        _installed.append(qt_own)
        app.installTranslator(qt_own)
    else:
        log.info("Qt's own %s translation is not in %s", language, folder)
    return language


def uninstall(app: QCoreApplication) -> None:
    """Back to English (tests switch languages within one process)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    i18n.install(None)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _qt_lookup(context: str, text: str, n: int) -> str:
    return QCoreApplication.translate(context, text, None, n)
