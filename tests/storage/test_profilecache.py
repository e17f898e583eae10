"""The copy of the checked profiles that ``profiles list`` reads: kept by ProfileStore for a
file it read and checked, used only for those exact bytes, anything doubtful ignored."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop import __version__
from smtpeter_desktop.storage import profilecache, profiles
from smtpeter_desktop.storage.errors import ProfileFileError
from smtpeter_desktop.storage.profiles import Identity, Profile, ProfileStore
from tests.helpers import disks

WORK = """\
schema = 1

[[profiles]]
id = "a1"
name = "Work"
transport = "smtp"
host = "mail.example.net"
port = 465
security = "tls"
username = "ann"

[[profiles.identities]]
name = "Ann Lee"
address = "ann@example.com"

[[profiles]]
id = "b2"
name = "Api"
transport = "rest"
rest_url = "https://api.example.com/v1"
"""


@pytest.fixture
def store(isolated_home: Path) -> ProfileStore:
    path = isolated_home / profiles.FILE_NAME
    path.write_text(WORK, encoding="utf-8")
    return ProfileStore(path)


def _cache(store: ProfileStore) -> Path:
    return Path(profilecache.cache_path(str(store.path)))


def test_a_checked_file_is_kept_with_what_a_list_shows(store: ProfileStore) -> None:
    loaded = store.load()
    found = profilecache.read(str(store.path))
    assert found == profiles.listed(loaded)
    assert found is not None
    assert [profilecache.describe(r) for r in found] == [p.describe() for p in loaded]
    assert found[0]["identities"] == (("Ann Lee", "ann@example.com"),)
    assert profilecache.display(*found[0]["identities"][0]) == loaded[0].identities[0].display


def test_the_copy_is_private_and_written_once_for_the_same_bytes(store: ProfileStore) -> None:
    store.load()
    first = _cache(store).stat()
    assert first.st_mode & 0o777 == 0o600
    store.load()
    ProfileStore(store.path).load()  # another process's store: it finds the copy in place
    again = _cache(store).stat()
    # A new copy replaces the file (a new inode): none was written.
    assert (again.st_ino, again.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)


def test_an_edit_of_one_byte_in_the_same_size_and_time_is_seen(store: ProfileStore) -> None:
    store.load()
    before = store.path.stat()
    store.path.write_text(WORK.replace('"Work"', '"Wirk"'), encoding="utf-8")
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert store.path.stat().st_size == before.st_size
    assert profilecache.read(str(store.path)) is None
    assert [p.name for p in ProfileStore(store.path).load()] == ["Wirk", "Api"]
    found = profilecache.read(str(store.path))
    assert found is not None and found[0]["name"] == "Wirk"


def test_a_file_with_a_mistake_is_never_kept(store: ProfileStore) -> None:
    store.load()
    good = _cache(store).read_bytes()
    store.path.write_text(WORK.replace("port = 465", 'port = "465"'), encoding="utf-8")
    with pytest.raises(ProfileFileError, match="port"):
        store.load()
    assert _cache(store).read_bytes() == good, "the copy of the good file stays as it was"
    assert profilecache.read(str(store.path)) is None, "and is not of these bytes"
    _cache(store).unlink()
    with pytest.raises(ProfileFileError):
        ProfileStore(store.path).load()
    assert not _cache(store).exists()


def _shaped(
    data: bytes,
    *,
    format: int = 1,
    version: str = __version__,
    records: tuple[Any, ...] | list[Any],
) -> bytes:
    """A copy as the module writes one, with any of its parts chosen by the test."""
    return b"smtpeter-desktop profiles cache\n" + marshal.dumps((format, version, data, records))


def _damaged(kind: str, good: bytes, data: bytes, record: profilecache.Record) -> bytes:
    missing = {name: value for name, value in record.items() if name != "port"}
    shape = {**record, "identities": (("a",),)}
    return {
        "cut short": good[: len(good) // 2],
        "empty": b"",
        "garbage": os.urandom(64),
        "foreign": b"[section]\nkey = 1\n",
        "ours, then garbage": good[: good.index(b"\n") + 1] + b"\xff\x00garbage",
        "an older format": _shaped(data, format=0, records=(record,)),
        "another version": _shaped(data, version="0.0.1", records=(record,)),
        "a field missing": _shaped(data, records=(missing,)),
        "a field of the wrong type": _shaped(data, records=({**record, "port": "465"},)),
        "an identity of the wrong shape": _shaped(data, records=(shape,)),
        "no list of profiles": _shaped(data, records=[record]),
    }[kind]  # fmt: skip


@pytest.mark.parametrize(
    "kind",
    [
        "cut short",
        "empty",
        "garbage",
        "foreign",
        "ours, then garbage",
        "an older format",
        "another version",
        "a field missing",
        "a field of the wrong type",
        "an identity of the wrong shape",
        "no list of profiles",
    ],
)
def test_a_doubtful_copy_is_ignored_and_written_again(store: ProfileStore, kind: str) -> None:
    loaded = store.load()
    good = _cache(store).read_bytes()
    record = profiles.record_of(loaded[0])
    _cache(store).write_bytes(_damaged(kind, good, store.path.read_bytes(), record))
    assert profilecache.read(str(store.path)) is None
    assert ProfileStore(store.path).load() == loaded
    assert _cache(store).read_bytes() == good
    assert profilecache.read(str(store.path)) == profiles.listed(loaded)


def test_without_a_profile_file_or_a_copy_nothing_is_read(isolated_home: Path) -> None:
    path = isolated_home / profiles.FILE_NAME
    assert profilecache.read(str(path)) is None
    path.write_text(WORK, encoding="utf-8")
    assert profilecache.read(str(path)) is None


def test_a_folder_where_no_copy_can_be_written_still_loads(isolated_home: Path) -> None:
    home = isolated_home / "kept"
    home.mkdir(mode=0o700)
    path = home / profiles.FILE_NAME
    path.write_text(WORK, encoding="utf-8")
    with disks.read_only(home):
        assert [p.name for p in ProfileStore(path).load()] == ["Work", "Api"]
        assert profilecache.read(str(path)) is None
    assert sorted(os.listdir(home)) == [profiles.FILE_NAME]


def test_the_copy_of_a_file_with_another_name_is_beside_it(tmp_path: Path) -> None:
    assert profilecache.cache_path(str(tmp_path / "profiles.toml")) == str(
        tmp_path / "profiles.cache"
    )
    assert profilecache.cache_path(str(tmp_path / "mine")) == str(tmp_path / "mine.cache")
    assert profilecache.cache_path(str(tmp_path / "odd.cache")) == str(tmp_path / "odd.cache.cache")


def test_the_copy_holds_nothing_but_what_a_list_shows(store: ProfileStore) -> None:
    added = store.add(
        Profile.create(
            "Private",
            "smtp",
            host="smtp.example.org",
            username="bob",
            ca_file="/home/bob/secret-ca.pem",
            identities=(Identity("Bob", "bob@example.org", reply_to="team@example.org"),),
        )
    )
    store.load()
    found = profilecache.read(str(store.path))
    assert found is not None
    assert set(found[-1]) == {*profilecache.FIELDS, "identities"}
    assert found[-1]["id"] == added.id


def test_the_copy_finds_a_profile_as_the_store_does_and_says_where_it_connects(
    store: ProfileStore,
) -> None:
    store.load()
    found = profilecache.read(str(store.path))
    assert found is not None
    for asked in ("a1", "b2", "Work", " wORK ", "api", "nobody", ""):
        record = profilecache.find(found, asked)
        profile = store.find(asked)
        assert (record and record["id"]) == (profile and profile.id), asked
    work = profilecache.find(found, "work")
    assert work is not None
    assert (work["host"], work["port"], work["ca_file"], work["connect_timeout"]) == (
        "mail.example.net",
        465,
        "",
        15.0,
    )
