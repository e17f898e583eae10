"""The compose pane's widgets, made and laid out: the header (From, To, Cc, Bcc, Reply-To,
Subject), the body (formatting bar, editor, find bar, preview, options, check panel,
attachments), the bottom bar with Send, the pane's own shortcuts and its tab order.

Kept apart from ``compose_pane``, which reads and fills them (the draft, the senders, what is
shown); ``build`` makes each attribute the pane declares under "Made by ``compose_layout``".
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import theme
from smtpeter_desktop.ui.address_field import AddressField, message_label
from smtpeter_desktop.ui.attachments import AttachmentStrip
from smtpeter_desktop.ui.bottom_bar import BottomBar
from smtpeter_desktop.ui.check_panel import CheckPanel
from smtpeter_desktop.ui.editor import MarkdownEditor
from smtpeter_desktop.ui.editor_tools import FindBar, FormatBar
from smtpeter_desktop.ui.options_panel import OptionsPanel
from smtpeter_desktop.ui.preview import PreviewPane
from smtpeter_desktop.ui.sender_box import SenderBox
from smtpeter_desktop.ui.signature_menu import SignatureButton
from smtpeter_desktop.ui.spell_language import SpellingControls

if TYPE_CHECKING:
    from smtpeter_desktop.ui.compose_pane import ComposePane

NOTE_MS = 8000
"""How long a note in the bottom bar (a signature added, a file refused) stays."""


def build(pane: ComposePane) -> None:
    """Make the pane's widgets, lay them out, and give them their keys and tab order."""
    _header(pane)
    _body(pane)
    _bottom(pane)
    _shortcuts(pane)
    _tab_order(pane)


def _label(pane: ComposePane, text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text, pane)
    label.setBuddy(buddy)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def _header(pane: ComposePane) -> None:
    grid = QGridLayout()
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(6)
    grid.setColumnStretch(1, 1)
    pane._grid = grid

    pane.sender_box = SenderBox(pane)
    pane.sender_box.setToolTip(
        translate("ComposePane", "Who the message is from, and the account that sends it")
    )
    pane.sender_box.currentIndexChanged.connect(pane._on_sender_changed)
    pane.profile_label = QLabel(pane)
    pane.profile_label.setTextFormat(Qt.TextFormat.PlainText)
    sender_row = QHBoxLayout()
    sender_row.setSpacing(10)
    sender_row.addWidget(pane.sender_box)
    sender_row.addWidget(pane.profile_label, 1)
    pane.sender_message = message_label(pane)
    grid.addWidget(_label(pane, translate("ComposePane", "Fro&m"), pane.sender_box), 0, 0)
    grid.addLayout(sender_row, 0, 1, 1, 2)
    grid.addWidget(pane.sender_message, 1, 1, 1, 2)

    pane.to = AddressField("To", pane)
    pane.to.setPlaceholderText(translate("ComposePane", "Recipients, separated by commas"))
    pane.to.setToolTip(translate("ComposePane", "The recipients, separated by commas"))
    pane.cc = AddressField("Cc", pane)
    pane.cc.setToolTip(translate("ComposePane", "Recipients who get a copy; everyone sees them"))
    pane.bcc = AddressField("Bcc", pane)
    pane.bcc.setToolTip(
        translate("ComposePane", "Recipients who get a copy that the other recipients do not see")
    )
    pane.reply_to = AddressField("Reply-To", pane)
    pane.reply_to.setToolTip(translate("ComposePane", "Where replies go, when not to the sender"))
    pane.extras_button = QToolButton(pane)
    pane.extras_button.setText(translate("ComposePane", "Cc/Bcc"))
    pane.extras_button.setCheckable(True)
    pane.extras_button.setAutoRaise(True)
    pane.extras_button.setAccessibleName(translate("ComposePane", "Show Cc, Bcc and Reply-To"))
    pane.extras_button.setToolTip(
        translate("ComposePane", "Show or hide Cc, Bcc and Reply-To (Ctrl+Shift+B)")
    )
    pane.extras_button.setShortcut(QKeySequence("Ctrl+Shift+B"))
    pane.extras_button.toggled.connect(pane._on_extras_toggled)

    pane._extra_labels = []
    rows = (
        (translate("ComposePane", "&To"), pane.to),
        (translate("ComposePane", "&Cc"), pane.cc),
        (translate("ComposePane", "&Bcc"), pane.bcc),
        (translate("ComposePane", "&Reply-To"), pane.reply_to),
    )
    row = 2
    for text, field in rows:
        label = _label(pane, text, field)
        grid.addWidget(label, row, 0)
        if field is pane.to:
            grid.addWidget(field, row, 1)
            grid.addWidget(pane.extras_button, row, 2)
        else:
            grid.addWidget(field, row, 1, 1, 2)
            pane._extra_labels.append(label)
        grid.addWidget(field.message, row + 1, 1, 1, 2)
        field.message.setParent(pane)
        row += 2

    pane.subject = QLineEdit(pane)
    pane.subject.setAccessibleName(translate("ComposePane", "Subject"))
    pane.subject.setToolTip(translate("ComposePane", "What the message is about"))
    grid.addWidget(_label(pane, translate("ComposePane", "Sub&ject"), pane.subject), row, 0)
    grid.addWidget(pane.subject, row, 1, 1, 2)


