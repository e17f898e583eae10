"""The account dialog: add or edit a profile, test its connection, keep its secrets in the keyring.

It joins the parts that do the work: the connection form (``account_form``), the senders
table (``account_senders``), the default options (``OptionsPanel``), the connection test
(``check_view.ConnectionTest``) and the secrets (``account_secrets``). What is typed is checked
by the profile's own rules (``Profile``, ``Identity``): their ``InvalidProfile.field`` points
at the field, which is marked with the sentence under it.

A secret field never shows a stored secret. It stays empty with a placeholder that says where
the secret is, and the secret is written only when something is typed there. Every keyring
call runs in a worker (it may block on D-Bus or an unlock prompt). When the keyring cannot be
used the dialog says why in words and offers to keep the secret for this session only; it
never falls back to a file by itself.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import InvalidProfile, KeyringUnavailable, StorageError
from smtpeter_desktop.storage.profiles import Identity, Profile
from smtpeter_desktop.storage.secrets import SECRET, Kind

from smtpeter_desktop.ui import account_secrets, lists, messages, theme
from smtpeter_desktop.ui.account_fields import Disclosure
from smtpeter_desktop.ui.account_form import AccountForm
from smtpeter_desktop.ui.account_secrets import KeyringBox, SecretState
from smtpeter_desktop.ui.account_senders import SenderProblem, SendersTable
from smtpeter_desktop.ui.address_field import paint_problem_label
from smtpeter_desktop.ui.check_view import CheckView, ConnectionTest
from smtpeter_desktop.ui.lists import Tone
from smtpeter_desktop.ui.options_panel import OptionsPanel
from smtpeter_desktop.ui.tasks import Task, run_task

log = logging.getLogger(__name__)


class AccountDialog(QDialog):
    """Add a profile (``profile`` None) or edit one; Save writes it, and its secrets if typed.

    Signals:
        saved(object): the ``Profile`` as saved (after its secrets, when any were typed).

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
        self.setWindowTitle(
            translate("AccountDialog", "Edit “{name}”").format(name=profile.name)
            if profile is not None
            else translate("AccountDialog", "Add an Account")
        )
        messages.fit_title(self)
        self.setAccessibleName(translate("AccountDialog", "Account"))
        self.setMinimumWidth(560)

        body = QWidget(self)
        self._form_body(body)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(body)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller = scroller

        # Outside the scrolled form: a keyring problem on saving must be seen at once.
        self.keyring_box = KeyringBox(self)
        self.keyring_text = self.keyring_box.text
        self.session_button = self.keyring_box.session_button
        self.session_button.clicked.connect(self.keep_for_session)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            translate("AccountDialog", "&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(translate("AccountDialog", "Save"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("AccountDialog", "Status"))
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

        form = AccountForm(self._sandbox, body)
        self.form = form
        # The form's parts, by the names the window's tests and callers use.
        self.fields = form.fields
        self.name, self.host, self.port = form.name, form.host, form.port
        self.security, self.username, self.password = form.security, form.username, form.password
        self.check_token, self.rest_url, self.token = form.check_token, form.rest_url, form.token
        self.ca_file, self.browse_button = form.ca_file, form.browse_button
        self.smtp_radio, self.rest_radio = form.smtp_radio, form.rest_radio
        self.sandbox_note, self.timeouts = form.sandbox_note, form.timeouts

        self.test_button = QPushButton(translate("AccountDialog", "&Test Connection"), body)
        self.test_button.setToolTip(
            translate(
                "AccountDialog",
                "Connect and log in step by step with the settings above, sending nothing",
            )
        )
        self.test_button.clicked.connect(self.test_connection)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.rows.addRow("", test_row)
        self.check_view = CheckView(body)
        form.rows.addRow(self.check_view)
        self.tester = ConnectionTest(self._context, self.check_view, self)
        self.tester.stage_added.connect(self._show_check)
        self.tester.no_secret.connect(self._no_secret)
        self.tester.ended.connect(self._test_ended)
        layout.addWidget(form)

        layout.addWidget(lists.heading(translate("AccountDialog", "Senders"), body))
        layout.addWidget(
            lists.muted_label(
                translate(
                    "AccountDialog",
                    "Who mail from this account may come from; the From picker offers these. "
                    "The address's domain must be a sender domain in SMTPeter.",
                ),
                body,
            )
        )
        self.sender_table = SendersTable(body)
        self.senders = self.sender_table.table
        layout.addWidget(self.sender_table)

        self.options = OptionsPanel(body)
        self.options.reset_button.setVisible(False)
        self.options_section = Disclosure(
            translate("AccountDialog", "Default SMTPeter &options"), self.options, body
        )
        layout.addWidget(self.options_section)
        self.advanced_section = Disclosure(
            translate("AccountDialog", "&Advanced"), form.timeouts_page, body
        )
        layout.addWidget(self.advanced_section)
        layout.addStretch(1)

    def _apply_style(self) -> None:
        error = theme.error(self.palette()).name()
        self.setStyleSheet(
            f'QLineEdit[invalid="true"] {{ border: 1px solid {error}; border-radius: 3px;'
            " padding: 2px 3px; }"
        )

    def _load(self, profile: Profile | None) -> None:
        self.form.load(profile)
        template = profile or Profile(id="new", name="new", transport="smtp")
        for identity in template.identities:
            self.add_sender(identity)
        if profile is None:
            self.add_sender(focus=False)
        self.options.reset_to(template.options)
        waiting = "" if self._sandbox else account_secrets.checking_text()
        self.form.show_placeholders(waiting, waiting)

    def transport(self) -> str:
        return self.form.transport()

    def add_sender(self, identity: Identity | None = None, *, focus: bool = True) -> None:
        """Add a row to the senders table (empty, or ``identity``)."""
        self.sender_table.add(identity, focus=focus)

    # -- the keyring -------------------------------------------------------------------------

    def _ask_keyring(self) -> None:
        if self._sandbox:
            return
        secrets = self._context.secrets
        profile_id = self._id
        run_task(
            lambda: account_secrets.probe(secrets, profile_id),
            self._keyring_known,
            self._keyring_failed,
            parent=self,
        )

    def _keyring_known(self, state: SecretState) -> None:
        self._secret_state = state
        self.form.show_placeholders(
            state.placeholder(), state.check_token_placeholder(), token_stored=state.check_token
        )
        if not state.status.usable:
            self.keyring_box.show_problem(state.status.backend, state.status.problem, saving=False)

    def _keyring_failed(self, error: BaseException) -> None:
        self.form.show_placeholders("", account_secrets.check_token_placeholder())
        if isinstance(error, KeyringUnavailable):
            self.keyring_box.show_problem(error.backend, str(error), saving=False)
            return
        self._bug(translate("AccountDialog", "reading the keyring"), error)

    def keep_for_session(self) -> None:
        """Keep the typed secrets in memory for this run, and save the account."""
        typed = self._typed()
        profile = self._pending
        if profile is None or not any(typed.values()):
            return
        account_secrets.keep_for_session(self._context.secrets, profile.id, typed)
        self.keyring_box.setVisible(False)
        self._write(profile)

    # -- reading the form --------------------------------------------------------------------

    def _typed(self) -> dict[Kind, str]:
        return self.form.typed_secrets()

    def profile_as_edited(self) -> Profile:
        """The profile as the form stands; raises ``InvalidProfile`` naming the field at fault
        and ``SenderProblem`` for a sender that cannot be used."""
        identities = self.sender_table.identities(required=not self._sandbox)
        values = self.form.values()
        values.update(identities=identities, options=self.options.options())
        if self._original is not None:
            return dataclasses.replace(self._original, **values)
        return Profile.create(**values)

    def _checked_profile(self) -> Profile | None:
        """The profile as edited, or None with the fields at fault marked."""
        self._clear_problems()
        try:
            profile = self.profile_as_edited()
        except SenderProblem as problem:
            self.sender_table.mark(problem)
            self._say(translate("AccountDialog", "Please correct the marked sender."), Tone.BAD)
            return None
        except InvalidProfile as exc:
            self._mark(exc.field, exc.message)
            return None
        if profile.ca_file and not self._sandbox:
            path = Path(profile.ca_file).expanduser()
            if not path.is_file():
                self._mark(
                    "ca_file",
                    translate("AccountDialog", "There is no file at {path}.").format(path=path),
                )
                return None
        return profile

    def _mark(self, field: str, message: str) -> None:
        if self.form.mark(field, message):
            self._say(translate("AccountDialog", "Please correct the marked field."), Tone.BAD)
            return
        if field in self.timeouts:
            self.advanced_section.set_open(True)
            self.timeouts[field].setFocus()
        self._say(message, Tone.BAD)

    def _clear_problems(self) -> None:
        self.form.clear_problems()
        self.sender_table.clear_marks()
        self._say("", None)

    def problem(self, key: str) -> str:
        """The sentence shown under a field (``senders`` for the table); empty when none."""
        if key == "senders":
            return self.sender_table.problem()
        return self.fields[key].problem()

    def _say(self, text: str, tone: Tone | None) -> None:
        self.status.setText(text)
        lists.paint(self.status, tone)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Check the form, store typed secrets (in a worker), then write the profile."""
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
                self._mark(
                    "name",
                    translate(
                        "AccountDialog", "There is already an account named “{name}”."
                    ).format(name=other.name),
                )
                return
        typed = self._typed()
        if not typed.get(SECRET) and self._needs_new_secret(profile):
            self._mark(
                self.form.secret_key(),
                translate(
                    "AccountDialog", "Type the API token: the one stored is for the SMTP API."
                )
                if profile.transport == "rest"
                else translate(
                    "AccountDialog", "Type the password: the one stored is for the REST API."
                ),
            )
            return
        self._pending = profile
        forget = self._forgets_check_token(profile)
        if not any(typed.values()) and not forget:
            self._write(profile)
            return
        self._busy(True, translate("AccountDialog", "Storing the secret in the keyring…"))
        secrets = self._context.secrets
        self._saving = run_task(
            lambda: account_secrets.store(secrets, profile.id, typed, forget_check_token=forget),
            lambda _none: self._secret_stored(profile),
            self._secret_failed,
            parent=self,
        )

    def _forgets_check_token(self, profile: Profile) -> bool:
        """Remove was pressed, or the account now sends over REST (its own token checks)."""
        stored = self._secret_state is not None and self._secret_state.check_token
        return self.form.forgets_check_token() or (profile.transport == "rest" and stored)

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
            self.keyring_box.show_problem(error.backend, str(error), saving=True)
            self._say("", None)
            self.session_button.setFocus()
            return
        self._bug(translate("AccountDialog", "storing the secret"), error)

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
        self.test_button.setEnabled(False)
        self.tester.start(
            profile,
            translate("AccountDialog", "Connection test: {where}").format(where=profile.describe()),
            typed=self._typed().get(SECRET, ""),
            no_secret=translate(
                "AccountDialog", "No API token is stored for this account: type it to test."
            )
            if profile.transport == "rest"
            else translate(
                "AccountDialog", "No password is stored for this account: type it to test."
            ),
        )

    def _no_secret(self) -> None:
        self._mark(
            self.form.secret_key(),
            translate("AccountDialog", "Type the API token to test the connection.")
            if self.transport() == "rest"
            else translate("AccountDialog", "Type the password to test the connection."),
        )

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
        self._say(
            translate(
                "AccountDialog", "An internal problem stopped {doing}; the details are in the log."
            ).format(doing=doing),
            Tone.BAD,
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "keyring_box"):
            self._apply_style()
            self.keyring_box.repaint_box()
            for field in self.fields.values():
                paint_problem_label(field.message, self.palette())
