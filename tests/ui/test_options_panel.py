"""The options panel: every SMTPeter option in and out, tag problems, notices, defaults."""

from __future__ import annotations

import dataclasses

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions

from smtpeter_desktop.ui.options_panel import OptionsPanel

SAMPLES = [
    SmtpeterOptions(),
    SmtpeterOptions(
        inline_css=True,
        track_clicks=False,
        track_opens=False,
        track_bounces=False,
        prevent_scam=True,
        hosted_images=True,
        tags=("news", "march-2026"),
        dsn_notify=("SUCCESS", "FAILURE", "DELAY"),
        dsn_ret="FULL",
    ),
    SmtpeterOptions(dsn_notify=(), tags=("q4_2026.launch",)),
    SmtpeterOptions(dsn_notify=("DELAY",)),
]


@pytest.fixture
def panel(qtbot) -> OptionsPanel:
    widget = OptionsPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("options", SAMPLES)
def test_options_round_trip(panel: OptionsPanel, options: SmtpeterOptions) -> None:
    panel.set_options(options)
    shown = panel.options()
    # DSN values come back in the panel's order; the set is what SMTPeter reads.
    assert set(shown.dsn_notify) == set(options.dsn_notify)
    assert shown == dataclasses.replace(options, dsn_notify=shown.dsn_notify)
    assert panel.never.isChecked() == (not options.dsn_notify)


def test_a_tag_smtpeter_refuses_is_marked_with_its_own_sentence(panel: OptionsPanel) -> None:
    long_tag = "x" * 65
    panel.tags.setText(f"ok, {long_tag}")
    assert panel.tags.property("invalid") is True
    [problem] = panel.problems()
    assert problem.startswith(f"The tag '{long_tag}' cannot be used")
    assert panel.tags_message.text() == problem
    assert not panel.tags_message.isHidden()
    assert panel.options().tags == ("ok",)
    panel.tags.setText("ok, fine")
    assert panel.problems() == ()
    assert panel.tags.property("invalid") is False
    assert panel.tags_message.isHidden()


def test_never_and_the_notices_exclude_each_other(panel: OptionsPanel) -> None:
    panel.set_options(SmtpeterOptions(dsn_notify=("FAILURE", "DELAY")))
    panel.never.setChecked(True)
    assert panel.options().dsn_notify == ()
    assert not any(box.isChecked() for box in panel.notices.values())
    panel.notices["SUCCESS"].setChecked(True)
    assert not panel.never.isChecked()
    assert panel.options().dsn_notify == ("SUCCESS",)
    panel.notices["SUCCESS"].setChecked(False)
    assert panel.never.isChecked()
    panel.never.setChecked(False)
    assert panel.options().dsn_notify == ("FAILURE",)


def test_changed_comes_from_the_user_only(panel: OptionsPanel, qtbot) -> None:
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_options(SAMPLES[1])
        panel.reset_to(SAMPLES[0])
    with qtbot.waitSignal(panel.changed, timeout=1000):
        panel.switches["track_clicks"].click()


def test_account_defaults_button(panel: OptionsPanel, qtbot) -> None:
    defaults = SmtpeterOptions(track_opens=False, tags=("work",))
    panel.reset_to(defaults)
    assert panel.is_default()
    assert not panel.reset_button.isEnabled()
    panel.switches["hosted_images"].click()
    assert not panel.is_default()
    assert panel.reset_button.isEnabled()
    with qtbot.waitSignal(panel.changed, timeout=1000):
        panel.reset_button.click()
    assert panel.options() == defaults
    assert panel.defaults() == defaults


def test_every_option_explains_itself(panel: OptionsPanel) -> None:
    boxes = [*panel.switches.values(), *panel.notices.values(), panel.never]
    for widget in [*boxes, panel.tags, panel.returns, panel.reset_button]:
        assert widget.toolTip(), widget
        assert widget.accessibleName(), widget
    assert "URL" in panel.switches["prevent_scam"].toolTip() or (
        "web address" in panel.switches["prevent_scam"].toolTip()
    )


def test_give_up_after_is_typed_in_local_time_and_kept_as_utc(panel: OptionsPanel) -> None:
    from PySide6.QtCore import QDateTime, QTimeZone

    panel.set_options(SmtpeterOptions(max_deliver_time="2027-03-01 07:30:00"))
    assert panel.give_up.isChecked()
    shown = panel.give_up_time.dateTime()
    utc = QDateTime.fromString("2027-03-01 07:30:00", "yyyy-MM-dd HH:mm:ss")
    utc.setTimeZone(QTimeZone.utc())
    assert shown.toSecsSinceEpoch() == utc.toSecsSinceEpoch(), "the same moment, shown locally"
    assert panel.options().max_deliver_time == "2027-03-01 07:30:00", "a draft's value kept"
    local = QDateTime.fromString("2027-07-14 23:45", "yyyy-MM-dd HH:mm")  # summer time
    panel.give_up_time.setDateTime(local)
    expected = local.toUTC().toString("yyyy-MM-dd HH:mm:ss")
    assert expected.endswith(":00")
    assert panel.options().max_deliver_time == expected
    panel.give_up.setChecked(False)
    assert panel.options().max_deliver_time == ""


def test_give_up_after_is_for_rest_accounts_and_not_in_the_past(panel: OptionsPanel) -> None:
    from PySide6.QtCore import QDateTime

    panel.set_options(SmtpeterOptions(max_deliver_time="2020-01-01 00:00:00"))
    (problem,) = panel.problems()
    assert "give-up time (Options) has passed" in problem
    panel.set_rest(False)
    assert not panel.give_up.isEnabled()
    assert not panel.give_up_note.isHidden()
    assert panel.problems() == (), "an SMTP account does not pass it on"
    assert panel.options().max_deliver_time == "2020-01-01 00:00:00", "kept for a switch back"
    panel.set_rest(True)
    panel.give_up_time.setDateTime(QDateTime.currentDateTime().addDays(1))
    assert panel.problems() == ()
