"""Templates in the window: local ones (Save as Template…, New from Template…, rename,
delete) and SMTPeter's own (listed, shown and sent with data, off the GUI thread).

Real parts: the window and its mailbox on the test's home; SMTPeter is the sandbox on
loopback, with its stored templates and the test's token in the real keyring.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtWidgets import QInputDialog

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.sandbox import Sandbox, templates
from smtpeter_desktop.storage.profiles import Profile
from tests.ui.mnemonics import clashes
from tests.ui.panes_fixtures import click_in_box, no_task_left
from tests.ui.shell_helpers import (
    TOKEN,
    Windows,
    add_rest_account,
    context,
    make_sandbox,
    shown_messages,
    wait_dialog,
    windows,
)

from smtpeter_desktop.ui.template_dialogs import TemplatesDialog
from smtpeter_desktop.ui.template_remote import SmtpeterTemplatesDialog

__all__ = ["context", "make_sandbox", "no_task_left", "shown_messages", "windows"]


def _answer_name(qtbot: Any, name: str) -> None:
    dialog = wait_dialog(qtbot, QInputDialog)
    dialog.setTextValue(name)
    dialog.accept()


# Local templates ------------------------------------------------------------------------------


def test_save_as_template_then_a_new_message_from_it(
    windows: Windows, qtbot: Any, tmp_path: Path
) -> None:
    window = windows()
    compose = window.compose
    assert compose is not None and window.postman is not None
    report = tmp_path / "q3.pdf"
    report.write_bytes(b"%PDF-1.4\n")
    choice = compose.sender_choice()
    assert choice is not None
    draft = Draft(
        profile=choice.profile_id,
        sender=choice.sender,
        subject="Monthly report",
        body="# Numbers\n\nHere they are.\n",
        attachments=(Attachment(str(report)),),
        options=SmtpeterOptions(track_clicks=False, tags=("monthly",)),
        base_dir=str(tmp_path),
    )
    compose.set_draft(draft)
    window.save_template_action.trigger()
    _answer_name(qtbot, "Monthly")
    (kept,) = window.postman.templates()
    assert kept.name == "Monthly"
    stored = window.postman.template("Monthly")
    assert stored.attachments == (Attachment(str(report)),), "by reference, not copied"
    assert stored.options.tags == ("monthly",) and stored.subject == "Monthly report"

    # The same name again: asked, and replaced only when the person says so.
    compose.set_draft(Draft(profile=choice.profile_id, sender=choice.sender, subject="Other"))
    window.save_as_template()
    _answer_name(qtbot, "monthly")
    assert "already" in click_in_box(qtbot, window, "Replace")
    assert window.postman.template("Monthly").subject == "Other"
    compose.set_draft(draft)
    window.save_as_template()
    _answer_name(qtbot, "Monthly")
    click_in_box(qtbot, window, "Replace")

    compose.clear()
    window.new_from_template_action.trigger()
    dialog = wait_dialog(qtbot, TemplatesDialog)
    assert dialog.names() == ["Monthly"]
    assert not clashes(dialog)
    dialog.new_message()
    assert compose.draft().subject == "Monthly report"
    assert compose.draft().attachments == (Attachment(str(report)),)
    assert compose.draft().body == draft.body
    assert window.keeper is not None and window.keeper.id is not None, "a new draft, kept"
    assert window.postman.template("Monthly").subject == "Monthly report", "unchanged"


def test_the_templates_list_renames_and_deletes(windows: Windows, qtbot: Any) -> None:
    window = windows()
    postman = window.postman
    choice = window.compose.sender_choice()
    postman.save_template("Welcome", Draft(profile=choice.profile_id, subject="Hi"))
    postman.save_template("Reminder", Draft(profile=choice.profile_id, subject="Soon"))
    window.new_from_template()
    dialog = wait_dialog(qtbot, TemplatesDialog)
    assert dialog.names() == ["Reminder", "Welcome"]
    dialog.select("Welcome")
    dialog.rename("Welcome aboard")
    assert dialog.names() == ["Reminder", "Welcome aboard"]
    assert dialog.current() == "Welcome aboard"
    dialog.rename("Reminder")
    assert "already" in dialog.message.text() and dialog.names() == ["Reminder", "Welcome aboard"]
    dialog.delete()
    assert "Delete the template “Welcome aboard”?" in click_in_box(qtbot, dialog, "Delete")
    assert [t.name for t in postman.templates()] == ["Reminder"]
    dialog.select("Reminder")
    dialog.delete()
    click_in_box(qtbot, dialog, "Delete")
    assert dialog.empty.isVisible() and not dialog.new_button.isEnabled()


def test_a_local_template_deleted_elsewhere_is_said_and_the_list_follows(
    windows: Windows, qtbot: Any
) -> None:
    window = windows()
    postman = window.postman
    choice = window.compose.sender_choice()
    postman.save_template("Welcome", Draft(profile=choice.profile_id, subject="Hi"))
    postman.save_template("Reminder", Draft(profile=choice.profile_id, subject="Soon"))
    window.compose.subject.setText("Half written")
    window.new_from_template()
    dialog = wait_dialog(qtbot, TemplatesDialog)
    dialog.select("Welcome")
    postman.delete_template("Welcome")  # as `smtpeter-desktop templates delete` would

    dialog.new_message()

    assert dialog.isVisible(), "nothing was opened"
    assert "No message could be made from it" in dialog.message.text()
    assert dialog.names() == ["Reminder"]
    assert window.compose.subject.text() == "Half written", "the message in compose is kept"
    assert "Traceback" not in dialog.message.text()


def test_nothing_written_is_not_kept_as_a_template(windows: Windows) -> None:
    window = windows()
    window.compose.clear()
    window.save_as_template()
    assert window.postman.templates() == []


# SMTPeter's templates -------------------------------------------------------------------------


@pytest.fixture
def api(context: AppContext, make_sandbox: Callable[..., Sandbox]) -> tuple[Profile, Sandbox]:
    box = make_sandbox(token=TOKEN)
    return add_rest_account(context, box, name="Api"), box


def _dialog(qtbot: Any, context: AppContext, profile: Profile) -> SmtpeterTemplatesDialog:
    dialog = SmtpeterTemplatesDialog(context, [profile])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _listed(qtbot: Any, dialog: SmtpeterTemplatesDialog, count: int) -> None:
    qtbot.waitUntil(
        lambda: dialog.templates.count() == count and not dialog.is_busy(), timeout=10_000
    )


def test_list_show_and_send_an_smtpeter_template(
    qtbot: Any, context: AppContext, api: tuple[Profile, Sandbox]
) -> None:
    profile, box = api
    dialog = _dialog(qtbot, context, profile)
    # Asked off the GUI thread: the dialog is up before SMTPeter has answered.
    assert dialog.templates.count() == 0 and "Asking SMTPeter" in dialog.status.text()
    _listed(qtbot, dialog, 3)
    assert dialog.templates.item(0).text() == "Welcome  #1"
    qtbot.waitUntil(lambda: "Welcome" in dialog.preview.toPlainText(), timeout=10_000)
    assert list(dialog.fields) == ["firstname", "company"]

    dialog.send()
    assert "Fill in To" in dialog.status.text() and box.messages() == []
    dialog.to.setText("Bob <bob@example.org>")
    dialog.fields["firstname"].setText("Bob")
    dialog.fields["company"].setText("Example & Co")
    dialog.send()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Sent."), timeout=10_000)
    assert "bob@example.org" in dialog.status.text()
    (captured,) = box.messages()
    assert captured.message()["Subject"] == "Welcome, Bob"
    html = captured.message().get_body(("html",))
    assert html is not None and "Example &amp; Co" in html.get_content()
    assert TOKEN not in dialog.status.text()


def test_a_template_gone_from_smtpeter_is_said_in_a_sentence(
    qtbot: Any, context: AppContext, api: tuple[Profile, Sandbox], monkeypatch: Any
) -> None:
    profile, box = api
    dialog = _dialog(qtbot, context, profile)
    _listed(qtbot, dialog, 3)
    # Deleted in SMTPeter's dashboard while the list was open.
    monkeypatch.setattr(templates, "SAMPLES", templates.SAMPLES[1:])
    dialog.templates.setCurrentRow(2)
    dialog.templates.setCurrentRow(0)
    qtbot.waitUntil(lambda: "no template 1 (any more)" in dialog.status.text(), timeout=10_000)
    _listed(qtbot, dialog, 2)  # read again: what is left
    assert "no template 1" in dialog.status.text()

    dialog.templates.setCurrentRow(0)  # "Monthly newsletter", #2
    qtbot.waitUntil(lambda: bool(dialog.fields) and not dialog.is_busy(), timeout=10_000)
    monkeypatch.setattr(templates, "SAMPLES", ())
    dialog.to.setText("bob@example.org")
    dialog.send()
    qtbot.waitUntil(lambda: "Not sent" in dialog.status.text(), timeout=10_000)
    assert "SMTPeter has no template 2 (any more)" in dialog.status.text()
    assert "Traceback" not in dialog.status.text() and box.messages() == []


def test_without_a_rest_account_it_says_how_to_get_one(qtbot: Any, context: AppContext) -> None:
    smtp = Profile.create("Mail", "smtp", host="127.0.0.1")
    dialog = _dialog(qtbot, context, smtp)
    assert "REST API" in dialog.status.text() and not dialog.send_button.isEnabled()


def test_the_window_opens_smtpeter_templates_for_the_built_in_sandbox(
    windows: Windows, qtbot: Any
) -> None:
    window = windows()
    window.smtpeter_templates_action.trigger()
    dialog = wait_dialog(qtbot, SmtpeterTemplatesDialog)
    _listed(qtbot, dialog, 3)
    assert not clashes(dialog)
    dialog.reject()


def test_a_send_that_may_have_gone_out_is_not_repeated_without_asking(
    qtbot: Any, context: AppContext, api: tuple[Profile, Sandbox]
) -> None:
    profile, box = api
    dialog = _dialog(qtbot, context, profile)
    _listed(qtbot, dialog, 3)
    qtbot.waitUntil(lambda: bool(dialog.fields) and not dialog.is_busy(), timeout=10_000)
    box.faults.add("rest=502:not-json")  # a proxy's answer: SMTPeter may have taken it
    dialog.to.setText("bob@example.org")
    dialog.send()
    qtbot.waitUntil(lambda: "Not sent" in dialog.status.text(), timeout=10_000)
    box.faults.clear()
    dialog.send()
    said = click_in_box(qtbot, dialog, "Send Again")
    assert "may have gone out" in said
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Sent."), timeout=10_000)
