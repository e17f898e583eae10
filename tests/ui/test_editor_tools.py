"""Around the editor: the formatting bar, Find, the Markdown cheat sheet (F1), Print.

Real parts: the compose pane, its editor and preview; printing goes to a real PDF file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter

from tests.ui.shell_helpers import Windows, shown_messages, windows

from smtpeter_desktop.ui.compose_pane import ComposePane

__all__ = ["shown_messages", "windows"]


def _shown(pane: ComposePane, qtbot: Any) -> None:
    """Shown and active: keyboard shortcuts reach the active window only."""
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow, timeout=5000)
    pane.editor.setFocus()


def _select(pane: ComposePane, start: int, end: int) -> None:
    cursor = pane.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)


@pytest.mark.parametrize(
    ("button", "expected", "selected"),
    [
        ("Bold", "Say **hello** now", "hello"),
        ("Italic", "Say *hello* now", "hello"),
        ("Code", "Say `hello` now", "hello"),
        ("Link", "Say [hello](https://) now", "https://"),
        ("Image", "Say ![hello](picture.png) now", "picture.png"),
    ],
)
def test_each_button_wraps_the_selection(
    pane: ComposePane, button: str, expected: str, selected: str
) -> None:
    pane.editor.setPlainText("Say hello now")
    _select(pane, 4, 9)
    pane.format_bar.buttons[button].click()
    assert pane.editor.toPlainText() == expected
    assert pane.editor.textCursor().selectedText() == selected


def test_without_a_selection_the_syntax_comes_with_a_word_to_type_over(
    pane: ComposePane, qtbot: Any
) -> None:
    _shown(pane, qtbot)
    qtbot.keyClick(pane.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert pane.editor.toPlainText() == "**bold text**"
    qtbot.keyClicks(pane.editor, "strong")
    assert pane.editor.toPlainText() == "**strong**"


def test_list_and_code_block_take_whole_lines(pane: ComposePane) -> None:
    pane.editor.setPlainText("one\ntwo\nthree")
    _select(pane, 0, 7)
    pane.format_bar.buttons["List"].click()
    assert pane.editor.toPlainText() == "- one\n- two\nthree"
    pane.editor.setPlainText("a = 1\nb = 2")
    _select(pane, 0, 11)
    pane.format_bar.buttons["Code"].click()
    assert pane.editor.toPlainText() == "```\na = 1\nb = 2\n```\n"


def test_find_next_previous_and_match_case(pane: ComposePane, qtbot: Any) -> None:
    _shown(pane, qtbot)
    pane.editor.setPlainText("Numbers, numbers and NUMBERS.")
    qtbot.keyClick(pane.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "numbers")
    assert pane.editor.textCursor().selectionStart() == 0
    assert bar.find_next() and pane.editor.textCursor().selectionStart() == 9
    assert bar.find_next() and pane.editor.textCursor().selectionStart() == 21
    assert bar.find_next() and pane.editor.textCursor().selectionStart() == 0, "wraps round"
    assert bar.find_previous() and pane.editor.textCursor().selectionStart() == 21
    bar.case.setChecked(True)
    assert bar.find_next() and pane.editor.textCursor().selectionStart() == 9
    assert bar.find_next() and pane.editor.textCursor().selectionStart() == 9, "only one"
    bar.field.setText("nowhere")
    assert bar.status.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and pane.editor.hasFocus()


def test_f1_opens_the_markdown_cheat_sheet(pane: ComposePane, qtbot: Any) -> None:
    _shown(pane, qtbot)
    qtbot.keyClick(pane.editor, Qt.Key.Key_F1)
    dialog = pane.help_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "**bold**" in text and "- [ ] to do" in text and "Ctrl+F find" in text
    dialog.close()


def test_print_puts_the_rendered_message_on_paper(
    pane: ComposePane, qtbot: Any, tmp_path: Path
) -> None:
    pane.editor.setPlainText("# Quarterly numbers\n\nThey are **in**.\n")
    pane.preview.render_now()
    qtbot.waitUntil(lambda: "Quarterly" in pane.preview.browser.toPlainText(), timeout=5000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "message.pdf"
    printer.setOutputFileName(str(target))
    pane.print_to(printer)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000


def test_find_and_the_cheat_sheet_are_in_the_menus_too(windows: Windows) -> None:
    """Keys nobody sees are keys nobody finds: Edit > Find, Help > the cheat sheet, and
    File > Print name them, and work from any pane."""
    window = windows()
    window.show_pane("outbox")
    assert window.find_action.text() == "&Find…\tCtrl+F"
    assert window.print_action.text() == "&Print…\tCtrl+P"
    window.find_action.trigger()
    assert window.stack.currentWidget().accessibleName() == "Compose"
    assert window.compose is not None and window.compose.find_bar.isVisibleTo(window)
    window.cheat_sheet_action.trigger()
    dialog = window.compose.help_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
