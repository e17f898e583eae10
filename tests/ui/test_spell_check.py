"""Spell check in the window: underlines from the spell thread, the right-click entries, the
personal dictionary, the language of a message, and a language without a dictionary.

Real parts: Enchant with the system's hunspell dictionaries (Debian hunspell-en-us and
hunspell-nl, which ``make test`` installs), the spell thread, the personal dictionary file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtGui import QTextCharFormat

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.spelling import NoDictionary, SpellChecker
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.dictionary import PersonalDictionary
from tests.ui.shell_helpers import Windows, shown_messages, windows

from smtpeter_desktop.ui.compose_pane import ComposePane
from smtpeter_desktop.ui.editor import MarkdownEditor
from smtpeter_desktop.ui.spell_check import utf16_spans

__all__ = ["shown_messages", "windows"]


def _installed(language: str) -> bool:
    try:
        SpellChecker(language)
    except NoDictionary:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not (_installed("en_US") and _installed("nl")),
    reason="needs hunspell-en-us and hunspell-nl (make test installs them)",
)


@pytest.fixture
def editor(qtbot) -> Iterator[MarkdownEditor]:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    yield widget
    widget.spelling.shutdown()


def _check(qtbot, editor: MarkdownEditor, text: str, language: str = "en_US", **kw: Any) -> None:
    """Show ``text`` and wait for the spell thread's underlines of it."""
    with qtbot.waitSignal(editor.spelling.underlined, timeout=5000):
        editor.setPlainText(text)
        editor.spelling.enable(language, **kw)


def _words(editor: MarkdownEditor) -> list[str]:
    return [word for _start, _end, word in editor.spelling.misspelled()]


def test_a_misspelling_is_underlined_but_not_code_urls_or_addresses(
    editor: MarkdownEditor, qtbot
) -> None:
    _check(
        qtbot,
        editor,
        "Thank you for the recieve.\n\n`mispeled` code, https://exampel.com/wrnog and "
        "ann@exampel.org\n\n```\nteh code blok\n```\n",
    )
    assert _words(editor) == ["recieve"]
    (selection,) = editor.extraSelections()
    style = selection.format.underlineStyle()
    assert style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    assert selection.cursor.selectedText() == "recieve"


def test_underlines_follow_the_typing(editor: MarkdownEditor, qtbot) -> None:
    _check(qtbot, editor, "All good here.")
    assert _words(editor) == []
    with qtbot.waitSignal(editor.spelling.underlined, timeout=5000):
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(editor, " Wrnog")
    assert _words(editor) == ["Wrnog"]


def test_positions_count_characters_beyond_the_basic_plane_as_qt_does(
    editor: MarkdownEditor, qtbot
) -> None:
    assert utf16_spans("😀 ab", [(2, 4)]) == [(3, 5)]
    _check(qtbot, editor, "😀🎉 Great news: teh launch.")
    assert _words(editor) == ["teh"]


def test_a_suggestion_replaces_the_word(editor: MarkdownEditor, qtbot) -> None:
    _check(qtbot, editor, "We recieve it.")
    position = editor.toPlainText().index("recieve") + 2
    actions = {action.text(): action for action in editor.spelling.actions_at(position, editor)}
    assert "receive" in actions
    with qtbot.waitSignal(editor.spelling.underlined, timeout=5000):
        actions["receive"].trigger()
    assert editor.toPlainText() == "We receive it."
    assert _words(editor) == []
    editor.undo()  # one undo step puts the word back
    assert editor.toPlainText() == "We recieve it."


def test_no_spelling_entries_on_a_word_spelled_right(editor: MarkdownEditor, qtbot) -> None:
    _check(qtbot, editor, "We recieve it.")
    assert editor.spelling.actions_at(1, editor) == []


