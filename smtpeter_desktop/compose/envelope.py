"""The envelope: who the message is from and to, as the mail system sees it.

The header's To, Cc and Bcc never decide delivery; the envelope does. Bcc recipients are
here and nowhere in the header.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


@dataclasses.dataclass(frozen=True)
class Envelope:
    """Attributes:
    sender: the bare ``MAIL FROM`` address; bounces go here.
    recipients: bare ``RCPT TO`` addresses (To, Cc and Bcc), each once, in order.
    smtputf8: an address has a non-ASCII local part, so the server must offer SMTPUTF8.
    """

    sender: str
    recipients: tuple[str, ...]
    smtputf8: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "recipients": list(self.recipients),
            "smtputf8": self.smtputf8,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Envelope:
        return cls(
            sender=str(data["sender"]),
            recipients=tuple(str(r) for r in data["recipients"]),
            smtputf8=bool(data.get("smtputf8", False)),
        )
