"""The main window's panes: switching between them, putting a built pane in its place in the
stack, and building the Outbox, Sent, Drafts, Accounts and Settings the first time they are
shown.

Those five are not built at start: "ready" then waits only for the pane the person sees.
Their modules are imported here, when first shown: ~45 ms of start-up saved (most of it the
Accounts pane's connection test and account dialog), and ~15-20 ms for the Outbox, whose
badge in the sidebar is counted without it (``outbox_changed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smtpeter_desktop.ui.sidebar import pane_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from smtpeter_desktop.ui.accounts_pane import AccountsPane
    from smtpeter_desktop.ui.drafts import DraftsPane
    from smtpeter_desktop.ui.main_window import MainWindow
    from smtpeter_desktop.ui.outbox_pane import OutboxPane
    from smtpeter_desktop.ui.sent_pane import SentPane
    from smtpeter_desktop.ui.settings_pane import SettingsPane

BUILT_ON_SHOW = {
    "outbox": "outbox",
    "sent": "sent",
    "drafts": "drafts",
    "accounts": "accounts",
    "settings": "settings_pane",
}
"""The panes built the first time they are shown, and the window's attribute that builds each."""


def install(window: MainWindow, key: str, widget: QWidget) -> None:
    """Put ``widget`` in the stack in place of pane ``key``'s empty page."""
    stack = window.stack
    old = window._pages[key]
    stack.insertWidget(stack.indexOf(old), widget)
    if stack.currentWidget() is old:
        stack.setCurrentWidget(widget)
    stack.removeWidget(old)
    old.deleteLater()
    widget.setAccessibleName(pane_label(key))
    window._pages[key] = widget


def on_section(window: MainWindow, row: int) -> None:
    """Pane ``row`` was chosen in the sidebar: build it if need be, show it, bring it up to date."""
    if row < 0:
        return
    key = window.sidebar.key_at(row)
    page = window._pages[key]
    if key in BUILT_ON_SHOW:
        getattr(window, BUILT_ON_SHOW[key])  # built, and filled, the first time
    window.stack.setCurrentIndex(row)
    if key == "outbox" and window._outbox is not None and window._outbox is page:
        window._outbox.refresh()  # not when it was built just now: it is fresh
    if key == "sent" and window._sent is not None and window._sent is page:
        window._sent.refresh()  # not when it was built just now: it is fresh
    if key == "drafts" and window.keeper is not None and window._drafts is not None:
        window.keeper.save_now()
        window._drafts.show_drafts(window.keeper.id)
    if key == "compose" and window.compose is not None:
        window.compose.focus_first_empty()


def outbox(window: MainWindow) -> OutboxPane | None:
    if window._outbox is None and window.flow is not None and window.context is not None:
        from smtpeter_desktop.ui.outbox_pane import OutboxPane

        flow = window.flow
        pane = window._outbox = OutboxPane(window.context, window.postman, window)
        pane.send_requested.connect(flow.send_queued)
        pane.edit_requested.connect(flow.open_draft)
        pane.rescheduled.connect(window._on_rescheduled)
        pane.count_changed.connect(lambda n: window.sidebar.set_badge("outbox", n))
        install(window, "outbox", pane)
        for id in window._sending:  # built during a send: its row says so
            pane.sending(id, True)
        # The pane read itself when it was made, before its count was connected.
        window.sidebar.set_badge("outbox", pane.count())
    return window._outbox


def outbox_changed(window: MainWindow) -> None:
    """A message entered, left or changed in the Outbox: the pane reads it again, or, before
    it is built, its badge is counted (as the pane counts: a merge is one entry)."""
    from smtpeter_desktop.delivery.names import MailboxError

    from smtpeter_desktop.ui.outbox_states import OUTBOX_STATES, entry_count

    if window._outbox is not None:
        window._outbox.refresh()
        return
    mail = window.postman
    if mail is None:
        return
    try:
        count = entry_count(mail.summaries(OUTBOX_STATES), mail)
    except MailboxError:
        return  # the badge stays as it was; the pane says why when shown
    window.sidebar.set_badge("outbox", count)


def sent(window: MainWindow) -> SentPane | None:
    if window._sent is None and window.flow is not None and window.service is not None:
        from smtpeter_desktop.ui.sent_pane import SentPane

        assert window.context is not None and window.postman is not None
        pane = window._sent = SentPane(window.context, window.postman, window)
        pane.refresh_events_requested.connect(window.service.refresh_events)
        pane.new_draft_requested.connect(window._open_new_draft)
        pane.resend_queued.connect(window.flow.send_queued)
        install(window, "sent", pane)
        pane.refresh()
    return window._sent


def drafts(window: MainWindow) -> DraftsPane | None:
    if window._drafts is None and window.flow is not None and window.postman is not None:
        from smtpeter_desktop.ui.drafts import DraftsPane

        window._drafts = DraftsPane(window.postman, window)
        window._drafts.open_requested.connect(window.flow.open_draft)
        install(window, "drafts", window._drafts)
    return window._drafts


def accounts(window: MainWindow) -> AccountsPane | None:
    if window._accounts is None and window.flow is not None and window.context is not None:
        from smtpeter_desktop.ui.accounts_pane import AccountsPane

        window._accounts = AccountsPane(window.context, window)
        window._accounts.profiles_changed.connect(window.load_profiles)
        install(window, "accounts", window._accounts)
    return window._accounts


def settings_pane(window: MainWindow) -> SettingsPane | None:
    if window._settings_pane is None and window.flow is not None and window._prefs is not None:
        from smtpeter_desktop.ui import window_tools
        from smtpeter_desktop.ui.settings_pane import SettingsPane

        pane = window._settings_pane = SettingsPane(window._prefs, window)
        pane.set_profiles(window._profiles)
        pane.changed.connect(window._apply_setting)
        window_tools.add_signatures_page(window, pane)
        install(window, "settings", pane)
    return window._settings_pane


def reveal(window: MainWindow, key: str, id: int) -> None:
    """Show the Outbox or Sent with message ``id`` selected."""
    window.show_pane(key)
    pane = window.sent if key == "sent" else window.outbox
    if pane is not None:
        pane.refresh()
        pane.select(id)
