"""The spelling language of the message being written, and the notice when it has no dictionary.

``SpellingControls`` ties a ``Speller`` to two widgets the compose pane places: ``box``, the
language of this message (English and Dutch always offered, plus every installed dictionary),
and ``notice``, a sentence under the editor when the chosen language has no dictionary (the
editor keeps working, without underlines). A new message starts in the default language
(the setting, else the system's locale); a language chosen for a message is stored with its
draft (``Draft.spell_language``) and chosen again when the draft opens.

The installed dictionaries change only when the person installs or removes one, while asking
Enchant for them costs loading it (15-25 ms). So the window keeps the list Enchant gave last
time (``installed_found``) and hands it to ``configure``; with a language on that list, the
``Speller`` loads its dictionary with the message's first text (``when_text``), and the list is
read again then, from the Enchant loaded by now.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.address_field import message_label, paint_problem_label

if TYPE_CHECKING:
    from smtpeter_desktop.storage.dictionary import PersonalDictionary

    from smtpeter_desktop.ui.spell_check import Speller

log = logging.getLogger(__name__)

OFFERED = ("en_US", "nl_NL")
"""Always in the list (SMTPeter's users write English and Dutch), installed or not."""


def language_label(code: str) -> str:
    """``nl_NL`` as a person reads it, in their language: "Dutch (nl_NL)"."""
    names = {
        "en": translate("SpellingControls", "English"),
        "nl": translate("SpellingControls", "Dutch"),
        "de": translate("SpellingControls", "German"),
        "fr": translate("SpellingControls", "French"),
    }
    name = names.get(code.split("_")[0].lower())
    return f"{name} ({code})" if name else code


def installed_languages() -> list[str]:
    """The installed dictionaries; none when spell checking is not available at all."""
    from smtpeter_desktop.compose.spelling import NoDictionary, available_languages

    try:
        return available_languages()
    except NoDictionary:
        return []


def default_language(setting: str) -> str:
    """The setting's language, else the locale's (``en_US`` when it says nothing); when the
    window speaks another language than the locale (chosen in Settings), that language."""
    from smtpeter_desktop import i18n
    from smtpeter_desktop.compose.spelling import default_language as from_locale

    if setting.strip():
        return setting.strip()
    locale = from_locale()
    window = i18n.language()
    if window == "en" or locale.split("_")[0] == window:
        return locale
    return f"{window}_NL" if window == "nl" else window


class SpellingControls(QObject):
    """The language box and the missing-dictionary notice of one editor's ``Speller``.

    Attributes:
        bar: the label and the box together, for a tool bar (a tool bar shows or hides its
            widgets itself, so the box is shown and hidden inside this one).
        box: the language of this message.
        notice: the sentence when the language has no dictionary.
    """

    changed = Signal()
    """The person chose another language for this message (the draft is worth saving)."""
    installed_found = Signal(list)
    """Enchant listed the installed dictionaries, and they differ from the list known before
    (the window keeps them for the next start)."""

    def __init__(self, speller: Speller, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.speller = speller
        self._default = ""
        # The language chosen for this message; "" while it is in the default. Kept while
        # spell check is off, so a draft's choice is not lost by turning it off and on.
        self._chosen = ""
        self._enabled = False
        self._dictionary: PersonalDictionary | None = None
        # The installed dictionaries offered in the box (None: not known yet), and the list
        # the window keeps (None: none kept).
        self._installed: list[str] | None = None
        self._kept: list[str] | None = None
        self.bar = QWidget(parent)
        self.box = QComboBox(self.bar)
        self.box.setAccessibleName(translate("SpellingControls", "Spelling language"))
        self.box.setToolTip(
            translate(
                "SpellingControls",
                "The language this message's spelling is checked in (Settings turns spell "
                "check off)",
            )
        )
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label = QLabel(translate("SpellingControls", "Spelling:"), self.bar)
        self.label.setBuddy(self.box)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.label)
        row.addWidget(self.box)
        self.notice: QLabel = message_label(parent)
        self.notice.setAccessibleName(translate("SpellingControls", "Spelling notice"))
        self.notice.setVisible(False)
        self.box.setVisible(False)
        self.label.setVisible(False)
        self.box.currentIndexChanged.connect(self._on_chosen)
        self.box.activated.connect(self._on_activated)
        speller.language_changed.connect(self._on_language_changed)
        parent.installEventFilter(self)

    def configure(
        self,
        enabled: bool,
        default: str,
        dictionary: PersonalDictionary | None = None,
        installed: list[str] | None = None,
    ) -> None:
        """Spell check on or off, the default language (a setting; "" for the locale's), and
        the installed dictionaries as Enchant listed them last time (None: ask it now)."""
        if installed is not None and self._kept is None:
            self._kept = list(installed)
            self._installed = self._installed if self._installed is not None else self._kept
        self._enabled = enabled
        self._dictionary = dictionary or self._dictionary
        self._default = default_language(default)
        self.box.setVisible(enabled)
        self.label.setVisible(enabled)
        if not enabled:
            self.speller.disable()
            self.notice.setVisible(False)
            return
        self._fill(self._chosen or self.speller.wanted_language() or self._default)
        self._on_chosen()

    def reset_language(self) -> None:
        """A new message: back to the default language."""
        self._chosen = ""
        if self._enabled:
            self._select(self._default)

    def choose(self, language: str) -> None:
        """Check this message in ``language`` (added to the list when not in it)."""
        self._chosen = language
        self._select(language)

    def set_message_language(self, language: str) -> None:
        """The language a draft was written in; "" (an older draft, or none chosen): the
        default."""
        if language:
            self.choose(language)
        else:
            self.reset_language()

    def message_language(self) -> str:
        """The language chosen for this message, to store with its draft; "" for the default."""
        return self._chosen

    def _select(self, language: str) -> None:
        index = self.box.findData(language)
        if index < 0:
            self.box.addItem(language_label(language), language)
            index = self.box.count() - 1
        self.box.setCurrentIndex(index)
        self._on_chosen()

    def language(self) -> str:
        return str(self.box.currentData() or "")

    def _fill(self, selected: str) -> None:
        if self._installed is None:
            self._installed = installed_languages()
            self._keep(self._installed)
        codes = list(OFFERED)
        bases = {code.split("_")[0] for code in codes}
        for code in self._installed:
            base = code.split("_")[0]
            if base not in bases:
                bases.add(base)
                codes.append(code)
        if selected not in codes:
            codes.append(selected)
        self.box.blockSignals(True)
        try:
            self.box.clear()
            for code in codes:
                self.box.addItem(language_label(code), code)
            self.box.setCurrentIndex(max(0, self.box.findData(selected)))
        finally:
            self.box.blockSignals(False)

    def _on_activated(self, *_: object) -> None:
        self._chosen = self.language()
        self.changed.emit()

    def _on_chosen(self, *_: object) -> None:
        language = self.language()
        if self._enabled and language:
            installed = self._installed or []
            known = language in installed or language.split("_")[0] in installed
            self.speller.enable(language, self._dictionary, when_text=known)

    def _on_language_changed(self, used: str, hint: str) -> None:
        self._refresh_installed()
        if used or not self._enabled:
            self.notice.setVisible(False)
            return
        text = translate(
            "SpellingControls",
            "No spelling dictionary for {language} is installed, so spelling is not checked.",
        ).format(language=language_label(self.speller.wanted_language()))
        self.notice.setText(f"{text} {hint}".strip())
        self.notice.setVisible(True)

    def _refresh_installed(self) -> None:
        """The speller has loaded Enchant: the installed dictionaries as they are now (a
        dictionary installed or removed since the list was kept)."""
        found = installed_languages()
        if found != self._installed:
            self._installed = found
            if self._enabled:
                self._fill(self.language())
        self._keep(found)

    def _keep(self, found: list[str]) -> None:
        """Enchant listed ``found``: the window keeps it when it is news."""
        if found != self._kept:
            self._kept = found
            self.installed_found.emit(found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            paint_problem_label(self.notice, self._parent.palette())
        return super().eventFilter(watched, event)
