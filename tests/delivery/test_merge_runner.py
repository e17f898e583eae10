"""A mail merge through the send path: real sandboxes over SMTP and REST, a real mailbox."""

from __future__ import annotations

import csv
import email
import email.policy
import itertools
from pathlib import Path

import pytest

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.merge import MergePlan, MergeSetup
from smtpeter_desktop.delivery.merge_runner import JobControl, MergeError, MergeRunner, Progress
from smtpeter_desktop.delivery.outcomes import ErrorKind, Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.jobs import Counts, JobState
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.transport.base import CancelToken
from tests.delivery.conftest import TOKEN

BODY = 'Dear {$first|default:"friend"},\n\n{if $vip}**You are a VIP.**{else}Welcome.{/if}\n'


def people(folder: Path, count: int, bad_row: int = 0) -> Path:
    path = folder / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["email", "first", "vip"])
        for n in range(count):
            address = f"p{n}@example.org" if n + 2 != bad_row else "not an address"
            writer.writerow([address, f"Person{n}", "1" if n % 3 == 0 else ""])
    return path


def plan_for(profile: Profile, path: Path, **setup: object) -> MergePlan:
    draft = Draft(
        profile=profile.id,
        sender="Ann Lee <ann@example.com>",
        subject="News for {$first}",
        body=BODY,
    )
    return MergePlan.open(MergeSetup(draft, path, name_template="{$first}", **setup))  # type: ignore[arg-type]


@pytest.mark.parametrize("account", ["smtp_account", "rest_account"])
def test_each_row_gets_its_own_message(
    account: str,
    request: pytest.FixtureRequest,
    postman: Postman,
    tmp_path: Path,
) -> None:
    profile, box = request.getfixturevalue(account)
    plan = plan_for(profile, people(tmp_path, 5))
    runner = MergeRunner(postman)
    job = runner.prepare(plan)
    assert box.messages() == []  # queued, nothing sent yet
    seen: list[str] = []
    ended = runner.run(job, progress=lambda p: seen.append(p.text()))
    assert seen == ["1 of 5", "2 of 5", "3 of 5", "4 of 5", "5 of 5"]
    assert ended.counts == Counts(sent=5)
    assert runner.jobs.get(job).state is JobState.DONE
    kept = box.messages()
    assert len(kept) == 5
    ids = set()
    for n, captured in enumerate(kept):
        message = email.message_from_bytes(captured.raw(), policy=email.policy.default)
        assert captured.recipients == (f"p{n}@example.org",)
        assert message["To"] == f"Person{n} <p{n}@example.org>"
        assert message["Subject"] == f"News for Person{n}"
        text = message.get_body(("plain",))
        assert text is not None
        assert ("You are a VIP" in text.get_content()) == (n % 3 == 0)
        ids.add(message["Message-ID"])
    assert len(ids) == 5  # each its own Message-ID


