"""Every visible string of the window's own parts goes through ``translate``.

A pseudo-translation marks each translated string with ⟦ ⟧; then the compose, Sent and
Drafts panes, the check panel and the menus are built, and every button, field label,
tooltip, placeholder, accessible name, list header and menu entry of the parts listed in
``OWNED`` (shown or hidden) must carry the mark. A string written without ``translate`` shows
up unmarked and is named in the failure.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from smtpeter_desktop import i18n
from tests.ui.shell_helpers import Windows, shown_messages, windows

from smtpeter_desktop.ui.messages import MessageBar

__all__ = ["shown_messages", "windows"]

MARK = "⟦"
OWNED = {
    "address_field",
    "attachments",
    "check_panel",
    "check_view",
    "compose_pane",
    "drafts",
    "menus",
    "messages",
    "preview",
    "sent_pane",
    "sidebar",
}
"""The modules (of ``smtpeter_desktop.ui``) whose widgets this test reads."""


@pytest.fixture
def pseudo() -> Iterator[None]:
    i18n.install(lambda _context, text, _n: f"{MARK}{text}⟧")
    try:
        yield
    finally:
        i18n.install(None)


def _owner(widget: QWidget) -> str:
    """The module of the nearest ``smtpeter_desktop.ui`` class the widget belongs to."""
    current: Any = widget
    while current is not None:
        module = inspect.getmodule(type(current))
        name = module.__name__ if module is not None else ""
        if name.startswith("smtpeter_desktop.ui."):
            return name.rsplit(".", 1)[1]
        current = current.parentWidget()
    return ""


def _unmarked(root: QWidget, pages: list[QWidget], data: list[QWidget]) -> list[str]:
    """What the widgets of ``OWNED`` say without the mark. ``pages`` are the window's panes:
    the window (not these parts) gives them their accessible names; ``data`` are labels that
    show what another part made (the sender's account name)."""
    found: list[str] = []

    def check(widget: QWidget, what: str, text: str) -> None:
        if text.strip() and MARK not in text:
            found.append(f"{_owner(widget)}: {type(widget).__name__} {what}: {text!r}")

    for widget in [root, *root.findChildren(QWidget)]:
        if _owner(widget) not in OWNED or _standard(widget) or _callers(widget):
            continue
        check(widget, "tooltip", widget.toolTip())
        if widget not in pages:
            check(widget, "accessible name", widget.accessibleName())
        if isinstance(widget, QAbstractButton) and len(widget.text()) > 1:
            check(widget, "text", widget.text())
        if isinstance(widget, QLabel) and widget not in data:
            check(widget, "label", widget.text())
        if isinstance(widget, QLineEdit):
            check(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QTextEdit):
            check(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QTreeWidget) and not widget.isHeaderHidden():
            header = widget.headerItem()
            for column in range(widget.columnCount()):
                check(widget, "header", header.text(column))
    return found


def _callers(widget: QWidget) -> bool:
    """A message bar's text and buttons: their words are the caller's (the window's banners),
    checked with the caller; the bar's own close button is checked here."""
    bar = widget.parentWidget()
    return isinstance(bar, MessageBar) and widget is not bar.close_button


def _standard(widget: QWidget) -> bool:
    """A dialog's standard button (Close, Cancel): Qt's own catalogue translates it."""
    box = widget.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and isinstance(widget, QPushButton)
        and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
    )


def _menu_entries(menu: QMenu) -> list[str]:
    found = [] if MARK in menu.title() else [f"menus: menu {menu.title()!r}"]
    for action in menu.actions():
        if not action.isSeparator():
            for what, text in (("entry", action.text()), ("tooltip", action.toolTip())):
                if MARK not in text:
                    found.append(f"menus: {what} {text!r}")
    return found


def test_the_window_s_own_parts_show_only_translated_words(pseudo: None, windows: Windows) -> None:
    window = windows()
    assert window.compose is not None
    window.compose.set_extras_visible(True)
    window.compose.set_options_visible(True)
    window.compose.check_panel.checking()
    pages = [window.stack.widget(i) for i in range(window.stack.count())]
    data: list[QWidget] = [window.compose.profile_label]
    found = _unmarked(window, pages, data)
    for key in ("sent", "drafts"):
        window.show_pane(key)
        found += _unmarked(window, pages, data)
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found += _menu_entries(menu)
    # The drafts pane keeps Open and Delete and hides Close, whatever the buttons say.
    pane = window.drafts
    assert pane.open_button.isVisibleTo(pane) and pane.delete_button.isVisibleTo(pane)
    labels = [w for w in window.findChildren(QLabel) if _owner(w) in OWNED]
    assert labels, "the panes were built"
    assert not sorted(set(found)), "\n".join(sorted(set(found)))


def test_names_read_as_constants_are_translated_when_read(pseudo: None) -> None:
    from smtpeter_desktop.inspection.findings import Report

    from smtpeter_desktop.ui import check_panel, lists, preview, sent_pane, sidebar

    for text in (
        lists.ARRIVED,
        lists.SEND_AGAIN,
        lists.SEND_NOW,
        check_panel.SPAM_MISSING,
        preview.TOO_DEEP,
        sent_pane.EMPTY_TEXT,
        sidebar.pane_label("outbox"),
        check_panel.check_name("domain"),
        check_panel.summary(Report(), spam_done=False),
    ):
        assert MARK in text, text
    i18n.install(None)
    assert lists.SEND_AGAIN == "Send A&gain", "English again once the catalogue goes"


def test_english_plurals_read_as_before() -> None:
    from smtpeter_desktop.inspection.findings import Finding, Report, Severity

    from smtpeter_desktop.ui import check_panel

    def summary(count: int, severity: Severity) -> str:
        found = tuple(Finding("links", f"f{i}", severity, "x") for i in range(count))
        return check_panel.summary(Report(findings=found), spam_done=True)

    assert summary(1, Severity.WARNS) == "1 warning"
    assert summary(2, Severity.WARNS) == "2 warnings"
    assert summary(1, Severity.BLOCKS) == "1 problem blocks sending"
    assert summary(3, Severity.BLOCKS) == "3 problems block sending"


def test_list_times_name_the_month_in_the_locale_s_language() -> None:
    import datetime

    from PySide6.QtCore import QLocale

    from smtpeter_desktop.ui import lists

    now = datetime.datetime(2026, 12, 3, 9, 0).timestamp()
    march = datetime.datetime(2026, 3, 12, 14, 5).timestamp()
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert lists.when(march, now) == "12 Mar 14:05"
        assert lists.when(march, now + 365 * 86400) == "12 Mar 2026"
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        dutch = QLocale().monthName(3, QLocale.FormatType.ShortFormat)
        assert dutch != "Mar"
        assert lists.when(march, now) == f"12 {dutch} 14:05"
    finally:
        QLocale.setDefault(before)


EXTRACTED = sorted(
    {
        *OWNED,
        "address_book",
        "appearance",
        "crash",
        "draft_recovery",
        "lists",
        "message_viewer",
        "recovery",
        "single_instance",
        "theme",
    }
)


@pytest.mark.parametrize("module", EXTRACTED)
def test_every_translate_call_is_one_pyside6_lupdate_extracts(module: str) -> None:
    """pyside6-lupdate takes a call with two literal strings (or four positional arguments);
    it skips, without a word, one with a keyword (``n=``) or a text built at run time."""
    import ast
    from pathlib import Path

    import smtpeter_desktop.ui

    path = Path(smtpeter_desktop.ui.__file__).parent / f"{module}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "translate"
        and (
            node.keywords
            or len(node.args) != 2
            or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        )
    ]
    assert not wrong, wrong
