"""The app home and atomic writes."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from smtpeter_desktop.storage import paths
from smtpeter_desktop.storage.errors import AppHomeError, SaveError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_app_home_follows_the_variable(isolated_home: Path) -> None:
    assert paths.app_home() == isolated_home


@posix_only
def test_app_home_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "new" / "home"
    monkeypatch.setenv(paths.HOME_VARIABLE, str(home))
    assert paths.app_home() == home
    assert _mode(home) == 0o700


def test_app_home_defaults_to_the_platform_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.HOME_VARIABLE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    home = paths.app_home()
    assert home.is_dir()
    assert home.name == "smtpeter-desktop"
    if sys.platform.startswith("linux"):
        assert home == tmp_path / "data" / "smtpeter-desktop"


def test_app_home_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(paths.HOME_VARIABLE, str(blocker))
    with pytest.raises(AppHomeError, match="not a folder") as info:
        paths.app_home()
    assert paths.HOME_VARIABLE in info.value.hint


@posix_only
def test_new_file_is_private_and_text_is_utf8(tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    paths.atomic_write(target, "naïve = 1\n")
    assert target.read_bytes() == "naïve = 1\n".encode()
    assert _mode(target) == 0o600


@posix_only
def test_replacing_keeps_the_owners_mode_only_and_leaves_no_temporary(
    isolated_home: Path,
) -> None:
    target = isolated_home / "a.toml"
    target.write_bytes(b"old")
    target.chmod(0o440)
    paths.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o400, "the owner's choice stays, others lose theirs"
    assert sorted(p.name for p in isolated_home.iterdir()) == ["a.toml"]


@posix_only
def test_a_symlink_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "profiles.toml"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "profiles.toml"
    link.symlink_to(real)
    paths.atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_a_failed_write_keeps_the_old_file(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    # A test double for a full (or failing) disk: a real one cannot be made without root.
    target = isolated_home / "a.toml"
    target.write_bytes(b"old")

    def failing_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(SaveError, match=words) as info:
        paths.atomic_write(target, b"new" * 1000)
    assert info.value.path == target
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in isolated_home.iterdir()) == ["a.toml"]


def test_a_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="could not be saved"):
        paths.atomic_write(tmp_path / "gone" / "a.toml", b"x")


@pytest.mark.parametrize("xdg", ["", "/tmp/some-data", "relative/ignored"])
def test_the_default_home_is_where_platformdirs_puts_it(
    monkeypatch: pytest.MonkeyPatch, xdg: str
) -> None:
    import platformdirs

    monkeypatch.delenv(paths.HOME_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", xdg)
    monkeypatch.setattr(paths, "private_folder", lambda path: path)  # never the real home
    expected = Path(platformdirs.user_data_dir("smtpeter-desktop", appauthor=False))
    assert paths.app_home() == expected