def test_add_to_dictionary_keeps_the_word_for_every_message(
    editor: MarkdownEditor, qtbot, tmp_path: Path
) -> None:
    dictionary = PersonalDictionary(tmp_path / "dictionary.txt")
    _check(qtbot, editor, "Ask Smtpeterish about it.", dictionary=dictionary)
    assert _words(editor) == ["Smtpeterish"]
    actions = editor.spelling.actions_at(6, editor)
    (add,) = [a for a in actions if a.objectName() == "addToDictionary"]
    assert "Add “Smtpeterish” to Dictionary" in add.text()
    add.trigger()
    assert _words(editor) == [], "its underline goes at once"
    assert dictionary.words() == ["Smtpeterish"]
    assert "Smtpeterish" in (tmp_path / "dictionary.txt").read_text(encoding="utf-8")

    later = MarkdownEditor()
    qtbot.addWidget(later)
    try:
        _check(qtbot, later, "Smtpeterish again, and wrnog.", dictionary=dictionary)
        assert _words(later) == ["wrnog"]
    finally:
        later.spelling.shutdown()


def test_ignore_is_for_this_session_only(editor: MarkdownEditor, qtbot, tmp_path: Path) -> None:
    dictionary = PersonalDictionary(tmp_path / "dictionary.txt")
    _check(qtbot, editor, "Ask Frobnicz and Frobnicz.", dictionary=dictionary)
    assert _words(editor) == ["Frobnicz", "Frobnicz"]
    (ignore,) = [a for a in editor.spelling.actions_at(6, editor) if a.objectName() == "ignoreWord"]
    with qtbot.waitSignal(editor.spelling.underlined, timeout=5000):
        ignore.trigger()
    assert _words(editor) == []
    assert dictionary.words() == []


@pytest.fixture
def pane(qtbot) -> Iterator[ComposePane]:
    widget = ComposePane()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    yield widget
    widget.shutdown()


def test_a_language_without_a_dictionary_is_said_and_the_editor_keeps_working(
    pane: ComposePane, qtbot
) -> None:
    with qtbot.waitSignal(pane.editor.spelling.language_changed, timeout=5000):
        pane.spelling.configure(True, "xx_XX")
    notice = pane.spelling.notice
    assert notice.isVisible()
    assert "No spelling dictionary for xx_XX is installed" in notice.text()
    assert "so spelling is not checked" in notice.text()
    qtbot.keyClicks(pane.editor, "Still wrnog, still typing.")
    assert pane.editor.toPlainText() == "Still wrnog, still typing."
    # Back to a language that is installed: the notice goes, the underlines come.
    with qtbot.waitSignal(pane.editor.spelling.underlined, timeout=5000):
        pane.spelling.choose("en_US")
    assert not notice.isVisible()
    assert _words(pane.editor) == ["wrnog"]


def test_an_empty_message_loads_its_dictionary_with_its_first_text(
    editor: MarkdownEditor, qtbot
) -> None:
    editor.spelling.enable("en_US", when_text=True)
    qtbot.wait(50)
    assert editor.spelling._thread is None  # nothing to check: no Enchant, no dictionary
    assert editor.spelling.is_enabled()
    with qtbot.waitSignal(editor.spelling.underlined, timeout=5000):
        qtbot.keyClicks(editor, "A wrnog word")
    assert editor.spelling.language() == "en_US"
    assert _words(editor) == ["wrnog"]


def test_the_kept_list_of_dictionaries_is_offered_until_enchant_lists_them_again(
    pane: ComposePane, qtbot
) -> None:
    kept: list[list[str]] = []
    pane.spelling.installed_found.connect(kept.append)
    # As a previous run kept it, with a dictionary removed since (xx_XX).
    pane.spelling.configure(True, "en_US", installed=["en_US", "nl", "xx_XX"])
    offered = [pane.spelling.box.itemData(i) for i in range(pane.spelling.box.count())]
    assert offered == ["en_US", "nl_NL", "xx_XX"]
    assert pane.editor.spelling._thread is None
    # The first text loads Enchant, which lists what is installed now.
    with qtbot.waitSignal(pane.editor.spelling.underlined, timeout=5000):
        qtbot.keyClicks(pane.editor, "A wrnog word")
    offered = [pane.spelling.box.itemData(i) for i in range(pane.spelling.box.count())]
    assert "xx_XX" not in offered and offered[:2] == ["en_US", "nl_NL"]
    assert pane.spelling.language() == "en_US"
    assert len(kept) == 1 and "xx_XX" not in kept[0] and "en_US" in kept[0]


