"""SMTPeter options: validation and storage form."""

from __future__ import annotations

import pytest

from smtpeter_desktop.compose.errors import OptionsError
from smtpeter_desktop.compose.options import SmtpeterOptions, parse_tags


@pytest.mark.parametrize("tag", ["two words", "a;b", "a,b", "", "x" * 65])
def test_tags_smtpeter_would_refuse_are_refused(tag: str) -> None:
    with pytest.raises(OptionsError, match="tag"):
        SmtpeterOptions(tags=(tag,))


def test_dsn_values_are_checked() -> None:
    with pytest.raises(OptionsError):
        SmtpeterOptions(dsn_notify=("SOMETIMES",))
    with pytest.raises(OptionsError):
        SmtpeterOptions(dsn_ret="ALL")
    assert SmtpeterOptions(dsn_notify=()).dsn_notify_text == "NEVER"
    assert SmtpeterOptions(dsn_notify=("SUCCESS", "FAILURE")).dsn_notify_text == "SUCCESS,FAILURE"


def test_round_trip_and_unknown_keys() -> None:
    options = SmtpeterOptions(tags=("news", "q4"), prevent_scam=True)
    assert SmtpeterOptions.from_dict(options.to_dict()) == options
    with pytest.raises(OptionsError, match="trackclicks"):
        SmtpeterOptions.from_dict({"trackclicks": True})


def test_tags_as_typed() -> None:
    assert parse_tags("news, q4;launch  beta") == ("news", "q4", "launch", "beta")
