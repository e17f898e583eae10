"""While the window starts, the cycle collector runs less often (the start's objects are
mostly imported modules); once the window is ready it is as Python sets it. A start of its
own, in a process of its own, offscreen."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

_START = """\
import gc, sys
from smtpeter_desktop.ui import app, session

seen = {}
first_frame = session.Session._after_first_frame


def after_first_frame(self):
    seen["starting"] = gc.get_threshold()
    first_frame(self)


session.Session._after_first_frame = after_first_frame
code = app.run([sys.argv[0], "--exit-after", "0.2"])
print(repr({"code": code, "python": app.PYTHON_GC, "after": gc.get_threshold(), **seen}))
"""


def test_the_collector_runs_less_often_only_until_the_window_is_ready(
    isolated_home: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _START],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert found["code"] == 0
    assert found["python"] == (700, 10, 10)
    assert found["starting"][0] > found["python"][0]  # lazier while starting
    assert found["after"] == found["python"]  # given back once ready
