"""Starting the app: the display check, one instance, the hidden options, a lean first frame,
the log and the crash dialog, and the message funnel.

The runs of the app are real processes (offscreen, in the test's home); the crash handler and
the message funnel are tested in this process.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QMessageBox

from tests.ui.message_fixture import ShownMessages, shown_messages
from tests.ui.shell_helpers import button

from smtpeter_desktop.ui import app, crash, messages
from smtpeter_desktop.ui.messages import Action, Level, MessageArea, MessageBridge

__all__ = ["shown_messages"]

HEAVY = ("markdown", "pygments", "css_inline", "keyring", "httpx", "aiosmtpd", "sqlite3")


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "smtpeter_desktop.ui.app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def _log(home: Path) -> str:
    path = home / "logs" / crash.LOG_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _until(process: subprocess.Popen[bytes], done: Callable[[], bool], what: str) -> None:
    """Wait, 30 s at most, until ``done()``; ``process`` must keep running meanwhile."""
    deadline = time.monotonic() + 30
    while not done():
        assert time.monotonic() < deadline, what
        assert process.poll() is None
        time.sleep(0.05)


def test_without_a_display_it_says_what_to_do() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    code = (
        "import sys\nfrom smtpeter_desktop.ui import app\ncode = app.run(['x'])\n"
        "print('qt loaded' if 'PySide6.QtWidgets' in sys.modules else 'no qt')\nsys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1
    assert "needs a graphical desktop" in result.stderr
    assert "make run" in result.stderr and "xvfb-run" in result.stderr
    assert result.stdout.strip() == "no qt", "said before Qt could abort"
    assert "Traceback" not in result.stderr


def test_has_display() -> None:
    linux = sys.platform.startswith("linux")
    assert app.has_display({"DISPLAY": ":0"})
    assert app.has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert app.has_display({"QT_QPA_PLATFORM": "offscreen"})
    assert app.has_display({}) is not linux


def test_hidden_options() -> None:
    assert app.parse(["--exit-after", "2.5"]).exit_after == 2.5
    assert app.parse(["--exit-after=1"]).exit_after == 1.0
    assert app.parse(["--smoke-send"]).smoke_send
    assert app.parse([]).exit_after is None


def test_exit_after_quits_cleanly_and_logs(isolated_home: Path) -> None:
    started = time.monotonic()
    result = _run("--exit-after", "0.5")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    log = _log(isolated_home)
    assert "started" in log and "Closed" in log
    assert "Traceback" not in log + result.stderr
    assert "QThread: Destroyed" not in result.stderr


def test_exit_after_from_the_environment(isolated_home: Path) -> None:
    env = dict(os.environ, SMTPETER_DESKTOP_EXIT_AFTER="0.3")
    assert _run(env=env).returncode == 0


def test_smoke_send_goes_through_the_real_send_path(isolated_home: Path) -> None:
    result = _run("--smoke-send")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Sent to the built-in sandbox")
    (eml,) = (isolated_home / "sandbox" / "messages").glob("*.eml")
    assert b"Subject: Smoke test" in eml.read_bytes()


def test_a_second_start_brings_the_first_forward_and_exits(isolated_home: Path) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "smtpeter_desktop.ui.app", "--exit-after", "20"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(first, lambda: "Started in" in _log(isolated_home), "the first window did not start")
        started = time.monotonic()
        second = _run("--exit-after", "20")
        assert second.returncode == 0
        assert time.monotonic() - started < 10, "the second start did not wait its 20 s"
        assert "asked this window to come forward" in _log(isolated_home)
    finally:
        first.terminate()
        first.wait(30)


def test_the_first_frame_comes_before_the_heavy_imports(
    isolated_home: Path, tmp_path: Path
) -> None:
    probe = tmp_path / "probe.json"
    env = dict(os.environ, SMTPETER_DESKTOP_STARTUP_PROBE=str(probe))
    assert _run("--exit-after", "1", env=env).returncode == 0
    found = json.loads(probe.read_text(encoding="utf-8"))
    early = {name.split(".")[0] for name in found["modules_at_shown"]}
    assert early.isdisjoint(HEAVY), sorted(early & set(HEAVY))
    assert "smtpeter_desktop.delivery" not in found["modules_at_shown"]
    # Ready splits into the worker opening the data, then the GUI thread building the panes.
    assert found["shown"] <= found["opened"] <= found["ready"]
    assert found["opened_cpu"] <= found["ready_cpu"]


@pytest.mark.parametrize("instant", ["idle", "ready"])
def test_a_start_can_end_right_at_idle_or_ready(
    isolated_home: Path, tmp_path: Path, instant: str
) -> None:
    """What the benchmark counting a start's instructions uses: no close, no later step (a
    start that went on would reach ``Started in`` and the ready probe)."""
    probe = tmp_path / "probe.json"
    env = dict(
        os.environ,
        SMTPETER_DESKTOP_STARTUP_PROBE=str(probe),
        SMTPETER_DESKTOP_STARTUP_END=instant,
    )
    assert _run("--exit-after", "30", env=env, timeout=20).returncode == 0  # not at 30 s
    if instant == "idle":
        assert not probe.exists()
        assert "Started in" not in _log(isolated_home)
    else:
        assert "ready" in json.loads(probe.read_text(encoding="utf-8"))
        assert "Closed" not in _log(isolated_home)


# The crash path -------------------------------------------------------------------------


@pytest.fixture
def log_handler(tmp_path: Path) -> Any:
    handler = crash.start_logging(tmp_path / "logs")
    yield handler
    crash.stop_logging(handler)


def _raised() -> Any:
    try:
        raise ZeroDivisionError("a bug for the test")
    except ZeroDivisionError:
        return sys.exc_info()


def test_a_bug_is_logged_and_a_calm_dialog_shown(
    qtbot: Any, tmp_path: Path, log_handler: Any
) -> None:
    log_file = tmp_path / "logs" / crash.LOG_FILE
    saved: list[bool] = []
    handler = crash.CrashHandler(log_file)
    handler.before_dialog = lambda: saved.append(True)
    handler.excepthook(*_raised())
    box = handler.dialog
    assert box is not None and box.isVisible()
    assert "Your drafts are saved" in box.text()
    assert str(log_file) in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText()
    assert saved == [True]
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "a bug for the test" in logged
    handler.excepthook(*_raised())  # a burst of the same bug: still one dialog
    assert handler.dialog is box
    button(box, "Close").click()


def test_a_bug_in_a_thread_reaches_the_dialog_on_the_gui_thread(
    qtbot: Any, tmp_path: Path, log_handler: Any
) -> None:
    handler = crash.CrashHandler(tmp_path / "logs" / crash.LOG_FILE)
    handler.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0, name="worker")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
    finally:
        handler.uninstall()
    assert threading.excepthook is not handler.thread_excepthook
    logged = (tmp_path / "logs" / crash.LOG_FILE).read_text(encoding="utf-8")
    assert "A bug in worker" in logged and "ZeroDivisionError" in logged
    assert isinstance(handler.dialog, QMessageBox)
    handler.dialog.close()


def test_logging_never_holds_a_secret(isolated_home: Path) -> None:
    from tests.ui.shell_helpers import PASSWORD

    assert _run("--smoke-send").returncode == 0
    assert PASSWORD not in _log(isolated_home)
    assert "access_token=***" in _log(isolated_home) or "rest" in _log(isolated_home)


# The message funnel ---------------------------------------------------------------------


def test_messages_said_before_the_window_wait_for_it(qtbot: Any, monkeypatch: Any) -> None:
    bridge = MessageBridge()
    monkeypatch.setattr(messages, "bridge", bridge)
    messages.warning("Early words.", "Still shown.")
    assert [m.text for m in bridge.pending()] == ["Early words."]
    area = MessageArea()
    qtbot.addWidget(area)
    bridge.listen(area.show_message)
    (bar,) = area.bars()
    assert bar.label.text() == "Early words. Still shown."
    assert bridge.pending() == []


def test_the_fixture_sees_exactly_one_message(
    shown_messages: ShownMessages, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        messages.error("It broke.", "Fix it.")
    message = shown_messages.getmsg(Level.ERROR)
    assert message.full_text == "It broke. Fix it."
    assert "It broke. Fix it." in caplog.text, "logged, then shown"


def test_the_area_keeps_a_few_bars_and_one_per_key(qtbot: Any) -> None:
    area = MessageArea()
    qtbot.addWidget(area)
    area.show()
    for number in range(5):
        area.show_message(messages.Message(Level.INFO, f"note {number}"))
    assert [b.label.text() for b in area.bars()] == ["note 2", "note 3", "note 4"]
    area.show_message(messages.Message(Level.ERROR, "first", key="k"))
    area.show_message(messages.Message(Level.ERROR, "second", key="k"))
    assert [b.label.text() for b in area.bars() if b.key == "k"] == ["second"]
    area.clear()
    qtbot.waitUntil(lambda: not area.isVisible())


def test_an_action_runs_and_its_bar_goes(qtbot: Any) -> None:
    area = MessageArea()
    qtbot.addWidget(area)
    area.show()
    done: list[str] = []
    area.show_message(
        messages.Message(
            Level.WARNING, "Decide.", actions=(Action("&Do It", lambda: done.append("x")),)
        )
    )
    (bar,) = area.bars()
    button(bar, "Do It").click()
    assert done == ["x"] and area.bars() == []


def test_a_message_with_a_timeout_goes_by_itself(qtbot: Any) -> None:
    area = MessageArea()
    qtbot.addWidget(area)
    _pointer(area, inside=False)
    area.show()
    area.show_message(messages.Message(Level.SUCCESS, "Done.", timeout=0.05))
    qtbot.waitUntil(lambda: area.bars() == [], timeout=2000)


def _pointer(area: MessageArea, *, inside: bool) -> None:
    from PySide6.QtCore import QEvent, QPoint, QPointF
    from PySide6.QtGui import QCursor, QEnterEvent
    from PySide6.QtWidgets import QApplication

    if inside:
        point = QPointF(5, 5)
        QCursor.setPos(area.mapToGlobal(QPoint(5, 5)))
        QApplication.sendEvent(area, QEnterEvent(point, point, area.mapToGlobal(point)))
    else:
        QCursor.setPos(QPoint(3000, 3000))  # the offscreen screen's pointer, far off
        QApplication.sendEvent(area, QEvent(QEvent.Type.Leave))


def test_bars_do_not_move_under_the_pointer(qtbot: Any) -> None:
    """A bar that times out while the pointer is over the messages waits until it leaves
    (a click meant for one button must not land on another), and a bar replaced by a newer
    one of the same subject keeps its slot."""
    area = MessageArea()
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.show_message(messages.Message(Level.ERROR, "Not sent: A.", key="outcome-1"))
    _pointer(area, inside=True)
    area.show_message(messages.Message(Level.SUCCESS, "Sent it.", timeout=0.05))
    area.show_message(messages.Message(Level.ERROR, "Not sent: B.", key="outcome-2"))
    qtbot.wait(300)
    assert [bar.label.text() for bar in area.bars()] == ["Not sent: A.", "Sent it.", "Not sent: B."]

    area.show_message(messages.Message(Level.WARNING, "A: unknown.", key="outcome-1"))
    assert [bar.label.text() for bar in area.bars()] == ["A: unknown.", "Sent it.", "Not sent: B."]

    _pointer(area, inside=False)
    qtbot.waitUntil(lambda: len(area.bars()) == 2, timeout=2000)
    assert [bar.label.text() for bar in area.bars()] == ["A: unknown.", "Not sent: B."]


def test_a_withdrawn_message_takes_its_buttons_with_it(qtbot: Any) -> None:
    """A banner offering "Send Again" for a message marked as arrived elsewhere goes."""
    area = MessageArea()
    qtbot.addWidget(area)
    bridge = messages.MessageBridge()
    bridge.listen(area.show_message, area.withdraw)
    bridge.show(
        messages.Message(
            Level.WARNING,
            "It is not known whether it went out.",
            actions=(messages.Action("Send A&gain", lambda: None),),
            key=messages.outcome_key(7),
        )
    )
    bridge.show(messages.Message(Level.INFO, "Something else.", key="other"))
    bridge.withdraw(messages.outcome_key(7))
    qtbot.waitUntil(lambda: len(area.bars()) == 1, timeout=2000)
    assert area.bars()[0].label.text() == "Something else."


def _sigterm_once_logged(argv: list[str], home: Path, logged: str) -> None:
    """Run ``argv``; once its log says ``logged``, SIGTERM it: it must end, cleanly, soon."""
    import signal

    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _until(process, lambda: logged in _log(home), f"the log never said {logged!r}")
        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(30)


def test_sigterm_closes_the_window_like_quit(isolated_home: Path) -> None:
    argv = [sys.executable, "-m", "smtpeter_desktop.ui.app", "--exit-after", "60"]
    _sigterm_once_logged(argv, isolated_home, "Started in")
    assert "Closing on signal 15" in _log(isolated_home)


# A bug in a slot once the window is ready: the crash dialog opens over the window.
_BUG_AT_READY = """\
import sys
from PySide6.QtCore import QTimer
from smtpeter_desktop.ui import app, session

