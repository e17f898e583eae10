"""The settings pane: the person's preferences, applied at once and saved to settings.toml.

Each control edits one option of ``storage.settings``; a change is checked by the option
itself, saved, and announced with ``changed(name)`` so the window applies it (theme, editor
font, preview). "Restore Defaults" puts every preference back. Problems found in a
hand-edited settings.toml are listed at the top, with the line to fix.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.address_field import message_label, paint_problem_label

if TYPE_CHECKING:
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.storage.settings import Settings

log = logging.getLogger(__name__)


def themes() -> tuple[tuple[str, str], ...]:
    """The appearance choices: (value, label in the person's language)."""
    return (
        ("system", translate("SettingsPane", "Follow the system")),
        ("light", translate("SettingsPane", "Light")),
        ("dark", translate("SettingsPane", "Dark")),
    )


def plaintext_warning() -> str:
    return translate(
        "SettingsPane",
        "Passwords and tokens would be kept unencrypted in a file that anyone with access to "
        "your account can read. Use this only when no real keyring works on this computer. "
        "It takes effect the next time SMTPeter Desktop starts.",
    )


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _languages() -> tuple[tuple[str, str], ...]:
    # Each language named in itself, as people look for their own.
    return (
        ("system", translate("SettingsPane", "Follow the system")),
        ("en", translate("SettingsPane", "English")),
        ("nl", translate("SettingsPane", "Nederlands")),
    )


class SettingsPane(QWidget):
    """Default account, undo delay, preview, editor font, confirm before send, theme,
    plain-text keyring, warning limits, the before-send check (on Send, links online).

    Signals:
        changed(str): the option of this name (``settings.X.name``) changed and was saved.
    """

    changed = Signal(str)

    def __init__(self, prefs: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self._questions = messages.Questions(self)
        self._loading = 0
        self._profiles: list[Profile] = []

        self.problems = message_label(self)
        self.problems.setVisible(False)

        self.default_profile = QComboBox(self)
        self.default_profile.setAccessibleName(translate("SettingsPane", "Default account"))
        self.default_profile.setToolTip(settings.DEFAULT_PROFILE.description)

        self.undo_seconds = QSpinBox(self)
        self.undo_seconds.setRange(
            settings.UNDO_SEND_SECONDS.minimum or 0, settings.UNDO_SEND_SECONDS.maximum or 60
        )
        self.undo_seconds.setSuffix(translate("SettingsPane", " s"))
        self.undo_seconds.setSpecialValueText(translate("SettingsPane", "Off (send at once)"))
        self.undo_seconds.setAccessibleName(translate("SettingsPane", "Undo send delay"))
        self.undo_seconds.setToolTip(settings.UNDO_SEND_SECONDS.description)

        self.confirm = QCheckBox(translate("SettingsPane", "Ask before every send"), self)
        self.confirm.setToolTip(settings.CONFIRM_BEFORE_SEND.description)

        self.check_on_send = QCheckBox(translate("SettingsPane", "Check before sending"), self)
        self.check_on_send.setToolTip(settings.CHECK_ON_SEND.description)
        self.check_on_send_note = self._note(settings.CHECK_ON_SEND.description)
        self.check_links = QCheckBox(translate("SettingsPane", "Check links online"), self)
        self.check_links.setToolTip(settings.CHECK_LINKS_ONLINE.description)
        self.check_links_note = self._note(settings.CHECK_LINKS_ONLINE.description)

        self.preview = QCheckBox(
            translate("SettingsPane", "Show the live preview beside the editor"), self
        )
        self.preview.setToolTip(settings.PREVIEW.description)

        self.system_font = QCheckBox(
            translate("SettingsPane", "Use the system's monospace font"), self
        )
        self.font_family = QFontComboBox(self)
        self.font_family.setFontFilters(QFontComboBox.FontFilter.MonospacedFonts)
        self.font_family.setAccessibleName(translate("SettingsPane", "Editor font"))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(
            settings.EDITOR_FONT_SIZE.minimum or 6, settings.EDITOR_FONT_SIZE.maximum or 48
        )
        self.font_size.setSuffix(translate("SettingsPane", " pt"))
        self.font_size.setAccessibleName(translate("SettingsPane", "Editor font size"))
        self.font_size.setToolTip(settings.EDITOR_FONT_SIZE.description)

        self.theme = QComboBox(self)
        for value, label in themes():
            self.theme.addItem(label, value)
        self.theme.setAccessibleName(translate("SettingsPane", "Appearance"))
        self.theme.setToolTip(settings.THEME.description)

        self.language = QComboBox(self)
        for value, label in _languages():
            self.language.addItem(label, value)
        self.language.setAccessibleName(translate("SettingsPane", "Language"))
        self.language_note = self._note(
            translate(
                "SettingsPane", "The language takes effect when SMTPeter Desktop starts again."
            )
        )

        self.warn_recipients = QSpinBox(self)
        self.warn_recipients.setRange(
            settings.WARN_RECIPIENTS.minimum or 1, settings.WARN_RECIPIENTS.maximum or 10_000
        )
        self.warn_recipients.setSuffix(translate("SettingsPane", " visible recipients"))
        self.warn_recipients.setAccessibleName(
            translate("SettingsPane", "Warn above this many visible recipients")
        )
        self.warn_recipients.setToolTip(settings.WARN_RECIPIENTS.description)
        self.warn_size = QSpinBox(self)
        self.warn_size.setRange(
            settings.WARN_SIZE_MB.minimum or 1, settings.WARN_SIZE_MB.maximum or 1000
        )
        self.warn_size.setSuffix(translate("SettingsPane", " MB"))
        self.warn_size.setAccessibleName(translate("SettingsPane", "Warn above this message size"))
        self.warn_size.setToolTip(settings.WARN_SIZE_MB.description)

        self.plaintext = QCheckBox(
            translate("SettingsPane", "Allow a keyring that keeps passwords in a plain file"), self
        )
        self.plaintext.setToolTip(settings.ALLOW_PLAINTEXT_KEYRING.description)
        self.plaintext_warning = message_label(self)
        self.plaintext_warning.setText(plaintext_warning())

        self.restore = QPushButton(translate("SettingsPane", "&Restore Defaults"), self)
        self.restore.setAccessibleName(translate("SettingsPane", "Restore defaults"))
        self.restore.setToolTip(
            translate("SettingsPane", "Put every setting on this page back to how it came")
        )
        self.restore.clicked.connect(self._ask_restore)

        self._build()
        self.load()
        self._even_widths()
        self._connect()
        self._add_language_row()
        self._translate_descriptions()

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setContentsMargins(0, 0, 0, 0)

        form.addRow(_heading(translate("SettingsPane", "Sending"), form_widget))
        form.addRow(translate("SettingsPane", "New &messages from:"), self.default_profile)
        form.addRow(translate("SettingsPane", "Un&do send for:"), self.undo_seconds)
        form.addRow("", self.confirm)
        form.addRow(self._spacer())
        form.addRow(_heading(translate("SettingsPane", "Writing"), form_widget))
        form.addRow("", self.preview)
        font_row = QHBoxLayout()
        font_row.setSpacing(6)
        font_row.addWidget(self.font_family, 1)
        font_row.addWidget(self.font_size)
        form.addRow(translate("SettingsPane", "Editor f&ont:"), self.system_font)
        form.addRow("", font_row)
        form.addRow(translate("SettingsPane", "&Appearance:"), self.theme)
        form.addRow(self._spacer())
        form.addRow(_heading(translate("SettingsPane", "Warnings before sending"), form_widget))
        form.addRow(translate("SettingsPane", "Warn when more &than:"), self.warn_recipients)
        form.addRow(translate("SettingsPane", "Warn when &larger than:"), self.warn_size)
        form.addRow("", self.check_on_send)
        form.addRow("", self.check_on_send_note)
        form.addRow("", self.check_links)
        form.addRow("", self.check_links_note)
        form.addRow(self._spacer())
        self._add_issue16_rows(form)
        form.addRow(_heading(translate("SettingsPane", "Passwords"), form_widget))
        form.addRow("", self.plaintext)
        form.addRow("", self.plaintext_warning)

        note = QLabel(
            translate(
                "SettingsPane",
                "Changes apply at once and are saved in settings.toml in the app folder.",
            ),
            self,
        )
        note.setWordWrap(True)
        lists.paint(note, None)

        inner = QWidget(self)
        column = QVBoxLayout(inner)
        column.setContentsMargins(18, 18, 18, 18)
        column.setSpacing(12)
        column.addWidget(self.problems)
        column.addWidget(form_widget)
        column.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(1)
        inner.setMaximumWidth(760)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        # Pages of their own (Signatures) sit beside these preferences: see add_page.
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(scroll, translate("SettingsPane", "General"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def _add_issue16_rows(self, form: QFormLayout) -> None:
        """Spelling and Send Later (issue 16): their rows are built in their own modules."""
        from smtpeter_desktop.ui.send_later_settings import SendLaterRows
        from smtpeter_desktop.ui.spell_settings import SpellRows

        self.spell_rows = SpellRows(self._prefs, self._set, self)
        self.send_later_rows = SendLaterRows(self._prefs, self._set, self)
        for rows in (self.spell_rows, self.send_later_rows):
            rows.add_to(form)
            form.addRow(self._spacer())

    def _even_widths(self) -> None:
        """One width for the fields in the form's column: a calmer page."""
        fields: list[QWidget] = [
            self.default_profile,
            self.undo_seconds,
            self.theme,
            self.language,
            self.warn_recipients,
            self.warn_size,
        ]
        width = max(220, *(field.sizeHint().width() for field in fields))
        for field in fields:
            field.setMinimumWidth(width)

    def _note(self, text: str) -> QLabel:
        """A setting's description under its check box, muted and wrapped."""
        note = QLabel(translate("storage.settings", text), self)
        note.setWordWrap(True)
        # As wide as the longest check box line, not as narrow as the fields.
        note.setMinimumWidth(440)
        note.setMaximumWidth(520)
        lists.paint(note, None)  # muted, and painted again when the theme changes
        return note

    def _add_language_row(self) -> None:
        """Language, under Appearance (added here rather than in _build, which other pages
        of settings also extend)."""
        holder = self.theme.parentWidget()
        form = holder.layout() if holder is not None else None
        assert isinstance(form, QFormLayout)
        position: tuple[int, QFormLayout.ItemRole] = form.getWidgetPosition(self.theme)  # type: ignore[assignment]
        row = position[0] + 1
        form.insertRow(row, translate("SettingsPane", "Displa&y language:"), self.language)
        form.insertRow(row + 1, "", self.language_note)

    def _translate_descriptions(self) -> None:
        """The tooltips are the options' descriptions (storage.settings): in the user's language.
        A tooltip that is no description is left as it is (not in that context)."""
        for widget in self.findChildren(QWidget):
            tip = widget.toolTip()
            if tip:
                widget.setToolTip(translate("storage.settings", tip))

    def _spacer(self) -> QWidget:
        spacer = QWidget(self)
        spacer.setFixedHeight(6)
        return spacer

    def _connect(self) -> None:
        self.default_profile.currentIndexChanged.connect(self._on_default_profile)
        self.undo_seconds.valueChanged.connect(
            lambda v: self._set(settings.UNDO_SEND_SECONDS, int(v))
        )
        self.confirm.toggled.connect(lambda v: self._set(settings.CONFIRM_BEFORE_SEND, bool(v)))
        self.preview.toggled.connect(lambda v: self._set(settings.PREVIEW, bool(v)))
        self.check_on_send.toggled.connect(lambda v: self._set(settings.CHECK_ON_SEND, bool(v)))
        self.check_links.toggled.connect(lambda v: self._set(settings.CHECK_LINKS_ONLINE, bool(v)))
        self.system_font.toggled.connect(self._on_font)
        self.font_family.currentFontChanged.connect(self._on_font)
        self.font_size.valueChanged.connect(lambda v: self._set(settings.EDITOR_FONT_SIZE, int(v)))
        self.theme.currentIndexChanged.connect(
            lambda _: self._set(settings.THEME, str(self.theme.currentData()))
        )
        self.language.currentIndexChanged.connect(
            lambda _: self._set(settings.LANGUAGE, str(self.language.currentData()))
        )
        self.warn_recipients.valueChanged.connect(
            lambda v: self._set(settings.WARN_RECIPIENTS, int(v))
        )
        self.warn_size.valueChanged.connect(lambda v: self._set(settings.WARN_SIZE_MB, int(v)))
        self.plaintext.toggled.connect(self._on_plaintext)

    def add_page(self, page: QWidget, title: str) -> None:
        """Another page of settings beside the general ones (the signatures)."""
        self.pages.addTab(page, title)

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)

    # Showing the values --------------------------------------------------------------------

    def load(self) -> None:
        """Show the settings' current values (without saving anything)."""
        prefs = self._prefs
        self._loading += 1
        try:
            self._fill_profiles()
            self.undo_seconds.setValue(prefs.get(settings.UNDO_SEND_SECONDS))
            self.confirm.setChecked(prefs.get(settings.CONFIRM_BEFORE_SEND))
            self.preview.setChecked(prefs.get(settings.PREVIEW))
            self.check_on_send.setChecked(prefs.get(settings.CHECK_ON_SEND))
            self.check_links.setChecked(prefs.get(settings.CHECK_LINKS_ONLINE))
            family = prefs.get(settings.EDITOR_FONT_FAMILY)
            self.system_font.setChecked(not family)
            self.font_family.setEnabled(bool(family))
            if family:
                self.font_family.setCurrentFont(QFont(family))
            self.font_size.setValue(prefs.get(settings.EDITOR_FONT_SIZE))
            index = self.theme.findData(prefs.get(settings.THEME))
            self.theme.setCurrentIndex(max(index, 0))
            self.language.setCurrentIndex(
                max(self.language.findData(prefs.get(settings.LANGUAGE)), 0)
            )
            self.warn_recipients.setValue(prefs.get(settings.WARN_RECIPIENTS))
            self.warn_size.setValue(prefs.get(settings.WARN_SIZE_MB))
            self.plaintext.setChecked(prefs.get(settings.ALLOW_PLAINTEXT_KEYRING))
            self.plaintext_warning.setVisible(self.plaintext.isChecked())
            self.spell_rows.load()
            self.send_later_rows.load()
        finally:
            self._loading -= 1
        problems = [str(problem) for problem in prefs.problems]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))

    def set_profiles(self, profiles: Sequence[Profile]) -> None:
        """The accounts the default-account choice offers."""
        self._profiles = list(profiles)
        self._loading += 1
        try:
            self._fill_profiles()
        finally:
            self._loading -= 1

    def _fill_profiles(self) -> None:
        wanted = self._prefs.get(settings.DEFAULT_PROFILE)
        box = self.default_profile
        box.clear()
        box.addItem(translate("SettingsPane", "The first account"), "")
        for profile in self._profiles:
            box.addItem(profile.name, profile.id)
        index = box.findData(wanted)
        if index < 0 and wanted:
            box.addItem(translate("SettingsPane", "An account that no longer exists"), wanted)
            index = box.count() - 1
        box.setCurrentIndex(max(index, 0))

    # Changing ------------------------------------------------------------------------------

    def _set(self, option: settings.AnyOption, value: bool | int | str) -> None:
        if self._loading:
            return
        try:
            self._prefs.set_value(option.name, value)
            self._prefs.save()
        except StorageError as exc:
            messages.error(
                translate("SettingsPane", "The setting was not saved: {reason}").format(
                    reason=exc.message
                ),
                exc.hint
                or translate("SettingsPane", "It applies until SMTPeter Desktop is closed."),
                key="settings-save",
            )
        self.changed.emit(option.name)

    def _on_default_profile(self, _index: int) -> None:
        self._set(settings.DEFAULT_PROFILE, str(self.default_profile.currentData() or ""))

    def _on_font(self, *_: object) -> None:
        use_system = self.system_font.isChecked()
        self.font_family.setEnabled(not use_system)
        family = "" if use_system else self.font_family.currentFont().family()
        self._set(settings.EDITOR_FONT_FAMILY, family)

    def _on_plaintext(self, checked: bool) -> None:
        self.plaintext_warning.setVisible(checked)
        paint_problem_label(self.plaintext_warning, self.palette())
        self._set(settings.ALLOW_PLAINTEXT_KEYRING, checked)

    def _ask_restore(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("SettingsPane", "Restore defaults"),
            translate("SettingsPane", "Put every setting on this page back to how it came?"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        restore = box.addButton(
            translate("SettingsPane", "Restore Defaults"), QMessageBox.ButtonRole.AcceptRole
        )
        self._questions.ask(
            box, lambda clicked: self.restore_defaults() if clicked is restore else None
        )

    def restore_defaults(self) -> None:
        """Every preference back to its default, saved; the state the window keeps stays."""
        changed = []
        for option in settings.OPTIONS:
            if option.kind == "setting" and self._prefs.value(option.name) != option.default:
                self._prefs.reset(option)
                changed.append(option.name)
        try:
            self._prefs.save()
        except StorageError as exc:
            messages.error(
                translate("SettingsPane", "The settings were not saved: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
        self.load()
        for name in changed:
            self.changed.emit(name)
