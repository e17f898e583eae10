"""The one funnel for messages to the user: log them, then show them in the window.

Any part of the UI says something to the person with::

    messages.error("The message could not be queued.", "Check the disk and send again.")
    messages.warning(...), messages.info(...), messages.success(...)

Each call logs the text, then hands a :class:`Message` to the :data:`bridge`. The window
connects a :class:`MessageArea` to the bridge; messages sent before that (while the app
starts) wait in the bridge and are shown as soon as the area is connected. Modelled on
qutebrowser's ``utils/message.py`` (a message bridge between code and the status bar).

``MessageBar`` is the strip a message is shown in: a coloured band with the text, buttons
for what the person can do, and a close button. The send flow builds its undo and progress
bars from it, so every band in the window looks and behaves alike.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import theme

log = logging.getLogger(__name__)

MAX_SHOWN = 3
"""Bars shown at once; the oldest goes when a newer one needs the room."""


class Level(enum.Enum):
    """How much a message matters; it sets the colour, the icon and the log level."""

    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


_HUE = {Level.INFO: 210, Level.SUCCESS: 135, Level.WARNING: 35, Level.ERROR: 0}
_LOG_LEVEL = {
    Level.INFO: logging.INFO,
    Level.SUCCESS: logging.INFO,
    Level.WARNING: logging.WARNING,
    Level.ERROR: logging.ERROR,
}
_SYMBOL = {
    Level.INFO: "\N{INFORMATION SOURCE}",
    Level.SUCCESS: "✓",
    Level.WARNING: "⚠",
    Level.ERROR: "✕",
}


def _accessible(level: Level) -> str:
    """What a screen reader calls a bar of ``level``, in the user's language."""
    names = {
        Level.INFO: translate("messages", "Note"),
        Level.SUCCESS: translate("messages", "Done"),
        Level.WARNING: translate("messages", "Warning"),
        Level.ERROR: translate("messages", "Problem"),
    }
    return names[level]


@dataclasses.dataclass(frozen=True)
class Action:
    """A button on a message: its label (with an & mnemonic) and what it does."""

    label: str
    callback: Callable[[], None]
    primary: bool = False


@dataclasses.dataclass(frozen=True)
class Message:
    """One message to the person.

    Attributes:
        level: info, success, warning or error.
        text: what happened, in a sentence.
        hint: what to do about it; may be empty.
        actions: buttons offered with it.
        key: a message with the same non-empty key replaces this one (one bar per subject).
        timeout: seconds after which it goes by itself; None keeps it until closed.
    """

    level: Level
    text: str
    hint: str = ""
    actions: tuple[Action, ...] = ()
    key: str = ""
    timeout: float | None = None

    @property
    def full_text(self) -> str:
        return f"{self.text} {self.hint}".strip()


class MessageBridge(QObject):
    """Carries messages from any UI code to the window; keeps them until the window listens.

    Signals:
        shown(Message): a message to show now.
    """

    shown = Signal(object)
    withdrawn = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Message] = []
        self._listening = False
        self._withdraw_to: list[Callable[[str], object]] = []

    def show(self, message: Message) -> None:
        if self._listening:
            self.shown.emit(message)
        else:
            self._pending.append(message)

    def withdraw(self, key: str) -> None:
        """The message with ``key`` no longer holds (its buttons would act on the past)."""
        self._pending = [m for m in self._pending if m.key != key]
        self.withdrawn.emit(key)

    def listen(
        self,
        receiver: Callable[[Message], object],
        withdraw: Callable[[str], object] | None = None,
    ) -> None:
        """Connect ``receiver`` (and ``withdraw``), and give it every message that waited."""
        self.shown.connect(receiver)
        if withdraw is not None:
            self.withdrawn.connect(withdraw)
        self._listening = True
        pending, self._pending = self._pending, []
        for message in pending:
            self.shown.emit(message)

    def pending(self) -> list[Message]:
        return list(self._pending)


bridge = MessageBridge()
"""The app's bridge. Tests give it a fresh one (see ``tests/ui/message_fixture.py``)."""


def show(
    level: Level,
    text: str,
    hint: str = "",
    *,
    actions: Sequence[Action] = (),
    key: str = "",
    timeout: float | None = None,
) -> Message:
    """Log the message, then show it; returns it."""
    message = Message(level, text, hint, tuple(actions), key, timeout)
    log.log(_LOG_LEVEL[level], "%s", message.full_text)
    bridge.show(message)
    return message


