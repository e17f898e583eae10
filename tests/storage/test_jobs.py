"""Merge jobs in the mailbox: a message per row, queued once, sent by claim like any other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpeter_desktop.storage.jobs import Counts, Jobs, JobState, JobStateError, NewRow
from smtpeter_desktop.storage.lease import LeaseRegistry
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.storage.mailbox_helpers import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def mailbox(tmp_path: Path, clock: Clock) -> Iterator[Mailbox]:
    with Mailbox(tmp_path / "mailbox.sqlite3", clock=clock) as box:
        yield box


def row(number: int) -> NewRow:
    address = f"p{number}@example.com"
    return NewRow(
        row_number=number,
        address=address,
        draft_json=f'{{"to": "{address}"}}',
        subject=f"Hello {number}",
        recipients=address,
        content=f"Subject: Hello {number}\r\n\r\nHi\r\n".encode(),
        envelope=f'{{"sender": "a@example.com", "recipients": ["{address}"]}}',
        options="{}",
        transport="rest",
    )


def new_job(jobs: Jobs, rows: int = 3) -> int:
    job = jobs.create(profile_id="p", name="News", fingerprint="f1", settings="{}")
    jobs.add_rows(job, [row(n) for n in range(2, rows + 2)])
    jobs.start(job, total=rows)
    return job


def test_each_row_is_a_message_of_its_own(mailbox: Mailbox) -> None:
    jobs = Jobs(mailbox)
    job = new_job(jobs)
    stored = list(jobs.rows(job))
    assert [r.row_number for r in stored] == [2, 3, 4]
    assert len({r.message_id for r in stored}) == 3
    assert all(r.state is State.QUEUED for r in stored)
    first = stored[0]
    assert mailbox.get(first.message_id).subject == "Hello 2"
    with mailbox.message(first.message_id).open() as body:
        assert body.read() == b"Subject: Hello 2\r\n\r\nHi\r\n"
    assert jobs.get(job).state is JobState.RUNNING
    assert jobs.get(job).total == 3
    assert jobs.job_of(first.message_id) == (job, 2)
    assert jobs.job_of(10_000) is None


def test_a_row_is_queued_once(mailbox: Mailbox) -> None:
    jobs = Jobs(mailbox)
    job = jobs.create(profile_id="p", name="News", fingerprint="f1", settings="{}")
    jobs.add_rows(job, [row(2), row(3)])
    assert jobs.last_row(job) == 3
    with pytest.raises(JobStateError, match="Row 3 of merge"):
        jobs.add_rows(job, [row(4), row(3)])
    assert jobs.last_row(job) == 3  # the whole batch was refused: nothing half-added
    assert jobs.counts(job) == Counts(queued=2)


def test_the_outbox_leaves_a_jobs_rows_to_the_job(mailbox: Mailbox, clock: Clock) -> None:
    jobs = Jobs(mailbox)
    job = new_job(jobs)
    assert mailbox.due() == []
    first, second, _ = (r.message_id for r in jobs.rows(job))
    assert jobs.next_due(job) == first
    assert mailbox.claim(first, "1-owner")
    assert jobs.next_due(job) == second
    mailbox.mark_retry(first, '{"kind": "busy"}', clock.now + 30)
    assert (jobs.next_retry(job) or 0) <= clock.now  # the others are due now
    assert jobs.next_due(job) == second


def test_counts_pause_resume_finish(mailbox: Mailbox) -> None:
    jobs = Jobs(mailbox)
    job = new_job(jobs, rows=2)
    a, b = (r.message_id for r in jobs.rows(job))
    jobs.pause(job)
    with pytest.raises(JobStateError, match="cannot be paused now: it is paused"):
        jobs.pause(job)
    jobs.resume(job)
    assert mailbox.claim(a, "1-owner")
    mailbox.mark_sent(a, "{}")
    assert not jobs.finish(job)  # a row is still to send
    assert mailbox.claim(b, "1-owner")
    mailbox.mark_failed(b, '{"kind": "rejected"}')
    assert jobs.counts(job) == Counts(sent=1, failed=1)
    assert jobs.finish(job)
    assert jobs.get(job).state is JobState.DONE
    assert jobs.unfinished() == []


def test_cancel_fails_the_rows_not_sent(mailbox: Mailbox) -> None:
    jobs = Jobs(mailbox)
    job = new_job(jobs, rows=3)
    first = next(jobs.rows(job)).message_id
    assert mailbox.claim(first, "1-owner")
    assert jobs.cancel(job, '{"kind": "cancelled"}') == 2
    assert jobs.counts(job) == Counts(sending=1, failed=2)  # the one being sent finishes
    assert jobs.get(job).state is JobState.CANCELLED
    with pytest.raises(JobStateError):
        jobs.resume(job)
    # A person sends a cancelled row after all: with the merge over, the outbox sends it.
    later = list(jobs.rows(job))[1].message_id
    mailbox.retry_now(later)
    assert mailbox.due() == [later]


def test_a_row_of_a_dead_process_is_unknown_not_resent(
    mailbox: Mailbox, isolated_home: Path
) -> None:
    registry = LeaseRegistry(isolated_home)
    lease = registry.acquire()
    jobs = Jobs(mailbox)
    job = new_job(jobs, rows=2)
    first = next(jobs.rows(job)).message_id
    assert mailbox.claim(first, "1-000000000000")  # a process that is gone
    assert mailbox.recover(registry) == [first]
    assert jobs.counts(job) == Counts(queued=1, unknown=1)
    assert jobs.next_due(job) != first
    second = jobs.next_due(job)
    assert second is not None and mailbox.claim(second, lease.owner)
    mailbox.mark_sent(second, "{}")
    assert not jobs.finish(job)  # the unknown row waits for a person
    mailbox.resolve_unknown(first, sent=False)
    assert jobs.next_due(job) == first
    assert [j.id for j in jobs.unfinished()] == [job]
    lease.release()


def test_rows_are_read_a_page_at_a_time(mailbox: Mailbox) -> None:
    jobs = Jobs(mailbox)
    job = jobs.create(profile_id="p", name="News", fingerprint="f1", settings="{}")
    jobs.add_rows(job, [row(n) for n in range(2, 1202)])
    numbers = [r.row_number for r in jobs.rows(job)]
    assert numbers == list(range(2, 1202))
    assert [j.id for j in jobs.find("f1")] == [job]
