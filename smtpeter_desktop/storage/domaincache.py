"""What SMTPeter said about an account's sender domains, kept for a day.

The Before-Send check asks SMTPeter which sender domains the account has and whether their
DNS is in order; that changes rarely, and asking costs a round trip per check, so the
answers are kept in ``sender-domains.json`` in the app home (private to the user, 0600),
per account (a profile and its REST address), each with the time it was fetched. The
window's "Check again" refreshes them. It is a cache: a damaged or unreadable file counts as
empty, and a failure to write it never stops a check. No secret is ever in it.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from smtpeter_desktop.storage.errors import SaveError
from smtpeter_desktop.storage.paths import app_home, atomic_write

log = logging.getLogger(__name__)

FILE_NAME = "sender-domains.json"
MAX_AGE = timedelta(days=1)
_VERSION = 1


def account_key(profile_id: str, rest_url: str) -> str:
    """The account an answer belongs to: the profile, and where it asked."""
    return f"{profile_id} {rest_url}"


class DomainCache:
    """The kept answers; each call reads the file afresh, so two windows do not disagree."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or app_home() / FILE_NAME

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning(
                "The sender domain cache %s could not be read (%s); starting anew.", self.path, exc
            )
            return {}
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            return {}
        accounts = data.get("accounts")
        return accounts if isinstance(accounts, dict) else {}

    def get(
        self, account: str, key: str, *, now: datetime | None = None, max_age: timedelta = MAX_AGE
    ) -> Any | None:
        """The answer kept for ``key`` (``domains``, ``dns-status example.com``...), or
        ``None`` when there is none younger than ``max_age``."""
        entry = self._read().get(account, {}).get(key)
        if not isinstance(entry, dict) or "value" not in entry:
            return None
        try:
            fetched = datetime.fromisoformat(str(entry["fetched"]))
        except (KeyError, ValueError):
            return None
        now = now or datetime.now(UTC)
        if fetched.tzinfo is None or not timedelta(0) <= now - fetched <= max_age:
            return None
        return entry["value"]

    def put(self, account: str, key: str, value: Any, *, now: datetime | None = None) -> None:
        """Keep ``value`` (JSON-able) for ``key``; a file that cannot be written is logged."""
        accounts = self._read()
        entries = accounts.setdefault(account, {})
        entries[key] = {"fetched": (now or datetime.now(UTC)).isoformat(), "value": value}
        self._write(accounts)

    def forget(self, account: str) -> None:
        """Drop everything kept for ``account`` (the next check asks SMTPeter again)."""
        accounts = self._read()
        if accounts.pop(account, None) is not None:
            self._write(accounts)

    def _write(self, accounts: dict[str, Any]) -> None:
        text = json.dumps({"version": _VERSION, "accounts": accounts}, indent=1, sort_keys=True)
        try:
            atomic_write(self.path, text)
        except SaveError as exc:
            log.warning("The sender domain cache was not saved: %s", exc.message)
