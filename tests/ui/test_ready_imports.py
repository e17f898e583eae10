"""The window is ready (data opened, panes built) without what only a text to render needs.

A real run of the app (offscreen, in the test's home, with a new empty message), stopped
once ready; what it had loaded by then is listed. Issue 17: Python-Markdown, Pygments and
pymdownx cost 45-60 ms of the window's "ready", and an empty message has nothing to render.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

# Loaded with the first text that has something to render, not before.
RENDERING = ("markdown", "pygments", "pymdownx", "smtpeter_desktop.compose.markdown_html")

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


def test_the_window_is_ready_without_loading_markdown(isolated_home: Path, tmp_path: Path) -> None:
    listed = tmp_path / "modules.txt"
    done = subprocess.run(
        [sys.executable, "-c", _LIST_AT_READY, str(listed)],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = ast.literal_eval(listed.read_text())
    assert result["code"] == 0 and "modules" in result, done.stderr
    loaded = [
        name
        for name in result["modules"]
        if any(name == heavy or name.startswith(heavy + ".") for heavy in RENDERING)
    ]
    assert not loaded, f"loaded before the window was ready: {', '.join(loaded)}"
