"""The account dialog: add or edit a profile, test its connection, keep its secret in the keyring.

What a person types is checked by the profile's own rules (``Profile``, ``Identity``): their
``InvalidProfile.field`` points at the field, which is marked with the sentence under it.

The password or token field never shows a stored secret. It stays empty with a placeholder
that says where the secret is, and the secret is written only when something is typed there.
Every keyring call runs in a worker (it may block on D-Bus or an unlock prompt). When the
keyring cannot be used the dialog says why in words and offers to keep the secret for this
session only; it never falls back to a file by itself.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.storage.errors import InvalidProfile, KeyringUnavailable, StorageError
from smtpeter_desktop.storage.profiles import SANDBOX_NOTE, Identity, Profile, Timeouts
from smtpeter_desktop.storage.secrets import KeyringStatus

from smtpeter_desktop.ui import lists, messages, theme
from smtpeter_desktop.ui.address_field import message_label, paint_problem_label, set_invalid
from smtpeter_desktop.ui.check_view import CheckView, ConnectionTest
from smtpeter_desktop.ui.lists import Tone
from smtpeter_desktop.ui.options_panel import OptionsPanel
from smtpeter_desktop.ui.tasks import Task, run_task

log = logging.getLogger(__name__)

STORED = "Stored in the keyring — type to replace"
SESSION = "Kept for this session only — type to replace"
CHECKING = "Checking the keyring…"
SMTP_NOTE = "Sends through SMTPeter's mail server, like any mail program, with your SMTP login."
REST_NOTE = (
    "Sends over HTTPS with an API token, and can show what became of each message "
    "(delivered, opened, clicked)."
)
_DEFAULT_PORTS = {"starttls": 587, "tls": 465}
_SENDER_COLUMNS = ("name", "address", "reply_to")


@dataclasses.dataclass(frozen=True)
class SecretState:
    """What the keyring holds for a profile, as found by a worker.

    Attributes:
        status: whether the keyring can be used now, and why not.
        stored: a secret is kept (in the keyring or for this session).
        session_only: it is kept in memory for this session only.
    """

    status: KeyringStatus
    stored: bool
    session_only: bool


class Disclosure(QWidget):
    """A section that opens and closes under a small arrow button."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = False
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(title.replace("&", ""))
        self.button.clicked.connect(lambda: self.set_open(not self.opened))
        self.content = content
        content.setParent(self)
        content.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(content)

    def set_open(self, opened: bool) -> None:
        self.opened = opened
        self.button.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.button.setAccessibleDescription("open" if opened else "closed")
        self.content.setVisible(opened)


