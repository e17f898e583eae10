"""The accounts pane and the account dialog, with the real keyring and real sandboxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.profiles import FILE_NAME, Profile
from smtpeter_desktop.storage.secrets import CHECK_TOKEN, SecretStore
from tests.ui.panes_fixtures import *  # noqa: F403
from tests.ui.panes_fixtures import PASSWORD, TOKEN, USER, click_in_box, sandbox_profile

from smtpeter_desktop.ui import account_secrets
from smtpeter_desktop.ui.account_dialog import AccountDialog
from smtpeter_desktop.ui.accounts_pane import (
    NEEDS_NONE,
    NOT_STORED,
    SESSION_ONLY,
    STORED,
    AccountsPane,
    sandbox_label,
    secret_text,
)

ALL_SMTP_STAGES = [
    "Find the server",
    "Connect",
    "Server greeting",
    "Introduce ourselves",
    "Secure connection (STARTTLS)",
    "Introduce ourselves again",
    "Log in",
    "Say goodbye",
]


@pytest.fixture
def pane(qtbot, context: AppContext) -> Iterator[AccountsPane]:
    widget = AccountsPane(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    yield widget
    if widget.dialog is not None:
        widget.dialog.reject()


@pytest.fixture
def smtp_box(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox(users={USER: PASSWORD})


@pytest.fixture
def rest_box(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox(token=TOKEN)


def _fill_smtp(dialog: AccountDialog, box: Sandbox, *, name: str = "Work SMTP") -> None:
    dialog.name.setText(name)
    dialog.smtp_radio.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setText(str(box.smtp_port))
    dialog.username.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.ca_file.setText(str(box.ca_file))
    _set_sender(dialog, 0, "Ann Lee", USER)


def _set_sender(dialog: AccountDialog, row: int, name: str, address: str) -> None:
    dialog.senders.item(row, 0).setText(name)  # type: ignore[union-attr]
    dialog.senders.item(row, 1).setText(address)  # type: ignore[union-attr]


def _keyring_answered(qtbot, dialog: AccountDialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.password.placeholderText() != account_secrets.checking_text(), timeout=5000
    )


def _save(qtbot, dialog: AccountDialog) -> Profile:
    with qtbot.waitSignal(dialog.saved, timeout=5000) as signal:
        dialog.save_button.click()
    profile = signal.args[0]
    assert isinstance(profile, Profile)
    return profile


def _wait_for_test(qtbot, dialog_or_pane) -> None:
    view = dialog_or_pane.check_view
    qtbot.waitUntil(lambda: view.verdict.text() not in ("", "Testing…"), timeout=10_000)


def _no_secret_in_files(home: Path, *secrets: str) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in data, f"a secret is in {path}"


def test_the_sandbox_is_labelled_and_needs_no_secret(pane: AccountsPane, context) -> None:
    sandbox = sandbox_profile(context.profiles.load())
    item = pane.list.topLevelItem(0)
    assert item is not None
    assert item.text(0) == "Sandbox  (default)"
    assert item.text(1) == sandbox_label()
    assert pane.secret_state(sandbox.id) == NEEDS_NONE
    assert item.text(3) == secret_text(NEEDS_NONE) == "Needs none"


def test_add_an_smtp_account(
    qtbot, pane: AccountsPane, context: AppContext, smtp_box: Sandbox, isolated_home: Path
) -> None:
    dialog = pane.add_account()
    _keyring_answered(qtbot, dialog)
    assert dialog.password.placeholderText() == ""
    assert dialog.host.text() == "mail.smtpeter.com" and dialog.port.text() == "587"
    _fill_smtp(dialog, smtp_box)
    with qtbot.waitSignal(pane.profiles_changed, timeout=5000):
        profile = _save(qtbot, dialog)

    stored = context.profiles.get("Work SMTP")
    assert stored == profile
    assert (stored.transport, stored.host, stored.port, stored.security) == (
        "smtp",
        "127.0.0.1",
        smtp_box.smtp_port,
        "starttls",
    )
    assert stored.username == USER and stored.ca_file == str(smtp_box.ca_file)
    assert [i.display for i in stored.identities] == [f"Ann Lee <{USER}>"]
    assert SecretStore().get(stored.id) == PASSWORD, "in the real keyring"
    assert not context.secrets.is_session_only(stored.id)
    assert PASSWORD not in (isolated_home / FILE_NAME).read_text()
    _no_secret_in_files(isolated_home, PASSWORD)
    qtbot.waitUntil(lambda: pane.secret_state(stored.id) == STORED, timeout=5000)
    assert pane.current_id() == stored.id


def test_add_a_rest_account(
    qtbot, pane: AccountsPane, context: AppContext, rest_box: Sandbox, isolated_home: Path
) -> None:
    dialog = pane.add_account()
    _keyring_answered(qtbot, dialog)
    dialog.name.setText("Work REST")
    dialog.rest_radio.setChecked(True)
    assert dialog.fields["token"].isVisibleTo(dialog)
    assert not dialog.fields["password"].isVisibleTo(dialog)
    assert dialog.rest_url.text() == "https://www.smtpeter.com/v1"
    dialog.rest_url.setText(rest_box.rest_base_url)
    dialog.token.setText(TOKEN)
    dialog.ca_file.setText(str(rest_box.ca_file))
    _set_sender(dialog, 0, "", USER)
    profile = _save(qtbot, dialog)
    assert profile.transport == "rest" and profile.rest_url == rest_box.rest_base_url
    assert SecretStore().get(profile.id) == TOKEN
    _no_secret_in_files(isolated_home, TOKEN)
    qtbot.waitUntil(lambda: pane.secret_state(profile.id) == STORED, timeout=5000)


def test_editing_without_touching_the_password_keeps_it(
    qtbot,
    pane: AccountsPane,
    context: AppContext,
    smtp_account: tuple[Profile, Sandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile, _ = smtp_account
    writes: list[str] = []
    real_set = context.secrets.set

    def spy(profile_id: str, secret: str) -> None:
        writes.append(profile_id)
        real_set(profile_id, secret)

    monkeypatch.setattr(context.secrets, "set", spy)  # a spy: the real keyring still runs
    pane.refresh()
    pane.select(profile.id)
    dialog = pane.edit_account()
    assert dialog is not None
    _keyring_answered(qtbot, dialog)
    assert dialog.password.text() == "", "a stored secret is never shown"
    assert dialog.password.placeholderText() == account_secrets.stored_text()
    dialog.name.setText("Renamed")
    saved = _save(qtbot, dialog)
    assert saved.id == profile.id and context.profiles.get(profile.id).name == "Renamed"
    assert writes == [], "the secret is written only when changed"
    assert context.secrets.get(profile.id) == PASSWORD, "the renamed account keeps its secret"


def test_typing_a_new_password_replaces_it(
    qtbot, pane: AccountsPane, context: AppContext, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = smtp_account
    pane.refresh()
    pane.select(profile.id)
    dialog = pane.edit_account()
    assert dialog is not None
    _keyring_answered(qtbot, dialog)
    dialog.password.setText("a new one")
    _save(qtbot, dialog)
    assert context.secrets.get(profile.id) == "a new one"


def test_switching_the_kind_needs_the_new_secret(
    qtbot, pane: AccountsPane, context: AppContext, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = smtp_account
    pane.refresh()
    pane.select(profile.id)
    dialog = pane.edit_account()
    assert dialog is not None
    _keyring_answered(qtbot, dialog)
    dialog.rest_radio.setChecked(True)
    dialog.save_button.click()
    assert "Type the API token" in dialog.problem("token")
    assert context.profiles.get(profile.id).transport == "smtp"


def test_remove_deletes_the_secret(
    qtbot, pane: AccountsPane, context: AppContext, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = smtp_account
    pane.refresh()
    pane.select(profile.id)
    pane.remove_button.click()
    question = click_in_box(qtbot, pane, "Cancel")
    assert "Work SMTP" in question and "keyring" in question
    assert context.profiles.find(profile.id) is not None
    pane.remove_button.click()
    with qtbot.waitSignal(pane.profiles_changed, timeout=5000):
        click_in_box(qtbot, pane, "Remove")
    assert context.profiles.find(profile.id) is None
    assert SecretStore().get(profile.id) is None
    assert pane.notice.text() == "Removed “Work SMTP”."
    assert pane.list.topLevelItemCount() == 1


def test_the_default_account_has_one_control_in_settings(
    qtbot, pane: AccountsPane, context: AppContext, smtp_account: tuple[Profile, Sandbox]
) -> None:
    """ "New messages from" (Settings) and "Make Default" (Accounts) were two controls for one
    thing; Settings' is the one, and Accounts marks the default and says where to change it."""
    profile, _ = smtp_account
    assert not [b for b in pane.findChildren(QPushButton) if "Default" in b.text()]
    assert "Settings ▸ New messages from" in pane.default_note.text()
    context.settings.set(settings.DEFAULT_PROFILE, profile.id)
    pane.refresh()
    names = [pane.list.topLevelItem(row).text(0) for row in range(2)]  # type: ignore[union-attr]
    assert names == ["Sandbox", "Work SMTP  (default)"]


