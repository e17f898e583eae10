"""The options panel has no unsubscribe controls yet: it keeps a draft's unsubscribe options
when a switch is toggled, rather than dropping them."""

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
