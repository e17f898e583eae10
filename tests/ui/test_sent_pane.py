"""The sent pane: receipts of real SMTP and REST sends, delivery events, the captured message."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.profiles import Profile
from tests.ui.panes_fixtures import *  # noqa: F403
from tests.ui.panes_fixtures import draft_for, sandbox_profile

from smtpeter_desktop.ui.lists import TONE_ROLE
from smtpeter_desktop.ui.message_viewer import MessageViewer
from smtpeter_desktop.ui.sent_pane import EMPTY_TEXT, SentPane


@pytest.fixture
def make_pane(qtbot, context: AppContext, postman: Postman) -> Iterator[Callable[[], SentPane]]:
    made: list[SentPane] = []

    def make() -> SentPane:
        pane = SentPane(context, postman)
        qtbot.addWidget(pane)
        pane.resize(900, 700)
        made.append(pane)
        return pane

    yield make
    for pane in made:
        pane.shutdown()


def _sent(postman: Postman, profile: Profile, **fields) -> int:
    queued = postman.queue(draft_for(profile, **fields))
    outcome = postman.send(queued.id)
    assert outcome.result is Result.SENT, outcome.error
    return queued.id


def _text(pane: SentPane) -> str:
    return pane.receipt.toPlainText()


def test_empty(qtbot, make_pane) -> None:
    pane = make_pane()
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == EMPTY_TEXT


def test_an_smtp_receipt_shows_the_server_s_reply(
    qtbot, make_pane, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    box.faults.add("reject=carl@*")
    id = _sent(postman, profile, to="Bob <bob@example.org>, carl@example.org")
    pane = make_pane()
    pane.select(id)
    text = _text(pane)
    assert "Accepted by SMTP" in text
    assert "The server took it for: bob@example.org." in text
    assert "The server's final reply: 250" in text
    assert "Refused recipients" in text and "carl@example.org" in text and "550" in text
    assert "Time taken: " in text and "log-in" in text
    assert pane.events_button.isHidden(), "SMTP sends have no events to ask for"
    assert pane.captured_button.isHidden(), "not the built-in sandbox"
    item = pane.list.topLevelItem(0)
    assert item is not None and item.text(0) == "Sent" and item.text(2) == "Quarterly numbers"
    assert "from Work SMTP" in pane.meta.text()


def test_a_rest_receipt_and_its_delivery_events(
    qtbot, make_pane, postman: Postman, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = rest_account
    box.faults.add("fail=carl@*")
    id = _sent(postman, profile, cc="carl@example.org")
    ids = dict(postman.receipt_of(id).message_ids)  # type: ignore[union-attr]
    pane = make_pane()
    pane.select(id)
    text = _text(pane)
    assert "Accepted by the REST API" in text
    for message_id, recipient in ids.items():
        assert message_id in text and recipient in text
    assert "not asked yet" in text
    assert not pane.events_button.isHidden() and pane.events_button.isEnabled()

    with qtbot.waitSignal(pane.refresh_events_requested, timeout=1000) as signal:
        pane.events_button.click()
    assert signal.args == [id]
    assert not pane.events_button.isEnabled()
    assert pane.status.text() == "Asking SMTPeter…"

    # What the shell's worker does, then tells the pane.
    assert postman.refresh_events(id) == "failed"
    pane.events_refreshed(id, None)
    assert pane.events_button.isEnabled()
    assert pane.status.text() == ""
    text = _text(pane)
    assert "Delivery events" in text
    assert "Delivered" in text and "Delivery failed" in text
    assert "550 User unknown" in text
    assert "Last asked" in text
    item = pane.list.topLevelItem(0)
    assert item is not None
    assert (item.text(0), item.data(0, TONE_ROLE)) == ("Partly delivered", "wait")


def test_events_that_could_not_be_fetched_are_said(
    qtbot, make_pane, postman: Postman, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = rest_account
    id = _sent(postman, profile)
    pane = make_pane()
    pane.select(id)
    pane.events_button.click()
    pane.events_refreshed(id, "The server did not answer in time.")
    assert pane.status.text() == "SMTPeter could not be asked: The server did not answer in time."
    assert pane.events_button.isEnabled()


def test_the_captured_message_is_the_exact_mail(
    qtbot,
    make_pane,
    postman: Postman,
    context: AppContext,
    tmp_path: Path,
    opened_urls: list[QUrl],
) -> None:
    logo = QImage(3, 2, QImage.Format.Format_RGB32)
    logo.fill(0x3D7BD9)
    assert logo.save(str(tmp_path / "logo.png"))
    profile = sandbox_profile(context.profiles.load())
    id = _sent(
        postman,
        profile,
        bcc="hidden@example.net",
        body="# Hello\n\n![logo](logo.png)\n\nThe numbers are in.\n",
        base_dir=str(tmp_path),
    )
    receipt = postman.receipt_of(id)
    assert receipt is not None
    captured = context.sandbox.captured(receipt)
    assert captured is not None
    pane = make_pane()
    pane.select(id)
    assert "built-in test server" in _text(pane)
    assert not pane.captured_button.isHidden()
    pane.captured_button.click()
    qtbot.waitUntil(lambda: pane.viewer is not None, timeout=5000)
    viewer = pane.viewer
    assert isinstance(viewer, MessageViewer)

    assert viewer.source_view.toPlainText() == captured.raw().decode().replace("\r\n", "\n")
    assert viewer.fields["To"].text() == "Bob <bob@example.org>"
    assert "Cc" not in viewer.fields
    bcc = viewer.fields["Bcc"].text()
    assert bcc.startswith("hidden@example.net") and "not in the header" in bcc
    assert "Track clicks: on" in viewer.fields["Options"].text()
    assert "The numbers are in." in viewer.html_view.toPlainText()
    assert "The numbers are in." in viewer.text_view.toPlainText()
    (cid,) = viewer.message.images
    image = viewer.html_view.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(f"cid:{cid}")
    )
    assert isinstance(image, QImage) and not image.isNull() and image.width() == 3

    viewer.open_button.click()
    assert opened_urls == [QUrl.fromLocalFile(str(captured.eml_path))]
    viewer.close()
    qtbot.waitUntil(lambda: pane.viewer is None, timeout=3000)


def test_a_vanished_capture_is_said(
    qtbot, make_pane, postman: Postman, context: AppContext
) -> None:
    profile = sandbox_profile(context.profiles.load())
    id = _sent(postman, profile)
    receipt = postman.receipt_of(id)
    assert receipt is not None
    captured = context.sandbox.captured(receipt)
    assert captured is not None
    context.sandbox.stop()
    for path in captured.eml_path.parent.iterdir():
        path.unlink()
    pane = make_pane()
    pane.select(id)
    pane.captured_button.click()
    qtbot.waitUntil(lambda: "no longer has" in pane.status.text(), timeout=5000)
    assert pane.viewer is None


def test_a_message_marked_sent_by_hand_has_no_receipt(
    qtbot, make_pane, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    box.faults.add("drop=after-data")
    queued = postman.queue(draft_for(profile))
    assert postman.send(queued.id).result is Result.UNKNOWN
    postman.mailbox.resolve_unknown(queued.id, sent=True)
    pane = make_pane()
    pane.select(queued.id)
    assert "no receipt" in _text(pane)
    assert pane.events_button.isHidden() and pane.captured_button.isHidden()
