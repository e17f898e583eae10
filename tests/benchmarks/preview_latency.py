"""How long the live preview takes for a 100 KB Markdown text, and what it costs the GUI thread.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.preview_latency

Prints, for a 100 KB text (the README's sample message repeated: headings, a table, code):
- ``compose.render.render`` alone, and Qt's ``setHtml`` of its HTML alone;
- what the GUI thread pays to show the result: swapping in the document parsed off-thread,
  against calling ``QTextBrowser.setHtml`` on the GUI thread;
- the time from the last keystroke to the preview showing it (pause included, and without it);
- the longest stall of the GUI thread while typing and rendering (a 2 ms timer's largest gap).
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.draft import Draft
from tests.ui.show_compose import BODY

from smtpeter_desktop.ui.compose_pane import ComposePane

SIZE = 100_000
RESULTS = Path(__file__).parent / "results" / "preview_latency.json"


def text_of(size: int) -> str:
    return (BODY * (size // len(BODY) + 1))[:size]


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wait(app: QApplication, predicate, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not update in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def type_keys(app: QApplication, pane: ComposePane, keys: str, every_ms: int) -> list[float]:
    """Post key presses at a typing pace; returns the gaps of a 2 ms timer meanwhile."""
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(2)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    pending = iter(keys)
    done: list[float] = []

    def press() -> None:
        key = next(pending, None)
        if key is None:
            typer.stop()
            done.append(time.perf_counter())
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.postEvent(pane.editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, key))

    typer = QTimer()
    typer.setInterval(every_ms)
    typer.timeout.connect(press)
    ticker.start()
    typer.start()
    wait(app, lambda: bool(done), timeout=60)
    seq = pane.preview._seq
    wait(app, lambda: pane.preview.shown_seq() >= seq and not pane.preview._timer.isActive())
    ticker.stop()
    return [b - a for a, b in itertools.pairwise(ticks)]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    text = text_of(SIZE)
    figures: dict[str, float] = {}

    render.render(text)  # warm the thread's converter
    figures["render_ms"] = best_of(5, lambda: render.render(text)) * 1000
    html = render.render(text).preview_html()
    figures["html_kb"] = len(html.encode()) / 1024
    figures["parse_ms"] = best_of(5, lambda: QTextDocument().setHtml(html)) * 1000

    browser = QTextBrowser()
    browser.resize(600, 800)
    browser.show()

    def set_html() -> None:
        browser.setHtml(html)
        app.processEvents()

    figures["gui_sethtml_ms"] = best_of(3, set_html) * 1000

    def swap() -> None:
        document = QTextDocument()
        document.setHtml(html)
        start = time.perf_counter()
        browser.setDocument(document)
        app.processEvents()
        swaps.append(time.perf_counter() - start)

    swaps: list[float] = []
    for _ in range(3):
        swap()
    figures["gui_swap_ms"] = statistics.median(swaps) * 1000

    pane = ComposePane()
    pane.resize(1400, 900)
    pane.set_draft(Draft(body=text))
    pane.show()
    pane.editor.setFocus()
    cursor = pane.editor.textCursor()
    cursor.setPosition(SIZE // 2)
    pane.editor.setTextCursor(cursor)
    wait(app, lambda: pane.preview.shown_seq() >= 1)

    latencies = []
    for key in "abcde":
        app.postEvent(
            pane.editor, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, key)
        )
        start = time.perf_counter()
        app.processEvents()
        seq = pane.preview._seq
        wait(app, lambda seq=seq: pane.preview.shown_seq() > seq)
        latencies.append(time.perf_counter() - start)
    figures["keystroke_to_preview_ms"] = statistics.median(latencies) * 1000
    figures["pause_ms"] = pane.preview._timer.interval()
    figures["keystroke_to_preview_without_pause_ms"] = (
        figures["keystroke_to_preview_ms"] - figures["pause_ms"]
    )

    gaps = sorted(type_keys(app, pane, "the quick brown fox jumps over the lazy dog", 120))
    figures["typing_max_gui_gap_ms"] = gaps[-1] * 1000
    figures["typing_p99_gui_gap_ms"] = gaps[int(len(gaps) * 0.99)] * 1000
    pane.shutdown()
    pane.close()

    for name, value in figures.items():
        print(f"{name:40} {value:8.1f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
