"""Preview: from the last keystroke to the preview updated, for a 100 KB Markdown text,
against the time Python-Markdown alone takes to convert it (with the same extensions).

The text is the README's sample message (headings, a table, code, a list, an image) again
and again. Our figure is measured in the compose pane (offscreen): a key press in the
editor, then the preview's ``updated`` signal; the pause the preview waits after the last
keystroke (its debounce, longer for long texts) is subtracted, as the goal says. Median of
5 keystrokes; the reference is the median of 5 conversions in the same process, the pane
open.

Goal (issue 9): at most 1.5x, plus the debounce delay.
Run: ``.venv/bin/python -m tests.benchmarks.preview`` (``make bench`` runs all).
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import markdown

from PySide6.QtCore import QEvent, QEventLoop, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from smtpeter_desktop.compose.draft import Draft
from tests.benchmarks.common import Figure, report
from tests.ui.show_compose import BODY

from smtpeter_desktop.ui.compose_pane import ComposePane

SIZE = 100_000
KEYS = "abcde"


def _wait(done: object, timeout: float = 30.0) -> None:
    """Run the event loop until ``done()``, waking only for events (no polling: a poll
    every millisecond would take Python's lock from the renderer a thousand times a second)."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not done():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("the preview did not update")
        loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)


def markdown_alone(text: str) -> float:
    """ms: Python-Markdown converting ``text``, with the extensions compose.render uses."""
    converter = markdown.Markdown(
        extensions=["tables", "fenced_code", "codehilite", "sane_lists", "nl2br"],
        extension_configs={"codehilite": {"noclasses": True, "guess_lang": False}},
    )
    converter.convert(text)  # its first run builds caches, as the preview's first render does
    times = []
    for _ in range(5):
        converter.reset()
        start = time.perf_counter()
        converter.convert(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The sample message again and again, an empty line before each heading, as Markdown is
    # usually written (markdownlint's MD022).
    text = ("\n".join([BODY] * (SIZE // len(BODY) + 1)))[:SIZE]
    pane = ComposePane()
    pane.resize(1400, 900)
    pane.set_draft(Draft(body=text))
    pane.show()
    preview = pane.preview
    _wait(lambda: preview.shown_seq() >= 1)
    cursor = pane.editor.textCursor()
    cursor.setPosition(SIZE // 2)
    pane.editor.setTextCursor(cursor)
    latencies, pauses = [], []
    for key in KEYS:
        shown = preview.shown_seq()
        app.postEvent(
            pane.editor, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, key)
        )
        app.postEvent(
            pane.editor, QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, key)
        )
        app.processEvents()
        start = time.perf_counter()
        pauses.append(preview.pause_ms())
        _wait(lambda shown=shown: preview.shown_seq() > shown)
        latencies.append((time.perf_counter() - start) * 1000)
    # Measured in the same process, with the pane open, like our figure (median for median).
    reference = markdown_alone(text)
    pane.shutdown()
    pane.close()
    pause = statistics.median(pauses)
    latency = statistics.median(latencies)
    figures = [
        Figure(
            "Last keystroke to preview, less the pause", latency - pause, reference,
            "Python-Markdown alone", 1.5,
            note=f"{latency:.0f} ms in all, of which the pause after the last keystroke "
            f"{pause:.0f} ms",
        ),
    ]  # fmt: skip
    return report("Preview of a 100 KB Markdown text (median of 5 keystrokes)", figures)


if __name__ == "__main__":
    sys.exit(main())
