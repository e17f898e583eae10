"""The accounts pane: each profile, where it sends, who it sends as, whether its secret is kept.

Add, edit, remove, test the connection (the default account is chosen in Settings).
Whether each secret is stored is asked of the keyring in a worker; so are removing a profile
(its secret goes too) and the connection test. The built-in sandbox is labelled for what it
is: it delivers nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.errors import KeyringUnavailable, StorageError
from smtpeter_desktop.storage.profiles import Profile

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.account_dialog import AccountDialog
from smtpeter_desktop.ui.check_view import CheckView, ConnectionTest
from smtpeter_desktop.ui.lists import ID_ROLE, Tone
from smtpeter_desktop.ui.tasks import Task, run_task

log = logging.getLogger(__name__)

# What the list knows of each secret; shown in words by secret_text().
NEEDS_NONE = "needs-none"
STORED = "stored"
SESSION_ONLY = "session-only"
NOT_STORED = "not-stored"
CHECKING = "checking"
UNREADABLE = "unreadable"
_SECRET_ROLE = ID_ROLE + 1


def sandbox_label() -> str:
    return translate("AccountsPane", "Built-in test server — delivers nothing")


def secret_text(state: str) -> str:
    """A secret's state (``STORED``...) in words."""
    texts = {
        NEEDS_NONE: translate("AccountsPane", "Needs none"),
        STORED: translate("AccountsPane", "Stored in the keyring"),
        SESSION_ONLY: translate("AccountsPane", "Kept for this session only"),
        NOT_STORED: translate("AccountsPane", "Not stored — add it with Edit…"),
        CHECKING: translate("AccountsPane", "Checking…"),
        UNREADABLE: translate("AccountsPane", "Unknown: the keyring cannot be read"),
    }
    return texts[state]


