"""``profiles list`` from the copy the app keeps of its checked profiles (storage/profilecache.py):
the same words as the full read, in English and Dutch, and any doubt sends it the full way."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from smtpeter_desktop import __version__
from smtpeter_desktop.storage import profilecache, profiles
from smtpeter_desktop.storage.errors import ProfileFileError
from smtpeter_desktop.storage.profiles import ProfileStore
from tests.cli.conftest import Cli, no_secret_anywhere
from tests.helpers import disks

PASSWORD = "pw-Zq8!never-in-a-file"
TOKEN = "tok-Lm3-never-in-a-file"
# The list of a home with one profile of each kind, as it has always been printed.
LISTED = """\
Sandbox
  A local test server inside the app: it keeps what you send and delivers nothing.
  from: SMTPeter Desktop <you@example.com>
  secret: needs none
Work
  SMTP mail.example.net:465 (TLS) as ann
  from: Ann Lee <ann@example.com>, bob@example.com
  secret: stored
  REST token for checks: stored
Api
  REST https://api.example.com/v1
  from: no senders
  secret: not stored
"""


def _listed(cli: Cli, **env: str) -> str:
    result = cli("profiles", "list", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture
def home(cli: Cli, isolated_home: Path) -> Path:
    """A home with the Sandbox, an SMTP profile with both secrets, and a REST one without."""
    added = [
        cli("profiles", "list"),
        cli("profiles", "add", "Work", "--smtp", "mail.example.net:465", "--username", "ann",
            "--from", "Ann Lee <ann@example.com>", "--from", "bob@example.com",
            "--password-stdin", "--check-token-stdin", stdin=f"{PASSWORD}\n{TOKEN}\n"),
        cli("profiles", "add", "Api", "--rest", "--url", "https://api.example.com/v1"),
    ]  # fmt: skip
    for result in added:
        assert result.returncode == 0, result.stderr
    return isolated_home


def _copy(home: Path) -> Path:
    return Path(profilecache.cache_path(str(home / profiles.FILE_NAME)))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_copy_lists_exactly_what_the_full_read_lists(
    cli: Cli, home: Path, language: str
) -> None:
    _copy(home).unlink(missing_ok=True)
    full = _listed(cli, SMTPETER_DESKTOP_LANGUAGE=language)
    assert _copy(home).exists(), "the full read keeps a copy"
    quick = _listed(cli, SMTPETER_DESKTOP_LANGUAGE=language)
    assert quick == full
    if language == "en":
        assert quick == LISTED
    else:
        assert "geheim: niet nodig" in quick and "van: geen afzenders" in quick


def test_the_copy_is_what_the_list_reads_while_the_bytes_are_the_same(cli: Cli, home: Path) -> None:
    _listed(cli)
    data = (home / profiles.FILE_NAME).read_bytes()
    found = profilecache.read(str(home / profiles.FILE_NAME))
    assert found is not None
    # A copy no app would write (a name the file does not hold) shows that it is read.
    forged = ({**found[0], "name": "From the copy"}, *found[1:])
    _copy(home).write_bytes(profilecache.pack(data, forged))
    assert _listed(cli).startswith("From the copy\n")


def test_an_edit_of_one_byte_in_the_same_size_and_second_is_listed(cli: Cli, home: Path) -> None:
    _listed(cli)
    path = home / profiles.FILE_NAME
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b'name = "Api"', b'name = "Apo"'))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert "\nApo\n" in _listed(cli)
    assert "\nApo\n" in _listed(cli)  # from the new copy


@pytest.mark.parametrize("damage", ["cut short", "another version", "foreign"])
def test_a_doubtful_copy_is_ignored_and_written_again(cli: Cli, home: Path, damage: str) -> None:
    _listed(cli)
    good = _copy(home).read_bytes()
    data = (home / profiles.FILE_NAME).read_bytes()
    _copy(home).write_bytes(
        {
            "cut short": good[: len(good) - 7],
            "another version": b"smtpeter-desktop profiles cache\n"
            + marshal.dumps((1, __version__ + ".old", data, ())),
            "foreign": b"\x00" * 40,
        }[damage]
    )
    assert _listed(cli) == LISTED
    assert _copy(home).read_bytes() == good


def test_a_read_only_home_still_lists(cli: Cli, home: Path) -> None:
    _copy(home).unlink()
    with disks.read_only(home):
        assert _listed(cli) == LISTED
    assert not _copy(home).exists()


def test_a_mistake_is_said_as_before_and_never_kept(cli: Cli, home: Path) -> None:
    _listed(cli)
    good = _copy(home).read_bytes()
    path = home / profiles.FILE_NAME
    path.write_bytes(path.read_bytes().replace(b'transport = "rest"\n', b'transport = "smpt"\n', 1))
    with pytest.raises(ProfileFileError) as caught:
        ProfileStore(path).load()
    for _ in range(2):
        listed = cli("profiles", "list")
        assert listed.returncode == 2
        assert listed.stdout == ""
        assert listed.stderr == f"smtpeter-desktop: {caught.value}\n"
    assert "line" in listed.stderr and "transport" in listed.stderr
    assert _copy(home).read_bytes() == good, "the copy of the good file, not of this one"


def test_no_secret_is_in_the_copy(cli: Cli, home: Path) -> None:
    listed = _listed(cli)
    assert _copy(home).exists()
    no_secret_anywhere(home, PASSWORD, listed)
    no_secret_anywhere(home, TOKEN, listed)
