"""What the outbox, sent and accounts panes share: times in words, state badges, quiet notes.

A badge is a rounded pill drawn by :class:`BadgeDelegate` in a list's first column: its text
is the item's text and its tone (``Tone``) is stored in the item under :data:`TONE_ROLE`.
Every colour comes from the palette (see :mod:`.theme`), so badges read in light and dark.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import theme

TONE_ROLE = Qt.ItemDataRole.UserRole + 20
ID_ROLE = Qt.ItemDataRole.UserRole + 21


class Tone(enum.StrEnum):
    """What a badge says at a glance, by colour."""

    NEUTRAL = "neutral"
    BUSY = "busy"
    WAIT = "wait"
    BAD = "bad"
    GOOD = "good"


_HUES = {Tone.BUSY: 212, Tone.WAIT: 36, Tone.BAD: 0, Tone.GOOD: 140}


def tone_color(palette: QPalette, tone: Tone) -> QColor:
    """The text colour of a badge (or a status line) of ``tone``."""
    if tone is Tone.NEUTRAL:
        return theme.muted(palette)
    return theme.accent(palette, _HUES[tone])


def when(timestamp: float | None, now: float | None = None) -> str:
    """A time as a list shows it: ``14:05`` today, ``Yesterday 14:05``, ``12 Mar 14:05``."""
    if timestamp is None:
        return ""
    moment = datetime.datetime.fromtimestamp(timestamp)
    today = datetime.datetime.fromtimestamp(now if now is not None else _now()).date()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return clock
    if moment.date() == today - datetime.timedelta(days=1):
        return translate("lists", "Yesterday {time}").format(time=clock)
    # The month's name in the locale's language (``mrt.`` in Dutch); strftime would say it
    # in English whatever the user's language.
    month = QLocale().monthName(moment.month, QLocale.FormatType.ShortFormat)
    if moment.year == today.year:
        return f"{moment.day} {month} {clock}"
    return f"{moment.day} {month} {moment.year}"


def _now() -> float:
    return datetime.datetime.now().timestamp()


def size_text(size: int | None) -> str:
    """A message's size for people, as everywhere in the app (``compose.sizes.human_size``);
    empty when it is not known."""
    return "" if size is None else human_size(size)


def reason_text(message: str, hint: str) -> str:
    """What went wrong, then what to do, each a sentence on a line of its own."""
    message = message.strip()
    if message and message[-1] not in ".!?…":
        message += "."
    return f"{message}\n{hint.strip()}" if hint.strip() else message


class BadgeDelegate(QStyledItemDelegate):
    """Draws a column's text as a small rounded pill in its tone's colour."""

    _PAD_X = 8
    _PAD_Y = 2

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The row's own background (selection, hover) first, without its text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget: QWidget | None = option.widget  # None when painted off a view
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            return
        palette: QPalette = option.palette
        tone = Tone(index.data(TONE_ROLE) or Tone.NEUTRAL)
        ink = tone_color(palette, tone)
        fill = theme.blend(palette.color(QPalette.ColorRole.Base), ink, 0.16)
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.92)
        font.setWeight(QFont.Weight.DemiBold)
        painter.save()
        painter.setFont(font)
        fm = painter.fontMetrics()
        rect = option.rect
        width = min(fm.horizontalAdvance(text) + 2 * self._PAD_X, rect.width() - 6)
        height = fm.height() + 2 * self._PAD_Y
        pill = QRectF(rect.x() + 4, rect.y() + (rect.height() - height) / 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(ink)
        inner = pill.adjusted(self._PAD_X, 0, -self._PAD_X, 0)
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()) + 1)
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter), shown)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 2 * self._PAD_X + 8, max(hint.height(), 24))


class RoomyDelegate(QStyledItemDelegate):
    """Rows with a little air: lists a person reads, not a table of data."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 8)


def muted_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label of secondary text, wrapped, in the palette's muted colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    paint(label, None)
    return label