def withdraw(key: str) -> None:
    """Take back the message shown under ``key``: what it says (and offers) no longer holds,
    as when a message it is about was sent, marked or deleted some other way."""
    bridge.withdraw(key)


def outcome_key(id: int) -> str:
    """The key of the banner that tells what became of message ``id``."""
    return f"outcome-{id}"


def open_externally(url: QUrl, what: str) -> bool:
    """Open ``url`` with the desktop's own app for it (a browser, a mail app); when nothing
    on this computer takes it, say so instead of doing nothing. ``what`` names it for the
    sentence ("the preview", "the message"), already in the user's language."""
    from PySide6.QtGui import QDesktopServices

    if QDesktopServices.openUrl(url):
        return True
    where = url.toLocalFile() if url.isLocalFile() else url.toString()
    warning(
        translate("messages", "Nothing on this computer opened {what}.").format(what=what),
        translate(
            "messages",
            "Open {where} yourself, or choose a default app for it in your system's settings.",
        ).format(where=where),
        key="open-externally",
    )
    return False


def error(
    text: str,
    hint: str = "",
    *,
    actions: Sequence[Action] = (),
    key: str = "",
    timeout: float | None = None,
) -> Message:
    """Something failed that the person must know about (and usually can fix)."""
    return show(Level.ERROR, text, hint, actions=actions, key=key, timeout=timeout)


def warning(
    text: str,
    hint: str = "",
    *,
    actions: Sequence[Action] = (),
    key: str = "",
    timeout: float | None = None,
) -> Message:
    """Something the person should look at; nothing is lost."""
    return show(Level.WARNING, text, hint, actions=actions, key=key, timeout=timeout)


def info(
    text: str,
    hint: str = "",
    *,
    actions: Sequence[Action] = (),
    key: str = "",
    timeout: float | None = None,
) -> Message:
    """Something worth knowing."""
    return show(Level.INFO, text, hint, actions=actions, key=key, timeout=timeout)


def success(
    text: str,
    hint: str = "",
    *,
    actions: Sequence[Action] = (),
    key: str = "",
    timeout: float | None = None,
) -> Message:
    """Something the person asked for is done (a message sent)."""
    return show(Level.SUCCESS, text, hint, actions=actions, key=key, timeout=timeout)


