"""Before Send in the window: the Check button and its panel, Send's check, the recipient
preview, the settings and the unsubscribe controls.

Real parts: the app's built-in sandbox answers the sender-domain questions over its REST API,
its fault rules (``unapproved=GLOB``, ``dns-error=RECORD``) make the findings; SpamAssassin
runs when installed; the window's own task pool runs the check.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel

from smtpeter_desktop.inspection import spam
from smtpeter_desktop.storage import settings
from tests.ui.shell_helpers import (
    TOKEN,
    USER,
    Windows,
    add_rest_account,
    answer,
    button,
    context,
    make_sandbox,
    shown_messages,
    windows,
)

from smtpeter_desktop.ui import tasks
from smtpeter_desktop.ui.check_panel import SPAM_MISSING
from smtpeter_desktop.ui.main_window import MainWindow

__all__ = ["context", "make_sandbox", "shown_messages", "windows"]

CHECK_TIMEOUT = 20_000


@pytest.fixture(autouse=True)
def _no_check_left(qapp: Any) -> Iterator[None]:
    """A dropped check's SpamAssassin runs on to its end: it must not load the next test."""
    yield
    assert tasks.wait_for_all(20_000), "a check is still running"


# Trips the local checks: an http link where https exists, a link text naming another
# address (the phishing look), an image without alt text, a <video>.
TRIPPING = (
    "# Our offer\n\n"
    "See [https://example.com/offer](https://tracker.example.net/x) and "
    "<http://example.com/a> or <https://example.com/b>.\n\n"
    '<video src="https://example.com/v.mp4"></video>\n'
)


def _write(window: MainWindow, body: str = TRIPPING, subject: str = "Our offer") -> None:
    compose = window.compose
    assert compose is not None
    compose.to.setText("Bob <bob@example.org>")
    compose.subject.setText(subject)
    compose.editor.setPlainText(body)


def _faults(window: MainWindow, *rules: str) -> None:
    assert window.context is not None
    box = window.context.sandbox.running()
    box.faults.clear()
    if rules:
        box.faults.add(*rules)


def _check(window: MainWindow, qtbot: Any, again: bool = False) -> str:
    compose = window.compose
    assert compose is not None
    panel = compose.check_panel
    button(panel if again else compose, "Check Again" if again else "Check").click()
    assert panel.isVisible()
    assert panel.status.text().startswith("Checking…")
    qtbot.waitUntil(lambda: panel.spam_done, timeout=CHECK_TIMEOUT)
    return panel.text()


