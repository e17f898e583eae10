"""Spell check in the Markdown editor: red wavy underlines, checked on a thread of its own.

``Speller`` watches one editor. After a pause in typing (``DELAY_MS``) it hands the whole text
to ``SpellWorker`` on the spell thread, which answers with the misspelled words and their
spans (Qt's UTF-16 positions). Only those in and around the visible part become the editor's
extra selections (thousands of them would cost the GUI thread a quarter second; scrolling
shows the others); they are text cursors, so they move with the text typed meanwhile. An
answer for an older text is dropped: the next pause asks again, so typing in a long message
never waits for a check. Which words are looked at (not code, URLs, addresses, Markdown) is
``compose.spellwords``' choice.

Suggestions for the right-click menu come from a checker of the GUI thread's own (Enchant's
dictionaries are not shared between threads). Add to Dictionary keeps the word in the personal
dictionary (``storage.dictionary``) and tells both checkers; Ignore tells them for this session.

``enable(..., when_text=True)`` (a language known to have a dictionary) leaves the thread and
its dictionary until the editor has text: an empty message has nothing to check, and loading
Enchant and a dictionary costs 60-130 ms of CPU (en_US-nl_NL) at a start that has no use for it.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.compose.spelling import SpellChecker
    from smtpeter_desktop.storage.dictionary import PersonalDictionary

__all__ = ["DELAY_MS", "SpellWorker", "Speller", "utf16_spans"]

log = logging.getLogger(__name__)

DELAY_MS = 300
"""How long typing pauses before the text is checked again."""
UNDERLINE = QColor(220, 38, 38)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

Span = tuple[int, int]
Found = tuple[int, int, str]  # start, end (Qt positions) and the word
MARGIN = 3000
"""Characters before and after the visible part that are underlined too (a small scroll)."""


def utf16_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """Python string offsets as Qt's positions, which count a character beyond U+FFFF twice."""
    astral = [found.start() for found in _ASTRAL.finditer(text)]
    if not astral:
        return list(spans)

    def at(offset: int) -> int:
        return offset + bisect.bisect_left(astral, offset)

    return [(at(start), at(end)) for start, end in spans]


class _Latest:
    """The newest text's number, read by the worker to skip texts already out of date."""

    generation = 0


class SpellWorker(QObject):
    """Checks texts with a ``SpellChecker`` of its own; lives in the spell thread.

    Signals:
        checked(int, object): the text of this number has these misspelled spans.
        language_set(str, str): the dictionary now used ("" when none), and why none, in
            words (empty when one is used).
    """

    checked = Signal(int, object)  # generation, list[Found]
    language_set = Signal(str, str)

    def __init__(self, latest: _Latest) -> None:
        super().__init__()
        self._latest = latest
        self._checker: SpellChecker | None = None

    @Slot(str, object)
    def set_language(self, language: str, personal: object) -> None:
        from smtpeter_desktop.compose.spelling import NoDictionary, SpellChecker

        assert isinstance(personal, list)
        try:
            self._checker = SpellChecker(language, personal)
        except NoDictionary as exc:
            self._checker = None
            self.language_set.emit("", exc.hint)
            return
        except Exception:  # a broken dictionary must not end the thread
            log.exception("The spelling dictionary %s could not be loaded", language)
            self._checker = None
            self.language_set.emit("", "")
            return
        self.language_set.emit(self._checker.language, "")

    @Slot(int, str)
    def check(self, generation: int, text: str) -> None:
        # Qt started this thread; its name tells the log (and a test) where checks run.
        threading.current_thread().name = "spell"
        if generation != self._latest.generation:
            return  # typed on meanwhile: the newer text is on its way
        spans: list[Found] = []
        if self._checker is not None:
            try:
                found = self._checker.misspelled(text)
                spans = [
                    (start, end, text[s:e])
                    for (start, end), (s, e) in zip(utf16_spans(text, found), found, strict=True)
                ]
            except Exception:  # no underlines rather than no thread
                log.exception("Spell checking failed")
        self.checked.emit(generation, spans)

    @Slot(str, bool)
    def accept(self, word: str, keep: bool) -> None:
        if self._checker is not None:
            if keep:
                self._checker.add(word)
            else:
                self._checker.ignore(word)