def question_box(
    parent: QWidget,
    title: str,
    text: str,
    details: str = "",
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """The one way the window builds a question: add its buttons, then ``Questions.ask``."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
        # Room for a sentence per line: QMessageBox otherwise wraps at a narrow width.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 380px; }")
    return box


TITLE_ROOM = 140
"""What a window frame takes beside its title: an icon, the close and other buttons."""


def fit_title(dialog: QWidget) -> None:
    """Make ``dialog`` wide enough that its frame shows the whole title (a window manager
    cuts a title that is wider than the dialog)."""
    wanted = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + TITLE_ROOM
    if isinstance(dialog, QMessageBox):
        # A message box sizes itself from its labels and ignores a minimum width.
        dialog.setStyleSheet(
            dialog.styleSheet() + f" QLabel#qt_msgbox_label {{ min-width: {wanted - 80}px; }}"
        )
    else:
        dialog.setMinimumWidth(max(dialog.minimumWidth(), wanted))


class Questions(QObject):
    """Asks with window-modal message boxes and calls back with the button clicked.

    ``open()``, never ``exec()``: no nested event loop, so whatever else happens meanwhile
    (a send finishing) is handled as usual. The callback is kept here, not in a closure
    connected to the box: such a closure, holding the box, would be freed while Qt deletes
    the box, which PySide6 does not always survive.

    Attributes:
        box: the message box shown now, if any.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self._waiting: dict[int, Callable[[QAbstractButton | None], None]] = {}
        self._next = 0

    def ask(self, box: QMessageBox, then: Callable[[QAbstractButton | None], None]) -> None:
        fit_title(box)
        self._next += 1
        self._waiting[self._next] = then
        box.setProperty("question", self._next)
        box.finished.connect(self._answered)
        self.box = box
        box.open()

    @Slot()
    def _answered(self) -> None:
        box = self.sender()
        if not isinstance(box, QMessageBox):
            return
        then = self._waiting.pop(int(box.property("question")), None)
        clicked = box.clickedButton()
        if self.box is box:
            self.box = None
        box.deleteLater()
        if then is not None:
            then(clicked)


class MessageBar(QFrame):
    """A coloured band: a symbol, the text, buttons, and a close button.

    Signals:
        closed(): the person closed it, or it timed out (not emitted by ``dismiss(quiet)``).
        removed(): it was taken away, for any reason.
        timed_out(): its time is up, when ``hold_on_timeout`` was asked (else it goes).

    Attributes:
        label: the text.
        buttons: the action buttons, in order.
    """

    closed = Signal()
    removed = Signal()
    timed_out = Signal()

    def __init__(
        self,
        level: Level,
        text: str = "",
        parent: QWidget | None = None,
        *,
        closable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.level = level
        self.key = ""
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_accessible(level))
        self.buttons: list[QPushButton] = []
        self._callbacks: list[Callable[[], None]] = []

        self._symbol = QLabel(_SYMBOL[level], self)
        self._symbol.setAccessibleName(_accessible(level))
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setAccessibleName(_accessible(level))

        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(12, 6, 6, 6)
        self._row.setSpacing(6)
        self._row.addWidget(self._symbol, 0, Qt.AlignmentFlag.AlignTop)
        self._row.addSpacing(6)
        self._row.addWidget(self.label, 1)
        self._extras = QHBoxLayout()
        self._extras.setSpacing(6)
        self._row.addLayout(self._extras)
        self.close_button: QToolButton | None = None
        if closable:
            self.close_button = QToolButton(self)
            self.close_button.setText("✕")
            self.close_button.setAutoRaise(True)
            self.close_button.setAccessibleName(translate("MessageBar", "Dismiss"))
            self.close_button.setToolTip(translate("MessageBar", "Dismiss this message"))
            self.close_button.clicked.connect(self.dismiss)
            self._row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expired)
        self._held = False
        self._paint()

    def hold_on_timeout(self) -> None:
        """When its time is up, emit ``timed_out`` and let the area decide when it goes."""
        self._held = True

    @Slot()
    def _expired(self) -> None:
        # A signal, not a Python callable kept on the bar: PySide6 does not always survive
        # a callable stored on a widget that is deleted after it ran (seen: 1 run in 8).
        if self._held:
            self.timed_out.emit()
        else:
            self.dismiss()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setToolTip(text if len(text) > 200 else "")

    def add_action(
        self, label: str, callback: Callable[[], None], *, primary: bool = False
    ) -> QPushButton:
        """A button that runs ``callback`` (with no argument) when clicked."""
        button = QPushButton(label, self)
        button.setAccessibleName(label.replace("&", ""))
        button.setAutoDefault(False)
        if primary:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        # The callbacks live on the bar and the button reaches them through a method: a
        # closure connected to the button would be freed while Qt deletes the bar, which
        # PySide6 does not always survive.
        button.setProperty("action", len(self._callbacks))
        self._callbacks.append(callback)
        button.clicked.connect(self._on_button)
        self._extras.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons.append(button)
        return button

    @Slot()
    def _on_button(self) -> None:
        index = self.sender().property("action")
        if isinstance(index, int) and 0 <= index < len(self._callbacks):
            self._callbacks[index]()

    def add_widget(self, widget: QWidget) -> None:
        """Put ``widget`` (a progress bar) between the text and the buttons."""
        self._extras.insertWidget(0, widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def button(self, label: str) -> QPushButton | None:
        """The action button whose text (without &) is ``label``."""
        wanted = label.replace("&", "")
        return next((b for b in self.buttons if b.text().replace("&", "") == wanted), None)

    def expire_after(self, seconds: float | None) -> None:
        if seconds is None:
            self._timer.stop()
        else:
            self._timer.start(int(seconds * 1000))

    def dismiss(self, *, quiet: bool = False) -> None:
        """Take the bar away (and delete it)."""
        self._timer.stop()
        self.hide()
        self.removed.emit()
        if not quiet:
            self.closed.emit()
        self.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()

    def _paint(self) -> None:
        # Colours derive from the parent's palette, so light and dark themes both read well.
        parent = self.parentWidget()
        source = parent.palette() if parent is not None else self.palette()
        accent = theme.accent(source, _HUE[self.level])
        background = theme.blend(source.color(QPalette.ColorRole.Window), accent, 0.14)
        symbol = self._symbol.palette()
        symbol.setColor(QPalette.ColorRole.WindowText, accent)
        self._symbol.setPalette(symbol)
        font = self._symbol.font()
        font.setBold(True)
        self._symbol.setFont(font)
        sheet = (
            f"#messageBar {{ background: {background.name()};"
            f" border-left: 4px solid {accent.name()}; border-radius: 3px; }}"
        )
        if sheet != self.styleSheet():  # setting it again would repolish, and loop here
            self.setStyleSheet(sheet)


class MessageArea(QWidget):
    """Where the window shows messages: up to :data:`MAX_SHOWN` bars, newest at the bottom.

    Connect it with ``bridge.listen(area.show_message)``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("MessageArea", "Messages"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._bars: list[MessageBar] = []
        self._pointer_inside = False
        self._waiting: list[MessageBar] = []  # timed out while the pointer was over them
        self._let_go_timer = QTimer(self)
        self._let_go_timer.setSingleShot(True)
        self._let_go_timer.setInterval(0)
        self._let_go_timer.timeout.connect(self._let_go)
        self.setVisible(False)

    def bars(self) -> list[MessageBar]:
        """The bars shown now, oldest first."""
        return list(self._bars)

    def show_message(self, message: Message) -> MessageBar:
        bar = MessageBar(message.level, message.full_text, self)
        bar.key = message.key
        for action in message.actions:
            bar.add_action(action.label, self._run_and_close(bar, action), primary=action.primary)
        if message.timeout is not None:
            # Timed out bars leave only once the pointer is elsewhere: nothing moves under it.
            bar.hold_on_timeout()
            bar.timed_out.connect(self._on_timed_out)
        bar.expire_after(message.timeout)
        self.add_bar(bar)
        return bar

    def add_bar(self, bar: MessageBar) -> None:
        """Show ``bar`` (built by the caller, such as the send flow's undo bar).

        A bar with the key of one shown takes its place, in the same slot, so the bars
        below it do not move.
        """
        slot = len(self._bars)
        if bar.key:
            for old in self.bars():
                if old.key == bar.key:
                    slot = min(slot, self._bars.index(old))
                    self._remove(old)
        shown = self.bars()
        while len(shown) >= MAX_SHOWN:
            self._remove(shown.pop(0))
            slot = max(0, slot - 1)
        slot = min(slot, len(self._bars))
        bar.setParent(self)
        # A method, not a closure over ``bar``: a callable that holds the bar would be freed
        # while Qt deletes the bar, which PySide6 does not always survive.
        bar.removed.connect(self._on_removed)
        self._bars.insert(slot, bar)
        self._layout.insertWidget(slot, bar)
        bar.show()
        self.setVisible(True)

    def withdraw(self, key: str) -> None:
        """Take away the bar shown under ``key`` (see ``messages.withdraw``)."""
        for bar in self.bars():
            if key and bar.key == key:
                self._remove(bar)

    @Slot()
    def _on_timed_out(self) -> None:
        bar = self.sender()
        if not isinstance(bar, MessageBar):
            return
        if self._pointer_inside:
            self._waiting.append(bar)
        else:
            bar.dismiss()

    def enterEvent(self, event: QEvent) -> None:
        super().enterEvent(event)  # type: ignore[arg-type]
        self._pointer_inside = True

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._pointer_inside = False
        # Not inside the event: hiding a widget while Qt delivers a Leave can crash it.
        self._let_go_timer.start()

    @Slot()
    def _let_go(self) -> None:
        if self._pointer_inside:
            return
        waiting, self._waiting = self._waiting, []
        for bar in waiting:
            if bar in self._bars:
                bar.dismiss()

    def clear(self) -> None:
        for bar in self.bars():
            self._remove(bar)

    def _remove(self, bar: MessageBar) -> None:
        bar.dismiss(quiet=True)

    @Slot()
    def _on_removed(self) -> None:
        bar = self.sender()
        if isinstance(bar, MessageBar):
            self._forget(bar)

    def _forget(self, bar: MessageBar) -> None:
        if bar in self._bars:
            self._bars.remove(bar)
            self._layout.removeWidget(bar)
        if not self._bars:
            self.setVisible(False)

    def _run_and_close(self, bar: MessageBar, action: Action) -> Callable[[], None]:
        def run() -> None:
            # The bar goes first: the action may show a new one with the same key.
            self._remove(bar)
            action.callback()

        return run
