"""The mail merge window, end to end: a list checked and previewed, a test, sending with pause,
resume and cancel, a merge offered again after a restart, and the Outbox and Sent grouping.

Real parts: sandboxes over SMTP (with a password), the real keyring, the real mailbox, the
window's pool threads. Every test counts what the sandbox received: no row arrives twice.
"""

from __future__ import annotations

import csv
import email
import email.policy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.mailbox import Mailbox
from tests.ui.message_fixture import ShownMessages
from tests.ui.shell_helpers import (
    PASSWORD,
    TOKEN,
    Windows,
    add_rest_account,
    add_smtp_account,
    answer,
    make_sandbox,
    shown_messages,
    windows,
)

from smtpeter_desktop.ui import merge_hooks, window_panes
from smtpeter_desktop.ui.main_window import MainWindow
from smtpeter_desktop.ui.merge_groups import entry_text
from smtpeter_desktop.ui.merge_model import FAILED, PROBLEM, READY, SENT, SENT_BEFORE
from smtpeter_desktop.ui.merge_view import MergeWindow

__all__ = ["make_sandbox", "shown_messages", "windows"]

TIMEOUT = 20_000
BODY = 'Dear {$first|default:"friend"},\n\n{if $vip}**You are a VIP.**{else}Welcome.{/if}\n'


def people(folder: Path, count: int, *, extra: list[list[str]] | None = None) -> Path:
    path = folder / "people.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Name", "E-mail", "first", "vip"])
        for n in range(count):
            writer.writerow([f"P {n}", f"p{n}@example.org", f"Person{n}", "1" if n == 0 else ""])
        for row in extra or []:
            writer.writerow(row)
    return path


def _merge_window(
    windows: Windows, make_sandbox: Callable[..., Sandbox], *, rest: bool = False
) -> tuple[MainWindow, Sandbox]:
    """A window whose compose message has placeholders, From an SMTP (or REST) account on a
    sandbox that checks the secret."""
    from smtpeter_desktop.delivery.context import AppContext

    if rest:
        box = make_sandbox(token=TOKEN)
    else:
        box = make_sandbox(users={"ann@example.com": PASSWORD})
    context = AppContext.open(windows.home)
    try:
        profile = add_rest_account(context, box) if rest else add_smtp_account(context, box)
    finally:
        context.close()
    window = windows()
    compose = window.compose
    assert compose is not None
    compose.sender_box.select(profile.id, "ann@example.com")
    compose.to.setText("{$first} <{$email}>")
    compose.subject.setText("News for {$first}")
    compose.editor.setPlainText(BODY)
    return window, box


def _open(window: MainWindow, qtbot: Any, path: Path) -> MergeWindow:
    window.merge_action.trigger()
    merge = merge_hooks.merge_window(window)
    assert merge is not None and merge.isVisible()
    merge.open_list(path)
    qtbot.waitUntil(lambda: merge.report is not None or merge.problem.isVisible(), timeout=TIMEOUT)
    return merge


def _recipients(box: Sandbox) -> list[str]:
    return [address for captured in box.messages() for address in captured.recipients]


def _wait_state(merge: MergeWindow, qtbot: Any, state: str) -> None:
    qtbot.waitUntil(lambda: merge.state == state and not merge.busy(), timeout=TIMEOUT)


