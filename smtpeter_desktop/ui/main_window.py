"""The main window: a sidebar of panes, their stack, the menus, messages and the status bar.

    +-----------+-----------------------------------------------+
    | Compose   | [messages: sent, failed, undo, progress]      |
    | Outbox  2 | +-------------------------------------------+ |
    | Sent      | | the pane: compose (with its banners),     | |
    | Accounts  | | outbox, sent, accounts or settings        | |
    | Settings  | +-------------------------------------------+ |
    +-----------+-----------------------------------------------+
    | Sending as Ann Lee — Work (SMTPeter REST API)   Draft saved 14:02 |

The window is built in two steps so that it shows at once: ``MainWindow(home)`` makes only the
frame (sidebar, menus, an empty stack), and ``start()``, called by the session right after the
first frame is on screen, opens the app's data (the mailbox, profiles, keyring access, the
built-in sandbox on demand) on a worker thread and builds the pane the person sees; the
Outbox, Sent, Drafts, Accounts and Settings are built the first time they are shown.

This module holds the frame, the status bar and the window's public face; each job behind it
has a module of its own, which the methods here call:

    window_start     opening the data, building Compose
    window_panes     switching panes, building the others on first show
    window_profiles  senders from the profiles, the account in use, the welcome banner
    window_banners   banners over the compose pane
    window_tools     spell check, Send Later, signatures, templates
    window_settings  settings applied at once, the View menu, the window's state
    window_quit      asking before quitting, stopping a send, shutting down
    merge_hooks      the mail merge

Imports: what the frame needs is imported at the top. What only a started window uses is
imported where it is used (the ``window_*`` modules do the same), because it is not loaded by
the first frame otherwise and would delay it (measured warm on this machine): the panes'
modules ~300 ms (Markdown, Pygments, httpx, the checks), ``storage.settings`` ~10-18 ms
(tomllib), ``ui.messages`` ~13 ms, ``ui.draft_recovery`` ~28 ms (sqlite3), ``ui.crash``
~19 ms, ``ui.tasks`` and ``delivery.outcomes`` ~2-7 ms each.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as qt_version
from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop import APP_NAME, APP_SUMMARY, __version__
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import (
    menus,
    window_banners,
    window_panes,
    window_profiles,
    window_quit,
    window_settings,
    window_start,
    window_tools,
)
from smtpeter_desktop.ui.recovery import RunMarker
from smtpeter_desktop.ui.sidebar import PANES as PANES
from smtpeter_desktop.ui.sidebar import Sidebar, pane_label
from smtpeter_desktop.ui.window_quit import STOP_WAIT_MS as STOP_WAIT_MS

if TYPE_CHECKING:
    # Only in annotations: each Qt class costs PySide6 its enums when first imported, and
    # none of these is needed for the first frame.
    from PySide6.QtGui import QAction, QCloseEvent

    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.postman import Postman
    from smtpeter_desktop.storage.dictionary import PersonalDictionary
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.storage.settings import Settings
    from smtpeter_desktop.storage.signatures import SignatureStore

    from smtpeter_desktop.ui.accounts_pane import AccountsPane
    from smtpeter_desktop.ui.address_book import AddressBook
    from smtpeter_desktop.ui.check_panel import BeforeSendCheck
    from smtpeter_desktop.ui.compose_pane import ComposePane
    from smtpeter_desktop.ui.drafts import DraftKeeper, DraftsPane
    from smtpeter_desktop.ui.messages import Action, Level, MessageArea, MessageBar, Questions
    from smtpeter_desktop.ui.outbox_pane import OutboxPane
    from smtpeter_desktop.ui.send_flow import SendFlow
    from smtpeter_desktop.ui.send_later import LateMessages, SendLaterDialog
    from smtpeter_desktop.ui.send_worker import SendService
    from smtpeter_desktop.ui.sent_pane import SentPane
    from smtpeter_desktop.ui.settings_pane import SettingsPane
    from smtpeter_desktop.ui.signature_page import SignaturesPage

log = logging.getLogger(__name__)

WINDOW_STATE_FILE = "window.ini"


class MainWindow(QMainWindow):
    """The app's one window.

    Signals:
        ready(): ``start()`` opened the app's data and built the panes.
        start_failed(str): ``start()`` could not open the app's data; a banner says why.
        first_frame(float): the first frame was painted, at this ``time.time()``.

    Attributes:
        home: the app home.
        context, postman: the app's stores and the GUI thread's Postman (after ``start``).
        compose, keeper, service, flow: the compose pane, its draft keeper, the send thread
            and the send flow (after ``start``).
        outbox, sent, drafts, accounts, settings_pane: the other panes (after ``start``).
        message_area: where messages to the person are shown.
    """

    ready = Signal()
    start_failed = Signal(str)
    first_frame = Signal(float)
    # Made by ``menus.build``.
    new_action: QAction
    open_draft_action: QAction
    new_from_template_action: QAction
    save_template_action: QAction
    smtpeter_templates_action: QAction
    send_action: QAction
    check_action: QAction
    merge_action: QAction
    save_action: QAction
    undo_send_action: QAction
    print_action: QAction
    find_action: QAction
    cheat_sheet_action: QAction
    preview_action: QAction
    extras_action: QAction
    options_action: QAction
    needs_start: list[QAction]

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self._prefs: Settings | None = None
        self.context: AppContext | None = None
        self.postman: Postman | None = None
        self.compose: ComposePane | None = None
        self.keeper: DraftKeeper | None = None
        self.service: SendService | None = None
        self.flow: SendFlow | None = None
        self.before_send: BeforeSendCheck | None = None
        self.address_book: AddressBook | None = None
        # Built on first show (``window_panes``): ``outbox``, ``sent``, ``drafts``,
        # ``accounts``, ``settings_pane``.
        self._outbox: OutboxPane | None = None
        self._sending: set[int] = set()  # ids the send worker is sending now
        self._sent: SentPane | None = None
        self._drafts: DraftsPane | None = None
        self._accounts: AccountsPane | None = None
        self._settings_pane: SettingsPane | None = None
        self.late_messages: LateMessages | None = None
        self.send_later_dialog: SendLaterDialog | None = None
        self._dictionary: PersonalDictionary | None = None
        self._signatures: SignaturesPage | None = None
        self._signature_store: SignatureStore | None = None
        self._profiles: list[Profile] = []
        self._painted = False
        self._started = 0.0  # ``time.perf_counter()`` when ``start`` was called
        # When the data arrived from the worker: ``time.time()`` and the process's CPU time
        # (the start-up probe splits "ready" into opening the data and building the panes).
        self.data_arrived: tuple[float, float] | None = None
        self._quitting = ""  # "wait" or "stop" while closing waits for a send
        self._force_close = False  # a stopped send did not end in time: close regardless
        self._marker = RunMarker(home)
        self._rendering = {"preview": False, "build": False}
        self._closed = False
        self._banners: dict[str, MessageBar] = {}
        self._banner_area: QVBoxLayout | None = None  # over compose, once it is built
        self._questions: Questions | None = None
        self.message_area: MessageArea | None = None

        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._state = QSettings(str(home / WINDOW_STATE_FILE), QSettings.Format.IniFormat)
        self._build()
        menus.build(self)
        window_settings.restore_geometry(self)

    # Building the frame -------------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = Sidebar(self)
        self.sidebar.currentRowChanged.connect(self._on_section)
        self.stack = QStackedWidget(self)
        self._pages: dict[str, QWidget] = {}
        for key, _ in PANES:
            page = QWidget(self)
            page.setAccessibleName(pane_label(key))
            self._pages[key] = page
            self.stack.addWidget(page)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(6)
        right.addWidget(self.stack, 1)
        self._right = right

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 12, 12, 6)
        row.setSpacing(12)
        row.addWidget(self.sidebar)
        separator = QFrame(central)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Plain)
        separator.setEnabled(False)
        row.addWidget(separator)
        row.addLayout(right, 1)
        self.setCentralWidget(central)

        self.account_label = QLabel(self)
        self.account_label.setAccessibleName(translate("MainWindow", "Account in use"))
        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName(translate("MainWindow", "Draft status"))
        status = self.statusBar()
        status.addWidget(self.account_label, 1)
        status.addPermanentWidget(self.saved_label)
        self.sidebar.setCurrentRow(0)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_frame.emit(time.time())

    # Starting: after the first frame (``window_start``) ------------------------------------

    def start(self) -> None:
        """Open the app's data on a worker thread, then build the panes (``ready``), or say
        why it cannot (a banner, and ``start_failed``).

        Opening the data, and importing what the panes and a first send need (Markdown,
        Pygments, the transports: 150 ms), happens off the GUI thread, which stays idle and
        answers the person meanwhile.
        """
        window_start.start(self)

    @property
    def prefs(self) -> Settings:
        """The settings (``context.settings``), once started."""
        assert self._prefs is not None, "the window has not started"
        return self._prefs

    # Panes (``window_panes``) --------------------------------------------------------------

    @property
    def sent(self) -> SentPane | None:
        """The Sent pane, built on first use (None before ``start`` opened the data)."""
        return window_panes.sent(self)

    @property
    def outbox(self) -> OutboxPane | None:
        """The Outbox pane, built on first use (None before ``start`` opened the data); its
        badge in the sidebar is kept without it."""
        return window_panes.outbox(self)

    @property
    def drafts(self) -> DraftsPane | None:
        """The Drafts pane, built on first use (None before ``start`` opened the data)."""
        return window_panes.drafts(self)

    @property
    def accounts(self) -> AccountsPane | None:
        """The Accounts pane, built on first use (None before ``start`` opened the data)."""
        return window_panes.accounts(self)

    @property
    def settings_pane(self) -> SettingsPane | None:
        """The Settings pane, built on first use (None before ``start`` opened the data)."""
        return window_panes.settings_pane(self)

    @property
    def signatures(self) -> SignaturesPage | None:
        """Settings ▸ Signatures (built with the Settings pane; None before ``start``)."""
        return self._signatures if self.settings_pane is not None else None

    def show_pane(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.sidebar.row_of(key))

    def current_pane(self) -> str:
        return self.sidebar.key_at(self.sidebar.currentRow())

    def show_account(self, profile_id: str) -> None:
        """Accounts, with ``profile_id`` selected (not whichever was selected before)."""
        self.show_pane("accounts")
        if self.accounts is not None and profile_id:
            self.accounts.select(profile_id)

    def reveal(self, key: str, id: int) -> None:
        """Show the Outbox or Sent with message ``id`` selected."""
        window_panes.reveal(self, key, id)

    def _on_section(self, row: int) -> None:
        window_panes.on_section(self, row)

    # Profiles, senders and banners (``window_profiles``, ``window_banners``) ---------------

    @Slot()
    def load_profiles(self) -> None:
        """Offer every profile's senders (again: an account was added, changed or removed)."""
        window_profiles.load_profiles(self)

    def new_from_default(self) -> None:
        """An empty message from the default account's first sender."""
        window_profiles.new_from_default(self)

    def add_account(self) -> None:
        self.show_pane("accounts")
        if self.accounts is not None:
            self.accounts.add_account()

    def dismiss_welcome(self) -> None:
        window_profiles.dismiss_welcome(self)

    def _show_account(self, *_: object) -> None:
        window_profiles.show_account(self)

    def show_banner(
        self,
        key: str,
        level: Level,
        text: str,
        hint: str = "",
        actions: list[Action] | None = None,
        *,
        closable: bool = True,
    ) -> MessageBar:
        """Show a banner for ``key``, in place of the one shown for it before."""
        return window_banners.show_banner(self, key, level, text, hint, actions, closable=closable)

    def drop_banner(self, key: str) -> None:
        window_banners.drop_banner(self, key)

    def banner(self, key: str) -> MessageBar | None:
        """The banner shown for ``key`` ("welcome", "profiles", "start"), if any."""
        return self._banners.get(key)

    # Menu actions ---------------------------------------------------------------------------

    def new_message(self) -> None:
        if self.keeper is not None:
            self.keeper.new_message()
            self.show_pane("compose")
            assert self.compose is not None
            self.compose.focus_first_empty()

    def show_drafts(self) -> None:
        from smtpeter_desktop.ui.drafts import DraftsDialog

        if self.postman is None or self.keeper is None or self.flow is None:
            return
        self.keeper.save_now()
        dialog = DraftsDialog(self.postman, self.keeper.id, self)
        dialog.open_requested.connect(self.flow.open_draft)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def check_message(self) -> None:
        if self.before_send is not None:
            self.show_pane("compose")
            self.before_send.check()

    def open_merge(self) -> None:
        """File ▸ Mail Merge…: the compose message to each person on a list."""
        from smtpeter_desktop.ui import merge_hooks

        merge_hooks.open_merge(self)

    def send(self) -> None:
        if self.flow is not None:
            self.show_pane("compose")
            self.flow.send()

    def send_later(self) -> None:
        """Send Later…: pick a time; the message then waits in the Outbox until it."""
        window_tools.send_later(self)

    def save_draft(self) -> None:
        if self.keeper is None:
            return
        self.keeper.schedule()
        if self.keeper.save_now() is None:
            self.saved_label.setText(translate("MainWindow", "Nothing to save yet"))

    def edit_signatures(self) -> None:
        """Settings, on its Signatures page."""
        window_tools.edit_signatures(self)

    def save_as_template(self) -> None:
        """File ▸ Save as Template…: the message in compose, kept under a name."""
        window_tools.save_as_template(self)

    def new_from_template(self) -> None:
        """File ▸ New from Template…: the templates, to start a message, rename or delete."""
        window_tools.new_from_template(self)

    def smtpeter_templates(self) -> None:
        """File ▸ SMTPeter Templates…: the REST account's templates, shown and sent."""
        window_tools.smtpeter_templates(self)

    def _undo_send(self) -> None:
        if self.flow is not None:
            self.flow.undo_last()

    def _edit(self, method: str) -> None:
        widget = QApplication.focusWidget()
        call = getattr(widget, method, None)
        if callable(call):
            call()

    def _sync_edit_menu(self) -> None:
        self.undo_send_action.setEnabled(self.flow is not None and bool(self.flow.waiting()))

    def _sync_view_menu(self) -> None:
        window_settings.sync_view_menu(self)

    def _toggle_preview(self, checked: bool) -> None:
        window_settings.toggle_preview(self, checked)

    def _toggle_extras(self, checked: bool) -> None:
        if self.compose is not None:
            self.compose.set_extras_visible(bool(checked))

    def _toggle_options(self, checked: bool) -> None:
        if self.compose is not None:
            self.compose.set_options_visible(bool(checked))

    def show_about(self) -> None:
        import platform  # ~2 ms the first frame does without

        box = QMessageBox(self)
        box.setWindowTitle(translate("MainWindow", "About {app}").format(app=APP_NAME))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(f"<b>{APP_NAME}</b> {__version__}")
        box.setInformativeText(
            translate(
                "MainWindow", "{summary}.\n\nPython {python}, Qt {qt}.\nYour data: {home}"
            ).format(
                summary=APP_SUMMARY,
                python=platform.python_version(),
                qt=qt_version,
                home=self.home,
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.finished.connect(box.deleteLater)
        box.open()

    def open_log_folder(self) -> None:
        from smtpeter_desktop.ui import crash

        crash.open_folder(crash.log_folder(self.home))

    def bring_forward(self, _argv: list[str] | None = None) -> None:
        """Another start of the app asked this window to come forward."""
        log.info("Another start of the app asked this window to come forward")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # What the panes and the send thread say ------------------------------------------------

    def _apply_setting(self, name: str) -> None:
        window_settings.apply_setting(self, name)

    def _on_rescheduled(self, _id: int, at: float) -> None:
        window_tools.rescheduled(self, at)

    def _on_preview_busy(self, busy: bool) -> None:
        self._rendering["preview"] = busy
        self._marker.set_rendering(any(self._rendering.values()))

    def _on_building(self, building: bool) -> None:
        # Building a message renders it too, on the send thread, in this process.
        self._rendering["build"] = building
        self._marker.set_rendering(any(self._rendering.values()))

    def _on_pending(self, pending: bool) -> None:
        # Never "Draft saved" above words that are not saved yet; an empty message (a
        # sender chosen, nothing written) has nothing to save and says nothing.
        if pending and self.compose is not None and not self.compose.draft().is_empty:
            self.saved_label.setText(translate("MainWindow", "Not saved yet"))
        else:
            self.saved_label.setText("")

    def _on_saved(self, _id: int, when: float) -> None:
        self.saved_label.setText(
            translate("MainWindow", "Draft saved {time}").format(
                time=time.strftime("%H:%M", time.localtime(when))
            )
        )

    def _on_queued(self, _id: int, _not_before: float) -> None:
        self.saved_label.setText("")  # the draft became a message on its way

    def _on_send_started(self, id: int) -> None:
        self._sending.add(id)
        if self._outbox is not None:
            self._outbox.sending(id, True)

    def _on_send_ended(self, outcome: Any) -> None:
        self._sending.discard(outcome.message_id)
        if self._outbox is not None:
            self._outbox.sending(outcome.message_id, False)
        else:
            window_panes.outbox_changed(self)  # a message left the Outbox, or stays in it

    def _on_sent(self, _id: int) -> None:
        if self._sent is not None:
            self._sent.refresh()

    def _on_events_refreshed(self, id: int, error: str) -> None:
        if self._sent is not None:
            self._sent.events_refreshed(id, error or None)

    def _open_new_draft(self, draft: Draft) -> None:
        """Edit as New, Forward: keep ``draft`` as a new draft and open it for writing."""
        from smtpeter_desktop.ui import messages

        if self.postman is None or self.flow is None:
            return
        try:
            id = self.postman.save_draft(draft)
        except StorageError as exc:
            messages.error(
                translate("MainWindow", "The new draft could not be kept: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            return
        self.flow.open_draft(id, draft)

    # Closing (``window_quit``) -------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        window_quit.close_event(self, event)

    def stop_and_quit(self) -> None:
        """Quit now without sending: what is being prepared or waits goes back to the
        drafts, a send under way is cancelled; the window closes when that is done, and
        after ``STOP_WAIT_MS`` at the latest (SIGTERM, "Stop Sending and Quit")."""
        window_quit.stop_and_quit(self)

    def quit_when_idle(self) -> None:
        """Close once nothing is being sent any more, without asking (the smoke test)."""
        window_quit.quit_when_idle(self)

    def _on_idle(self) -> None:
        window_quit.on_idle(self)

    def _on_outcome_while_quitting(self, outcome: Any) -> None:
        window_quit.outcome_while_quitting(self, outcome)

    def shutdown(self) -> None:
        """Save everything and stop every thread; the window can then go."""
        window_quit.shutdown(self)
