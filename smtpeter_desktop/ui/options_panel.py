"""The SMTPeter options of one message, as a compact side panel.

Each check box is one option of ``compose.options.SmtpeterOptions``, with a tooltip that says
in plain words what SMTPeter does with it. The panel starts from the sending profile's
defaults; "Use account defaults" goes back to them. The Unsubscribe group sets the message's
List-Unsubscribe (an address, a link, RFC 8058 one-click); a value SmtpeterOptions refuses is
left out of ``options()`` and named, in its words, under the field and by ``problems()``.
"Give up after" is SMTPeter's ``maxdelivertime``: typed in local time, kept as UTC; only REST
accounts can pass it on, so it is greyed out (its value kept) for an SMTP account.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimeZone, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.errors import OptionsError
from smtpeter_desktop.compose.options import SmtpeterOptions, parse_tags
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate

from smtpeter_desktop.ui.address_field import message_label, paint_problem_label, set_invalid

# (attribute, label, tooltip): the check boxes, in the order they are shown.
_SWITCHES = (
    (
        "track_clicks",
        QT_TRANSLATE_NOOP("OptionsPanel", "Track clicks"),
        QT_TRANSLATE_NOOP(
            "OptionsPanel",
            "SMTPeter rewrites the links in the message so that it can count who clicks them.",
        ),
    ),
    (
        "track_opens",
        QT_TRANSLATE_NOOP("OptionsPanel", "Track opens"),
        QT_TRANSLATE_NOOP(
            "OptionsPanel",
            "SMTPeter adds a tiny invisible image that tells when the message is opened.",
        ),
    ),
    (
        "track_bounces",
        QT_TRANSLATE_NOOP("OptionsPanel", "Track bounces"),
        QT_TRANSLATE_NOOP(
            "OptionsPanel",
            "SMTPeter receives the messages that bounce, logs them and forwards them to you.",
        ),
    ),
    (
        "inline_css",
        QT_TRANSLATE_NOOP("OptionsPanel", "Inline CSS"),
        QT_TRANSLATE_NOOP(
            "OptionsPanel",
            "SMTPeter moves style rules into each element, for mail readers that ignore style "
            "sheets. The app already does this for its own stylesheet.",
        ),
    ),
    (
        "prevent_scam",
        QT_TRANSLATE_NOOP("OptionsPanel", "Prevent scam"),
        QT_TRANSLATE_NOOP(
            "OptionsPanel",
            "Links whose text is itself a web address are left alone, so the address people "
            "see is the address they visit (click tracking does not rewrite them).",
        ),
    ),
    (
        "hosted_images",
        QT_TRANSLATE_NOOP("OptionsPanel", "Hosted images"),
        QT_TRANSLATE_NOOP(
            "OptionsPanel",
            "SMTPeter keeps the message's embedded images on its servers and links to them, "
            "which makes the message smaller.",
        ),
    ),
)

# (DSN NOTIFY value, label, tooltip)
_NOTICES = (
    (
        "FAILURE",
        QT_TRANSLATE_NOOP("OptionsPanel", "If it fails"),
        QT_TRANSLATE_NOOP("OptionsPanel", "A notice when the message cannot be delivered."),
    ),
    (
        "DELAY",
        QT_TRANSLATE_NOOP("OptionsPanel", "If it is delayed"),
        QT_TRANSLATE_NOOP("OptionsPanel", "A notice when delivery is taking longer than usual."),
    ),
    (
        "SUCCESS",
        QT_TRANSLATE_NOOP("OptionsPanel", "When delivered"),
        QT_TRANSLATE_NOOP("OptionsPanel", "A notice when the receiving server has delivered it."),
    ),
)
_RETURNS = (
    ("HDRS", QT_TRANSLATE_NOOP("OptionsPanel", "Headers only")),
    ("FULL", QT_TRANSLATE_NOOP("OptionsPanel", "Full message")),
)
_UTC_FORMAT = "yyyy-MM-dd HH:mm:ss"  # SMTPeter's maxdelivertime, in UTC
_DAY = 86_400


def to_utc_text(moment: QDateTime) -> str:
    """A local date and time as SMTPeter's ``maxdelivertime`` (UTC, ``YYYY-MM-DD hh:mm:ss``)."""
    return moment.toUTC().toString(_UTC_FORMAT)


