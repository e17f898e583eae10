"""Start-up: the command line against a bare ``python -c pass``, and the main window against a
bare PySide6 script that shows an empty QMainWindow on a real X server (Xvfb).

The command line: whole processes of ``smtpeter-desktop --version``, ``--help``, ``outbox``,
``sent`` and ``profiles list`` (the installed script, as a person runs it) on a home started
once before. Warm: the app's modules compiled before (every run after the first); cold: its
bytecode removed before each run (the first run after a fresh clone or an upgrade). Beside
each, what its imports cost (``-X importtime``, self times summed) and the costliest groups,
so a regression names its module. Goals (issue 17): warm at most 2x bare Python. Then
``outbox`` and ``sent`` once more on a home with mail in both (sent through the Sandbox, and
refused by a closed port), for context: what reading stored errors and receipts adds.

The window: median of 12 runs each, started by the installed launcher as the desktop entry
starts it (``desktop_entry.default_command``).

"Shown and idle" is the same instant for both: the window's first frame is painted, and a
zero-delay timer posted at that frame fires (the event loop has nothing before it). Our app
opens its data on a worker thread meanwhile ("data opened": its result reaches the GUI
thread); when it has built its panes from that data it is "ready". Runs alternate between
the two, on a home that has been started once before (a returning user), with a new, empty
message: nothing to render or spell-check yet (Markdown and Enchant load with the first text).

Then each start once more under valgrind, which counts the instructions it runs: a count
that the machine's other work does not change, where the times vary by a quarter from run
to run on a shared machine. Both starts end right at the instant counted (idle, ready).
Beside them, for context, the modules our start has loaded by ready imported alone, in the
order it loaded them, with no window: what the start costs before a widget is made.

Goals: shown and idle at most 1.5x (issue 9), ready at most 2x (issue 17).
Run: ``.venv/bin/python -m tests.benchmarks.startup [--cli]`` (``make bench`` runs all;
``--cli`` measures the command line alone, without Xvfb).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.benchmarks.common import (
    BARE_PYTHON,
    COMMAND,
    Figure,
    Timing,
    forget_bytecode,
    import_cost,
    process_env,
    process_figure,
    report,
    run_process,
    script_of,
)

RUNS = 12
CLI_WARM_RUNS = 21
CLI_COLD_RUNS = 5
CLI_COMMANDS = ("--version", "--help", "outbox", "sent", "profiles list")
END = "SMTPETER_DESKTOP_STARTUP_END"  # ends our start right at idle or ready (``ui.session``)
BARE = """\
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            shown, shown_cpu = time.time(), time.process_time()

            def idle():
                found = {"shown": shown, "shown_cpu": shown_cpu}
                found.update(idle=time.time(), idle_cpu=time.process_time())
                with open(sys.argv[1], "w") as out:
                    json.dump(found, out)
                if sys.argv[2:] == ["end"]:  # as SMTPETER_DESKTOP_STARTUP_END=idle ends ours
                    os._exit(0)
                app.quit()

            QTimer.singleShot(0, idle)

app = QApplication(sys.argv)
window = Window()
window.resize(1200, 800)
window.show()
app.exec()
"""


IMPORTS_ALONE = """\
import importlib, json, os, sys

for name in json.load(open(sys.argv[1])):
    if name not in sys.modules:
        try:
            importlib.import_module(name)
        except ImportError:  # shiboken's own modules: importable only while it starts
            pass
