"""The one path for bugs: the app's log file, and a calm dialog when something breaks inside.

``start_logging(folder)`` sends the log to ``logs/smtpeter-desktop.log`` in the app home
(rotating, a few files of 1 MB, each readable by the user alone). Nothing we log holds a
secret: passwords and tokens are never formatted into a log line, and a traceback holds no
local variables.

``CrashHandler`` replaces ``sys.excepthook`` and ``threading.excepthook``: an exception nobody
caught (a bug, never a failure a person caused; those are shown where they happen) is logged
with its traceback, and the window shows a short dialog saying the drafts are saved and where
the details are, never the traceback itself. A worker thread's exception reaches the dialog
through a queued signal. Modelled on qutebrowser's ``misc/crashsignal.py``, much smaller.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from smtpeter_desktop import APP_NAME
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.paths import PRIVATE_FILE, private_folder, tighten

log = logging.getLogger(__name__)

LOG_FILE = "smtpeter-desktop.log"
_MAX_BYTES = 1024 * 1024
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)-8s %(threadName)s %(name)s: %(message)s"


def log_folder(home: Path) -> Path:
    return home / "logs"


def start_logging(folder: Path, level: int = logging.INFO) -> logging.Handler:
    """Log to ``folder/smtpeter-desktop.log``; returns the handler (to remove it again).

    Raises ``OSError`` when the folder cannot be made or the file opened.
    """
    private_folder(folder)
    for number in range(1, _BACKUPS + 1):  # rotated by a version that left them 0644
        tighten(folder / f"{LOG_FILE}.{number}", PRIVATE_FILE)
    handler = _PrivateLog(
        folder / LOG_FILE, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """A log file only its user may read (0600), whatever the umask; after a rotation too."""

    def _open(self) -> io.TextIOWrapper:
        handle = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        if sys.platform != "win32":
            os.fchmod(handle, PRIVATE_FILE)
        return os.fdopen(handle, "a", encoding=self.encoding, errors=self.errors)


def stop_logging(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()


ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashHandler(QObject):
    """Catches the exceptions nobody caught, logs them, and shows the crash dialog.

    Signals:
        crashed(str): a bug was logged; the argument is the log file's path. Emitted on the
            thread the exception happened on; the dialog is shown on the GUI thread.

    Attributes:
        log_file: where the tracebacks go (shown in the dialog).
        before_dialog: called on the GUI thread before the dialog shows (the window saves
            the draft there, so "Your drafts are saved" stays true).
        dialog: the dialog shown now, if any (one at a time).
    """

    crashed = Signal(str)

    def __init__(
        self,
        log_file: Path,
        parent_window: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.before_dialog: Callable[[], None] | None = None
        self.dialog: QMessageBox | None = None
        self._parent_window = parent_window
        self._previous: tuple[object, object] | None = None
        self.crashed.connect(self._show_dialog)

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.excepthook
            threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        """The ``sys.excepthook``: PySide6 calls it for an exception raised in a slot."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        self._record((kind, value, tb), threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        thread = args.thread.name if args.thread is not None else "a thread"
        self._record((args.exc_type, args.exc_value, args.exc_traceback), thread)

    def _record(self, info: ExcInfo, thread: str) -> None:
        log.critical("A bug in %s: an exception nobody caught", thread, exc_info=info)
        for handler in logging.getLogger().handlers:
            handler.flush()
        self.crashed.emit(str(self.log_file))

    def _show_dialog(self, path: str) -> None:
        if self.before_dialog is not None:
            try:
                self.before_dialog()
            except Exception:
                log.exception("Saving before the crash dialog failed too")
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog says it; a burst of the same bug must not stack them up
        box = QMessageBox(self._parent_window())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(
            translate("CrashHandler", "{app}: something went wrong").format(app=APP_NAME)
        )
        box.setText(
            translate(
                "CrashHandler", "Something went wrong inside {app}. Your drafts are saved."
            ).format(app=APP_NAME)
        )
        box.setInformativeText(
            translate(
                "CrashHandler",
                "Details: {path}\n\nYou can keep working; if something behaves oddly, restart "
                "{app}. Sending the log file to the developers helps them fix it.",
            ).format(path=path, app=APP_NAME)
        )
        folder = box.addButton(
            translate("CrashHandler", "Open Log Folder"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        folder.clicked.connect(lambda: open_folder(Path(path).parent))
        self.dialog = box
        box.open()


def open_folder(folder: Path) -> None:
    """Show a folder in the system's file manager."""
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
