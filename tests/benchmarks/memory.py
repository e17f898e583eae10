"""Memory: the app's peak resident memory while it builds, queues and sends a 20 MB message,
minus its resident memory when idle just before, against the attachment's size.

Each case runs in a fresh process: the window starts, sends one small message (imports,
connections and caches settle), idles, and then sends the 20 MB message once. The peak is
the kernel's own high-water mark (VmHWM), reset just before the send (/proc/self/clear_refs).
The server is the standalone sandbox in its own process; with the built-in sandbox the app
also holds what the sandbox receives, so that figure is shown for context.

Goal (issue 9): at most 3x the attachment.
Run: ``.venv/bin/python -m tests.benchmarks.memory`` (``make bench`` runs all).
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.common import Figure, report

STATUS = Path("/proc/self/status")
SIZE_MB = 20.0


def _kb(field: str) -> int:
    found = re.search(rf"^{field}:\s+(\d+) kB", STATUS.read_text(), re.MULTILINE)
    assert found is not None, field
    return int(found.group(1))


def measure(case: str) -> float:
    """In this process: MB of resident memory the 20 MB send added at its peak."""
    from tests.benchmarks.window_send import session
    from tests.helpers.standalone_sandbox import standalone_sandbox

    with session() as (window, folder), standalone_sandbox(folder) as (url, ca_file):
        profile = (
            window.account(url, ca_file) if case == "standalone" else window.account(None, None)
        )
        window.send(profile, attach=False)
        window.idle(1.0)
        gc.collect()
        idle = _kb("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
        window.send(profile)
        return (_kb("VmHWM") - idle) / 1024


def _in_a_fresh_process(case: str) -> float:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.memory", "--case", case],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    return float(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    if not STATUS.exists():
        raise SystemExit("This benchmark reads /proc: it runs on Linux.")
    if "--case" in sys.argv:
        print(json.dumps(measure(sys.argv[sys.argv.index("--case") + 1])))
        return 0
    ours = min(_in_a_fresh_process("standalone") for _ in range(2))
    inside = min(_in_a_fresh_process("built-in") for _ in range(2))
    figures = [
        Figure("Peak memory sending 20 MB (over idle)", ours, SIZE_MB, "attachment", 3.0,
               unit="MB"),
        Figure("... to the built-in sandbox", inside, SIZE_MB, "attachment", None, unit="MB",
               note="the app then also holds what the sandbox receives and parses"),
    ]  # fmt: skip
    return report("Memory while sending a 20 MB attachment", figures)


if __name__ == "__main__":
    sys.exit(main())
