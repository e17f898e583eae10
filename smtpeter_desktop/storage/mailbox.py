"""The mailbox: drafts, the outbox and sent mail, each message one row of one SQLite database.

A message's life::

    save_draft -> DRAFT --queue--> QUEUED --claim--> SENDING --mark_sent----> SENT
                   ^                 |  ^               |--mark_failed--> FAILED
                   +--unqueue, edit--+  +--mark_retry---+--mark_unknown-> UNKNOWN
                   +--edit-- FAILED, UNKNOWN                 (recover: its process died)

    retry_now:        FAILED, UNKNOWN, QUEUED -> QUEUED, due now
    resolve_unknown:  UNKNOWN -> SENT (the person says it went out) or QUEUED (send it again)

Every change of state is one transaction that checks the state it comes from: a change the
message's state does not allow raises :class:`WrongState` and changes nothing. Nothing here sends;
a message in SENDING is owned by the live process that claimed it (see :mod:`.lease`), and one whose
process died becomes UNKNOWN, never QUEUED, so it is not sent twice without a person deciding.

What is stored (a draft's JSON, the envelope's, the receipt's, the events') comes as text from the
caller and goes back unchanged: the mailbox never parses it. The built message's exact bytes are
streamed from a file into a table of their own, so listing messages never reads them.

Each :class:`Mailbox` is used by one thread; every thread or process opens its own (cheaply).
Writes wait up to ``BUSY_TIMEOUT`` seconds for another writer; commits are synced to disk.

Errors, all :class:`MailboxError` with a ``message`` and a ``hint`` for a person::

    StorageError (storage/errors.py)
     +-- MailboxError
          +-- NotFound            no message (or template) has this id or name (deleted, perhaps
                                  from another window)
          +-- TemplateNameError   a template name that is empty, too long, or taken
          +-- WrongState          the message's state does not allow this; nothing changed
          +-- MessageFileError    the built message file could not be read; it stays a draft
          +-- NewerMailbox        made by a newer SMTPeter Desktop; left untouched
          +-- MailboxUnavailable  the database cannot be opened, read or written: disk full,
               |                  no permission, damaged, or kept busy by another process
               +-- NotAMailbox    the file is another program's (or no database); untouched
               +-- DamagedMailbox a table of the mailbox is missing, or a stored text of a
                                  message cannot be read; nothing is written to it

A file at the mailbox's path is checked before anything writes to it (not even a pragma): it
must be empty, or say it is a mailbox (``PRAGMA application_id``), or be a version-1 mailbox
(known by its tables). The mailbox and its -wal and -shm files are private to the user (0600).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import io
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import reading, schema
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.lease import LeaseRegistry
from smtpeter_desktop.storage.paths import PRIVATE_FILE, private_folder, tighten

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

BUSY_TIMEOUT: Final = reading.BUSY_TIMEOUT
"""Seconds a write waits for another process's write before giving up."""
FAST_BUSY_MS: Final = 50
"""What a connection that must not stall (the window's) waits for the lock, in ms."""

_CHUNK: Final = 256 * 1024
_BACKOFF: Final = (30.0, 120.0, 600.0, 1800.0, 3600.0)

INTERRUPTED: Final = json.dumps(
    {
        "kind": "interrupted",
        "message": "SMTPeter Desktop stopped while this message was being sent, "
        "so it may or may not have gone out.",
    }
)
"""The error :meth:`Mailbox.recover` stores unless told another."""


class State(enum.StrEnum):
    """Where a message is in its life."""

    DRAFT = "draft"
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"


_DESCRIBED: Final = {
    State.DRAFT: "a draft",
    State.QUEUED: "waiting in the outbox",
    State.SENDING: "being sent",
    State.SENT: "sent already",
    State.FAILED: "a failed send",
    State.UNKNOWN: "a send whose outcome is unknown",
}
_HINTS: Final = {
    State.DRAFT: "A draft can be edited, sent or deleted.",
    State.QUEUED: "Take it back to the drafts first if you want to change it.",
    State.SENDING: "Wait until the send has finished, then try again.",
    State.SENT: "A sent message can only be read or deleted.",
    State.FAILED: "Edit it, send it again, or delete it.",
    State.UNKNOWN: "Decide first whether it went out: mark it as sent, or send it again.",
}


class MailboxError(StorageError):
    """A mailbox problem a person can understand and act on (``message`` and ``hint``)."""


class NotFound(MailboxError):
    """No message has this id."""