os._exit(0)
"""


@contextmanager
def _x_server() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed: run `make bench` (it installs it).")
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    display = f":{number}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("Xvfb did not start.")
            time.sleep(0.05)
        yield display
    finally:
        server.terminate()
        server.wait(10)


def _run(argv: list[str], env: dict[str, str], probe: Path) -> dict[str, float]:
    probe.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(argv, env=env, check=True, timeout=60, capture_output=True)
    found = json.loads(probe.read_text(encoding="utf-8"))
    instants = ("shown", "idle", "opened", "ready")
    timed = {key: (found[key] - start) * 1000 for key in instants if key in found}
    cpus = ("idle_cpu", "opened_cpu", "ready_cpu")
    cpu = {key: found[key] * 1000 for key in cpus if key in found}
    return timed | cpu


def command_line() -> int:
    """The command line's start-up, warm and cold, against bare Python in the same run."""
    with tempfile.TemporaryDirectory() as folder:
        env = process_env({"SMTPETER_DESKTOP_HOME": str(Path(folder) / "home")})
        argvs = {name: [*COMMAND, *name.split()] for name in CLI_COMMANDS}
        for argv in argvs.values():  # the first start creates the home and the bytecode
            run_process(argv, env)
        run_process(BARE_PYTHON, env)
        warm: dict[str, list[Timing]] = {name: [] for name in (*argvs, "bare")}
        for _ in range(CLI_WARM_RUNS):  # alternating, so drift on the machine hits all alike
            warm["bare"].append(run_process(BARE_PYTHON, env))
            for name, argv in argvs.items():
                warm[name].append(run_process(argv, env))
        cold: dict[str, list[Timing]] = {name: [] for name in (*argvs, "bare")}
        for _ in range(CLI_COLD_RUNS):
            cold["bare"].append(run_process(BARE_PYTHON, env))
            for name, argv in argvs.items():
                forget_bytecode()
                cold[name].append(run_process(argv, env))
        costs = {name: import_cost(script_of(argv), env) for name, argv in argvs.items()}
        bare_cost = import_cost(["-c", "pass"], env)
        filled = _lists_with_mail(Path(folder), warm["bare"])
    figures = []
    for name in argvs:
        figures += [
            process_figure(
                f"`{name}`, warm", warm[name], warm["bare"], "bare Python", 2.0, costs[name].text()
            ),
            process_figure(f"`{name}`, cold", cold[name], cold["bare"], "bare Python", None),
        ]
    figures += filled
    return report(
        f"Command line start-up (median of {CLI_WARM_RUNS} warm, {CLI_COLD_RUNS} cold)",
        figures,
        notes=[f"bare Python: {bare_cost.text()}"],
    )


def _lists_with_mail(folder: Path, bare: list[Timing]) -> list[Figure]:
    """``outbox`` and ``sent`` on a home with mail in both (the figures above list an empty
    home): a stored error or receipt is read by the delivery model, which these show."""
    env = process_env({"SMTPETER_DESKTOP_HOME": str(folder / "filled")})
    letter = folder / "letter.md"
    letter.write_text("Hello **there**\n", encoding="utf-8")
    message = ["--to", "bob@example.org", "--subject", "Hi", "--markdown", str(letter), "--yes"]
    for _ in range(3):
        run_process([*COMMAND, "send", "--profile", "Sandbox", *message], env)
    with socket.socket() as probe:  # a port nothing listens on: refused, so kept to retry
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run_process([*COMMAND, "profiles", "add", "Closed", "--smtp", f"127.0.0.1:{port}"], env)
    for _ in range(2):
        subprocess.run(
            [*COMMAND, "send", "--profile", "Closed", "--from", "ann@example.org", *message,
             "--password-stdin"],
            env=env, input=b"secret\n", capture_output=True, timeout=60, check=False,
        )  # fmt: skip
    figures = []
    for name in ("outbox", "sent"):
        argv = [*COMMAND, name]
        runs = [run_process(argv, env) for _ in range(CLI_WARM_RUNS)]
        figures.append(
            process_figure(
                f"`{name}` with mail in it, warm",
                runs,
                bare,
                "bare Python",
                None,
                import_cost(script_of(argv), env).text(),
            )
        )
    return figures


def main() -> int:
    failed = command_line()
    if "--cli" in sys.argv:
        return failed
    return window() or failed