def from_utc_text(text: str) -> QDateTime | None:
    """SMTPeter's ``maxdelivertime`` as a local date and time; None when it is not one."""
    moment = QDateTime.fromString(text, _UTC_FORMAT)
    if not moment.isValid():
        return None
    moment.setTimeZone(QTimeZone.utc())
    return moment.toLocalTime()


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


class OptionsPanel(QWidget):
    """Tracking, CSS inlining, scam prevention, hosted images, tags and delivery notices.

    Signals:
        changed(): the user changed an option (not emitted by ``set_options``/``reset_to``).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("OptionsPanel", "Options"))
        self._defaults = SmtpeterOptions()
        self._rest = True
        self._loading = False
        self._tag_problem = ""
        self._unsubscribe_problem = ""

        layout = QVBoxLayout(self)
        layout.setSpacing(4)

        self.switches: dict[str, QCheckBox] = {}
        groups = (
            (translate("OptionsPanel", "Tracking"), _SWITCHES[:3]),
            (translate("OptionsPanel", "Content"), _SWITCHES[3:]),
        )
        for index, (title, switches) in enumerate(groups):
            if index:
                layout.addSpacing(8)
            layout.addWidget(_heading(title, self))
            for name, label, hint in switches:
                text = translate("OptionsPanel", label)
                tip = translate("OptionsPanel", hint)
                box = QCheckBox(text, self)
                box.setToolTip(tip)
                box.setAccessibleName(text)
                box.setAccessibleDescription(tip)
                box.toggled.connect(self._user_changed)
                layout.addWidget(box)
                self.switches[name] = box

        layout.addSpacing(8)
        # No Alt+letter: each letter of "Tags" already answers another control of the window
        # (To, Attach, Go, Send); Tab reaches the field.
        tags_label = _heading(translate("OptionsPanel", "Tags"), self)
        layout.addWidget(tags_label)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(translate("OptionsPanel", "newsletter, march"))
        self.tags.setAccessibleName(translate("OptionsPanel", "Tags"))
        tags_tip = translate(
            "OptionsPanel",
            "Labels for SMTPeter's events and statistics, separated by commas or spaces. "
            "A tag is up to 64 characters.",
        )
        self.tags.setToolTip(tags_tip)
        self.tags.setProperty("invalid", False)
        self.tags.textChanged.connect(self._on_tags_changed)
        tags_label.setBuddy(self.tags)
        layout.addWidget(self.tags)
        self.tags_message = message_label(self)
        layout.addWidget(self.tags_message)

        layout.addSpacing(8)
        layout.addWidget(_heading(translate("OptionsPanel", "Delivery notices"), self))
        notices_tip = translate(
            "OptionsPanel",
            "Ask the receiving mail servers to send you a delivery status notice (DSN) "
            "to the envelope sender.",
        )
        self.notices: dict[str, QCheckBox] = {}
        for value, label, hint in _NOTICES:
            text = translate("OptionsPanel", label)
            tip = translate("OptionsPanel", hint)
            box = QCheckBox(text, self)
            box.setToolTip(f"{tip} {notices_tip}")
            box.setAccessibleName(
                translate("OptionsPanel", "Delivery notice: {text}").format(text=text)
            )
            box.toggled.connect(self._on_notice_toggled)
            layout.addWidget(box)
            self.notices[value] = box
        self.never = QCheckBox(translate("OptionsPanel", "Never"), self)
        self.never.setToolTip(translate("OptionsPanel", "No delivery notices at all."))
        self.never.setAccessibleName(translate("OptionsPanel", "Delivery notice: never"))
        self.never.toggled.connect(self._on_never_toggled)
        layout.addWidget(self.never)

        returns_label = QLabel(translate("OptionsPanel", "A not&ice returns:"), self)
        layout.addWidget(returns_label)
        self.returns = QComboBox(self)
        for value, text in _RETURNS:
            self.returns.addItem(translate("OptionsPanel", text), value)
        self.returns.setAccessibleName(translate("OptionsPanel", "A notice returns"))
        self.returns.setToolTip(
            translate(
                "OptionsPanel",
                "How much of your message comes back with a notice: its headers, or all of it.",
            )
        )
        self.returns.currentIndexChanged.connect(self._user_changed)
        returns_label.setBuddy(self.returns)
        layout.addWidget(self.returns)

        layout.addSpacing(8)
        layout.addWidget(_heading(translate("OptionsPanel", "Unsubscribe"), self))
        self.unsubscribe_email = QLineEdit(self)
        self.unsubscribe_email.setPlaceholderText("leave@example.com")
        self.unsubscribe_email.setAccessibleName(translate("OptionsPanel", "Unsubscribe address"))
        self.unsubscribe_email.setToolTip(
            translate(
                "OptionsPanel",
                (
                    "An address people can mail to unsubscribe; mail programs show an Unsubscribe "
                    "button for it (the List-Unsubscribe header)."
                ),
            )
        )
        self.unsubscribe_url = QLineEdit(self)
        self.unsubscribe_url.setPlaceholderText("https://example.com/unsubscribe")
        self.unsubscribe_url.setAccessibleName(translate("OptionsPanel", "Unsubscribe link"))
        self.unsubscribe_url.setToolTip(
            translate("OptionsPanel", "A web page that unsubscribes whoever opens it.")
        )
        self.unsubscribe_oneclick = QCheckBox(
            translate("OptionsPanel", "One-click unsubscribe"), self
        )
        self.unsubscribe_oneclick.setAccessibleName(
            translate("OptionsPanel", "One-click unsubscribe")
        )
        self.unsubscribe_oneclick.setToolTip(
            translate(
                "OptionsPanel",
                (
                    "Mail programs may unsubscribe with one click, by posting to the link "
                    "(RFC 8058); Gmail and Yahoo ask it of bulk senders. Needs an https:// link."
                ),
            )
        )
        for field in (self.unsubscribe_email, self.unsubscribe_url):
            field.setProperty("invalid", False)
            field.textChanged.connect(self._on_unsubscribe_changed)
            layout.addWidget(field)
        self.unsubscribe_oneclick.toggled.connect(self._on_unsubscribe_changed)
        layout.addWidget(self.unsubscribe_oneclick)
        self.unsubscribe_message = message_label(self)
        layout.addWidget(self.unsubscribe_message)

        layout.addSpacing(8)
        self._build_give_up(layout)

        layout.addSpacing(12)
        self.reset_button = QPushButton(translate("OptionsPanel", "Use Account Defaults"), self)
        self.reset_button.setToolTip(
            translate("OptionsPanel", "Set every option back to the sending account's defaults")
        )
        self.reset_button.setAccessibleName(translate("OptionsPanel", "Use account defaults"))
        self.reset_button.clicked.connect(self._on_reset_clicked)
        layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        self.set_options(self._defaults)

    def _build_give_up(self, layout: QVBoxLayout) -> None:
        """SMTPeter's "give up after" (maxdelivertime): a check box and a local time."""
        layout.addWidget(_heading(translate("OptionsPanel", "Give up"), self))
        tip = translate(
            "OptionsPanel",
            "SMTPeter stops trying to deliver the message after this time, in your own time "
            "zone (REST accounts only; SMTPeter has no SMTP header for it).",
        )
        self.give_up = QCheckBox(translate("OptionsPanel", "Give up after"), self)
        self.give_up.setAccessibleName(translate("OptionsPanel", "Give up after"))
        self.give_up.setToolTip(tip)
        self.give_up_time = QDateTimeEdit(self)
        self.give_up_time.setCalendarPopup(True)
        self.give_up_time.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.give_up_time.setAccessibleName(translate("OptionsPanel", "Give up time"))
        for inner in self.give_up_time.findChildren(QLineEdit):  # what a screen reader focuses
            inner.setAccessibleName(translate("OptionsPanel", "Give up time"))
        self.give_up_time.setToolTip(tip)
        start = QDateTime.currentDateTime().addSecs(2 * _DAY)
        start.setTime(start.time().addSecs(-start.time().second()))  # no seconds the eye misses
        self.give_up_time.setDateTime(start)
        self.give_up_note = QLabel(
            translate("OptionsPanel", "Only REST accounts can pass this on to SMTPeter."), self
        )
        self.give_up_note.setWordWrap(True)
        self.give_up_note.setVisible(False)
        self.give_up.toggled.connect(self._on_give_up_changed)
        self.give_up_time.dateTimeChanged.connect(self._on_give_up_changed)
        layout.addWidget(self.give_up)
        layout.addWidget(self.give_up_time)
        layout.addWidget(self.give_up_note)
        self._sync_give_up()

    def set_rest(self, rest: bool) -> None:
        """Whether the sending account uses the REST API (the only one with "give up")."""
        self._rest = rest
        self._sync_give_up()

    def _sync_give_up(self) -> None:
        self.give_up.setEnabled(self._rest)
        self.give_up_time.setEnabled(self._rest and self.give_up.isChecked())
        self.give_up_note.setVisible(not self._rest)

    def _on_give_up_changed(self, *_: object) -> None:
        self._sync_give_up()
        self._user_changed()

    def _max_deliver_time(self) -> str:
        if not self.give_up.isChecked():
            return ""
        return to_utc_text(self.give_up_time.dateTime())

    def give_up_problem(self, now: QDateTime | None = None) -> str:
        """A give-up time that has passed: SMTPeter would not even try."""
        if not (self._rest and self.give_up.isChecked()):
            return ""
        if self.give_up_time.dateTime() <= (now or QDateTime.currentDateTime()):
            return translate(
                "OptionsPanel",
                "The give-up time (Options) has passed, so SMTPeter would not deliver the "
                "message. Choose a later time, or untick Give up after.",
            )
        return ""

    def options(self) -> SmtpeterOptions:
        """The options as set; a tag that cannot be used is left out (``problems`` names it)."""
        notify = tuple(value for value, box in self.notices.items() if box.isChecked())
        values: dict[str, Any] = {name: box.isChecked() for name, box in self.switches.items()}
        tags = tuple(tag for tag in parse_tags(self.tags.text()) if _tag_error(tag) is None)
        email, url, oneclick, _problem = self._unsubscribe_values()
        return SmtpeterOptions(
            tags=tags,
            dsn_notify=notify,
            dsn_ret=str(self.returns.currentData()),
            unsubscribe_email=email,
            unsubscribe_url=url,
            unsubscribe_oneclick=oneclick,
            max_deliver_time=self._max_deliver_time(),
            **values,
        )

    def _unsubscribe_values(self) -> tuple[str, str, bool, str]:
        """(address, link, one-click, problem): each value SmtpeterOptions refuses is left
        out and the first refusal is the problem, in its words."""
        email = self.unsubscribe_email.text().strip()
        url = self.unsubscribe_url.text().strip()
        oneclick = self.unsubscribe_oneclick.isChecked()
        problems: list[str] = []
        if (error := _options_error(unsubscribe_email=email)) is not None:
            problems.append(error)
            email = ""
        if (error := _options_error(unsubscribe_url=url)) is not None:
            problems.append(error)
            url = ""
        if oneclick and (error := _options_error(unsubscribe_url=url, unsubscribe_oneclick=True)):
            problems.append(error)
            oneclick = False
        return email, url, oneclick, problems[0] if problems else ""

    def set_options(self, options: SmtpeterOptions) -> None:
        """Show ``options`` (a draft's own); ``changed`` is not emitted."""
        self._loading = True
        try:
            give_up = from_utc_text(options.max_deliver_time)
            self.give_up.setChecked(give_up is not None)
            if give_up is not None:
                self.give_up_time.setDateTime(give_up)
            self._sync_give_up()
            self.unsubscribe_email.setText(options.unsubscribe_email)
            self.unsubscribe_url.setText(options.unsubscribe_url)
            self.unsubscribe_oneclick.setChecked(options.unsubscribe_oneclick)
            for name, box in self.switches.items():
                box.setChecked(bool(getattr(options, name)))
            self.tags.setText(", ".join(options.tags))
            for value, box in self.notices.items():
                box.setChecked(value in options.dsn_notify)
            self.never.setChecked(not options.dsn_notify)
            self.returns.setCurrentIndex(max(0, self.returns.findData(options.dsn_ret)))
        finally:
            self._loading = False
        self._update_reset_button()

    def defaults(self) -> SmtpeterOptions:
        return self._defaults

    def set_defaults(self, defaults: SmtpeterOptions) -> None:
        """The account defaults the reset button goes back to; the options shown stay."""
        self._defaults = defaults
        self._update_reset_button()

    def reset_to(self, defaults: SmtpeterOptions) -> None:
        """Use ``defaults`` as the account defaults and show them."""
        self._defaults = defaults
        self.set_options(defaults)

    def is_default(self) -> bool:
        """Whether the options shown are the account defaults (the user changed nothing)."""
        return (
            self.options() == self._defaults
            and not self._tag_problem
            and not self._unsubscribe_problem
        )

    def problems(self) -> tuple[str, ...]:
        """What is wrong with the options as typed (a tag SMTPeter would refuse, an
        unsubscribe link that is not a web address...)."""
        problems = (self._tag_problem, self._unsubscribe_problem, self.give_up_problem())
        return tuple(p for p in problems if p)

    def _on_unsubscribe_changed(self) -> None:
        email, url, oneclick, problem = self._unsubscribe_values()
        self._unsubscribe_problem = problem
        typed_email = bool(self.unsubscribe_email.text().strip())
        typed_url = bool(self.unsubscribe_url.text().strip())
        set_invalid(self.unsubscribe_email, typed_email and not email)
        set_invalid(
            self.unsubscribe_url,
            (typed_url and not url) or (self.unsubscribe_oneclick.isChecked() and not oneclick),
        )
        self.unsubscribe_message.setText(problem)
        self.unsubscribe_message.setVisible(bool(problem))
        self._user_changed()

    def _user_changed(self) -> None:
        self._update_reset_button()
        if not self._loading:
            self.changed.emit()

    def _on_tags_changed(self) -> None:
        problems = [error for tag in parse_tags(self.tags.text()) if (error := _tag_error(tag))]
        self._tag_problem = problems[0] if problems else ""
        set_invalid(self.tags, bool(problems))
        self.tags_message.setText(self._tag_problem)
        self.tags_message.setVisible(bool(problems))
        self._user_changed()

    def _on_notice_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            if checked:
                self.never.setChecked(False)
            elif not any(box.isChecked() for box in self.notices.values()):
                self.never.setChecked(True)
        finally:
            self._loading = False
        self._user_changed()

    def _on_never_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            if checked:
                for box in self.notices.values():
                    box.setChecked(False)
            elif not any(box.isChecked() for box in self.notices.values()):
                # "Not never" means the usual: a notice when delivery fails.
                self.notices["FAILURE"].setChecked(True)
        finally:
            self._loading = False
        self._user_changed()

    def _on_reset_clicked(self) -> None:
        self.set_options(self._defaults)
        self.changed.emit()

    def _update_reset_button(self) -> None:
        self.reset_button.setEnabled(not self.is_default())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            paint_problem_label(self.tags_message, self.palette())
            paint_problem_label(self.unsubscribe_message, self.palette())


def _tag_error(tag: str) -> str | None:
    """SmtpeterOptions' own sentence for a tag it refuses, or ``None``."""
    return _options_error(tags=(tag,))


def _options_error(**values: object) -> str | None:
    """SmtpeterOptions' own sentence for values it refuses, or ``None``."""
    try:
        SmtpeterOptions(**values)  # type: ignore[arg-type]
    except OptionsError as exc:
        return exc.message
    return None
