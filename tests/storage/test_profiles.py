"""The profile file: round trips, validation naming line and field, a broken file left alone."""

from __future__ import annotations

import dataclasses
import os
import string
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smtpeter_desktop.compose.options import DSN_NOTIFY_VALUES, SmtpeterOptions
from smtpeter_desktop.storage import profiles, tomlfile
from smtpeter_desktop.storage.errors import (
    InvalidProfile,
    ProfileFileError,
    ProfileNotFound,
    SaveError,
)
from smtpeter_desktop.storage.profiles import (
    Identity,
    Profile,
    ProfileStore,
    Timeouts,
    ensure_default_profiles,
)


@pytest.fixture
def store(isolated_home: Path) -> ProfileStore:
    return ProfileStore(isolated_home / profiles.FILE_NAME)


def _work() -> Profile:
    return Profile.create(
        "Work",
        "smtp",
        host="smtp.example.net",
        port=465,
        security="tls",
        username="ann",
        ca_file="/etc/ssl/private-ca.pem",
        identities=(
            Identity("Ann Lee", "ann@example.com", reply_to="team@example.com"),
            Identity("", "ünï@bücher.example"),
        ),
        options=SmtpeterOptions(track_clicks=False, tags=("news", "q3"), dsn_notify=()),
        timeouts=Timeouts(connect=5, command=30.5, data=600),
    )


# Round trips and the store's operations -------------------------------------------------


def test_no_file_means_no_profiles(store: ProfileStore) -> None:
    assert not store.exists()
    assert store.load() == []
    assert store.default() is None


def test_round_trip(store: ProfileStore) -> None:
    work = store.add(_work())
    rest = store.add(Profile.create("REST", "rest", rest_url="https://api.example.net/v1"))
    assert store.load() == [work, rest]
    text = store.path.read_text(encoding="utf-8")
    assert text.startswith("# SMTPeter Desktop's profiles")
    assert tomllib.loads(text)["schema"] == profiles.SCHEMA


def test_a_hand_written_file_takes_defaults(store: ProfileStore) -> None:
    store.path.write_text(
        'schema = 1\n[[profiles]]\nid = "home"\nname = "Home"\ntransport = "smtp"\n'
        'options.tags = ["a"]\ntimeouts = { data = 5 }\n',
        encoding="utf-8",
    )
    [home] = store.load()
    assert home == Profile(
        id="home",
        name="Home",
        transport="smtp",
        options=SmtpeterOptions(tags=("a",)),
        timeouts=Timeouts(data=5.0),
    )


def test_get_by_id_or_name_ignoring_case(store: ProfileStore) -> None:
    work = store.add(_work())
    assert store.get(work.id) == work
    assert store.get("  wORK ") == work
    store.add(Profile.create("Other", "rest"))
    with pytest.raises(ProfileNotFound, match="'Nope'") as info:
        store.get("Nope")
    assert "'Work', 'Other'" in str(info.value)
    assert store.find("nope") is None


def test_names_are_unique_ignoring_case(store: ProfileStore) -> None:
    store.add(_work())
    before = store.path.read_bytes()
    with pytest.raises(InvalidProfile, match="already a profile named 'Work'") as info:
        store.add(Profile.create("WORK", "rest"))
    assert info.value.field == "name"
    assert store.path.read_bytes() == before


def test_rename_keeps_the_id(store: ProfileStore) -> None:
    work = store.add(_work())
    other = store.add(Profile.create("Other", "rest"))
    renamed = store.update(dataclasses.replace(work, name="Office"))
    assert store.load() == [renamed, other]
    assert store.get("office").id == work.id
    with pytest.raises(InvalidProfile, match="already a profile named 'Other'"):
        store.update(dataclasses.replace(work, name="other"))
    with pytest.raises(ProfileNotFound):
        store.update(Profile.create("Ghost", "rest"))


def test_remove(store: ProfileStore) -> None:
    work = store.add(_work())
    other = store.add(Profile.create("Other", "rest"))
    assert store.remove(work.id) == work
    assert store.load() == [other]
    with pytest.raises(ProfileNotFound):
        store.remove(work.id)


def test_default_is_the_chosen_one_else_the_first(store: ProfileStore) -> None:
    work = store.add(_work())
    other = store.add(Profile.create("Other", "rest"))
    assert store.default(other.id) == other
    assert store.default("") == work
    assert store.default("gone") == work


