"""One run of the window: the app object, the one-instance claim, the window on screen, and
after its first frame the app's data, the log, the crash hook and the quit signals.

``app.run`` makes a ``Session`` once it knows there is a display to show it on. The order
matters for a fast start: the settings file (for the theme) and the single-instance check
come first; the window is shown; once its first frame is on screen, one step
(``_after_first_frame``) sets ``MainWindow.start`` opening the app's data on a worker thread
and then starts the log, the crash hook and the rest; once the window is ready
(``_after_start``), the window icon and the listener for later starts.

``SMTPETER_DESKTOP_STARTUP_PROBE=FILE`` writes when the first frame was shown, when the loop
was idle after it, when the data arrived from the worker thread ("opened") and when the window
was ready, its panes built (``time.time()``, and the process's CPU time by then,
``time.process_time()``, which a loaded machine hardly changes), and the modules loaded by the
first frame and by ready, in the order loaded, as JSON (benchmarks).
``SMTPETER_DESKTOP_STARTUP_END=idle`` (or ``ready``) ends the process right at that instant,
without a close: the benchmark that counts a start's instructions under valgrind counts the
start alone.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from smtpeter_desktop import APP_ID, APP_NAME, APP_SLUG, ORGANIZATION, __version__, assets
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import paths
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import appearance
from smtpeter_desktop.ui.app import PYTHON_GC
from smtpeter_desktop.ui.main_window import MainWindow
from smtpeter_desktop.ui.single_instance import InstanceError, SingleInstance

if TYPE_CHECKING:
    from smtpeter_desktop.ui.app import Options

log = logging.getLogger(__name__)

PROBE_VARIABLE = "SMTPETER_DESKTOP_STARTUP_PROBE"
END_VARIABLE = "SMTPETER_DESKTOP_STARTUP_END"


def early_theme(home: Path) -> str:
    """The theme setting, read before the first frame without loading a TOML parser
    (settings.toml is read again, fully, after the first frame; a mistake is reported then)."""
    try:
        text = (home / "settings.toml").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return "system"
    found = re.search(r'^\s*theme\s*=\s*"(light|dark)"\s*(#.*)?$', text, re.MULTILINE)
    return found.group(1) if found else "system"


def make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


WINDOW_ICON = f"icons/hicolor/64x64/apps/{APP_ID}.png"
"""The shipped icon the window shows when the icon theme has none: one size, which Qt scales
for the title bar and the task bar (the SVG would load Qt's SVG plugin, ~4 ms more)."""


def set_icon(app: QApplication) -> None:
    """The installed icon theme's icon, else the one shipped with the app."""
    icon = QIcon.fromTheme(APP_ID)
    if icon.isNull():
        try:
            icon = QIcon(str(assets.resource_path(WINDOW_ICON)))
        except FileNotFoundError:
            log.warning("The app icon is missing")
    app.setWindowIcon(icon)


def _end_if_asked(instant: str) -> None:
    """End the process at ``instant`` when ``SMTPETER_DESKTOP_STARTUP_END`` asks (benchmarks)."""
    if os.environ.get(END_VARIABLE) == instant:
        logging.shutdown()
        os._exit(0)


class Session:
    """One run of the window: what ``run`` starts and ends.

    Attributes:
        window: the main window, once shown.
        exit_code: set by ``--smoke-send`` (0 when the message went out).
    """

    def __init__(self, app: QApplication, options: Options, argv: Sequence[str] = ()) -> None:
        self.app = app
        self.options = options
        self.argv = list(argv)
        self.window: MainWindow | None = None
        self.home: Path | None = None
        self.exit_code: int | None = None
        self._log_handler: logging.Handler | None = None
        self._crash: object | None = None  # a crash.CrashHandler, once installed
        self._instance: SingleInstance | None = None
        self._probe: dict[str, object] = {}
        self._wakeup: tuple[object, ...] = ()
        self._settled = False  # ``_after_start`` ran

    def begin(self) -> int | None:
        """Everything up to the window on screen; an exit code when the run ends here.

        Only what the first frame needs happens here: the app folder, the one-instance check,
        the theme and the window's frame. The log, the crash hook and the rest follow the
        first frame (``_on_first_frame``).
        """
        try:
            home = paths.app_home()
        except StorageError as exc:
            QMessageBox.critical(None, APP_NAME, str(exc))
            return 1
        self.home = home
        instance = SingleInstance(APP_ID, home)
        try:
            if not instance.claim(self.argv[1:], listen_later=True):
                return 0  # the open window was asked to come forward
        except InstanceError as exc:
            QMessageBox.critical(None, APP_NAME, str(exc))
            return 1
        self._instance = instance

        theme = early_theme(home)
        if theme != "system":
            appearance.apply_theme(self.app, theme)
        window = MainWindow(home)
        self.window = window
        instance.activation_requested.connect(window.bring_forward)
        window.first_frame.connect(self._on_first_frame)
        window.ready.connect(self._on_ready)
        window.show()
        if self.options.exit_after is not None:
            QTimer.singleShot(int(self.options.exit_after * 1000), self._exit_once_started)
        return None

    def _exit_once_started(self) -> None:
        """``--exit-after``: quit now, or once the data is open when it is not yet (a loaded
        machine), so that a timed run always covers a whole start and writes its probe."""
        window = self.window
        assert window is not None
        if "ready" in self._probe:
            window.close()
            return
        window.ready.connect(lambda: window.close())
        window.start_failed.connect(lambda _text: window.close())

    def _on_first_frame(self, when: float) -> None:
        self._probe["shown"] = when
        self._probe["shown_cpu"] = time.process_time()
        self._probe["modules_at_shown"] = list(sys.modules)
        # Called from the window's paint: the rest waits for the next turn of the loop, so
        # the frame reaches the screen first.
        QTimer.singleShot(0, self._after_first_frame)

    def _after_first_frame(self) -> None:
        """Start opening the app's data (on a worker thread, so it runs meanwhile); then the
        log, the crash hook and the quit signals: needed soon, not for the frame."""
        # The crash module (logging.handlers, pickle, queue): ~19 ms kept off the first frame.
        from smtpeter_desktop.ui import crash

        self._probe.setdefault("idle", time.time())
        self._probe.setdefault("idle_cpu", time.process_time())
        _end_if_asked("idle")
        self._start()
        assert self.window is not None and self.home is not None
        folder = crash.log_folder(self.home)
        try:
            self._log_handler = crash.start_logging(folder)
        except OSError as exc:
            said = translate("app", "cannot write the log in {folder}: {reason}")
            sys.stderr.write(f"{APP_SLUG}: {said.format(folder=folder, reason=exc)}\n")
        log.info("%s %s started (Qt platform %s)", APP_NAME, __version__, self.app.platformName())
        window = self.window
        handler = crash.CrashHandler(folder / crash.LOG_FILE, lambda: window)
        handler.before_dialog = self._save_draft
        handler.install()
        self._crash = handler
        self._quit_on_signals()
        window.ready.connect(self._after_start)
        window.start_failed.connect(lambda _text: self._after_start())

    def _after_start(self) -> None:
        """Once the window is ready (or said why it cannot be): the window icon, and
        answering later starts (a later start waits for that, see ``SingleInstance.claim``).
        Done before ready they took ~20-25 ms of CPU from opening the data and building
        the panes, which the person waits for."""
        if self._settled:
            return
        self._settled = True
        gc.set_threshold(*PYTHON_GC)  # the start's imports are done (``app.run``)
        set_icon(self.app)
        if self._instance is not None:
            try:
                self._instance.listen()
            except InstanceError as exc:
                log.warning("Later starts cannot reach this window: %s", exc)

    def _quit_on_signals(self) -> None:
        """SIGTERM (a logout, ``kill``), SIGHUP and SIGINT (Ctrl+C in a terminal) close the
        window without asking (nobody may be there to answer): the draft is saved, a send
        under way is cancelled, and the window is gone within a couple of seconds.

        Python runs a signal handler only when the interpreter gets control, and Qt's loop
        may sleep in C++; the wake-up socket makes Qt call into Python at once.
        """
        import signal  # with socket: ~6 ms the first frame does without
        import socket

        receive, wake = socket.socketpair()
        for end in (receive, wake):
            end.setblocking(False)
        signal.set_wakeup_fd(wake.fileno())
        notifier = QSocketNotifier(receive.fileno(), QSocketNotifier.Type.Read, self.app)
        notifier.activated.connect(lambda: receive.recv(64))
        self._wakeup = (receive, wake, notifier)

        def close(signum: int, _frame: object) -> None:
            log.info("Closing on signal %d", signum)
            QTimer.singleShot(0, self._close_on_signal)

        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), close)

    def _close_on_signal(self) -> None:
        window = self.window
        if window is not None and window.isVisible():
            window.stop_and_quit()
            return
        # The window has closed already: what is left open (a crash dialog shown after it)
        # must not keep the app running. ``exit`` leaves the loop without asking windows.
        self.app.exit(0)

    def _start(self) -> None:
        assert self.window is not None
        if self.options.smoke_send:
            self.window.start_failed.connect(self._smoke_start_failed)
        self.window.start()

    def _smoke_start_failed(self, text: str) -> None:
        self._finish_smoke(1, f"The app's data could not be opened: {text}")  # a test's words

    def _on_ready(self) -> None:
        self._probe["ready"] = time.time()
        self._probe["ready_cpu"] = time.process_time()
        self._probe["modules_at_ready"] = list(sys.modules)
        if self.window is not None and self.window.data_arrived is not None:
            self._probe["opened"], self._probe["opened_cpu"] = self.window.data_arrived
        probe = os.environ.get(PROBE_VARIABLE)
        if probe:
            Path(probe).write_text(json.dumps(self._probe), encoding="utf-8")
        _end_if_asked("ready")
        if self.options.smoke_send:
            self._smoke_send()

    def _save_draft(self) -> None:
        if self.window is not None and self.window.keeper is not None:
            self.window.keeper.save_now()

    # --smoke-send ---------------------------------------------------------------------------

    def _smoke_send(self) -> None:
        """Send one message to the built-in sandbox the way the Send button does."""
        # Only for the smoke test: ~10 ms the first frame of every other start does without.
        from smtpeter_desktop.compose.draft import Draft
        from smtpeter_desktop.delivery.outcomes import Outcome, Result

        window = self.window
        assert window is not None and window.context is not None and window.service is not None
        sandbox = next((p for p in window.context.profiles.load() if p.sandbox), None)
        if sandbox is None or not sandbox.identities:
            self._finish_smoke(1, "No sandbox profile.")
            return
        draft = Draft(
            profile=sandbox.id,
            sender=sandbox.identities[0].display,
            to="Smoke Test <smoke@example.com>",
            subject="Smoke test",
            body="# It works\n\nSent by `--smoke-send`.\n",
        )

        def finished(outcome: Outcome) -> None:
            if outcome.result is Result.SENT and outcome.receipt is not None:
                ids = ", ".join(outcome.receipt.message_ids) or outcome.receipt.reply
                self._finish_smoke(0, f"Sent to the built-in sandbox: {ids}")
            else:
                error = outcome.error.text if outcome.error is not None else ""
                self._finish_smoke(1, f"Not sent ({outcome.result}): {error}")

        def failed(text: str, _field: str) -> None:
            self._finish_smoke(1, f"Not queued: {text}")

        window.service.finished.connect(finished)
        window.service.queue_failed.connect(failed)
        window.service.queue_and_send(draft.to_json(), None, 0.0)

    def _finish_smoke(self, code: int, text: str) -> None:
        stream = sys.stdout if code == 0 else sys.stderr
        stream.write(text + "\n")
        stream.flush()
        if self.exit_code is None:
            self.exit_code = code
            if self.window is not None:
                self.window.quit_when_idle()

    def end(self) -> None:
        """After the event loop: the window is closed; let go of the rest."""
        from smtpeter_desktop.ui import crash  # loaded after the first frame, see there

        if self.window is not None:
            self.window.shutdown()
        if isinstance(self._crash, crash.CrashHandler):
            self._crash.uninstall()
        if self._instance is not None:
            self._instance.close()
        if self._wakeup:
            import signal  # loaded after the first frame, see _quit_on_signals

            signal.set_wakeup_fd(-1)
            for end in self._wakeup[:2]:
                end.close()  # type: ignore[attr-defined]
        if self._log_handler is not None:
            crash.stop_logging(self._log_handler)
