"""Property: whatever drafts are made and saved, in any order, each reads back as last saved."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smtpeter_desktop.storage.mailbox import Mailbox, State

# ("new", text, subject) | ("save", which, text, subject) | ("reopen",)
_steps = st.lists(
    st.one_of(
        st.tuples(st.just("new"), st.text(), st.text(max_size=20)),
        st.tuples(st.just("save"), st.integers(0, 20), st.text(), st.text(max_size=20)),
        st.tuples(st.just("reopen")),
    ),
    max_size=25,
)


# 50 examples of up to 25 synced saves: about 2 s, more on a busy machine.
@pytest.mark.slow
# The autouse home fixture is per test, not per example; nothing here uses it.
@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_steps)
def test_every_draft_reads_back_as_last_saved(steps: list[tuple[object, ...]]) -> None:
    last: dict[int, tuple[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mailbox.sqlite3"
        mailbox = Mailbox(path)
        try:
            for step in steps:
                if step[0] == "reopen":
                    mailbox.close()
                    mailbox = Mailbox(path)
                    continue
                *which, text, subject = step[1:]
                assert isinstance(text, str)
                assert isinstance(subject, str)
                id = None
                if which and last:
                    assert isinstance(which[0], int)
                    id = sorted(last)[which[0] % len(last)]
                id = mailbox.save_draft(
                    text, profile_id="p", subject=subject, recipients="r", id=id
                )
                last[id] = (text, subject)
                assert mailbox.get(id).draft == text
            mailbox.close()
            mailbox = Mailbox(path)
            for id, (text, subject) in last.items():
                record = mailbox.get(id)
                assert (record.draft, record.subject) == (text, subject)
            assert {s.id for s in mailbox.summaries([State.DRAFT])} == set(last)
        finally:
            mailbox.close()