def test_first_start_makes_the_sandbox_once(store: ProfileStore) -> None:
    sandbox = ensure_default_profiles(store)
    assert sandbox is not None
    assert sandbox.sandbox
    assert sandbox.transport == "rest"
    assert sandbox.name == profiles.SANDBOX_NAME
    assert [i.display for i in sandbox.identities] == ["SMTPeter Desktop <you@example.com>"]
    assert "delivers nothing" in sandbox.describe()
    assert store.load() == [sandbox]
    assert ensure_default_profiles(store) is None
    store.remove(sandbox.id)
    assert ensure_default_profiles(store) is None, "a person who removed it keeps it removed"
    assert store.load() == []


def test_describe_never_shows_a_secret() -> None:
    work = _work()
    assert work.describe() == "SMTP smtp.example.net:465 (TLS) as ann"
    assert Profile.create("R", "rest").describe() == "REST https://www.smtpeter.com/v1"


def test_a_failed_write_keeps_the_file(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(_work())
    before = store.path.read_bytes()

    def full_disk(fd: int) -> None:  # a test double for a full disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SaveError, match="disk is full"):
        store.add(Profile.create("Other", "rest"))
    monkeypatch.undo()
    assert store.path.read_bytes() == before


# Values a profile cannot have ------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": ""}, "id"),
        ({"id": "has space"}, "id"),
        ({"name": "   "}, "name"),
        ({"name": "two\nlines"}, "name"),
        ({"name": "x" * 65}, "name"),
        ({"transport": "smpt"}, "transport"),
        ({"security": "ssl"}, "security"),
        ({"port": 0}, "port"),
        ({"port": 65536}, "port"),
        ({"host": ""}, "host"),
        ({"host": "a b"}, "host"),
        ({"host": "ann@mail.example.com"}, "host"),
        ({"host": "mail.smtpeter.com:587"}, "host"),
        ({"host": "smtp://mail.example.com"}, "host"),
        ({"username": "a\rb"}, "username"),
        ({"rest_url": "ftp://example.com"}, "rest_url"),
        ({"rest_url": "https://example.com/v1?access_token=x"}, "rest_url"),
        ({"rest_url": "https://[::1"}, "rest_url"),
        ({"rest_url": "http://www.smtpeter.com/v1"}, "rest_url"),
        ({"rest_url": "http://192.168.1.5/v1"}, "rest_url"),
        ({"ca_file": "a\x00b"}, "ca_file"),
    ],
)
def test_invalid_values_name_the_field(changes: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {"id": "x", "name": "X", "transport": "smtp", **changes}
    with pytest.raises(InvalidProfile) as info:
        Profile(**values)
    assert info.value.field == field
    assert info.value.message


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8025/v1", "http://localhost/v1", "http://[::1]:80/v1"]
)
def test_plain_http_only_to_this_computer(url: str) -> None:
    assert Profile(id="r", name="R", transport="rest", rest_url=url).rest_url == url


def test_a_rest_profile_needs_a_url_unless_it_is_the_sandbox() -> None:
    with pytest.raises(InvalidProfile) as info:
        Profile(id="r", name="R", transport="rest", rest_url="")
    assert info.value.field == "rest_url"
    sandbox = Profile(id="s", name="S", transport="rest", rest_url="", host="", sandbox=True)
    assert sandbox.describe() == profiles.SANDBOX_NOTE


def test_an_ipv6_server() -> None:
    assert Profile(id="x", name="X", transport="smtp", host="::1").host == "::1"


def test_names_are_trimmed() -> None:
    assert Profile(id="x", name="  Work \t", transport="rest").name == "Work"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"address": "not an address"}, "address"),
        ({"address": "Ann <ann@example.com>"}, "address"),
        ({"address": "ann@localhost"}, "address"),
        ({"reply_to": "nope@"}, "reply_to"),
        ({"name": "a\nb"}, "name"),
    ],
)
def test_invalid_identities(changes: dict[str, str], field: str) -> None:
    values = {"name": "Ann", "address": "ann@example.com", **changes}
    with pytest.raises(InvalidProfile) as info:
        Identity(**values)
    assert info.value.field == field


def test_identity_from_what_a_person_types() -> None:
    assert Identity.parse(" Ann Lee <ann@example.com> ") == Identity("Ann Lee", "ann@example.com")
    assert Identity.parse('"Lee, Ann" <ann@bücher.example>').name == "Lee, Ann"
    assert Identity.parse("ann@example.com").display == "ann@example.com"
    for bad in ("Ann Lee", "a@b.c, d@e.f", ""):
        with pytest.raises(InvalidProfile):
            Identity.parse(bad)


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), 3601])
def test_invalid_timeouts(value: float) -> None:
    with pytest.raises(InvalidProfile) as info:
        Timeouts(command=value)
    assert info.value.field == "command"


