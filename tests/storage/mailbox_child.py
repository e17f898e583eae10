"""A second process for the mailbox tests: it works on a mailbox and reports each step on stdout.

Run as ``python -m tests.storage.mailbox_child COMMAND ...``; the tests kill it with ``kill -9``
at random moments, or race it against others. Every report is written after the step it names
has been committed, so the last report read is a lower bound for what the database must hold.

Commands:
    drafts DB SEED         create the mailbox and a draft, then save new versions forever;
                           report each version number once saved.
    queue DB ID FILE       queue draft ID from FILE and take it back, forever; report
                           "queueing" before queueing, "queued" and "draft" after each.
    claim DB HOME ID       take a lease, report "ready OWNER", wait for a line on stdin, try to
                           claim message ID, report "won" or "lost", then wait for stdin to close.
    lease HOME             take a lease, report its owner, then wait for stdin to close.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path

from smtpeter_desktop.storage.lease import LeaseRegistry
from smtpeter_desktop.storage.mailbox import Mailbox
from tests.storage.mailbox_helpers import draft_text


def _report(text: object) -> None:
    print(text, flush=True)


def _drafts(db: str, seed: str) -> None:
    with Mailbox(Path(db)) as mailbox:
        id = None
        for version in itertools.count(1):
            id = mailbox.save_draft(
                draft_text(int(seed), version),
                profile_id="sandbox",
                subject=f"Draft {version}",
                recipients="ann@example.org",
                id=id,
            )
            _report(version)


def _queue(db: str, id: str, file: str) -> None:
    with Mailbox(Path(db)) as mailbox:
        while True:
            _report("queueing")
            mailbox.queue(int(id), Path(file), envelope="{}", options="{}", transport="{}")
            _report("queued")
            mailbox.unqueue(int(id))
            _report("draft")


def _claim(db: str, home: str, id: str) -> None:
    with LeaseRegistry(Path(home)).acquire() as lease, Mailbox(Path(db)) as mailbox:
        _report(f"ready {lease.owner}")
        sys.stdin.readline()
        _report("won" if mailbox.claim(int(id), lease.owner) else "lost")
        sys.stdin.read()


def _lease(home: str) -> None:
    with LeaseRegistry(Path(home)).acquire() as lease:
        _report(lease.owner)
        sys.stdin.read()


def main(argv: list[str]) -> None:
    command, *args = argv
    commands: dict[str, Callable[..., None]] = {
        "drafts": _drafts,
        "queue": _queue,
        "claim": _claim,
        "lease": _lease,
    }
    _report("start")
    commands[command](*args)


if __name__ == "__main__":
    main(sys.argv[1:])