def _body(pane: ComposePane) -> None:
    pane.editor = MarkdownEditor(pane)
    pane.editor.setToolTip(
        translate(
            "ComposePane",
            "The message, in Markdown. Tab indents; Ctrl+Tab moves on to the next field.",
        )
    )
    pane.preview = PreviewPane(pane._preview_source, pane)
    pane._splitter = QSplitter(Qt.Orientation.Horizontal, pane)
    pane._splitter.setChildrenCollapsible(False)
    # The formatting bar over the editor, the find bar under it.
    writing = QWidget(pane)
    column = QVBoxLayout(writing)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    pane.format_bar = FormatBar(pane.editor, writing)
    pane.find_bar = FindBar(pane.editor, writing)
    # Spell check: the message's language in the bottom bar, a notice under the editor.
    pane.spelling = SpellingControls(pane.editor.spelling, pane)
    column.addWidget(pane.format_bar)
    column.addWidget(pane.editor, 1)
    column.addWidget(pane.spelling.notice)
    column.addWidget(pane.find_bar)
    pane._splitter.addWidget(writing)
    pane._splitter.addWidget(pane.preview)
    pane._splitter.setStretchFactor(0, 1)
    pane._splitter.setStretchFactor(1, 1)

    pane.options_panel = OptionsPanel(pane)
    pane._options_area = QScrollArea(pane)
    pane._options_area.setWidget(pane.options_panel)
    pane._options_area.setWidgetResizable(True)
    pane._options_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    pane._options_area.setFrameShape(QFrame.Shape.StyledPanel)
    width = pane.options_panel.sizeHint().width()
    scrollbar = pane.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    pane._options_area.setFixedWidth(width + scrollbar + 4)
    pane._options_area.setVisible(False)

    middle = QHBoxLayout()
    middle.setSpacing(8)
    middle.addWidget(pane._splitter, 1)
    middle.addWidget(pane._options_area)
    # The before-send check's findings (issue 18), beside the options when both are open.
    pane.check_panel = CheckPanel(pane)
    pane.check_panel.setVisible(False)
    middle.addWidget(pane.check_panel)

    pane.attachments = AttachmentStrip(pane)

    layout = QVBoxLayout(pane)
    layout.setSpacing(8)
    layout.addLayout(pane._grid)
    layout.addLayout(middle, 1)
    layout.addWidget(pane.attachments)
    pane._layout = layout


