"""The From picker: the identities of every profile, grouped by profile, in one combo box.

With more than one profile, each profile's identities sit under a header line that cannot be
picked. A draft whose sender no profile offers any more is not dropped: its text becomes an
entry of its own at the top, editable, until the user picks a real identity.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyle, QWidget

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.i18n import translate

_CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
_UNKNOWN = -1


@dataclasses.dataclass(frozen=True)
class SenderChoice:
    """One identity the user can send as: a name and address of one profile.

    Attributes:
        profile_id: the profile's id (what ``Draft.profile`` holds).
        profile_name: the profile's name as the user gave it ("Work").
        transport: how the profile sends: ``"smtp"`` or ``"rest"``.
        sandbox: the profile is the local test server, which delivers nothing.
        name, address: the From name and address.
        reply_to: a Reply-To this identity fills in when the field is empty.
    """

    profile_id: str
    profile_name: str
    transport: Literal["smtp", "rest"]
    sandbox: bool
    name: str
    address: str
    reply_to: str = ""

    @property
    def sender(self) -> str:
        """The From field: ``Ann Lee <ann@example.com>``."""
        return addresses.Address(self.name, self.address, "").format()

    @property
    def profile_label(self) -> str:
        """The profile as the From row shows it."""
        if self.sandbox:
            return translate("SenderBox", "{name} (local test server — delivers nothing)").format(
                name=self.profile_name
            )
        if self.transport == "rest":
            return translate("SenderBox", "{name} (SMTPeter REST API)").format(
                name=self.profile_name
            )
        return translate("SenderBox", "{name} (SMTPeter SMTP)").format(name=self.profile_name)


class SenderBox(QComboBox):
    """A combo box of ``SenderChoice``s, plus at most one draft sender no profile offers.

    ``currentIndexChanged`` says the choice changed, as for any combo box.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: list[SenderChoice] = []
        self._unknown: tuple[str, str] | None = None  # (profile, sender)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setAccessibleName(translate("SenderBox", "From"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(28)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currentIndexChanged.connect(self._on_current_changed)

    def choices(self) -> list[SenderChoice]:
        return list(self._choices)

    def set_choices(self, choices: Sequence[SenderChoice]) -> None:
        """Offer ``choices``, keeping the current identity chosen when it is still offered."""
        profile, sender = self.sender_text()
        self._choices = list(choices)
        if sender and self._find(profile, sender) is None:
            # The profile in use went away while the message was written: keep its sender.
            self._unknown = (profile, sender)
        self._rebuild_keeping(profile, sender)

    def choice(self) -> SenderChoice | None:
        """The identity chosen, or ``None`` (none offered, or a draft's vanished sender)."""
        index = self.currentData(_CHOICE_ROLE)
        if isinstance(index, int) and 0 <= index < len(self._choices):
            return self._choices[index]
        return None

    def is_unknown(self) -> bool:
        """Whether a draft's sender that no profile offers is chosen."""
        return self._unknown is not None and self.currentData(_CHOICE_ROLE) == _UNKNOWN

    def unknown(self) -> tuple[str, str] | None:
        """The (profile, sender) of a draft that no profile offers, while it is listed."""
        return self._unknown

    def sender_text(self) -> tuple[str, str]:
        """The profile id and the From text of the current choice."""
        choice = self.choice()
        if choice is not None:
            return choice.profile_id, choice.sender
        if self.is_unknown() and self._unknown is not None:
            return self._unknown[0], self.currentText()
        return "", ""

    def select(self, profile: str, sender: str) -> None:
        """Choose a draft's sender: the matching identity, or its text as an entry of its own.

        An empty profile and sender keep the current identity (or take the first one).
        """
        if not profile and not sender:
            if self.choice() is None:
                self._unknown = None
                self._rebuild_keeping("", "")
            return
        known = self._find(profile, sender) is not None
        self._unknown = None if known else (profile, sender)
        self._rebuild_keeping(profile, sender)

    def select_first(self) -> None:
        self._set_row(self._first_row())

    def _rebuild_keeping(self, profile: str, sender: str) -> None:
        """Rebuild the list and choose (profile, sender): its identity, the unknown entry, or
        else the first identity."""
        self.blockSignals(True)
        try:
            self._rebuild()
        finally:
            self.blockSignals(False)
        row = self._row_of(self._find(profile, sender))
        if row < 0 and self._unknown is not None:
            row = self._row_of(_UNKNOWN)
        self._set_row(row if row >= 0 else self._first_row(), force=True)

    def _set_row(self, row: int, *, force: bool = False) -> None:
        """Make ``row`` current and say so once (rows shift when the list is rebuilt, so a
        combo box's own signal cannot be relied on)."""
        before = self.sender_text()
        self.blockSignals(True)
        try:
            self.setCurrentIndex(row)
        finally:
            self.blockSignals(False)
        self._on_current_changed()
        if force or self.sender_text() != before:
            self.currentIndexChanged.emit(self.currentIndex())

    def showPopup(self) -> None:
        # Profile headers are bold and can be longer than the box: widen the list to show
        # them whole rather than elided.
        view = self.view()
        if view is not None:
            widest = 0
            for row in range(self._model.rowCount()):
                item = self._model.item(row)
                metrics = QFontMetrics(item.font())
                widest = max(widest, metrics.horizontalAdvance(item.text()))
            padding = 4 * self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth) + 32
            view.setMinimumWidth(widest + padding)
        super().showPopup()

    def _rebuild(self) -> None:
        self._model.clear()
        if self._unknown is not None:
            item = QStandardItem(self._unknown[1])
            item.setData(_UNKNOWN, _CHOICE_ROLE)
            item.setToolTip(
                translate(
                    "SenderBox", "The sender this draft was written with; no profile offers it now"
                )
            )
            self._model.appendRow(item)
        grouped = len({choice.profile_id for choice in self._choices}) > 1
        profile = None
        for index, choice in enumerate(self._choices):
            if grouped and choice.profile_id != profile:
                header = QStandardItem(choice.profile_label)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont(self.font())
                font.setWeight(QFont.Weight.DemiBold)
                header.setFont(font)
                header.setAccessibleText(
                    translate("SenderBox", "Profile {profile}").format(profile=choice.profile_label)
                )
                self._model.appendRow(header)
            profile = choice.profile_id
            item = QStandardItem(choice.sender)
            item.setData(index, _CHOICE_ROLE)
            item.setToolTip(f"{choice.sender} — {choice.profile_label}")
            item.setAccessibleText(f"{choice.sender}, {choice.profile_label}")
            self._model.appendRow(item)

    def _first_row(self) -> int:
        for row in range(self._model.rowCount()):
            value = self._model.item(row).data(_CHOICE_ROLE)
            if isinstance(value, int) and value >= 0:
                return row
        return -1

    def _row_of(self, value: int | None) -> int:
        if value is None:
            return -1
        for row in range(self._model.rowCount()):
            if self._model.item(row).data(_CHOICE_ROLE) == value:
                return row
        return -1

    def _find(self, profile: str, sender: str) -> int | None:
        """The identity of ``profile`` that ``sender`` names: same text, else same address."""
        same_profile = [i for i, c in enumerate(self._choices) if c.profile_id == profile]
        for index in same_profile:
            if self._choices[index].sender == sender:
                return index
        parsed = addresses.read_address_list(sender, "From").addresses
        if len(parsed) == 1:
            address = parsed[0].address.lower()
            for index in same_profile:
                if self._choices[index].address.lower() == address:
                    return index
        return None

    def _on_current_changed(self) -> None:
        # Only the vanished sender is typed; an identity is picked, never edited.
        editable = self.is_unknown()
        if self.isEditable() == editable:
            return
        self.setEditable(editable)
        line = self.lineEdit()
        if editable and line is not None:
            line.setAccessibleName(translate("SenderBox", "From"))
            line.textEdited.connect(self._on_unknown_edited)

    def _on_unknown_edited(self, text: str) -> None:
        row = self._row_of(_UNKNOWN)
        if row >= 0 and self._unknown is not None:
            # Keep the edit in the entry too, so choosing it again brings the edit back.
            self._model.item(row).setText(text)
            self._unknown = (self._unknown[0], text)