# Mistakes in the file: each names its line and field --------------------------------------

_FIRST = 'schema = 1\n\n[[profiles]]\nid = "a1"\nname = "Home"\ntransport = "rest"\n\n'
_SECOND = '[[profiles]]\nid = "b2"\nname = "Work"\ntransport = "smtp"\n'
# The second profile starts on line 8; its fourth line (12) is free for the mistake.


@pytest.mark.parametrize(
    ("mistake", "line", "field", "words"),
    [
        ('port = "abc"', 12, "port", 'whole number, not text in quotes ("abc")'),
        ("port = 70000", 12, "port", "from 1 to 65535"),
        ('security = "ssl"', 12, "security", "'ssl'"),
        ("prot = 25", 12, "prot", "Did you mean port?"),
        ('sandbox = "yes"', 12, "sandbox", "true or false"),
        ('host = "a b"', 12, "host", "not a server name"),
        ('rest_url = "ftp://x.example"', 12, "rest_url", "https://"),
        ('options = { tags = ["two words"] }', 12, "options.tags", "'two words'"),
        ('options.track_clicks = "yes"', 12, "options.track_clicks", "true or false"),
        ("options.trackclicks = true", 12, "options.trackclicks", "Did you mean track_clicks?"),
        ('options.dsn_notify = ["SOMETIMES"]', 12, "options.dsn_notify", "SOMETIMES"),
        ("options.tags = [1]", 12, "options.tags", "each of options.tags"),
        ("timeouts.connect = -1", 12, "timeouts.connect", "more than 0"),
        ('timeouts = { data = "x" }', 12, "timeouts.data", "a number"),
        ("timeouts.wait = 1", 12, "timeouts.wait", "not a timeout"),
        ("identities = 3", 12, "identities", "a list"),
        (
            'identities = [{ address = "a@example.com" }, { address = "bad" }]',
            12,
            "identities.address",
            "'bad' is not a usable e-mail address",
        ),
        (
            '\n[[profiles.identities]]\nname = "Ann"\naddress = "ann@example.com"\nreply_to = "x@"',
            16,
            "identities.reply_to",
            "'x@'",
        ),
        ('\n[[profiles.identities]]\nname = "Ann"', 13, "identities.address", "no address"),
        (
            '[[profiles.identities]]\naddress = "a@example.com"\nnmae = "A"',
            14,
            "identities.nmae",
            "Did you mean name?",
        ),
    ],
)
def test_a_bad_value_names_line_and_field(
    store: ProfileStore, mistake: str, line: int, field: str, words: str
) -> None:
    store.path.write_text(_FIRST + _SECOND + mistake + "\n", encoding="utf-8")
    with pytest.raises(ProfileFileError) as info:
        store.load()
    error = info.value
    assert (error.line, error.field) == (line, field), str(error)
    assert words in error.reason
    assert str(error).startswith(f"{store.path}, line {line}, {field}: ")
    assert "leaves the file as it is" in error.hint


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (_FIRST + _SECOND.replace('"smtp"', '"smpt"'), 11, "transport", "'smpt'"),
        (_FIRST + _SECOND.replace('"Work"', '"home"'), 10, "name", "same name as profile 1"),
        (_FIRST + _SECOND.replace('"Work"', '""'), 10, "name", "needs a name"),
        (_FIRST + _SECOND.replace('"b2"', '"a1"'), 9, "id", "same id"),
        (_FIRST + _SECOND.replace('id = "b2"\n', ""), 8, "id", "profile 2 ('Work') has no id"),
        (_FIRST + _SECOND.replace('transport = "smtp"\n', ""), 8, "transport", "no transport"),
        (_FIRST + _SECOND.replace("= ", "", 1), 9, "id", "not valid TOML"),
        (_FIRST + "port = abc\n", 8, "port", "not valid TOML: invalid value (column 8)"),
        (_FIRST.replace("schema = 1\n", ""), 1, "schema", "add `schema = 1`"),
        (_FIRST.replace("schema = 1", 'schema = "1"'), 1, "schema", "whole number"),
        (_FIRST.replace("schema = 1", "schema = 7"), 1, "schema", "newer SMTPeter Desktop"),
        (_FIRST.replace("schema = 1", "schema = 1\nprofile = []"), 2, "profile", "Did you mean"),
        ('schema = 1\nprofiles = "none"\n', 2, "profiles", "a list"),
        ("schema = 1\nprofiles = [1]\n", 2, "profiles", "each profile must be a table"),
    ],
)
def test_a_mistake_names_line_and_field(
    store: ProfileStore, text: str, line: int, field: str, words: str
) -> None:
    store.path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileFileError) as info:
        store.load()
    assert (info.value.line, info.value.field) == (line, field), str(info.value)
    assert words in info.value.reason


