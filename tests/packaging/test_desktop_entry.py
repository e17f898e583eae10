"""The desktop entry and the metainfo: valid files, installed and removed exactly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from smtpeter_desktop import (
    APP_ID,
    APP_NAME,
    APP_SLUG,
    APP_SUMMARY,
    __version__,
    assets,
    desktop_entry,
)

ICON_FILES_48 = f"hicolor/48x48/apps/{APP_ID}.png"
ICON_FILES = {
    *(f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in (16, 24, 32, 48, 64, 128, 256, 512)),
    f"icons/hicolor/scalable/apps/{APP_ID}.svg",
}
EXPECTED = {
    f"applications/{APP_ID}.desktop",
    f"metainfo/{APP_ID}.metainfo.xml",
    *ICON_FILES,
}


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


def entry_keys(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def validate(path: Path) -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, timeout=60
    )
    # It prints hints too; a clean file gives no output at all.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_install_writes_exactly_the_expected_files_and_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    written = desktop_entry.install(prefix=tmp_path, exec_path="/opt/smtpeter-desktop/run")
    assert {p.relative_to(tmp_path).as_posix() for p in written} == EXPECTED
    assert files(tmp_path) == EXPECTED

    removed = desktop_entry.uninstall(prefix=tmp_path)
    assert set(removed) == set(written)
    assert files(tmp_path) == set()
    # Nothing left to remove is no error.
    assert desktop_entry.uninstall(prefix=tmp_path) == []


def test_installed_files_are_the_shipped_ones(tmp_path: Path) -> None:
    desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")
    icons = Path(assets.resource_dir()) / "icons"
    shipped = icons / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    installed = tmp_path / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"
    assert installed.read_bytes() == shipped.read_bytes()
    svg = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (icons / f"{APP_SLUG}.svg").read_bytes()


def test_entry_validates_and_carries_the_apps_identity(tmp_path: Path) -> None:
    desktop_entry.install(prefix=tmp_path, exec_path="/opt/smtpeter-desktop/smtpeter-desktop")
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    validate(entry)
    keys = entry_keys(entry.read_text(encoding="utf-8"))
    assert keys["Name"] == APP_NAME
    assert keys["Comment"] == APP_SUMMARY
    assert keys["Icon"] == APP_ID
    assert keys["Exec"] == keys["TryExec"] == "/opt/smtpeter-desktop/smtpeter-desktop"
    assert keys["StartupWMClass"] == APP_NAME
    assert keys["Categories"] == "Network;Email;"
    assert keys["Terminal"] == "false"
    assert keys["StartupNotify"] == "true"
    assert "markdown" in keys["Keywords"].split(";")


@pytest.mark.parametrize(
    ("path", "exec_value"),
    [
        ("/opt/app/run", "/opt/app/run"),
        ("/home/ann/My Apps/run", '"/home/ann/My Apps/run"'),
        # The specification's quoting inside "...", then its string escape of the backslash.
        ("/tmp/$HOME/100%/a`b", '"/tmp/\\\\$HOME/100%%/a\\\\`b"'),
        ('/tmp/say "hi"/run', '"/tmp/say \\\\"hi\\\\"/run"'),
    ],
)
def test_exec_is_quoted_by_the_specification(tmp_path: Path, path: str, exec_value: str) -> None:
    desktop_entry.install(prefix=tmp_path, exec_path=path)
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    validate(entry)
    assert entry_keys(entry.read_text(encoding="utf-8"))["Exec"] == exec_value


def test_default_exec_is_this_installations_launcher(tmp_path: Path) -> None:
    desktop_entry.install(prefix=tmp_path)
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    validate(entry)
    command = desktop_entry.default_command()
    # In the project's environment pip has made the launcher beside the interpreter.
    assert command == [str(Path(sys.executable).parent / APP_SLUG)]
    assert entry_keys(entry.read_text(encoding="utf-8"))["TryExec"] == command[0]
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == [APP_SLUG, __version__]


def test_user_install_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    written = desktop_entry.install(exec_path="/usr/bin/true")
    assert all(p.is_relative_to(tmp_path / "data") for p in written)
    assert files(tmp_path / "data") == EXPECTED
    desktop_entry.uninstall()
    assert files(tmp_path / "data") == set()


def test_user_install_defaults_to_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop_entry.data_dir() == tmp_path / ".local" / "share"
    assert desktop_entry.data_dir(system=True) == Path("/usr/local/share")
    assert desktop_entry.data_dir(system=True, prefix=tmp_path / "p") == tmp_path / "p"


def test_uninstall_spares_other_programs_icons(tmp_path: Path) -> None:
    other = tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png"
    other.parent.mkdir(parents=True)
    other.write_bytes(b"not ours")
    desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")
    desktop_entry.uninstall(prefix=tmp_path)
    assert files(tmp_path) == {"icons/hicolor/48x48/apps/org.example.Other.png"}


@pytest.mark.skipif(
    not (shutil.which("gtk-update-icon-cache") and shutil.which("update-desktop-database")),
    reason="the cache tools (gtk-update-icon-cache, update-desktop-database) are not installed",
)
def test_existing_caches_are_refreshed_and_none_is_created(tmp_path: Path) -> None:
    # Without caches, none appear (a cache nobody keeps would hide other icons later).
    desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")
    assert files(tmp_path) == EXPECTED
    desktop_entry.uninstall(prefix=tmp_path)

    # Another program's icon and the caches a desktop made for it.
    hicolor = tmp_path / "icons" / "hicolor"
    other = hicolor / "48x48" / "apps" / "org.example.Other.png"
    other.parent.mkdir(parents=True)
    shutil.copyfile(assets.resource_path(f"icons/{ICON_FILES_48}"), other)
    applications = tmp_path / "applications"
    applications.mkdir(exist_ok=True)
    subprocess.run(["gtk-update-icon-cache", "-q", "-t", str(hicolor)], check=True, timeout=60)
    subprocess.run(["update-desktop-database", "-q", str(applications)], check=True, timeout=60)
    before = {
        "icons/hicolor/icon-theme.cache",
        "applications/mimeinfo.cache",
        "icons/hicolor/48x48/apps/org.example.Other.png",
    }
    assert files(tmp_path) == before
    cache = hicolor / "icon-theme.cache"
    assert APP_ID.encode() not in cache.read_bytes()

    desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")
    assert APP_ID.encode() in cache.read_bytes()
    assert files(tmp_path) == EXPECTED | before

    desktop_entry.uninstall(prefix=tmp_path)
    assert APP_ID.encode() not in cache.read_bytes()
    assert files(tmp_path) == before


def test_a_folder_that_cannot_be_written_is_a_readable_error(tmp_path: Path) -> None:
    # A file where a folder should be; as root a read-only folder would not stop us.
    (tmp_path / "applications").write_text("in the way")
    with pytest.raises(desktop_entry.DesktopEntryError, match=r"Could not write .*applications"):
        desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")


def test_metainfo_has_the_required_appstream_elements(tmp_path: Path) -> None:
    desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")
    # Our own file, just written from our own template.
    root = ET.parse(tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").getroot()  # noqa: S314
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("summary") == APP_SUMMARY
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "Apache-2.0"
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None
    assert (launchable.get("type"), launchable.text) == ("desktop-id", f"{APP_ID}.desktop")
    assert root.findtext("provides/binary") == APP_SLUG
    assert root.find("content_rating") is not None
    assert root.findtext("developer/name")
    assert root.find("url[@type='homepage']") is not None


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_passes_appstreamcli(tmp_path: Path) -> None:
    desktop_entry.install(prefix=tmp_path, exec_path="/usr/bin/true")
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
