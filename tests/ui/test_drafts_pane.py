"""Drafts in the sidebar, beside Outbox and Sent: list, open, delete.

Real parts: the main window on the test's home, its mailbox and draft keeper.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from tests.ui.shell_helpers import Windows, button, shown_messages, wait_dialog, windows

__all__ = ["shown_messages", "windows"]


def _subjects(window: Any) -> list[str]:
    tree = window.drafts.list
    return [tree.topLevelItem(row).text(0) for row in range(tree.topLevelItemCount())]


def test_drafts_are_listed_opened_and_deleted_from_the_sidebar(
    windows: Windows, qtbot: Any
) -> None:
    window = windows()
    compose = window.compose
    compose.subject.setText("Agenda for Monday")
    compose.editor.setPlainText("Points to discuss.")
    window.keeper.save_now()
    window.new_message()
    compose.subject.setText("Offer for the spring")
    window.keeper.save_now()

    window.show_pane("drafts")
    assert window.current_pane() == "drafts" and window.drafts.isVisible()
    assert sorted(_subjects(window)) == ["Agenda for Monday", "Offer for the spring"]
    assert window.drafts.open_button.isVisible() and window.drafts.delete_button.isVisible()

    agenda = _subjects(window).index("Agenda for Monday")
    window.drafts.list.setCurrentItem(window.drafts.list.topLevelItem(agenda))
    window.drafts.open_button.click()
    assert window.current_pane() == "compose"
    assert compose.subject.text() == "Agenda for Monday"

    window.show_pane("drafts")
    offer = _subjects(window).index("Offer for the spring")
    window.drafts.list.setCurrentItem(window.drafts.list.topLevelItem(offer))
    window.drafts.delete_button.click()
    box = wait_dialog(qtbot, QMessageBox)
    button(box, "Delete").click()
    qtbot.waitUntil(lambda: "Offer for the spring" not in _subjects(window), timeout=5000)
    assert window.drafts.isVisible(), "the pane stays; only the draft went"
