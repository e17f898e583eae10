"""Everything a process needs to work with the app's data, opened once at start.

The command line and the window both start here: the app home, the profiles (with the
built-in Sandbox profile on first start), the settings, the keyring, this process's lease,
and a way to make a ``Postman`` for the thread that sends.
"""

from __future__ import annotations

import dataclasses
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from smtpeter_desktop.delivery.connections import Ahead
from smtpeter_desktop.delivery.local_sandbox import LocalSandbox
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.storage import paths, profiles, settings
from smtpeter_desktop.storage.lease import Lease, LeaseRegistry
from smtpeter_desktop.storage.mailbox import Mailbox
from smtpeter_desktop.storage.reading import MAILBOX_FILE as MAILBOX_FILE
from smtpeter_desktop.storage.secrets import SecretStore


@dataclasses.dataclass
class AppContext:
    """The app's stores for one process.

    Attributes:
        home: the app home folder.
        profiles: the profile file.
        settings: the preferences (and window state) file, as loaded.
        secrets: the keyring plus this run's session-only secrets; shared by all threads.
        sandbox: the built-in sandbox, started on first use.
        leases: the process leases in the home; ``lease`` is this process's own.
        ahead: transports connecting ahead of a send, shared by the process's Postmans.
    """

    home: Path
    profiles: profiles.ProfileStore
    settings: settings.Settings
    secrets: SecretStore
    sandbox: LocalSandbox
    leases: LeaseRegistry
    lease: Lease
    ahead: Ahead = dataclasses.field(default_factory=Ahead)

    @classmethod
    def open(cls, home: Path | None = None) -> AppContext:
        """Open (and on first start, create) the app's data; raises ``StorageError``."""
        home = home or paths.app_home()
        prefs = settings.Settings.load(home / settings.FILE_NAME)
        secrets = SecretStore(allow_plaintext=prefs.get(settings.ALLOW_PLAINTEXT_KEYRING))
        store = profiles.ProfileStore(home / profiles.FILE_NAME, secrets=secrets)
        leases = LeaseRegistry(home)
        context = cls(
            home=home,
            profiles=store,
            settings=prefs,
            secrets=secrets,
            sandbox=LocalSandbox(home / "sandbox"),
            leases=leases,
            lease=leases.acquire(),
        )
        profiles.ensure_default_profiles(store)
        return context

    @property
    def mailbox_path(self) -> Path:
        return self.home / MAILBOX_FILE

    def postman(
        self, clock: Callable[[], float] = time.time, *, fail_fast: bool = False
    ) -> Postman:
        """A Postman with a mailbox connection of its own, for the calling thread.

        ``fail_fast``: its writes do not wait for another process's write lock; they raise
        ``MailboxBusy`` at once (the window's GUI thread must never stall).
        """
        mailbox = Mailbox(self.mailbox_path, clock=clock)
        if fail_fast:
            mailbox.fail_fast()
        return Postman(
            mailbox=mailbox,
            profiles=self.profiles,
            secrets=self.secrets,
            sandbox=self.sandbox,
            lease=self.lease,
            spool_dir=self.home / "spool" / self.lease.owner,
            clock=clock,
            ahead=self.ahead,
        )

    def recover(self) -> list[int]:
        """At start: messages a dead process left half-sent become UNKNOWN, and what it left
        half-built is removed (the mailbox never refers to spool files)."""
        spool = self.home / "spool"
        if spool.is_dir():
            for folder in spool.iterdir():
                if folder.name != self.lease.owner and not self._alive(folder.name):
                    shutil.rmtree(folder, ignore_errors=True)
        with Mailbox(self.mailbox_path) as mailbox:
            recovered = mailbox.recover(self.leases)
        self.leases.clean()
        return recovered

    def _alive(self, owner: str) -> bool:
        try:
            return self.leases.alive(owner)
        except ValueError:  # not a lease name: nothing of a live process
            return False

    def close(self) -> None:
        self.ahead.close()
        self.sandbox.stop()
        self.lease.release()


def load_transports() -> None:
    """Import both transports (httpx and smtplib, about 60 ms) so that a first send need not
    wait for them."""
    import smtpeter_desktop.transport.rest
    import smtpeter_desktop.transport.smtp  # noqa: F401


def load_send_path() -> None:
    """Import what a first send needs and opening the data does not: the checks before
    sending, with the rendering and MIME building they use (~40 ms), the Markdown stack the
    rendering converts with (~60 ms), and both transports (~60 ms). The window runs this on a
    worker once it is ready, so that neither its ready nor its first send waits for them: the
    checks run on the GUI thread at Send, and a text the preview had not rendered yet made
    them import Markdown there, a stall of 50 ms or more."""
    import smtpeter_desktop.compose.checks
    import smtpeter_desktop.compose.markdown_html  # noqa: F401

    load_transports()
