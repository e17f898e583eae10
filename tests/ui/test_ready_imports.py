"""The window is ready (data opened, panes built) without what only a text needs.

Real runs of the app (offscreen, in the test's home, with a new empty message), stopped
once ready; what each had loaded by then is listed. Issue 17: Python-Markdown, Pygments and
pymdownx cost 45-60 ms of the window's "ready", and an empty message has nothing to render;
Enchant and a dictionary cost 60-130 ms of CPU, and an empty message has nothing to check
(from the second start on, when the installed dictionaries are known without asking Enchant);
QtPrintSupport costs ~3.5 ms, and only printing needs it; QtNetwork (~8 ms) only the listener
for later starts, which waits for ready; the checks before sending and MIME building (~25 ms
of CPU, the email package) only a send, and they are loaded on a worker once ready. And the
cycle collector runs less often until ready, then as Python sets it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# Loaded with the first text that has something to render, not before.
RENDERING = ("markdown", "pygments", "pymdownx", "smtpeter_desktop.compose.markdown_html")
# Loaded with the first text to check, not before (once the dictionaries are known).
CHECKING = ("enchant",)
# Loaded when printing.
PRINTING = ("PySide6.QtPrintSupport",)
# Loaded once the window is ready: answering later starts (the session's ``_after_start``),
# and what only a send needs (``delivery.context.load_send_path``).
AFTER_READY = (
    "PySide6.QtNetwork",
    "smtpeter_desktop.compose.checks",
    "smtpeter_desktop.compose.mime",
    "email.policy",
    "smtpeter_desktop.transport.rest",
    "smtpeter_desktop.transport.smtp",
)

_LIST_AT_READY = """\
import sys
from smtpeter_desktop.ui import session

found = {}
ready = session.Session._on_ready


def on_ready(self):
    found["modules"] = sorted(sys.modules)
    ready(self)


session.Session._on_ready = on_ready
from smtpeter_desktop.ui import app

code = app.run([sys.argv[0], "--exit-after", "0.2"])
with open(sys.argv[1], "w") as out:
    out.write(repr({"code": code, **found}))
"""


def _start(program: str, tmp_path: Path) -> dict[str, Any]:
    """What ``program``, a start of the app, wrote into its file (a dict's repr)."""
    written = tmp_path / "found.txt"
    done = subprocess.run(
        [sys.executable, "-c", program, str(written)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = ast.literal_eval(written.read_text())
    assert found["code"] == 0, done.stderr
    return found


def _loaded_at_ready(tmp_path: Path) -> list[str]:
    """The modules a start of the app had loaded when its window was ready."""
    modules: list[str] = _start(_LIST_AT_READY, tmp_path)["modules"]
    return modules


def _heavy(modules: list[str], heavy: tuple[str, ...]) -> list[str]:
    return [name for name in modules if any(name == h or name.startswith(h + ".") for h in heavy)]


def test_the_window_is_ready_without_loading_markdown_enchant_or_printing(
    isolated_home: Path, tmp_path: Path
) -> None:
    first = _loaded_at_ready(tmp_path)
    assert not _heavy(first, RENDERING + PRINTING + AFTER_READY), "loaded before ready"
    again = _loaded_at_ready(tmp_path)
    loaded = _heavy(again, RENDERING + CHECKING + PRINTING + AFTER_READY)
    assert not loaded, f"loaded before the window was ready: {', '.join(loaded)}"


# The cycle collector's thresholds at the first frame, and once the app has ended.
_COLLECTOR = """\
import gc, sys
from smtpeter_desktop.ui import app, session

found = {}
first_frame = session.Session._after_first_frame


def after_first_frame(self):
    found["starting"] = gc.get_threshold()
    first_frame(self)


session.Session._after_first_frame = after_first_frame
code = app.run([sys.argv[0], "--exit-after", "0.2"])
with open(sys.argv[1], "w") as out:
    out.write(repr({"code": code, "python": app.PYTHON_GC, "after": gc.get_threshold(), **found}))
"""


def test_the_collector_runs_less_often_only_until_the_window_is_ready(
    isolated_home: Path, tmp_path: Path
) -> None:
    # The start's objects are mostly its imported modules, which the collector need not walk
    # every 700 allocations; the running window has Python's own thresholds.
    found = _start(_COLLECTOR, tmp_path)
    assert found["python"] == (700, 10, 10)
    assert found["starting"][0] > found["python"][0]
    assert found["after"] == found["python"]
