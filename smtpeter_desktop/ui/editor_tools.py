"""What a writer expects around the Markdown editor: a formatting bar, Find, the cheat sheet.

``FormatBar`` wraps the selection in Markdown (bold, italic, code, a link, an image) or puts
list dashes before the selected lines; with nothing selected it inserts the syntax with a
word to type over, selected. ``FindBar`` finds in the editor (next, previous, match case,
wrapping round). ``MarkdownHelp`` is the cheat sheet that F1 opens. ``print_document``
prints the rendered message (the preview's document) on a ``QPrinter``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists

if TYPE_CHECKING:
    # Only in annotations: QtPrintSupport is loaded when printing (``ComposePane.ask_print``).
    from PySide6.QtPrintSupport import QPrinter


def _formats() -> tuple[tuple[str, str, str, str], ...]:
    """What each button does: (name, label, shortcut, tooltip), in the person's language."""
    return (
        (
            "Bold",
            translate("FormatBar", "Bold"),
            "Ctrl+B",
            translate("FormatBar", "Bold: **text**"),
        ),
        (
            "Italic",
            translate("FormatBar", "Italic"),
            "Ctrl+I",
            translate("FormatBar", "Italic: *text*"),
        ),
        (
            "Code",
            translate("FormatBar", "Code"),
            "Ctrl+E",
            translate("FormatBar", "Code: `text`; several lines become a code block"),
        ),
        (
            "Link",
            translate("FormatBar", "Link"),
            "Ctrl+K",
            translate("FormatBar", "Link: [text](https://…)"),
        ),
        (
            "Image",
            translate("FormatBar", "Image"),
            "",
            translate(
                "FormatBar",
                "Image: ![description](picture.png), a path on this computer or a web address",
            ),
        ),
        (
            "List",
            translate("FormatBar", "List"),
            "",
            translate("FormatBar", "List: a dash before each selected line"),
        ),
    )


def wrap(editor: QPlainTextEdit, before: str, after: str, placeholder: str) -> None:
    """Put ``before``/``after`` round the selection, or round ``placeholder``; it stays selected."""
    cursor = editor.textCursor()
    chosen = cursor.selectedText()
    text = chosen or placeholder
    cursor.beginEditBlock()
    cursor.insertText(f"{before}{text}{after}")
    cursor.endEditBlock()
    # The text inside stays selected: a placeholder is typed over, a choice can be wrapped
    # again (bold and italic).
    end = cursor.position() - len(after)
    cursor.setPosition(end - len(text))
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def link(editor: QPlainTextEdit, image: bool = False) -> None:
    """``[selection](https://)`` (or ``![…](…)``) with the address selected to type over."""
    cursor = editor.textCursor()
    label = cursor.selectedText() or (
        translate("FormatBar", "description") if image else translate("FormatBar", "text")
    )
    target = "picture.png" if image else "https://"
    head = f"{'!' if image else ''}[{label}]("
    cursor.beginEditBlock()
    cursor.insertText(f"{head}{target})")
    cursor.endEditBlock()
    end = cursor.position() - 1
    cursor.setPosition(end - len(target))
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def code(editor: QPlainTextEdit) -> None:
    """Inline code for part of a line; a fenced block when the selection spans lines."""
    cursor = editor.textCursor()
    # QTextCursor gives a paragraph separator (U+2029) between selected lines.
    chosen = cursor.selectedText().replace("\u2029", "\n")
    if "\n" in chosen:
        cursor.insertText(f"```\n{chosen.rstrip(chr(10))}\n```\n")
        editor.setTextCursor(cursor)
    else:
        wrap(editor, "`", "`", translate("FormatBar", "code"))


def bullet_list(editor: QPlainTextEdit) -> None:
    """A dash before each line the selection touches (the cursor's line when none)."""
    cursor = editor.textCursor()
    document = editor.document()
    first = document.findBlock(cursor.selectionStart()).blockNumber()
    last = document.findBlock(cursor.selectionEnd()).blockNumber()
    cursor.beginEditBlock()
    for number in range(first, last + 1):
        block = document.findBlockByNumber(number)
        line = QTextCursor(block)
        if not block.text().lstrip().startswith(("- ", "* ")):
            line.insertText("- ")
    cursor.endEditBlock()


