"""The mailbox: every change of state and every refused one, stored bytes, claims and recovery."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

import pytest

from smtpeter_desktop.storage import mailbox as mailbox_module
from smtpeter_desktop.storage.lease import Lease, LeaseRegistry
from smtpeter_desktop.storage.mailbox import (
    INTERRUPTED,
    Mailbox,
    MailboxError,
    MailboxUnavailable,
    MessageFileError,
    NotFound,
    State,
    Summary,
    WrongState,
    backoff,
)
from tests.storage.mailbox_helpers import (
    START,
    Clock,
    new_draft,
    queue,
    stored_digest,
    to_state,
    write_message,
)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def mailbox(tmp_path: Path, clock: Clock) -> Iterator[Mailbox]:
    with Mailbox(tmp_path / "mailbox.sqlite3", clock=clock) as mailbox:
        yield mailbox


@pytest.fixture
def registry(isolated_home: Path) -> LeaseRegistry:
    return LeaseRegistry(isolated_home)


@pytest.fixture
def lease(registry: LeaseRegistry) -> Iterator[Lease]:
    with registry.acquire() as lease:
        yield lease


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "built"
    path.mkdir()
    return path


# Drafts


def test_a_draft_reads_back_as_saved(mailbox: Mailbox, clock: Clock) -> None:
    text = '{"body": "Grüße,\\n  keep   this spacing", "to": ["ann@example.org"]}'
    id = mailbox.save_draft(text, profile_id="work", subject="Hi", recipients="Ann <ann@x.org>")
    record = mailbox.get(id)
    assert record.draft == text
    assert (record.state, record.profile_id, record.subject) == (State.DRAFT, "work", "Hi")
    assert record.recipients == "Ann <ann@x.org>"
    assert record.created == record.updated == START
    assert record.size is None
    assert record.envelope is record.receipt is record.error is None
    assert record.attempts == 0


def test_saving_a_draft_again_replaces_it_and_keeps_its_birth(
    mailbox: Mailbox, clock: Clock
) -> None:
    id = new_draft(mailbox, '{"v": 1}')
    clock.advance(5)
    assert mailbox.save_draft('{"v": 2}', profile_id="p2", subject="S", recipients="R", id=id) == id
    record = mailbox.get(id)
    assert (record.draft, record.profile_id, record.subject, record.recipients) == (
        '{"v": 2}',
        "p2",
        "S",
        "R",
    )
    assert (record.created, record.updated) == (START, START + 5)


def test_ids_are_never_reused(mailbox: Mailbox) -> None:
    first = new_draft(mailbox)
    mailbox.delete(first)
    assert new_draft(mailbox) != first


# Every change of state, and every refused one

_ALLOWED: dict[str, dict[State, State]] = {
    "save_draft": {State.DRAFT: State.DRAFT},
    "queue": {State.DRAFT: State.QUEUED},
    "unqueue": {State.QUEUED: State.DRAFT},
    "edit": {State.QUEUED: State.DRAFT, State.FAILED: State.DRAFT, State.UNKNOWN: State.DRAFT},
    "mark_sent": {State.SENDING: State.SENT},
    "mark_retry": {State.SENDING: State.QUEUED},
    "mark_failed": {State.SENDING: State.FAILED},
    "mark_unknown": {State.SENDING: State.UNKNOWN},
    "resolve_sent": {State.UNKNOWN: State.SENT},
    "resolve_again": {State.UNKNOWN: State.QUEUED},
    "retry_now": {
        State.FAILED: State.QUEUED,
        State.UNKNOWN: State.QUEUED,
        State.QUEUED: State.QUEUED,
    },
    "store_events": {State.SENT: State.SENT},
}


def _operation(name: str, folder: Path) -> Callable[[Mailbox, int], None]:
    def run(mailbox: Mailbox, id: int) -> None:
        if name == "save_draft":
            mailbox.save_draft("{}", profile_id="p", subject="s", recipients="r", id=id)
        elif name == "queue":
            path = folder / "again.eml"
            path.write_bytes(b"Subject: again\r\n\r\nbody\r\n")
            mailbox.queue(id, path, envelope="{}", options="{}", transport="{}")
        elif name == "mark_sent":
            mailbox.mark_sent(id, '{"id": "x"}')
        elif name == "mark_retry":
            mailbox.mark_retry(id, '{"kind": "busy"}', START + 30)
        elif name in {"mark_failed", "mark_unknown"}:
            getattr(mailbox, name)(id, '{"kind": "x"}')
        elif name == "resolve_sent":
            mailbox.resolve_unknown(id, sent=True)
        elif name == "resolve_again":
            mailbox.resolve_unknown(id, sent=False)
        elif name == "store_events":
            mailbox.store_events(id, '[{"event": "delivery"}]', "delivered")
        else:
            getattr(mailbox, name)(id)

    return run


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("name", sorted(_ALLOWED))
def test_each_change_from_each_state(
    mailbox: Mailbox, folder: Path, lease: Lease, name: str, state: State
) -> None:
    id = to_state(mailbox, state, folder, lease.owner)
    before = mailbox.get(id)
    digest = stored_digest(mailbox, id) if before.size is not None else None
    if state in _ALLOWED[name]:
        _operation(name, folder)(mailbox, id)
        assert mailbox.get(id).state is _ALLOWED[name][state]
        return
    with pytest.raises(WrongState) as raised:
        _operation(name, folder)(mailbox, id)
    assert raised.value.state is state
    assert f"Message {id} cannot be" in raised.value.message
    assert raised.value.hint
    # Refused means untouched: the row and its bytes are as they were.
    assert mailbox.get(id) == before
    if digest is not None:
        assert stored_digest(mailbox, id) == digest


@pytest.mark.parametrize("state", list(State))
def test_claim_takes_only_a_queued_message(
    mailbox: Mailbox, folder: Path, lease: Lease, state: State
) -> None:
    id = to_state(mailbox, state, folder, lease.owner)
    before = mailbox.get(id)
    assert mailbox.claim(id, lease.owner) is (state is State.QUEUED)
    if state is State.QUEUED:
        assert mailbox.get(id).state is State.SENDING
        assert mailbox.get(id).attempts == 1
    else:
        assert mailbox.get(id) == before


@pytest.mark.parametrize("state", list(State))
def test_delete_anything_but_a_message_being_sent(
    mailbox: Mailbox, folder: Path, lease: Lease, state: State
) -> None:
    id = to_state(mailbox, state, folder, lease.owner)
    if state is State.SENDING:
        with pytest.raises(WrongState, match="being sent"):
            mailbox.delete(id)
        assert mailbox.get(id).state is State.SENDING
        return
    mailbox.delete(id)
    with pytest.raises(NotFound):
        mailbox.get(id)
    assert mailbox.summaries(list(State)) == []


@pytest.mark.parametrize("name", [*sorted(_ALLOWED), "delete", "message"])
def test_a_missing_message_is_not_found(mailbox: Mailbox, folder: Path, name: str) -> None:
    with pytest.raises(NotFound) as raised:
        if name == "delete":
            mailbox.delete(99)
        elif name == "message":
            mailbox.message(99)
        else:
            _operation(name, folder)(mailbox, 99)
    assert "no message 99" in str(raised.value)
    assert not mailbox.claim(99, "1-000000000000")


def test_errors_read_as_a_sentence_and_what_to_do(
    mailbox: Mailbox, folder: Path, lease: Lease
) -> None:
    id = to_state(mailbox, State.SENDING, folder, lease.owner)
    with pytest.raises(MailboxError) as raised:
        mailbox.edit(id)
    assert str(raised.value) == (
        f"Message {id} cannot be taken back to the drafts now: it is being sent. "
        "Wait until the send has finished, then try again."
    )


def test_editing_a_failed_message_keeps_its_draft_and_drops_its_bytes(
    mailbox: Mailbox, folder: Path, lease: Lease
) -> None:
    id = to_state(mailbox, State.FAILED, folder, lease.owner)
    draft = mailbox.get(id).draft
    mailbox.edit(id)
    record = mailbox.get(id)
    assert (record.state, record.draft) == (State.DRAFT, draft)
    assert record.size is None
    assert record.envelope is record.error is None
    assert record.attempts == 0
    with pytest.raises(WrongState, match="draft"):
        mailbox.message(id)


# The outbox: queueing, timing, claiming


def test_queued_bytes_stay_exact_after_the_file_is_gone(mailbox: Mailbox, folder: Path) -> None:
    id = new_draft(mailbox)
    path = folder / "message.eml"
    digest = write_message(path, 300_000, seed=7)
    mailbox.queue(id, path, envelope='{"e": 1}', options='{"o": 1}', transport='{"t": 1}')
    path.unlink()
    record = mailbox.get(id)
    assert (record.state, record.size) == (State.QUEUED, 300_000)
    assert (record.envelope, record.options, record.transport) == (
        '{"e": 1}',
        '{"o": 1}',
        '{"t": 1}',
    )
    assert stored_digest(mailbox, id) == (300_000, digest)


def test_a_missing_message_file_leaves_the_draft_a_draft(mailbox: Mailbox, folder: Path) -> None:
    id = new_draft(mailbox)
    before = mailbox.get(id)
    with pytest.raises(MessageFileError, match="could not be read") as raised:
        mailbox.queue(id, folder / "gone.eml", envelope="{}", options="{}", transport="{}")
    assert "still a draft" in raised.value.hint
    with pytest.raises(MessageFileError):
        mailbox.queue(id, folder, envelope="{}", options="{}", transport="{}")
    assert mailbox.get(id) == before


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_message_file_that_changes_while_stored_leaves_the_draft_a_draft(
    mailbox: Mailbox,
) -> None:
    # A /proc file says it is empty and then has lines: as a file that grows meanwhile.
    id = new_draft(mailbox)
    before = mailbox.get(id)
    with pytest.raises(MessageFileError, match="changed while it was being stored"):
        mailbox.queue(id, Path("/proc/self/status"), envelope="{}", options="{}", transport="{}")
    assert mailbox.get(id) == before
    assert mailbox._db.execute("SELECT count(*) FROM bodies").fetchone() == (0,)


def test_an_empty_message_is_stored_as_empty(mailbox: Mailbox, folder: Path) -> None:
    id = new_draft(mailbox)
    (folder / "empty.eml").write_bytes(b"")
    mailbox.queue(id, folder / "empty.eml", envelope="{}", options="{}", transport="{}")
    assert stored_digest(mailbox, id) == (0, hashlib.sha256(b"").hexdigest())


def test_a_full_disk_while_queueing_leaves_the_draft_a_draft(
    mailbox: Mailbox, folder: Path
) -> None:
    id = new_draft(mailbox)
    before = mailbox.get(id)
    write_message(folder / "big.eml", 2_000_000)
    # SQLite's own page limit gives a real SQLITE_FULL, as a full disk does.
    mailbox._db.execute("PRAGMA max_page_count = 100")
    with pytest.raises(MailboxUnavailable, match="is full") as raised:
        mailbox.queue(id, folder / "big.eml", envelope="{}", options="{}", transport="{}")
    assert "what was saved before is safe" in raised.value.hint
    assert mailbox.get(id) == before
    assert mailbox._db.execute("SELECT count(*) FROM bodies").fetchone() == (0,)


def test_a_20_mb_message_goes_in_and_out_in_small_pieces(mailbox: Mailbox, folder: Path) -> None:
    size = 20 * 1024 * 1024
    id = new_draft(mailbox)
    digest = write_message(folder / "big.eml", size, seed=20)
    tracemalloc.start()
    try:
        mailbox.queue(id, folder / "big.eml", envelope="{}", options="{}", transport="{}")
        _, queue_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        assert stored_digest(mailbox, id) == (size, digest)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # One chunk (256 KiB) at a time, far below the message's 20 MB.
    assert queue_peak < 1_000_000, queue_peak
    assert read_peak < 1_000_000, read_peak


class MessageSource(Protocol):
    """What the transport reads a message from (its own protocol, restated here)."""

    size: int

    def open(self) -> BinaryIO: ...


def test_a_stored_message_is_a_message_source(mailbox: Mailbox, folder: Path) -> None:
    id = new_draft(mailbox)
    (folder / "m.eml").write_bytes(b"0123456789" * 100)
    mailbox.queue(id, folder / "m.eml", envelope="{}", options="{}", transport="{}")
    source: MessageSource = mailbox.message(id)
    assert source.size == 1000
    with source.open() as first, source.open() as second:
        assert first.read(4) == b"0123"
        assert second.read() == b"0123456789" * 100
        first.seek(995)
        assert first.read() == b"56789"
        first.seek(0)
        assert first.read(3) == b"012"
    assert first.closed
    assert second.closed


def test_a_stream_keeps_its_bytes_when_the_message_is_deleted(
    mailbox: Mailbox, folder: Path, lease: Lease
) -> None:
    id = to_state(mailbox, State.SENT, folder, lease.owner)
    expected = stored_digest(mailbox, id)
    message = mailbox.message(id)
    with message.open() as stream:
        head = stream.read(10)
        mailbox.delete(id)
        rest = stream.read()
    assert (len(head + rest), hashlib.sha256(head + rest).hexdigest()) == expected
    with pytest.raises(NotFound, match="no longer in the mailbox"):
        message.open()


def test_send_later_is_due_when_its_time_comes(
    mailbox: Mailbox, folder: Path, clock: Clock, lease: Lease
) -> None:
    now = new_draft(mailbox)
    later = new_draft(mailbox)
    queue(mailbox, now, folder)
    queue(mailbox, later, folder, not_before=START + 60)
    assert mailbox.due() == [now]
    assert not mailbox.claim(later, lease.owner)
    assert mailbox.get(later).state is State.QUEUED
    assert mailbox.due(START + 60) == [now, later]
    clock.advance(60)
    assert mailbox.claim(later, lease.owner)


def test_undo_send_before_the_time_comes(mailbox: Mailbox, folder: Path) -> None:
    id = new_draft(mailbox, '{"body": "oops"}')
    queue(mailbox, id, folder, not_before=START + 5)
    mailbox.unqueue(id)
    record = mailbox.get(id)
    assert (record.state, record.draft, record.not_before) == (
        State.DRAFT,
        '{"body": "oops"}',
        None,
    )
    assert mailbox._db.execute("SELECT count(*) FROM bodies").fetchone() == (0,)
    assert mailbox.due(START + 10) == []


def test_a_transient_failure_waits_for_its_retry_time(
    mailbox: Mailbox, folder: Path, clock: Clock, lease: Lease
) -> None:
    id = to_state(mailbox, State.SENDING, folder, lease.owner)
    attempts = mailbox.get(id).attempts
    mailbox.mark_retry(id, '{"kind": "busy"}', START + backoff(attempts))
    record = mailbox.get(id)
    assert (record.state, record.retry_at, record.error) == (
        State.QUEUED,
        START + 30,
        '{"kind": "busy"}',
    )
    assert mailbox.due() == []
    assert not mailbox.claim(id, lease.owner)
    clock.advance(30)
    assert mailbox.due() == [id]
    assert mailbox.claim(id, lease.owner)
    assert mailbox.get(id).attempts == 2


def test_retry_now_skips_the_wait(mailbox: Mailbox, folder: Path, lease: Lease) -> None:
    id = to_state(mailbox, State.SENDING, folder, lease.owner)
    mailbox.mark_retry(id, "{}", START + 3600)
    mailbox.retry_now(id)
    assert mailbox.due() == [id]
    later = new_draft(mailbox)
    queue(mailbox, later, folder, not_before=START + 3600)
    mailbox.retry_now(later)
    assert mailbox.due() == [id, later]


def test_an_unknown_send_is_decided_by_the_person(
    mailbox: Mailbox, folder: Path, clock: Clock, lease: Lease
) -> None:
    went = to_state(mailbox, State.UNKNOWN, folder, lease.owner)
    again = to_state(mailbox, State.UNKNOWN, folder, lease.owner)
    clock.advance(10)
    mailbox.resolve_unknown(went, sent=True)
    mailbox.resolve_unknown(again, sent=False)
    assert (mailbox.get(went).state, mailbox.get(went).sent_at) == (State.SENT, START + 10)
    assert mailbox.due() == [again]


def test_only_one_of_two_connections_claims_a_message(
    tmp_path: Path, folder: Path, registry: LeaseRegistry
) -> None:
    path = tmp_path / "mailbox.sqlite3"
    with Mailbox(path) as mailbox:
        ids = [new_draft(mailbox) for _ in range(20)]
        for id in ids:
            queue(mailbox, id, folder, size=100)
    barrier = threading.Barrier(2, timeout=30)
    won: dict[str, list[int]] = {}

    def claim_all(owner: str) -> None:
        with Mailbox(path) as mailbox:
            barrier.wait()
            won[owner] = [id for id in ids if mailbox.claim(id, owner)]

    with registry.acquire() as one, registry.acquire() as two:
        threads = [threading.Thread(target=claim_all, args=(lease.owner,)) for lease in (one, two)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(won[one.owner] + won[two.owner]) == ids


# Sent mail


def test_sent_mail_keeps_its_receipt_and_events(
    mailbox: Mailbox, folder: Path, clock: Clock, lease: Lease
) -> None:
    id = to_state(mailbox, State.SENDING, folder, lease.owner)
    clock.advance(2)
    mailbox.mark_sent(id, '{"ids": {"ann@example.org": "m-1"}}')
    clock.advance(60)
    mailbox.store_events(id, '[{"event": "delivery"}]', "delivered")
    mailbox.store_events(id, '[{"event": "delivery"}, {"event": "open"}]', "opened")
    record = mailbox.get(id)
    assert record.receipt == '{"ids": {"ann@example.org": "m-1"}}'
    assert (record.events, record.delivery) == (
        '[{"event": "delivery"}, {"event": "open"}]',
        "opened",
    )
    assert (record.sent_at, record.updated) == (START + 2, START + 62)


def test_lists_show_summaries_newest_first(mailbox: Mailbox, folder: Path, clock: Clock) -> None:
    ids = []
    for _ in range(3):
        ids.append(new_draft(mailbox))
        clock.advance(1)
    queue(mailbox, ids[0], folder)
    drafts = mailbox.summaries([State.DRAFT])
    assert [s.id for s in drafts] == [ids[2], ids[1]]
    assert all(type(s) is Summary for s in drafts)
    # Queued last, so changed last.
    assert [s.id for s in mailbox.summaries({State.QUEUED, State.DRAFT})] == [
        ids[0],
        ids[2],
        ids[1],
    ]
    assert mailbox.summaries([]) == []


# Recovery after a crash


def test_recover_leaves_a_live_process_alone_and_marks_a_dead_ones_send_unknown(
    mailbox: Mailbox, folder: Path, registry: LeaseRegistry
) -> None:
    with registry.acquire() as live:
        dead = registry.acquire()
        mine = to_state(mailbox, State.SENDING, folder, live.owner)
        theirs = to_state(mailbox, State.SENDING, folder, dead.owner)
        assert mailbox.recover(registry) == []
        dead.release()
        assert mailbox.recover(registry) == [theirs]
        assert mailbox.recover(registry) == []
        assert mailbox.get(mine).state is State.SENDING
        record = mailbox.get(theirs)
        assert (record.state, record.error) == (State.UNKNOWN, INTERRUPTED)
        # It is never sent again by itself.
        assert mailbox.due() == []
        mailbox.mark_sent(mine, "{}")


# Machine failures


def test_a_busy_mailbox_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox
) -> None:
    monkeypatch.setattr(mailbox_module, "BUSY_TIMEOUT", 0.1)
    with Mailbox(mailbox.path) as other:
        mailbox._db.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(MailboxUnavailable, match="busy") as raised:
                new_draft(other)
        finally:
            mailbox._db.execute("ROLLBACK")
        assert "try again" in raised.value.hint
        assert other.summaries([State.DRAFT]) == []
        new_draft(other)


def test_a_file_that_is_no_mailbox_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mailbox.sqlite3"
    path.write_bytes(b"Dear diary, " * 1000)
    with pytest.raises(MailboxUnavailable, match="is not a mailbox") as raised:
        Mailbox(path)
    assert "Move the file aside" in raised.value.hint
    assert path.read_bytes() == b"Dear diary, " * 1000


def test_a_folder_that_cannot_be_made_is_explained(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(MailboxUnavailable, match="cannot be made"):
        Mailbox(tmp_path / "file" / "mailbox.sqlite3")


def test_deleting_a_big_message_gives_the_space_back(mailbox: Mailbox, folder: Path) -> None:
    id = new_draft(mailbox)
    queue(mailbox, id, folder, size=3_000_000)
    mailbox.delete(id)
    pages, free = (
        mailbox._db.execute("PRAGMA page_count").fetchone()[0],
        mailbox._db.execute("PRAGMA freelist_count").fetchone()[0],
    )
    assert free == 0
    assert pages < 50


def test_backoff_grows_to_an_hour() -> None:
    assert [backoff(n) for n in range(1, 8)] == [30, 120, 600, 1800, 3600, 3600, 3600]
    with pytest.raises(ValueError, match="1 or more"):
        backoff(0)


def test_sqlite_errors_that_are_bugs_stay_bugs(mailbox: Mailbox) -> None:
    with pytest.raises(sqlite3.OperationalError), mailbox_module.translated(mailbox.path):
        mailbox._db.execute("SELECT nothing FROM nowhere")
