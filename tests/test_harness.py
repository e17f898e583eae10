"""The test harness itself: which keyring a test gets, and a lost keyring daemon said by name."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import keyring
import pytest

from smtpeter_desktop.storage.secrets import SecretStore
from tests.helpers import memory_keyring
from tests.helpers.secret_service import running_secret_service


def test_a_test_that_is_not_about_the_keyring_has_the_in_memory_one() -> None:
    store = SecretStore()
    assert store.status().usable
    assert store.status().backend == memory_keyring.BACKEND
    assert isinstance(keyring.get_keyring(), memory_keyring.MemoryKeyring)
    store.set("profile-1", "s3cret")
    # A subprocess of the test (a command the test runs) sees the same secrets.
    seen = subprocess.run(
        [
            sys.executable,
            "-c",
            "from smtpeter_desktop.storage.secrets import SecretStore;"
            "print(SecretStore().get('profile-1'))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd="/",
        check=True,
    )
    assert seen.stdout.strip() == "s3cret"


@pytest.mark.keyring
def test_a_keyring_test_has_the_real_secret_service() -> None:
    assert "PYTHON_KEYRING_BACKEND" not in os.environ
    assert SecretStore().status().backend.startswith("Secret Service")


def test_the_in_memory_keyring_is_chosen_only_where_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    with pytest.raises(RuntimeError):
        memory_keyring.MemoryKeyring.priority  # noqa: B018 - keyring's test of viability
    assert SecretStore().status().backend != memory_keyring.BACKEND


def test_a_lost_keyring_daemon_is_named() -> None:
    with running_secret_service() as service:
        assert service.gone() == ""
        assert service.keyring_pid is not None
        os.kill(service.keyring_pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while not service.gone() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "gnome-keyring-daemon" in service.gone()
        assert str(service.keyring_pid) in service.gone()