def test_the_dialog_tests_every_stage_as_it_completes(
    qtbot, pane: AccountsPane, smtp_box: Sandbox
) -> None:
    smtp_box.faults.add("delay=auth:0.3")
    dialog = pane.add_account()
    _fill_smtp(dialog, smtp_box)
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()
    # Shown while the log-in is still waiting for the server.
    qtbot.waitUntil(
        lambda: [n for n, _ in dialog.check_view.passed()] == ALL_SMTP_STAGES[:6], timeout=5000
    )
    assert dialog.check_view.verdict.text() == "Testing…"
    _wait_for_test(qtbot, dialog)
    assert dialog.check_view.passed() == [(name, True) for name in ALL_SMTP_STAGES]
    assert dialog.check_view.verdict.text() == "Every step worked: this account can send."
    assert dialog.test_button.isEnabled()


def test_a_refused_password_fails_the_log_in_in_words(
    qtbot, pane: AccountsPane, smtp_box: Sandbox
) -> None:
    smtp_box.faults.add("auth=535")
    dialog = pane.add_account()
    _fill_smtp(dialog, smtp_box)
    dialog.test_button.click()
    _wait_for_test(qtbot, dialog)
    stages = dialog.check_view.passed()
    assert stages[-1] == ("Log in", False)
    assert all(ok for _, ok in stages[:-1])
    verdict = dialog.check_view.verdict.text()
    assert verdict.startswith("“Log in” failed. ")
    assert "refused" in verdict and "535" in verdict and "Traceback" not in verdict


