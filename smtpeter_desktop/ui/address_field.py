"""An address field that checks what is typed and names the entry that is wrong.

The check runs 300 ms after the user stops typing and when the field loses focus, with
``compose.addresses.read_address_list``, the same reading the message is built with. While
the field has focus the entry under the cursor is still being typed and is not judged: only
finished entries (followed by a separator) are. A bad entry turns the field's frame red (the
``invalid`` dynamic property, styled by the pane) and fills a one-line message label that the
pane places under the field: the first bad entry and how many more, so a pasted list of 500
never makes the window taller. A pasted column (one address a line) becomes a comma list.
The field keeps whatever was typed: marking is never correcting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QWidget,
)

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.errors import AddressError
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import theme

DEBOUNCE_MS = 300
_SEPARATORS = ",;\n"
# A longer entry is cut in the one-line message; the tooltip holds every problem in full.
_SHOWN_ENTRY = 60
# From this many addresses on the label under the field counts them: the field scrolls.
COUNT_FROM = 10
_LINE_BREAKS = re.compile("[ \t]*[" + "".join(sorted(addresses.ENTRY_BREAKS)) + "]+[ \t]*")


def describe(problem: AddressError) -> str:
    """A problem as the message under the field says it."""
    entry = problem.entry
    if len(entry) > _SHOWN_ENTRY:
        entry = entry[: _SHOWN_ENTRY - 1] + "…"
    return translate("address_field", "“{entry}” is not a valid address: {reason}").format(
        entry=entry, reason=problem.reason
    )


def summary(problems: Sequence[AddressError], count: int) -> str:
    """One line for the label: the first problem and how many more, or how many addresses."""
    if not problems:
        if count < COUNT_FROM:
            return ""
        return translate("address_field", "{count} addresses.").format(count=count)
    line = describe(problems[0])
    if len(problems) > 1:
        line += translate("address_field", " (+ {count} more)").format(count=len(problems) - 1)
    if count >= COUNT_FROM:
        line += translate("address_field", " · {count} addresses").format(count=count)
    return line


def field_label(field: str) -> str:
    """An address field's name (``To``, ``Reply-To``) as a person reads it."""
    # Built on each call, not at import: the language is only known once the app runs.
    labels = {
        "From": translate("address_field", "From"),
        "To": translate("address_field", "To"),
        "Cc": translate("address_field", "Cc"),
        "Bcc": translate("address_field", "Bcc"),
        "Reply-To": translate("address_field", "Reply-To"),
    }
    return labels.get(field, field)


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark ``widget`` through its ``invalid`` property, and make the style see the change."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def message_label(parent: QWidget | None = None) -> QLabel:
    """The small label under a field that says what is wrong with it; hidden while all is well."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setVisible(False)
    # A long entry wraps (or is cut) inside the field's width instead of widening the window.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    paint_problem_label(label, label.palette())
    return label


def paint_problem_label(label: QLabel, reference: QPalette, problem: bool = True) -> None:
    """Give ``label`` the problem colour that suits ``reference`` (the field's palette).

    With ``problem`` false the label is a plain note (a count) in the field's muted text colour.
    """
    palette = label.palette()
    if problem:
        colour = theme.error(reference)
    else:
        colour = reference.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)


class AddressField(QLineEdit):
    """A To, Cc, Bcc, Reply-To or From field that validates as the user types.

    Attributes:
        message: the label naming the bad entries; the pane lays it out under the field.

    Signals:
        problems_changed(): the set of bad entries changed (the message label already shows it).
        forget_requested(str): the person asked not to be offered this bare address again
            ("Forget" in the completion list's context menu).
    """

    problems_changed = Signal()
    forget_requested = Signal(str)

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self._problems: tuple[AddressError, ...] = ()
        self.setAccessibleName(field_label(field))
        self.setClearButtonEnabled(False)
        self.setProperty("invalid", False)
        self.message = message_label(parent)
        # One line, always: a long message is cut at the field's width (the tooltip has it
        # all) instead of making the window taller.
        self.message.setWordWrap(False)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.validate)
        self.textChanged.connect(self._on_text_changed)

        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # The default overload of activated is the one that carries the text.
        self._completer.activated.connect(self._insert_completion)
        self.textEdited.connect(self._complete)
        popup = self._list()
        popup.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        popup.customContextMenuRequested.connect(self._popup_menu)
        self.forget_menu: QMenu | None = None

    @property
    def field(self) -> str:
        return self._field

    def problems(self) -> tuple[AddressError, ...]:
        """The bad entries of the whole text, the one being typed included (checked now)."""
        self.validate(finished=True)
        return self._problems

    def addresses(self) -> tuple[addresses.Address, ...]:
        """The good entries of the current text."""
        return addresses.read_address_list(self.text(), self._field).addresses

    def validate(self, finished: bool | None = None) -> None:
        """Check the text now, mark the field and update the message.

        Unless ``finished`` (default: the field has lost focus), the entry under the cursor is
        left out: it is still being typed, and "bob@" is not wrong yet.
        """
        self._timer.stop()
        text = self.text()
        if finished is None:
            finished = not self.hasFocus()
        if not finished:
            text = self._without_entry_at_cursor(text)
        result = addresses.read_address_list(text, self._field)
        problems = result.problems
        count = len(result.addresses) + len(problems)
        line = summary(problems, count)
        same = [(p.entry, p.reason) for p in problems] == [
            (p.entry, p.reason) for p in self._problems
        ]
        if same and line == self.message.text():
            return
        self._problems = problems
        set_invalid(self, bool(problems))
        self.message.setText(line)
        self.message.setToolTip("\n".join(describe(p) for p in problems[:20]))
        paint_problem_label(self.message, self.palette(), bool(problems))
        self.message.setVisible(bool(line) and not self.isHidden())
        self.setAccessibleDescription(line)
        if not same:
            self.problems_changed.emit()

    def _without_entry_at_cursor(self, text: str) -> str:
        cursor = self.cursorPosition()
        for start, end in addresses.entry_spans(text):
            if start <= cursor <= end:
                return text[:start] + text[end:]
        return text

    def set_known_addresses(self, known: Sequence[str]) -> None:
        """Addresses to offer while typing ("Ann Lee <ann@example.com>"), most used first."""
        self._model.setStringList(list(dict.fromkeys(known)))

    def known_addresses(self) -> list[str]:
        return self._model.stringList()

    def forget(self, known: str) -> None:
        """Stop offering ``known`` ("Ann <ann@example.com>") and ask for it to stay forgotten."""
        self._model.setStringList([k for k in self._model.stringList() if k != known])
        try:
            address = addresses.parse_address(known).address
        except AddressError:
            address = known
        self.forget_requested.emit(address)

    def _list(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # QCompleter makes its list view when it is made
        return popup

    def _popup_menu(self, position: QPoint) -> None:
        popup = self._list()
        index = popup.indexAt(position)
        if not index.isValid():
            return
        known = str(index.data())
        menu = QMenu(popup)
        action = menu.addAction(
            translate("AddressField", "Forget “{address}”").format(address=known)
        )
        action.setToolTip(translate("AddressField", "Do not offer this address while typing again"))

        def forget() -> None:
            popup.hide()
            self.forget(known)

        action.triggered.connect(forget)
        self.forget_menu = menu
        menu.popup(popup.viewport().mapToGlobal(position))

    def completer_popup_visible(self) -> bool:
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def _hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        self.message.setVisible(visible and bool(self.message.text()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            paint_problem_label(self.message, self.palette(), bool(self._problems))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Focus going to the completion list is not the user leaving the field.
        if not self.completer_popup_visible():
            self.validate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.completer_popup_visible() and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            # The completer's popup takes these keys itself.
            event.ignore()
            return
        super().keyPressEvent(event)

    def _on_text_changed(self) -> None:
        text = self.text()
        if _LINE_BREAKS.search(text):
            # A pasted column: one address a line reads as a comma list, on one line.
            cursor = self.cursorPosition()
            self.setText(_LINE_BREAKS.sub(", ", text))
            self.setCursorPosition(len(_LINE_BREAKS.sub(", ", text[:cursor])))
            return  # setText ran this again for the new text
        if self.hasFocus():
            self._timer.start()
        else:
            self.validate()

    def _current_entry(self) -> tuple[int, str]:
        """Where the entry being typed starts, and its text (after the last separator)."""
        text = self.text()[: self.cursorPosition()]
        start = max(text.rfind(sep) for sep in _SEPARATORS) + 1
        return start, text[start:].lstrip()

    def _complete(self) -> None:
        _, prefix = self._current_entry()
        if len(prefix) < 1 or not self._model.rowCount():
            self._hide_popup()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount() == 0:
            self._hide_popup()
            return
        rect = self.cursorRect()
        rect.setWidth(max(self.width() // 2, 280))
        self._completer.complete(rect)

    def _insert_completion(self, completion: str) -> None:
        start, _ = self._current_entry()
        text = self.text()
        head = text[:start].rstrip()
        tail = text[self.cursorPosition() :]
        joined = (head + " " if head else "") + completion + ", "
        self.setText(joined + tail.lstrip(" ,;"))
        self.setCursorPosition(len(joined))