def test_a_newer_schema_says_to_update(store: ProfileStore) -> None:
    store.path.write_text("schema = 2\n", encoding="utf-8")
    with pytest.raises(ProfileFileError, match="Update SMTPeter Desktop"):
        store.load()


def test_text_that_is_not_utf8(store: ProfileStore) -> None:
    store.path.write_bytes(_FIRST.encode() + b'username = "caf\xe9"\n')
    with pytest.raises(ProfileFileError, match="UTF-8") as info:
        store.load()
    assert info.value.line == 8


def test_a_folder_in_the_files_place(store: ProfileStore) -> None:
    store.path.mkdir()
    with pytest.raises(ProfileFileError, match="cannot be read") as info:
        store.load()
    assert info.value.line is None


def test_a_broken_file_is_never_overwritten(store: ProfileStore) -> None:
    work = store.add(_work())
    broken = store.path.read_text(encoding="utf-8").replace("port = 465", 'port = "465"')
    store.path.write_text(broken, encoding="utf-8")
    before = store.path.read_bytes()
    attempts: list[Callable[[], object]] = [
        lambda: store.add(Profile.create("New", "rest")),
        lambda: store.update(dataclasses.replace(work, name="Renamed")),
        lambda: store.remove(work.id),
        lambda: store.get("Work"),
    ]
    for attempt in attempts:
        with pytest.raises(ProfileFileError, match="saves no change to profiles"):
            attempt()
        assert store.path.read_bytes() == before
    assert ensure_default_profiles(store) is None
    assert store.path.read_bytes() == before


# Schema upgrades --------------------------------------------------------------------------


