"""The writing aids the main window wires up: spell check, Send Later (and the messages left
waiting past their time), signatures and templates, local and SMTPeter's."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext

    from smtpeter_desktop.ui.main_window import MainWindow
    from smtpeter_desktop.ui.settings_pane import SettingsPane

# Spell check and Send Later --------------------------------------------------------------

INSTALLED_DICTIONARIES = "spelling/installed"
"""In the window's state file: the installed dictionaries as Enchant listed them last time
(``SpellingControls.installed_found``), so that a start need not load Enchant to list them."""


def hook_spelling_and_send_later(window: MainWindow) -> None:
    from smtpeter_desktop.storage import dictionary

    assert window.compose is not None
    window._dictionary = dictionary.PersonalDictionary(window.home / dictionary.FILE_NAME)
    window.compose.spelling.installed_found.connect(
        lambda codes: window._state.setValue(INSTALLED_DICTIONARIES, " ".join(codes))
    )
    configure_spelling(window)
    window.compose.send_later_requested.connect(window.send_later)


def rescheduled(window: MainWindow, at: float) -> None:
    # Sent at its new time, not at the next 30 s look (further ahead, that look finds it).
    if window.flow is not None and at - time.time() < 86_400:
        window.flow.due_at(at)


def configure_spelling(window: MainWindow) -> None:
    from smtpeter_desktop.storage import settings

    if window.compose is not None:
        kept = window._state.value(INSTALLED_DICTIONARIES)
        window.compose.spelling.configure(
            window.prefs.get(settings.SPELL_CHECK),
            window.prefs.get(settings.SPELL_LANGUAGE),
            window._dictionary,
            str(kept).split() if kept is not None else None,
        )


def start_late_messages(window: MainWindow) -> None:
    from smtpeter_desktop.ui.send_later import LateMessages

    assert window.postman is not None and window.flow is not None
    late = LateMessages(window.postman, window.prefs, window)
    late.send_now.connect(window.flow.send_due)
    late.show_outbox.connect(lambda: window.show_pane("outbox"))
    window.late_messages = late
    late.start()


def send_later(window: MainWindow) -> None:
    """Send Later…: pick a time; the message then waits in the Outbox until it."""
    from smtpeter_desktop.ui.send_later import SendLaterDialog

    if window.flow is None or window.compose is None or window.compose.is_busy():
        return
    dialog = SendLaterDialog(window)
    flow = window.flow
    dialog.accepted.connect(lambda: flow.send(at=dialog.chosen()))
    dialog.finished.connect(dialog.deleteLater)
    window.send_later_dialog = dialog
    dialog.open()


# Signatures ------------------------------------------------------------------------------


def build_signatures(window: MainWindow, context: AppContext) -> None:
    """The compose pane's signature from the signatures file; Settings ▸ Signatures edits
    the same file, and is built with the Settings pane (see ``add_signatures_page``)."""
    from smtpeter_desktop.storage.signatures import FILE_NAME, SignatureStore

    assert window.compose is not None
    window._signature_store = SignatureStore(context.home / FILE_NAME)
    window.compose.signature_button.set_store(window._signature_store)
    window.compose.signature_button.edit_requested.connect(window.edit_signatures)


def add_signatures_page(window: MainWindow, pane: SettingsPane) -> None:
    from smtpeter_desktop.ui.signature_page import SignaturesPage

    assert window._signature_store is not None
    window._signatures = SignaturesPage(window._signature_store, window)
    window._signatures.set_profiles(window._profiles)
    pane.add_page(window._signatures, translate("MainWindow", "Signatures"))


def edit_signatures(window: MainWindow) -> None:
    """Settings, on its Signatures page."""
    pane = window.settings_pane
    if pane is not None and window.signatures is not None:
        window.show_pane("settings")
        pane.show_page(window.signatures)


# Templates -------------------------------------------------------------------------------


def save_as_template(window: MainWindow) -> None:
    """File ▸ Save as Template…: the message in compose, kept under a name."""
    from smtpeter_desktop.ui.template_dialogs import save_as_template

    if window.compose is not None and window.postman is not None:
        save_as_template(window, window.postman, window.compose.draft())


def new_from_template(window: MainWindow) -> None:
    """File ▸ New from Template…: the templates, to start a message, rename or delete."""
    from smtpeter_desktop.ui.template_dialogs import TemplatesDialog

    if window.postman is None or window.flow is None or window.keeper is None:
        return
    window.keeper.save_now()
    dialog = TemplatesDialog(window.postman, window)
    dialog.open_requested.connect(window.flow.open_draft)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def smtpeter_templates(window: MainWindow) -> None:
    """File ▸ SMTPeter Templates…: the REST account's templates, shown and sent."""
    from smtpeter_desktop.ui.template_remote import SmtpeterTemplatesDialog

    if window.context is None:
        return
    dialog = SmtpeterTemplatesDialog(window.context, window._profiles, window)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
