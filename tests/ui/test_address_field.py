"""Address fields: checked as the user types, the bad entry named, completion after a comma."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from smtpeter_desktop.ui.address_field import DEBOUNCE_MS, AddressField


@pytest.fixture
def field(qtbot) -> Iterator[AddressField]:
    holder = QWidget()
    qtbot.addWidget(holder)
    widget = AddressField("To", holder)
    other = QLineEdit(holder)
    other.setObjectName("other")
    widget.move(0, 0)
    other.move(0, 40)
    holder.show()
    qtbot.waitExposed(holder)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    yield widget  # holder stays referenced, and alive, for the test


def test_a_bad_entry_is_marked_and_named_after_a_pause(field: AddressField, qtbot) -> None:
    with qtbot.waitSignal(field.problems_changed, timeout=2000):
        qtbot.keyClicks(field, "Ann <ann@example.com>, bob@, ")
    assert field.property("invalid") is True
    [problem] = field.problems()
    assert problem.entry == "bob@"
    assert field.message.text() == (
        "“bob@” is not a valid address: There must be something after the @-sign."
    )
    assert not field.message.isHidden()
    assert "bob@" in field.accessibleDescription()

    field.setCursorPosition(len("Ann <ann@example.com>, bob@"))
    with qtbot.waitSignal(field.problems_changed, timeout=2000):
        qtbot.keyClicks(field, "example.org")
    assert field.problems() == ()
    assert field.property("invalid") is False
    assert field.message.isHidden()
    assert [a.address for a in field.addresses()] == ["ann@example.com", "bob@example.org"]


def test_leaving_the_field_checks_at_once(field: AddressField, qtbot) -> None:
    qtbot.keyClicks(field, "nobody")
    assert field.property("invalid") is False  # still typing: no red frame yet
    holder = field.parentWidget()
    assert holder is not None
    other = holder.findChild(QLineEdit, "other")
    assert other is not None
    other.setFocus()
    qtbot.waitUntil(lambda: field.property("invalid") is True, timeout=1000)


def test_text_set_by_code_is_checked_at_once(qtbot) -> None:
    widget = AddressField("Cc")
    qtbot.addWidget(widget)
    widget.setText("a@b.example; c@")
    assert [p.entry for p in widget.problems()] == ["c@"]
    assert "“c@”" in widget.message.text()


def test_many_problems_are_summed_up_in_one_line(qtbot) -> None:
    widget = AddressField("Bcc")
    qtbot.addWidget(widget)
    widget.setText("a@, b@, c@, d@")
    assert widget.message.text() == (
        "“a@” is not a valid address: There must be something after the @-sign. (+ 3 more)"
    )
    assert widget.message.toolTip().count("\n") == 3  # every problem, for the curious


def test_the_entry_being_typed_is_not_judged_yet(field: AddressField, qtbot) -> None:
    qtbot.keyClicks(field, "ann@")
    qtbot.wait(DEBOUNCE_MS + 200)  # the pause after which a finished entry would be marked
    assert field.property("invalid") is False
    assert field.message.isHidden()
    with qtbot.waitSignal(field.problems_changed, timeout=2000):
        qtbot.keyClicks(field, ", bo")  # a separator finishes "ann@"
    assert [p.entry for p in field._problems] == ["ann@"]
    assert field.property("invalid") is True
    # Sending asks about everything, the entry being typed included.
    assert [p.entry for p in field.problems()] == ["ann@", "bo"]


def test_a_pasted_column_becomes_a_comma_list_and_a_count(field: AddressField, qtbot) -> None:
    column = "\n".join(f"person{n}@example.com" for n in range(12)) + "\n"
    QGuiApplication.clipboard().setText(column)
    field.paste()
    assert "\n" not in field.text()
    assert field.text().startswith("person0@example.com, person1@example.com, ")
    assert len(field.addresses()) == 12
    holder = field.parentWidget()
    assert holder is not None
    other = holder.findChild(QLineEdit, "other")
    assert other is not None
    other.setFocus()
    qtbot.waitUntil(lambda: field.message.text() == "12 addresses.", timeout=1000)
    assert field.property("invalid") is False


def test_completion_replaces_the_entry_after_the_last_comma(field: AddressField, qtbot) -> None:
    field.set_known_addresses(["Bob Jansen <bob@example.org>", "Carla <carla@example.net>"])
    qtbot.keyClicks(field, "bob@example.org, car")
    qtbot.waitUntil(field.completer_popup_visible, timeout=1000)
    popup = field._completer.popup()
    assert popup is not None
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "bob@example.org, Carla <carla@example.net>, "
    assert not field.completer_popup_visible()


def test_completion_matches_inside_names(field: AddressField, qtbot) -> None:
    field.set_known_addresses(["Bob Jansen <bob@example.org>", "Carla <carla@example.net>"])
    qtbot.keyClicks(field, "jans")
    qtbot.waitUntil(field.completer_popup_visible, timeout=1000)
    assert field._completer.completionCount() == 1
    assert field._completer.currentCompletion() == "Bob Jansen <bob@example.org>"
