"""Starting the window: the display check, the app's identity, one instance, the crash path,
and the main window on screen before anything slow.

``run(argv)`` is what ``smtpeter-desktop`` with no command calls. The order matters for a
fast start: Qt, the settings file (for the theme) and the single-instance check come first;
the window is shown; only after its first frame does ``MainWindow.start`` open the mailbox,
the profiles and the send thread, and import Markdown, Pygments and the transports.

Hidden options, for tests and the bundle's smoke test (also taken from the environment)::

    --exit-after SECONDS     quit cleanly after SECONDS (SMTPETER_DESKTOP_EXIT_AFTER)
    --smoke-send             send one message to the built-in sandbox through the real send
                             path, print the outcome, exit 0 when it was sent

``SMTPETER_DESKTOP_STARTUP_PROBE=FILE`` writes when the first frame was shown and when the
window was ready (``time.time()``), and the modules loaded by then, as JSON (benchmarks).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop import APP_ID, APP_NAME, APP_SLUG, ORGANIZATION, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from smtpeter_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_AFTER_VARIABLE = "SMTPETER_DESKTOP_EXIT_AFTER"
PROBE_VARIABLE = "SMTPETER_DESKTOP_STARTUP_PROBE"
NO_DISPLAY = (
    f"{APP_NAME} needs a graphical desktop, and none was found (neither DISPLAY nor "
    "WAYLAND_DISPLAY is set). Run `make run`, which starts a virtual screen, or "
    f"`xvfb-run {APP_SLUG}`."
)
WINDOW_OPTIONS = ("--exit-after", "--smoke-send")
"""The hidden options ``run`` takes; the command line hands these to the window."""


class Options:
    """The hidden options (see the module docstring)."""

    def __init__(self, exit_after: float | None = None, smoke_send: bool = False) -> None:
        self.exit_after = exit_after
        self.smoke_send = smoke_send


def parse(argv: Sequence[str]) -> Options:
    """The hidden options in ``argv``; anything else is left alone (the command line has
    already read it). argparse is not used: it would cost time on the way to the first frame."""
    options = Options(smoke_send="--smoke-send" in argv)
    words = list(argv)
    text = os.environ.get(EXIT_AFTER_VARIABLE, "")
    for index, word in enumerate(words):
        if word == "--exit-after" and index + 1 < len(words):
            text = words[index + 1]
        elif word.startswith("--exit-after="):
            text = word.partition("=")[2]
    try:
        options.exit_after = float(text) if text else None
    except ValueError:
        options.exit_after = None
    return options


def early_theme(home: Path) -> str:
    """The theme setting, read before the first frame without loading a TOML parser
    (settings.toml is read again, fully, after the first frame; a mistake is reported then)."""
    import re

    try:
        text = (home / "settings.toml").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return "system"
    found = re.search(r'^\s*theme\s*=\s*"(light|dark)"\s*(#.*)?$', text, re.MULTILINE)
    return found.group(1) if found else "system"


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """False on Linux without X11 or Wayland (where Qt would abort), unless a platform is
    chosen (``QT_QPA_PLATFORM=offscreen``)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(argv: list[str]) -> int:
    """Open the window; the exit code (0 also when an open window was brought forward)."""
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)  # noqa: T201 (before Qt, stderr is all there is)
        return 1
    options = parse(argv[1:])
    app = make_app(argv)
    from smtpeter_desktop.ui import translations  # before any widget: texts translate as made

    translations.install(app)
    session = Session(app, options, argv)
    code = session.begin()
    if code is not None:
        return code
    code = app.exec()
    session.end()
    code = code if session.exit_code is None else session.exit_code
    from smtpeter_desktop.ui import send_worker

    if send_worker.still_running():
        # A cancelled send stayed blocked in a network call past its wait. Ending the
        # interpreter normally would destroy its running QThread, which aborts; the mailbox
        # is consistent (each change is a transaction), so leave at once.
        log.error("Exiting while the send thread is still blocked")
        logging.shutdown()
        os._exit(code)
    return code


