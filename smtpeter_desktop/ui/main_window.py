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
built-in sandbox on demand) on a worker thread and builds the panes the person sees; Sent,
Drafts, Accounts and Settings are built the first time they are shown.

Imports: what the frame needs is imported at the top. What only a started window uses is
imported where it is used, because it is not loaded by the first frame otherwise and would
delay it (measured warm on this machine): the panes' modules ~300 ms (Markdown, Pygments,
httpx, the checks), ``storage.settings`` ~10-18 ms (tomllib), ``ui.messages`` ~13 ms,
``ui.draft_recovery`` ~28 ms (sqlite3), ``ui.crash`` ~19 ms, ``ui.tasks`` and
``delivery.outcomes`` ~2-7 ms each.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import __version__ as qt_version
from PySide6.QtCore import QSettings, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QPaintEvent,
)
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

from smtpeter_desktop.ui import appearance, menus
from smtpeter_desktop.ui.recovery import RunMarker
from smtpeter_desktop.ui.sidebar import PANES as PANES
from smtpeter_desktop.ui.sidebar import Sidebar, pane_label

if TYPE_CHECKING:
    # Only in annotations: each Qt class costs PySide6 its enums when first imported, and
    # none of these is needed for the first frame.
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QAbstractButton

    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.postman import Postman
    from smtpeter_desktop.storage.dictionary import PersonalDictionary
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.storage.settings import Option, Settings
    from smtpeter_desktop.storage.signatures import SignatureStore

    from smtpeter_desktop.ui.accounts_pane import AccountsPane
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
_BUILT_ON_SHOW = {
    "sent": "sent",
    "drafts": "drafts",
    "accounts": "accounts",
    "settings": "settings_pane",
}
"""The panes built the first time they are shown, and the attribute that builds each."""
STOP_WAIT_MS = 2000
"""After "Stop Sending and Quit" (or SIGTERM) the window waits this long for the cancelled
send to end (a cancel closes its socket), then closes all the same."""


