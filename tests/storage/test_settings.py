"""The settings table, its file, and bad values that fall back to their defaults."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from smtpeter_desktop.storage import settings as prefs
from smtpeter_desktop.storage.errors import InvalidSetting, SettingsFileError
from smtpeter_desktop.storage.settings import OPTIONS, AnyOption, Settings


@pytest.fixture
def path(isolated_home: Path) -> Path:
    return isolated_home / prefs.FILE_NAME


def _other_value(option: AnyOption) -> bool | int | str:
    """A value the option can take that is not its default."""
    default = option.default
    if isinstance(default, bool):
        return not default
    if isinstance(default, int):
        assert option.maximum is not None
        return option.maximum if default != option.maximum else option.minimum or 0
    if option.choices:
        return next(choice for choice in option.choices if choice != default)
    return default + "x"


def test_the_table() -> None:
    for option in OPTIONS:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", option.name)
        assert option.description.endswith("."), option.name
        assert option.kind in ("setting", "state")
        assert prefs.BY_NAME[option.name] is option
    assert prefs.UNDO_SEND_SECONDS.default == 5
    assert prefs.THEME.choices == ("system", "light", "dark")


def test_no_file_means_every_default(path: Path) -> None:
    loaded = Settings.load(path)
    assert loaded.problems == ()
    for option in OPTIONS:
        assert loaded.value(option.name) == option.default
    assert loaded.get(prefs.UNDO_SEND_SECONDS) == 5
    assert loaded.get(prefs.PREVIEW) is True


def test_every_default_round_trips(path: Path) -> None:
    Settings.load(path).save()
    text = path.read_text(encoding="utf-8")
    document = tomllib.loads(text)
    assert document == {"schema": prefs.SCHEMA}, "defaults are written commented out"
    for option in OPTIONS:
        assert f"# {option.name} = " in text
        assert option.description in text
    loaded = Settings.load(path)
    assert loaded.problems == ()
    assert {o.name: loaded.value(o.name) for o in OPTIONS} == {o.name: o.default for o in OPTIONS}


@pytest.mark.parametrize("option", OPTIONS, ids=lambda option: option.name)
def test_every_option_round_trips(path: Path, option: AnyOption) -> None:
    changed = Settings.load(path)
    value = _other_value(option)
    changed.set_value(option.name, value)
    changed.save()
    loaded = Settings.load(path)
    assert loaded.problems == ()
    assert loaded.value(option.name) == value
    assert tomllib.loads(path.read_text(encoding="utf-8"))[option.name] == value
    loaded.reset(option)
    assert loaded.value(option.name) == option.default


def test_typed_access(path: Path) -> None:
    current = Settings.load(path)
    current.set(prefs.THEME, "dark")
    current.set(prefs.EDITOR_FONT_SIZE, 14)
    theme: str = current.get(prefs.THEME)
    size: int = current.get(prefs.EDITOR_FONT_SIZE)
    assert (theme, size) == ("dark", 14)


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        (prefs.UNDO_SEND_SECONDS, 61, "from 0 to 60, not 61"),
        (prefs.UNDO_SEND_SECONDS, -1, "from 0 to 60"),
        (prefs.EDITOR_FONT_SIZE, 5, "from 6 to 48"),
        (prefs.UNDO_SEND_SECONDS, True, "whole number, not true or false"),
        (prefs.PREVIEW, 1, "true or false, not a whole number"),
        (prefs.THEME, "blue", "one of 'system', 'light', 'dark'"),
        (prefs.EDITOR_FONT_FAMILY, "Mono\nspace", "one line"),
    ],
)
def test_bad_values_are_refused(path: Path, option: AnyOption, value: object, words: str) -> None:
    with pytest.raises(InvalidSetting, match=re.escape(words)) as info:
        Settings.load(path).set_value(option.name, value)  # type: ignore[arg-type]
    assert info.value.name == option.name


def test_unknown_names_are_a_bug(path: Path) -> None:
    with pytest.raises(KeyError, match="'nope'"):
        Settings.load(path).value("nope")


def test_a_wrong_default_in_the_table_is_a_bug() -> None:
    with pytest.raises(InvalidSetting):
        prefs.Option("size", 100, "Too big.", maximum=10)


def test_bad_values_in_the_file_fall_back_and_name_their_line(path: Path) -> None:
    path.write_text(
        "schema = 1\n"
        'theme = "dark"\n'
        "undo_send_seconds = 600\n"
        'preview = "yes"\n'
        'them = "light"\n'
        "editor_font_size = 14\n",
        encoding="utf-8",
    )
    loaded = Settings.load(path)
    assert loaded.get(prefs.THEME) == "dark"
    assert loaded.get(prefs.UNDO_SEND_SECONDS) == 5
    assert loaded.get(prefs.PREVIEW) is True
    assert loaded.get(prefs.EDITOR_FONT_SIZE) == 14
    found = [(p.line, p.field) for p in loaded.problems]
    assert found == [(3, "undo_send_seconds"), (4, "preview"), (5, "them")]
    undo, preview, them = (str(p) for p in loaded.problems)
    assert "from 0 to 60, not 600. Using the default, 5." in undo
    assert 'true or false, not text in quotes ("yes"). Using the default, true.' in preview
    assert "kept but unused. Did you mean theme?" in them
    assert undo.startswith(f"{path}, line 3, undo_send_seconds: ")
    # Saving puts right what was wrong, and keeps what a newer version may need.
    loaded.save()
    again = Settings.load(path)
    assert [p.field for p in again.problems] == ["them"]
    assert tomllib.loads(path.read_text(encoding="utf-8"))["them"] == "light"
    assert again.get(prefs.EDITOR_FONT_SIZE) == 14


def test_a_file_written_by_hand_needs_no_schema(path: Path) -> None:
    path.write_text('theme = "light"\n', encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.problems == ()
    assert loaded.get(prefs.THEME) == "light"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('theme = "dark"\nundo_send_seconds = \n', 2, "not valid TOML"),
        ("schema = 9\n", 1, "newer SMTPeter Desktop"),
        (b'theme = "d\xe4rk"\n', 1, "UTF-8"),
    ],
)
def test_an_unreadable_file_gives_defaults_and_is_never_overwritten(
    path: Path, text: str | bytes, line: int, words: str
) -> None:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    loaded = Settings.load(path)
    [problem] = loaded.problems
    assert problem.line == line
    assert words in problem.message
    assert loaded.get(prefs.THEME) == "system"
    loaded.set(prefs.THEME, "dark")
    with pytest.raises(SettingsFileError, match="not saved") as info:
        loaded.save()
    assert info.value.line == line
    assert path.read_bytes() == (text.encode() if isinstance(text, str) else text)


def test_a_folder_in_the_files_place(path: Path) -> None:
    path.mkdir()
    [problem] = Settings.load(path).problems
    assert "cannot be read" in str(problem)


def test_upgrades_run_before_values_are_read(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A made-up history: schema 1 called the theme ``colours``."""

    def rename(document: dict[str, object]) -> dict[str, object]:
        document["theme"] = document.pop("colours")
        return document

    monkeypatch.setattr(prefs, "SCHEMA", 2)
    monkeypatch.setattr(prefs, "UPGRADES", {1: rename})
    path.write_text('schema = 1\ncolours = "dark"\n', encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.problems == ()
    assert loaded.get(prefs.THEME) == "dark"
    loaded.save()
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"schema": 2, "theme": "dark"}