def make_app(argv: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def set_icon(app: QApplication) -> None:
    """The installed icon theme's icon, else the one shipped with the app."""
    from PySide6.QtGui import QIcon

    from smtpeter_desktop import assets

    icon = QIcon.fromTheme(APP_ID)
    if icon.isNull():
        try:
            icon = QIcon(str(assets.resource_path("icons/smtpeter-desktop.svg")))
        except FileNotFoundError:
            log.warning("The app icon is missing")
    app.setWindowIcon(icon)


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
        self._crash: object | None = None
        self._instance: object | None = None
        self._probe: dict[str, object] = {}
        self._wakeup: tuple[object, ...] = ()

    def begin(self) -> int | None:
        """Everything up to the window on screen; an exit code when the run ends here.

        Only what the first frame needs happens here: the app folder, the one-instance check,
        the theme and the window's frame. The log, the crash hook and the rest follow the
        first frame (``_on_first_frame``).
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        from smtpeter_desktop.storage import paths
        from smtpeter_desktop.storage.errors import StorageError

        from smtpeter_desktop.ui.main_window import MainWindow
        from smtpeter_desktop.ui.single_instance import InstanceError, SingleInstance

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
            from smtpeter_desktop.ui import appearance

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
        from PySide6.QtCore import QTimer

        self._probe["shown"] = when
        self._probe["modules_at_shown"] = sorted(sys.modules)
        # In the next turns of the loop (the frame is on screen already): set the app's data
        # opening on a worker thread first, so it runs while the GUI thread does the rest.
        QTimer.singleShot(0, self._start)
        QTimer.singleShot(0, lambda: self._probe.setdefault("idle", time.time()))
        QTimer.singleShot(0, self._after_first_frame)

    def _after_first_frame(self) -> None:
        """The log, the crash hook and the window icon: needed soon, not for the first frame."""
        from smtpeter_desktop.ui import crash

        assert self.window is not None and self.home is not None
        folder = crash.log_folder(self.home)
        try:
            self._log_handler = crash.start_logging(folder)
        except OSError as exc:
            sys.stderr.write(f"{APP_SLUG}: cannot write the log in {folder}: {exc}\n")
        log.info("%s %s started (Qt platform %s)", APP_NAME, __version__, self.app.platformName())
        window = self.window
        handler = crash.CrashHandler(folder / crash.LOG_FILE, lambda: window)
        handler.before_dialog = self._save_draft
        handler.install()
        self._crash = handler
        set_icon(self.app)
        if self._instance is not None:
            from smtpeter_desktop.ui.single_instance import InstanceError, SingleInstance

            assert isinstance(self._instance, SingleInstance)
            try:
                self._instance.listen()
            except InstanceError as exc:
                log.warning("Later starts cannot reach this window: %s", exc)
        self._quit_on_signals()

    def _quit_on_signals(self) -> None:
        """SIGTERM (a logout, ``kill``), SIGHUP and SIGINT (Ctrl+C in a terminal) close the
        window without asking (nobody may be there to answer): the draft is saved, a send
        under way is cancelled, and the window is gone within a couple of seconds.

        Python runs a signal handler only when the interpreter gets control, and Qt's loop
        may sleep in C++; the wake-up socket makes Qt call into Python at once.
        """
        import signal
        import socket

        from PySide6.QtCore import QSocketNotifier, QTimer

        receive, wake = socket.socketpair()
        for end in (receive, wake):
            end.setblocking(False)
        signal.set_wakeup_fd(wake.fileno())
        notifier = QSocketNotifier(receive.fileno(), QSocketNotifier.Type.Read, self.app)
        notifier.activated.connect(lambda: receive.recv(64))
        self._wakeup = (receive, wake, notifier)
        window = self.window

        def close(signum: int, _frame: object) -> None:
            log.info("Closing on signal %d", signum)
            if window is not None:
                QTimer.singleShot(0, window.stop_and_quit)

        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), close)

    def _start(self) -> None:
        assert self.window is not None
        if self.options.smoke_send:
            self.window.start_failed.connect(self._smoke_start_failed)
        self.window.start()

    def _smoke_start_failed(self, text: str) -> None:
        self._finish_smoke(1, f"The app's data could not be opened: {text}")

    def _on_ready(self) -> None:
        self._probe["ready"] = time.time()
        probe = os.environ.get(PROBE_VARIABLE)
        if probe:
            import json

            Path(probe).write_text(json.dumps(self._probe), encoding="utf-8")
        if self.options.smoke_send:
            self._smoke_send()

    def _save_draft(self) -> None:
        if self.window is not None and self.window.keeper is not None:
            self.window.keeper.save_now()

    # --smoke-send ---------------------------------------------------------------------------

    def _smoke_send(self) -> None:
        """Send one message to the built-in sandbox the way the Send button does."""
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
        from smtpeter_desktop.ui import crash
        from smtpeter_desktop.ui.single_instance import SingleInstance

        if self.window is not None:
            self.window.shutdown()
        if isinstance(self._crash, crash.CrashHandler):
            self._crash.uninstall()
        if isinstance(self._instance, SingleInstance):
            self._instance.close()
        if self._wakeup:
            import signal

            signal.set_wakeup_fd(-1)
            for end in self._wakeup[:2]:
                end.close()  # type: ignore[attr-defined]
        if self._log_handler is not None:
            crash.stop_logging(self._log_handler)


def main() -> int:
    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
