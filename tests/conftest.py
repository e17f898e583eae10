"""The harness every test runs in: an isolated home, no proxies, a private keyring, Qt offscreen.

Nothing a test does reaches the developer's own files, keyring or network settings.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.secret_service import SecretService, running_secret_service

# Before anything imports Qt: tests never need (or use) a real screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

_LEAKY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "REQUESTS_CA_BUNDLE",
    "PYTHON_KEYRING_BACKEND",
    "SMTPETER_DESKTOP_HOME",
)


@pytest.fixture(scope="session", autouse=True)
def secret_service() -> Iterator[SecretService]:
    """A real Secret Service of the test run's own, so secrets never reach the user's keyring."""
    with running_secret_service() as service:
        previous = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.bus_address
        try:
            yield service
        finally:
            if previous is None:
                os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
            else:
                os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app home and every XDG folder at the test's own temporary directory."""
    for name in _LEAKY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "app-home"
    home.mkdir()
    monkeypatch.setenv("SMTPETER_DESKTOP_HOME", str(home))
    for variable, folder in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        path = tmp_path / "xdg" / folder
        path.mkdir(parents=True)
        monkeypatch.setenv(variable, str(path))
    return home


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use a QApplication are marked ``gui``, so ``-m "not gui"`` runs the core alone."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)