def test_a_language_missing_from_the_kept_list_is_said_at_once(pane: ComposePane, qtbot) -> None:
    with qtbot.waitSignal(pane.editor.spelling.language_changed, timeout=5000):
        pane.spelling.configure(True, "xx_XX", installed=["en_US", "nl"])
    assert pane.spelling.notice.isVisible()
    assert "No spelling dictionary for xx_XX is installed" in pane.spelling.notice.text()


def test_each_message_has_its_language_and_a_new_one_starts_in_the_default(
    pane: ComposePane, qtbot
) -> None:
    pane.editor.setPlainText("Het weer is mooi vandaag.")
    with qtbot.waitSignal(pane.editor.spelling.underlined, timeout=5000):
        pane.spelling.configure(True, "en_US")
    assert "vandaag" in _words(pane.editor)
    assert pane.spelling.box.isVisible()
    with qtbot.waitSignal(pane.editor.spelling.underlined, timeout=5000):
        pane.spelling.choose("nl_NL")
    assert _words(pane.editor) == []
    assert pane.spelling.box.currentText() == "Dutch (nl_NL)"
    pane.clear()
    assert pane.spelling.language() == "en_US"


def test_settings_turn_spell_check_off_and_on(windows: Windows, qtbot) -> None:
    window = windows()
    compose, rows = window.compose, window.settings_pane.spell_rows
    assert window.prefs.get(settings.SPELL_CHECK)
    with qtbot.waitSignal(compose.editor.spelling.underlined, timeout=5000):
        rows.language.setCurrentIndex(rows.language.findData("en_US"))
        compose.editor.setPlainText("A wrnog word.")
    assert _words(compose.editor) == ["wrnog"]

    rows.enabled.setChecked(False)

    assert not window.prefs.get(settings.SPELL_CHECK)
    assert compose.editor.extraSelections() == []
    assert not compose.spelling.box.isVisibleTo(compose)
    assert compose.editor.spelling.actions_at(4, compose) == []
    with qtbot.waitSignal(compose.editor.spelling.underlined, timeout=5000):
        rows.enabled.setChecked(True)
    assert _words(compose.editor) == ["wrnog"]
    assert window.prefs.get(settings.SPELL_LANGUAGE) == "en_US"


