"""Find Alt+letter clashes in a window: two controls that answer the same mnemonic.

Qt cycles focus between clashing mnemonics instead of pressing either: Alt+U reached Subject
and never Undo. What counts is what the person can reach now: visible buttons, check boxes,
labels with a buddy, tab titles, group box titles and the menu bar's titles.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenuBar,
    QTabBar,
    QWidget,
)

_MNEMONIC = re.compile(r"&(?!&)(.)")


def mnemonic(text: str) -> str | None:
    """The letter after the single "&" of ``text``, lower-cased, or ``None``."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each mnemonic letter in ``window`` and the texts that use it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        if (letter := mnemonic(text)) is not None:
            found[letter].append(text)

    def reachable(widget: QWidget) -> bool:
        return widget.isVisibleTo(window) and widget.window() is window

    for button in window.findChildren(QAbstractButton):
        if reachable(button):
            add(button.text())
    for label in window.findChildren(QLabel):
        if reachable(label) and label.buddy() is not None:
            add(label.text())
    for box in window.findChildren(QGroupBox):
        if reachable(box):
            add(box.title())
    for tabs in window.findChildren(QTabBar):
        if reachable(tabs):
            for index in range(tabs.count()):
                if tabs.isTabVisible(index):
                    add(tabs.tabText(index))
    menu_bar = window.menuBar() if isinstance(window, QMainWindow) else None
    bars = {id(bar): bar for bar in [menu_bar, *window.findChildren(QMenuBar)] if bar}
    for bar in bars.values():
        if bar.isVisibleTo(window):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text())
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The mnemonics of ``window`` that more than one control answers."""
    return {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}
