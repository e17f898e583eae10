"""The account dialog's connection form: name, kind (SMTP or REST), server or API address,
login and secrets, CA file and timeouts, loaded from a profile and read back as its values.

One form for every setting, so that all labels line up; a kind's rows come and go. What is
typed is checked by the profile's own rules; ``mark`` shows their sentence under the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import InvalidProfile
from smtpeter_desktop.storage.profiles import Profile, Timeouts
from smtpeter_desktop.storage.secrets import CHECK_TOKEN, SECRET, Kind

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.account_fields import Field

_DEFAULT_PORTS = {"starttls": 587, "tls": 465}


class AccountForm(QWidget):
    """The connection settings of one profile; ``sandbox``: the built-in test server's, which
    shows only its name."""

    def __init__(self, sandbox: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sandbox = sandbox
        self.fields: dict[str, Field] = {}
        self.rows = QFormLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setHorizontalSpacing(12)
        self.rows.setVerticalSpacing(6)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.name = self._line(
            "name", translate("AccountForm", "Name"), translate("AccountForm", "Work")
        )
        self._row(translate("AccountForm", "&Name:"), "name")
        self._kind_row()
        self.sandbox_note = lists.muted_label(
            translate(
                "AccountForm",
                "Built-in test server — delivers nothing. A local test server inside the app: "
                "it keeps what you send. It needs no password.",
            ),
            self,
        )
        self.rows.addRow(self.sandbox_note)
        self._smtp_rows()
        self._rest_rows()
        self._ca_row()
        self.timeouts_page = self._timeouts()

    # -- building ----------------------------------------------------------------------------

    def _kind_row(self) -> None:
        self.smtp_radio = QRadioButton(translate("AccountForm", "S&MTP API"), self)
        self.rest_radio = QRadioButton(translate("AccountForm", "&REST API"), self)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.smtp_radio)
        self.kind.addButton(self.rest_radio)
        kinds = QWidget(self)
        box = QVBoxLayout(kinds)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        notes = (
            translate(
                "AccountForm",
                "Sends through SMTPeter's mail server, like any mail program, with your SMTP "
                "login.",
            ),
            translate(
                "AccountForm",
                "Sends over HTTPS with an API token, and can show what became of each message "
                "(delivered, opened, clicked).",
            ),
        )
        for radio, note in zip((self.smtp_radio, self.rest_radio), notes, strict=True):
            radio.setAccessibleDescription(note)
            box.addWidget(radio)
            explanation = lists.muted_label(note, kinds)
            explanation.setContentsMargins(24, 0, 0, 4)
            box.addWidget(explanation)
        self.smtp_radio.toggled.connect(self.kind_changed)
        self.kinds = kinds
        self.rows.addRow(translate("AccountForm", "Sends with:"), kinds)

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
        line.textEdited.connect(lambda _text: self.clear_problem(key))
        self.fields[key] = Field(line, self, extra=extra, grow=grow)
        return line

    def _row(self, label: str, key: str) -> None:
        title = QLabel(label, self)
        title.setBuddy(self.fields[key].widget)
        self.rows.addRow(title, self.fields[key])

    def _smtp_rows(self) -> None:
        self.host = self._line("host", translate("AccountForm", "Server"), "mail.smtpeter.com")
        self._row(translate("AccountForm", "Ser&ver:"), "host")
        self.port = self._line("port", translate("AccountForm", "Port"), "587", grow=False)
        self.port.setMaximumWidth(90)
        self.port.textEdited.connect(self._port_edited)
        self._row(translate("AccountForm", "&Port:"), "port")
        self.security = QComboBox(self)
        self.security.addItem(translate("AccountForm", "STARTTLS (usually port 587)"), "starttls")
        self.security.addItem(translate("AccountForm", "TLS from the start (port 465)"), "tls")
        self.security.setAccessibleName(translate("AccountForm", "Security"))
        self.security.setToolTip(
            translate(
                "AccountForm",
                "STARTTLS: a plain connection made secure before logging in (port 587).\n"
                "TLS: secure from the first byte (port 465).",
            )
        )
        self.security.activated.connect(self._security_chosen)
        security_label = QLabel(translate("AccountForm", "Sec&urity:"), self)
        security_label.setBuddy(self.security)
        self.rows.addRow(security_label, self.security)
        self.username = self._line("username", translate("AccountForm", "Login"))
        self._row(translate("AccountForm", "&Login:"), "username")
        self.password = self._line("password", translate("AccountForm", "Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(translate("AccountForm", "Pass&word:"), "password")
        # Shown while a token is stored: the way to stop the checks asking SMTPeter.
        self.forget_button = QPushButton(translate("AccountForm", "Remove"), self)
        self.forget_button.setAccessibleName(
            translate("AccountForm", "Remove the REST token for checks")
        )
        self.forget_button.setVisible(False)
        self.forget_button.clicked.connect(self._forget_check_token)
        self.forgetting_check_token = False
        self.check_token = self._line(
            "check_token",
            translate("AccountForm", "REST token for checks (optional)"),
            extra=self.forget_button,
        )
        self.check_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.check_token.setToolTip(
            translate(
                "AccountForm",
                "An SMTPeter API token (from its dashboard), used only to ask whether the "
                "From domain is a sender domain with its DNS in order. Sending uses the "
                "password.",
            )
        )
        self._row(translate("AccountForm", "REST token for c&hecks:"), "check_token")
        self.check_token_note = lists.muted_label(
            translate(
                "AccountForm",
                "Only SMTPeter's REST API tells whether the From domain will be accepted; "
                "with a token, Check asks it before you send. Kept in the keyring.",
            ),
            self,
        )
        self.rows.addRow("", self.check_token_note)
        self.smtp_widgets: list[QWidget] = [
            self.fields["host"],
            self.fields["port"],
            self.security,
            self.fields["username"],
            self.fields["password"],
            self.fields["check_token"],
            self.check_token_note,
        ]

    def _rest_rows(self) -> None:
        self.rest_url = self._line(
            "rest_url", translate("AccountForm", "API address"), "https://www.smtpeter.com/v1"
        )
        self._row(translate("AccountForm", "API &address:"), "rest_url")
        self.token = self._line("token", translate("AccountForm", "API token"))
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(translate("AccountForm", "API to&ken:"), "token")
        self.rest_widgets: list[QWidget] = [self.fields["rest_url"], self.fields["token"]]

    def _ca_row(self) -> None:
        self.browse_button = QPushButton(translate("AccountForm", "&Browse…"), self)
        self.browse_button.setAccessibleName(
            translate("AccountForm", "Browse for a CA certificate")
        )
        self.browse_button.clicked.connect(self._browse)
        self.ca_file = self._line(
            "ca_file",
            translate("AccountForm", "CA certificate"),
            translate("AccountForm", "Optional: for a private server"),
            extra=self.browse_button,
        )
        self.ca_file.setToolTip(
            translate(
                "AccountForm",
                "A certificate authority to trust besides the system's, for a server with a "
                "private certificate. Leave empty for SMTPeter.",
            )
        )
        self._row(translate("AccountForm", "CA &certificate:"), "ca_file")
        QWidget.setTabOrder(self.ca_file, self.browse_button)

    def _timeouts(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(24, 0, 0, 0)
        form.setHorizontalSpacing(12)
        self.timeouts: dict[str, QDoubleSpinBox] = {}
        texts = {
            "connect": (
                translate("AccountForm", "Connect:"),
                translate("AccountForm", "Timeout: connect"),
                translate("AccountForm", "How long to wait for the server to answer at all"),
            ),
            "command": (
                translate("AccountForm", "Each command:"),
                translate("AccountForm", "Timeout: each command"),
                translate("AccountForm", "How long to wait for each answer while talking"),
            ),
            "data": (
                translate("AccountForm", "The whole message:"),
                translate("AccountForm", "Timeout: the whole message"),
                translate("AccountForm", "How long to wait for the final answer after upload"),
            ),
        }
        for name, (label, accessible, tip) in texts.items():
            spin = QDoubleSpinBox(page)
            spin.setRange(1, 3600)
            spin.setDecimals(0)
            spin.setSuffix(translate("AccountForm", " s"))
            spin.setToolTip(tip)
            spin.setAccessibleName(accessible)
            self.timeouts[name] = spin
            form.addRow(label, spin)
        return page

    # -- loading -----------------------------------------------------------------------------

    def load(self, profile: Profile | None) -> None:
        template = profile or Profile(id="new", name="new", transport="smtp")
        self.name.setText(profile.name if profile is not None else "")
        self.host.setText(template.host)
        self.port.setText(str(template.port))
        self.security.setCurrentIndex(max(0, self.security.findData(template.security)))
        self.username.setText(template.username)
        self.rest_url.setText(template.rest_url)
        self.ca_file.setText(template.ca_file)
        for name, spin in self.timeouts.items():
            spin.setValue(getattr(template.timeouts, name))
        (self.rest_radio if template.transport == "rest" else self.smtp_radio).setChecked(True)
        self.kind_changed()
        self.rows.setRowVisible(self.sandbox_note, self.sandbox)
        if self.sandbox:
            for widget in (self.kinds, self.fields["ca_file"]):
                self.rows.setRowVisible(widget, False)

    def kind_changed(self, *_: object) -> None:
        smtp = self.smtp_radio.isChecked()
        for widget in self.smtp_widgets:
            self.rows.setRowVisible(widget, smtp and not self.sandbox)
        for widget in self.rest_widgets:
            self.rows.setRowVisible(widget, not smtp and not self.sandbox)

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
            translate("AccountForm", "Choose a CA certificate"),
            start,
            translate("AccountForm", "Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)
            self.clear_problem("ca_file")

    # -- reading -----------------------------------------------------------------------------

    def transport(self) -> Literal["smtp", "rest"]:
        return "smtp" if self.smtp_radio.isChecked() else "rest"

    def values(self) -> dict[str, Any]:
        """The profile's fields as typed; raises ``InvalidProfile`` for a port that is no
        number (the profile's own rules check the rest)."""
        port_text = self.port.text().strip()
        if not port_text.isdigit():
            raise InvalidProfile(
                "port",
                translate(
                    "AccountForm", "The port must be a whole number from 1 to 65535, not “{port}”."
                ).format(port=port_text),
            )
        timeouts = Timeouts(**{name: spin.value() for name, spin in self.timeouts.items()})
        return {
            "name": self.name.text(),
            "transport": self.transport(),
            "host": self.host.text().strip(),
            "port": int(port_text),
            "security": str(self.security.currentData()),
            "username": self.username.text().strip(),
            "rest_url": self.rest_url.text().strip(),
            "ca_file": self.ca_file.text().strip(),
            "timeouts": timeouts,
        }

    def typed_secrets(self) -> dict[Kind, str]:
        """What was typed in the secret fields of the chosen kind (empty: keep the stored)."""
        if self.sandbox:
            return {}
        if self.transport() == "rest":
            return {SECRET: self.token.text()}
        return {SECRET: self.password.text(), CHECK_TOKEN: self.check_token.text()}

    def secret_key(self) -> str:
        """The field of the chosen kind's secret."""
        return "password" if self.transport() == "smtp" else "token"

    def show_placeholders(
        self, secret: str, check_token: str, *, token_stored: bool = False
    ) -> None:
        for line in (self.password, self.token):
            line.setPlaceholderText(secret)
        self.check_token.setPlaceholderText(check_token)
        self.forget_button.setVisible(token_stored and not self.forgetting_check_token)

    def _forget_check_token(self) -> None:
        self.forgetting_check_token = True
        self.check_token.clear()
        self.check_token.setPlaceholderText(
            translate("AccountForm", "Removed from the keyring on Save")
        )
        self.forget_button.setVisible(False)
        self.check_token.setFocus()

    def forgets_check_token(self) -> bool:
        """Whether Save is to remove the stored REST token for checks (none typed instead)."""
        return self.forgetting_check_token and not self.check_token.text()

    # -- problems ----------------------------------------------------------------------------

    def mark(self, field: str, message: str) -> bool:
        """Show ``message`` under the profile's ``field`` and focus it; False when the field is
        not one of this form's lines (a timeout: focused, but said elsewhere)."""
        key = {"id": "name", "security": "port"}.get(field, field)
        target = self.fields.get(key)
        if target is None:
            if key in self.timeouts:
                self.timeouts[key].setFocus()
            return False
        target.show_problem(message)
        target.widget.setFocus()
        return True

    def clear_problem(self, key: str) -> None:
        if key in self.fields:
            self.fields[key].show_problem("")

    def clear_problems(self) -> None:
        for key in self.fields:
            self.clear_problem(key)
