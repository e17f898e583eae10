"""The Markdown editor: a monospace plain-text editor and its syntax highlighter.

The highlighter works one block (line) at a time, as ``QSyntaxHighlighter`` intends: a
keystroke re-highlights its own line, and the lines after it only while their state (inside a
fenced code block or not) changes. A 100 KB text therefore types as fast as a short one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import theme
from smtpeter_desktop.ui.spell_check import Speller

INDENT = "    "

# Block states: the low bits say "inside a fence" (which character, how long); one bit says
# "this line is a setext heading", so that removing its underline can undo the heading.
_NORMAL = 0
_SETEXT = 1 << 20
_FENCE_MASK = _SETEXT - 1

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_SETEXT_LINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^ {0,3}(?:>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?=\s)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_IMAGE_OR_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.)*)\](\([^)\s]*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])"
)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]+>|\bhttps?://[^\s<>()]+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])"
)
_HTML = re.compile(r"<!--.*?(?:-->|$)|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_PIPE = re.compile(r"(?<!\\)\|")


def _fence_state(marker: str) -> int:
    """A fence's state: its character and its length, so only a matching fence closes it."""
    return (2 if marker[0] == "~" else 1) | (len(marker) << 2)


def _closes(state: int, text: str) -> bool:
    match = _FENCE.match(text)
    if not match or text[match.end() :].strip():
        return False
    marker = match.group(1)
    same_char = (marker[0] == "~") == (state & 3 == 2)
    return same_char and len(marker) >= state >> 2


