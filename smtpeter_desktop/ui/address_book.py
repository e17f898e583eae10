"""Feeds the compose pane's address completion: sent mail's recipients and the senders.

The list is read off the GUI thread (it reads all of Sent) when the window starts and after
each send; an address the person forgets is kept in the settings and left out from then on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from smtpeter_desktop.delivery import addressbook
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui.compose_pane import ComposePane
from smtpeter_desktop.ui.tasks import Task, run_task

log = logging.getLogger(__name__)


class AddressBook(QObject):
    """Keeps ``pane``'s completion lists up to date; call :meth:`reload` after a send."""

    def __init__(self, context: AppContext, pane: ComposePane, parent: QObject | None) -> None:
        super().__init__(parent)
        self._context = context
        self._pane = pane
        self._loading: Task[list[str]] | None = None
        self.known: list[str] = []
        pane.address_forgotten.connect(self.forget)
        self.reload()

    def reload(self) -> None:
        """Read the addresses again, on the pool; the pane gets them when read."""
        path = self._context.mailbox_path
        profiles = self._context.profiles
        forgotten = addressbook.forgotten_from(
            self._context.settings.get(settings.FORGOTTEN_ADDRESSES)
        )
        if self._loading is not None and not self._loading.done:
            self._loading.discard()
        self._loading = run_task(
            lambda: addressbook.known_addresses(path, profiles, forgotten),
            self._loaded,
            self._failed,
            parent=self,
        )

    @property
    def loading(self) -> bool:
        return self._loading is not None and not self._loading.done

    def _loaded(self, known: list[str]) -> None:
        self.known = known
        self._pane.set_known_addresses(known)

    def _failed(self, error: BaseException) -> None:
        # Completion is a help, not a duty: without it typing works as before.
        log.warning("The addresses for completion could not be read: %s", error)

    def forget(self, address: str) -> None:
        """Never offer ``address`` (bare) again: kept in the settings file."""
        prefs = self._context.settings
        line = addressbook.with_forgotten(prefs.get(settings.FORGOTTEN_ADDRESSES), [address])
        try:
            prefs.set(settings.FORGOTTEN_ADDRESSES, line)
        except StorageError as exc:
            log.warning("A forgotten address could not be kept: %s", exc)
        self.known = [k for k in self.known if address.casefold() not in k.casefold()]