class AccountsPane(QWidget):
    """The list of accounts and what can be done with them.

    Signals:
        profiles_changed(): an account was added, changed, removed or made the default; the
            shell refreshes the From picker.

    Attributes:
        dialog: the account dialog while one is open.
    """

    profiles_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("AccountsPane", "Accounts"))
        self._context = context
        self._profiles: list[Profile] = []
        self._secrets: dict[str, str] = {}
        self._probe: Task[dict[str, str]] | None = None
        self._removing: Task[Profile] | None = None
        self.dialog: AccountDialog | None = None

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setAccessibleName(translate("AccountsPane", "Problem"))
        self.banner.setVisible(False)

        self.list = QTreeWidget(self)
        self.list.setAccessibleName(translate("AccountsPane", "Accounts"))
        self.list.setHeaderLabels(
            [
                translate("AccountsPane", "Account"),
                translate("AccountsPane", "Sends through"),
                translate("AccountsPane", "From"),
                translate("AccountsPane", "Password or token"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegate(lists.RoomyDelegate(self.list))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda *_: self.edit_account())
        self.list.installEventFilter(self)

        self.add_button = QPushButton(translate("AccountsPane", "&Add…"), self)
        self.add_button.setToolTip(
            translate("AccountsPane", "Add an SMTPeter account (SMTP or REST API)")
        )
        self.add_button.setAccessibleName(translate("AccountsPane", "Add account"))
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton(translate("AccountsPane", "Ed&it…"), self)
        self.edit_button.setToolTip(
            translate("AccountsPane", "Change the selected account (Enter)")
        )
        self.edit_button.setAccessibleName(translate("AccountsPane", "Edit account"))
        self.edit_button.clicked.connect(self.edit_account)
        self.remove_button = QPushButton(translate("AccountsPane", "&Remove…"), self)
        self.remove_button.setToolTip(
            translate("AccountsPane", "Remove the selected account and its password (Delete)")
        )
        self.remove_button.setAccessibleName(translate("AccountsPane", "Remove account"))
        self.remove_button.clicked.connect(self.remove_account)
        self.test_button = QPushButton(translate("AccountsPane", "&Test Connection"), self)
        self.test_button.setToolTip(
            translate("AccountsPane", "Connect and log in step by step, sending nothing")
        )
        self.test_button.clicked.connect(self.test_connection)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)

        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(translate("AccountsPane", "Notice"))
        self.check_view = CheckView(self)
        self.tester = ConnectionTest(context, self.check_view, self)
        self.tester.ended.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.list, 1)
        # One control for the default account: Settings' "New messages from". Said here,
        # where people look for it, with the way there.
        self.default_note = QLabel(
            translate(
                "AccountsPane",
                "New messages start from the account marked (default); choose it in "
                "Settings ▸ New messages from.",
            ),
            self,
        )
        self.default_note.setWordWrap(True)
        lists.paint(self.default_note, Tone.NEUTRAL)
        layout.addWidget(self.default_note)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.check_view)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the profiles again, and ask the keyring (in a worker) about their secrets."""
        self.banner.setVisible(False)
        try:
            self._profiles = self._context.profiles.load()
        except StorageError as exc:
            self._profiles = []
            self._show_banner(
                translate("AccountsPane", "The accounts cannot be read. {reason}").format(
                    reason=exc
                )
            )
        current = self.current_id()
        default = self._default_id()
        self.list.clear()
        bold = QFont(self.list.font())
        bold.setWeight(QFont.Weight.DemiBold)
        for profile in self._profiles:
            name = profile.name
            if profile.id == default:
                name += translate("AccountsPane", "  (default)")
            where = sandbox_label() if profile.sandbox else profile.describe()
            senders = ", ".join(i.display for i in profile.identities) or translate(
                "AccountsPane", "No senders yet"
            )
            secret = NEEDS_NONE if profile.sandbox else self._secrets.get(profile.id, CHECKING)
            item = QTreeWidgetItem([name, where, senders, secret_text(secret)])
            item.setData(0, ID_ROLE, profile.id)
            item.setData(0, _SECRET_ROLE, secret)
            item.setFont(0, bold)
            item.setToolTip(1, profile.describe())
            item.setToolTip(2, senders)
            self.list.addTopLevelItem(item)
        ids = [p.id for p in self._profiles]
        if ids:
            self.select(current if current in ids else default if default in ids else ids[0])
        self._update_buttons()
        self._ask_keyring()

    def _default_id(self) -> str:
        preferred = self._context.settings.get(settings.DEFAULT_PROFILE)
        ids = [p.id for p in self._profiles]
        return preferred if preferred in ids else (ids[0] if ids else "")

    def _ask_keyring(self) -> None:
        wanted = [p.id for p in self._profiles if not p.sandbox]
        if not wanted:
            return
        if self._probe is not None and not self._probe.done:
            self._probe.discard()
        secrets = self._context.secrets

        def probe() -> dict[str, str]:
            found = {}
            for id in wanted:
                if secrets.is_session_only(id):
                    found[id] = SESSION_ONLY
                else:
                    found[id] = STORED if secrets.has(id) else NOT_STORED
            return found

        self._probe = run_task(probe, self._secrets_known, self._keyring_failed, parent=self)

    def _secrets_known(self, found: dict[str, str]) -> None:
        self._secrets = found
        self._show_secrets()

    def _keyring_failed(self, error: BaseException) -> None:
        if not isinstance(error, KeyringUnavailable):
            log.error("Reading the keyring failed", exc_info=error)
            return
        self._secrets = {p.id: UNREADABLE for p in self._profiles if not p.sandbox}
        self._show_secrets()
        self._show_banner(
            translate("AccountsPane", "The keyring cannot be read ({backend}). {reason}").format(
                backend=error.backend, reason=error
            )
        )

    def _show_secrets(self) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is None:
                continue
            id = str(item.data(0, ID_ROLE))
            if id in self._secrets:
                item.setText(3, secret_text(self._secrets[id]))
                item.setData(0, _SECRET_ROLE, self._secrets[id])
                if self._secrets[id] != STORED:
                    # Only what needs attention stands out.
                    item.setForeground(3, lists.tone_color(self.palette(), Tone.WAIT))

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        lists.paint(self.banner, Tone.BAD)
        self.banner.setVisible(True)

    def secret_state(self, profile_id: str) -> str:
        """What the list knows of a profile's secret (``STORED``...; words: ``secret_text``)."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == profile_id:
                return str(item.data(0, _SECRET_ROLE))
        return ""

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def current(self) -> Profile | None:
        """The selected profile."""
        id = self.current_id()
        return next((p for p in self._profiles if p.id == id), None)

    def select(self, profile_id: str) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == profile_id:
                self.list.setCurrentItem(item)
                return

    def _update_buttons(self, *_: object) -> None:
        profile = self.current()
        for button in (self.edit_button, self.remove_button, self.test_button):
            button.setEnabled(profile is not None)
        busy = self.tester.running()
        self.test_button.setEnabled(profile is not None and not busy)

    def _say(self, text: str, tone: Tone | None) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        lists.paint(self.notice, tone)

    # -- the actions -------------------------------------------------------------------------

    def add_account(self) -> AccountDialog:
        """Open the dialog for a new account (the welcome banner calls this)."""
        return self._open_dialog(None)

    def edit_account(self) -> AccountDialog | None:
        """Open the dialog for the selected account."""
        profile = self.current()
        return self._open_dialog(profile) if profile is not None else None

    def _open_dialog(self, profile: Profile | None) -> AccountDialog:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = AccountDialog(self._context, profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _saved(self, profile: Profile) -> None:
        self._say(translate("AccountsPane", "Saved “{name}”.").format(name=profile.name), None)
        self.refresh()
        self.select(profile.id)
        self.profiles_changed.emit()

    def remove_account(self) -> None:
        """Ask, then remove the selected account and its secret (in a worker)."""
        profile = self.current()
        if profile is None or (self._removing is not None and not self._removing.done):
            return
        detail = (
            translate(
                "AccountsPane",
                "The built-in test server can be added back by removing profiles.toml.",
            )
            if profile.sandbox
            else translate(
                "AccountsPane",
                "Its password or token is deleted from the keyring too. Messages in the "
                "outbox that use it cannot be sent until you choose another account for them.",
            )
        )
        lists.confirm(
            self,
            translate("AccountsPane", "Remove the account?"),
            translate("AccountsPane", "Remove the account “{name}”?").format(name=profile.name),
            translate("AccountsPane", "Remove"),
            lambda: self._remove(profile),
            informative=detail,
        )

    def _remove(self, profile: Profile) -> None:
        store = self._context.profiles
        self._say(translate("AccountsPane", "Removing “{name}”…").format(name=profile.name), None)
        self.remove_button.setEnabled(False)
        self._removing = run_task(
            lambda: store.remove(profile.id),
            self._removed,
            lambda error: self._remove_failed(profile, error),
            parent=self,
        )

    def _removed(self, profile: Profile) -> None:
        self._say(translate("AccountsPane", "Removed “{name}”.").format(name=profile.name), None)
        self._forget_default(profile.id)
        self.refresh()
        self.profiles_changed.emit()

    def _remove_failed(self, profile: Profile, error: BaseException) -> None:
        if isinstance(error, KeyringUnavailable):
            # The profile went; only its secret stayed behind.
            self._say(
                translate(
                    "AccountsPane",
                    "“{name}” was removed, but its password or token could not be deleted "
                    "from the keyring: {reason}",
                ).format(name=profile.name, reason=error),
                Tone.BAD,
            )
            self._forget_default(profile.id)
            self.refresh()
            self.profiles_changed.emit()
            return
        if isinstance(error, StorageError):
            self._say(str(error), Tone.BAD)
        else:
            log.error("Removing an account failed", exc_info=error)
            self._say(
                translate(
                    "AccountsPane",
                    "An internal problem stopped the removal; the details are in the log.",
                ),
                Tone.BAD,
            )
        self.refresh()

    def _forget_default(self, profile_id: str) -> None:
        prefs = self._context.settings
        if prefs.get(settings.DEFAULT_PROFILE) == profile_id:
            prefs.reset(settings.DEFAULT_PROFILE)
            self._save_settings()

    def _save_settings(self) -> bool:
        try:
            self._context.settings.save()
        except StorageError as exc:
            self._say(
                translate(
                    "AccountsPane", "The setting is used now but was not saved: {reason}"
                ).format(reason=exc),
                Tone.BAD,
            )
            return False
        return True

    def test_connection(self) -> None:
        """Test the selected account's connection stage by stage, in a worker."""
        profile = self.current()
        if profile is None or self.tester.running():
            return
        self._say("", None)
        self.tester.start(
            profile,
            translate("AccountsPane", "Connection test of “{name}”: {where}").format(
                name=profile.name, where=profile.describe()
            ),
            no_secret=(
                translate(
                    "AccountsPane",
                    "No API token is stored for “{name}”. Add it with Edit…, then test again.",
                )
                if profile.transport == "rest"
                else translate(
                    "AccountsPane",
                    "No password is stored for “{name}”. Add it with Edit…, then test again.",
                )
            ).format(name=profile.name),
        )
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.remove_account()
            return True
        return super().eventFilter(watched, event)
