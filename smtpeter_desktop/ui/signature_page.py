"""Settings ▸ Signatures: the named Markdown signatures, edited with a live preview, and
which one each sender (an account, or one of its From addresses) starts with.

Everything is kept in ``signatures.toml`` through ``storage.signatures.SignatureStore``, a
small file written whole: saving on the GUI thread is as quick as saving the settings. An
edit is saved a moment after the last keystroke; an edit that cannot be kept (too long, an
image pasted as data) stays in the editor with a sentence saying why, never thrown away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.signatures import Signature, SignatureError, SignatureStore

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.address_field import message_label
from smtpeter_desktop.ui.preview import PreviewPane, PreviewSource

if TYPE_CHECKING:
    from smtpeter_desktop.storage.profiles import Profile

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 600
_NONE = ""


class SignaturesPage(QWidget):
    """The signatures: a list to add, rename and delete; the chosen one's Markdown beside its
    preview; and below, the default signature of each sender.

    Signals:
        changed(): a signature or a default changed and was saved (compose reads it again).
    """

    changed = Signal()

    def __init__(self, store: SignatureStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._profiles: list[Profile] = []
        self._shown = ""  # the name of the signature in the editor
        self._unsaved: dict[str, str] = {}  # name -> text that could not be kept yet
        self._loading = 0
        self._sender_boxes: list[tuple[QComboBox, str, str]] = []

        self.message = message_label(self)
        self.message.setVisible(False)

        self.names = QListWidget(self)
        self.names.setAccessibleName(translate("SignaturesPage", "Signatures"))
        self.names.setMinimumWidth(160)
        self.names.setMaximumWidth(240)
        self.names.currentItemChanged.connect(self._on_selected)
        self.add_button = QPushButton(translate("SignaturesPage", "&Add…"), self)
        self.add_button.setToolTip(translate("SignaturesPage", "Make a new signature"))
        self.add_button.clicked.connect(lambda: self.add_signature())
        self.rename_button = QPushButton(translate("SignaturesPage", "Rena&me…"), self)
        self.rename_button.clicked.connect(lambda: self.rename_signature())
        self.delete_button = QPushButton(translate("SignaturesPage", "De&lete…"), self)
        self.delete_button.clicked.connect(lambda: self.delete_signature())

        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(translate("SignaturesPage", "Signature in Markdown"))
        self.editor.setPlaceholderText(
            translate(
                "SignaturesPage",
                "Ann Lee\nSales, Example B.V.\n+31 20 123 4567 · [example.com](https://example.com)",
            )
        )
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.textChanged.connect(self._on_edited)
        self.image_button = QPushButton(translate("SignaturesPage", "Insert &Image…"), self)
        self.image_button.setToolTip(
            translate(
                "SignaturesPage",
                "Put a picture (PNG, JPEG, GIF or WebP, at most 10 MB) in the signature; "
                "it is referenced by its path, as in a message",
            )
        )
        self.image_button.clicked.connect(lambda: self.insert_image())
        self.editor_note = message_label(self)
        self.editor_note.setVisible(False)
        self.preview = PreviewPane(self._preview_source, self)
        self.preview.browser.setPlaceholderText(
            translate("SignaturesPage", "The signature, as it will look in a message.")
        )
        self.editor.textChanged.connect(self.preview.schedule)

        self.defaults_box = QGroupBox(translate("SignaturesPage", "Default signature"), self)
        self.defaults_form = QFormLayout(self.defaults_box)
        self.defaults_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.defaults_form.setLabelAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

        self._build()
        self.reload()

    def _build(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.names, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        left.addLayout(buttons)

        writing = QWidget(self)
        column = QVBoxLayout(writing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.image_button)
        row.addStretch(1)
        column.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(writing)
        splitter.addWidget(self.preview)

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addLayout(left)
        top.addWidget(splitter, 1)

        note = lists.muted_label(
            translate(
                "SignaturesPage",
                "A signature is put below a “-- ” line in a new message, and replaced when "
                "you choose another sender. Saved in signatures.toml in the app folder.",
            ),
            self,
        )
        note.setWordWrap(True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 18, 18, 18)
        outer.setSpacing(10)
        outer.addWidget(self.message)
        outer.addLayout(top, 3)
        outer.addWidget(self.editor_note)
        outer.addWidget(self.defaults_box)
        outer.addWidget(note)

    # Showing -------------------------------------------------------------------------------

    def set_profiles(self, profiles: Sequence[Profile]) -> None:
        """The accounts whose senders can have a default signature."""
        self._profiles = list(profiles)
        self._fill_defaults()

    def reload(self) -> None:
        """Read the signatures file again and show it, keeping the chosen signature."""
        self._loading += 1
        try:
            try:
                signatures = self.store.signatures()
            except SignatureError as exc:
                self._say(f"{exc.message} {exc.hint}".strip())
                signatures = []
                self._set_editable(False)
            else:
                self.message.setVisible(False)
                self._set_editable(True)
            wanted = self._shown
            self.names.clear()
            for signature in signatures:
                QListWidgetItem(signature.name, self.names)
            rows = [s.name for s in signatures]
            self.names.setCurrentRow(rows.index(wanted) if wanted in rows else 0 if rows else -1)
        finally:
            self._loading -= 1
        self._show_current()
        self._fill_defaults()

    def _set_editable(self, enabled: bool) -> None:
        for widget in (self.names, self.add_button, self.defaults_box):
            widget.setEnabled(enabled)

    def current_name(self) -> str:
        # Qt's stubs say never None; with nothing chosen it is.
        item: QListWidgetItem | None = self.names.currentItem()
        return item.text() if item is not None else ""

    def _on_selected(self, *_: object) -> None:
        if not self._loading:
            self.save_now()
            self._show_current()

    def _show_current(self) -> None:
        name = self.current_name()
        text = ""
        if name:
            text = self._unsaved.get(name, "")
            if name not in self._unsaved:
                try:
                    text = self.store.get(name).markdown
                except SignatureError as exc:
                    self._say(exc.message)
        self._loading += 1
        try:
            self._shown = name
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
        finally:
            self._loading -= 1
        for widget in (self.editor, self.image_button, self.rename_button, self.delete_button):
            widget.setEnabled(bool(name))
        self._note_unsaved()
        self.preview.render_now()

    def _preview_source(self) -> PreviewSource:
        # Relative image paths mean nothing in a signature (it goes into any message):
        # the app folder's parent, the home folder, is as good a base as any.
        return PreviewSource(self.editor.toPlainText(), Path.home(), "")

    def _fill_defaults(self) -> None:
        """One row per account ("every address") and per From address, with a choice."""
        while self.defaults_form.rowCount():
            self.defaults_form.removeRow(0)
        self._sender_boxes = []
        try:
            names = [s.name for s in self.store.signatures()]
            defaults = self.store.defaults()
        except SignatureError:
            return
        if not self._profiles:
            self.defaults_form.addRow(
                QLabel(translate("SignaturesPage", "Add an account first."), self.defaults_box)
            )
            return
        chosen = {(d.profile, d.sender.casefold()): d.signature for d in defaults}
        for profile in self._profiles:
            rows = [(translate("SignaturesPage", "{account}, every address").format(
                account=profile.name), "")]  # fmt: skip
            rows += [(identity.display, identity.address) for identity in profile.identities]
            for label, sender in rows:
                box = QComboBox(self.defaults_box)
                box.addItem(
                    translate("SignaturesPage", "Same as the account")
                    if sender
                    else translate("SignaturesPage", "No signature"),
                    _NONE,
                )
                for name in names:
                    box.addItem(name, name)
                wanted = chosen.get((profile.id, sender.casefold()), "")
                found = [str(box.itemData(i)).casefold() for i in range(box.count())]
                index = found.index(wanted.casefold()) if wanted.casefold() in found else 0
                box.setCurrentIndex(index)
                box.setAccessibleName(
                    translate("SignaturesPage", "Default signature of {sender}").format(
                        sender=label
                    )
                )
                box.setMinimumWidth(240)
                box.currentIndexChanged.connect(
                    lambda _i, b=box, p=profile.id, s=sender: self._on_default(b, p, s)
                )
                self.defaults_form.addRow(label, box)
                self._sender_boxes.append((box, profile.id, sender))

    def default_box(self, profile: str, sender: str = "") -> QComboBox | None:
        """The choice of the default signature of a profile (and From address)."""
        for box, found_profile, found_sender in self._sender_boxes:
            if found_profile == profile and found_sender.casefold() == sender.casefold():
                return box
        return None

    # Changing ------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _change(self, act: Callable[[], object]) -> bool:
        """Do a change of the file; a sentence when it cannot be done."""
        try:
            act()
        except SignatureError as exc:
            self._say(f"{exc.message} {exc.hint}".strip())
            return False
        self._say("")
        self.changed.emit()
        return True

    def add_signature(self, name: str | None = None) -> None:
        """A new, empty signature called *name* (asked for when not given)."""
        if name is None:
            self._ask(translate("SignaturesPage", "New Signature"), "", self.add_signature)
            return
        name = name.strip()
        if any(s.casefold() == name.casefold() for s in self._names()):
            self._say(
                translate("SignaturesPage", "There is a signature called “{name}” already.").format(
                    name=name
                )
                + " "
                + translate("SignaturesPage", "Choose another name.")
            )
            return
        self.save_now()
        if self._change(lambda: self.store.save(Signature(name, ""))):
            self._shown = name
            self.reload()
            self.editor.setFocus()

    def rename_signature(self, new_name: str | None = None) -> None:
        """Give the chosen signature another name; the senders using it keep it."""
        old = self.current_name()
        if not old:
            return
        if new_name is None:
            self._ask(translate("SignaturesPage", "Rename Signature"), old, self.rename_signature)
            return
        new_name = new_name.strip()
        if new_name == old:
            return
        if any(s.casefold() == new_name.casefold() for s in self._names() if s != old):
            self._say(
                translate("SignaturesPage", "There is a signature called “{name}” already.").format(
                    name=new_name
                )
            )
            return
        self.save_now()

        def rename() -> None:
            signature = self.store.get(old)
            self.store.save(Signature(new_name, signature.markdown))
            for default in self.store.defaults():
                if default.signature.casefold() == old.casefold():
                    self.store.set_default(new_name, profile=default.profile, sender=default.sender)
            if old.casefold() != new_name.casefold():
                self.store.remove(old)

        if self._change(rename):
            self._unsaved.pop(old, None)
            self._shown = new_name
            self.reload()

    def delete_signature(self, *, asked: bool = False) -> None:
        """Delete the chosen signature (after asking); senders using it then have none."""
        name = self.current_name()
        if not name:
            return
        if not asked:
            lists.confirm(
                self,
                translate("SignaturesPage", "Delete signature"),
                translate("SignaturesPage", "Delete the signature “{name}”?").format(name=name),
                translate("SignaturesPage", "Delete"),
                lambda: self.delete_signature(asked=True),
                informative=translate(
                    "SignaturesPage",
                    "Messages already written keep it; senders that used it start without one.",
                ),
            )
            return
        self._timer.stop()
        if self._change(lambda: self.store.remove(name)):
            self._unsaved.pop(name, None)
            self._shown = ""
            self.reload()

    def insert_image(self, path: str | None = None) -> None:
        """Put ``![name](path)`` at the cursor; the file is asked for when not given."""
        if path is None:
            dialog = QFileDialog(self, translate("SignaturesPage", "Choose an Image"))
            dialog.setNameFilter(
                translate("SignaturesPage", "Images (*.png *.jpg *.jpeg *.gif *.webp)")
            )
            dialog.fileSelected.connect(self.insert_image)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return
        if not path:
            return
        shown = f"<{path}>" if " " in path else path
        line_start = self.editor.textCursor().atBlockStart()
        self.editor.insertPlainText(("" if line_start else "\n") + f"![{Path(path).stem}]({shown})")

    def _ask(self, title: str, text: str, then: Callable[[str], None]) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(translate("SignaturesPage", "Name:"))
        dialog.setTextValue(text)
        dialog.setObjectName("signatureName")
        dialog.textValueSelected.connect(lambda value: then(value) if value.strip() else None)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _names(self) -> list[str]:
        return [self.names.item(row).text() for row in range(self.names.count())]

    def _on_edited(self) -> None:
        if not self._loading and self._shown:
            self._timer.start()

    def save_now(self) -> bool:
        """Keep the text in the editor as the shown signature's; False when it cannot be."""
        self._timer.stop()
        name = self._shown
        if not name:
            return True
        text = self.editor.toPlainText()
        try:
            if name not in self._unsaved and self.store.get(name).markdown == text:
                return True
            self.store.save(Signature(name, text))
        except SignatureError as exc:
            # Kept here, not lost: shown again when the signature is chosen again.
            self._unsaved[name] = text
            self._note_unsaved(f"{exc.message} {exc.hint}".strip())
            return False
        self._unsaved.pop(name, None)
        self._note_unsaved()
        self.changed.emit()
        return True

    def _note_unsaved(self, reason: str = "") -> None:
        name = self._shown
        if name in self._unsaved and not reason:
            reason = translate(
                "SignaturesPage", "This text could not be saved yet; correct it to keep it."
            )
        if reason:
            reason = (
                translate("SignaturesPage", "Not saved: {reason}").format(reason=reason)
                if name in self._unsaved
                else reason
            )
        self.editor_note.setText(reason)
        self.editor_note.setVisible(bool(reason))

    def _on_default(self, box: QComboBox, profile: str, sender: str) -> None:
        name = str(box.currentData() or "")
        self._change(lambda: self.store.set_default(name or None, profile=profile, sender=sender))

    def shutdown(self) -> None:
        """Keep an edit not saved yet, and stop the preview's thread."""
        self.save_now()
        self.preview.shutdown()
