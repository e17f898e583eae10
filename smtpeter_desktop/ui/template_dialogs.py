"""Local templates in the window: "Save as Template…" from compose, and the templates list
(File ▸ New from Template…) to start a message from one, rename or delete one.

A template is a message kept under a name in the mailbox (subject, body, options, the
attachments by reference), as safely as a draft; starting from it makes a new draft, so the
template itself never changes by writing. Its reads and writes are small, like a draft's: they
go through the window's own Postman, which never waits for another process's write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.delivery.names import TemplateNameError
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.address_field import message_label

if TYPE_CHECKING:
    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.delivery.postman import Postman

log = logging.getLogger(__name__)


def ask_name(parent: QWidget, title: str, text: str, then: Callable[[str], None]) -> QInputDialog:
    """A window-modal question for a name; ``then(name)`` when one is given (not blocking)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("templateName")
    dialog.setWindowTitle(title)
    dialog.setLabelText(translate("TemplateDialogs", "Template name:"))
    dialog.setTextValue(text)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.textValueSelected.connect(lambda value: then(value) if value.strip() else None)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def save_as_template(
    parent: QWidget,
    postman: Postman,
    draft: Draft,
    name: str | None = None,
    *,
    replace: bool = False,
) -> int | None:
    """Keep *draft* as the template *name* (asked for when not given); its id, or None.

    A name that is taken is asked about: replace that template, or keep both as they are.
    """
    if draft.is_empty:
        messages.info(
            translate("TemplateDialogs", "There is nothing to keep as a template yet."),
            translate("TemplateDialogs", "Write a subject or some text first."),
            key="template",
        )
        return None
    if name is None:
        ask_name(
            parent,
            translate("TemplateDialogs", "Save as Template"),
            draft.subject,
            lambda given: _ignore(save_as_template(parent, postman, draft, given)),
        )
        return None
    try:
        id = postman.save_template(name, draft, replace=replace)
    except TemplateNameError as exc:
        if replace or "already" not in exc.message:
            messages.error(exc.message, exc.hint, key="template")
            return None
        shown = " ".join(name.split())
        lists.confirm(
            parent,
            translate("TemplateDialogs", "Replace template"),
            translate("TemplateDialogs", "There is a template called “{name}” already.").format(
                name=shown
            ),
            translate("TemplateDialogs", "Replace"),
            lambda: _ignore(save_as_template(parent, postman, draft, name, replace=True)),
            informative=translate(
                "TemplateDialogs",
                "Replace it with this message, or cancel and choose another name.",
            ),
        )
        return None
    except StorageError as exc:
        messages.error(
            translate("TemplateDialogs", "The template was not saved: {reason}").format(
                reason=exc.message
            ),
            exc.hint,
            key="template",
        )
        return None
    messages.success(
        translate("TemplateDialogs", "Saved as the template “{name}”.").format(
            name=" ".join(name.split())
        ),
        translate("TemplateDialogs", "Start a message from it with File ▸ New from Template…"),
        key="template",
        timeout=8,
    )
    return id


def _ignore(_value: object) -> None:
    """For callbacks that return nothing: the id is for callers that wait for it."""


class TemplatesDialog(QDialog):
    """The local templates: start a new message from one, rename one, delete one.

    Signals:
        open_requested(int, object): a new draft (id, ``Draft``) was made from a template.
    """

    open_requested = Signal(int, object)

    def __init__(self, postman: Postman, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._postman = postman
        self.setWindowTitle(translate("TemplatesDialog", "Templates"))
        self.setObjectName("templatesDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(560, 380)

        self.message = message_label(self)
        self.message.setVisible(False)
        self.list = QTreeWidget(self)
        self.list.setAccessibleName(translate("TemplatesDialog", "Templates"))
        self.list.setHeaderLabels(
            [translate("TemplatesDialog", "Name"), translate("TemplatesDialog", "Subject"),
             translate("TemplatesDialog", "Changed")]
        )  # fmt: skip
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda *_: self.new_message())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = lists.muted_label(
            translate(
                "TemplatesDialog",
                "No templates yet. Write a message and choose File ▸ Save as Template… to keep "
                "it as one.",
            ),
            self,
        )

        buttons = QDialogButtonBox(self)
        self.new_button = QPushButton(translate("TemplatesDialog", "&New Message"), self)
        self.new_button.setToolTip(
            translate("TemplatesDialog", "Start a new message from the template")
        )
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(lambda: self.new_message())
        self.rename_button = QPushButton(translate("TemplatesDialog", "Rena&me…"), self)
        self.rename_button.clicked.connect(lambda: self.rename())
        self.delete_button = QPushButton(translate("TemplatesDialog", "&Delete…"), self)
        self.delete_button.clicked.connect(lambda: self.delete())
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.rename_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("TemplatesDialog", "Close"))
        close.clicked.connect(self.reject)

        intro = lists.muted_label(
            translate(
                "TemplatesDialog",
                "Start a new message from a template; the template stays as it is. Its "
                "attachments are taken from where they are now.",
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self, select: str = "") -> None:
        """List the templates again; *select* (a name) is chosen when it is there."""
        from smtpeter_desktop.compose.draft import Draft

        self.list.clear()
        try:
            found = self._postman.templates()
        except StorageError as exc:
            self._say(exc.message, exc.hint)
            found = []
        for template in found:
            try:
                subject = Draft.from_json(template.draft).subject
            except (ComposeError, ValueError):
                subject = ""
            item = QTreeWidgetItem(
                self.list, [template.name, subject, lists.when(template.updated)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, template.name)
            if template.name == select:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.list.setVisible(bool(found))
        self.empty.setVisible(not found)
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in found if item is not None]

    def names(self) -> list[str]:
        return [item.text(0) for item in self._items()]

    def select(self, name: str) -> None:
        for item in self._items():
            if item.text(0) == name:
                self.list.setCurrentItem(item)

    def current(self) -> str:
        item = self.list.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _update_buttons(self) -> None:
        chosen = bool(self.current())
        for button in (self.new_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)

    def _say(self, text: str, hint: str = "") -> None:
        self.message.setText(f"{text} {hint}".strip())
        self.message.setVisible(bool(text))

    def new_message(self) -> None:
        """A new draft from the chosen template; the dialog closes and compose shows it."""
        name = self.current()
        if not name:
            return
        try:
            id, draft = self._postman.new_from_template(name)
        except (StorageError, ComposeError) as exc:
            self._say(
                translate("TemplatesDialog", "No message could be made from it: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            self.refresh()
            return
        self.open_requested.emit(id, draft)
        self.accept()

    def rename(self, new_name: str | None = None) -> None:
        name = self.current()
        if not name:
            return
        if new_name is None:
            ask_name(self, translate("TemplatesDialog", "Rename Template"), name, self.rename)
            return
        try:
            self._postman.rename_template(name, new_name)
        except StorageError as exc:
            self._say(exc.message, exc.hint)
            return
        self._say("")
        self.refresh(select=" ".join(new_name.split()))

    def delete(self, *, asked: bool = False) -> None:
        name = self.current()
        if not name:
            return
        if not asked:
            lists.confirm(
                self,
                translate("TemplatesDialog", "Delete template"),
                translate("TemplatesDialog", "Delete the template “{name}”?").format(name=name),
                translate("TemplatesDialog", "Delete"),
                lambda: self.delete(asked=True),
                informative=translate("TemplatesDialog", "Messages made from it stay as they are."),
            )
            return
        try:
            self._postman.delete_template(name)
        except StorageError as exc:
            self._say(exc.message, exc.hint)
            return
        self._say("")
        self.refresh()