def test_check_shows_the_findings_grouped_with_what_to_do(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _faults(window, "unapproved=example.com", "dns-error=dkim")
    _write(window)

    text = _check(window, qtbot)

    panel = window.compose.check_panel
    assert panel.report is not None and panel.report.blocks
    summary = panel.status.text()
    assert summary.startswith("1 problem blocks sending · ")
    assert "HTML compatibility " in summary
    if spam.executable():
        assert "spam score " in summary
    else:
        assert SPAM_MISSING in summary
    for heading in ("Sender domain", "Links", "HTML in mail programs"):
        assert f"\n{heading}\n" in text, heading
    assert "SMTPeter has not approved it yet" in text
    assert "What to do: Add these records at your DNS provider" in text
    assert "._domainkey.example.com  CNAME" in text  # the offending element, listed
    # Blocking findings come first, under their check.
    assert text.index("Sender domain") < text.index("Links")


def test_check_again_asks_smtpeter_afresh(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _faults(window)
    _write(window, body="# Hello\n\nThe numbers are in.\n")
    assert "The DNS of example.com" not in _check(window, qtbot)

    _faults(window, "dns-error=spf")
    # The kept answer stands for a day; "Check Again" asks again.
    assert "The DNS of example.com" not in _check(window, qtbot)
    assert "The DNS of example.com is not in order for SPF" in _check(window, qtbot, again=True)


def test_a_refused_token_is_said_in_words(windows: Windows, qtbot: Any, make_sandbox: Any) -> None:
    from smtpeter_desktop.delivery.context import AppContext

    box = make_sandbox(token=TOKEN, sender_domains=("example.com",))
    context = AppContext.open(windows.home)
    try:
        profile = add_rest_account(context, box, secret="not-the-token")
    finally:
        context.close()
    window = windows()
    window.compose.sender_box.select(profile.id, USER)
    _write(window, body="# Hello\n")

    text = _check(window, qtbot)

    assert "SMTPeter could not be asked about the sender domain" in text
    assert "not-the-token" not in text


def test_the_menu_item_checks_with_its_own_shortcut_and_letter(
    windows: Windows, qtbot: Any
) -> None:
    window = windows()
    _faults(window)
    _write(window, body="# Hello\n")
    action = window.check_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+K")
    taken = [
        a.shortcut() for a in window.actions() if a is not action and not a.shortcut().isEmpty()
    ]
    assert action.shortcut() not in taken
    # The Check button's Alt+K is used by no other control of the window, nor a menu.
    compose = window.compose
    letters = []
    for widget in [*window.findChildren(QAbstractButton), *window.findChildren(QLabel)]:
        if widget.isVisibleTo(window) and widget is not compose.check_button:
            letters.append(_mnemonic(widget.text()))
    letters += [_mnemonic(menu.text()) for menu in window.menuBar().actions()]
    assert _mnemonic(compose.check_button.text()) == "k"
    assert "k" not in letters

    action.trigger()
    qtbot.waitUntil(lambda: compose.check_panel.spam_done, timeout=CHECK_TIMEOUT)
    assert compose.check_panel.report is not None


def _mnemonic(text: str) -> str:
    index = text.replace("&&", "").find("&")
    return text.replace("&&", "")[index + 1].lower() if index >= 0 else ""


def test_send_checks_first_and_blocking_findings_stop_it(windows: Windows, qtbot: Any) -> None:
    window = windows()
    window.prefs.set(settings.CHECK_ON_SEND, True)
    window.prefs.set(settings.UNDO_SEND_SECONDS, 0)
    _faults(window, "unapproved=example.com")
    _write(window, body="# Hello\n\nThe numbers are in.\n")

    button(window.compose, "Send").click()

    panel = window.compose.check_panel
    assert window.compose.is_busy(), "what is checked is what goes: no edits meanwhile"
    qtbot.waitUntil(lambda: panel.spam_done, timeout=CHECK_TIMEOUT)
    assert not window.compose.is_busy()
    assert panel.isVisible()
    assert "SMTPeter has not approved it yet" in panel.text()
    assert window.flow is not None and not window.flow.has_work()
    assert window.compose.draft().subject == "Our offer", "nothing typed is lost"


def test_send_puts_the_checks_warnings_into_the_one_question(windows: Windows, qtbot: Any) -> None:
    window = windows()
    window.prefs.set(settings.CHECK_ON_SEND, True)
    window.prefs.set(settings.UNDO_SEND_SECONDS, 0)
    _faults(window, "dns-error=dkim")
    _write(window, body="# Hello\n\nThe numbers are in.\n", subject="")  # no subject: warns

    button(window.compose, "Send").click()

    said = answer(qtbot, "Go Back")
    assert "no subject" in said.lower()
    assert "The DNS of example.com is not in order for DKIM" in said
    assert window.flow is not None and not window.flow.has_work()


def test_send_without_the_setting_does_not_check(windows: Windows, qtbot: Any) -> None:
    window = windows()
    window.prefs.set(settings.UNDO_SEND_SECONDS, 0)
    _faults(window, "dns-error=dkim")
    _write(window, body="# Hello\n", subject="")

    button(window.compose, "Send").click()

    said = answer(qtbot, "Go Back")
    assert "DKIM" not in said
    assert not window.compose.check_panel.isVisible()


def test_the_preview_shows_the_message_as_the_recipient_will_get_it(
    windows: Windows, qtbot: Any
) -> None:
    window = windows()
    _faults(window)
    compose = window.compose
    compose.options_panel.switches["track_clicks"].setChecked(True)
    _write(window, body="# Hello\n\nSee [the plan](https://example.org/plan).\n")
    view = window.before_send.recipient
    assert not view.browser.isVisible()

    with qtbot.waitSignal(view.shown, timeout=CHECK_TIMEOUT):
        view.toggle.click()
    assert view.browser.isVisible() and not compose.preview.browser.isVisible()
    html = view.browser.toHtml()
    assert "https://example.org/plan" not in html, "the link goes through the tracking host"

    # After a check the links go through the sender domain's own tracking host.
    _check(window, qtbot)
    result = window.before_send.runner.last
    assert result is not None and result.sender_domain is not None
    host = result.tracking_host
    assert "smtpeter.invalid" not in host
    qtbot.waitUntil(lambda: host in view.browser.toHtml(), timeout=CHECK_TIMEOUT)

    view.toggle.click()
    assert compose.preview.browser.isVisible() and not view.browser.isVisible()


def test_the_settings_pane_has_the_two_check_settings(windows: Windows, qtbot: Any) -> None:
    window = windows()
    pane = window.settings_pane
    assert pane is not None
    assert not pane.check_on_send.isChecked() and not pane.check_links.isChecked()
    assert pane.check_on_send_note.text() == settings.CHECK_ON_SEND.description
    assert "a personal link may count as a click" in pane.check_links_note.text()
    pane.check_on_send.setChecked(True)
    pane.check_links.setChecked(True)
    assert window.prefs.get(settings.CHECK_ON_SEND)
    assert window.prefs.get(settings.CHECK_LINKS_ONLINE)
    assert qtbot is not None


def test_quick_findings_show_before_the_spam_score(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _faults(window, "dns-error=dkim")
    _write(window)
    runner = window.before_send.runner
    panel = window.compose.check_panel
    seen: list[tuple[str, bool, str]] = []
    runner.quick_done.connect(lambda _r: seen.append(("quick", panel.spam_done, panel.text())))
    runner.done.connect(lambda _r: seen.append(("done", panel.spam_done, panel.text())))

    _check(window, qtbot)

    (quick, quick_spam_done, quick_text), (done, done_spam_done, _) = seen
    assert (quick, done) == ("quick", "done")
    assert not quick_spam_done and done_spam_done
    assert "spam score: checking…" in quick_text
    assert "DKIM" in quick_text, "the quick findings are shown at once"


def test_a_check_that_cannot_run_says_why(qtbot, context) -> None:
    from smtpeter_desktop.compose.draft import Draft

    from smtpeter_desktop.ui.check_panel import CheckPanel, CheckRunner

    panel = CheckPanel()
    qtbot.addWidget(panel)
    runner = CheckRunner(context, panel)
    runner.failed.connect(panel.fail)
    with qtbot.waitSignal(runner.failed, timeout=CHECK_TIMEOUT):
        runner.start(Draft(sender="ann@example.com", to="bob@example.org"))
    assert panel.status.text() == "Choose the From address first: the check needs its account."
    with qtbot.waitSignal(runner.failed, timeout=CHECK_TIMEOUT):
        runner.start(Draft(profile="gone", sender="ann@example.com"))
    assert "gone" in panel.status.text()
    assert panel.again_button.isEnabled()
