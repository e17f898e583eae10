"""The architecture, checked: Qt-free zones stay Qt-free and imports point one way only.

See the README's "Layers": ``compose``, ``transport``, ``storage``, ``sandbox``,
``inspection`` and ``delivery`` run in a plain Python process without a display; only ``ui``
imports Qt.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smtpeter_desktop"

# What each part may import from the rest of the app. storage may use compose's value
# types (a profile's default options are a message's options) but nothing that builds.
ALLOWED = {
    "compose": {"i18n", "compose", "assets"},
    "transport": {"i18n", "transport", "compose.options", "compose.envelope"},
    "storage": {"i18n", "storage", "compose.options", "compose.addresses"},
    "sandbox": {"i18n", "sandbox"},
    # The Before-Send checks read what compose builds; what needs the account (the sender
    # domain, over REST) is delivery's, which joins them with transport and storage.
    "inspection": {"i18n", "inspection", "compose"},
    "delivery": {"i18n", "delivery", "compose", "transport", "storage", "sandbox", "inspection"},
    "assets": set(),
    "i18n": set(),
    "desktop_entry": {"i18n", "assets"},
    "send_due_timer": {"i18n", "desktop_entry", "storage"},
}
QT_FREE = [
    "i18n",
    "compose",
    "transport",
    "storage",
    "sandbox",
    "inspection",
    "delivery",
    "desktop_entry",
    "send_due_timer",
]


def _modules(part: str) -> list[Path]:
    path = PACKAGE / part
    return sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]


def _is_module(dotted: str) -> bool:
    path = PACKAGE.joinpath(*dotted.split("."))
    return path.is_dir() or path.with_suffix(".py").exists()


def _app_imports(source: Path) -> set[str]:
    """Every module of the app a module imports, as ``compose.mime``; the root's names are free."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from smtpeter_desktop.compose import mime" imports compose.mime.
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [n if _is_module(n.partition(".")[2]) else node.module for n in names]
        for name in names:
            if name.startswith("smtpeter_desktop."):
                found.add(name.removeprefix("smtpeter_desktop."))
    return found


def _allowed(name: str, allowed: set[str]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_imports_point_one_way(part: str) -> None:
    for module in _modules(part):
        if not module.exists():
            continue
        for name in _app_imports(module):
            assert _allowed(name, ALLOWED[part]), (
                f"{module.relative_to(PACKAGE.parent)} imports smtpeter_desktop.{name}, "
                f"which the {part} layer may not use"
            )


def test_qt_free_zones_do_not_import_qt() -> None:
    modules = [
        ".".join(m.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for part in QT_FREE
        for m in _modules(part)
        if m.exists()
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import smtpeter_desktop.cli.commands\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"Qt imported by a Qt-free module: {result.stdout}"


# The window and the command line reach the mail only through delivery's methods: no
# mailbox of their own, no transport, no connection opened beside the Postman.
FRONT_ENDS = ["ui", "cli"]
FORBIDDEN_IN_FRONT_ENDS = ("storage.mailbox", "transport", "delivery.connections")


@pytest.mark.parametrize("part", FRONT_ENDS)
def test_front_ends_go_through_delivery(part: str) -> None:
    for module in _modules(part):
        for name in _app_imports(module):
            assert not _allowed(name, set(FORBIDDEN_IN_FRONT_ENDS)), (
                f"{module.relative_to(PACKAGE.parent)} imports smtpeter_desktop.{name}: "
                "the window and the command line use delivery's methods and names instead"
            )


@pytest.mark.parametrize("part", FRONT_ENDS)
def test_front_ends_do_not_reach_into_the_postmans_mailbox(part: str) -> None:
    for module in _modules(part):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            assert not (isinstance(node, ast.Attribute) and node.attr == "mailbox"), (
                f"{module.relative_to(PACKAGE.parent)}:{node.lineno} uses a Postman's mailbox: "
                "add a method to delivery.postman.Postman instead"
            )
