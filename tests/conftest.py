"""The harness every test runs in: an isolated home, no proxies, a private keyring, Qt offscreen.

Nothing a test does reaches the developer's own files, keyring or network settings.

The keyring: a test marked ``keyring`` (the keyring is what it tests) gets a real Secret Service
of the run's own, started by the first such test; every other test gets the in-memory backend of
tests/helpers/memory_keyring.py, in its process and in the subprocesses it starts.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest

from tests.helpers import memory_keyring
from tests.helpers.secret_service import SecretService, running_secret_service

# Before anything imports Qt: tests never need (or use) a real screen.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# The tests read English whatever the machine's locale; tests/test_translations* choose Dutch.
os.environ["SMTPETER_DESKTOP_LANGUAGE"] = "en"

_ROOT = Path(__file__).resolve().parent.parent

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


@pytest.fixture(scope="session")
def secret_service() -> Iterator[SecretService]:
    """A real Secret Service of the test run's own, started when the first test needs it.

    Use it through the ``keyring`` marker, which also points the test's process at it.
    """
    with running_secret_service() as service:
        yield service


@pytest.fixture(autouse=True)
def test_keyring(
    request: pytest.FixtureRequest,
    isolated_home: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The real Secret Service for tests marked ``keyring``, the in-memory keyring for the rest.

    Its own MonkeyPatch: a test that calls ``monkeypatch.undo()`` keeps its keyring.
    """
    monkeypatch = pytest.MonkeyPatch()
    if request.node.get_closest_marker("keyring") is not None:
        service: SecretService = request.getfixturevalue("secret_service")
        gone = service.gone()
        if gone:
            pytest.fail(
                f"The test keyring is gone: {gone}. The keyring tests need the private "
                "Secret Service (dbus-daemon and gnome-keyring-daemon) that tests/conftest.py "
                "starts once per run; see what ended it in the system log or the earlier tests.",
                pytrace=False,
            )
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.bus_address)
        keyring.core._keyring_backend = None  # keyring chooses afresh, as the app does
    else:
        memory_keyring.reset()
        shared = tmp_path_factory.mktemp("test-keyring") / "secrets.json"
        monkeypatch.setenv(memory_keyring.FILE_VARIABLE, str(shared))
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", memory_keyring.BACKEND)
        # The test's subprocesses import the backend too, from whatever folder they run in.
        path = os.environ.get("PYTHONPATH", "")
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, (str(_ROOT), path))))
        # Never a D-Bus of the developer's session, even by mistake.
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/test-bus")
        keyring.set_keyring(memory_keyring.MemoryKeyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        monkeypatch.undo()
        keyring.core._keyring_backend = None  # the next test's keyring is chosen afresh


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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "keyring: the keyring itself is under test: the real Secret Service, not the in-memory one",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use a QApplication are marked ``gui``, so ``-m "not gui"`` runs the core alone."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)