def test_the_pane_tests_the_sandbox_and_says_when_a_secret_is_missing(
    qtbot, pane: AccountsPane, context: AppContext, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = smtp_account
    pane.refresh()
    pane.select(sandbox_profile(context.profiles.load()).id)
    pane.test_button.click()
    _wait_for_test(qtbot, pane)
    assert pane.check_view.passed() == [
        ("Reach the API", True),
        ("API token", True),
        ("Sender domains", True),
    ]
    context.secrets.delete(profile.id)
    pane.select(profile.id)
    pane.test_button.click()
    _wait_for_test(qtbot, pane)
    assert "No password is stored for “Work SMTP”" in pane.check_view.verdict.text()
    pane.refresh()
    qtbot.waitUntil(lambda: pane.secret_state(profile.id) == NOT_STORED, timeout=5000)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("port", "70000", "from 1 to 65535"),
        ("port", "abc", "whole number"),
        ("host", "mail.smtpeter.com:587", "not a server name"),
        ("name", "", "needs a name"),
        ("name", "sandbox", "already an account named “Sandbox”"),
        ("ca_file", "/nowhere/ca.pem", "There is no file at /nowhere/ca.pem"),
    ],
)
def test_a_bad_value_is_marked_on_its_field(
    qtbot, pane: AccountsPane, context: AppContext, smtp_box: Sandbox, field, value, words
) -> None:
    dialog = pane.add_account()
    _fill_smtp(dialog, smtp_box)
    getattr(dialog, field).setText(value)
    dialog.save_button.click()
    assert words in dialog.problem(field)
    assert dialog.fields[field].widget.property("invalid") is True
    assert dialog.isVisible() and len(context.profiles.load()) == 1
    # Typing again clears the mark.
    dialog.fields[field].widget.setFocus()
    qtbot.keyClicks(dialog.fields[field].widget, "x")
    assert dialog.problem(field) == ""


