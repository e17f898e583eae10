"""The merge jobs as lists show them: which are not over, how far, which rows they hold back.

Light on purpose: listing the outbox must not import what builds or renders a message (the
merge runner does), so this reads the jobs and nothing else.
"""

from __future__ import annotations

from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.storage.jobs import Counts, Job, Jobs


def unfinished(postman: Postman) -> list[tuple[Job, Counts]]:
    """The merges not over (queueing, running, paused), oldest first, with their counts."""
    jobs = Jobs(postman.mailbox)
    return [(job, jobs.counts(job.id)) for job in jobs.unfinished()]


def waiting_rows(postman: Postman) -> set[int]:
    """The message ids of rows still to go in merges that are not over."""
    return Jobs(postman.mailbox).waiting_rows()


def job_of(postman: Postman, message_id: int) -> tuple[int, int] | None:
    """The merge and row number of a message; None when it is not a merge's row."""
    return Jobs(postman.mailbox).job_of(message_id)


def job_with_counts(postman: Postman, job_id: int) -> tuple[Job, Counts]:
    """A merge and its rows' counts (for the lists' merge entries)."""
    jobs = Jobs(postman.mailbox)
    return jobs.get(job_id), jobs.counts(job_id)