class TemplateNameError(MailboxError):
    """A template name that is empty, too long, or already taken; nothing changed."""


class WrongState(MailboxError):
    """The message's state does not allow the change asked for; nothing changed.

    Attributes:
        state: the state the message is in.
    """

    def __init__(self, message: str, hint: str, state: State) -> None:
        super().__init__(message, hint)
        self.state = state


class MessageFileError(MailboxError):
    """The built message could not be read when queueing it; the draft stays a draft."""


class NewerMailbox(MailboxError):
    """The database was made by a newer SMTPeter Desktop; it was not touched."""


class MailboxUnavailable(MailboxError):
    """The database cannot be opened, read or written."""


class NotAMailbox(MailboxUnavailable):
    """The file at the mailbox's path belongs to another program; it was not touched."""


class DamagedMailbox(MailboxUnavailable):
    """A table is missing, or a message's stored text cannot be read; nothing was written."""


_MOVE_ASIDE = "Move the file aside and keep it; SMTPeter Desktop then starts a new, empty mailbox."


def damaged_text(id: int, what: str) -> DamagedMailbox:
    """The error for a stored text of message *id* (its *what*, e.g. "receipt") that cannot
    be read: changed by hand or by another program. For the callers that parse them."""
    return DamagedMailbox(
        f"The {what} stored with message {id} cannot be read: the mailbox was changed "
        "outside SMTPeter Desktop.",
        f"Delete message {id} from the window, or restore the mailbox from a backup.",
    )


class MailboxBusy(MailboxUnavailable):
    """Another connection holds the write lock longer than this connection waits."""


_BUSY = (
    "The mailbox is busy: another SMTPeter Desktop (a window or a command) is writing to it.",
    "Wait until it has finished, then try again.",
)


