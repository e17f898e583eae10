"""``cli.run``, the installed command: a command's process ends without the interpreter's
teardown, yet with its exit handlers run, its output written and its exit code kept."""

from __future__ import annotations

import subprocess
import sys

# A command whose output sits in the buffer of a pipe when the process ends; an exit handler
# of the kind a library registers (logging closing its files is one); and an object that says
# when the interpreter's teardown frees it.
_PROGRAM = """\
import atexit, sys
from smtpeter_desktop import cli
atexit.register(lambda: sys.stderr.write("the exit handler ran\\n"))
class Freed:
    def __del__(self):
        sys.stderr.write("freed by the teardown\\n")
kept = Freed()
sys.argv = ["smtpeter-desktop", *sys.argv[1:]]
cli.run()
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, *args], capture_output=True, text=True, timeout=60
    )


def test_a_command_ends_with_its_output_written_and_its_exit_handlers_run() -> None:
    result = _run("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: smtpeter-desktop")
    assert result.stdout.endswith("\n") and len(result.stdout) > 1000  # all of it, not a part
    assert result.stderr == "the exit handler ran\n"  # and no teardown freed anything


def test_the_window_ends_with_the_interpreters_teardown() -> None:
    # Qt hands the clipboard over in its teardown; --exit-after closes the window at once.
    result = _run("--exit-after", "0")
    assert result.returncode == 0, result.stderr
    assert "freed by the teardown" in result.stderr


def test_a_commands_exit_code_is_the_process_exit_code() -> None:
    result = _run("outbox", "--no-such-option")  # argparse's SystemExit: the usual exit
    assert result.returncode == 2
    assert "--no-such-option" in result.stderr
    assert "the exit handler ran\n" in result.stderr
