"""The Settings rows for spell check: on or off, and the language a new message starts in.

``SpellRows`` adds its rows to the settings pane's form and saves through the pane's own
``save(option, value)``, so a change is checked, saved and announced like every other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.settings import AnyOption, Settings

from smtpeter_desktop.ui.spell_language import OFFERED, installed_languages, language_label

Save = Callable[[AnyOption, bool | int | str], None]


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SpellRows:
    """ "Underline misspelled words" and "Default language" (empty: the system's)."""

    def __init__(self, prefs: Settings, save: Save, parent: QWidget) -> None:
        self._prefs = prefs
        self._save = save
        self._parent = parent
        self._loading = 0
        self.enabled = QCheckBox(translate("SpellRows", "Underline misspelled words"), parent)
        self.enabled.setToolTip(translate("SpellRows", "Spell check in the message editor"))
        self.language = QComboBox(parent)
        self.language.setAccessibleName(translate("SpellRows", "Default spelling language"))
        self.language.setToolTip(
            translate(
                "SpellRows",
                "The language a new message is checked in; each message can choose its own "
                "above the editor",
            )
        )
        self._fill()
        self.enabled.toggled.connect(self._on_enabled)
        self.language.currentIndexChanged.connect(self._on_language)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(heading(translate("SpellRows", "Spelling"), self._parent))
        form.addRow("", self.enabled)
        form.addRow(translate("SpellRows", "New messages &in:"), self.language)

    def _fill(self) -> None:
        from smtpeter_desktop.compose.spelling import default_language

        self.language.clear()
        system = language_label(default_language())
        self.language.addItem(
            translate("SpellRows", "The system's: {language}").format(language=system), ""
        )
        codes = list(OFFERED)
        for code in installed_languages():
            if code.split("_")[0] not in {c.split("_")[0] for c in codes}:
                codes.append(code)
        for code in codes:
            self.language.addItem(language_label(code), code)

    def load(self) -> None:
        self._loading += 1
        try:
            self.enabled.setChecked(self._prefs.get(settings.SPELL_CHECK))
            wanted = self._prefs.get(settings.SPELL_LANGUAGE)
            index = self.language.findData(wanted)
            if index < 0:
                self.language.addItem(language_label(wanted), wanted)
                index = self.language.count() - 1
            self.language.setCurrentIndex(index)
            self.language.setEnabled(self.enabled.isChecked())
        finally:
            self._loading -= 1

    def _on_enabled(self, checked: bool) -> None:
        self.language.setEnabled(checked)
        if not self._loading:
            self._save(settings.SPELL_CHECK, bool(checked))

    def _on_language(self, _index: int) -> None:
        if not self._loading:
            self._save(settings.SPELL_LANGUAGE, str(self.language.currentData() or ""))
