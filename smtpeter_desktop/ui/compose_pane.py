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
(made by the window) runs it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import theme
from smtpeter_desktop.ui.address_field import AddressField, message_label, paint_problem_label
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

__all__ = ["ComposePane", "SenderChoice"]

NOTE_MS = 8000


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

        self._build_header()
        self._build_body()
        self._build_bottom()
        self._build_shortcuts()
        self._set_tab_order()
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

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _build_header(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self._grid = grid

        self.sender_box = SenderBox(self)
        self.sender_box.setToolTip(
            translate("ComposePane", "Who the message is from, and the account that sends it")
        )
        self.sender_box.currentIndexChanged.connect(self._on_sender_changed)
        self.profile_label = QLabel(self)
        self.profile_label.setTextFormat(Qt.TextFormat.PlainText)
        sender_row = QHBoxLayout()
        sender_row.setSpacing(10)
        sender_row.addWidget(self.sender_box)
        sender_row.addWidget(self.profile_label, 1)
        self.sender_message = message_label(self)
        grid.addWidget(self._label(translate("ComposePane", "Fro&m"), self.sender_box), 0, 0)
        grid.addLayout(sender_row, 0, 1, 1, 2)
        grid.addWidget(self.sender_message, 1, 1, 1, 2)

        self.to = AddressField("To", self)
        self.to.setPlaceholderText(translate("ComposePane", "Recipients, separated by commas"))
        self.to.setToolTip(translate("ComposePane", "The recipients, separated by commas"))
        self.cc = AddressField("Cc", self)
        self.cc.setToolTip(
            translate("ComposePane", "Recipients who get a copy; everyone sees them")
        )
        self.bcc = AddressField("Bcc", self)
        self.bcc.setToolTip(
            translate(
                "ComposePane", "Recipients who get a copy that the other recipients do not see"
            )
        )
        self.reply_to = AddressField("Reply-To", self)
        self.reply_to.setToolTip(
            translate("ComposePane", "Where replies go, when not to the sender")
        )
        self.extras_button = QToolButton(self)
        self.extras_button.setText(translate("ComposePane", "Cc/Bcc"))
        self.extras_button.setCheckable(True)
        self.extras_button.setAutoRaise(True)
        self.extras_button.setAccessibleName(translate("ComposePane", "Show Cc, Bcc and Reply-To"))
        self.extras_button.setToolTip(
            translate("ComposePane", "Show or hide Cc, Bcc and Reply-To (Ctrl+Shift+B)")
        )
        self.extras_button.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.extras_button.toggled.connect(self._on_extras_toggled)

        self._extra_labels: list[QLabel] = []
        rows = (
            (translate("ComposePane", "&To"), self.to),
            (translate("ComposePane", "&Cc"), self.cc),
            (translate("ComposePane", "&Bcc"), self.bcc),
            (translate("ComposePane", "&Reply-To"), self.reply_to),
        )
        row = 2
        for text, field in rows:
            label = self._label(text, field)
            grid.addWidget(label, row, 0)
            if field is self.to:
                grid.addWidget(field, row, 1)
                grid.addWidget(self.extras_button, row, 2)
            else:
                grid.addWidget(field, row, 1, 1, 2)
                self._extra_labels.append(label)
            grid.addWidget(field.message, row + 1, 1, 1, 2)
            field.message.setParent(self)
            row += 2

        self.subject = QLineEdit(self)
        self.subject.setAccessibleName(translate("ComposePane", "Subject"))
        self.subject.setToolTip(translate("ComposePane", "What the message is about"))
        grid.addWidget(self._label(translate("ComposePane", "Sub&ject"), self.subject), row, 0)
        grid.addWidget(self.subject, row, 1, 1, 2)

    def _build_body(self) -> None:
        self.editor = MarkdownEditor(self)
        self.editor.setToolTip(
            translate(
                "ComposePane",
                "The message, in Markdown. Tab indents; Ctrl+Tab moves on to the next field.",
            )
        )
        self.preview = PreviewPane(self._preview_source, self)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setChildrenCollapsible(False)
        # The formatting bar over the editor, the find bar under it.
        writing = QWidget(self)
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.format_bar = FormatBar(self.editor, writing)
        self.find_bar = FindBar(self.editor, writing)
        # Spell check: the message's language in the bottom bar, a notice under the editor.
        self.spelling = SpellingControls(self.editor.spelling, self)
        column.addWidget(self.format_bar)
        column.addWidget(self.editor, 1)
        column.addWidget(self.spelling.notice)
        column.addWidget(self.find_bar)
        self._splitter.addWidget(writing)
        self._splitter.addWidget(self.preview)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 1)

        self.options_panel = OptionsPanel(self)
        self._options_area = QScrollArea(self)
        self._options_area.setWidget(self.options_panel)
        self._options_area.setWidgetResizable(True)
        self._options_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._options_area.setFrameShape(QFrame.Shape.StyledPanel)
        width = self.options_panel.sizeHint().width()
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._options_area.setFixedWidth(width + scrollbar + 4)
        self._options_area.setVisible(False)

        middle = QHBoxLayout()
        middle.setSpacing(8)
        middle.addWidget(self._splitter, 1)
        middle.addWidget(self._options_area)
        # The before-send check's findings (issue 18), beside the options when both are open.
        self.check_panel = CheckPanel(self)
        self.check_panel.setVisible(False)
        middle.addWidget(self.check_panel)

        self.attachments = AttachmentStrip(self)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(self._grid)
        layout.addLayout(middle, 1)
        layout.addWidget(self.attachments)
        self._layout = layout

    def _build_bottom(self) -> None:
        self.bottom_bar = BottomBar(self)
        bar = self.bottom_bar.tool_row
        bar.addWidget(self.attachments.attach_button)
        self.options_button = QPushButton(translate("ComposePane", "&Options"), self)
        self.options_button.setCheckable(True)
        self.options_button.setAccessibleName(translate("ComposePane", "Options"))
        self.options_button.setToolTip(
            translate(
                "ComposePane",
                "Show the SMTPeter options of this message: tracking, tags, delivery notices "
                "(Ctrl+Shift+O)",
            )
        )
        self.options_button.toggled.connect(self.set_options_visible)
        bar.addWidget(self.options_button)
        # The signature below the "-- " line (issue 16): the sender's default, or chosen.
        self.signature_button = SignatureButton(self)
        self.signature_button.connect_body(self.editor.toPlainText, self.replace_body)
        self.signature_button.note.connect(self.show_note)
        bar.addWidget(self.signature_button)
        self.browser_button = QPushButton(translate("ComposePane", "Open in Bro&wser"), self)
        self.browser_button.setAccessibleName(translate("ComposePane", "Open in browser"))
        self.browser_button.setToolTip(
            translate(
                "ComposePane", "Open the message, exactly as it will be sent, in your web browser"
            )
        )
        self.browser_button.clicked.connect(self.preview.open_in_browser)
        bar.addWidget(self.browser_button)
        bar.addSpacing(8)
        bar.addWidget(self.spelling.bar)
        bar.addStretch(1)
        # The note, then Check, Send Later and Send at the right: under the tools when the
        # window is narrow (BottomBar).
        bar = self.bottom_bar.send_row
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addSpacing(8)
        bar.addWidget(self.note, 1)
        self.check_button = QPushButton(translate("ComposePane", "Chec&k"), self)
        self.check_button.setAccessibleName(translate("ComposePane", "Check"))
        self.check_button.setToolTip(
            translate(
                "ComposePane",
                "Check what SMTPeter and the receivers will make of the message, before sending "
                "(Ctrl+Shift+K)",
            )
        )
        self.check_button.clicked.connect(self.check_requested.emit)
        bar.addWidget(self.check_button)
        self.send_later_button = QPushButton(translate("ComposePane", "Send &Later…"), self)
        self.send_later_button.setAccessibleName(translate("ComposePane", "Send later"))
        self.send_later_button.setToolTip(
            translate("ComposePane", "Choose when the message goes; it waits in the Outbox")
        )
        self.send_later_button.clicked.connect(self._request_send_later)
        bar.addWidget(self.send_later_button)
        self.send_button = QPushButton(translate("ComposePane", "&Send"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(translate("ComposePane", "Send"))
        self.send_button.setToolTip(translate("ComposePane", "Send (Ctrl+Return)"))
        self.send_button.setIcon(theme.icon("mail-send"))
        self.send_button.setDefault(True)
        self.send_button.setMinimumWidth(
            max(self.send_button.sizeHint().width(), self.fontMetrics().averageCharWidth() * 14)
        )
        self.send_button.clicked.connect(self._request_send)
        bar.addWidget(self.send_button)
        self._layout.addWidget(self.bottom_bar)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_MS)
        self._note_timer.timeout.connect(self.note.clear)

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, context=context)
            shortcut.activated.connect(self._request_send)
        attach = QShortcut(QKeySequence("Ctrl+Shift+A"), self, context=context)
        attach.activated.connect(self.attachments.choose_files)
        options = QShortcut(QKeySequence("Ctrl+Shift+O"), self, context=context)
        options.activated.connect(self.options_button.toggle)
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=context)
        find.activated.connect(self.find_bar.open)
        cheat_sheet = QShortcut(QKeySequence.StandardKey.HelpContents, self, context=context)
        cheat_sheet.activated.connect(self.show_markdown_help)
        print_it = QShortcut(QKeySequence.StandardKey.Print, self, context=context)
        print_it.activated.connect(self.ask_print)
        self.help_dialog: MarkdownHelp | None = None

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
        self.preview.render_now()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("ComposePane", "Print the Message"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.sender_box,
            self.to,
            self.cc,
            self.bcc,
            self.reply_to,
            self.subject,
            self.editor,
            self.send_button,
            self.send_later_button,
            self.attachments.attach_button,
            self.options_button,
            self.browser_button,
            self.extras_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.preview.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

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
