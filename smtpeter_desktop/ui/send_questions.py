"""The questions Send may ask before a message goes: errors that stop it, warnings to send
anyway, "confirm before send", and "send it again?" for a message that may have arrived.

Every box is window-modal and opened with ``open()`` (through ``messages.Questions``): no
nested event loop, so a send finishing while a question is on screen is handled like any
other signal. One question at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from smtpeter_desktop.delivery.wording import quoted, recipients
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.messages import Questions

if TYPE_CHECKING:
    from smtpeter_desktop.compose.checks import Finding


def _listed(findings: Sequence[Finding]) -> str:
    return "\n".join(f"•  {f.message}" for f in findings)


def _first_field(findings: Sequence[Finding]) -> str:
    return next((f.field for f in findings if f.field), "")


class SendQuestions(QObject):
    """Asks, over ``window``; each answer calls back."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._questions = Questions(self)

    @property
    def box(self) -> QMessageBox | None:
        """The question on screen now, if any."""
        return self._questions.box

    def errors(self, errors: Sequence[Finding], go_back: Callable[[str], None]) -> None:
        """The message cannot go yet; ``go_back(field)`` points at the first field at fault."""
        box = self._box(
            QMessageBox.Icon.Warning,
            translate("SendQuestions", "The message cannot be sent yet"),
            translate("SendQuestions", "This message cannot be sent yet."),
            _listed(errors),
        )
        box.addButton(translate("SendQuestions", "Go Back"), QMessageBox.ButtonRole.AcceptRole)
        first = _first_field(errors)
        self._questions.ask(box, lambda _clicked: go_back(first))

    def warnings(
        self,
        warnings: Sequence[Finding],
        send: Callable[[], None],
        go_back: Callable[[str], None],
    ) -> None:
        """Send anyway (``send()``) or go back to the first field a warning names."""
        box = self._box(
            QMessageBox.Icon.Question,
            translate("SendQuestions", "Send this message?"),
            translate("SendQuestions", "Send this message anyway?"),
            _listed(warnings),
        )
        anyway = box.addButton(
            translate("SendQuestions", "Send Anyway"), QMessageBox.ButtonRole.AcceptRole
        )
        back = box.addButton(
            translate("SendQuestions", "Go Back"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        first = _first_field(warnings)

        def answered(clicked: QAbstractButton | None) -> None:
            if clicked is anyway:
                send()
            else:
                go_back(first)

        self._questions.ask(box, answered)

    def confirm(self, subject: str, count: int, send: Callable[[], None]) -> None:
        """The person asked to be asked before every send."""
        box = self._box(
            QMessageBox.Icon.Question,
            translate("SendQuestions", "Send this message?"),
            translate("SendQuestions", "Send {what} to {recipients}?").format(
                what=quoted(subject), recipients=recipients(count)
            ),
            translate("SendQuestions", "You asked to be asked before every send (Settings)."),
        )
        yes = box.addButton(translate("SendQuestions", "Send"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        self._questions.ask(box, lambda clicked: send() if clicked is yes else None)

    def send_again(self, send: Callable[[], None]) -> None:
        """A message whose outcome is unknown may have arrived: send it again?"""
        lists.confirm(
            self._window,
            translate("SendQuestions", "Send it again?"),
            translate("SendQuestions", "Send this message again?"),
            translate("SendQuestions", "Send Again"),
            send,
            informative=translate(
                "SendQuestions", "If the first one arrived, the recipients get it twice."
            ),
            destructive=False,
        )

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> QMessageBox:
        return messages.question_box(self._window, title, text, details, icon=icon)