def test_a_bad_sender_is_marked_in_the_table(
    qtbot, pane: AccountsPane, context: AppContext, smtp_box: Sandbox
) -> None:
    dialog = pane.add_account()
    _fill_smtp(dialog, smtp_box)
    dialog.add_sender()
    _set_sender(dialog, 1, "Bob", "bob@")
    dialog.save_button.click()
    assert dialog.problem("senders").startswith("Sender 2: 'bob@' is not a usable e-mail address")
    assert dialog.senders.currentRow() == 1
    _set_sender(dialog, 1, "", "")
    _set_sender(dialog, 0, "", "")
    dialog.save_button.click()
    assert "at least one sender" in dialog.problem("senders")
    assert len(context.profiles.load()) == 1


def test_port_465_switches_to_tls(qtbot, pane: AccountsPane) -> None:
    dialog = pane.add_account()
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, "465")
    assert dialog.security.currentData() == "tls"
    dialog.port.clear()
    qtbot.keyClicks(dialog.port, "587")
    assert dialog.security.currentData() == "starttls"


@pytest.mark.keyring  # the app's own search for a keyring, finding none
def test_keyring_unavailable_is_explained_and_session_only_works(
    qtbot,
    pane: AccountsPane,
    context: AppContext,
    smtp_box: Sandbox,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    dialog = pane.add_account()
    _keyring_answered(qtbot, dialog)
    assert dialog.keyring_box.isVisibleTo(dialog), "said before anything is typed"
    assert dialog.session_button.isHidden()
    _fill_smtp(dialog, smtp_box)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.session_button.isHidden(), timeout=5000)
    text = dialog.keyring_text.text()
    assert "The account is not saved yet" in text
    assert "No keyring was found" in text and "Secret Service" in text
    assert "Traceback" not in text and PASSWORD not in text
    assert context.profiles.find("Work SMTP") is None, "nothing saved behind the person's back"

    with qtbot.waitSignal(dialog.saved, timeout=5000) as signal:
        dialog.session_button.click()
    profile = signal.args[0]
    assert context.secrets.is_session_only(profile.id)
    assert context.secrets.get(profile.id) == PASSWORD
    qtbot.waitUntil(lambda: pane.secret_state(profile.id) == SESSION_ONLY, timeout=5000)
    _no_secret_in_files(isolated_home, PASSWORD)
    monkeypatch.undo()
    assert SecretStore().get(profile.id) is None, "the keyring was not written"


def test_every_input_and_button_has_a_name(qtbot, pane: AccountsPane) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
    )

    dialog = pane.add_account()
    nameless = []
    for root in (pane, dialog):
        for kind in (QLineEdit, QComboBox, QAbstractItemView, QAbstractButton, QAbstractSpinBox):
            for widget in root.findChildren(kind):
                # Parts of another widget (a header, a spin box's line, a table's editor).
                if isinstance(widget, QHeaderView) or isinstance(
                    widget.parent(), QAbstractSpinBox | QComboBox | QAbstractItemView
                ):
                    continue
                if widget.window() is not root.window():
                    continue
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                if not name.replace("&", "").strip():
                    nameless.append(widget)
    assert nameless == []


def test_the_dialog_s_tab_order_follows_the_form(qtbot, pane: AccountsPane) -> None:
    dialog = pane.add_account()
    dialog.show()
    from PySide6.QtWidgets import QWidget

    def tab_stop(widget: QWidget) -> bool:
        # An exclusive radio group is one stop: Tab goes to its checked button.
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        return widget is not dialog.rest_radio and widget.isVisible() and tabbable

    order: list[QWidget] = [dialog.name]
    widget: QWidget | None = dialog.name
    for _ in range(12):
        assert widget is not None
        widget = widget.nextInFocusChain()
        while widget is not None and not tab_stop(widget):
            widget = widget.nextInFocusChain()
        assert widget is not None
        order.append(widget)
    wanted = [
        dialog.name,
        dialog.smtp_radio,
        dialog.host,
        dialog.port,
        dialog.security,
        dialog.username,
        dialog.password,
        dialog.check_token,
        dialog.ca_file,
        dialog.browse_button,
        dialog.test_button,
    ]
    assert order[: len(wanted)] == wanted