def test_results_and_feeding_them_back(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    profile, box = rest_account
    box.faults.add("fail=p1@example.org")  # accepted, then a failure event: still "sent"
    path = people(tmp_path, 4, bad_row=4)
    plan = plan_for(profile, path, skip_bad_rows=True)
    runner = MergeRunner(postman)
    job = runner.prepare(plan)
    runner.run(job)
    results = tmp_path / "results.csv"
    runner.write_results(job, plan, results)
    rows = list(csv.DictReader(results.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["merge state"] for r in rows] == ["sent", "sent", "skipped", "sent"]
    assert rows[2]["merge error"].startswith("Row 4: ")
    assert all(rows[i]["merge message id"] for i in (0, 1, 3))
    # Fed back with the bad row corrected: only that row goes.
    fixed = results.read_text(encoding="utf-8-sig").replace("not an address", "new@example.org")
    again = tmp_path / "again.csv"
    again.write_text(fixed, encoding="utf-8")
    second = plan_for(profile, again)
    report = second.check_all()
    assert (report.good, report.already_sent, report.bad) == (1, 3, 0)
    job2 = runner.prepare(second)
    runner.run(job2)
    assert [m.recipients for m in box.messages()][-1] == ("new@example.org",)
    assert len(box.messages()) == 4


def test_nothing_is_sent_while_a_row_has_a_problem(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    profile, box = rest_account
    plan = plan_for(profile, people(tmp_path, 8000, bad_row=7000))
    with pytest.raises(MergeError) as caught:
        MergeRunner(postman).prepare(plan)
    assert "Nothing was sent: 1 of 8,000 rows have problems." in str(caught.value)
    assert "Row 7000: “not an address” in the address column is not a valid" in str(caught.value)
    assert box.messages() == []


def test_the_same_merge_resumes_and_a_finished_one_is_refused(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    profile, box = rest_account
    path = people(tmp_path, 6)
    runner = MergeRunner(postman)
    job = runner.prepare(plan_for(profile, path))
    stop = CancelToken()

    def stop_after_two(progress: Progress) -> None:
        if progress.done == 2:
            stop.cancel()

    ended = runner.run(job, progress=stop_after_two, stop=stop)
    assert ended.counts == Counts(queued=4, sent=2)
    assert runner.jobs.get(job).state is JobState.PAUSED
    # Started again with the same list and message: the same job goes on.
    assert runner.prepare(plan_for(profile, path)) == job
    assert runner.run(job).counts == Counts(sent=6)
    assert len(box.messages()) == 6
    with pytest.raises(MergeError, match="merged with this message before"):
        runner.prepare(plan_for(profile, path))


def test_cancel_from_elsewhere_stops_before_the_next_row(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    profile, box = rest_account
    runner = MergeRunner(postman)
    job = runner.prepare(plan_for(profile, people(tmp_path, 5)))

    def cancel_after_one(progress: Progress) -> None:
        if progress.done == 1:
            assert runner.cancel(job) == 4

    ended = runner.run(job, progress=cancel_after_one)
    assert ended.counts == Counts(sent=1, failed=4)
    assert len(box.messages()) == 1
    assert runner.jobs.get(job).state is JobState.CANCELLED


def test_a_test_send_goes_to_me_only_marked_as_a_test(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    profile, box = rest_account
    path = tmp_path / "people.csv"
    path.write_text("email,first,vip,cc\nbob@example.org,Bob,,boss@example.org\n", encoding="utf-8")
    plan = plan_for(profile, path)
    preview = plan.preview(2)
    assert (preview.subject, preview.to) == ("News for Bob", "Bob <bob@example.org>")
    assert "Welcome." in preview.text and "Welcome." in preview.html
    outcome = postman.submit(plan.test_draft(2, "me@example.com"))
    assert outcome.result is Result.SENT
    (kept,) = box.messages()
    assert kept.recipients == ("me@example.com",)  # never the row's own people, nor its cc
    message = email.message_from_bytes(kept.raw(), policy=email.policy.default)
    assert message["Subject"] == "[Test] News for Bob"


def test_a_refused_token_pauses_the_merge_instead_of_failing_every_row(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path, context: AppContext
) -> None:
    profile, box = rest_account
    runner = MergeRunner(postman)
    job = runner.prepare(plan_for(profile, people(tmp_path, 4)))
    context.secrets.set(profile.id, "wrong token")
    ended = runner.run(job)
    assert ended.stopped_by is not None and ended.stopped_by.kind is ErrorKind.AUTH
    assert ended.counts == Counts(queued=4)  # the row that met it waits again, unsent
    assert runner.jobs.get(job).state is JobState.PAUSED
    context.secrets.set(profile.id, TOKEN)
    runner.resume(job)
    assert runner.run(job).counts == Counts(sent=4)
    assert len(box.messages()) == 4


def test_the_pace_spaces_the_rows(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    from smtpeter_desktop.delivery.pace import Pace
    from tests.delivery.test_pace import FakeClock

    profile, box = rest_account
    runner = MergeRunner(postman)
    job = runner.prepare(plan_for(profile, people(tmp_path, 4)))
    clock = FakeClock()
    starts: list[float] = []
    runner.run(job, pace=Pace(30, clock=clock, sleep=clock.sleep),
               progress=lambda p: starts.append(clock.now))  # fmt: skip
    assert [round(b - a, 6) for a, b in itertools.pairwise(starts)] == [2.0, 2.0, 2.0]
    assert len(box.messages()) == 4


def test_a_job_found_at_start_resumes_without_its_list(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path, context: AppContext
) -> None:
    profile, box = rest_account
    path = people(tmp_path, 3)
    plan = plan_for(profile, path)
    job = MergeRunner(postman).prepare(plan)
    path.unlink()  # the rows are in the mailbox, built: the list is not needed to send them
    with context.postman() as later:
        runner = MergeRunner(later)
        (found,) = runner.unfinished()
        assert found.id == job and found.total == 3
        assert runner.setup_of(job).name_template == "{$first}"
        assert runner.run(job).counts == Counts(sent=3)
    assert len(box.messages()) == 3


def test_another_thread_pauses_and_cancels_through_the_mailbox(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path, context: AppContext
) -> None:
    profile, box = rest_account
    runner = MergeRunner(postman)
    job = runner.prepare(plan_for(profile, people(tmp_path, 4)))
    control = JobControl(context.mailbox_path)

    def pause_after_one(progress: Progress) -> None:
        if progress.done == 1:
            control.pause(job)  # on its own connection, as the GUI thread would

    runner.run(job, progress=pause_after_one)
    assert control.state(job) is JobState.PAUSED
    assert control.progress(job).text() == "1 of 4"
    control.resume(job)
    assert control.cancel(job) == 3
    assert runner.run(job).counts == Counts(sent=1, failed=3)
    assert len(box.messages()) == 1


def test_the_pace_is_kept_with_the_job_and_a_change_before_resuming_too(
    rest_account: tuple[Profile, Sandbox], postman: Postman, tmp_path: Path
) -> None:
    import dataclasses
    import json

    profile, _box = rest_account
    runner = MergeRunner(postman)
    job = runner.prepare(plan_for(profile, people(tmp_path, 2), pace=120.0))
    assert runner.setup_of(job).pace == 120.0
    runner.keep_pace(job, 30.0)
    assert runner.setup_of(job).pace == 30.0
    runner.keep_pace(job, None)  # no limit is a pace of its own, not "unknown"
    assert runner.setup_of(job).pace is None
    assert runner.setup_of(job).name_template == "{$first}"  # the rest is kept

    # A job queued before the pace was kept resumes at the window's pace of then.
    from smtpeter_desktop.delivery.merge import EARLIER_PACE

    older = json.loads(dataclasses.replace(runner.setup_of(job), pace=1.0).to_json())
    del older["pace"]
    assert MergeSetup.from_json(json.dumps(older)).pace == EARLIER_PACE
    runner.cancel(job)
    with pytest.raises(Exception, match="cannot be changed now"):
        runner.keep_pace(job, 10.0)
