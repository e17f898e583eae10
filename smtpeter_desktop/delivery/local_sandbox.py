"""The built-in sandbox: started on loopback the first time a sandbox profile sends.

A new user can send at once: the ``Sandbox`` profile points here, the sandbox keeps what
arrives in the app home, and nothing leaves the computer. One runs per process, for as long
as the process needs it.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smtpeter_desktop.sandbox import CapturedMessage, Sandbox
    from smtpeter_desktop.transport.base import Receipt

log = logging.getLogger(__name__)

# The sandbox accepts any login; these stand in for a secret a sandbox profile never has.
LOGIN = "sandbox"
_QUEUED_AS = re.compile(r"queued as (\S+)")


class LocalSandbox:
    """The process's own sandbox, started on first use; safe to share between threads."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = threading.Lock()
        self._sandbox: Sandbox | None = None

    def running(self) -> Sandbox:
        """The sandbox, started now if it is not running yet."""
        # The servers (aiosmtpd, trustme, cryptography: about 60 ms) load only when a sandbox
        # profile sends; every process holds a LocalSandbox.
        from smtpeter_desktop.sandbox import Sandbox, SandboxConfig

        with self._lock:
            if self._sandbox is None:
                sandbox = Sandbox(SandboxConfig(data_dir=self.data_dir)).start()
                log.info("Started the built-in sandbox: %r", sandbox)
                self._sandbox = sandbox
            return self._sandbox

    @property
    def started(self) -> bool:
        return self._sandbox is not None

    def stop(self) -> None:
        with self._lock:
            sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            sandbox.stop()

    def captured(self, receipt: Receipt) -> CapturedMessage | None:
        """The message exactly as the sandbox received it, for a receipt from it."""
        from smtpeter_desktop.sandbox import Sandbox, SandboxConfig

        sandbox = self._sandbox or Sandbox(SandboxConfig(data_dir=self.data_dir))
        by_id = {m.id: m for m in sandbox.messages()}
        for message in by_id.values():
            if any(mid in message.ids for mid in receipt.message_ids):
                return message
        match = _QUEUED_AS.search(receipt.reply)
        return by_id.get(match.group(1)) if match else None