def window() -> int:
    with tempfile.TemporaryDirectory() as folder, _x_server() as display:
        base = Path(folder)
        probe = base / "probe.json"
        bare_script = base / "bare.py"
        bare_script.write_text(BARE, encoding="utf-8")
        env = {
            # Bytecode written, as process_env does: warm runs, whatever this shell sets.
            **{
                k: v
                for k, v in os.environ.items()
                if k not in ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE")
            },
            "DISPLAY": display,
            "SMTPETER_DESKTOP_HOME": str(base / "home"),
            "SMTPETER_DESKTOP_STARTUP_PROBE": str(probe),
            "XDG_CONFIG_HOME": str(base / "config"),
        }
        ours = [*COMMAND, "--exit-after", "1"]  # the launcher the desktop entry starts
        bare = [sys.executable, str(bare_script), str(probe)]
        _run(ours, env, probe)  # the first start creates the home; a returning user's is timed
        _run(bare, env, probe)
        app_runs, bare_runs = [], []
        for _ in range(RUNS):
            app_runs.append(_run(ours, env, probe))
            loaded = json.loads(probe.read_text(encoding="utf-8"))["modules_at_ready"]
            bare_runs.append(_run(bare, env, probe))
        modules = base / "modules.json"
        modules.write_text(json.dumps(loaded), encoding="utf-8")
        imports_script = base / "imports.py"
        imports_script.write_text(IMPORTS_ALONE, encoding="utf-8")
        imports = [sys.executable, str(imports_script), str(modules)]
        counted, why_not = _counted_starts(ours, [*bare, "end"], imports, env)

    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    bare_idle = med(bare_runs, "idle")
    figures = [
        Figure("Window shown and idle", med(app_runs, "idle"), bare_idle, "bare PySide6", 1.5),
        Figure(
            "First frame painted",
            med(app_runs, "shown"),
            med(bare_runs, "shown"),
            "bare PySide6",
            None,
        ),
        # Ready's two parts: the worker thread opening the data (and importing what the panes
        # need), then the GUI thread building the panes; so a regression names its half.
        Figure(
            "Data opened (worker thread)",
            med(app_runs, "opened"),
            bare_idle,
            "bare PySide6",
            None,
        ),
        Figure(
            "Ready (data opened, panes built)",
            med(app_runs, "ready"),
            bare_idle,
            "bare PySide6",
            2.0,
            note="off the GUI thread until the data arrives; the window answers meanwhile",
        ),
        # CPU time (the process's, every thread): what a loaded machine hardly changes.
        Figure(
            "Window shown and idle, CPU",
            med(app_runs, "idle_cpu"),
            med(bare_runs, "idle_cpu"),
            "bare PySide6",
            None,
        ),
        Figure(
            "Data opened, CPU",
            med(app_runs, "opened_cpu"),
            med(bare_runs, "idle_cpu"),
            "bare PySide6",
            None,
        ),
        Figure(
            "Ready, CPU",
            med(app_runs, "ready_cpu"),
            med(bare_runs, "idle_cpu"),
            "bare PySide6",
            None,
        ),
    ]
    failed = report(f"Start-up on Xvfb (median of {RUNS} runs each)", figures)
    if counted is None:
        print(f"\n(The start-up's instructions are not counted: {why_not})")
        return failed
    idle, ready, bare_count, imports_count = counted
    counts = [
        Figure("Window shown and idle, instructions", idle, bare_count, "bare PySide6", None, "M"),
        Figure("Ready, instructions", ready, bare_count, "bare PySide6", None, "M"),
        Figure(
            "Ready's modules imported, no window",
            imports_count,
            bare_count,
            "bare PySide6",
            None,
            "M",
        ),
    ]
    report("Start-up in instructions (valgrind; the same count on every run)", counts)
    return failed


Counts = tuple[float, float, float, float]


def _counted_starts(
    ours: list[str], bare: list[str], imports: list[str], env: dict[str, str]
) -> tuple[Counts | None, str]:
    """The instructions of a start to shown-and-idle and to ready, of the bare window to
    idle, and of importing ready's modules alone, in millions: valgrind's count, which the
    machine's other work does not change (the times above vary by a quarter from run to run
    here), so a change of 1% shows. Else None, and why: the timed figures stand without it."""
    if shutil.which("valgrind") is None:
        return None, "valgrind is not installed"
    program = [sys.executable, *script_of(ours)]
    try:
        idle = _instructions(program, env | {END: "idle"})
        ready = _instructions(program, env | {END: "ready"})
        return (idle, ready, _instructions(bare, env), _instructions(imports, env)), ""
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return None, str(exc)


def _instructions(argv: list[str], env: dict[str, str]) -> float:
    """How many instructions (millions) ``argv``'s process ran, counted by valgrind."""
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         *argv],
        env=env, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    # Qt may fork a helper (dbus-launch), whose count valgrind prints too: the first
    # process named is ours.
    process = re.search(r"^==(\d+)== Command:", done.stderr, re.MULTILINE)
    count = process and re.search(
        rf"^=={process[1]}== I\s+refs:\s+([\d,]+)", done.stderr, re.MULTILINE
    )
    if count is None:
        raise ValueError(f"valgrind gave no count for {argv}: {done.stderr[-500:]}")
    return int(count[1].replace(",", "")) / 1e6


if __name__ == "__main__":
    sys.exit(main())
