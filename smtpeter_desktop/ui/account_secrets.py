"""The account dialog's secrets: what the keyring holds for a profile, storing what was typed,
and the box that says why the keyring cannot be used.

The functions here block on the keyring (D-Bus, an unlock prompt): the dialog runs them in a
worker. A stored secret is never read back into the window: only whether there is one.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.secrets import CHECK_TOKEN, SECRET, KeyringStatus, Kind, SecretStore

from smtpeter_desktop.ui import lists, theme
from smtpeter_desktop.ui.lists import Tone


def stored_text() -> str:
    return translate("AccountSecrets", "Stored in the keyring — type to replace")


def session_text() -> str:
    return translate("AccountSecrets", "Kept for this session only — type to replace")


def checking_text() -> str:
    return translate("AccountSecrets", "Checking the keyring…")


def check_token_placeholder() -> str:
    return translate("AccountSecrets", "Optional: an API token from SMTPeter's dashboard")


@dataclasses.dataclass(frozen=True)
class SecretState:
    """What the keyring holds for a profile, as found by a worker.

    Attributes:
        status: whether the keyring can be used now, and why not.
        stored: a secret is kept (in the keyring or for this session).
        session_only: it is kept in memory for this session only.
        check_token: a REST token for checks is kept (SMTP profiles).
    """

    status: KeyringStatus
    stored: bool
    session_only: bool
    check_token: bool = False

    def placeholder(self) -> str:
        """What the password or token field says while empty."""
        return session_text() if self.session_only else stored_text() if self.stored else ""

    def check_token_placeholder(self) -> str:
        return stored_text() if self.check_token else check_token_placeholder()


def probe(secrets: SecretStore, profile_id: str) -> SecretState:
    """Ask the keyring about a profile's secrets (``profile_id`` empty: a new profile)."""
    status = secrets.status()
    session = bool(profile_id) and secrets.is_session_only(profile_id)
    stored = session
    token = bool(profile_id) and secrets.is_session_only(profile_id, CHECK_TOKEN)
    if status.usable and profile_id:
        stored = stored or secrets.has(profile_id)
        token = token or secrets.has(profile_id, CHECK_TOKEN)
    return SecretState(status, stored, session, token)


def store(
    secrets: SecretStore,
    profile_id: str,
    typed: dict[Kind, str],
    *,
    forget_check_token: bool = False,
) -> None:
    """Store each typed secret in the keyring, and remove the check token when asked; raises
    ``KeyringUnavailable`` as the keyring does."""
    for kind in (SECRET, CHECK_TOKEN):
        if typed.get(kind):
            secrets.set(profile_id, typed[kind], kind)
    if forget_check_token:
        secrets.delete(profile_id, CHECK_TOKEN)


def keep_for_session(secrets: SecretStore, profile_id: str, typed: dict[Kind, str]) -> None:
    for kind, secret in typed.items():
        if secret:
            secrets.keep_for_session(profile_id, secret, kind)


class KeyringBox(QFrame):
    """Why the keyring cannot be used now, and (when saving) "Keep for This Session Only"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyringProblem")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(translate("KeyringBox", "Keyring problem"))
        self.session_button = QPushButton(
            translate("KeyringBox", "Keep for This Session &Only"), self
        )
        self.session_button.setToolTip(
            translate(
                "KeyringBox",
                "Keep the password or token in memory until SMTPeter Desktop quits; "
                "it is not written anywhere",
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.text)
        layout.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setVisible(False)
        self.repaint_box()

    def show_problem(self, backend: str, problem: str, *, saving: bool) -> None:
        if saving:
            lead = translate(
                "KeyringBox",
                "The account is not saved yet: the password or token could not be stored.",
            )
        else:
            lead = translate(
                "KeyringBox", "Passwords and tokens cannot be kept in the keyring now."
            )
        which = (
            ""
            if backend == "no keyring"
            else translate("KeyringBox", "The keyring: {backend}.").format(backend=backend) + "\n"
        )
        session = translate(
            "KeyringBox",
            "“Keep for This Session Only” keeps it in memory until SMTPeter Desktop quits; "
            "you type it again next time.",
        )
        self.text.setText(f"{lead}\n\n{which}{problem}\n\n{session}")
        self.session_button.setVisible(saving)
        self.setVisible(True)

    def repaint_box(self) -> None:
        """Colour the box as a warning in the current palette (again after a theme switch)."""
        palette = self.palette()
        warn = lists.tone_color(palette, Tone.WAIT)
        fill = theme.blend(palette.color(QPalette.ColorRole.Window), warn, 0.12).name()
        self.setStyleSheet(
            f"#keyringProblem {{ background: {fill}; border: 1px solid {warn.name()};"
            " border-radius: 6px; }"
        )