def paint(label: QLabel, tone: Tone | None) -> None:
    """Colour ``label``'s text by ``tone``; ``None`` is the muted colour of secondary text."""
    palette = label.palette()
    owner = label.parentWidget()
    reference = owner.palette() if owner is not None else palette
    color = theme.muted(reference) if tone is None else tone_color(reference, tone)
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)
    # appearance.repolish paints it again from this when the theme changes.
    label.setProperty(TONE_PROPERTY, "" if tone is None else str(tone))


TONE_PROPERTY = "paintTone"


def repaint(label: QLabel) -> None:
    """Paint ``label`` again in the tone ``paint`` gave it, from the current palette."""
    tone = label.property(TONE_PROPERTY)
    if isinstance(tone, str):
        paint(label, Tone(tone) if tone else None)


def heading(text: str, parent: QWidget | None = None, scale: float = 1.0) -> QLabel:
    """A bold label, ``scale`` times the normal size."""
    label = QLabel(text, parent)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


@dataclasses.dataclass
class ListWithDetails:
    """A list above the details of its current row, or a line saying the list is empty.

    Attributes:
        splitter: the list and the details, one above the other.
        empty: shown instead when there is nothing to list (or the list cannot be read).
        stack: holds the two; ``show(has_rows)`` picks one.
    """

    splitter: QSplitter
    empty: QLabel
    stack: QStackedWidget

    def show(self, has_rows: bool) -> None:
        self.stack.setCurrentWidget(self.splitter if has_rows else self.empty)


def list_with_details(
    owner: QWidget,
    rows: QWidget,
    details: QWidget,
    *,
    empty_text: str,
    name: str,
    stretch: tuple[int, int],
) -> ListWithDetails:
    """Lay out ``owner`` as the Outbox and Sent are: ``rows`` over ``details``, or the
    empty line; the splitter is named ``name`` (its sizes are remembered by that name)."""
    splitter = QSplitter(Qt.Orientation.Vertical, owner)
    splitter.setObjectName(name)
    splitter.addWidget(rows)
    splitter.addWidget(details)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setChildrenCollapsible(False)

    empty = QLabel(empty_text, owner)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    empty.setMargin(18)
    paint(empty, None)

    stack = QStackedWidget(owner)
    stack.addWidget(empty)
    stack.addWidget(splitter)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(stack)
    return ListWithDetails(splitter, empty, stack)


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    accept: str,
    on_accept: Callable[[], None],
    *,
    informative: str = "",
    destructive: bool = True,
) -> QMessageBox:
    """Ask before doing something that cannot be undone; ``on_accept()`` runs on yes.

    The box is window-modal and does not block: the event loop goes on while it is open.
    Cancel is the default, so a stray Enter changes nothing.
    """
    from smtpeter_desktop.ui.messages import Questions, question_box

    icon = QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question
    box = question_box(parent, title, text, informative, icon=icon)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setObjectName("confirmation")
    # Questions keeps the callback and deletes the box: a closure holding the box, connected
    # to the box's own signal, can crash PySide6 when Qt deletes the box.
    questions = parent.findChild(Questions, "confirmations")
    if questions is None:
        questions = Questions(parent)
        questions.setObjectName("confirmations")
    questions.ask(box, lambda clicked: on_accept() if clicked is yes else None)
    return box


# One name per action, wherever it is offered (the Outbox's buttons, the banners). Read as
# ``lists.SEND_AGAIN`` they are translated when read, not at import, when the user's language
# is not known yet: the module's ``__getattr__`` looks them up each time.
if TYPE_CHECKING:
    ARRIVED: str
    SEND_AGAIN: str
    SEND_NOW: str
else:

    def __getattr__(name: str) -> str:
        if name == "ARRIVED":
            return translate("lists", "It &Arrived — Mark as Sent")
        if name == "SEND_AGAIN":
            return translate("lists", "Send A&gain")
        if name == "SEND_NOW":
            return translate("lists", "Send &Now")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