# SQLite's primary result codes for failures that come from the machine, not from this code.
_UNAVAILABLE: Final = {
    sqlite3.SQLITE_FULL: (
        "The disk that holds the mailbox ({path}) is full.",
        "Free some space on it, then try again; what was saved before is safe.",
    ),
    sqlite3.SQLITE_READONLY: (
        "The mailbox ({path}) cannot be written.",
        "Check that you may write to this file and its folder.",
    ),
    sqlite3.SQLITE_PERM: (
        "The mailbox ({path}) may not be opened.",
        "Check that you may read and write this file and its folder.",
    ),
    sqlite3.SQLITE_CANTOPEN: (
        "The mailbox ({path}) cannot be opened.",
        "Check that its folder exists and that you may write to it.",
    ),
    sqlite3.SQLITE_IOERR: (
        "The mailbox ({path}) could not be read or written: the disk reported an error.",
        "Check the disk, then try again.",
    ),
    sqlite3.SQLITE_CORRUPT: (
        "The mailbox ({path}) is damaged.",
        "Move the file aside and keep it; SMTPeter Desktop then starts a new, empty mailbox.",
    ),
    sqlite3.SQLITE_NOTADB: (
        "The file {path} is not a mailbox: it is not a database at all. It was left as it is.",
        "Move the file aside and keep it; SMTPeter Desktop then starts a new, empty mailbox.",
    ),
}


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Turn the machine's failures (disk full, busy, damaged...) into :class:`MailboxUnavailable`.

    Any other ``sqlite3`` error is a bug here and stays what it is.
    """
    try:
        yield
    except sqlite3.Error as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_ERROR and str(exc).startswith(
            ("no such table", "no such column")
        ):
            # A table dropped (or changed) by another program while the mailbox was open.
            raise DamagedMailbox(f"The mailbox ({path}) is damaged: {exc}.", _MOVE_ASIDE) from exc
        if isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise MailboxBusy(*_BUSY) from exc
        found = _UNAVAILABLE.get(code & 0xFF) if isinstance(code, int) else None
        if found is None:
            raise
        message, hint = found
        raise MailboxUnavailable(message.format(path=path), hint) from exc


@dataclasses.dataclass(frozen=True)
class Summary:
    """What a list shows of a message, without its stored texts and bytes.

    Attributes:
        id: the message's id, never reused.
        state: where it is in its life.
        profile_id: the profile it is sent with.
        subject, recipients: as the caller gave them, for lists.
        created, updated: when it was made and last changed (seconds since the epoch).
        not_before: not sent before this time (send later, undo send).
        retry_at: not sent again before this time (after a transient failure).
        attempts: how many times it was claimed for sending.
        size: the built message's size in bytes; None for a draft.
        error: the last failure, as the caller's JSON text.
        sent_at: when it was marked sent.
        delivery: the delivery state the caller summarised from its events, e.g. "delivered".
    """

    id: int
    state: State
    profile_id: str
    subject: str
    recipients: str
    created: float
    updated: float
    not_before: float | None
    retry_at: float | None
    attempts: int
    size: int | None
    error: str | None
    sent_at: float | None
    delivery: str | None


@dataclasses.dataclass(frozen=True)
class Record(Summary):
    """A message with everything stored for it but its bytes (see :meth:`Mailbox.message`).

    Attributes:
        draft: the draft's JSON text, as last saved.
        envelope, options, transport: JSON texts given when it was queued.
        receipt: the JSON text given when it was marked sent.
        events: the delivery events' JSON text, as last stored.
    """

    draft: str
    envelope: str | None
    options: str | None
    transport: str | None
    receipt: str | None
    events: str | None


@dataclasses.dataclass(frozen=True)
class Template:
    """A local template: a draft kept under a name, to start new messages from.

    Attributes:
        id: never reused.
        name: unique without regard to case.
        created, updated: seconds since the epoch.
        draft: the draft's JSON text, as saved.
    """

    id: int
    name: str
    created: float
    updated: float
    draft: str


TEMPLATE_NAME_MAX: Final = 100

_SUMMARY_COLUMNS: Final = len(reading.SUMMARY_COLUMNS.split(","))


def _summary(row: Any) -> Summary:
    return Summary(row[0], State(row[1]), *row[2:_SUMMARY_COLUMNS])


def _record(row: Any) -> Record:
    return Record(row[0], State(row[1]), *row[2:])


class _BlobReader(io.RawIOBase):
    """A stored message's bytes as a raw file, on a read-only connection of its own."""

    def __init__(self, db: sqlite3.Connection, blob: sqlite3.Blob) -> None:
        self._db = db
        self._blob = blob

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        with memoryview(buffer) as view, view.cast("B") as target:
            data = self._blob.read(len(target))
            target[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._blob.seek(offset, whence)
        return self._blob.tell()

    def tell(self) -> int:
        return self._blob.tell()

    def close(self) -> None:
        if not self.closed:
            try:
                self._blob.close()
            finally:
                self._db.close()
        super().close()


class StoredMessage:
    """The exact bytes of a queued message, to be read by a transport.

    It satisfies the transport's ``MessageSource``: :attr:`size` and :meth:`open`.

    Attributes:
        id: the message's id.
        size: its length in bytes.
    """

    def __init__(self, path: Path, id: int, size: int) -> None:
        self._path = path
        self.id = id
        self.size = size

    def __repr__(self) -> str:
        return f"<StoredMessage {self.id} ({self.size} bytes)>"

    def open(self) -> BinaryIO:
        """A binary file reading the bytes from the start; close it (a ``with`` block does).

        It reads on a read-only connection of its own, so it may be used on another thread
        than the mailbox's, and sees the bytes as they were when it was opened.
        """
        uri = f"{self._path.resolve().as_uri()}?mode=ro"
        with translated(self._path):
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
            try:
                found = db.execute(
                    "SELECT 1 FROM bodies WHERE message_id = ?", (self.id,)
                ).fetchone()
                if found is None:
                    raise NotFound(
                        f"The bytes of message {self.id} are no longer in the mailbox.",
                        "It may have been deleted, perhaps from another window.",
                    )
                blob = db.blobopen("bodies", "bytes", self.id, readonly=True)
            except BaseException:
                db.close()
                raise
        return io.BufferedReader(_BlobReader(db, blob), buffer_size=_CHUNK)


def _template_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > TEMPLATE_NAME_MAX or not name.isprintable():
        raise TemplateNameError(
            translate("storage.mailbox", "“{value}” cannot be a template's name.").format(
                value=name[:TEMPLATE_NAME_MAX]
            ),
            translate(
                "storage.mailbox", "Use 1 to {TEMPLATE_NAME_MAX} characters on one line."
            ).format(TEMPLATE_NAME_MAX=TEMPLATE_NAME_MAX),
        )
    return name


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner alone (SQLite gives its -wal and
    -shm files the database's permissions); an existing file is not touched here."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    try:
        if sys.platform != "win32":
            os.fchmod(handle, PRIVATE_FILE)  # the umask may have taken more
    finally:
        os.close(handle)


def backoff(attempts: int) -> float:
    """Seconds to wait before trying again after *attempts* failed attempts (1 or more).

    30 s, 2 min, 10 min, 30 min, then every hour.
    """
    if attempts < 1:
        raise ValueError(f"attempts must be 1 or more, not {attempts}")
    return _BACKOFF[min(attempts, len(_BACKOFF)) - 1]


def _copy(source: io.BufferedReader, blob: sqlite3.Blob, size: int, name: Path) -> None:
    """Stream exactly *size* bytes of *source* into *blob*, a chunk at a time."""
    left = size
    buffer = bytearray(min(_CHUNK, max(size, 1)))
    with memoryview(buffer) as view:
        try:
            while left:
                count = source.readinto(view[: min(left, len(buffer))])
                if not count:
                    break
                blob.write(view[:count])
                left -= count
            extra = source.read(1)
        except OSError as exc:
            raise MessageFileError(
                translate(
                    "storage.mailbox", "The built message {name} could not be read: {value}."
                ).format(name=name, value=exc.strerror or exc),
                translate("storage.mailbox", "Send the draft again; it is still a draft."),
            ) from exc
    if left or extra:
        raise MessageFileError(
            translate(
                "storage.mailbox", "The built message {name} changed while it was being stored."
            ).format(name=name),
            translate("storage.mailbox", "Send the draft again; it is still a draft."),
        )


class Mailbox:
    """The messages kept in one SQLite database file; one thread's connection to it.

    Attributes:
        path: the database file.
    """

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        """Open the mailbox at *path*, creating it or bringing its tables up to date.

        *clock* gives the time for every timestamp and due check (tests set it).
        Raises :class:`NewerMailbox` or :class:`MailboxUnavailable`.
        """
        self.path = path
        self._clock = clock
        try:
            if not path.parent.is_dir():
                private_folder(path.parent)
            _create_private(path)
        except OSError as exc:
            raise MailboxUnavailable(
                f"The mailbox {path} cannot be made: {exc.strerror or exc}.",
                "Check that you may write to its folder and that the disk is not full or "
                "read-only.",
            ) from exc
        with translated(path):
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            with translated(path):
                self._setup()
        except schema.NewerVersion as exc:
            self._db.close()
            raise NewerMailbox(
                f"The mailbox {path} was made by a newer SMTPeter Desktop "
                f"(its version {exc.found}; this one knows up to {exc.known}).",
                "Use the newer SMTPeter Desktop, or update this one; the mailbox was left "
                "as it was.",
            ) from exc
        except BaseException:
            self._db.close()
            raise

    def _setup(self) -> None:
        db = self._db
        # Before anything that writes, even a pragma: another program's database, a damaged
        # mailbox and a newer app's mailbox all stay exactly as they are.
        self._check_ours(db)
        for suffix in ("", "-wal", "-shm"):
            tighten(self.path.with_name(self.path.name + suffix), PRIVATE_FILE)
        if schema.check(db) == 0:
            # Possible only in a new, empty file before WAL mode is set: lets a deleted
            # 20 MB message give its space back, instead of the file keeping its largest size.
            db.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.execute("PRAGMA foreign_keys = ON")
        # Never lose a message over a few milliseconds: every commit reaches the disk.
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA journal_mode = WAL")
        # Queueing 20 MB grows the write-ahead log by as much; give it back afterwards.
        db.execute("PRAGMA journal_size_limit = 4194304")
        schema.migrate(db)

    def _check_ours(self, db: sqlite3.Connection) -> None:
        """Raise unless the database is empty, a mailbox (any version), or a v1 mailbox."""
        # One statement, so one snapshot: another process may be migrating this mailbox now.
        application_id, version, names = db.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version),"
            " (SELECT group_concat(name, char(10)) FROM sqlite_master)"
        ).fetchone()
        tables = set(names.split("\n")) if names else set()
        if application_id == 0 and version == 0 and not tables:
            return  # new and empty: ours to make
        legacy = application_id == 0 and version == 1
        if application_id != schema.APPLICATION_ID and not (legacy and tables >= schema.TABLES):
            raise NotAMailbox(
                f"The file {self.path} is not a mailbox of SMTPeter Desktop: it is a database "
                "of another program. It was left as it is.",
                _MOVE_ASIDE,
            )
        missing = sorted(schema.TABLES - tables) if version >= 1 else []
        if missing:
            raise DamagedMailbox(
                f"The mailbox {self.path} is damaged: its table {missing[0]} is missing. "
                "Nothing was written to it.",
                _MOVE_ASIDE,
            )

    def __repr__(self) -> str:
        return f"<Mailbox {self.path}>"

    def fail_fast(self, wait_ms: int = FAST_BUSY_MS) -> None:
        """Wait at most ``wait_ms`` for another connection's write lock, then raise
        :class:`MailboxBusy`: for a connection whose thread must never stall (a window's)."""
        with translated(self.path):
            self._db.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")

    def close(self) -> None:
        """Close the connection. Streams from :meth:`message` stay readable until closed."""
        self._db.close()

    def __enter__(self) -> Mailbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``) so it never deadlocks."""
        db = self._db
        with translated(self.path):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def _refusal(self, db: sqlite3.Connection, id: int, action: str) -> MailboxError:
        """The error for a change refused because of the message's state (or absence)."""
        row = db.execute("SELECT state FROM messages WHERE id = ?", (id,)).fetchone()
        if row is None:
            return NotFound(
                f"There is no message {id} in the mailbox.",
                "It may have been deleted, perhaps from another window.",
            )
        state = State(row[0])
        return WrongState(
            f"Message {id} cannot be {action} now: it is {_DESCRIBED[state]}.",
            _HINTS[state],
            state,
        )

    # Drafts

    def save_draft(
        self,
        draft_json: str,
        *,
        profile_id: str,
        subject: str,
        recipients: str,
        id: int | None = None,
    ) -> int:
        """Save a new draft (*id* None) or a draft's new version; return its id.

        Raises :class:`WrongState` when message *id* is no longer a draft.
        """
        now = self._clock()
        with self._write() as db:
            if id is None:
                cursor = db.execute(
                    "INSERT INTO messages (state, profile_id, subject, recipients, created,"
                    " updated, draft) VALUES ('draft', ?, ?, ?, ?, ?, ?)",
                    (profile_id, subject, recipients, now, now, draft_json),
                )
                assert cursor.lastrowid is not None
                return cursor.lastrowid
            cursor = db.execute(
                "UPDATE messages SET profile_id = ?, subject = ?, recipients = ?, draft = ?,"
                " updated = ? WHERE id = ? AND state = 'draft'",
                (profile_id, subject, recipients, draft_json, now, id),
            )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "saved as a draft")
            return id

    def delete(self, id: int) -> None:
        """Delete a message and everything stored for it; never one being sent."""
        with self._write() as db:
            cursor = db.execute("DELETE FROM messages WHERE id = ? AND state != 'sending'", (id,))
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "deleted")
        with translated(self.path):
            # Give the freed pages back to the disk. executescript, because this pragma frees
            # one page per step and execute() steps it once.
            self._db.executescript("PRAGMA incremental_vacuum")

    # Templates

    def save_template(self, name: str, draft_json: str, *, replace: bool = False) -> int:
        """Keep *draft_json* as the template *name*; its id.

        A name already taken raises :class:`TemplateNameError` unless *replace*, which
        overwrites that template (keeping its id).
        """
        name = _template_name(name)
        now = self._clock()
        with self._write() as db:
            row = db.execute("SELECT id FROM templates WHERE name = ?", (name,)).fetchone()
            if row is not None:
                if not replace:
                    raise TemplateNameError(
                        translate(
                            "storage.mailbox", "There is a template called “{name}” already."
                        ).format(name=name),
                        translate(
                            "storage.mailbox", "Choose another name, or replace that template."
                        ),
                    )
                db.execute(
                    "UPDATE templates SET name = ?, draft = ?, updated = ? WHERE id = ?",
                    (name, draft_json, now, row[0]),
                )
                return int(row[0])
            cursor = db.execute(
                "INSERT INTO templates (name, created, updated, draft) VALUES (?, ?, ?, ?)",
                (name, now, now, draft_json),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def templates(self) -> list[Template]:
        """Every template, by name."""
        with translated(self.path):
            rows = self._db.execute(
                "SELECT id, name, created, updated, draft FROM templates ORDER BY name"
            ).fetchall()
        return [Template(*row) for row in rows]

    def template(self, name: str) -> Template:
        """The template called *name* (without regard to case), or with that id (digits)."""
        with translated(self.path):
            row = self._db.execute(
                "SELECT id, name, created, updated, draft FROM templates"
                " WHERE name = ? OR (? AND id = ?)",
                (name, name.isdigit(), int(name) if name.isdigit() else -1),
            ).fetchone()
        if row is None:
            names = ", ".join(t.name for t in self.templates()) or "none yet"
            raise NotFound(f"There is no template called “{name}”.", f"The templates are: {names}.")
        return Template(*row)

    def rename_template(self, id: int, name: str) -> None:
        name = _template_name(name)
        with self._write() as db:
            taken = db.execute(
                "SELECT id FROM templates WHERE name = ? AND id != ?", (name, id)
            ).fetchone()
            if taken is not None:
                raise TemplateNameError(
                    translate(
                        "storage.mailbox", "There is a template called “{name}” already."
                    ).format(name=name),
                    translate("storage.mailbox", "Choose another name."),
                )
            cursor = db.execute(
                "UPDATE templates SET name = ?, updated = ? WHERE id = ?",
                (name, self._clock(), id),
            )
            if cursor.rowcount != 1:
                raise NotFound(f"There is no template {id}.", "It may have been deleted.")

    def delete_template(self, id: int) -> None:
        with self._write() as db:
            if db.execute("DELETE FROM templates WHERE id = ?", (id,)).rowcount != 1:
                raise NotFound(f"There is no template {id}.", "It may have been deleted.")

    # Reading

    def get(self, id: int) -> Record:
        """Everything stored for message *id* but its bytes."""
        with translated(self.path):
            row = self._db.execute(
                "SELECT id, state, profile_id, subject, recipients, created, updated,"
                " not_before, retry_at, attempts, size, error, sent_at, delivery,"
                " draft, envelope, options, transport, receipt, events"
                " FROM messages WHERE id = ?",
                (id,),
            ).fetchone()
        if row is None:
            raise NotFound(
                f"There is no message {id} in the mailbox.",
                "It may have been deleted, perhaps from another window.",
            )
        return _record(row)

    def summaries(self, states: Collection[State]) -> list[Summary]:
        """The messages in *states*, newest first (by when sent, else when last changed)."""
        if not states:
            return []
        with translated(self.path):
            rows = reading.summaries(self._db, [str(State(state)) for state in states])
        return [_summary(row) for row in rows]

    def message(self, id: int) -> StoredMessage:
        """The exact bytes stored when message *id* was queued.

        Raises :class:`WrongState` for a draft, which has no bytes yet.
        """
        with translated(self.path):
            row = self._db.execute(
                "SELECT state, size FROM messages WHERE id = ?", (id,)
            ).fetchone()
        if row is None:
            raise NotFound(
                f"There is no message {id} in the mailbox.",
                "It may have been deleted, perhaps from another window.",
            )
        if row[1] is None:
            raise WrongState(
                f"Message {id} has no built message yet: it is a draft.",
                _HINTS[State.DRAFT],
                State(row[0]),
            )
        return StoredMessage(self.path, id, int(row[1]))

    # The outbox

    def queue(
        self,
        id: int,
        message_file: Path,
        *,
        envelope: str,
        options: str,
        transport: str,
        not_before: float | None = None,
    ) -> None:
        """Move draft *id* to the outbox with the exact bytes of *message_file*.

        The bytes are streamed into the database in the same transaction as the change of
        state: afterwards the file may go, and a crash leaves either the draft or the queued
        message with every byte, nothing in between. Until *not_before* it is not due.
        Raises :class:`MessageFileError` (the draft stays a draft) or :class:`WrongState`.
        """
        try:
            source = message_file.open("rb")
        except OSError as exc:
            raise MessageFileError(
                translate(
                    "storage.mailbox",
                    "The built message {message_file} could not be read: {value}.",
                ).format(message_file=message_file, value=exc.strerror or exc),
                translate("storage.mailbox", "Send the draft again; it is still a draft."),
            ) from exc
        with source:
            size = os.fstat(source.fileno()).st_size
            self._store(id, source, size, message_file, envelope, options, transport, not_before)

    def _store(
        self,
        id: int,
        source: io.BufferedReader,
        size: int,
        name: Path,
        envelope: str,
        options: str,
        transport: str,
        not_before: float | None,
    ) -> None:
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET state = 'queued', envelope = ?, options = ?, transport = ?,"
                " not_before = ?, retry_at = NULL, attempts = 0, size = ?, error = NULL,"
                " updated = ? WHERE id = ? AND state = 'draft'",
                (envelope, options, transport, not_before, size, now, id),
            )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "queued")
            db.execute("INSERT INTO bodies (message_id, bytes) VALUES (?, zeroblob(?))", (id, size))
            with db.blobopen("bodies", "bytes", id) as blob:
                _copy(source, blob, size, name)

    def queue_copy(self, id: int) -> int:
        """Queue the exact bytes of sent message *id* again, as a new message; its new id.

        For "Resend" of a message sent by SMTP: the same bytes and envelope go out once more
        (a new Message-ID would make it another message). The sent one stays as it was.
        """
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO messages (state, profile_id, subject, recipients, created, updated,"
                " size, draft, envelope, options, transport)"
                " SELECT 'queued', profile_id, subject, recipients, ?, ?, size, draft, envelope,"
                " options, transport FROM messages WHERE id = ? AND state = 'sent'"
                " AND size IS NOT NULL",
                (now, now, id),
            )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "queued again")
            copy = cursor.lastrowid
            assert copy is not None
            db.execute(
                "INSERT INTO bodies (message_id, bytes) SELECT ?, bytes FROM bodies"
                " WHERE message_id = ?",
                (copy, id),
            )
            return copy

    def unqueue(self, id: int) -> None:
        """Take a queued message that no one is sending back to the drafts (undo send)."""
        self._to_draft(
            id,
            "UPDATE messages SET state = 'draft', envelope = NULL, options = NULL,"
            " transport = NULL, not_before = NULL, retry_at = NULL, attempts = 0, size = NULL,"
            " error = NULL, updated = ? WHERE id = ? AND state = 'queued'",
        )

    def edit(self, id: int) -> None:
        """Take a failed, unknown or queued message back to the drafts, its draft as it was."""
        self._to_draft(
            id,
            "UPDATE messages SET state = 'draft', envelope = NULL, options = NULL,"
            " transport = NULL, not_before = NULL, retry_at = NULL, attempts = 0, size = NULL,"
            " error = NULL, updated = ? WHERE id = ? AND state IN ('queued', 'failed', 'unknown')",
        )

    def _to_draft(self, id: int, sql: str) -> None:
        now = self._clock()
        with self._write() as db:
            if db.execute(sql, (now, id)).rowcount != 1:
                raise self._refusal(db, id, "taken back to the drafts")
            # The draft is built again when it is queued again, so the old bytes go.
            db.execute("DELETE FROM bodies WHERE message_id = ?", (id,))

    def due(self, now: float | None = None) -> list[int]:
        """The queued messages whose send-later and retry times have passed, oldest first;
        rows of a merge that is not over are not among them."""
        at = self._clock() if now is None else now
        with translated(self.path):
            # A merge's rows go at the merge's own pace, and not while it is paused: its
            # runner sends them (storage/jobs.py). Once the merge is over (done, cancelled),
            # a row a person sends again is an ordinary message of the outbox.
            rows = self._db.execute(
                "SELECT id FROM messages WHERE state = 'queued'"
                " AND coalesce(not_before, 0) <= ? AND coalesce(retry_at, 0) <= ?"
                " AND id NOT IN (SELECT message_id FROM job_rows JOIN jobs ON jobs.id ="
                " job_rows.job_id WHERE jobs.state IN ('queueing', 'running', 'paused'))"
                " ORDER BY id",
                (at, at),
            ).fetchall()
        return [row[0] for row in rows]

    def claim(self, id: int, owner: str) -> bool:
        """Mark message *id* as being sent by *owner* (a :class:`.lease.Lease`'s owner).

        Atomic across threads and processes: of many claims exactly one wins. False when
        the message is not queued and due (someone else has it, it was taken back, sent,
        deleted, or its time has not come).
        """
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET state = 'sending', owner = ?, attempts = attempts + 1,"
                " updated = ? WHERE id = ? AND state = 'queued'"
                " AND coalesce(not_before, 0) <= ? AND coalesce(retry_at, 0) <= ?",
                (owner, now, id, now, now),
            )
            return cursor.rowcount == 1

    def reschedule(self, id: int, not_before: float | None) -> None:
        """Change when a waiting message goes (send later): at *not_before*, or None for now.

        Only a queued message no one is sending can be moved; its retry time after a failure
        stays. To cancel a scheduled send, take it back to the drafts (:meth:`unqueue`).
        """
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET not_before = ?, updated = ? WHERE id = ? AND state = 'queued'",
                (not_before, self._clock(), id),
            )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "rescheduled")

    def retry_now(self, id: int) -> None:
        """Queue a failed, unknown or waiting message to be sent at once."""
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET state = 'queued', not_before = NULL, retry_at = NULL,"
                " updated = ? WHERE id = ? AND state IN ('failed', 'unknown', 'queued')",
                (now, id),
            )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "sent again")

    # The outcome of a send

    def mark_sent(self, id: int, receipt_json: str) -> None:
        """The transport delivered message *id*; keep its receipt."""
        now = self._clock()
        self._finish(
            id,
            "UPDATE messages SET state = 'sent', owner = NULL, receipt = ?, sent_at = ?,"
            " error = NULL, retry_at = NULL, updated = ? WHERE id = ? AND state = 'sending'",
            (receipt_json, now, now, id),
            "marked as sent",
        )

    def mark_retry(self, id: int, error_json: str, retry_at: float) -> None:
        """The send failed and certainly did not deliver: queue it again for *retry_at*."""
        self._finish(
            id,
            "UPDATE messages SET state = 'queued', owner = NULL, error = ?, retry_at = ?,"
            " updated = ? WHERE id = ? AND state = 'sending'",
            (error_json, retry_at, self._clock(), id),
            "queued again",
        )

    def mark_failed(self, id: int, error_json: str) -> None:
        """The send failed for good; a person must change something first."""
        self._finish(
            id,
            "UPDATE messages SET state = 'failed', owner = NULL, error = ?, updated = ?"
            " WHERE id = ? AND state = 'sending'",
            (error_json, self._clock(), id),
            "marked as failed",
        )

    def mark_unknown(self, id: int, error_json: str) -> None:
        """The send broke off after the message may have been accepted."""
        self._finish(
            id,
            "UPDATE messages SET state = 'unknown', owner = NULL, error = ?, updated = ?"
            " WHERE id = ? AND state = 'sending'",
            (error_json, self._clock(), id),
            "marked as unknown",
        )

    def _finish(self, id: int, sql: str, parameters: tuple[object, ...], action: str) -> None:
        with self._write() as db:
            if db.execute(sql, parameters).rowcount != 1:
                raise self._refusal(db, id, action)

    def resolve_unknown(self, id: int, *, sent: bool) -> None:
        """A person's decision on an unknown send: it went out (*sent*), or send it again."""
        now = self._clock()
        with self._write() as db:
            if sent:
                cursor = db.execute(
                    "UPDATE messages SET state = 'sent', sent_at = ?, error = NULL, updated = ?"
                    " WHERE id = ? AND state = 'unknown'",
                    (now, now, id),
                )
            else:
                cursor = db.execute(
                    "UPDATE messages SET state = 'queued', not_before = NULL, retry_at = NULL,"
                    " updated = ? WHERE id = ? AND state = 'unknown'",
                    (now, id),
                )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "marked as sent" if sent else "sent again")

    def store_events(self, id: int, events_json: str, delivery: str) -> None:
        """Keep a sent message's delivery events and their summary (e.g. "delivered")."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET events = ?, delivery = ?, updated = ?"
                " WHERE id = ? AND state = 'sent'",
                (events_json, delivery, self._clock(), id),
            )
            if cursor.rowcount != 1:
                raise self._refusal(db, id, "given delivery events")

    def recover(self, leases: LeaseRegistry, *, error_json: str = INTERRUPTED) -> list[int]:
        """Mark UNKNOWN the messages being sent by processes that died; return their ids.

        A message of a live process is never touched. Call it at start and before showing
        the outbox; it is cheap when nothing is being sent.
        """
        with translated(self.path):
            owners = {
                row[0]
                for row in self._db.execute(
                    "SELECT DISTINCT owner FROM messages WHERE state = 'sending'"
                )
            }
        # Owner names are never reused, so an owner seen dead here is still dead below.
        dead = sorted(owner for owner in owners if not leases.alive(owner))
        if not dead:
            return []
        recovered: list[int] = []
        now = self._clock()
        with self._write() as db:
            for owner in dead:
                ids = [
                    row[0]
                    for row in db.execute(
                        "SELECT id FROM messages WHERE state = 'sending' AND owner = ?", (owner,)
                    )
                ]
                db.execute(
                    "UPDATE messages SET state = 'unknown', owner = NULL, error = ?, updated = ?"
                    " WHERE state = 'sending' AND owner = ?",
                    (error_json, now, owner),
                )
                recovered.extend(ids)
        return sorted(recovered)
