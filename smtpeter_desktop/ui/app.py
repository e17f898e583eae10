"""Starting the window: the hidden options, the display check, then one session of the window.

``run(argv)`` is what ``smtpeter-desktop`` with no command calls: it reads the hidden
options, checks there is a display (before Qt, which would abort without one), and runs one
``session.Session`` of the window.

Hidden options, for tests and the bundle's smoke test (also taken from the environment)::

    --exit-after SECONDS     quit cleanly after SECONDS (SMTPETER_DESKTOP_EXIT_AFTER)
    --smoke-send             send one message to the built-in sandbox through the real send
                             path, print the outcome, exit 0 when it was sent

``SMTPETER_DESKTOP_STARTUP_PROBE=FILE``: see ``session``.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Sequence

from smtpeter_desktop import APP_NAME, APP_SLUG, STARTING_GC
from smtpeter_desktop.i18n import translate

log = logging.getLogger(__name__)

EXIT_AFTER_VARIABLE = "SMTPETER_DESKTOP_EXIT_AFTER"


PYTHON_GC = gc.get_threshold()
"""Python's own thresholds, given back once the window is ready (``Session``)."""


def no_display() -> str:
    """Why the window cannot open without a display, and what to run instead."""
    return translate(
        "app",
        "{app} needs a graphical desktop, and none was found (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). Run `make run`, which starts a virtual screen, or "
        "`xvfb-run {slug}`.",
    ).format(app=APP_NAME, slug=APP_SLUG)


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


def has_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """False on Linux without X11 or Wayland (where Qt would abort), unless a platform is
    chosen (``QT_QPA_PLATFORM=offscreen``)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(argv: list[str]) -> int:
    """Open the window; the exit code (0 also when an open window was brought forward)."""
    if not has_display():
        print(no_display(), file=sys.stderr)  # noqa: T201 (before Qt, stderr is all there is)
        return 1
    options = parse(argv[1:])
    # Until the window is ready, most objects made are the modules being imported: the cycle
    # collector looks at them every 100,000 allocations rather than every 700 (``Session``
    # gives the default back once ready). Ready comes ~19 ms sooner, idle ~8 ms.
    gc.set_threshold(*STARTING_GC)
    # Qt and the window, only now that there is a display to show them on (Qt would abort).
    from smtpeter_desktop.ui.session import Session, make_app

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
    from smtpeter_desktop.ui import send_worker  # loaded by the window by now

    if send_worker.still_running():
        # A cancelled send stayed blocked in a network call past its wait. Ending the
        # interpreter normally would destroy its running QThread, which aborts; the mailbox
        # is consistent (each change is a transaction), so leave at once.
        log.error("Exiting while the send thread is still blocked")
        logging.shutdown()
        os._exit(code)
    return code


def main() -> int:
    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
