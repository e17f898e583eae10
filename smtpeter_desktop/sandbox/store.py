"""The captured messages: each one the sandbox accepted, kept as ``.eml`` plus a JSON record.

Layout, in ``<data>/messages/``:

- ``<id>.eml``: exactly the bytes received, less the ``x-smtpeter-*`` headers it strips;
- ``<id>.json``: transport, envelope, the message id per recipient, the SMTPeter options and
  DSN parameters as read, the login name, the time received, the size.

Both are written to a temporary name and renamed, the record last, so a reader never sees
half a message: a message exists once its record does. Records never hold a password or a
token. The folder is ``0700`` and every file in it ``0600``: mail is for the user's eyes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import email.message
import email.parser
import email.policy
import json
import logging
import secrets
import threading
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, cast

from smtpeter_desktop.sandbox.faults import Outcome
from smtpeter_desktop.sandbox.files import close_to_others, private_folder, write_private

log = logging.getLogger(__name__)

Transport = Literal["smtp", "rest"]


@dataclasses.dataclass(frozen=True)
class CapturedMessage:
    """One accepted message, read back from the data folder.

    Attributes:
        id: the submission's id (the one in ``250 2.0.0 Ok: queued as <id>``).
        transport: how it arrived.
        mail_from: the envelope sender; empty for ``MAIL FROM:<>`` or a REST send without
            ``envelope``.
        recipients: the envelope recipients, in order.
        ids: SMTPeter message id -> recipient, one per recipient (what REST answers).
        options: SMTPeter options as read, e.g. ``{"trackclicks": True, "tags": ["a"]}``.
        dsn: DSN parameters as read: ``ret``, ``envid``, ``notify``, ``orcpt``.
        auth_user: the SMTP login name; ``None`` for REST.
        received: when it was accepted (UTC).
        eml_path: the stored message.
        size: bytes in ``eml_path``.
        outcomes: message id -> what its events say: delivered, failed or pending.
    """

    id: str
    transport: Transport
    mail_from: str
    recipients: tuple[str, ...]
    ids: Mapping[str, str]
    options: Mapping[str, object]
    dsn: Mapping[str, str]
    auth_user: str | None
    received: datetime
    eml_path: Path
    size: int
    outcomes: Mapping[str, Outcome] = dataclasses.field(default_factory=dict)

    def message(self) -> email.message.EmailMessage:
        """The stored message, parsed."""
        with self.eml_path.open("rb") as file:
            return email.parser.BytesParser(policy=email.policy.default).parse(file)

    def raw(self) -> bytes:
        """The stored message's bytes."""
        return self.eml_path.read_bytes()


class Store:
    """The captured messages in one folder; safe to use from several threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._last_seq = 0
        self._index: dict[str, str] = {}  # message id -> submission id
        self._loaded = False

    def save(
        self,
        *,
        transport: Transport,
        mail_from: str,
        recipients: tuple[str, ...],
        content: bytes,
        options: Mapping[str, object],
        dsn: Mapping[str, str],
        auth_user: str | None,
        outcomes: Mapping[str, Outcome] | None = None,
    ) -> CapturedMessage:
        """Keep one accepted message; ``outcomes`` is per recipient (default: delivered)."""
        private_folder(self.folder)
        outcomes = outcomes or {}
        with self._lock:
            self._load_index()
            submission = _new_id()
            ids = {_new_id(): rcpt for rcpt in recipients}
            self._last_seq = seq = max(time.time_ns(), self._last_seq + 1)
        received = datetime.fromtimestamp(seq / 1e9, UTC)
        record: dict[str, Any] = {
            "id": submission,
            "transport": transport,
            "mail_from": mail_from,
            "recipients": list(recipients),
            "ids": ids,
            "options": dict(options),
            "dsn": dict(dsn),
            "auth_user": auth_user,
            "received": received.isoformat(),
            "size": len(content),
            "outcomes": {mid: outcomes.get(rcpt, "delivered") for mid, rcpt in ids.items()},
            "seq": seq,
        }
        write_private(self.folder / f"{submission}.eml", content)
        write_private(
            self.folder / f"{submission}.json",
            json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8"),
        )
        with self._lock:
            self._index.update(dict.fromkeys(ids, submission))
        return _captured(record, self.folder)

    def make_private(self) -> None:
        """Make the folder, or close it and the files in it to others (an older version of
        the sandbox left them readable by everyone)."""
        private_folder(self.folder)
        for path in self.folder.iterdir():
            with contextlib.suppress(OSError):  # gone meanwhile, or not the user's own
                close_to_others(path)

    def messages(self) -> list[CapturedMessage]:
        """Every captured message, oldest first."""
        records = [r for path in self._record_paths() if (r := _read_record(path)) is not None]
        records.sort(key=lambda r: (r.get("seq", 0), r["received"]))
        return [_captured(r, self.folder) for r in records]

    def get(self, submission: str) -> CapturedMessage | None:
        """One captured message by its submission id."""
        if not _is_id(submission):
            return None
        record = _read_record(self.folder / f"{submission}.json")
        return None if record is None else _captured(record, self.folder)

    def find(self, message_id: str) -> tuple[CapturedMessage, str] | None:
        """The message holding this SMTPeter message id, and the id's recipient."""
        with self._lock:
            self._load_index()
            submission = self._index.get(message_id)
        captured = None if submission is None else self.get(submission)
        if captured is None or message_id not in captured.ids:
            return None
        return captured, captured.ids[message_id]

    def _load_index(self) -> None:
        # Messages kept by an earlier run answer the REST calls too.
        if self._loaded:
            return
        for path in self._record_paths():
            record = _read_record(path)
            if record is not None:
                self._index.update(dict.fromkeys(record["ids"], record["id"]))
        self._loaded = True

    def _record_paths(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.glob("*.json") if not p.name.startswith(".")]


def _new_id() -> str:
    return secrets.token_hex(16)


def _is_id(text: str) -> bool:
    # Ids come from URLs: only ever our own hex names, never a path.
    return len(text) == 32 and all(c in "0123456789abcdef" for c in text)


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("Skipping the unreadable message record %s: %s", path, exc)
        return None
    if not isinstance(record, dict) or not _is_id(str(record.get("id", ""))):
        log.warning("Skipping %s: it is not a message record", path)
        return None
    return cast(dict[str, Any], record)


def _captured(record: Mapping[str, Any], folder: Path) -> CapturedMessage:
    return CapturedMessage(
        id=record["id"],
        transport=record["transport"],
        mail_from=record["mail_from"],
        recipients=tuple(record["recipients"]),
        ids=dict(record["ids"]),
        options=dict(record["options"]),
        dsn=dict(record["dsn"]),
        auth_user=record["auth_user"],
        received=datetime.fromisoformat(record["received"]),
        eml_path=folder / f"{record['id']}.eml",
        size=int(record["size"]),
        outcomes=dict(record.get("outcomes", {})),
    )
