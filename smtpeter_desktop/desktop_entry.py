"""Put the app in a Linux desktop's applications menu: the entry, its icons and its AppStream file.

One code path for every kind of installation: a pip or pipx install runs it through
``smtpeter-desktop --install-desktop-entry``, and ``packaging/install`` runs the bundled
executable the same way with ``--exec`` naming the launcher it made.

Files follow the freedesktop layout under a data folder (``$XDG_DATA_HOME``, by default
``~/.local/share``; ``/usr/local/share`` for every user)::

    applications/<APP_ID>.desktop
    metainfo/<APP_ID>.metainfo.xml
    icons/hicolor/<n>x<n>/apps/<APP_ID>.png, icons/hicolor/scalable/apps/<APP_ID>.svg

The entry and the metainfo are templates in ``resources/`` filled from the app's identity in
``smtpeter_desktop/__init__.py``. A Qt-free zone: it runs from the command line without a display.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from string import Template
from xml.sax.saxutils import escape

import platformdirs.unix

from smtpeter_desktop import APP_ID, APP_NAME, APP_SLUG, APP_SUMMARY, assets

log = logging.getLogger(__name__)

SYSTEM_DATA = Path("/usr/local/share")

# Characters that make the Desktop Entry Specification want an Exec argument in double quotes.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class DesktopEntryError(Exception):
    """A file of the desktop entry could not be written or removed; the text says what to do."""


def data_dir(*, system: bool = False, prefix: Path | None = None) -> Path:
    """The folder holding ``applications/``, ``icons/`` and ``metainfo/`` for this installation."""
    if prefix is not None:
        return prefix
    if system:
        return SYSTEM_DATA
    # The Linux rule ($XDG_DATA_HOME or ~/.local/share) even when asked on another system.
    return platformdirs.unix.Unix().user_data_path


def default_command() -> list[str]:
    """The command line that starts this very installation of the app."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable is the app
        return [sys.executable]
    # pip and pipx put the launcher beside the interpreter of the environment they install into.
    launcher = Path(sys.executable).parent / APP_SLUG
    if launcher.is_file() and os.access(launcher, os.X_OK):
        return [str(launcher)]
    return [sys.executable, "-m", "smtpeter_desktop"]


def _string(value: str) -> str:
    """A value escaped as the specification's ``string`` type."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def _exec_argument(argument: str) -> str:
    """One argument of the Exec key, quoted by the specification's own rules."""
    argument = argument.replace("%", "%%")  # a lone % would start a field code
    if any(char in _RESERVED for char in argument):
        argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    return argument


def _exec_value(command: Sequence[str]) -> str:
    return _string(" ".join(_exec_argument(argument) for argument in command))


def render_desktop_entry(command: Sequence[str]) -> str:
    """The text of the ``.desktop`` file for an app started by ``command``."""
    template = Template(assets.read_text(f"{APP_ID}.desktop.in"))
    return template.substitute(
        name=_string(APP_NAME),
        summary=_string(APP_SUMMARY),
        app_id=APP_ID,
        try_exec=_string(command[0]),
        exec=_exec_value(command),
        # Qt names the window's X11 class after QApplication.applicationName().
        wm_class=_string(APP_NAME),
    )


def render_metainfo() -> str:
    """The text of the AppStream metainfo file."""
    template = Template(assets.read_text(f"{APP_ID}.metainfo.xml.in"))
    return template.substitute(
        app_id=escape(APP_ID),
        name=escape(APP_NAME),
        summary=escape(APP_SUMMARY),
        binary=escape(APP_SLUG),
    )


_ENTRY = f"applications/{APP_ID}.desktop"
_METAINFO = f"metainfo/{APP_ID}.metainfo.xml"