class Speller(QObject):
    """Spell check for one editor: off until ``enable``; see the module docstring.

    Signals:
        language_changed(str, str): the dictionary used now ("" for none) and, when none,
            the hint saying what to install.
        underlined(): new underlines are shown (tests wait for it).
    """

    language_changed = Signal(str, str)
    underlined = Signal()
    _check = Signal(int, str)
    _set_language = Signal(str, object)
    _accept = Signal(str, bool)

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self._enabled = False
        self._waiting_for_text = False  # enabled, the dictionary loads with the first text
        self._wanted = ""
        self._language = ""
        self._dictionary: PersonalDictionary | None = None
        self._suggester: SpellChecker | None = None
        self._latest = _Latest()
        self._thread: QThread | None = None
        self._worker: SpellWorker | None = None
        self._selections: list[QTextEdit.ExtraSelection] = []
        self._found: list[Found] = []  # the last answer, for the whole text
        self._shown_generation = -1
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE)
        self._scrolled = QTimer(self)
        self._scrolled.setSingleShot(True)
        self._scrolled.setInterval(0)
        self._scrolled.timeout.connect(self._show_visible)
        editor.verticalScrollBar().valueChanged.connect(self._scrolled.start)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._ask)
        editor.document().contentsChange.connect(self._on_change)

    # Settings ------------------------------------------------------------------------------

    def enable(
        self,
        language: str,
        dictionary: PersonalDictionary | None = None,
        *,
        when_text: bool = False,
    ) -> None:
        """Check in ``language`` (``nl_NL``, ``en_US``...), with the person's own words.

        ``when_text``: while the editor is empty, load the dictionary with its first text
        rather than now (for a language known to be installed: there is nothing to say
        about it before there is something to check).
        """
        if dictionary is not None:
            self._dictionary = dictionary
        self._enabled = True
        if when_text and self._thread is None and self.editor.document().isEmpty():
            self._wanted = language
            self._waiting_for_text = True
            return
        self._waiting_for_text = False
        if language != self._wanted or self._thread is None:
            self._wanted = language
            self._language = ""
            self._suggester = None
            self._start()
            self._set_language.emit(language, self._personal())
        self._latest.generation += 1
        self._timer.start(0)

    def disable(self) -> None:
        """No spell check: the underlines go; the thread stays for the next ``enable``."""
        self._enabled = False
        self._waiting_for_text = False
        self._timer.stop()
        self._latest.generation += 1
        self._show([])

    def is_enabled(self) -> bool:
        return self._enabled

    def wanted_language(self) -> str:
        """The language asked for, even when it has no dictionary."""
        return self._wanted

    def language(self) -> str:
        """The dictionary in use ("" while none is)."""
        return self._language

    def _personal(self) -> list[str]:
        if self._dictionary is None:
            return []
        from smtpeter_desktop.storage.errors import StorageError

        try:
            return self._dictionary.words()
        except StorageError as exc:
            log.warning("The personal dictionary was not read: %s", exc)
            return []

    def _start(self) -> None:
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName("spell")
        self._worker = SpellWorker(self._latest)
        self._worker.moveToThread(self._thread)
        self._check.connect(self._worker.check)
        self._set_language.connect(self._worker.set_language)
        self._accept.connect(self._worker.accept)
        self._worker.checked.connect(self._on_checked)
        self._worker.language_set.connect(self._on_language_set)
        self._thread.start()

    def shutdown(self) -> None:
        """End the spell thread (the window closes)."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
            self._thread = None
            self._worker = None

    # Checking ------------------------------------------------------------------------------

    def _on_change(self, _position: int, removed: int, added: int) -> None:
        if self._waiting_for_text and added:
            self.enable(self._wanted)
            return
        if self._enabled and (removed or added):
            self._latest.generation += 1
            self._timer.start()

    def _ask(self) -> None:
        if self._enabled and self._thread is not None:
            self._check.emit(self._latest.generation, self.editor.toPlainText())

    def recheck(self) -> None:
        """Check the whole text again now (a word was added or ignored)."""
        if self._enabled:
            self._latest.generation += 1
            self._timer.start(0)

    @Slot(str, str)
    def _on_language_set(self, language: str, hint: str) -> None:
        self._language = language
        self.language_changed.emit(language, hint)

    @Slot(int, object)
    def _on_checked(self, generation: int, found: object) -> None:
        if not self._enabled or generation != self._latest.generation:
            return
        assert isinstance(found, list)
        self._found = found
        self._shown_generation = generation
        self._show_visible()

    def _show(self, found: list[Found]) -> None:
        self._found = found
        self._shown_generation = self._latest.generation
        self._show_visible()

    def _visible_range(self) -> tuple[int, int]:
        editor = self.editor
        first = editor.firstVisibleBlock().position()
        corner = editor.viewport().rect().bottomRight()
        last = editor.cursorForPosition(corner).position()
        return first - MARGIN, last + MARGIN

    def _show_visible(self) -> None:
        """Underline the words of the last answer in and around the visible part."""
        if self._shown_generation != self._latest.generation and self._found:
            return  # typed since: the cursors already there moved along; the answer comes
        low, high = self._visible_range()
        starts = [start for start, _end, _word in self._found]
        begin = bisect.bisect_left(starts, low)
        end_at = bisect.bisect_right(starts, high)
        document = self.editor.document()
        last = document.characterCount() - 1
        selections = []
        for start, end, _word in self._found[begin:end_at]:
            if end > last:
                break
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format
            selections.append(selection)
        self._selections = selections
        self.editor.setExtraSelections(selections)
        self.underlined.emit()

    def misspelled(self) -> list[Found]:
        """The misspelled words of the last answer, in the whole text: (start, end, word)."""
        return list(self._found)

    def word_at(self, position: int) -> Found | None:
        """The underlined word at ``position``, if there is one (as the text is now)."""
        for selection in self._selections:
            cursor = selection.cursor
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            if cursor.hasSelection() and start <= position <= end:
                return start, end, cursor.selectedText()
        return None

    # The right-click menu ------------------------------------------------------------------

    def suggestions(self, word: str) -> list[str]:
        """Likely corrections of ``word`` (none when no dictionary is in use)."""
        if not self._language:
            return []
        if self._suggester is None or self._suggester.language != self._language:
            from smtpeter_desktop.compose.spelling import NoDictionary, SpellChecker

            try:
                self._suggester = SpellChecker(self._language)
            except NoDictionary:
                return []
        return self._suggester.suggest(word)

    def actions_at(self, position: int, parent: QObject) -> list[QAction]:
        """The spelling entries of the right-click menu at ``position``: the suggestions,
        Add to Dictionary and Ignore; none when the word there is not underlined."""
        found = self.word_at(position) if self._enabled else None
        if found is None:
            return []
        start, end, word = found
        actions: list[QAction] = []
        suggestions = self.suggestions(word)
        for suggestion in suggestions:
            action = QAction(suggestion, parent)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(
                lambda _=False, s=start, e=end, w=word, r=suggestion: self.replace(s, e, w, r)
            )
            actions.append(action)
        if not suggestions:
            none = QAction(translate("Speller", "No suggestions"), parent)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(translate("Speller", "Add “{word}” to Dictionary").format(word=word), parent)
        add.setObjectName("addToDictionary")
        add.triggered.connect(lambda _=False, w=word: self.add_word(w))
        ignore = QAction(translate("Speller", "Ignore “{word}”").format(word=word), parent)
        ignore.setObjectName("ignoreWord")
        ignore.setToolTip(translate("Speller", "Not underlined again until the app closes"))
        ignore.triggered.connect(lambda _=False, w=word: self.ignore_word(w))
        actions += [add, ignore]
        return actions

    def replace(self, start: int, end: int, word: str, replacement: str) -> None:
        """Put ``replacement`` where ``word`` is (when it is still there), as one undo step."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != word:
            return
        cursor.insertText(replacement)
        self.editor.setTextCursor(cursor)

    def add_word(self, word: str) -> None:
        """Keep ``word`` in the personal dictionary: right from now on, in every message."""
        from smtpeter_desktop.storage.errors import StorageError

        from smtpeter_desktop.ui import messages

        if self._dictionary is not None:
            try:
                self._dictionary.add(word)
            except StorageError as exc:
                messages.warning(
                    translate("Speller", "“{word}” was not added to your dictionary.").format(
                        word=word
                    ),
                    exc.hint or exc.message,
                    key="dictionary",
                )
        self._forget_word(word, keep=True)

    def ignore_word(self, word: str) -> None:
        """Treat ``word`` as right until the app closes."""
        self._forget_word(word, keep=False)

    def _forget_word(self, word: str, *, keep: bool) -> None:
        if self._suggester is not None:
            if keep:
                self._suggester.add(word)
            else:
                self._suggester.ignore(word)
        self._accept.emit(word, keep)
        # Its underlines go at once; the thread confirms with the next check.
        folded = word.casefold()
        self._found = [f for f in self._found if f[2].casefold() != folded]
        kept = [s for s in self._selections if s.cursor.selectedText().casefold() != folded]
        self._selections = kept
        self.editor.setExtraSelections(kept)
        self.recheck()