def test_typing_in_a_long_text_leaves_the_checking_to_the_spell_thread(
    editor: MarkdownEditor, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each keystroke only restarts a timer; the 100 KB text is checked on the spell thread,
    once typing pauses, and an answer for an older text is dropped."""
    import threading

    checked_on: list[str] = []
    misspelled = SpellChecker.misspelled

    def recorded(self: SpellChecker, markdown: str) -> list[tuple[int, int]]:
        checked_on.append(threading.current_thread().name)
        return misspelled(self, markdown)

    monkeypatch.setattr(SpellChecker, "misspelled", recorded)
    text = ("Some plain words and one wrnog one.\n" * 3000)[:100_000]
    _check(qtbot, editor, text)
    assert len(_words(editor)) > 2000
    editor.show()
    qtbot.waitExposed(editor)
    cursor = editor.textCursor()
    cursor.setPosition(50_000)
    editor.setTextCursor(cursor)
    checks = len(checked_on)
    with qtbot.waitSignal(editor.spelling.underlined, timeout=10_000):
        qtbot.keyClicks(editor, " the quick brown fox jumpz ")
    assert set(checked_on) == {"spell"}, "never on the GUI thread"
    assert len(checked_on) - checks <= 2, "one check after the pause, not one per key"
    assert "jumpz" in _words(editor)


def test_only_words_near_the_visible_part_are_underlined_the_rest_as_it_scrolls_in(
    editor: MarkdownEditor, qtbot
) -> None:
    editor.resize(600, 300)
    editor.show()
    qtbot.waitExposed(editor)
    lines = [f"Line {n} is fine." for n in range(3000)]
    lines[2990] = "Near the end a wrnog word."
    lines[1] = "At the top a mispeled word."
    _check(qtbot, editor, "\n".join(lines))
    assert _words(editor) == ["mispeled", "wrnog"]
    assert [s.cursor.selectedText() for s in editor.extraSelections()] == ["mispeled"]
    with qtbot.waitSignal(editor.spelling.underlined, timeout=5000):
        bar = editor.verticalScrollBar()
        bar.setValue(bar.maximum())
    assert [s.cursor.selectedText() for s in editor.extraSelections()] == ["wrnog"]
    position = editor.toPlainText().index("wrnog") + 1
    assert editor.spelling.actions_at(position, editor) != []


def test_the_right_click_menu_starts_with_the_spelling_entries(
    editor: MarkdownEditor, qtbot
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    editor.show()
    qtbot.waitExposed(editor)
    _check(qtbot, editor, "We recieve it.")
    cursor = editor.textCursor()
    cursor.setPosition(5)
    spot = editor.cursorRect(cursor).center()
    seen: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(action.text() for action in menu.actions())
        menu.close()

    QTimer.singleShot(200, read_and_close)
    editor.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, spot, editor.mapToGlobal(spot))
    )
    assert "receive" in seen[:7]
    assert "Add “recieve” to Dictionary" in seen
    assert "Ignore “recieve”" in seen
    assert seen.index("Ignore “recieve”") < seen.index(next(t for t in seen if "Undo" in t))


def _pick(pane: ComposePane, language: str) -> None:
    """Choose ``language`` in the box as a person does (``activated`` is the person's)."""
    box = pane.spelling.box
    box.setCurrentIndex(box.findData(language))
    box.activated.emit(box.currentIndex())


def test_a_drafts_language_is_stored_with_it_and_chosen_again_when_it_opens(
    windows: Windows, qtbot
) -> None:
    window = windows()
    compose = window.compose
    assert compose.spelling.language() == "en_US", "the test home's default"
    compose.subject.setText("Vergadering")
    compose.editor.setPlainText("Het weer is mooi vandaag.")
    _pick(compose, "nl_NL")
    draft_id = window.keeper.save_now()
    assert draft_id is not None
    stored = Draft.from_json(window.postman.mailbox.get(draft_id).draft)
    assert stored.spell_language == "nl_NL"

    window.new_message()
    assert compose.spelling.language() == "en_US", "a new message: the default again"
    assert compose.draft().spell_language == ""

    with qtbot.waitSignal(compose.editor.spelling.underlined, timeout=5000):
        window.flow.open_draft(draft_id)
    assert compose.subject.text() == "Vergadering"
    assert compose.spelling.language() == "nl_NL"
    assert _words(compose.editor) == [], "checked in Dutch, not English"


def test_a_language_chosen_is_a_change_worth_saving_and_an_old_draft_opens_in_the_default(
    pane: ComposePane, qtbot
) -> None:
    pane.spelling.configure(True, "en_US")
    pane.set_draft(Draft(subject="Hoi", spell_language="nl_NL"))
    assert pane.spelling.language() == "nl_NL"
    with qtbot.waitSignal(pane.changed, timeout=1000):
        _pick(pane, "en_US")
    assert pane.draft().spell_language == "en_US"
    # Spell check off and on again: the message's language is not lost.
    pane.set_draft(Draft(subject="Hoi", spell_language="nl_NL"))
    pane.spelling.configure(False, "en_US")
    assert pane.draft().spell_language == "nl_NL"
    pane.spelling.configure(True, "en_US")
    assert pane.spelling.language() == "nl_NL"
    # A draft saved before languages were stored: the default.
    pane.set_draft(Draft(subject="Old"))
    assert pane.spelling.language() == "en_US"
    assert pane.draft().spell_language == ""


def test_a_window_in_dutch_checks_new_messages_in_dutch_on_an_english_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from smtpeter_desktop import i18n

    from smtpeter_desktop.ui.spell_language import default_language

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    assert default_language("") == "en_US"
    # Dutch chosen in Settings: the stand-in lookup only marks the language as installed.
    i18n.install(lambda _context, text, _n: text, "nl")
    try:
        assert default_language("") == "nl_NL"
        assert default_language("en_US") == "en_US"  # the spelling setting still wins
    finally:
        i18n.install(None)
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert default_language("") == "nl_BE"