class FormatBar(QToolBar):
    """Bold, Italic, Code, Link, Image and List for ``editor``; each keeps the focus there."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName(translate("FormatBar", "Formatting"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMovable(False)
        for overflow in self.findChildren(QToolButton):  # the "»" button when narrow
            overflow.setAccessibleName(translate("FormatBar", "More formatting"))
        run = {
            "Bold": lambda: wrap(editor, "**", "**", translate("FormatBar", "bold text")),
            "Italic": lambda: wrap(editor, "*", "*", translate("FormatBar", "italic text")),
            "Code": lambda: code(editor),
            "Link": lambda: link(editor),
            "Image": lambda: link(editor, image=True),
            "List": lambda: bullet_list(editor),
        }
        self.buttons: dict[str, QToolButton] = {}
        for name, label, keys, tip in _formats():
            action = self.addAction(label)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                editor.addAction(action)  # the keys work while typing in the editor
            action.triggered.connect(lambda _=False, go=run[name]: self._run(go))
            button = self.widgetForAction(action)
            assert isinstance(button, QToolButton)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
            button.setAccessibleName(label)
            self.buttons[name] = button
        bold = self.buttons["Bold"].font()
        bold.setBold(True)
        self.buttons["Bold"].setFont(bold)
        italic = self.buttons["Italic"].font()
        italic.setItalic(True)
        self.buttons["Italic"].setFont(italic)

    def _run(self, action: object) -> None:
        assert callable(action)
        action()
        self.editor.setFocus()


class FindBar(QWidget):
    """Find in the editor: the words, Next (Enter), Previous (Shift+Enter), Match case.

    Signals:
        closed(): Escape or the close button hid it.
    """

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName(translate("FindBar", "Find"))
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(translate("FindBar", "Find in the message"))
        self.field.setAccessibleName(translate("FindBar", "Find"))
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(self._search_from_start_of_selection)
        self.previous_button = QToolButton(self)
        self.previous_button.setText(translate("FindBar", "Previous"))
        self.previous_button.setToolTip(translate("FindBar", "Find the previous one (Shift+Enter)"))
        self.previous_button.setAccessibleName(translate("FindBar", "Find previous"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QToolButton(self)
        self.next_button.setText(translate("FindBar", "Next"))
        self.next_button.setToolTip(translate("FindBar", "Find the next one (Enter)"))
        self.next_button.setAccessibleName(translate("FindBar", "Find next"))
        self.next_button.clicked.connect(self.find_next)
        self.case = QCheckBox(translate("FindBar", "Match case"), self)
        self.case.setAccessibleName(translate("FindBar", "Match case"))
        self.status = lists.muted_label("", self)
        self.status.setWordWrap(False)
        close = QToolButton(self)
        close.setText("\u00d7")
        close.setAutoRaise(True)
        close.setToolTip(translate("FindBar", "Close (Escape)"))
        close.setAccessibleName(translate("FindBar", "Close Find"))
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(QLabel(translate("FindBar", "Find:"), self))
        row.addWidget(self.field, 1)
        for widget in (self.previous_button, self.next_button, self.case, self.status):
            row.addWidget(widget)
        row.addWidget(close)
        self.setVisible(False)

    def open(self) -> None:
        """Show the bar with the editor's selection (if on one line) to find."""
        chosen = self.editor.textCursor().selectedText()
        if chosen and "\u2029" not in chosen:
            self.field.setText(chosen)
        self.setVisible(True)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.setVisible(False)
        self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
        else:
            super().keyPressEvent(event)

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _flags(self, backward: bool) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        return flags

    def _find(self, *, backward: bool) -> bool:
        words = self.field.text()
        if not words:
            self.status.setText("")
            return False
        flags = self._flags(backward)
        if self.editor.find(words, flags):
            self.status.setText("")
            return True
        # Round the end (or the start) and try once more, as editors do.
        cursor = self.editor.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.editor.setTextCursor(cursor)
        found = self.editor.find(words, flags)
        self.status.setText("" if found else translate("FindBar", "Not found"))
        return found

    def _search_from_start_of_selection(self) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.editor.setTextCursor(cursor)
        if self.field.text():
            self.find_next()
        else:
            self.status.setText("")


def _cheat_sheet() -> str:
    return translate(
        "MarkdownHelp",
        """
<h3>Markdown in a minute</h3>
<table cellspacing="0" cellpadding="4">
<tr><th align="left">You type</th><th align="left">You get</th></tr>
<tr><td><code># Heading</code>, <code>## Smaller</code></td><td>headings</td></tr>
<tr><td><code>**bold**</code>, <code>*italic*</code>, <code>~~struck~~</code></td>
<td><b>bold</b>, <i>italic</i>, <s>struck</s></td></tr>
<tr><td><code>`code`</code></td><td><code>code</code></td></tr>
<tr><td><code>[SMTPeter](https://www.smtpeter.com)</code></td><td>a link</td></tr>
<tr><td><code>![logo](logo.png)</code></td>
<td>an image: a file of this computer goes inside the message; a relative path is read
from the draft's folder</td></tr>
<tr><td><code>- item</code> (two spaces more to nest)</td><td>a list</td></tr>
<tr><td><code>1. first</code> or <code>1) first</code></td><td>a numbered list</td></tr>
<tr><td><code>- [ ] to do</code>, <code>- [x] done</code></td><td>a task list</td></tr>
<tr><td><code>&gt; quoted</code></td><td>a quote</td></tr>
<tr><td><code>```</code> lines <code>```</code></td><td>a code block</td></tr>
<tr><td><code>| a | b |</code> then <code>|---|---|</code></td><td>a table</td></tr>
<tr><td><code>text[^1]</code> and <code>[^1]: note</code></td><td>a footnote</td></tr>
<tr><td><code>---</code></td><td>a line across</td></tr>
</table>
<p>Keys: Ctrl+B bold, Ctrl+I italic, Ctrl+E code, Ctrl+K link, Ctrl+F find,
Ctrl+P print, Ctrl+Return send.</p>
""",
    )


class MarkdownHelp(QDialog):
    """The cheat sheet: what to type for each kind of formatting (F1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MarkdownHelp", "Markdown Cheat Sheet"))
        self.setAccessibleName(translate("MarkdownHelp", "Markdown cheat sheet"))
        self.resize(560, 560)
        self.text = QTextBrowser(self)
        self.text.setHtml(_cheat_sheet())
        self.text.setOpenLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Print ``document`` (the rendered message) on ``printer``."""
    document.print_(printer)
