"""Starting the main window, after its first frame: open the app's data on a worker thread,
then build the pane the person sees (Compose) and wire it to the send flow; or, if the data
cannot be opened, say why in a banner.

The Outbox (its badge counted once ready), Sent, Drafts, Accounts and Settings are built
later, the first time they are shown (``window_panes``).
"""

from __future__ import annotations

import functools
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import window_panes

if TYPE_CHECKING:
    from pathlib import Path

    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.postman import Postman

    from smtpeter_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def open_data(home: Path) -> tuple[AppContext, list[int]]:
    """On a worker thread: the app's data (recovered from a crash), and the address parser
    the panes need, imported here rather than on the GUI thread. What only a send needs is
    loaded once the window is ready (``delivery.context.load_send_path``)."""
    import smtpeter_desktop.compose.addresses  # noqa: F401
    from smtpeter_desktop.delivery.context import AppContext

    context = AppContext.open(home)
    try:
        return context, context.recover()
    except BaseException:
        context.close()
        raise


def start(window: MainWindow) -> None:
    """Open the app's data off the GUI thread, which stays idle and answers the person."""
    from smtpeter_desktop.ui import tasks

    window._started = time.perf_counter()
    home = window.home
    tasks.run_task(
        lambda: open_data(home),
        functools.partial(data_opened, window),
        functools.partial(data_failed, window),
        parent=window,
    )


def show_messages(window: MainWindow) -> None:
    """Messages said so far waited in the bridge; from now on they show in the window."""
    from smtpeter_desktop.ui import messages
    from smtpeter_desktop.ui.messages import MessageArea

    if window.message_area is None:
        window.message_area = MessageArea(window)
        window._right.insertWidget(0, window.message_area)
        messages.bridge.listen(window.message_area.show_message, window.message_area.withdraw)


def data_failed(window: MainWindow, exc: BaseException) -> None:
    from smtpeter_desktop.ui.messages import Level

    show_messages(window)
    if isinstance(exc, StorageError):
        message, hint = exc.message, exc.hint
        log.error("Start failed: %s", exc)
    else:
        message = translate("MainWindow", "an unexpected problem.")
        hint = translate("MainWindow", "The details are in the log.")
        log.error("Start failed", exc_info=exc)
    text = translate("MainWindow", "SMTPeter Desktop cannot open its data: {reason}")
    window.show_banner("start", Level.ERROR, text.format(reason=message), hint)
    window.start_failed.emit(message)


def data_opened(window: MainWindow, data: tuple[AppContext, list[int]]) -> None:
    arrived = (time.time(), time.process_time())
    from smtpeter_desktop.ui import draft_recovery, window_settings

    if window._closed:
        data[0].close()
        return
    window.data_arrived = arrived
    show_messages(window)
    context, recovered = data
    window.context = context
    # The GUI thread's: reads, and quick changes that fail at once rather than wait
    # for another process's write (the send worker does the long writes).
    postman = window.postman = context.postman(fail_fast=True)
    last_run = window._marker.previous()
    window._marker.begin()
    build_panes(window, context, postman)
    window_settings.report_problems(window)
    window.load_profiles()
    draft_recovery.reopen(window, last_run)
    window_settings.restore_compose_state(window)
    if window.compose is not None:
        window.compose.focus_first_empty()
    for action in window.needs_start:
        action.setEnabled(True)
    if recovered:
        _tell_recovered(window, len(recovered))
    assert window.flow is not None
    window.flow.start_retries()
    log.info(
        "Started in %.0f ms after the first frame",
        (time.perf_counter() - window._started) * 1e3,
    )
    window.ready.emit()
    after_ready(window)


def after_ready(window: MainWindow) -> None:
    """What the person does not wait for, once the compose pane is ready (unless a listener
    to ``ready`` closed the window): the offers to resume a merge and to send late messages,
    the Outbox's badge, and loading the send path on a worker (the preview's renderer starts
    then too, see ``preview.PreviewPane``). Before ready they took ~20 ms of CPU from
    building the pane. Sending what is due starts before ready, as before: a listener to
    ``ready`` may queue a message of its own."""
    from smtpeter_desktop.delivery.context import load_send_path

    from smtpeter_desktop.ui import merge_hooks, tasks, window_tools

    if window._closed:
        return
    merge_hooks.offer_resume(window)
    window_tools.start_late_messages(window)
    window_panes.outbox_changed(window)
    tasks.run_task(load_send_path, lambda _: None, parent=window)