def test_upgrades_run_in_order(store: ProfileStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A made-up history: schema 1 named the host ``server``; schema 2 lost ``retired``."""
    calls: list[int] = []

    def one_to_two(document: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        for profile in document.get("profiles", []):
            profile["host"] = profile.pop("server")
        return document

    def two_to_three(document: dict[str, Any]) -> dict[str, Any]:
        calls.append(2)
        for profile in document.get("profiles", []):
            profile.pop("retired", None)
        return document

    monkeypatch.setattr(profiles, "SCHEMA", 3)
    monkeypatch.setattr(profiles, "UPGRADES", {1: one_to_two, 2: two_to_three})
    store.path.write_text(
        'schema = 1\n[[profiles]]\nid = "a"\nname = "Old"\ntransport = "smtp"\n'
        'server = "old.example.net"\nretired = true\n',
        encoding="utf-8",
    )
    [old] = store.load()
    assert calls == [1, 2]
    assert old.host == "old.example.net"
    store.update(dataclasses.replace(old, name="Upgraded"))
    assert tomllib.loads(store.path.read_text(encoding="utf-8"))["schema"] == 3
    calls.clear()
    assert store.get("upgraded").host == "old.example.net"
    assert calls == []


def test_a_step_may_refuse_what_it_cannot_carry(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(document: dict[str, Any]) -> dict[str, Any]:
        raise tomlfile.Mistake(
            "this profile's old security cannot be carried over.", key=("profiles", 0, "security")
        )

    monkeypatch.setattr(profiles, "SCHEMA", 2)
    monkeypatch.setattr(profiles, "UPGRADES", {1: refuse})
    store.path.write_text(_FIRST.replace('"rest"', '"smtp"\nsecurity = "ssl"'), encoding="utf-8")
    with pytest.raises(ProfileFileError, match="cannot be carried over") as info:
        store.load()
    assert (info.value.line, info.value.field) == (7, "security")


def test_a_gap_in_the_upgrades_is_a_bug() -> None:
    with pytest.raises(KeyError):
        tomlfile.upgrade({"schema": 1}, current=3, upgrades={2: dict})


# Any valid profile survives the file ------------------------------------------------------

_LINE_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
_ADDRESSES = st.builds(
    "{}@{}".format,
    st.from_regex(r"[a-z0-9]{1,8}(\.[a-z0-9_+-]{1,8})?", fullmatch=True) | st.just("ünï"),
    st.sampled_from(["example.com", "bücher.example", "mail.example.org", "xn--bcher-kva.example"]),
)
_IDENTITIES = st.builds(
    Identity,
    name=st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    address=_ADDRESSES,
    reply_to=st.just("") | _ADDRESSES,
)
_OPTIONS = st.builds(
    SmtpeterOptions,
    inline_css=st.booleans(),
    track_clicks=st.booleans(),
    track_opens=st.booleans(),
    track_bounces=st.booleans(),
    prevent_scam=st.booleans(),
    hosted_images=st.booleans(),
    tags=st.lists(st.from_regex(r"[A-Za-z0-9_.:-]{1,16}", fullmatch=True), max_size=3).map(tuple),
    dsn_notify=st.lists(st.sampled_from(DSN_NOTIFY_VALUES), unique=True).map(tuple),
    dsn_ret=st.sampled_from(["HDRS", "FULL"]),
)
_SECONDS = st.floats(min_value=0.001, max_value=3600, allow_nan=False)
_PROFILES = st.builds(
    Profile,
    id=st.uuids().map(lambda u: u.hex)
    | st.text(string.ascii_letters + "_-", min_size=1, max_size=8),
    name=_LINE_TEXT.filter(lambda s: len(s.strip()) > 0),
    transport=st.sampled_from(profiles.TRANSPORTS),
    host=st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9-]{1,10}){0,2}", fullmatch=True),
    port=st.integers(1, 65535),
    security=st.sampled_from(profiles.SECURITIES),
    username=_LINE_TEXT,
    rest_url=st.sampled_from(["https://www.smtpeter.com/v1", "http://127.0.0.1:8025/v1"]),
    ca_file=_LINE_TEXT,
    identities=st.lists(_IDENTITIES, max_size=3).map(tuple),
    options=_OPTIONS,
    timeouts=st.builds(Timeouts, _SECONDS, _SECONDS, _SECONDS),
    sandbox=st.booleans(),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_PROFILES, max_size=3, unique_by=(lambda p: p.id, lambda p: p.name.casefold())))
def test_any_valid_profiles_round_trip(store: ProfileStore, generated: list[Profile]) -> None:
    store.path.unlink(missing_ok=True)
    for profile in generated:
        store.add(profile)
    assert store.load() == generated


def _many_profiles(count: int, *, typo_in_last: bool) -> str:
    """The file the app writes for ``count`` profiles, the last one's port mistyped."""
    written = [
        Profile.create(f"P{i}", "smtp", identities=(Identity("Ann", f"a{i}@example.com"),))
        for i in range(count)
    ]
    text = profiles._HEADER + tomli_w.dumps(
        {"schema": 1, "profiles": [profiles._profile_to(p) for p in written]}
    )
    if typo_in_last:
        at = text.rindex("port = 587")
        text = text[:at] + 'port = "58 7"' + text[at + len("port = 587") :]
    return text


def test_a_mistake_in_a_long_file_is_found_in_one_reading(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not a timing: the work is counted. Finding the line used to parse ever longer
    # beginnings of the file (38 parses for 1,000 profiles, 28 s; over 5 min for 3,000).
    store.path.write_text(_many_profiles(300, typo_in_last=True), encoding="utf-8")
    parsed: list[int] = []
    real = tomllib.loads

    def counted(text: str, **kwargs: Any) -> dict[str, Any]:
        parsed.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", counted)  # a spy: the real parser runs
    with pytest.raises(ProfileFileError) as info:
        store.load()
    assert info.value.field == "port"
    assert info.value.line is not None
    assert store.path.read_text(encoding="utf-8").split("\n")[info.value.line - 1] == (
        'port = "58 7"'
    )
    assert len(parsed) == 1, "the file is parsed once; the line is found without parsing"


def test_a_mistake_in_the_last_of_3000_profiles_is_reported_at_once(
    store: ProfileStore,
) -> None:
    import subprocess
    import sys

    text = _many_profiles(3000, typo_in_last=True)
    store.path.write_text(text, encoding="utf-8")
    # Where the typo is, counted here: the file grows when an option is added.
    line = text[: text.rindex('port = "58 7"')].count("\n") + 1
    # A deadline for a hang, not a speed claim: it takes about a second now.
    result = subprocess.run(
        [sys.executable, "-m", "smtpeter_desktop", "profiles", "list"],
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 2
    assert f"line {line}, port" in result.stderr and "Traceback" not in result.stderr