def _open_data(home: Path) -> tuple[AppContext, list[int]]:
    """On a worker thread: the app's data (recovered from a crash), and the modules the panes
    and a first send need, imported here rather than on the GUI thread."""
    import smtpeter_desktop.compose.addresses
    import smtpeter_desktop.compose.checks
    import smtpeter_desktop.delivery.postman  # noqa: F401
    from smtpeter_desktop.delivery.context import AppContext

    context = AppContext.open(home)
    try:
        return context, context.recover()
    except BaseException:
        context.close()
        raise


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
        self.outbox: OutboxPane | None = None
        # Built on first show (see "Panes built on first show"): ``sent``, ``drafts``,
        # ``accounts``, ``settings_pane``.
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
        self._quitting = ""  # "wait" or "stop" while closing waits for a send
        self._force_close = False  # a stopped send did not end in time: close regardless
        self._marker = RunMarker(home)
        self._rendering = {"preview": False, "build": False}
        self._closed = False
        self._banners: dict[str, MessageBar] = {}
        self._questions: Questions | None = None
        self.message_area: MessageArea | None = None

        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._state = QSettings(str(home / WINDOW_STATE_FILE), QSettings.Format.IniFormat)
        self._build()
        menus.build(self)
        self._restore_geometry()

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

    def _restore_geometry(self) -> None:
        geometry = self._state.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            state = self._state.value("window/state")
            if state is not None:
                self.restoreState(state)
            return
        available = QApplication.primaryScreen().availableGeometry()
        self.resize(
            min(1200, int(available.width() * 0.9)), min(800, int(available.height() * 0.9))
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_frame.emit(time.time())

    # Starting: after the first frame --------------------------------------------------------

    def start(self) -> None:
        """Open the app's data on a worker thread, then build the panes (``ready``), or say
        why it cannot (a banner, and ``start_failed``).

        Opening the data, and importing what the panes and a first send need (Markdown,
        Pygments, the transports: 150 ms), happens off the GUI thread, which stays idle and
        answers the person meanwhile.
        """
        from smtpeter_desktop.ui import tasks

        self._started = time.perf_counter()
        home = self.home
        tasks.run_task(lambda: _open_data(home), self._on_data, self._on_data_failed, parent=self)

    def _show_messages(self) -> None:
        """Messages said so far waited in the bridge; from now on they show here."""
        from smtpeter_desktop.ui import messages
        from smtpeter_desktop.ui.messages import MessageArea

        if self.message_area is None:
            self.message_area = MessageArea(self)
            self._right.insertWidget(0, self.message_area)
            messages.bridge.listen(self.message_area.show_message, self.message_area.withdraw)

    def _on_data_failed(self, exc: BaseException) -> None:
        from smtpeter_desktop.ui.messages import Level

        self._show_messages()
        if isinstance(exc, StorageError):
            message, hint = exc.message, exc.hint
            log.error("Start failed: %s", exc)
        else:
            message = translate("MainWindow", "an unexpected problem.")
            hint = translate("MainWindow", "The details are in the log.")
            log.error("Start failed", exc_info=exc)
        text = translate("MainWindow", "SMTPeter Desktop cannot open its data: {reason}")
        self.show_banner("start", Level.ERROR, text.format(reason=message), hint)
        self.start_failed.emit(message)

    def _on_data(self, data: tuple[AppContext, list[int]]) -> None:
        from smtpeter_desktop.ui import messages, tasks

        if self._closed:
            data[0].close()
            return
        self._show_messages()
        self.context, recovered = data
        # The GUI thread's: reads, and quick changes that fail at once rather than wait
        # for another process's write (the send worker does the long writes).
        self.postman = self.context.postman(fail_fast=True)
        last_run = self._marker.previous()
        self._marker.begin()
        self._build_panes(self.context, self.postman)
        self._report_settings_problems()
        self.load_profiles()
        from smtpeter_desktop.ui import draft_recovery

        draft_recovery.reopen(self, last_run)
        self._restore_compose_state()
        if self.compose is not None:
            self.compose.focus_first_empty()
        for action in self.needs_start:
            action.setEnabled(True)
        if recovered:
            count = len(recovered)
            if count == 1:
                text = translate(
                    "MainWindow",
                    "SMTPeter Desktop stopped while sending 1 message; "
                    "it may or may not have gone out.",
                )
            else:
                text = translate(
                    "MainWindow",
                    "SMTPeter Desktop stopped while sending %n messages; "
                    "they may or may not have gone out.",
                    n=count,
                )
            messages.warning(
                text,
                translate("MainWindow", "Look in the Outbox and decide for each one."),
                actions=[
                    messages.Action(
                        translate("MainWindow", "Open &Outbox"), lambda: self.show_pane("outbox")
                    )
                ],
            )
        assert self.flow is not None
        self.flow.start_retries()
        from smtpeter_desktop.ui import merge_hooks

        merge_hooks.offer_resume(self)
        self._start_late_messages()
        log.info(
            "Started in %.0f ms after the first frame", (time.perf_counter() - self._started) * 1e3
        )
        self.ready.emit()
        from smtpeter_desktop.delivery.context import load_transports

        tasks.run_task(load_transports, lambda _: None, parent=self)

    def _build_panes(self, context: AppContext, postman: Postman) -> None:
        from smtpeter_desktop.storage import settings

        from smtpeter_desktop.ui.check_panel import BeforeSendCheck
        from smtpeter_desktop.ui.compose_pane import ComposePane
        from smtpeter_desktop.ui.drafts import DraftKeeper
        from smtpeter_desktop.ui.messages import MessageArea
        from smtpeter_desktop.ui.outbox_pane import OutboxPane
        from smtpeter_desktop.ui.send_flow import SendFlow
        from smtpeter_desktop.ui.send_worker import SendService

        prefs = context.settings
        self._prefs = prefs
        self.compose = ComposePane(self)
        self.compose.set_editor_font(
            prefs.get(settings.EDITOR_FONT_FAMILY), prefs.get(settings.EDITOR_FONT_SIZE)
        )
        # Before the first render: a crash inside any render must find the marker saying so.
        self.compose.preview.busy_changed.connect(self._on_preview_busy)
        self.compose.set_enabled_preview(prefs.get(settings.PREVIEW))
        self.compose.sender_box.currentIndexChanged.connect(self._show_account)
        self.keeper = DraftKeeper(self.compose, postman, self)
        self.keeper.saved.connect(self._on_saved)
        self.keeper.pending_changed.connect(self._on_pending)
        self.keeper.id_changed.connect(self._marker.set_draft)
        self.service = SendService(context, parent=self)
        self.flow = SendFlow(
            context=context,
            pane=self.compose,
            keeper=self.keeper,
            service=self.service,
            postman=postman,
            area=self.message_area or MessageArea(self),
            window=self,
            parent=self,
        )
        self.flow.show_pane.connect(self.show_pane)
        self.before_send = BeforeSendCheck(context, self.compose, self)
        self.flow.pre_check = self.before_send.check_for_send
        self.flow.reveal.connect(self.reveal)
        self.flow.show_account.connect(self.show_account)
        self.flow.idle.connect(self._on_idle)
        self.flow.preparing_changed.connect(self._on_building)
        self.service.finished.connect(self._on_outcome_while_quitting)
        self.service.queued.connect(self._on_queued)

        self.outbox = OutboxPane(context, postman, self)
        self.outbox.send_requested.connect(self.flow.send_queued)
        self.outbox.edit_requested.connect(self.flow.open_draft)
        self.outbox.count_changed.connect(lambda n: self.sidebar.set_badge("outbox", n))
        self.service.started.connect(self._on_send_started)
        self.service.finished.connect(self._on_send_ended)
        self.service.events_refreshed.connect(self._on_events_refreshed)
        self.flow.sent.connect(self._on_sent)
        self.flow.outbox_changed.connect(self.outbox.refresh)
        # Address completion: sent mail's recipients and the senders, read off this thread.
        from smtpeter_desktop.ui.address_book import AddressBook

        self.address_book = AddressBook(context, self.compose, self)
        self.flow.sent.connect(lambda _id: self.address_book.reload())
        self._hook_spelling_and_send_later(prefs)
        self._build_signatures(context)

        compose_page = QWidget(self)
        column = QVBoxLayout(compose_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self._banner_area = QVBoxLayout()
        self._banner_area.setSpacing(6)
        column.addLayout(self._banner_area)
        column.addWidget(self.compose, 1)
        self._install("compose", compose_page)
        self._install("outbox", self.outbox)
        # The Outbox read itself when it was made, before its count was connected.
        self.sidebar.set_badge("outbox", self.outbox.count())
        self._on_section(self.sidebar.currentRow())  # a pane chosen while the data opened

    def _install(self, key: str, widget: QWidget) -> None:
        """Put ``widget`` in the stack in place of pane ``key``'s empty page."""
        old = self._pages[key]
        index = self.stack.indexOf(old)
        self.stack.insertWidget(index, widget)
        if self.stack.currentWidget() is old:
            self.stack.setCurrentWidget(widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        widget.setAccessibleName(pane_label(key))
        self._pages[key] = widget

    # Panes built on first show --------------------------------------------------------------
    # Sent, Drafts, Accounts and Settings are built the first time they are shown or asked
    # for, not at start: "ready" then waits only for the panes the person sees. Their
    # modules are imported there: ~45 ms of start-up (most of it the Accounts pane's
    # connection test and account dialog).

    @property
    def sent(self) -> SentPane | None:
        """The Sent pane (None before ``start`` opened the data)."""
        if self._sent is None and self.flow is not None and self.service is not None:
            from smtpeter_desktop.ui.sent_pane import SentPane

            assert self.context is not None and self.postman is not None
            self._sent = SentPane(self.context, self.postman, self)
            self._sent.refresh_events_requested.connect(self.service.refresh_events)
            self._sent.new_draft_requested.connect(self._open_new_draft)
            self._sent.resend_queued.connect(self.flow.send_queued)
            self._install("sent", self._sent)
            self._sent.refresh()
        return self._sent

    @property
    def drafts(self) -> DraftsPane | None:
        """The Drafts pane (None before ``start`` opened the data)."""
        if self._drafts is None and self.flow is not None and self.postman is not None:
            from smtpeter_desktop.ui.drafts import DraftsPane

            self._drafts = DraftsPane(self.postman, self)
            self._drafts.open_requested.connect(self.flow.open_draft)
            self._install("drafts", self._drafts)
        return self._drafts

    @property
    def accounts(self) -> AccountsPane | None:
        """The Accounts pane (None before ``start`` opened the data)."""
        if self._accounts is None and self.flow is not None and self.context is not None:
            from smtpeter_desktop.ui.accounts_pane import AccountsPane

            self._accounts = AccountsPane(self.context, self)
            self._accounts.profiles_changed.connect(self.load_profiles)
            self._install("accounts", self._accounts)
        return self._accounts

    @property
    def settings_pane(self) -> SettingsPane | None:
        """The Settings pane (None before ``start`` opened the data)."""
        if self._settings_pane is None and self.flow is not None and self._prefs is not None:
            from smtpeter_desktop.ui.settings_pane import SettingsPane

            self._settings_pane = SettingsPane(self._prefs, self)
            self._settings_pane.set_profiles(self._profiles)
            self._settings_pane.changed.connect(self._apply_setting)
            self._add_signatures_page(self._settings_pane)
            self._install("settings", self._settings_pane)
        return self._settings_pane

    # Spell check and Send Later (issue 16) -------------------------------------------------

    def _hook_spelling_and_send_later(self, prefs: Settings) -> None:
        from smtpeter_desktop.storage import dictionary

        assert self.compose is not None
        self._dictionary = dictionary.PersonalDictionary(self.home / dictionary.FILE_NAME)
        self._configure_spelling()
        self.compose.send_later_requested.connect(self.send_later)
        if self.outbox is not None:
            self.outbox.rescheduled.connect(self._on_rescheduled)

    def _on_rescheduled(self, _id: int, at: float) -> None:
        # Sent at its new time, not at the next 30 s look (further ahead, that look finds it).
        if self.flow is not None and at - time.time() < 86_400:
            self.flow.due_at(at)

    def _configure_spelling(self) -> None:
        from smtpeter_desktop.storage import settings

        if self.compose is not None:
            self.compose.spelling.configure(
                self.prefs.get(settings.SPELL_CHECK),
                self.prefs.get(settings.SPELL_LANGUAGE),
                self._dictionary,
            )

    def _start_late_messages(self) -> None:
        from smtpeter_desktop.ui.send_later import LateMessages

        assert self.postman is not None and self.flow is not None
        self.late_messages = LateMessages(self.postman, self.prefs, self)
        self.late_messages.send_now.connect(self.flow.send_due)
        self.late_messages.show_outbox.connect(lambda: self.show_pane("outbox"))
        self.late_messages.start()

    def send_later(self) -> None:
        """Send Later…: pick a time; the message then waits in the Outbox until it."""
        from smtpeter_desktop.ui.send_later import SendLaterDialog

        if self.flow is None or self.compose is None or self.compose.is_busy():
            return
        dialog = SendLaterDialog(self)
        flow = self.flow
        dialog.accepted.connect(lambda: flow.send(at=dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        self.send_later_dialog = dialog
        dialog.open()

    def _build_signatures(self, context: AppContext) -> None:
        """The compose pane's signature from the signatures file; Settings ▸ Signatures edits
        the same file, and is built with the Settings pane (see ``_add_signatures_page``)."""
        from smtpeter_desktop.storage.signatures import FILE_NAME, SignatureStore

        assert self.compose is not None
        self._signature_store = SignatureStore(context.home / FILE_NAME)
        self.compose.signature_button.set_store(self._signature_store)
        self.compose.signature_button.edit_requested.connect(self.edit_signatures)

    def _add_signatures_page(self, pane: SettingsPane) -> None:
        from smtpeter_desktop.ui.signature_page import SignaturesPage

        assert self._signature_store is not None
        self._signatures = SignaturesPage(self._signature_store, self)
        self._signatures.set_profiles(self._profiles)
        pane.add_page(self._signatures, translate("MainWindow", "Signatures"))

    @property
    def signatures(self) -> SignaturesPage | None:
        """Settings ▸ Signatures (built with the Settings pane; None before ``start``)."""
        return self._signatures if self.settings_pane is not None else None

    def edit_signatures(self) -> None:
        """Settings, on its Signatures page."""
        if self.settings_pane is not None and self.signatures is not None:
            self.show_pane("settings")
            self.settings_pane.show_page(self.signatures)

    def save_as_template(self) -> None:
        """File ▸ Save as Template…: the message in compose, kept under a name."""
        from smtpeter_desktop.ui.template_dialogs import save_as_template

        if self.compose is not None and self.postman is not None:
            save_as_template(self, self.postman, self.compose.draft())

    def new_from_template(self) -> None:
        """File ▸ New from Template…: the templates, to start a message, rename or delete."""
        from smtpeter_desktop.ui.template_dialogs import TemplatesDialog

        if self.postman is None or self.flow is None or self.keeper is None:
            return
        self.keeper.save_now()
        dialog = TemplatesDialog(self.postman, self)
        dialog.open_requested.connect(self.flow.open_draft)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def smtpeter_templates(self) -> None:
        """File ▸ SMTPeter Templates…: the REST account's templates, shown and sent."""
        from smtpeter_desktop.ui.template_remote import SmtpeterTemplatesDialog

        if self.context is None:
            return
        dialog = SmtpeterTemplatesDialog(self.context, self._profiles, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # Profiles and senders -----------------------------------------------------------------

    @Slot()
    def load_profiles(self) -> None:
        """Offer every profile's senders (again: an account was added, changed or removed)."""
        from smtpeter_desktop.storage.errors import ProfileFileError

        from smtpeter_desktop.ui import messages
        from smtpeter_desktop.ui.sender_box import SenderChoice

        assert self.context is not None and self.compose is not None
        try:
            profiles = self.context.profiles.load()
        except ProfileFileError as exc:
            profiles = []
            path = exc.path
            self.show_banner(
                "profiles",
                messages.Level.ERROR,
                translate("MainWindow", "Your accounts could not be read: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
                [
                    messages.Action(
                        translate("MainWindow", "&Open the File"), lambda: self._open_file(path)
                    ),
                    messages.Action(translate("MainWindow", "&Read It Again"), self.load_profiles),
                ],
            )
        else:
            self.drop_banner("profiles")
        self._profiles = profiles
        choices = [
            SenderChoice(
                profile.id,
                profile.name,
                profile.transport,
                profile.sandbox,
                identity.name,
                identity.address,
                identity.reply_to,
            )
            for profile in profiles
            for identity in profile.identities
        ]
        self.compose.set_senders(choices, {p.id: p.options for p in profiles})
        if self._settings_pane is not None:
            self._settings_pane.set_profiles(profiles)
        if self._signatures is not None:
            self._signatures.set_profiles(profiles)
        self._update_welcome()
        self._show_account()

    def new_from_default(self) -> None:
        """An empty message from the default account's first sender."""
        from smtpeter_desktop.storage import settings

        assert self.compose is not None
        wanted = self.prefs.get(settings.DEFAULT_PROFILE)
        profile = next((p for p in self._profiles if p.id == wanted), None)
        if profile is None and self._profiles:
            profile = self._profiles[0]
        if profile is not None and profile.identities:
            self.compose.sender_box.select(profile.id, profile.identities[0].address)
        self.compose.clear()

    def _update_welcome(self) -> None:
        from smtpeter_desktop.storage import settings

        from smtpeter_desktop.ui import messages

        if self.prefs.get(settings.WELCOME_DISMISSED) or any(not p.sandbox for p in self._profiles):
            self.drop_banner("welcome")
            return
        if not any(p.sandbox for p in self._profiles) or "welcome" in self._banners:
            return
        self.show_banner(
            "welcome",
            messages.Level.INFO,
            translate(
                "MainWindow",
                "You're trying SMTPeter Desktop with the built-in sandbox: messages stay on "
                "this computer, and you can see exactly what would have gone out.",
            ),
            "",
            [
                messages.Action(
                    translate("MainWindow", "Add &Your SMTPeter Account"),
                    self.add_account,
                    primary=True,
                ),
                messages.Action(translate("MainWindow", "&Dismiss"), self.dismiss_welcome),
            ],
            closable=False,
        )

    def add_account(self) -> None:
        self.show_pane("accounts")
        if self.accounts is not None:
            self.accounts.add_account()

    def dismiss_welcome(self) -> None:
        from smtpeter_desktop.storage import settings

        self.drop_banner("welcome")
        self._save_setting(settings.WELCOME_DISMISSED, True)

    def _show_account(self, *_: object) -> None:
        choice = self.compose.sender_choice() if self.compose is not None else None
        if choice is None:
            self.account_label.setText(
                translate("MainWindow", "No account chosen")
                if self._profiles
                else translate("MainWindow", "No accounts")
            )
        else:
            self.account_label.setText(
                translate("MainWindow", "Account: {account}").format(account=choice.profile_label)
            )

    # Banners over the compose pane --------------------------------------------------------

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
        from smtpeter_desktop.ui.messages import Level, MessageBar

        self.drop_banner(key)
        bar = MessageBar(level, f"{text} {hint}".strip(), self, closable=closable)
        bar.setAccessibleDescription(key)
        for action in actions or []:
            bar.add_action(action.label, action.callback, primary=action.primary)
        bar.closed.connect(lambda: self._banners.pop(key, None))
        self._banners[key] = bar
        area = getattr(self, "_banner_area", None)
        if area is not None:
            area.addWidget(bar)
            bar.show()
        elif self.message_area is not None:
            self.message_area.add_bar(bar)
        log.log(logging.ERROR if level is Level.ERROR else logging.INFO, "%s %s", text, hint)
        return bar

    def drop_banner(self, key: str) -> None:
        bar = self._banners.pop(key, None)
        if bar is not None:
            bar.dismiss(quiet=True)

    def banner(self, key: str) -> MessageBar | None:
        """The banner shown for ``key`` ("welcome", "profiles", "start"), if any."""
        return self._banners.get(key)

    # Actions -------------------------------------------------------------------------------

    def show_pane(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.sidebar.row_of(key))

    def show_account(self, profile_id: str) -> None:
        """Accounts, with ``profile_id`` selected (not whichever was selected before)."""
        self.show_pane("accounts")
        if self.accounts is not None and profile_id:
            self.accounts.select(profile_id)

    def reveal(self, key: str, id: int) -> None:
        """Show the Outbox or Sent with message ``id`` selected."""
        self.show_pane(key)
        pane = self.sent if key == "sent" else self.outbox
        if pane is not None:
            pane.refresh()
            pane.select(id)

    def current_pane(self) -> str:
        return self.sidebar.key_at(self.sidebar.currentRow())

    def _on_section(self, row: int) -> None:
        if row < 0:
            return
        key = self.sidebar.key_at(row)
        page = self._pages[key]
        if key in _BUILT_ON_SHOW:
            getattr(self, _BUILT_ON_SHOW[key])  # built, and filled, the first time
        self.stack.setCurrentIndex(row)
        if key == "outbox" and self.outbox is not None:
            self.outbox.refresh()
        if key == "sent" and self._sent is not None and self._sent is page:
            self._sent.refresh()  # not when it was built just now: it is fresh
        if key == "drafts" and self.keeper is not None and self._drafts is not None:
            self.keeper.save_now()
            self._drafts.show_drafts(self.keeper.id)
        if key == "compose" and self.compose is not None:
            self.compose.focus_first_empty()

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

    def save_draft(self) -> None:
        if self.keeper is None:
            return
        self.keeper.schedule()
        if self.keeper.save_now() is None:
            self.saved_label.setText(translate("MainWindow", "Nothing to save yet"))

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
        from smtpeter_desktop.storage import settings

        if self.compose is None:
            return
        self.preview_action.setChecked(self.prefs.get(settings.PREVIEW))
        self.extras_action.setChecked(self.compose.extras_visible())
        self.options_action.setChecked(self.compose.options_visible())

    def _toggle_preview(self, checked: bool) -> None:
        from smtpeter_desktop.storage import settings

        self._save_setting(settings.PREVIEW, bool(checked))
        self._apply_setting(settings.PREVIEW.name)
        if self._settings_pane is not None:
            self._settings_pane.load()

    def _toggle_extras(self, checked: bool) -> None:
        if self.compose is not None:
            self.compose.set_extras_visible(bool(checked))

    def _toggle_options(self, checked: bool) -> None:
        if self.compose is not None:
            self.compose.set_options_visible(bool(checked))

    def _apply_setting(self, name: str) -> None:
        from smtpeter_desktop.storage import settings

        app = QApplication.instance()
        if name == settings.THEME.name and isinstance(app, QApplication):
            appearance.apply_theme(app, self.prefs.get(settings.THEME))
        elif self.compose is None:
            return
        elif name == settings.DEFAULT_PROFILE.name and self._accounts is not None:
            self._accounts.refresh()  # its list marks the default
        elif name == settings.PREVIEW.name:
            self.compose.set_enabled_preview(self.prefs.get(settings.PREVIEW))
        elif name in (settings.SPELL_CHECK.name, settings.SPELL_LANGUAGE.name):
            self._configure_spelling()
        elif name == settings.LATE_SEND_LIMIT_HOURS.name:
            if self.late_messages is not None:
                self.late_messages.look()
            if self.outbox is not None:
                self.outbox.refresh()
        elif name in (settings.EDITOR_FONT_FAMILY.name, settings.EDITOR_FONT_SIZE.name):
            self.compose.set_editor_font(
                self.prefs.get(settings.EDITOR_FONT_FAMILY),
                self.prefs.get(settings.EDITOR_FONT_SIZE),
            )

    def _save_setting(self, option: Option[Any], value: Any) -> None:
        try:
            self.prefs.set(option, value)
            self.prefs.save()
        except StorageError as exc:
            log.warning("The setting %s was not saved: %s", option.name, exc)

    def _report_settings_problems(self) -> None:
        from smtpeter_desktop.ui import messages

        for problem in self.prefs.problems:
            messages.warning(
                translate("MainWindow", "A mistake in your settings file: {reason}").format(
                    reason=problem.message
                ),
                problem.hint
                or translate("MainWindow", "The default is used instead; see Settings."),
            )

    def _on_send_started(self, id: int) -> None:
        if self.outbox is not None:
            self.outbox.sending(id, True)

    def _on_send_ended(self, outcome: Any) -> None:
        if self.outbox is not None:
            self.outbox.sending(outcome.message_id, False)

    def _on_sent(self, _id: int) -> None:
        if self._sent is not None:
            self._sent.refresh()

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

    def _on_events_refreshed(self, id: int, error: str) -> None:
        if self._sent is not None:
            self._sent.events_refreshed(id, error or None)

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

    def _open_file(self, path: Path) -> None:
        from smtpeter_desktop.ui import messages

        messages.open_externally(QUrl.fromLocalFile(str(path)), path.name)

    @property
    def prefs(self) -> Settings:
        """The settings (``context.settings``), once started."""
        assert self._prefs is not None, "the window has not started"
        return self._prefs

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

    # Window state ------------------------------------------------------------------------

    def _restore_compose_state(self) -> None:
        from smtpeter_desktop.storage import settings

        if self.compose is None:
            return
        splitter = self._state.value("compose/splitter")
        if splitter is not None:
            self.compose.splitter().restoreState(splitter)
        if self.prefs.get(settings.SHOW_CC_BCC):
            self.compose.set_extras_visible(True)
        self.compose.set_options_visible(self.prefs.get(settings.SHOW_OPTIONS))

    def _save_state(self) -> None:
        from smtpeter_desktop.storage import settings

        self._state.setValue("window/geometry", self.saveGeometry())
        self._state.setValue("window/state", self.saveState())
        if self.compose is not None:
            self._state.setValue("compose/splitter", self.compose.splitter().saveState())
            self.prefs.set(settings.SHOW_CC_BCC, self.compose.extras_visible())
            self._save_setting(settings.SHOW_OPTIONS, self.compose.options_visible())
        self._state.sync()

    # Closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        if self.flow is not None and self.flow.has_work() and not self._force_close:
            event.ignore()
            if not self._quitting:
                self._ask_before_quitting()
            return
        self.shutdown()
        event.accept()

    def _ask_before_quitting(self) -> None:
        from smtpeter_desktop.ui import messages

        if self._questions is None:
            self._questions = messages.Questions(self)
        assert self.flow is not None
        if self.flow.waiting():
            details = translate(
                "MainWindow",
                "Wait, and SMTPeter Desktop closes once it has gone. Or stop sending and quit "
                "now: the message stays a draft.",
            )
        else:
            details = translate(
                "MainWindow",
                "Wait, and SMTPeter Desktop closes once it has gone. Or stop sending and quit "
                "now: the message stays in the Outbox, and nothing is lost.",
            )
        box = messages.question_box(
            self,
            translate("MainWindow", "A message is being sent"),
            translate("MainWindow", "A message is being sent."),
            details,
        )
        wait = box.addButton(translate("MainWindow", "Wait"), QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton(
            translate("MainWindow", "Stop Sending and Quit"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.setDefaultButton(wait)
        box.setEscapeButton(wait)

        def answered(clicked: QAbstractButton | None) -> None:
            assert self.flow is not None
            if clicked is stop:
                self.stop_and_quit()
                return
            if clicked is wait:
                self._quitting = "wait"
                self.flow.send_waiting_now()
                messages.info(
                    translate(
                        "MainWindow", "SMTPeter Desktop closes when the message has been sent."
                    ),
                    key="quitting",
                )
            self._on_idle()

        self._questions.ask(box, answered)

    def stop_and_quit(self) -> None:
        """Quit now without sending: what is being prepared or waits goes back to the
        drafts, a send under way is cancelled; the window closes when that is done, and
        after ``STOP_WAIT_MS`` at the latest (SIGTERM, "Stop Sending and Quit")."""

        if self.flow is None or not self.flow.has_work():
            self._close_soon()
            return
        if self._quitting != "stop":
            self._quitting = "stop"
            self.flow.stop_all()
            QTimer.singleShot(STOP_WAIT_MS, self._close_now)
        self._on_idle()

    def _close_now(self) -> None:
        if not self._closed:
            log.warning("Closing while a send still runs: it was cancelled and did not end")
            self._force_close = True
            self.close()

    def quit_when_idle(self) -> None:
        """Close once nothing is being sent any more, without asking (the smoke test)."""
        self._quitting = "stop"
        self._on_idle()
        if self.flow is None or not self.flow.has_work():
            self._close_soon()

    def _on_idle(self) -> None:
        if self._quitting and self.flow is not None and not self.flow.has_work():
            self._close_soon()

    def _close_soon(self) -> None:
        QTimer.singleShot(0, self.close)

    def _on_outcome_while_quitting(self, outcome: Any) -> None:
        from smtpeter_desktop.delivery.outcomes import Result

        from smtpeter_desktop.ui import messages

        if self._quitting == "wait" and outcome.result not in (Result.SENT, Result.SKIPPED):
            # The person waited for it to go; it did not: stay open and let them see why.
            self._quitting = ""
            messages.info(
                translate(
                    "MainWindow", "SMTPeter Desktop stayed open because the message was not sent."
                ),
                key="quitting",
            )

    def shutdown(self) -> None:
        """Save everything and stop every thread; the window can then go."""
        if self._closed:
            return
        self._closed = True
        self._save_state()
        if self.keeper is not None:
            self.keeper.save_now()
        if self.flow is not None:
            self.flow.stop_retries()
        if self.compose is not None:
            self.compose.shutdown()
        from smtpeter_desktop.ui import merge_hooks

        merge_hooks.shutdown(self)  # before the app's data closes: its row ends first
        if self.service is not None:
            # After a stop, the cancelled send has had its time; don't hang on it.
            self.service.shutdown(STOP_WAIT_MS if self._quitting == "stop" else 30_000)
        if self.flow is not None:
            self.flow.detach()  # before the mailbox closes: a late answer must not reach it
        for pane in (self.outbox, self._sent, self._accounts, self._signatures):
            stop = getattr(pane, "shutdown", None)
            if callable(stop):
                stop()
        if self.postman is not None:
            self.postman.close()
            self.postman = None
        if self.context is not None:
            self.context.close()
            self.context = None
        self._marker.end()
        log.info("Closed")
