"""The Sent pane's widgets, made and laid out: the search field over the list of sent
messages, and the selected message's details (its actions, the delivery-status and captured
message buttons, the status line, the receipt). ``sent_pane.SentPane`` fills them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists

if TYPE_CHECKING:
    from smtpeter_desktop.ui.sent_pane import SentPane


def build(pane: SentPane) -> None:
    """Make the pane's widgets, lay them out and connect them to the pane's actions."""
    from smtpeter_desktop.ui.sent_pane import empty_text

    pane.list = QTreeWidget(pane)
    pane.list.setAccessibleName(translate("SentPane", "Sent messages"))
    pane.list.setHeaderLabels(
        [
            translate("SentPane", "Delivery"),
            translate("SentPane", "To"),
            translate("SentPane", "Subject"),
            translate("SentPane", "Sent"),
        ]
    )
    pane.list.setRootIsDecorated(False)
    pane.list.setUniformRowHeights(True)
    pane.list.setAllColumnsShowFocus(True)
    pane.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    pane.list.setItemDelegateForColumn(0, lists.BadgeDelegate(pane.list))
    header = pane.list.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
    header.resizeSection(0, 130)
    header.resizeSection(1, 220)
    pane.list.currentItemChanged.connect(pane._show_current)
    pane.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    pane.list.customContextMenuRequested.connect(pane._list_menu)
    pane.list.itemActivated.connect(lambda *_: pane.open_message())

    pane.search = QLineEdit(pane)
    pane.search.setPlaceholderText(translate("SentPane", "Search subject or recipient"))
    pane.search.setAccessibleName(translate("SentPane", "Search sent mail"))
    pane.search.setClearButtonEnabled(True)
    pane.search.textChanged.connect(pane._filter)
    find = QShortcut(
        QKeySequence.StandardKey.Find,
        pane,
        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
    )
    find.activated.connect(lambda: pane.search.setFocus())

    details = QWidget(pane)
    details.setAccessibleName(translate("SentPane", "Receipt"))
    pane.subject = lists.heading("", details, 1.15)
    pane.subject.setWordWrap(True)
    pane.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    pane.meta = lists.muted_label("", details)
    pane.receipt = QTextBrowser(details)
    pane.receipt.setAccessibleName(translate("SentPane", "Receipt and delivery events"))
    pane.receipt.setOpenLinks(False)
    pane.receipt.setFrameShape(QTextBrowser.Shape.NoFrame)
    pane.receipt.viewport().setAutoFillBackground(False)
    pane.events_button = QPushButton(translate("SentPane", "&Refresh Delivery Status"), details)
    pane.events_button.setToolTip(
        translate("SentPane", "Ask SMTPeter what became of this message (F5)")
    )
    pane.events_button.setShortcut("F5")
    pane.events_button.clicked.connect(pane._on_refresh_events)
    pane.captured_button = QPushButton(translate("SentPane", "&Open the Captured Message"), details)
    pane.captured_button.setToolTip(
        translate(
            "SentPane",
            "See exactly what the built-in test server received: headers, HTML, text, source",
        )
    )
    pane.captured_button.clicked.connect(pane._on_open_captured)
    pane.open_button = QPushButton(translate("SentPane", "Open &Message"), details)
    pane.open_button.setToolTip(
        translate(
            "SentPane",
            "See the message exactly as it was sent: the HTML, the text and the source; "
            "save it as an .eml file",
        )
    )
    pane.open_button.clicked.connect(pane.open_message)
    pane.edit_button = QPushButton(translate("SentPane", "Edit as Ne&w"), details)
    pane.edit_button.setToolTip(
        translate("SentPane", "A new draft with the same text, recipients and attachments")
    )
    pane.edit_button.clicked.connect(pane.edit_as_new)
    pane.forward_button = QPushButton(translate("SentPane", "Forw&ard"), details)
    pane.forward_button.setToolTip(
        translate("SentPane", "A new draft quoting this message, with its attachments")
    )
    pane.forward_button.clicked.connect(pane.forward)
    pane.resend_button = QPushButton(translate("SentPane", "Re&send…"), details)
    pane.resend_button.setToolTip(
        translate(
            "SentPane",
            "Send the same message again (asks first): SMTPeter resends its copy for the "
            "REST API; for SMTP the exact bytes go to the outbox again",
        )
    )
    pane.resend_button.clicked.connect(pane.ask_resend)
    pane.delete_button = QPushButton(translate("SentPane", "&Delete…"), details)
    pane.delete_button.setToolTip(
        translate("SentPane", "Delete this message from Sent (asks first)")
    )
    pane.delete_button.clicked.connect(pane.ask_delete)
    actions = QHBoxLayout()
    actions.setSpacing(6)
    for button in (pane.open_button, pane.edit_button, pane.forward_button):
        actions.addWidget(button)
    actions.addWidget(pane.resend_button)
    actions.addStretch(1)
    actions.addWidget(pane.delete_button)
    pane.status = QLabel(details)
    pane.status.setWordWrap(True)
    pane.status.setAccessibleName(translate("SentPane", "Status"))
    buttons = QHBoxLayout()
    buttons.setSpacing(6)
    buttons.addWidget(pane.events_button)
    buttons.addWidget(pane.captured_button)
    buttons.addWidget(pane.status, 1)
    box = QVBoxLayout(details)
    box.setContentsMargins(12, 12, 12, 6)
    box.setSpacing(6)
    box.addWidget(pane.subject)
    box.addWidget(pane.meta)
    box.addLayout(actions)
    box.addLayout(buttons)
    box.addWidget(pane.receipt, 1)

    rows = QWidget(pane)  # the search field over the list
    column = QVBoxLayout(rows)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    column.addWidget(pane.search)
    column.addWidget(pane.list, 1)
    pane.view = lists.list_with_details(
        pane, rows, details, empty_text=empty_text(), name="sentSplitter", stretch=(2, 3)
    )
    pane.splitter, pane.empty, pane.stack = (
        pane.view.splitter,
        pane.view.empty,
        pane.view.stack,
    )
