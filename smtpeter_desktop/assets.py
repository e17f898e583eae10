"""Files shipped with the app (stylesheet, icons, desktop entry), found the same way everywhere.

In a wheel or a PyInstaller bundle ``resources/`` is packed inside the package; in a source
checkout (and an editable install) it sits beside it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resource_dir() -> Path:
    # The package's own folder, as importlib.resources would name it (the app is never
    # imported from a zip), without that import: about 8 ms of every send's start.
    package = Path(__file__).resolve().parent
    packed = package / "resources"
    if packed.is_dir():
        return packed
    return package.parent / "resources"


def resource_path(name: str) -> Path:
    """The path of a shipped file; ``FileNotFoundError`` names it when it is missing."""
    path = resource_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"The app's resource {name!r} is missing from {resource_dir()}.")
    return path


def read_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")
