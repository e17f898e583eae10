"""The mailbox's tables, and the migrations that bring a mailbox of any earlier version up to date.

A database says it is a mailbox of this app in ``PRAGMA application_id`` (:data:`APPLICATION_ID`,
set by migration 2; a version-1 mailbox is known by its tables) and which version of the tables
it holds in ``PRAGMA user_version`` (0: empty). Each
migration takes a database from version N-1 to N and is registered with ``@_migration(N)``;
:func:`migrate` applies the missing ones in order, each in one transaction together with its version
number, so a crash leaves the database at a version it really has. A database newer than this code
is refused before anything writes to it.

How to change the tables:

1. add ``@_migration(N + 1)`` that turns version N into N + 1. Never edit an earlier migration:
   mailboxes out there were made by it;
2. run ``python -m tests.storage.mailbox_snapshot``: it stores the new version's tables, with a
   message in every state, in ``tests/storage/mailbox_schemas/``. The tests migrate every
   stored version to the newest and compare it with a fresh mailbox.
"""

from __future__ import annotations

import sqlite3
import types
from collections.abc import Callable, Mapping

Migration = Callable[[sqlite3.Connection], None]

APPLICATION_ID = 0x534D5450
"""``PRAGMA application_id`` of a mailbox: "SMTP" in ASCII. A file without it is not ours."""

TABLES = frozenset({"messages", "bodies"})
"""The tables every version of the mailbox has; one missing means the file was damaged."""

_steps: dict[int, Migration] = {}


def _migration(version: int) -> Callable[[Migration], Migration]:
    def register(step: Migration) -> Migration:
        assert version not in _steps, f"two migrations to version {version}"
        _steps[version] = step
        return step

    return register


class NewerVersion(Exception):
    """The database was made by a newer version of the app; it must not be touched.

    Attributes:
        found: the database's version.
        known: the newest version this code knows.
    """

    def __init__(self, found: int, known: int) -> None:
        super().__init__(found, known)
        self.found = found
        self.known = known


@_migration(1)
def _create(db: sqlite3.Connection) -> None:
    # AUTOINCREMENT: an id is never reused, so an id a person saw (``outbox retry 7``)
    # never names another message later. The CHECKs hold the invariants every state
    # change relies on: only a message being sent has an owner, only a draft has no bytes.
    db.execute(
        """
        CREATE TABLE messages (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            state       TEXT NOT NULL CHECK (state IN
                            ('draft', 'queued', 'sending', 'sent', 'failed', 'unknown')),
            profile_id  TEXT NOT NULL,
            subject     TEXT NOT NULL,
            recipients  TEXT NOT NULL,
            created     REAL NOT NULL,
            updated     REAL NOT NULL,
            not_before  REAL,
            retry_at    REAL,
            attempts    INTEGER NOT NULL DEFAULT 0,
            size        INTEGER,
            error       TEXT,
            sent_at     REAL,
            delivery    TEXT,
            owner       TEXT,
            draft       TEXT NOT NULL,
            envelope    TEXT,
            options     TEXT,
            transport   TEXT,
            receipt     TEXT,
            events      TEXT,
            CHECK ((state = 'sending') = (owner IS NOT NULL)),
            CHECK ((state = 'draft') = (size IS NULL))
        )
        """
    )
    db.execute("CREATE INDEX messages_by_state ON messages (state)")
    # The exact bytes of a queued message, in a table of their own so that listing
    # messages never reads them.
    db.execute(
        """
        CREATE TABLE bodies (
            message_id  INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
            bytes       BLOB NOT NULL
        )
        """
    )


@_migration(2)
def _mark_as_ours(db: sqlite3.Connection) -> None:
    # From now on a mailbox says it is one, so that a file of another program at its path is
    # recognised before anything writes to it.
    db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


@_migration(3)
def _templates(db: sqlite3.Connection) -> None:
    # Local templates: a draft's JSON under a name (issue 16). Kept apart from messages:
    # a template has no life of states, and a name, unique without regard to case.
    db.execute(
        """
        CREATE TABLE templates (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
            created     REAL NOT NULL,
            updated     REAL NOT NULL,
            draft       TEXT NOT NULL
        )
        """
    )


MIGRATIONS: Mapping[int, Migration] = types.MappingProxyType(_steps)
"""Every migration, by the version it leads to."""

LATEST = max(MIGRATIONS)
"""The version of the tables this code makes and understands."""

assert sorted(MIGRATIONS) == list(range(1, LATEST + 1)), "a migration is missing"


def version(db: sqlite3.Connection) -> int:
    """The version of the tables in *db* (0 for an empty database)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def check(db: sqlite3.Connection, known: int = LATEST) -> int:
    """The version of *db*; :class:`NewerVersion` if it is newer than *known*. Reads only."""
    found = version(db)
    if found > known:
        raise NewerVersion(found, known)
    return found


def migrate(db: sqlite3.Connection, steps: Mapping[int, Migration] = MIGRATIONS) -> int:
    """Bring *db* to the newest version in *steps*, one transaction per version; return it.

    *db* must be in autocommit mode (``isolation_level=None``): each step runs inside
    ``BEGIN IMMEDIATE``, so two processes opening one new mailbox at once migrate it once.
    """
    assert db.isolation_level is None, "migrate() manages its own transactions"
    target = max(steps)
    current = check(db, target)
    while current < target:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            current = check(db, target)
            if current < target:
                steps[current + 1](db)
                current += 1
                # PRAGMA takes no parameters; current is an int we computed.
                db.execute(f"PRAGMA user_version = {current:d}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    return current