def is_setext_underline(text: str) -> bool:
    return bool(_SETEXT_LINE.match(text))


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown: headings, emphasis, code, links, lists, quotes, tables and HTML.

    Colours come from the palette given to ``set_palette`` (the editor passes its own and
    passes it again when the system switches between light and dark).
    """

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self._reformatting = False
        self.set_palette(palette, rehighlight=False)
        document.contentsChange.connect(self._on_contents_change)

    def set_palette(self, palette: QPalette, *, rehighlight: bool = True) -> None:
        def make(
            color: str | None = None,
            *,
            bold: bool = False,
            italic: bool = False,
            underline: bool = False,
            background: bool = False,
        ) -> QTextCharFormat:
            fmt = QTextCharFormat()
            if color is not None:
                fmt.setForeground(colors[color])
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if italic:
                fmt.setFontItalic(True)
            if underline:
                fmt.setFontUnderline(True)
            if background:
                fmt.setBackground(code_background)
            return fmt

        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        code_background = theme.blend(base, text, 0.07)
        colors = {
            "heading": theme.accent(palette, 212),
            "marker": theme.accent(palette, 212),
            "code": theme.accent(palette, 20),
            "link": theme.accent(palette, 180),
            "html": theme.accent(palette, 290),
            "muted": theme.muted(palette),
        }
        self._formats = {
            "heading": make("heading", bold=True),
            "marker": make("marker", bold=True),
            "quote": make("muted", italic=True),
            "code": make("code", background=True),
            "fence": make("muted", background=True),
            "link": make("link", underline=True),
            "url": make("muted"),
            "strong": make(bold=True),
            "emphasis": make(italic=True),
            "html": make("html"),
            "pipe": make("muted", bold=True),
        }
        if rehighlight:
            self.rehighlight()

    def format_for(self, name: str) -> QTextCharFormat:
        """The format used for one kind of Markdown ("heading", "code"...), for tests."""
        return self._formats[name]

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        fence = previous & _FENCE_MASK if previous > 0 else 0
        if fence:
            if _closes(fence, text):
                self.setFormat(0, len(text), self._formats["fence"])
                self.setCurrentBlockState(_NORMAL)
            else:
                self.setFormat(0, len(text), self._formats["code"])
                self.setCurrentBlockState(fence)
            return
        opening = _FENCE.match(text)
        if opening and not (opening.group(1)[0] == "`" and "`" in text[opening.end() :]):
            self.setFormat(0, len(text), self._formats["fence"])
            self.setCurrentBlockState(_fence_state(opening.group(1)))
            return
        self.setCurrentBlockState(_NORMAL)
        self._highlight_line(text)

    def _highlight_line(self, text: str) -> None:
        formats = self._formats
        if _ATX.match(text):
            self.setFormat(0, len(text), formats["heading"])
            self._highlight_code_spans(text)
            return
        if self._is_setext_heading(text):
            self.setFormat(0, len(text), formats["heading"])
            self.setCurrentBlockState(_SETEXT)
            return
        if (_SETEXT_LINE.match(text) and self._follows_text()) or _RULE.match(text):
            self.setFormat(0, len(text), formats["marker"])
            return
        if quote := _QUOTE.match(text):
            self.setFormat(quote.end(), len(text) - quote.end(), formats["quote"])
            self.setFormat(0, quote.end(), formats["marker"])
        if bullet := _LIST.match(text[quote.end() if quote else 0 :]):
            start = quote.end() if quote else 0
            self.setFormat(start, bullet.end(), formats["marker"])
        self._highlight_inline(text)

    def _highlight_inline(self, text: str) -> None:
        formats = self._formats
        spans = self._highlight_code_spans(text)

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in spans)

        if "|" in text:
            for match in _PIPE.finditer(text):
                if free(match.start(), match.end()):
                    self.setFormat(match.start(), 1, formats["pipe"])
        for pattern, name in ((_STRONG, "strong"), (_EMPHASIS, "emphasis")):
            for match in pattern.finditer(text):
                if free(match.start(), match.end()):
                    self.setFormat(match.start(), match.end() - match.start(), formats[name])
        if "<" in text:
            for match in _HTML.finditer(text):
                if free(match.start(), match.end()):
                    self.setFormat(match.start(), match.end() - match.start(), formats["html"])
        if "[" in text:
            for match in _IMAGE_OR_LINK.finditer(text):
                if not free(match.start(), match.end()):
                    continue
                label_end = match.start(3)
                self.setFormat(match.start(), label_end - match.start(), formats["link"])
                self.setFormat(label_end, match.end() - label_end, formats["url"])
        if ":" in text:
            for match in _AUTOLINK.finditer(text):
                if free(match.start(), match.end()):
                    self.setFormat(match.start(), match.end() - match.start(), formats["link"])

    def _highlight_code_spans(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        if "`" in text:
            for match in _CODE_SPAN.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._formats["code"])
                spans.append((match.start(), match.end()))
        return spans

    def _is_setext_heading(self, text: str) -> bool:
        if not text.strip() or _LIST.match(text) or _QUOTE.match(text):
            return False
        following = self.currentBlock().next()
        return following.isValid() and is_setext_underline(following.text())

    def _follows_text(self) -> bool:
        before = self.currentBlock().previous()
        return before.isValid() and before.userState() > 0 and bool(before.userState() & _SETEXT)

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        """Typing or removing a setext underline changes the line above it, too."""
        if self._reformatting:
            return
        block = self.document().findBlock(position)
        before = block.previous()
        if not before.isValid():
            return
        was_heading = before.userState() > 0 and bool(before.userState() & _SETEXT)
        if was_heading or is_setext_underline(block.text()):
            self._reformatting = True
            try:
                self.rehighlightBlock(before)
            finally:
                self._reformatting = False


class MarkdownEditor(QPlainTextEdit):
    """The message body: Markdown in a monospace font, highlighted, wrapped at the widget's width.

    Tab inserts four spaces (and indents selected lines); Shift+Tab removes them. Ctrl+Tab
    and Ctrl+Shift+Tab move the focus out, as in other text editors. ``spelling`` underlines
    misspelled words once enabled, and its suggestions head the right-click menu.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("MarkdownEditor", "Body"))
        self.setPlaceholderText(translate("MarkdownEditor", "Write your message in Markdown…"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # A long URL wraps at the edge instead of running out of sight.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(False)
        self._family = ""
        self._size = 0
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        self.spelling = Speller(self)
        self.set_editor_font()

    def set_editor_font(self, family: str = "", size: int = 0) -> None:
        """Use ``family`` at ``size`` points; empty or 0 means the system's monospace font."""
        self._family, self._size = family, size
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if family:
            font.setFamily(family)
        if size > 0:
            font.setPointSize(size)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * len(INDENT))

    def editor_font(self) -> tuple[str, int]:
        """The family and size last set ("" and 0 for the system's monospace font)."""
        return self._family, self._size

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.palette())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        position = self.cursorForPosition(event.pos()).position()
        spelling = self.spelling.actions_at(position, menu)
        if spelling and menu.actions():  # the standard menu always has Undo, Copy...
            first = menu.actions()[0]
            menu.insertActions(first, spelling)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        # QPlainTextEdit refuses to give the focus away while Tab is its own: ask QWidget.
        if key == Qt.Key.Key_Tab and mods == ctrl:
            QWidget.focusNextPrevChild(self, True)
        elif key == Qt.Key.Key_Backtab and mods & ctrl:
            QWidget.focusNextPrevChild(self, False)
        elif key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            self._indent()
        elif key == Qt.Key.Key_Backtab:
            self._dedent()
        else:
            super().keyPressEvent(event)

    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(max(cursor.selectionStart(), cursor.selectionEnd() - 1))
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        return blocks

    def _indent(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or len(self._selected_blocks()) < 2:
            cursor.insertText(INDENT)
            return
        cursor.beginEditBlock()
        for block in self._selected_blocks():
            line = QTextCursor(block)
            line.insertText(INDENT)
        cursor.endEditBlock()

    def _dedent(self) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks():
            spaces = len(block.text()) - len(block.text().lstrip(" "))
            if spaces:
                line = QTextCursor(block)
                line.movePosition(
                    QTextCursor.MoveOperation.Right,
                    QTextCursor.MoveMode.KeepAnchor,
                    min(spaces, len(INDENT)),
                )
                line.removeSelectedText()
        cursor.endEditBlock()
