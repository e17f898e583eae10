"""The compose pane: everything a person fills in to write one message, and the Send button.

The pane edits a ``compose.draft.Draft``: ``set_draft`` shows one, ``draft()`` reads the
widgets back into one, and ``changed`` says the user edited something (the window saves the
draft a moment later). The pane sends nothing itself: Send and Ctrl+Return emit
``send_requested`` and the window takes it from there.

    From      [Ann Lee <ann@example.com>      v]  Work (SMTPeter REST API)
    To        [                                         ] [Cc/Bcc]
    Subject   [                                                   ]
    +------------------------+------------------------+ +---------+
    | Markdown editor        | preview                | | options |
    +------------------------+------------------------+ +---------+
    [chip] [chip]
    [Attach Files…] [Options] [Open in Browser]      [Check] [Send]

Check opens ``check_panel.CheckPanel`` beside the preview; ``check_panel.BeforeSendCheck``
(made by the window) runs it. The widgets are made and laid out by ``compose_layout``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import compose_layout, theme
from smtpeter_desktop.ui.address_field import AddressField, paint_problem_label
from smtpeter_desktop.ui.attachments import AttachmentStrip, local_files
from smtpeter_desktop.ui.bottom_bar import BottomBar
from smtpeter_desktop.ui.check_panel import CheckPanel
from smtpeter_desktop.ui.editor import MarkdownEditor
from smtpeter_desktop.ui.editor_tools import FindBar, FormatBar, MarkdownHelp, print_document
from smtpeter_desktop.ui.options_panel import OptionsPanel
from smtpeter_desktop.ui.preview import PreviewPane, PreviewSource
from smtpeter_desktop.ui.sender_box import SenderBox, SenderChoice
from smtpeter_desktop.ui.signature_menu import SignatureButton
from smtpeter_desktop.ui.spell_language import SpellingControls

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

__all__ = ["ComposePane", "SenderChoice"]


def _has_files(mime: QMimeData | None) -> bool:
    return mime is not None and mime.hasUrls() and bool(local_files(mime.urls()))


class ComposePane(QWidget):
    """From, To, Cc, Bcc, Reply-To, Subject, the Markdown body with its preview, attachments,
    SMTPeter options, and Send.

    Signals:
        changed(): the user edited something (not emitted by ``set_draft`` or ``clear``).
        send_requested(): Send was clicked or Ctrl+Return pressed (not while busy).
        address_forgotten(str): the person asked not to be offered this address again.

    Attributes:
        editor: the Markdown editor.
        preview: the live preview.
        attachments: the attachment chips; ``attachments.attach_button`` opens the file dialog.
        options_panel: the SMTPeter options.
    """

    # Made by ``compose_layout.build``.
    sender_box: SenderBox
    profile_label: QLabel
    sender_message: QLabel
    to: AddressField
    cc: AddressField
    bcc: AddressField
    reply_to: AddressField
    extras_button: QToolButton
    subject: QLineEdit
    editor: MarkdownEditor
    preview: PreviewPane
    format_bar: FormatBar
    find_bar: FindBar
    spelling: SpellingControls
    options_panel: OptionsPanel
    check_panel: CheckPanel
    attachments: AttachmentStrip
    options_button: QPushButton
    signature_button: SignatureButton
    browser_button: QPushButton
    note: QLabel
    check_button: QPushButton
    send_later_button: QPushButton
    send_button: QPushButton
    bottom_bar: BottomBar
    help_dialog: MarkdownHelp | None
    _grid: QGridLayout
    _layout: QVBoxLayout
    _splitter: QSplitter
    _options_area: QScrollArea
    _extra_labels: list[QLabel]
    _note_timer: QTimer

    changed = Signal()
    send_requested = Signal()
    send_later_requested = Signal()
    check_requested = Signal()
    address_forgotten = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._defaults: dict[str, SmtpeterOptions] = {}
        self._profile_id = ""
        self._auto_reply_to = ""
        self._base_dir = ""
        self._busy = False
        self._loading = 0  # a draft is being shown: its options and Reply-To are its own
        self._silent = 0  # a change made by code, not the user: no ``changed``

        compose_layout.build(self)
        self._apply_style()

        for widget in (
            self.to,
            self.cc,
            self.bcc,
            self.reply_to,
            self.subject,
            self.editor.viewport(),
        ):
            # These take text drops themselves; a dropped file is an attachment instead.
            widget.installEventFilter(self)
        self._connect_changes()
        self.set_extras_visible(False)

    # -- building ---------------------------------------------------------------------------

    def show_markdown_help(self) -> MarkdownHelp:
        """The Markdown cheat sheet (F1), beside the window: it does not block writing."""
        if self.help_dialog is None:
            self.help_dialog = MarkdownHelp(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        return self.help_dialog

    def print_to(self, printer: QPrinter) -> None:
        """Print the message as the preview renders it."""
        print_document(self.preview.browser.document(), printer)

    def ask_print(self) -> None:
        """Print (Ctrl+P): the system's print dialog, then the rendered message."""
        # QtPrintSupport and its 17 enums: ~3.5 ms of every start, loaded when printing.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self.preview.render_now()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("ComposePane", "Print the Message"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def _forget_everywhere(self, address: str) -> None:
        for field in (self.to, self.cc, self.bcc, self.reply_to):
            kept = [k for k in field.known_addresses() if address.casefold() not in k.casefold()]
            field.set_known_addresses(kept)
        self.address_forgotten.emit(address)

    def _list_inline_images(self) -> None:
        rendered = self.preview.rendered()
        self.attachments.set_inline_images(rendered.images if rendered is not None else ())

    def _connect_changes(self) -> None:
        for field in (self.to, self.cc, self.bcc, self.reply_to):
            field.textChanged.connect(self._emit_changed)
            field.forget_requested.connect(self._forget_everywhere)
        self.subject.textChanged.connect(self._emit_changed)
        self.subject.textChanged.connect(self.preview.schedule)
        self.editor.textChanged.connect(self._emit_changed)
        self.editor.textChanged.connect(self.preview.schedule)
        self.attachments.changed.connect(self._emit_changed)
        self.preview.updated.connect(self._list_inline_images)
        self.options_panel.changed.connect(self._emit_changed)
        self.options_panel.changed.connect(self._update_options_button)
        self.spelling.changed.connect(self._emit_changed)

    # -- the draft --------------------------------------------------------------------------

    def draft(self) -> Draft:
        """The message as the widgets hold it now."""
        profile, sender = self.sender_box.sender_text()
        return Draft(
            profile=profile,
            sender=sender,
            to=self.to.text(),
            cc=self.cc.text(),
            bcc=self.bcc.text(),
            reply_to=self.reply_to.text(),
            subject=self.subject.text(),
            body=self.editor.toPlainText(),
            attachments=self.attachments.attachments(),
            options=self.options_panel.options(),
            base_dir=self._base_dir or str(Path.home()),
            spell_language=self.spelling.message_language(),
        )

    def set_draft(self, draft: Draft) -> None:
        """Show ``draft``: every field, the body, attachments, options and sender."""
        self._loading += 1
        self._silent += 1
        try:
            self.sender_box.select(draft.profile, draft.sender)
            self.to.setText(draft.to)
            self.cc.setText(draft.cc)
            self.bcc.setText(draft.bcc)
            self.reply_to.setText(draft.reply_to)
            self._auto_reply_to = ""
            self.subject.setText(draft.subject)
            if self.editor.toPlainText() != draft.body:
                self.editor.setPlainText(draft.body)
            self.attachments.set_attachments(draft.attachments)
            self.options_panel.set_defaults(self._defaults.get(self._profile_id, SmtpeterOptions()))
            self.options_panel.set_options(draft.options)
            self._base_dir = draft.base_dir
            self.spelling.set_message_language(draft.spell_language)
            for field in (self.to, self.cc, self.bcc, self.reply_to):
                field.validate()
        finally:
            self._loading -= 1
            self._silent -= 1
        self.set_extras_visible(bool(draft.cc or draft.bcc or draft.reply_to))
        self._update_options_button()
        self.signature_button.draft_shown(self.sender_choice())
        self.preview.render_now()

    def clear(self) -> None:
        """An empty message from the same sender, with that account's default options."""
        choice = self.sender_choice()
        self.set_draft(
            Draft(
                profile=choice.profile_id if choice else "",
                sender=choice.sender if choice else "",
                options=self._defaults.get(choice.profile_id if choice else "", SmtpeterOptions()),
                reply_to=choice.reply_to if choice else "",
            )
        )
        self._auto_reply_to = choice.reply_to if choice else ""
        self.set_extras_visible(bool(self._auto_reply_to))
        self.spelling.reset_language()
        self.signature_button.new_message(choice)

    def replace_body(self, text: str, by_user: bool = True) -> None:
        """Make the body ``text``, changing only what differs at its end (a signature), so
        the cursor stays and one Undo takes the change back. Not ``by_user``: no
        ``changed`` (a new message's signature alone is nothing to keep)."""
        old = self.editor.toPlainText()
        same = 0
        for a, b in zip(old, text, strict=False):
            if a != b:
                break
            same += 1

        def units(part: str) -> int:  # Qt counts UTF-16 code units
            return len(part.encode("utf-16-le")) // 2

        position = self.editor.textCursor().position()
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(units(old[:same]))
        cursor.setPosition(units(old), QTextCursor.MoveMode.KeepAnchor)
        if not by_user:
            self._silent += 1
        try:
            cursor.insertText(text[same:])
        finally:
            if not by_user:
                self._silent -= 1
        keep = self.editor.textCursor()
        keep.setPosition(min(position, units(text)))
        self.editor.setTextCursor(keep)

    def problems(self) -> list[tuple[str, str]]:
        """What the pane marks as wrong now, as (field, sentence), in the order shown."""
        found: list[tuple[str, str]] = []
        if self.sender_box.is_unknown():
            found.append(("From", self.sender_message.text()))
        for field in (self.to, self.cc, self.bcc, self.reply_to):
            found.extend((field.field, problem.message) for problem in field.problems())
        found.extend(("Tags", problem) for problem in self.options_panel.problems())
        return found

    # -- senders ----------------------------------------------------------------------------

    def set_senders(
        self, choices: Sequence[SenderChoice], defaults: Mapping[str, SmtpeterOptions]
    ) -> None:
        """The identities to offer, in order, and each profile's default options by id."""
        self._defaults = dict(defaults)
        self._silent += 1
        try:
            self.sender_box.set_choices(choices)
        finally:
            self._silent -= 1

    def sender_choice(self) -> SenderChoice | None:
        """The identity chosen, or ``None`` (none offered, or a draft's vanished sender)."""
        return self.sender_box.choice()

    def _on_sender_changed(self) -> None:
        choice = self.sender_box.choice()
        unknown = self.sender_box.unknown()
        if choice is None:
            self.profile_label.setText("")
            if unknown is not None and self.sender_box.is_unknown():
                self.sender_message.setText(
                    translate(
                        "ComposePane",
                        "This draft was written as “{sender}”, which none of your profiles "
                        "sends as any more: choose a sender from the list.",
                    ).format(sender=unknown[1])
                )
                self.sender_message.setVisible(True)
            else:
                self.sender_message.setVisible(False)
            self._profile_id = unknown[0] if unknown and self.sender_box.is_unknown() else ""
            self._emit_changed()
            return
        self.sender_message.setVisible(False)
        self.options_panel.set_rest(choice.transport == "rest")
        self.profile_label.setText(choice.profile_label)
        self._paint_profile_label(choice)
        if choice.profile_id != self._profile_id:
            defaults = self._defaults.get(choice.profile_id, SmtpeterOptions())
            # The user's own choices stay; untouched options follow the new profile.
            if self._loading or not self.options_panel.is_default():
                self.options_panel.set_defaults(defaults)
            else:
                self.options_panel.reset_to(defaults)
            self._update_options_button()
        if not self._loading:
            self._prefill_reply_to(choice)
            self.signature_button.sender_changed(choice)
        self._profile_id = choice.profile_id
        self._emit_changed()

    def _prefill_reply_to(self, choice: SenderChoice) -> None:
        current = self.reply_to.text()
        if current and current != self._auto_reply_to:
            return  # the user's own words
        self.reply_to.setText(choice.reply_to)
        self._auto_reply_to = choice.reply_to
        if choice.reply_to:
            self.set_extras_visible(True)

    def _paint_profile_label(self, choice: SenderChoice | None) -> None:
        palette = self.profile_label.palette()
        color = (
            theme.accent(self.palette(), 30)
            if choice is not None and choice.sandbox
            else theme.muted(self.palette())
        )
        palette.setColor(QPalette.ColorRole.WindowText, color)
        self.profile_label.setPalette(palette)

    # -- the rest of the pane's API -------------------------------------------------------

    def splitter(self) -> QSplitter:
        """The editor | preview splitter, for the window to save and restore its sizes."""
        return self._splitter

    def set_known_addresses(self, known: Sequence[str]) -> None:
        """Addresses offered while typing in To, Cc, Bcc and Reply-To."""
        for field in (self.to, self.cc, self.bcc, self.reply_to):
            field.set_known_addresses(known)

    def set_editor_font(self, family: str = "", size: int = 0) -> None:
        self.editor.set_editor_font(family, size)

    def set_enabled_preview(self, enabled: bool) -> None:
        """Show the live preview, or hide it and stop rendering (a setting)."""
        self.preview.set_enabled_preview(enabled)
        self.browser_button.setVisible(enabled)

    def extras_visible(self) -> bool:
        return not self.cc.isHidden()

    def set_extras_visible(self, visible: bool) -> None:
        """Show or hide Cc, Bcc and Reply-To; fields that hold text are never hidden."""
        if not visible and any(f.text() for f in (self.cc, self.bcc, self.reply_to)):
            visible = True
        for widget in (self.cc, self.bcc, self.reply_to, *self._extra_labels):
            widget.setVisible(visible)
        self.extras_button.blockSignals(True)
        self.extras_button.setChecked(visible)
        self.extras_button.blockSignals(False)

    def _on_extras_toggled(self, checked: bool) -> None:
        self.set_extras_visible(checked)
        if not checked and self.extras_visible():
            self.show_note(
                translate(
                    "ComposePane", "Cc, Bcc and Reply-To stay shown while they hold addresses."
                )
            )

    def options_visible(self) -> bool:
        return not self._options_area.isHidden()

    def set_options_visible(self, visible: bool) -> None:
        self._options_area.setVisible(visible)
        self.options_button.blockSignals(True)
        self.options_button.setChecked(visible)
        self.options_button.blockSignals(False)

    def set_busy(self, busy: bool) -> None:
        """While a send runs: every field read-only and Send disabled."""
        self._busy = busy
        for field in (self.to, self.cc, self.bcc, self.reply_to, self.subject):
            field.setReadOnly(busy)
        self.editor.setReadOnly(busy)
        for widget in (
            self.sender_box,
            self.attachments,
            self.attachments.attach_button,
            self.options_panel,
            self.signature_button,
            self.check_button,
            self.send_later_button,
            self.send_button,
        ):
            widget.setEnabled(not busy)

    def is_busy(self) -> bool:
        return self._busy

    def field_widget(self, name: str) -> QWidget | None:
        """The input for a field named by a pre-send check ("To", "Subject", "Attachments"...)."""
        fields: dict[str, QWidget] = {
            "From": self.sender_box,
            "To": self.to,
            "Cc": self.cc,
            "Bcc": self.bcc,
            "Reply-To": self.reply_to,
            "Subject": self.subject,
            "Body": self.editor,
            "Attachments": self.attachments
            if self.attachments.attachments()
            else self.attachments.attach_button,
            "Tags": self.options_panel.tags,
            "Options": self.options_panel,
        }
        return fields.get(name)

    def focus_field(self, name: str) -> None:
        """Show the field named ``name`` if it is hidden, and put the cursor in it."""
        widget = self.field_widget(name)
        if widget is None:
            return
        if name in ("Cc", "Bcc", "Reply-To"):
            self.set_extras_visible(True)
        if name in ("Tags", "Options"):
            self.set_options_visible(True)
        if name == "Attachments" and self.attachments.attachments():
            widget = self.attachments.chip_for(self.attachments.attachments()[0].path) or widget
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_first_empty(self) -> None:
        """Put the cursor where the writing starts: the first field still empty."""
        if self.sender_box.count() == 0:
            target: QWidget = self.sender_box
        elif not (self.to.text() or self.cc.text() or self.bcc.text()):
            target = self.to
        elif not self.subject.text():
            target = self.subject
        else:
            target = self.editor
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_note(self, text: str) -> None:
        """A short remark in the bottom bar that goes away by itself."""
        self.note.setText(text)
        self.note.setToolTip(text)
        self._note_timer.start()

    def shutdown(self) -> None:
        """Stop the preview's and the spell check's threads; the window calls this when it
        closes."""
        self.preview.shutdown()
        self.editor.spelling.shutdown()

    # -- events ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_style()
            paint_problem_label(self.sender_message, self.palette())
            self._paint_profile_label(self.sender_choice())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)
            if _has_files(event.mimeData()):
                self._handle_drop(event)
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _has_files(event.mimeData()):
            self._handle_drop(event)
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _has_files(event.mimeData()):
            self._handle_drop(event)
        else:
            super().dragMoveEvent(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.note.clear()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if _has_files(event.mimeData()):
            self._handle_drop(event)
        else:
            super().dropEvent(event)

    def _handle_drop(self, event: QDropEvent) -> None:
        if self._busy:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if event.type() != QEvent.Type.Drop:
            self.note.setText(translate("ComposePane", "Drop the files to attach them"))
            return
        self.note.clear()
        notes = self.attachments.add_paths(local_files(event.mimeData().urls()))
        if notes:
            self.show_note(" ".join(notes))

    # -- internals ------------------------------------------------------------------------

    def _preview_source(self) -> PreviewSource:
        base = self._base_dir or str(Path.home())
        return PreviewSource(self.editor.toPlainText(), Path(base), self.subject.text())

    def _emit_changed(self) -> None:
        if not self._silent:
            self.changed.emit()

    def _request_send_later(self) -> None:
        if not self._busy and self.send_later_button.isEnabled():
            self.send_later_requested.emit()

    def _request_send(self) -> None:
        if not self._busy and self.send_button.isEnabled():
            self.send_requested.emit()

    def _update_options_button(self) -> None:
        changed = not self.options_panel.is_default()
        self.options_button.setText(
            translate("ComposePane", "&Options •")
            if changed
            else translate("ComposePane", "&Options")
        )
        self.options_button.setAccessibleDescription(
            translate("ComposePane", "changed from the account defaults") if changed else ""
        )

    def _apply_style(self) -> None:
        palette = self.palette()
        error = theme.error(palette).name()
        frame = theme.blend(
            palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text), 0.22
        ).name()
        chip = theme.blend(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.05
        ).name()
        self.setStyleSheet(
            f'QLineEdit[invalid="true"] {{ border: 1px solid {error}; border-radius: 3px;'
            " padding: 2px 3px; }\n"
            f"#attachmentChip {{ background: {chip}; border: 1px solid {frame};"
            " border-radius: 6px; }"
        )
