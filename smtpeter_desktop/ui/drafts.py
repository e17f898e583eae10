"""Never lose a word: the compose pane's message saved as a draft, and every draft reachable.

``DraftKeeper`` saves the pane's draft about a second after the last change, and never later
than ``SAVE_MAX_WAIT_MS`` after the first change not saved yet (steady typing never pauses for
a second, and a kill must not take more than that with it); at once when asked (on close,
before another draft is opened, before a crash dialog). It saves on the GUI thread through
the window's own Postman: a draft is a small write. The one long write, queueing a message
of up to 20 MB, runs in the send worker, and while it does the keeper holds its saves
(``hold``/``release``) so the GUI thread never waits on that transaction; the pane is
read-only meanwhile, so nothing is typed that could be lost.

``DraftsDialog`` lists every draft (File ▸ Open Draft…) to open or delete one;
``DraftTextDialog`` shows one as plain text, rendering nothing (a draft that crashed the
window while it was rendered).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.delivery.names import MailboxBusy, NotFound, State, WrongState
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.recovery import draft_text

if TYPE_CHECKING:
    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.delivery.postman import Postman

    from smtpeter_desktop.ui.compose_pane import ComposePane

log = logging.getLogger(__name__)

BUSY_RETRY_MS = 1000
"""When the mailbox was busy, the next try at saving the draft."""
SAVE_DELAY_MS = 1000
"""A save follows this long after the last change..."""
SAVE_MAX_WAIT_MS = 2000
"""...and never comes later than this after the first change not saved yet."""


class DraftKeeper(QObject):
    """Saves the compose pane's message as a draft; knows which draft the pane shows.

    Signals:
        saved(int, float): the draft was saved under this id, at this time.
        pending_changed(bool): there are changes not saved yet, or there are none any more.
        id_changed(object): the pane now shows this draft (an int), or one never saved (None).

    Attributes:
        id: the draft the pane shows, or None for a message never saved (or emptied).
    """

    saved = Signal(int, float)
    pending_changed = Signal(bool)
    id_changed = Signal(object)

    def __init__(
        self,
        pane: ComposePane,
        postman: Postman,
        parent: QObject | None = None,
        *,
        delay_ms: int = SAVE_DELAY_MS,
        max_wait_ms: int = SAVE_MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self._pane = pane
        self._postman = postman
        self._dirty = False
        self._held = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        # Started by the first unsaved change and not restarted by the next ones: the
        # debounce above alone would wait for ever while the person keeps typing.
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max_wait_ms)
        self._deadline.timeout.connect(self.save_now)
        pane.changed.connect(self.schedule)

    @property
    def id(self) -> int | None:
        """The draft the pane shows, or None for a message never saved (or emptied)."""
        return self._id

    @id.setter
    def id(self, value: int | None) -> None:
        if value != self._id:
            self._id = value
            self.id_changed.emit(value)

    @property
    def pending(self) -> bool:
        """Changes not saved yet."""
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.pending_changed.emit(dirty)

    @Slot()
    def schedule(self) -> None:
        """The person changed something: save a moment after they stop, or soon at the latest."""
        self._set_dirty(True)
        if not self._held:
            self._start_timers()

    def _start_timers(self) -> None:
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def _stop_timers(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def hold(self) -> None:
        """Save nothing until ``release`` (the send worker is storing a message)."""
        self._held += 1
        self._stop_timers()

    def release(self) -> None:
        self._held = max(0, self._held - 1)
        if not self._held and self._dirty:
            self._start_timers()

    @Slot()
    def save_now(self) -> int | None:
        """Save what the pane holds, if it changed; returns the draft's id (None: nothing kept).

        A message emptied of every word is deleted rather than kept as an empty draft.
        """
        self._stop_timers()
        if self._held or not self._dirty:
            return self.id
        draft = self._pane.draft()
        try:
            if draft.is_empty:
                if self.id is not None:
                    self._postman.delete(self.id)
                self.id = None
                self._set_dirty(False)
                return None
            try:
                self.id = self._postman.save_draft(draft, self.id)
            except (WrongState, NotFound):
                # Its draft was queued, sent or deleted meanwhile (the outbox, the command
                # line): the words in the pane are newer, so they become a draft of their own.
                self.id = self._postman.save_draft(draft, None)
        except MailboxBusy:
            # Another process is writing (a command queueing 20 MB): the window does not
            # wait for it; the draft is saved again in a moment, still dirty meanwhile.
            log.info("The mailbox is busy; the draft is saved again in %d ms", BUSY_RETRY_MS)
            QTimer.singleShot(BUSY_RETRY_MS, self, self.save_now)
            return self.id
        except StorageError as exc:
            messages.error(
                translate("DraftKeeper", "Your draft could not be saved: {reason}").format(
                    reason=exc.message
                ),
                exc.hint
                or translate(
                    "DraftKeeper",
                    "It is still in the window; it is saved again at the next change.",
                ),
                key="draft-save",
            )
            return self.id
        self._set_dirty(False)
        self.saved.emit(self.id, time.time())
        return self.id

    def new_message(self) -> None:
        """Keep the current message, then start an empty one from the same sender."""
        self.save_now()
        self._pane.clear()
        self.forget()

    def open(self, id: int) -> bool:
        """Keep the current message, then show draft ``id``; False when it cannot be shown."""
        if id == self.id:
            return True
        self.save_now()
        try:
            draft = self._postman.draft_of(id)
            state = self._postman.read(id).state
        except (StorageError, ComposeError) as exc:
            messages.error(
                translate("DraftKeeper", "The draft could not be opened: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            return False
        if state is not State.DRAFT:
            messages.warning(
                translate("DraftKeeper", "That message is no longer a draft."),
                translate("DraftKeeper", "Look for it in the Outbox or in Sent."),
            )
            return False
        self._pane.set_draft(draft)
        self.adopt(id)
        return True

    def adopt(self, id: int) -> None:
        """The pane now shows draft ``id``, as stored."""
        self.id = id
        self._set_dirty(False)
        self._stop_timers()

    def forget(self) -> None:
        """The pane's message left the drafts (it was queued) or was replaced by a new one."""
        self.id = None
        self._set_dirty(False)
        self._stop_timers()


