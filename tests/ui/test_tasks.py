"""run_task: the function runs on a pool thread, its outcome comes back on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from PySide6.QtCore import QObject, QThread

from smtpeter_desktop.ui import tasks


@pytest.fixture(autouse=True)
def _no_thread_left(qapp) -> Iterator[None]:
    yield
    assert tasks.wait_for_all(5000), "a task is still running"


def test_the_result_arrives_on_the_gui_thread(qtbot) -> None:
    owner = QObject()
    gui = QThread.currentThread()
    ran_on: list[QThread] = []
    got: list[tuple[int, bool]] = []

    def work() -> int:
        ran_on.append(QThread.currentThread())
        return 42

    task = tasks.run_task(
        work, lambda value: got.append((value, QThread.currentThread() is gui)), parent=owner
    )
    assert not task.done
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert got == [(42, True)]
    assert task.done
    assert ran_on and ran_on[0] is not gui


def test_an_error_goes_to_on_error(qtbot) -> None:
    owner = QObject()
    errors: list[BaseException] = []

    def work() -> None:
        raise OSError("the disk is full")

    task = tasks.run_task(work, lambda _: pytest.fail("no result"), errors.append, parent=owner)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert [str(e) for e in errors] == ["the disk is full"]


def test_an_unexpected_error_is_logged_as_a_bug(qtbot, caplog: pytest.LogCaptureFixture) -> None:
    owner = QObject()

    def work() -> None:
        raise ValueError("a bug")

    task = tasks.run_task(work, lambda _: None, parent=owner)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    (record,) = [r for r in caplog.records if r.name == tasks.__name__]
    assert record.levelname == "ERROR" and record.exc_info is not None


def test_nothing_is_delivered_to_a_destroyed_owner(qtbot) -> None:
    owner = QObject()
    release = threading.Event()
    got: list[object] = []
    tasks.run_task(lambda: release.wait(5), got.append, got.append, parent=owner)
    destroyed: list[bool] = []
    owner.destroyed.connect(lambda: destroyed.append(True))
    owner.deleteLater()
    qtbot.waitUntil(lambda: destroyed == [True], timeout=5000)
    release.set()
    assert tasks.wait_for_all(5000)
    qtbot.wait(50)  # let any queued call that should not exist arrive
    assert got == []


def test_progress_arrives_in_order_before_the_result(qtbot) -> None:
    owner = QObject()
    seen: list[object] = []

    def work(report) -> str:
        for step in range(5):
            report(step)
        return "done"

    task = tasks.run_task_with_progress(work, seen.append, on_progress=seen.append, parent=owner)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == [0, 1, 2, 3, 4, "done"]


def test_a_discarded_task_delivers_nothing(qtbot) -> None:
    owner = QObject()
    release = threading.Event()
    got: list[object] = []
    task = tasks.run_task(lambda: release.wait(5), got.append, parent=owner)
    task.discard()
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert got == []