class _Field(QWidget):
    """An input with the sentence that says what is wrong with it, right under it."""

    def __init__(
        self,
        widget: QWidget,
        parent: QWidget | None = None,
        *,
        extra: QWidget | None = None,
        grow: bool = True,
    ) -> None:
        super().__init__(parent)
        self.widget = widget
        self.message = message_label(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(widget, 1 if grow else 0)
        if extra is not None:
            row.addWidget(extra)
        if not grow:
            row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_invalid(self.widget, bool(text))


class AccountDialog(QDialog):
    """Add a profile (``profile`` None) or edit one; Save writes it, and its secret if typed.

    Signals:
        saved(object): the ``Profile`` as saved (after its secret, when one was typed).

    Attributes:
        saved_profile: the profile as saved, once Save succeeded.
    """

    saved = Signal(object)

    def __init__(
        self, context: AppContext, profile: Profile | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._original = profile
        self._id = profile.id if profile is not None else ""
        self._sandbox = profile is not None and profile.sandbox
        self._secret_state: SecretState | None = None
        self._saving: Task[None] | None = None
        self._pending: Profile | None = None
        self.saved_profile: Profile | None = None
        self.setWindowTitle(f"Edit “{profile.name}”" if profile is not None else "Add an Account")
        messages.fit_title(self)
        self.setAccessibleName("Account")
        self.setMinimumWidth(560)
        self.fields: dict[str, _Field] = {}

        body = QWidget(self)
        self._form_body(body)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(body)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller = scroller

        # Outside the scrolled form: a keyring problem on saving must be seen at once.
        self.keyring_box = self._keyring_box(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName("Save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Status")
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(6)
        layout.addWidget(scroller, 1)
        inner = QVBoxLayout()
        inner.setContentsMargins(18, 0, 18, 0)
        inner.setSpacing(12)
        inner.addWidget(self.keyring_box)
        inner.addLayout(bottom)
        layout.addLayout(inner)

        self._load(profile)
        self._apply_style()
        self._ask_keyring()
        # Tall enough for the whole form, but never taller than the screen (a laptop's 768 px).
        room = self.screen().availableGeometry().height() - 60
        self.resize(620, max(420, min(760, room)))

    # -- building ----------------------------------------------------------------------------

    def _form_body(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 18, 18, 12)
        layout.setSpacing(12)

        # One form for every setting, so that all labels line up; a kind's rows come and go.
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(6)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.name = self._line("name", "Name", "Work")
        self._row("&Name:", "name")
        self._kind_row()
        self.sandbox_note = lists.muted_label(
            f"Built-in test server — delivers nothing. {SANDBOX_NOTE} It needs no password.",
            body,
        )
        self.form.addRow(self.sandbox_note)
        self._smtp_rows()
        self._rest_rows()
        self._ca_row()
        self.test_button = QPushButton("&Test Connection", body)
        self.test_button.setToolTip(
            "Connect and log in step by step with the settings above, sending nothing"
        )
        self.test_button.clicked.connect(self.test_connection)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        self.form.addRow("", test_row)
        self.check_view = CheckView(body)
        self.form.addRow(self.check_view)
        self.tester = ConnectionTest(self._context, self.check_view, self)
        self.tester.stage_added.connect(self._show_check)
        self.tester.no_secret.connect(self._no_secret)
        self.tester.ended.connect(self._test_ended)
        layout.addLayout(self.form)

        layout.addWidget(lists.heading("Senders", body))
        layout.addWidget(
            lists.muted_label(
                "Who mail from this account may come from; the From picker offers these. "
                "The address's domain must be a sender domain in SMTPeter.",
                body,
            )
        )
        layout.addWidget(self._senders(body))

        self.options = OptionsPanel(body)
        self.options.reset_button.setVisible(False)
        self.options_section = Disclosure("Default SMTPeter &options", self.options, body)
        layout.addWidget(self.options_section)
        self.advanced_section = Disclosure("&Advanced", self._timeouts(body), body)
        layout.addWidget(self.advanced_section)
        layout.addStretch(1)

    def _kind_row(self) -> None:
        self.smtp_radio = QRadioButton("S&MTP API", self)
        self.rest_radio = QRadioButton("&REST API", self)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.smtp_radio)
        self.kind.addButton(self.rest_radio)
        kinds = QWidget(self)
        box = QVBoxLayout(kinds)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        for radio, note in ((self.smtp_radio, SMTP_NOTE), (self.rest_radio, REST_NOTE)):
            radio.setAccessibleDescription(note)
            box.addWidget(radio)
            explanation = lists.muted_label(note, kinds)
            explanation.setContentsMargins(24, 0, 0, 4)
            box.addWidget(explanation)
        self.smtp_radio.toggled.connect(self._kind_changed)
        self.kinds = kinds
        self.form.addRow("Sends with:", kinds)

    def _line(
        self,
        key: str,
        name: str,
        placeholder: str = "",
        *,
        extra: QWidget | None = None,
        grow: bool = True,
    ) -> QLineEdit:
        line = QLineEdit(self)
        line.setAccessibleName(name)
        line.setPlaceholderText(placeholder)
        line.setProperty("invalid", False)
        line.textEdited.connect(lambda _text: self._clear_problem(key))
        self.fields[key] = _Field(line, self, extra=extra, grow=grow)
        return line

    def _row(self, label: str, key: str) -> None:
        title = QLabel(label, self)
        title.setBuddy(self.fields[key].widget)
        self.form.addRow(title, self.fields[key])

    def _smtp_rows(self) -> None:
        self.host = self._line("host", "Server", "mail.smtpeter.com")
        self._row("Ser&ver:", "host")
        self.port = self._line("port", "Port", "587", grow=False)
        self.port.setMaximumWidth(90)
        self.port.textEdited.connect(self._port_edited)
        self._row("&Port:", "port")
        self.security = QComboBox(self)
        self.security.addItem("STARTTLS (usually port 587)", "starttls")
        self.security.addItem("TLS from the start (port 465)", "tls")
        self.security.setAccessibleName("Security")
        self.security.setToolTip(
            "STARTTLS: a plain connection made secure before logging in (port 587).\n"
            "TLS: secure from the first byte (port 465)."
        )
        self.security.activated.connect(self._security_chosen)
        security_label = QLabel("Sec&urity:", self)
        security_label.setBuddy(self.security)
        self.form.addRow(security_label, self.security)
        self.username = self._line("username", "Login")
        self._row("&Login:", "username")
        self.password = self._line("password", "Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._row("Pass&word:", "password")
        self.smtp_widgets = [
            self.fields["host"],
            self.fields["port"],
            self.security,
            self.fields["username"],
            self.fields["password"],
        ]

    def _rest_rows(self) -> None:
        self.rest_url = self._line("rest_url", "API address", "https://www.smtpeter.com/v1")
        self._row("API &address:", "rest_url")
        self.token = self._line("token", "API token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self._row("API to&ken:", "token")
        self.rest_widgets = [self.fields["rest_url"], self.fields["token"]]

    def _ca_row(self) -> None:
        self.browse_button = QPushButton("&Browse…", self)
        self.browse_button.setAccessibleName("Browse for a CA certificate")
        self.browse_button.clicked.connect(self._browse)
        self.ca_file = self._line(
            "ca_file", "CA certificate", "Optional: for a private server", extra=self.browse_button
        )
        self.ca_file.setToolTip(
            "A certificate authority to trust besides the system's, for a server with a "
            "private certificate. Leave empty for SMTPeter."
        )
        self._row("CA &certificate:", "ca_file")
        QWidget.setTabOrder(self.ca_file, self.browse_button)

    def _senders(self, parent: QWidget) -> QWidget:
        holder = QWidget(parent)
        self.senders = QTableWidget(0, 3, holder)
        self.senders.setHorizontalHeaderLabels(["Name", "Address", "Reply-To (optional)"])
        self.senders.setAccessibleName("Senders")
        self.senders.verticalHeader().setVisible(False)
        self.senders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.senders.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.senders.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.senders.setMinimumHeight(96)
        self.senders.setMaximumHeight(150)
        self.senders.itemChanged.connect(lambda _item: self._clear_problem("senders"))
        self.add_sender_button = QPushButton("Add S&ender", holder)
        self.add_sender_button.clicked.connect(self.add_sender)
        self.remove_sender_button = QPushButton("Remove Sen&der", holder)
        self.remove_sender_button.clicked.connect(self._remove_sender)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.add_sender_button)
        buttons.addWidget(self.remove_sender_button)
        buttons.addStretch(1)
        self.senders_message = message_label(holder)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.senders)
        layout.addWidget(self.senders_message)
        layout.addLayout(buttons)
        return holder

    def _timeouts(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        form = QFormLayout(page)
        form.setContentsMargins(24, 0, 0, 0)
        form.setHorizontalSpacing(12)
        self.timeouts: dict[str, QDoubleSpinBox] = {}
        texts = {
            "connect": ("Connect:", "How long to wait for the server to answer at all"),
            "command": ("Each command:", "How long to wait for each answer while talking"),
            "data": ("The whole message:", "How long to wait for the final answer after upload"),
        }
        for name, (label, tip) in texts.items():
            spin = QDoubleSpinBox(page)
            spin.setRange(1, 3600)
            spin.setDecimals(0)
            spin.setSuffix(" s")
            spin.setToolTip(tip)
            spin.setAccessibleName(f"Timeout: {label.rstrip(':').lower()}")
            self.timeouts[name] = spin
            form.addRow(label, spin)
        return page

    def _keyring_box(self, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("keyringProblem")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.keyring_text = QLabel(frame)
        self.keyring_text.setWordWrap(True)
        self.keyring_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keyring_text.setAccessibleName("Keyring problem")
        self.session_button = QPushButton("Keep for This Session &Only", frame)
        self.session_button.setToolTip(
            "Keep the password or token in memory until SMTPeter Desktop quits; "
            "it is not written anywhere"
        )
        self.session_button.clicked.connect(self.keep_for_session)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.keyring_text)
        layout.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignLeft)
        frame.setVisible(False)
        self._paint_keyring_box(frame)
        return frame

    def _apply_style(self) -> None:
        error = theme.error(self.palette()).name()
        self.setStyleSheet(
            f'QLineEdit[invalid="true"] {{ border: 1px solid {error}; border-radius: 3px;'
            " padding: 2px 3px; }"
        )

    def _paint_keyring_box(self, frame: QFrame) -> None:
        palette = self.palette()
        warn = lists.tone_color(palette, Tone.WAIT)
        fill = theme.blend(palette.color(QPalette.ColorRole.Window), warn, 0.12).name()
        frame.setStyleSheet(
            f"#keyringProblem {{ background: {fill}; border: 1px solid {warn.name()};"
            " border-radius: 6px; }"
        )

    # -- loading -----------------------------------------------------------------------------

    def _load(self, profile: Profile | None) -> None:
        template = profile or Profile(id="new", name="new", transport="smtp")
        self.name.setText(profile.name if profile is not None else "")
        self.host.setText(template.host)
        self.port.setText(str(template.port))
        self.security.setCurrentIndex(max(0, self.security.findData(template.security)))
        self.username.setText(template.username)
        self.rest_url.setText(template.rest_url)
        self.ca_file.setText(template.ca_file)
        for identity in template.identities:
            self.add_sender(identity)
        if profile is None:
            self.add_sender(focus=False)
        self.options.reset_to(template.options)
        for name, spin in self.timeouts.items():
            spin.setValue(getattr(template.timeouts, name))
        (self.rest_radio if template.transport == "rest" else self.smtp_radio).setChecked(True)
        self._kind_changed()
        self.form.setRowVisible(self.sandbox_note, self._sandbox)
        if self._sandbox:
            for widget in (self.kinds, self.fields["ca_file"]):
                self.form.setRowVisible(widget, False)
        for line in (self.password, self.token):
            line.setPlaceholderText("" if self._sandbox else CHECKING)

    def _kind_changed(self, *_: object) -> None:
        smtp = self.smtp_radio.isChecked()
        for widget in self.smtp_widgets:
            self.form.setRowVisible(widget, smtp and not self._sandbox)
        for widget in self.rest_widgets:
            self.form.setRowVisible(widget, not smtp and not self._sandbox)

    def transport(self) -> Literal["smtp", "rest"]:
        return "smtp" if self.smtp_radio.isChecked() else "rest"

    def add_sender(self, identity: Identity | None = None, *, focus: bool = True) -> None:
        """Add a row to the senders table (empty, or ``identity``)."""
        row = self.senders.rowCount()
        self.senders.insertRow(row)
        values = (identity.name, identity.address, identity.reply_to) if identity else ("",) * 3
        for column, value in enumerate(values):
            self.senders.setItem(row, column, QTableWidgetItem(value))
        if focus and identity is None:
            self.senders.setCurrentCell(row, 1)
            item = self.senders.item(row, 1)
            if item is not None:
                self.senders.editItem(item)

    def _remove_sender(self) -> None:
        rows = sorted({index.row() for index in self.senders.selectedIndexes()}, reverse=True)
        if not rows and self.senders.currentRow() >= 0:
            rows = [self.senders.currentRow()]
        for row in rows:
            self.senders.removeRow(row)
        self._clear_problem("senders")

    def _port_edited(self, text: str) -> None:
        # The port says which security the server speaks; follow it, as mail programs do.
        if text.strip() == "465":
            self.security.setCurrentIndex(self.security.findData("tls"))
        elif text.strip() in ("587", "25", "2525") and self.security.currentData() == "tls":
            self.security.setCurrentIndex(self.security.findData("starttls"))

    def _security_chosen(self, _index: int) -> None:
        chosen = str(self.security.currentData())
        other = "tls" if chosen == "starttls" else "starttls"
        if self.port.text().strip() == str(_DEFAULT_PORTS[other]):
            self.port.setText(str(_DEFAULT_PORTS[chosen]))

    def _browse(self) -> None:
        start = self.ca_file.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a CA certificate",
            start,
            "Certificates (*.pem *.crt *.cer);;All files (*)",
        )
        if path:
            self.ca_file.setText(path)
            self._clear_problem("ca_file")

    # -- the keyring -------------------------------------------------------------------------

    def _ask_keyring(self) -> None:
        if self._sandbox:
            return
        secrets = self._context.secrets
        profile_id = self._id

        def probe() -> SecretState:
            status = secrets.status()
            session = bool(profile_id) and secrets.is_session_only(profile_id)
            stored = session
            if status.usable and profile_id and not session:
                stored = secrets.has(profile_id)
            return SecretState(status, stored, session)

        run_task(probe, self._keyring_known, self._keyring_failed, parent=self)

    def _keyring_known(self, state: SecretState) -> None:
        self._secret_state = state
        placeholder = SESSION if state.session_only else STORED if state.stored else ""
        for line in (self.password, self.token):
            line.setPlaceholderText(placeholder)
        if not state.status.usable:
            self._show_keyring_problem(state.status.backend, state.status.problem, saving=False)

    def _keyring_failed(self, error: BaseException) -> None:
        for line in (self.password, self.token):
            line.setPlaceholderText("")
        if isinstance(error, KeyringUnavailable):
            self._show_keyring_problem(error.backend, str(error), saving=False)
            return
        self._bug("reading the keyring", error)

    def _show_keyring_problem(self, backend: str, problem: str, *, saving: bool) -> None:
        if saving:
            lead = "The account is not saved yet: the password or token could not be stored."
        else:
            lead = "Passwords and tokens cannot be kept in the keyring now."
        which = "" if backend == "no keyring" else f"The keyring: {backend}.\n"
        self.keyring_text.setText(
            f"{lead}\n\n{which}{problem}\n\n"
            "“Keep for This Session Only” keeps it in memory until SMTPeter Desktop quits; "
            "you type it again next time."
        )
        self.session_button.setVisible(saving)
        self.keyring_box.setVisible(True)

    def keep_for_session(self) -> None:
        """Keep the typed secret in memory for this run, and save the account."""
        secret = self._typed_secret()
        profile = self._pending
        if profile is None or not secret:
            return
        self._context.secrets.keep_for_session(profile.id, secret)
        self.keyring_box.setVisible(False)
        self._write(profile)

    # -- reading the form --------------------------------------------------------------------

    def _typed_secret(self) -> str:
        if self._sandbox:
            return ""
        return (self.password if self.transport() == "smtp" else self.token).text()

    def _secret_key(self) -> str:
        return "password" if self.transport() == "smtp" else "token"

    def profile_as_edited(self) -> Profile:
        """The profile as the form stands; raises ``InvalidProfile`` naming the field at fault."""
        identities = self._identities()
        port_text = self.port.text().strip()
        if not port_text.isdigit():
            raise InvalidProfile(
                "port", f"The port must be a whole number from 1 to 65535, not “{port_text}”."
            )
        timeouts = Timeouts(**{name: spin.value() for name, spin in self.timeouts.items()})
        base = self._original
        values: dict[str, Any] = {
            "name": self.name.text(),
            "transport": self.transport(),
            "host": self.host.text().strip(),
            "port": int(port_text),
            "security": str(self.security.currentData()),
            "username": self.username.text().strip(),
            "rest_url": self.rest_url.text().strip(),
            "ca_file": self.ca_file.text().strip(),
            "identities": identities,
            "options": self.options.options(),
            "timeouts": timeouts,
        }
        if base is not None:
            return dataclasses.replace(base, **values)
        return Profile.create(**values)

    def _identities(self) -> tuple[Identity, ...]:
        found: list[Identity] = []
        for row in range(self.senders.rowCount()):
            values = [self._cell(row, column) for column in range(3)]
            if not any(values):
                continue
            if not values[1]:
                raise _SenderProblem(row, 1, "A sender needs an address.")
            try:
                found.append(Identity(name=values[0], address=values[1], reply_to=values[2]))
            except InvalidProfile as exc:
                column = _SENDER_COLUMNS.index(exc.field) if exc.field in _SENDER_COLUMNS else 1
                raise _SenderProblem(row, column, exc.message) from exc
        if not found and not self._sandbox:
            raise _SenderProblem(
                -1, 1, "Add at least one sender: the address your mail comes from."
            )
        return tuple(found)

    def _cell(self, row: int, column: int) -> str:
        item = self.senders.item(row, column)
        return item.text().strip() if item is not None else ""

    def _checked_profile(self) -> Profile | None:
        """The profile as edited, or None with the fields at fault marked."""
        self._clear_problems()
        try:
            profile = self.profile_as_edited()
        except _SenderProblem as problem:
            self._mark_sender(problem)
            return None
        except InvalidProfile as exc:
            self._mark(exc.field, exc.message)
            return None
        if profile.ca_file and not self._sandbox:
            path = Path(profile.ca_file).expanduser()
            if not path.is_file():
                self._mark("ca_file", f"There is no file at {path}.")
                return None
        return profile

    def _mark(self, field: str, message: str) -> None:
        key = {"id": "name", "security": "port"}.get(field, field)
        target = self.fields.get(key)
        if target is None:
            if key in self.timeouts:
                self.advanced_section.set_open(True)
                self.timeouts[key].setFocus()
            self._say(message, Tone.BAD)
            return
        target.show_problem(message)
        target.widget.setFocus()
        self._say("Please correct the marked field.", Tone.BAD)

    def _mark_sender(self, problem: _SenderProblem) -> None:
        prefix = f"Sender {problem.row + 1}: " if problem.row >= 0 else ""
        self.senders_message.setText(prefix + problem.message)
        self.senders_message.setVisible(True)
        self._say("Please correct the marked sender.", Tone.BAD)
        if problem.row < 0:
            self.senders.setFocus()
            return
        item = self.senders.item(problem.row, problem.column)
        if item is not None:
            palette = self.palette()
            tint = theme.blend(palette.color(QPalette.ColorRole.Base), theme.error(palette), 0.25)
            # A change of colour is not an edit: the mark must not clear itself.
            self.senders.blockSignals(True)
            try:
                item.setBackground(QBrush(tint))
            finally:
                self.senders.blockSignals(False)
            self.senders.setCurrentItem(item)
        self.senders.setFocus()

    def _clear_problem(self, key: str) -> None:
        if key == "senders":
            self.senders_message.setVisible(False)
            self.senders.blockSignals(True)
            try:
                for row in range(self.senders.rowCount()):
                    for column in range(3):
                        item = self.senders.item(row, column)
                        if item is not None:
                            item.setBackground(QBrush())
            finally:
                self.senders.blockSignals(False)
        elif key in self.fields:
            self.fields[key].show_problem("")

    def _clear_problems(self) -> None:
        for key in (*self.fields, "senders"):
            self._clear_problem(key)
        self._say("", None)

    def problem(self, key: str) -> str:
        """The sentence shown under a field (``senders`` for the table); empty when none."""
        if key == "senders":
            return self.senders_message.text() if self.senders_message.isVisibleTo(self) else ""
        message = self.fields[key].message
        return message.text() if message.isVisibleTo(self) else ""

    def _say(self, text: str, tone: Tone | None) -> None:
        self.status.setText(text)
        lists.paint(self.status, tone)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Check the form, store a typed secret (in a worker), then write the profile."""
        if self._saving is not None and not self._saving.done:
            return
        self.keyring_box.setVisible(False)
        profile = self._checked_profile()
        if profile is None:
            return
        try:
            others = [p for p in self._context.profiles.load() if p.id != profile.id]
        except StorageError as exc:
            self._say(str(exc), Tone.BAD)
            return
        for other in others:
            if other.name.casefold() == profile.name.casefold():
                self._mark("name", f"There is already an account named “{other.name}”.")
                return
        secret = self._typed_secret()
        if not secret and self._needs_new_secret(profile):
            what = "API token" if profile.transport == "rest" else "password"
            self._mark(
                self._secret_key(),
                f"Type the {what}: the one stored is for the "
                f"{'SMTP' if profile.transport == 'rest' else 'REST'} API.",
            )
            return
        self._pending = profile
        if not secret:
            self._write(profile)
            return
        self._busy(True, "Storing the secret in the keyring…")
        secrets = self._context.secrets
        self._saving = run_task(
            lambda: secrets.set(profile.id, secret),
            lambda _none: self._secret_stored(profile),
            self._secret_failed,
            parent=self,
        )

    def _needs_new_secret(self, profile: Profile) -> bool:
        original = self._original
        stored = self._secret_state is not None and self._secret_state.stored
        return (
            original is not None
            and not profile.sandbox
            and original.transport != profile.transport
            and stored
        )

    def _secret_stored(self, profile: Profile) -> None:
        self._busy(False, "")
        self._write(profile)

    def _secret_failed(self, error: BaseException) -> None:
        self._busy(False, "")
        if isinstance(error, KeyringUnavailable):
            self._show_keyring_problem(error.backend, str(error), saving=True)
            self._say("", None)
            self.session_button.setFocus()
            return
        self._bug("storing the secret", error)

    def _write(self, profile: Profile) -> None:
        store = self._context.profiles
        try:
            if self._original is None:
                store.add(profile)
            else:
                store.update(profile)
        except InvalidProfile as exc:
            self._mark(exc.field, exc.message)
            return
        except StorageError as exc:
            self._say(str(exc), Tone.BAD)
            return
        log.info("Saved the account %s (%s)", profile.name, profile.describe())
        self.saved_profile = profile
        self.saved.emit(profile)
        self.accept()

    def _busy(self, busy: bool, text: str) -> None:
        self.save_button.setEnabled(not busy)
        self._say(text, None)

    # -- testing -----------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Test the settings as typed (the typed secret, else the stored one), in a worker."""
        if self.tester.running():
            return
        profile = self._checked_profile()
        if profile is None:
            return
        what = "API token" if profile.transport == "rest" else "password"
        self.test_button.setEnabled(False)
        self.tester.start(
            profile,
            f"Connection test: {profile.describe()}",
            typed=self._typed_secret(),
            no_secret=f"No {what} is stored for this account: type it to test.",
        )

    def _no_secret(self) -> None:
        what = "API token" if self.transport() == "rest" else "password"
        self._mark(self._secret_key(), f"Type the {what} to test the connection.")

    def _test_ended(self) -> None:
        self.test_button.setEnabled(True)
        self._show_check()

    def _show_check(self) -> None:
        # Once the layout has made room for the new row, bring the results into view.
        QTimer.singleShot(0, self, self._scroll_to_check)

    def _scroll_to_check(self) -> None:
        self.scroller.ensureWidgetVisible(self.check_view, 0, 12)

    def _bug(self, doing: str, error: BaseException) -> None:
        log.error("Account dialog: an internal problem while %s", doing, exc_info=error)
        self._say(f"An internal problem stopped {doing}; the details are in the log.", Tone.BAD)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "keyring_box"):
            self._apply_style()
            self._paint_keyring_box(self.keyring_box)
            for field in self.fields.values():
                paint_problem_label(field.message, self.palette())


class _SenderProblem(Exception):
    """A sender row that cannot be used: where, and why."""

    def __init__(self, row: int, column: int, message: str) -> None:
        super().__init__(message)
        self.row = row
        self.column = column
        self.message = message
