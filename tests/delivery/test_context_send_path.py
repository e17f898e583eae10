"""``load_send_path`` loads what a first send needs, which opening the data does not.

The window opens its data without the checks before sending, MIME building or the
transports (issue 17: they cost its ready ~25 ms and ~60 ms of CPU) and runs
``load_send_path`` on a worker once ready, so that the first send does not wait for them.
"""

from __future__ import annotations

import subprocess
import sys

SEND_PATH = (
    "smtpeter_desktop.compose.checks",
    "smtpeter_desktop.compose.markdown_html",
    "markdown",
    "smtpeter_desktop.compose.mime",
    "smtpeter_desktop.transport.rest",
    "smtpeter_desktop.transport.smtp",
)

_LOADED = """\
import sys
from smtpeter_desktop.delivery import context

before = set(sys.modules)
context.load_send_path()
print(" ".join(sorted(set(sys.modules) - before)))
"""


def test_load_send_path_loads_the_checks_markdown_mime_and_both_transports() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _LOADED], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = done.stdout.split()
    assert [name for name in SEND_PATH if name not in loaded] == []