def _bottom(pane: ComposePane) -> None:
    pane.bottom_bar = BottomBar(pane)
    bar = pane.bottom_bar.tool_row
    bar.addWidget(pane.attachments.attach_button)
    pane.options_button = QPushButton(translate("ComposePane", "&Options"), pane)
    pane.options_button.setCheckable(True)
    pane.options_button.setAccessibleName(translate("ComposePane", "Options"))
    pane.options_button.setToolTip(
        translate(
            "ComposePane",
            "Show the SMTPeter options of this message: tracking, tags, delivery notices "
            "(Ctrl+Shift+O)",
        )
    )
    pane.options_button.toggled.connect(pane.set_options_visible)
    bar.addWidget(pane.options_button)
    # The signature below the "-- " line (issue 16): the sender's default, or chosen.
    pane.signature_button = SignatureButton(pane)
    pane.signature_button.connect_body(pane.editor.toPlainText, pane.replace_body)
    pane.signature_button.note.connect(pane.show_note)
    bar.addWidget(pane.signature_button)
    pane.browser_button = QPushButton(translate("ComposePane", "Open in Bro&wser"), pane)
    pane.browser_button.setAccessibleName(translate("ComposePane", "Open in browser"))
    pane.browser_button.setToolTip(
        translate(
            "ComposePane", "Open the message, exactly as it will be sent, in your web browser"
        )
    )
    pane.browser_button.clicked.connect(pane.preview.open_in_browser)
    bar.addWidget(pane.browser_button)
    bar.addSpacing(8)
    bar.addWidget(pane.spelling.bar)
    bar.addStretch(1)
    # The note, then Check, Send Later and Send at the right: under the tools when the
    # window is narrow (BottomBar).
    bar = pane.bottom_bar.send_row
    pane.note = QLabel(pane)
    pane.note.setTextFormat(Qt.TextFormat.PlainText)
    pane.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    bar.addSpacing(8)
    bar.addWidget(pane.note, 1)
    pane.check_button = QPushButton(translate("ComposePane", "Chec&k"), pane)
    pane.check_button.setAccessibleName(translate("ComposePane", "Check"))
    pane.check_button.setToolTip(
        translate(
            "ComposePane",
            "Check what SMTPeter and the receivers will make of the message, before sending "
            "(Ctrl+Shift+K)",
        )
    )
    pane.check_button.clicked.connect(pane.check_requested.emit)
    bar.addWidget(pane.check_button)
    pane.send_later_button = QPushButton(translate("ComposePane", "Send &Later…"), pane)
    pane.send_later_button.setAccessibleName(translate("ComposePane", "Send later"))
    pane.send_later_button.setToolTip(
        translate("ComposePane", "Choose when the message goes; it waits in the Outbox")
    )
    pane.send_later_button.clicked.connect(pane._request_send_later)
    bar.addWidget(pane.send_later_button)
    pane.send_button = QPushButton(translate("ComposePane", "&Send"), pane)
    pane.send_button.setObjectName("sendButton")
    pane.send_button.setAccessibleName(translate("ComposePane", "Send"))
    pane.send_button.setToolTip(translate("ComposePane", "Send (Ctrl+Return)"))
    pane.send_button.setIcon(theme.icon("mail-send"))
    pane.send_button.setDefault(True)
    pane.send_button.setMinimumWidth(
        max(pane.send_button.sizeHint().width(), pane.fontMetrics().averageCharWidth() * 14)
    )
    pane.send_button.clicked.connect(pane._request_send)
    bar.addWidget(pane.send_button)
    pane._layout.addWidget(pane.bottom_bar)

    pane._note_timer = QTimer(pane)
    pane._note_timer.setSingleShot(True)
    pane._note_timer.setInterval(NOTE_MS)
    pane._note_timer.timeout.connect(pane.note.clear)


def _shortcuts(pane: ComposePane) -> None:
    context = Qt.ShortcutContext.WidgetWithChildrenShortcut
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        shortcut = QShortcut(QKeySequence(keys), pane, context=context)
        shortcut.activated.connect(pane._request_send)
    attach = QShortcut(QKeySequence("Ctrl+Shift+A"), pane, context=context)
    attach.activated.connect(pane.attachments.choose_files)
    options = QShortcut(QKeySequence("Ctrl+Shift+O"), pane, context=context)
    options.activated.connect(pane.options_button.toggle)
    find = QShortcut(QKeySequence.StandardKey.Find, pane, context=context)
    find.activated.connect(pane.find_bar.open)
    cheat_sheet = QShortcut(QKeySequence.StandardKey.HelpContents, pane, context=context)
    cheat_sheet.activated.connect(pane.show_markdown_help)
    print_it = QShortcut(QKeySequence.StandardKey.Print, pane, context=context)
    print_it.activated.connect(pane.ask_print)
    pane.help_dialog = None


def _tab_order(pane: ComposePane) -> None:
    chain: list[QWidget] = [
        pane.sender_box,
        pane.to,
        pane.cc,
        pane.bcc,
        pane.reply_to,
        pane.subject,
        pane.editor,
        pane.send_button,
        pane.send_later_button,
        pane.attachments.attach_button,
        pane.options_button,
        pane.browser_button,
        pane.extras_button,
    ]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
    pane.preview.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
