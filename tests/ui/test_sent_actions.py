"""Sent keeps every message's exact bytes: view them (any account), save the .eml, edit as
new, forward with the attachments, delete after asking, search, and a context menu.

Real parts: messages really sent over SMTP to a sandbox, the app's mailbox.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.profiles import Profile
from tests.helpers.accounts import attachment
from tests.ui.panes_fixtures import *  # noqa: F403
from tests.ui.panes_fixtures import draft_for
from tests.ui.shell_helpers import button, wait_dialog

from smtpeter_desktop.ui.message_viewer import MessageViewer
from smtpeter_desktop.ui.sent_pane import SentPane


@pytest.fixture
def pane(qtbot: Any, context: AppContext, postman: Postman) -> Iterator[SentPane]:
    made = SentPane(context, postman)
    qtbot.addWidget(made)
    made.resize(900, 700)
    made.show()
    yield made
    made.shutdown()


def _sent(postman: Postman, profile: Profile, **fields: Any) -> int:
    queued = postman.queue(draft_for(profile, **fields))
    outcome = postman.send(queued.id)
    assert outcome.result is Result.SENT, outcome.error
    return queued.id


def _exact(postman: Postman, id: int) -> bytes:
    with postman.mailbox.message(id).open() as reader:
        return reader.read()


def _row(pane: SentPane, row: int) -> QTreeWidgetItem:
    item = pane.list.topLevelItem(row)
    assert item is not None
    return item


def _viewer(pane: SentPane, qtbot: Any) -> MessageViewer:
    qtbot.waitUntil(lambda: pane.viewer is not None, timeout=5000)
    assert pane.viewer is not None
    return pane.viewer


def test_an_smtp_message_is_shown_and_saved_exactly(
    qtbot: Any,
    pane: SentPane,
    postman: Postman,
    smtp_account: tuple[Profile, Sandbox],
    tmp_path: Path,
) -> None:
    profile, _ = smtp_account
    id = _sent(postman, profile, body="# Hello\n\nThe **numbers** are in.\n", bcc="hid@example.net")
    pane.refresh()
    assert pane.captured_button.isHidden(), "the sandbox's capture only for the sandbox"
    assert pane.open_button.isEnabled()
    pane.open_button.click()
    viewer = _viewer(pane, qtbot)
    assert viewer.windowTitle() == "Sent message — Quarterly numbers"
    assert "numbers" in viewer.html_view.toPlainText()
    assert "**numbers**" in viewer.text_view.toPlainText()
    exact = _exact(postman, id)
    assert viewer.source_view.toPlainText() == exact.decode().replace("\r\n", "\n")
    assert "hid@example.net" in viewer.fields["Bcc"].text()
    assert viewer.open_button.isHidden(), "no file of its own to hand to a mail app"
    target = tmp_path / "saved.eml"
    assert viewer.save_to(target) == ""
    assert target.read_bytes() == exact


def test_edit_as_new_and_forward_make_new_drafts(
    qtbot: Any,
    pane: SentPane,
    postman: Postman,
    smtp_account: tuple[Profile, Sandbox],
    tmp_path: Path,
) -> None:
    profile, _ = smtp_account
    report = attachment(tmp_path)
    _sent(postman, profile, body="See the report.\n", attachments=(report,))
    pane.refresh()
    drafts: list[Draft] = []
    pane.new_draft_requested.connect(drafts.append)

    pane.edit_button.click()
    [again] = drafts
    assert again.to == "Bob <bob@example.org>" and again.body == "See the report.\n"
    assert again.attachments == (report,)

    original = Path(report.path).read_bytes()
    Path(report.path).unlink()  # forwarding takes the files from the sent bytes
    pane.forward_button.click()
    qtbot.waitUntil(lambda: len(drafts) == 2, timeout=5000)
    forwarded = drafts[1]
    assert forwarded.subject == "Fwd: Quarterly numbers"
    assert forwarded.to == ""
    assert "---------- Forwarded message ----------" in forwarded.body
    assert "> See the report." in forwarded.body
    [kept] = forwarded.attachments
    assert kept.filename == report.filename
    assert Path(kept.path).read_bytes() == original


def test_search_delete_and_the_context_menu(
    qtbot: Any, pane: SentPane, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = smtp_account
    _sent(postman, profile, subject="Invoice March", to="ann@example.com")
    keep = _sent(postman, profile, subject="Team lunch", to="bob@example.org")
    pane.refresh()

    pane.search.setText("invoice")
    shown = [_row(pane, r) for r in range(pane.list.topLevelItemCount())]
    assert [i.text(2) for i in shown if not i.isHidden()] == ["Invoice March"]
    assert pane.current_id() != keep
    pane.search.setText("bob")
    assert [i.text(2) for i in shown if not i.isHidden()] == ["Team lunch"]
    pane.search.clear()

    rect = pane.list.visualItemRect(_row(pane, 0))
    pane.list.customContextMenuRequested.emit(rect.center())
    assert pane.menu is not None
    names = [a.text() for a in pane.menu.actions() if a.text()]
    assert names == ["Open Message", "Save As…", "Edit as New", "Forward", "Resend…", "Delete…"]

    pane.select(keep)
    pane.delete_button.click()
    box = wait_dialog(qtbot, QMessageBox)
    assert "Team lunch" in box.text()
    button(box, "Delete").click()
    qtbot.waitUntil(lambda: pane.list.topLevelItemCount() == 1, timeout=5000)
    assert _row(pane, 0).text(2) == "Invoice March"


def test_resend_asks_then_queues_an_smtp_message_again(
    qtbot: Any, pane: SentPane, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = smtp_account
    id = _sent(postman, profile, subject="Team lunch")
    pane.refresh()
    pane.select(id)
    queued: list[int] = []
    pane.resend_queued.connect(queued.append)
    pane.resend_button.click()
    box = wait_dialog(qtbot, QMessageBox)
    assert "Send “Team lunch” again" in box.text()
    button(box, "Send Again").click()
    qtbot.waitUntil(lambda: len(queued) == 1, timeout=5000)
    assert queued[0] != id
    assert _exact(postman, queued[0]) == _exact(postman, id)
    assert "Queued again" in pane.status.text()
