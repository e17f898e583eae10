"""The delivery layer's words for what the window and the command line handle.

They are made in ``storage`` and ``transport``; ``ui`` and ``cli`` reach those layers only
through ``delivery`` (tests/test_layers.py), so the values they receive are named here.
"""

from __future__ import annotations

from smtpeter_desktop.storage.mailbox import (
    MailboxBusy,
    MailboxError,
    NotFound,
    Record,
    State,
    Summary,
    Template,
    TemplateNameError,
    WrongState,
)
from smtpeter_desktop.transport.base import (
    CancelToken,
    CheckReport,
    CheckStage,
    Progress,
    Receipt,
)
from smtpeter_desktop.transport.errors import Rejection, SendError

__all__ = [
    "CancelToken",
    "CheckReport",
    "CheckStage",
    "MailboxBusy",
    "MailboxError",
    "NotFound",
    "Progress",
    "Receipt",
    "Record",
    "Rejection",
    "SendError",
    "State",
    "Summary",
    "Template",
    "TemplateNameError",
    "WrongState",
]
