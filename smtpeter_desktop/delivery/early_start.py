"""The command line's first step of a send: connecting to where its profile sends, from the
profile file's checked copy (``storage/profilecache.py``), before the app's data is opened;
for SMTP with the password piped in, the session too (greeting, TLS, EHLO, AUTH).

The connection is handed to the app context's ``Ahead`` (``adopt``) once it is open; the
profile read the full way then decides whether it is used (see ``connections.early_from``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery import connections
from smtpeter_desktop.storage import profilecache

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.connections import Started


def connect_early(home: str, profile: str, secret: str = "") -> Started | None:
    """A connection to where ``profile`` (an id or name) sends, opening, and with ``secret``
    (piped in) an SMTP profile's session over it; None when the app home at ``home`` has no
    copy of its profile file as it is (the connection then starts once the profile is
    read)."""
    records = profilecache.read(str(Path(home, profilecache.PROFILES_FILE)))
    record = profilecache.find(records, profile) if records is not None else None
    return connections.early_from(record, secret) if record is not None else None
