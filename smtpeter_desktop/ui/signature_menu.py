"""The compose pane's Signature button: the sender's default signature in a new message,
replaced when the From changes, and a menu to choose another one, or none, for this message.

The signature is part of the Markdown body, below a ``-- `` line (``compose.signature``):
quoted text stays below it, and nothing is ever added twice. A signature the person edited in
the message is theirs: changing the From then keeps it (and says so) instead of replacing it.
Choosing from the menu is the person's own choice for this message, kept when the From
changes; a new message follows the sender's default again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from smtpeter_desktop.compose.signature import (
    SEPARATOR,
    clean_signature,
    signature_of,
    with_signature,
)
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.signatures import Signature, SignatureError, SignatureStore

if TYPE_CHECKING:
    from smtpeter_desktop.ui.sender_box import SenderChoice

log = logging.getLogger(__name__)


class _Auto:
    """The message follows its sender's default signature."""


AUTO: Final = _Auto()


class SignatureButton(QPushButton):
    """ "Signature ▾" under the editor; the pane tells it of new messages, drafts and From
    changes, and it edits the body through ``apply`` (given by the pane).

    Signals:
        edit_requested(): "Edit Signatures…" was chosen (the window opens Settings).
        note(str): a remark for the pane's bottom bar.
    """

    edit_requested = Signal()
    note = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: SignatureStore | None = None
        self._choice: str | _Auto | None = AUTO  # a name, None (no signature), or AUTO
        self._sender: SenderChoice | None = None
        self._body: Callable[[], str] = str
        self._apply: Callable[[str, bool], None] = lambda _text, _by_user: None
        # A push button with a menu, like its neighbours: the style keeps room for the arrow
        # (a tool button's arrow sat on the text's last letter).
        self.setAccessibleName(translate("SignatureButton", "Signature"))
        self.setToolTip(
            translate(
                "SignatureButton", "The signature of this message: the sender's, another, or none"
            )
        )
        self._menu = QMenu(self)
        self._menu.aboutToShow.connect(self._fill_menu)
        self.setMenu(self._menu)
        self._update_text()

    def connect_body(self, body: Callable[[], str], apply: Callable[[str, bool], None]) -> None:
        """How to read the body and change it (``apply(text, by_user)``)."""
        self._body = body
        self._apply = apply

    def set_store(self, store: SignatureStore | None) -> None:
        self.store = store
        self._update_text()

    # What the pane tells ---------------------------------------------------------------------

    def new_message(self, sender: SenderChoice | None) -> None:
        """An empty message: the sender's default signature goes in (not as the user's edit)."""
        self._choice = AUTO
        self._sender = sender
        chosen = self.default_for(sender)
        if chosen is not None:
            self._put(chosen.markdown, by_user=False)
        self._update_text()

    def draft_shown(self, sender: SenderChoice | None) -> None:
        """A kept draft: its body holds the signature it has; nothing is changed."""
        self._choice = AUTO
        self._sender = sender
        self._update_text()

    def sender_changed(self, sender: SenderChoice | None) -> None:
        """The person chose another From: the old sender's signature makes way for the new
        sender's default, unless they chose one for this message or edited it."""
        old, self._sender = self._sender, sender
        same = (old.profile_id, old.address) if old is not None else None
        if not isinstance(self._choice, _Auto) or same == (
            (sender.profile_id, sender.address) if sender is not None else None
        ):
            self._update_text()
            return
        before = self.default_for(old)
        after = self.default_for(sender)
        current = signature_of(self._body())
        expected = clean_signature(before.markdown) if before is not None else None
        if current != expected:
            # Edited, or taken out, by the person: theirs to keep.
            if current is not None:
                self.note.emit(
                    translate(
                        "SignatureButton",
                        "The signature you edited was kept; choose one under Signature to "
                        "replace it.",
                    )
                )
            self._update_text()
            return
        if after is not None or current is not None:
            self._put(after.markdown if after is not None else None, by_user=False)
        self._update_text()

    # The person's choice -----------------------------------------------------------------

    def choose(self, name: str | None) -> None:
        """Use the signature *name* for this message (None: no signature)."""
        markdown: str | None = None
        if name is not None:
            found = self._get(name)
            if found is None:
                return
            markdown = found.markdown
        self._choice = name
        self._put(markdown, by_user=True)
        self._update_text()

    def choice(self) -> str | None:
        """The name of the signature this message uses, or None."""
        if isinstance(self._choice, _Auto):
            chosen = self.default_for(self._sender)
            return chosen.name if chosen is not None else None
        return self._choice

    def default_for(self, sender: SenderChoice | None) -> Signature | None:
        if sender is None or self.store is None:
            return None
        try:
            return self.store.default_for(sender.profile_id, sender.address)
        except SignatureError as exc:
            self.note.emit(
                translate("SignatureButton", "Your signatures could not be read: {reason}").format(
                    reason=exc.message
                )
            )
            return None

    def _get(self, name: str) -> Signature | None:
        if self.store is None:
            return None
        try:
            return self.store.get(name)
        except SignatureError as exc:
            self.note.emit(exc.message)
            return None

    def _put(self, markdown: str | None, *, by_user: bool) -> None:
        body = self._body()
        changed = with_signature(body, markdown)
        if changed.startswith(SEPARATOR + "\n"):
            # Room to write above the signature: typed right above "-- " the text would run
            # into it (and a line of text over "-- " is a Markdown heading).
            changed = "\n\n" + changed
        if changed != body:
            self._apply(changed, by_user)

    def _fill_menu(self) -> None:
        menu = self._menu
        menu.clear()
        group = QActionGroup(menu)
        current = self.choice()
        signatures: list[Signature] = []
        if self.store is not None:
            try:
                signatures = self.store.signatures()
            except SignatureError as exc:
                failed = menu.addAction(exc.message)
                failed.setEnabled(False)
        default = self.default_for(self._sender)
        for signature in signatures:
            text = signature.name.replace("&", "&&")
            if default is not None and signature.name == default.name:
                text = translate("SignatureButton", "{name} (default for this sender)").format(
                    name=text
                )
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(signature.name == current)
            action.triggered.connect(lambda _=False, n=signature.name: self.choose(n))
            group.addAction(action)
            menu.addAction(action)
        none = QAction(translate("SignatureButton", "&No Signature"), menu)
        none.setCheckable(True)
        none.setChecked(current is None)
        none.triggered.connect(lambda: self.choose(None))
        group.addAction(none)
        menu.addAction(none)
        menu.addSeparator()
        edit = menu.addAction(translate("SignatureButton", "&Edit Signatures…"))
        edit.triggered.connect(self.edit_requested.emit)

    def _update_text(self) -> None:
        name = self.choice()
        if name is None:
            self.setText(translate("SignatureButton", "No Signature"))
        else:
            self.setText(
                translate("SignatureButton", "Signature: {name}").format(
                    name=name.replace("&", "&&")
                )
            )
