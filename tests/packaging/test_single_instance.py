"""Single instance, with real processes: a second start hands over to the first and exits 0."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QLockFile

from smtpeter_desktop import APP_ID

from smtpeter_desktop.ui.single_instance import (
    InstanceError,
    SingleInstance,
    _parse,
    server_name,
)

# A later start of the app, reduced to what single instance does: exit 0 after handing over,
# 3 if it found itself first.
SECOND = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from smtpeter_desktop.ui.single_instance import SingleInstance
app = QCoreApplication(sys.argv[:1])
instance = SingleInstance(sys.argv[1], Path(sys.argv[2]))
sys.exit(0 if not instance.claim(sys.argv[3:]) else 3)
"""

# A first start that dies without cleaning up: its lock file and socket file stay behind.
CRASHING = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from smtpeter_desktop.ui.single_instance import SingleInstance
app = QCoreApplication(sys.argv[:1])
instance = SingleInstance(sys.argv[1], Path(sys.argv[2]))
assert instance.claim()
os._exit(0)
"""


def start(code: str, home: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, APP_ID, str(home), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture
def first(qapp: object, tmp_path: Path) -> Iterator[SingleInstance]:
    instance = SingleInstance(APP_ID, tmp_path / "home")
    assert instance.claim()
    yield instance
    instance.close()


def hand_over(qtbot: QtBot, instance: SingleInstance, home: Path, *argv: str) -> list[str]:
    """Start a second process and return what the first one received."""
    with qtbot.waitSignal(instance.activation_requested, timeout=20_000) as blocker:
        second = start(SECOND, home, *argv)
    # The first process's event loop keeps running while the second reads its answer.
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    output = second.communicate()[0]
    assert second.returncode == 0, output
    assert blocker.args is not None
    received: list[str] = blocker.args[0]
    return received


def test_a_second_start_hands_its_arguments_to_the_first(
    qtbot: QtBot, first: SingleInstance, tmp_path: Path
) -> None:
    assert hand_over(qtbot, first, tmp_path / "home", "--compose", "a b") == ["--compose", "a b"]
    # And again: the first keeps listening.
    assert hand_over(qtbot, first, tmp_path / "home") == []


def test_another_home_is_another_instance(qapp: object, tmp_path: Path) -> None:
    assert server_name(APP_ID, tmp_path / "a") != server_name(APP_ID, tmp_path / "b")
    one = SingleInstance(APP_ID, tmp_path / "a")
    other = SingleInstance(APP_ID, tmp_path / "b")
    try:
        assert one.claim()
        assert other.claim()
    finally:
        one.close()
        other.close()


def test_a_crashed_first_leaves_nothing_in_the_way(qtbot: QtBot, tmp_path: Path) -> None:
    home = tmp_path / "home"
    crashed = start(CRASHING, home)
    assert crashed.wait(timeout=30) == 0, crashed.communicate()[0]
    crashed.communicate()
    # What it left: a lock file naming a dead process, and its socket file.
    assert (home / "instance.lock").exists()
    assert (Path(tempfile.gettempdir()) / server_name(APP_ID, home)).exists()

    instance = SingleInstance(APP_ID, home)
    try:
        assert instance.claim()
        assert hand_over(qtbot, instance, home, "x") == ["x"]
    finally:
        instance.close()


def test_a_first_that_does_not_answer_is_a_readable_error(qapp: object, tmp_path: Path) -> None:
    # The lock is held by a live process (this one) that never listens: a hung first start.
    home = tmp_path / "home"
    home.mkdir()
    lock = QLockFile(str(home / "instance.lock"))
    assert lock.tryLock(0)
    try:
        with pytest.raises(InstanceError, match=r"already running .* does not answer"):
            SingleInstance(APP_ID, home).claim(timeout_ms=300)
    finally:
        lock.unlock()


@pytest.mark.parametrize(
    ("line", "argv"),
    [
        (b'{"command": "activate", "argv": ["a", "b"]}\n', ["a", "b"]),
        (b'{"command": "activate"}\n', []),
        (b'{"command": "quit"}\n', None),
        (b'{"command": "activate", "argv": [1]}\n', None),
        (b"activate\n", None),
        (b"\xff\n", None),
    ],
)
def test_only_an_activate_message_is_understood(line: bytes, argv: list[str] | None) -> None:
    assert _parse(line) == argv
