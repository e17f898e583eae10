"""The options panel's Unsubscribe group: it shows a draft's unsubscribe options, keeps them
when a switch is toggled, and says in words what SMTPeter would refuse."""

from __future__ import annotations

from smtpeter_desktop.compose.options import SmtpeterOptions

from smtpeter_desktop.ui.options_panel import OptionsPanel

ONE_CLICK = SmtpeterOptions(
    unsubscribe_email="leave@example.org",
    unsubscribe_url="https://example.org/unsubscribe",
    unsubscribe_oneclick=True,
)


def test_toggling_a_switch_keeps_the_unsubscribe_options(qtbot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_options(ONE_CLICK)
    assert panel.options() == ONE_CLICK
    panel.switches["track_clicks"].setChecked(False)
    shown = panel.options()
    assert not shown.track_clicks
    assert (shown.unsubscribe_email, shown.unsubscribe_url, shown.unsubscribe_oneclick) == (
        ONE_CLICK.unsubscribe_email,
        ONE_CLICK.unsubscribe_url,
        True,
    )


def test_the_unsubscribe_controls_show_and_set_the_options(qtbot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_options(ONE_CLICK)
    assert panel.unsubscribe_email.text() == "leave@example.org"
    assert panel.unsubscribe_url.text() == "https://example.org/unsubscribe"
    assert panel.unsubscribe_oneclick.isChecked()
    with qtbot.waitSignal(panel.changed):
        panel.unsubscribe_email.setText("stop@example.org")
    assert panel.options().unsubscribe_email == "stop@example.org"
    assert panel.problems() == ()
    panel.set_options(SmtpeterOptions())
    assert panel.unsubscribe_email.text() == "" and not panel.unsubscribe_oneclick.isChecked()


def test_one_click_needs_an_https_link_and_says_so(qtbot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.unsubscribe_url.setText("http://example.org/unsubscribe")
    panel.unsubscribe_oneclick.setChecked(True)
    (problem,) = panel.problems()
    assert problem.startswith("One-click unsubscribe needs an unsubscribe link that starts with")
    assert panel.unsubscribe_message.isVisible()
    assert panel.unsubscribe_message.text() == problem
    assert panel.unsubscribe_url.property("invalid")
    shown = panel.options()  # what can be used is kept; one-click is left out
    assert shown.unsubscribe_url == "http://example.org/unsubscribe"
    assert not shown.unsubscribe_oneclick
    panel.unsubscribe_url.setText("https://example.org/unsubscribe")
    assert panel.problems() == ()
    assert not panel.unsubscribe_message.isVisible()
    assert panel.options().unsubscribe_oneclick


def test_a_bad_unsubscribe_address_is_named_and_left_out(qtbot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.unsubscribe_email.setText("Leave <leave@example.org>")
    (problem,) = panel.problems()
    assert "is not a plain e-mail address" in problem
    assert panel.options().unsubscribe_email == ""
    assert panel.unsubscribe_email.property("invalid")
    panel.unsubscribe_url.setText("example.org/stop")
    assert len(panel.problems()) == 1, "one sentence at a time: the first"
    assert panel.options().unsubscribe_url == ""
