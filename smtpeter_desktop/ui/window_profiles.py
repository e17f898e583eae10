"""Accounts in the main window: every profile's senders offered in compose, the account in
use in the status bar, a new message from the default account, the banner when the profiles
file cannot be read, and the welcome banner while only the built-in sandbox is set up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from pathlib import Path

    from smtpeter_desktop.ui.main_window import MainWindow


def load_profiles(window: MainWindow) -> None:
    """Offer every profile's senders (again: an account was added, changed or removed)."""
    from smtpeter_desktop.storage.errors import ProfileFileError

    from smtpeter_desktop.ui import messages
    from smtpeter_desktop.ui.sender_box import SenderChoice

    assert window.context is not None and window.compose is not None
    try:
        profiles = window.context.profiles.load()
    except ProfileFileError as exc:
        profiles = []
        path = exc.path
        window.show_banner(
            "profiles",
            messages.Level.ERROR,
            translate("MainWindow", "Your accounts could not be read: {reason}").format(
                reason=exc.message
            ),
            exc.hint,
            [
                messages.Action(
                    translate("MainWindow", "&Open the File"), lambda: _open_file(path)
                ),
                messages.Action(translate("MainWindow", "&Read It Again"), window.load_profiles),
            ],
        )
    else:
        window.drop_banner("profiles")
    window._profiles = profiles
    choices = [
        SenderChoice(
            profile.id,
            profile.name,
            profile.transport,
            profile.sandbox,
            identity.name,
            identity.address,
            identity.reply_to,
        )
        for profile in profiles
        for identity in profile.identities
    ]
    window.compose.set_senders(choices, {p.id: p.options for p in profiles})
    if window._settings_pane is not None:
        window._settings_pane.set_profiles(profiles)
    if window._signatures is not None:
        window._signatures.set_profiles(profiles)
    update_welcome(window)
    show_account(window)


def _open_file(path: Path) -> None:
    from smtpeter_desktop.ui import messages

    messages.open_externally(QUrl.fromLocalFile(str(path)), path.name)


def new_from_default(window: MainWindow) -> None:
    """An empty message from the default account's first sender."""
    from smtpeter_desktop.storage import settings

    assert window.compose is not None
    profiles = window._profiles
    wanted = window.prefs.get(settings.DEFAULT_PROFILE)
    profile = next((p for p in profiles if p.id == wanted), None)
    if profile is None and profiles:
        profile = profiles[0]
    if profile is not None and profile.identities:
        window.compose.sender_box.select(profile.id, profile.identities[0].address)
    window.compose.clear()


def update_welcome(window: MainWindow) -> None:
    """The welcome banner, while the sandbox is the only account and it was not dismissed."""
    from smtpeter_desktop.storage import settings

    from smtpeter_desktop.ui import messages

    profiles = window._profiles
    if window.prefs.get(settings.WELCOME_DISMISSED) or any(not p.sandbox for p in profiles):
        window.drop_banner("welcome")
        return
    if not any(p.sandbox for p in profiles) or window.banner("welcome") is not None:
        return
    window.show_banner(
        "welcome",
        messages.Level.INFO,
        translate(
            "MainWindow",
            "You're trying SMTPeter Desktop with the built-in sandbox: messages stay on "
            "this computer, and you can see exactly what would have gone out.",
        ),
        "",
        [
            messages.Action(
                translate("MainWindow", "Add &Your SMTPeter Account"),
                window.add_account,
                primary=True,
            ),
            messages.Action(translate("MainWindow", "&Dismiss"), window.dismiss_welcome),
        ],
        closable=False,
    )


def dismiss_welcome(window: MainWindow) -> None:
    from smtpeter_desktop.storage import settings

    from smtpeter_desktop.ui import window_settings

    window.drop_banner("welcome")
    window_settings.save_setting(window, settings.WELCOME_DISMISSED, True)


def show_account(window: MainWindow) -> None:
    """The status bar's "Account: …", for the sender chosen in compose."""
    choice = window.compose.sender_choice() if window.compose is not None else None
    if choice is None:
        window.account_label.setText(
            translate("MainWindow", "No account chosen")
            if window._profiles
            else translate("MainWindow", "No accounts")
        )
    else:
        window.account_label.setText(
            translate("MainWindow", "Account: {account}").format(account=choice.profile_label)
        )