def test_a_list_is_checked_row_by_row_and_each_row_previewed(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    path = people(
        tmp_path,
        3,
        extra=[["Bad", "not an address", "X", ""], ["Again", "p1@example.org", "Y", ""]],
    )
    merge = _open(window, qtbot, path)

    assert merge.column_box.currentText() == "E-mail"  # guessed from the header
    assert merge.name_edit.text() == "{$first}"  # the compose To's name
    rows = [merge.model.row_at(n) for n in range(merge.model.rowCount())]
    assert [(r.number, r.state) for r in rows if r is not None] == [
        (2, READY),
        (3, READY),
        (4, READY),
        (5, PROBLEM),
        (6, PROBLEM),
    ]
    bad = merge.model.row_at(3)
    duplicate = merge.model.row_at(4)
    assert bad is not None and "not an address" in bad.problems
    assert duplicate is not None and "p1@example.org" in duplicate.problems
    assert "2 with problems" in merge.summary.text()
    assert "Nothing is sent until every row checks" in merge.summary.text()
    assert not merge.send_button.isEnabled()  # nothing sent until the rows check

    merge.show_row(2)
    qtbot.waitUntil(lambda: "Person0" in merge.row_subject.text(), timeout=TIMEOUT)
    assert merge.row_subject.text() == "Subject: News for Person0"
    assert merge.row_to.text() == "To: Person0 <p0@example.org>"
    qtbot.waitUntil(lambda: merge.preview.rendered() is not None, timeout=TIMEOUT)
    rendered = merge.preview.rendered()
    assert rendered is not None
    assert "Dear Person0" in rendered.preview_html()
    assert "VIP" in rendered.preview_html()
    assert "Dear Person0" in merge.text_view.toPlainText()

    merge.skip_box.setChecked(True)
    assert merge.send_button.isEnabled()
    assert "skipped" in merge.summary.text()
    assert box.messages() == []


def test_bad_lists_are_named_in_a_sentence_and_nothing_can_be_sent(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    merge = _open(window, qtbot, binary)
    assert merge.problem.isVisible()
    assert "photo.csv" in merge.problem.text()
    assert not merge.send_button.isEnabled()

    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    merge.open_list(empty)
    qtbot.waitUntil(lambda: "empty.csv" in merge.problem.text(), timeout=TIMEOUT)
    assert not merge.send_button.isEnabled()

    ragged = tmp_path / "ragged.csv"
    ragged.write_text(
        "email,first,vip\np0@example.org,Ann,\np1@example.org,Bob,,extra,cells\n", encoding="utf-8"
    )
    merge.open_list(ragged)
    qtbot.waitUntil(lambda: merge.report is not None, timeout=TIMEOUT)
    row = merge.model.row_at(1)
    assert row is not None and row.state == PROBLEM and row.problems
    assert not merge.send_button.isEnabled()

    missing = tmp_path / "files.csv"
    missing.write_text(
        "email,first,vip,attachment\np0@example.org,Ann,,gone.pdf\n", encoding="utf-8"
    )
    merge.open_list(missing)
    qtbot.waitUntil(lambda: merge.report is not None, timeout=TIMEOUT)
    row = merge.model.row_at(0)
    assert row is not None and row.state == PROBLEM
    assert "gone.pdf" in row.problems
    assert not merge.send_button.isEnabled()
    assert box.messages() == []


def test_a_test_goes_to_me_alone_marked_as_a_test(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    merge = _open(window, qtbot, people(tmp_path, 3))
    merge.show_row(3)
    assert merge.test_to.text() == "ann@example.com"  # the sender's own address
    merge.test_button.click()
    qtbot.waitUntil(lambda: "was sent to" in merge.progress_label.text(), timeout=TIMEOUT)
    (captured,) = box.messages()
    assert captured.recipients == ("ann@example.com",)
    message = email.message_from_bytes(captured.raw(), policy=email.policy.default)
    assert message["Subject"] == "[Test] News for Person1"
    assert merge.work.job is None  # a test starts no merge
    assert merge.send_button.isEnabled()


def test_send_all_asks_naming_the_count_then_pauses_resumes_and_sends_each_row_once(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    merge = _open(window, qtbot, people(tmp_path, 12))
    merge.pace.setValue(600)  # one every 0.1 s: slow enough to pause in the middle

    merge.send_button.click()
    said = answer(qtbot, "Send 12 Messages")
    assert "Send 12 messages through Work SMTP?" in said
    qtbot.waitUntil(lambda: merge.bar.value() >= 3, timeout=TIMEOUT)
    assert merge.pause_button.isEnabled()
    merge.pause_button.click()
    _wait_state(merge, qtbot, "paused")
    stopped_at = len(box.messages())
    assert 3 <= stopped_at < 12
    assert "Paused" in merge.progress_label.text()
    assert merge.resume_button.isEnabled()
    qtbot.wait(300)
    assert len(box.messages()) == stopped_at  # paused means nothing more goes

    merge.resume_button.click()
    _wait_state(merge, qtbot, "done")
    assert "Merge finished: 12 of 12" in merge.progress_label.text()
    recipients = _recipients(box)
    assert sorted(recipients) == sorted(f"p{n}@example.org" for n in range(12))
    qtbot.waitUntil(lambda: merge.model.count(SENT) == 12, timeout=TIMEOUT)

    results = tmp_path / "results.csv"
    merge.save_results(results)
    qtbot.waitUntil(lambda: "Results saved" in merge.progress_label.text(), timeout=TIMEOUT)
    with results.open(encoding="utf-8") as stream:
        states = [row["merge state"] for row in csv.DictReader(stream)]
    assert states == ["sent"] * 12

    # Sent shows the merge as one entry with its rows inside.
    window.show_pane("sent")
    assert window.sent is not None
    window.sent.refresh()
    tree = window.sent.list
    entries = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    (entry,) = [e for e in entries if e is not None and e.childCount()]
    assert entry.childCount() == 12
    assert "12 sent" in entry.text(0)
    first = entry.child(0)
    assert first is not None and first.text(1).startswith("Row 2: ")


def test_cancel_stops_the_rest_and_a_merge_sent_before_is_refused(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    path = people(tmp_path, 10)
    merge = _open(window, qtbot, path)
    merge.pace.setValue(300)
    merge.send_all()
    qtbot.waitUntil(lambda: merge.bar.value() >= 2, timeout=TIMEOUT)
    merge.cancel_button.click()
    answer(qtbot, "Cancel the Merge")
    _wait_state(merge, qtbot, "cancelled")
    sent = len(box.messages())
    assert 2 <= sent < 10
    assert "Cancelled" in merge.progress_label.text()
    qtbot.waitUntil(lambda: merge.model.count(FAILED) == 10 - sent, timeout=TIMEOUT)
    qtbot.wait(300)
    assert len(box.messages()) == sent
    assert len(set(_recipients(box))) == sent

    # The same list with the same message again: refused, so no row goes twice.
    fresh = _open(window, qtbot, path)
    assert fresh is not merge  # that merge is over: a new one starts from the list
    fresh.send_all()
    qtbot.waitUntil(lambda: fresh.problem.isVisible(), timeout=TIMEOUT)
    assert "merged with this message before" in fresh.problem.text()
    assert len(box.messages()) == sent


def test_a_merge_stopped_by_quitting_is_offered_at_start_and_resumed_without_repeats(
    windows: Windows,
    make_sandbox: Callable[..., Sandbox],
    qtbot: Any,
    tmp_path: Path,
    shown_messages: ShownMessages,
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    merge = _open(window, qtbot, people(tmp_path, 8))
    merge.pace.setValue(300)
    merge.send_all()
    qtbot.waitUntil(lambda: merge.bar.value() >= 2, timeout=TIMEOUT)

    # Before the Outbox is built, its badge counts the merge as one entry too.
    assert window._outbox is None
    window_panes.outbox_changed(window)
    assert window.sidebar.badge("outbox") == 1
    # The Outbox shows the merge's waiting rows as one entry.
    assert window.outbox is not None
    window.outbox.refresh()
    tree = window.outbox.list
    groups = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    assert any(g is not None and g.childCount() and "waiting" in g.text(0) for g in groups)
    # Its badge counts what the list shows: the merge is one entry, not its rows.
    assert tree.topLevelItemCount() == 1
    assert window.sidebar.badge("outbox") == 1

    window.close()  # quitting pauses the merge after the row being sent
    assert not window.isVisible()
    before = len(box.messages())
    assert before < 8

    again = windows()
    qtbot.waitUntil(
        lambda: any("stopped with" in m.text for m in shown_messages.messages), timeout=TIMEOUT
    )
    (offer,) = [m for m in shown_messages.messages if "stopped with" in m.text]
    assert f"{8 - before} messages not sent yet" in offer.text
    (resume,) = offer.actions
    resume.callback()
    resumed = merge_hooks.merge_window(again)
    assert resumed is not None
    # The pace it was started with, not the box's default, paces the rest.
    assert resumed.pace.value() == 300
    _wait_state(resumed, qtbot, "done")
    assert sorted(_recipients(box)) == sorted(f"p{n}@example.org" for n in range(8))
    with Mailbox(again.home / "mailbox.sqlite3") as mailbox:
        assert mailbox.due() == []


def test_a_merge_left_running_by_a_crash_is_offered_and_sends_each_row_once(
    windows: Windows,
    make_sandbox: Callable[..., Sandbox],
    qtbot: Any,
    tmp_path: Path,
    shown_messages: ShownMessages,
) -> None:
    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.merge import MergePlan, MergeSetup
    from smtpeter_desktop.delivery.merge_runner import MergeRunner

    box = make_sandbox(users={"ann@example.com": PASSWORD})
    path = people(tmp_path, 5)
    # Another run queued the merge and sent one row, then died: its job is still RUNNING.
    context = AppContext.open(windows.home)
    try:
        profile = add_smtp_account(context, box)
        draft = Draft(
            profile=profile.id, sender="Ann <ann@example.com>", subject="Hi {$first}", body=BODY
        )
        plan = MergePlan.open(MergeSetup(draft, path, name_template="{$first}"))
        with context.postman() as postman:
            runner = MergeRunner(postman)
            job = runner.prepare(plan)
            postman.send(runner.jobs.next_due(job) or 0)
    finally:
        context.close()
    assert _recipients(box) == ["p0@example.org"]

    window = windows()
    qtbot.waitUntil(
        lambda: any("stopped with" in m.text for m in shown_messages.messages), timeout=TIMEOUT
    )
    (offer,) = [m for m in shown_messages.messages if "stopped with" in m.text]
    assert "4 messages not sent yet" in offer.text
    offer.actions[0].callback()
    resumed = merge_hooks.merge_window(window)
    assert resumed is not None
    _wait_state(resumed, qtbot, "done")
    assert sorted(_recipients(box)) == sorted(f"p{n}@example.org" for n in range(5))
    qtbot.waitUntil(lambda: resumed.model.count(SENT) == 5, timeout=TIMEOUT)


def test_a_merge_goes_over_rest_one_call_per_row_and_sent_groups_it(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox, rest=True)
    box.faults.add("fail=p1@*")  # SMTPeter accepts row 3, then its receiver refuses it
    merge = _open(window, qtbot, people(tmp_path, 4))
    merge.pace.setValue(0)  # no limit
    merge.send_button.click()
    said = answer(qtbot, "Send 4 Messages")
    assert "through Work REST" in said
    assert "as fast as the server takes them" in said
    _wait_state(merge, qtbot, "done")
    kept = box.messages()
    assert sorted(_recipients(box)) == sorted(f"p{n}@example.org" for n in range(4))
    subjects = set()
    for captured in kept:
        message = email.message_from_bytes(captured.raw(), policy=email.policy.default)
        subjects.add(str(message["Subject"]))
    assert subjects == {f"News for Person{n}" for n in range(4)}

    window.show_pane("sent")
    assert window.sent is not None
    window.sent.refresh()
    tree = window.sent.list
    (entry,) = [
        item
        for n in range(tree.topLevelItemCount())
        if (item := tree.topLevelItem(n)) is not None and item.childCount()
    ]
    tree.setCurrentItem(entry)
    assert window.sent.current_id() is None
    assert "4 sent" in entry_text(entry)
    assert "4 sent" in window.sent.meta.text()
    entry.setExpanded(True)
    window.sent.refresh()  # an opened entry stays open
    (entry,) = [
        item
        for n in range(tree.topLevelItemCount())
        if (item := tree.topLevelItem(n)) is not None and item.childCount()
    ]
    assert entry.isExpanded()

    # Each row has its own delivery events, asked of SMTPeter from its own line.
    sent = window.sent
    for row, words in ((2, "Delivered"), (3, "Delivery failed")):
        (child,) = [
            item
            for n in range(tree.topLevelItemCount())
            if (group := tree.topLevelItem(n)) is not None
            for c in range(group.childCount())
            if (item := group.child(c)) is not None and item.text(1).startswith(f"Row {row}: ")
        ]  # found again each time: refreshing the events fills the list anew
        tree.setCurrentItem(child)
        assert sent.current_id() is not None
        assert "not asked yet" in sent.receipt.toPlainText()
        assert sent.events_button.isVisible() and sent.events_button.isEnabled()
        sent.events_button.click()
        qtbot.waitUntil(lambda: "Delivery events" in sent.receipt.toPlainText(), timeout=TIMEOUT)
        text = sent.receipt.toPlainText()
        assert words in text
        assert f"p{row - 2}@example.org" in text
        if row == 3:
            assert "550 User unknown" in text


def test_a_paused_merge_can_be_cancelled_and_a_bad_test_address_is_said(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    merge = _open(window, qtbot, people(tmp_path, 6))
    merge.test_to.setText("me at home")
    merge.test_button.click()
    qtbot.waitUntil(lambda: "not a valid e-mail address" in merge.progress_label.text())
    assert box.messages() == []

    merge.pace.setValue(300)
    merge.send_all()
    qtbot.waitUntil(lambda: merge.bar.value() >= 1, timeout=TIMEOUT)
    merge.pause()
    _wait_state(merge, qtbot, "paused")
    sent = len(box.messages())
    merge.cancel_button.click()
    answer(qtbot, "Cancel the Merge")
    _wait_state(merge, qtbot, "cancelled")
    assert not merge.resume_button.isEnabled()
    qtbot.wait(300)
    assert len(box.messages()) == sent < 6


def test_optional_columns_cc_tags_and_attachments_are_previewed_and_sent(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "p0.pdf").write_bytes(b"%PDF-1.4\n")
    path = tmp_path / "extras.csv"
    path.write_text(
        "email,first,vip,cc,tags,attachment\n"
        "p0@example.org,Ann,1,boss@example.org,spring gold,files/p0.pdf\n"
        "p1@example.org,Bob,,,,\n",
        encoding="utf-8",
    )
    merge = _open(window, qtbot, path)
    assert merge.report is not None and merge.report.good == 2, merge.summary.text()
    merge.show_row(2)
    qtbot.waitUntil(lambda: merge.row_extra.isVisible(), timeout=TIMEOUT)
    extra = merge.row_extra.text()
    assert "Cc: boss@example.org" in extra
    assert "Tags: spring, gold" in extra
    assert "Attachments: p0.pdf" in extra
    merge.show_row(3)
    qtbot.waitUntil(lambda: "Bob" in merge.row_subject.text(), timeout=TIMEOUT)
    assert not merge.row_extra.isVisible()  # a row without them says nothing of them

    merge.pace.setValue(0)
    merge.send_all()
    _wait_state(merge, qtbot, "done")
    by_to = {}
    for captured in box.messages():
        message = email.message_from_bytes(captured.raw(), policy=email.policy.default)
        by_to[str(message["To"])] = (captured.recipients, message)
    recipients, ann = by_to["Ann <p0@example.org>"]
    assert sorted(recipients) == ["boss@example.org", "p0@example.org"]
    assert str(ann["Cc"]) == "boss@example.org"
    assert [part.get_filename() for part in ann.iter_attachments()] == ["p0.pdf"]
    recipients, bob = by_to["Bob <p1@example.org>"]
    assert recipients == ("p1@example.org",)
    assert list(bob.iter_attachments()) == []


def test_the_rows_that_did_not_go_are_sent_again_from_the_results_each_once(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    window, box = _merge_window(windows, make_sandbox)
    merge = _open(window, qtbot, people(tmp_path, 8))
    assert not merge.again_button.isVisible()  # nothing to send again before a merge
    merge.pace.setValue(300)
    merge.send_all()
    qtbot.waitUntil(lambda: merge.bar.value() >= 2, timeout=TIMEOUT)
    merge.cancel()
    _wait_state(merge, qtbot, "cancelled")
    sent = len(box.messages())
    assert 2 <= sent < 8
    assert merge.again_button.isVisible() and merge.again_button.isEnabled()

    results = tmp_path / "again.csv"
    merge.send_again(results)
    qtbot.waitUntil(
        lambda: merge.report is not None and merge.plan is not None
        and merge.plan.setup.list_path == results.resolve(),
        timeout=TIMEOUT,
    )  # fmt: skip
    assert merge.work.job is None  # a new merge, of the results file
    assert merge.report is not None
    assert (merge.report.already_sent, merge.report.good) == (sent, 8 - sent)
    assert "results file" in merge.summary.text()
    assert f"{sent} sent before" in merge.summary.text()
    assert merge.model.count(SENT_BEFORE) == sent
    assert merge.send_button.isEnabled()

    merge.pace.setValue(0)
    merge.send_all()
    _wait_state(merge, qtbot, "done")
    assert sorted(_recipients(box)) == sorted(f"p{n}@example.org" for n in range(8))
    assert not merge.again_button.isEnabled()  # every row went

    # Opening that results file again: refused, nothing goes twice.
    again = _open(window, qtbot, results)
    again.send_all()
    qtbot.waitUntil(lambda: again.problem.isVisible(), timeout=TIMEOUT)
    assert "merged with this message before" in again.problem.text()
    assert len(box.messages()) == 8


def test_bad_input_is_a_sentence_naming_its_row_and_column_in_the_window(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any, tmp_path: Path
) -> None:
    from smtpeter_desktop.compose.mergelist import MAX_CELL

    window, box = _merge_window(windows, make_sandbox)
    # A cell past the limit: the row and the column, not csv's words.
    big = tmp_path / "big.csv"
    big.write_text(
        "email,first,vip\np0@example.org,Ann,\np1@example.org," + "x" * (MAX_CELL + 10) + ",\n",
        encoding="utf-8",
    )
    merge = _open(window, qtbot, big)
    assert merge.problem.isVisible()
    assert "Row 3, column 2 (“first”), of “big.csv” holds a cell larger than 1 MB" in (
        merge.problem.text()
    )
    assert not merge.send_button.isEnabled()

    # A formula is the cell's text; an empty value without a default names row and column.
    odd = tmp_path / "odd.csv"
    odd.write_text(
        'email,first,vip\np0@example.org,"=HYPERLINK(""http://x.example/"",""Go"")",\n'
        "p1@example.org,,\n",
        encoding="utf-8",
    )
    merge.open_list(odd)
    qtbot.waitUntil(lambda: merge.report is not None, timeout=TIMEOUT)
    row = merge.model.row_at(1)
    assert row is not None and row.state == PROBLEM
    assert "“first” is empty, and the message gives no default" in row.problems
    assert "Nothing is sent until every row checks" in merge.summary.text()
    merge.show_row(2)
    qtbot.waitUntil(lambda: "HYPERLINK" in merge.row_subject.text(), timeout=TIMEOUT)
    assert merge.row_subject.text() == 'Subject: News for =HYPERLINK("http://x.example/","Go")'

    # A placeholder that never closes: the field, its line and column.
    compose = window.compose
    assert compose is not None
    compose.editor.setPlainText("Dear {$first{$vip}}\n")
    merge.check_button.click()
    qtbot.waitUntil(lambda: merge.problem.isVisible(), timeout=TIMEOUT)
    assert merge.problem.text().startswith("The message, line 1, column 13:")
    assert not merge.send_button.isEnabled()
    assert box.messages() == []


def test_a_long_list_is_checked_off_the_gui_thread_and_shown_a_chunk_at_a_time(
    windows: Windows,
    make_sandbox: Callable[..., Sandbox],
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    import threading

    from smtpeter_desktop.delivery import merge as merge_api

    from smtpeter_desktop.ui.merge_worker import CHUNK

    window, _box = _merge_window(windows, make_sandbox)
    window.merge_action.trigger()
    merge = merge_hooks.merge_window(window)
    assert merge is not None
    threads: set[int] = set()
    check_all = merge_api.MergePlan.check_all

    def watched(plan: merge_api.MergePlan, *args: Any, **kwargs: Any) -> merge_api.CheckReport:
        threads.add(threading.get_ident())
        return check_all(plan, *args, **kwargs)

    batches: list[int] = []
    merge.model.rowsInserted.connect(lambda _parent, first, last: batches.append(last - first + 1))
    count = 3 * CHUNK + 7
    # Watching which thread checks is all the double does: the check itself is the real one.
    monkeypatch.setattr(merge_api.MergePlan, "check_all", watched)
    merge.open_list(people(tmp_path, count))
    assert merge.report is None and merge.work.checking()  # open_list did not wait
    assert "Checking every row" in merge.summary.text()
    qtbot.waitUntil(lambda: merge.report is not None, timeout=TIMEOUT)
    assert threads and threading.get_ident() not in threads
    assert batches == [CHUNK, CHUNK, CHUNK, 7]  # the table fills as the rows are checked
    assert merge.model.rowCount() == count