def _tell_recovered(window: MainWindow, count: int) -> None:
    from smtpeter_desktop.ui import messages

    if count == 1:
        text = translate(
            "MainWindow",
            "SMTPeter Desktop stopped while sending 1 message; it may or may not have gone out.",
        )
    else:
        text = translate(
            "MainWindow",
            "SMTPeter Desktop stopped while sending %n messages; "
            "they may or may not have gone out.",
            n=count,
        )
    messages.warning(
        text,
        translate("MainWindow", "Look in the Outbox and decide for each one."),
        actions=[
            messages.Action(
                translate("MainWindow", "Open &Outbox"), lambda: window.show_pane("outbox")
            )
        ],
    )


def build_panes(window: MainWindow, context: AppContext, postman: Postman) -> None:
    """Compose (with its draft keeper, the send thread and flow, the check before sending),
    wired to the window."""
    from smtpeter_desktop.storage import settings

    from smtpeter_desktop.ui import window_tools
    from smtpeter_desktop.ui.address_book import AddressBook
    from smtpeter_desktop.ui.check_panel import BeforeSendCheck
    from smtpeter_desktop.ui.compose_pane import ComposePane
    from smtpeter_desktop.ui.drafts import DraftKeeper
    from smtpeter_desktop.ui.messages import MessageArea
    from smtpeter_desktop.ui.send_flow import SendFlow
    from smtpeter_desktop.ui.send_worker import SendService

    prefs = context.settings
    window._prefs = prefs
    # Made in its page: moved into one after, the whole pane was styled again (~10 ms).
    compose_page = QWidget(window)
    compose = window.compose = ComposePane(compose_page)
    compose.set_editor_font(
        prefs.get(settings.EDITOR_FONT_FAMILY), prefs.get(settings.EDITOR_FONT_SIZE)
    )
    # Before the first render: a crash inside any render must find the marker saying so.
    compose.preview.busy_changed.connect(window._on_preview_busy)
    compose.set_enabled_preview(prefs.get(settings.PREVIEW))
    compose.sender_box.currentIndexChanged.connect(window._show_account)
    keeper = window.keeper = DraftKeeper(compose, postman, window)
    keeper.saved.connect(window._on_saved)
    keeper.pending_changed.connect(window._on_pending)
    keeper.id_changed.connect(window._marker.set_draft)
    service = window.service = SendService(context, parent=window)
    flow = window.flow = SendFlow(
        context=context,
        pane=compose,
        keeper=keeper,
        service=service,
        postman=postman,
        area=window.message_area or MessageArea(window),
        window=window,
        parent=window,
    )
    flow.show_pane.connect(window.show_pane)
    window.before_send = BeforeSendCheck(context, compose, window)
    flow.pre_check = window.before_send.check_for_send
    flow.reveal.connect(window.reveal)
    flow.show_account.connect(window.show_account)
    flow.idle.connect(window._on_idle)
    flow.preparing_changed.connect(window._on_building)
    service.finished.connect(window._on_outcome_while_quitting)
    service.queued.connect(window._on_queued)

    service.started.connect(window._on_send_started)
    service.finished.connect(window._on_send_ended)
    service.events_refreshed.connect(window._on_events_refreshed)
    flow.sent.connect(window._on_sent)
    flow.outbox_changed.connect(lambda: window_panes.outbox_changed(window))
    # Address completion: sent mail's recipients and the senders, read off this thread.
    address_book = window.address_book = AddressBook(context, compose, window)
    flow.sent.connect(lambda _id: address_book.reload())
    window_tools.hook_spelling_and_send_later(window)
    window_tools.build_signatures(window, context)

    column = QVBoxLayout(compose_page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(6)
    window._banner_area = QVBoxLayout()
    window._banner_area.setSpacing(6)
    column.addLayout(window._banner_area)
    column.addWidget(compose, 1)
    window_panes.install(window, "compose", compose_page)
    window_panes.on_section(window, window.sidebar.currentRow())  # chosen while the data opened
