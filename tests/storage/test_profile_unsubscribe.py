"""A profile's unsubscribe defaults in profiles.toml: a one-click pair loads, a one-click
without its link is a mistake named by line and field (the rule spans two fields)."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.storage.errors import ProfileFileError
from smtpeter_desktop.storage.profiles import Profile, ProfileStore

ONE_CLICK = SmtpeterOptions(
    unsubscribe_email="leave@example.org",
    unsubscribe_url="https://example.org/unsubscribe",
    unsubscribe_oneclick=True,
)


def test_one_click_unsubscribe_defaults_round_trip(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles.toml")
    store.add(Profile.create("News", "rest", options=ONE_CLICK))
    assert store.get("News").options == ONE_CLICK


@pytest.mark.parametrize(
    ("lines", "field", "words"),
    [
        ("options.unsubscribe_oneclick = true", "options.unsubscribe_oneclick", "needs an"),
        ('options.unsubscribe_url = "ftp://x.example"', "options.unsubscribe_url", "not a web"),
    ],
)
def test_an_unusable_unsubscribe_default_names_its_field(
    tmp_path: Path, lines: str, field: str, words: str
) -> None:
    path = tmp_path / "profiles.toml"
    path.write_text(
        f'schema = 1\n\n[[profiles]]\nid = "a1"\nname = "Home"\ntransport = "rest"\n{lines}\n',
        encoding="utf-8",
    )
    with pytest.raises(ProfileFileError) as info:
        ProfileStore(path).load()
    assert (info.value.line, info.value.field) == (7, field)
    assert words in info.value.reason