def test_the_sandbox_account_keeps_to_what_it_has(
    qtbot, pane: AccountsPane, context: AppContext
) -> None:
    sandbox = sandbox_profile(context.profiles.load())
    pane.select(sandbox.id)
    dialog = pane.edit_account()
    assert dialog is not None
    dialog.show()
    assert dialog.sandbox_note.isVisible() and "delivers nothing" in dialog.sandbox_note.text()
    for hidden in ("host", "password", "rest_url", "token", "ca_file"):
        assert not dialog.fields[hidden].isVisible(), hidden
    assert not dialog.smtp_radio.isVisible()
    dialog.test_button.click()
    _wait_for_test(qtbot, dialog)
    assert [ok for _, ok in dialog.check_view.passed()] == [True, True, True]
    dialog.name.setText("Test server")
    saved = _save(qtbot, dialog)
    assert saved.sandbox and context.profiles.get(sandbox.id).name == "Test server"


def test_the_connection_test_does_not_push_the_dialog_sideways(qtbot, context: AppContext) -> None:
    """A long title over the test's results (the server, its security, the login) widened the
    form past the dialog, which then scrolled sideways and cut every label off."""
    from smtpeter_desktop.ui.account_dialog import AccountDialog

    (profile,) = [p for p in context.profiles.load() if p.sandbox]
    dialog = AccountDialog(context, profile)
    qtbot.addWidget(dialog)
    dialog.resize(640, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.test_connection()
    qtbot.waitUntil(lambda: not dialog.tester.running(), timeout=20_000)
    qtbot.wait(100)  # the dialog scrolls the results into view
    assert dialog.check_view.passed()
    assert dialog.scroller.horizontalScrollBar().value() == 0


CHECK_TOKEN_VALUE = "tok-for-checks-7d8e9f"


@pytest.mark.keyring  # the token's home is under test: the real Secret Service
def test_an_smtp_account_keeps_an_optional_rest_token_for_checks(
    qtbot, pane: AccountsPane, context: AppContext, smtp_box: Sandbox, isolated_home: Path
) -> None:
    dialog = pane.add_account()
    _keyring_answered(qtbot, dialog)
    dialog.show()
    assert dialog.fields["check_token"].isVisible()
    assert "Check" in dialog.form.check_token_note.text(), "a line says why"
    assert dialog.check_token.placeholderText().startswith("Optional")
    assert "(optional)" in dialog.check_token.accessibleName()
    _fill_smtp(dialog, smtp_box)
    dialog.check_token.setText(CHECK_TOKEN_VALUE)
    profile = _save(qtbot, dialog)
    assert SecretStore().get(profile.id) == PASSWORD
    assert SecretStore().get(profile.id, CHECK_TOKEN) == CHECK_TOKEN_VALUE
    _no_secret_in_files(isolated_home, PASSWORD, CHECK_TOKEN_VALUE)

    pane.select(profile.id)
    again = pane.edit_account()
    assert again is not None
    _keyring_answered(qtbot, again)
    assert again.check_token.text() == "", "a stored token is never shown"
    assert again.check_token.placeholderText() == account_secrets.stored_text()
    again.rest_radio.setChecked(True)
    assert not again.fields["check_token"].isVisibleTo(again), "a REST account has its own"
    again.smtp_radio.setChecked(True)
    again.show()
    assert again.form.forget_button.isVisible()
    again.form.forget_button.click()
    _save(qtbot, again)
    assert SecretStore().get(profile.id, CHECK_TOKEN) is None, "removed on request"
    assert SecretStore().get(profile.id) == PASSWORD, "the password stays"