class DraftsDialog(QDialog):
    """Every draft, newest first, to open or delete one.

    Signals:
        open_requested(int): open this draft in the compose pane.
    """

    open_requested = Signal(int)

    def __init__(
        self, postman: Postman, current: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._postman = postman
        self._current = current
        self.setWindowTitle(translate("DraftsDialog", "Drafts"))
        self.resize(640, 420)

        self.list = QTreeWidget(self)
        self.list.setAccessibleName(translate("DraftsDialog", "Drafts"))
        self.list.setHeaderLabels(
            [
                translate("DraftsDialog", "Subject"),
                translate("DraftsDialog", "To"),
                translate("DraftsDialog", "Changed"),
                translate("DraftsDialog", "Size"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegate(lists.RoomyDelegate(self.list))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 200)
        self.list.itemActivated.connect(self._open_item)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.empty = QLabel(
            translate(
                "DraftsDialog", "No drafts. A message you start writing is kept here until sent."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton(translate("DraftsDialog", "&Open"), self)
        self.open_button.setDefault(True)
        self.delete_button = QPushButton(translate("DraftsDialog", "&Delete…"), self)
        self.delete_button.setAccessibleName(translate("DraftsDialog", "Delete draft"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open_current)
        self.delete_button.clicked.connect(self._ask_delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        try:
            drafts = self._postman.summaries([State.DRAFT])
        except StorageError as exc:
            messages.error(
                translate("DraftsDialog", "Your drafts could not be read: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
            drafts = []
        for summary in drafts:
            changed = lists.when(summary.updated)
            if summary.id == self._current:
                changed = translate("DraftsDialog", "{time} (open now)").format(time=changed)
            item = QTreeWidgetItem(
                [
                    summary.subject or translate("DraftsDialog", "(no subject)"),
                    summary.recipients or "—",
                    changed,
                    lists.size_text(self._size_of(summary.id)),
                ]
            )
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(0, summary.subject)
            item.setToolTip(1, summary.recipients)
            self.list.addTopLevelItem(item)
        self.list.setVisible(bool(drafts))
        self.empty.setVisible(not drafts)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._update_buttons()

    def _size_of(self, id: int) -> int | None:
        """About how big the message would be (its text and attachments), None if unknown."""
        # Not at import: the draft keeper here is built before ready, and the checks (with
        # rendering and MIME building) cost ~40 ms; they are loaded after ready.
        from smtpeter_desktop.compose import checks

        try:
            return checks.estimated_size(self._postman.draft_of(id))
        except (StorageError, ComposeError):
            return None

    def _chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return int(item.data(0, Qt.ItemDataRole.UserRole))

    def _update_buttons(self, *_: object) -> None:
        chosen = self._chosen()
        is_open = chosen is not None and chosen == self._current
        self.open_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None and not is_open)
        self.delete_button.setToolTip(
            translate("DraftsDialog", "This draft is open in the compose pane")
            if is_open
            else translate("DraftsDialog", "Delete the chosen draft")
        )

    def _open_current(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self.open_requested.emit(chosen)
            self.accept()

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.open_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
        self.accept()

    def _ask_delete(self) -> None:
        id = self._chosen()
        if id is None:
            return
        lists.confirm(
            self,
            translate("DraftsDialog", "Delete the draft?"),
            translate("DraftsDialog", "Delete this draft? Its text cannot be brought back."),
            translate("DraftsDialog", "Delete"),
            lambda: self._delete(id),
        )

    def _delete(self, id: int) -> None:
        try:
            self._postman.delete(id)
        except StorageError as exc:
            messages.error(
                translate("DraftsDialog", "The draft could not be deleted: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
        self.refresh()


class DraftTextDialog(QDialog):
    """A draft's text, shown as plain text only (nothing is rendered), to read and copy."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("DraftTextDialog", "Draft: {subject}").format(
                subject=draft.subject or translate("DraftTextDialog", "(no subject)")
            )
        )
        messages.fit_title(self)
        self.resize(640, 480)
        note = QLabel(
            translate(
                "DraftTextDialog",
                "The draft as plain text. Copy what you need into a new message; nothing here "
                "is rendered.",
            ),
            self,
        )
        note.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(translate("DraftTextDialog", "Draft text"))
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(draft_text(draft))
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(
            translate("DraftTextDialog", "&Copy All"), QDialogButtonBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class DraftsPane(DraftsDialog):
    """The drafts list as a pane of the window's sidebar (beside Outbox and Sent).

    The dialog's list, Open and Delete, shown inside the window: opening a draft leaves the
    pane in place (the window switches to Compose) instead of closing it.
    """

    def __init__(self, postman: Postman, parent: QWidget | None = None) -> None:
        super().__init__(postman, None, parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        for button in self.findChildren(QPushButton):
            # By the button, not its text: the text is in the user's language.
            if button is not self.open_button and button is not self.delete_button:
                button.setVisible(False)  # Close: a pane is left through the sidebar

    def show_drafts(self, current: int | None) -> None:
        """List the drafts again, ``current`` being the one open in the compose pane."""
        self._current = current
        self.refresh()

    def accept(self) -> None:
        # Opening a draft: the window shows it in Compose; the pane stays what it is.
        self.refresh()

    def reject(self) -> None:
        # Escape in the list must not hide the pane.
        pass