ready = session.Session._on_ready


def on_ready(self):
    ready(self)

    def bug():
        raise RuntimeError("a bug, for the test")

    QTimer.singleShot(0, bug)


session.Session._on_ready = on_ready
sys.exit(app.run([sys.argv[0], "--exit-after", "60"]))
"""


@pytest.mark.parametrize("exit_after", ["60", "0.01"])
def test_sigterm_ends_the_app_while_the_crash_dialog_is_open(
    isolated_home: Path, exit_after: str
) -> None:
    """A logout's SIGTERM ends the app also while the crash dialog is open: the draft was
    saved before the dialog showed, and the log keeps the details. With ``--exit-after
    0.01`` the window closes as it becomes ready, before the bug: the dialog was then the
    app's last window, and it kept the process running, SIGTERM or not."""
    program = _BUG_AT_READY.replace('"60"', f'"{exit_after}"')
    _sigterm_once_logged([sys.executable, "-c", program], isolated_home, "A bug in MainThread")


def test_sigterm_during_a_send_to_a_silent_server_ends_the_app_in_seconds(
    isolated_home: Path,
) -> None:
    """A send blocked on a server that never answers must not keep the app alive: SIGTERM
    cancels it and the app is gone within a couple of seconds, whatever the socket does."""
    import signal

    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.storage.mailbox import State
    from tests.helpers.accounts import draft_for
    from tests.ui.shell_helpers import SilentServer, add_silent_account

    from smtpeter_desktop.ui.main_window import STOP_WAIT_MS

    server = SilentServer()
    try:
        context = AppContext.open(isolated_home)
        try:
            # Timeouts far longer than the test: only the cancel and the bounded wait end it.
            profile = add_silent_account(context, server, seconds=120)
            with context.postman() as postman:
                id = postman.queue(draft_for(profile, subject="Left to send")).id
        finally:
            context.close()
        process = subprocess.Popen(
            [sys.executable, "-m", "smtpeter_desktop.ui.app", "--exit-after", "120"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            # The window sends what is due at start.
            _until(process, lambda: bool(server.connections), "the window did not start sending")
            process.send_signal(signal.SIGTERM)
            assert process.wait(STOP_WAIT_MS / 1000 + 8) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(30)
    finally:
        server.close()
    assert "Closing on signal 15" in _log(isolated_home)
    context = AppContext.open(isolated_home)
    try:
        with context.postman() as postman:
            assert postman.mailbox.get(id).state is not State.SENT
    finally:
        context.close()


def test_dialog_titles_are_not_cut_off(qtbot: Any) -> None:
    """A window manager cuts a title wider than its dialog: asked questions and the account
    dialog are made wide enough for theirs."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    title = "Send this message again although it may already have arrived?"
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText("Send it?")
    box.addButton(QMessageBox.StandardButton.Cancel)
    messages.Questions(parent).ask(box, lambda _clicked: None)
    qtbot.waitExposed(box)
    needed = box.fontMetrics().horizontalAdvance(title)
    assert box.width() >= needed + 100  # it was 50 px wider than the title alone
    box.reject()