def _icons() -> list[tuple[Path, str]]:
    """Each shipped icon with its path below the data folder."""
    hicolor = assets.resource_path("icons/hicolor")
    icons = [
        (png, f"icons/hicolor/{png.relative_to(hicolor).as_posix()}")
        for png in sorted(hicolor.glob(f"*/apps/{APP_ID}.png"))
    ]
    svg = assets.resource_path(f"icons/{APP_SLUG}.svg")
    return [*icons, (svg, f"icons/hicolor/scalable/apps/{APP_ID}.svg")]


def install(
    *, system: bool = False, exec_path: str | None = None, prefix: Path | None = None
) -> list[Path]:
    """Write the desktop entry, the icons and the metainfo; returns the files written.

    ``exec_path`` is the program the entry starts (default: this installation, see
    :func:`default_command`); ``system`` installs for every user; ``prefix`` is a data folder
    to use instead of either. Raises :class:`DesktopEntryError` when a file cannot be written.
    """
    if exec_path is None:
        command = default_command()
    else:
        # A bare name is looked up on PATH by the desktop; a path must not depend on our cwd.
        command = [str(Path(exec_path).absolute()) if os.sep in exec_path else exec_path]
    contents = {
        _ENTRY: render_desktop_entry(command).encode(),
        _METAINFO: render_metainfo().encode(),
        **{target: source.read_bytes() for source, target in _icons()},
    }
    data = data_dir(system=system, prefix=prefix)
    written: list[Path] = []
    for name, content in contents.items():
        path = data / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        except OSError as exc:
            raise _error("write", path, exc, system=system) from exc
        written.append(path)
    _refresh_caches(data)
    return written


def uninstall(*, system: bool = False, prefix: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote into the same place; returns the files removed."""
    data = data_dir(system=system, prefix=prefix)
    removed: list[Path] = []
    for name in [_ENTRY, _METAINFO, *(target for _, target in _icons())]:
        path = data / name
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _error("remove", path, exc, system=system) from exc
        removed.append(path)
        # Icon size folders are ours to tidy when we emptied them; shared folders stay.
        if name.startswith("icons/hicolor/"):
            for folder in (path.parent, path.parent.parent):
                try:
                    folder.rmdir()
                except OSError:  # not empty: another program's icons live there too
                    break
    _refresh_caches(data)
    return removed


def _error(verb: str, path: Path, exc: OSError, *, system: bool) -> DesktopEntryError:
    if isinstance(exc, PermissionError):
        if system:
            hint = "Installing for every user needs root: run it with sudo, or for yourself only."
        else:
            hint = "Check who owns that folder and its permissions."
        return DesktopEntryError(f"Could not {verb} {path}: permission denied. {hint}")
    reason = exc.strerror or str(exc)
    return DesktopEntryError(f"Could not {verb} {path}: {reason}.")


def _refresh_caches(data: Path) -> None:
    """Bring the desktop's caches up to date, where the folder has them and the tools exist.

    Like xdg-utils, this refreshes caches that exist and never creates one: a cache nobody
    else keeps up to date would outlive our files and hide other programs' icons.
    """
    applications = data / "applications"
    if (applications / "mimeinfo.cache").exists():
        _run("update-desktop-database", "--quiet", str(applications))
    hicolor = data / "icons" / "hicolor"
    if (hicolor / "icon-theme.cache").exists():
        _run("gtk-update-icon-cache", "--quiet", "--force", "--ignore-theme-index", str(hicolor))
    elif hicolor.is_dir():
        # Without a cache, a newer folder time is what tells desktops to look again; a
        # folder we may write into but not touch only delays that, so it is no error.
        with contextlib.suppress(OSError):
            os.utime(hicolor)


def _run(tool: str, *args: str) -> None:
    path = shutil.which(tool)
    if path is None:
        log.debug("%s is not installed; its cache is left as it is", tool)
        return
    result = subprocess.run([path, *args], capture_output=True, text=True, check=False, timeout=120)
    if result.returncode != 0:
        # The files are in place; a stale cache only delays the menu until the next refresh.
        log.warning("%s failed (%d): %s", tool, result.returncode, result.stderr.strip())
