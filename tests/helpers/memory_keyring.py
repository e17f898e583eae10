"""The keyring every test uses unless the keyring itself is under test: a real ``keyring`` backend
that keeps secrets in memory, shared with the test's own subprocesses through one file.

Why not the real Secret Service everywhere: a test of a pane or of a send needs *a* keyring,
not D-Bus and gnome-keyring-daemon, and one lost daemon then failed dozens of tests that were
about something else. Tests that are about the keyring are marked ``keyring`` and get the real
Secret Service (see tests/conftest.py).

The harness installs it twice: with ``keyring.set_keyring`` for the test's own process, and
with ``PYTHON_KEYRING_BACKEND`` (``tests.helpers.memory_keyring.MemoryKeyring``) for the app's
own choice (``SecretStore`` chooses afresh, through the same variable) and for every subprocess
the test starts (``profiles add`` in one, ``send`` in the next). The subprocesses share the
secrets through ``SMTPETER_TEST_KEYRING_FILE``, a JSON file in a temporary folder of the test's
own, outside the app home and the test's ``tmp_path`` (tests check that no file there holds a
secret). Without that variable the secrets live in the process only.

The app accepts this backend as a keyring, and must: it is neither from ``keyrings.alt`` nor a
backend with a ``file_path``/``filename``, which are what ``storage.secrets`` refuses as plain
text. Nothing in the app knows about this class, so the refusal of real plain-text backends is
exactly as strict as without it (tests/storage/test_secrets.py checks that refusal with the
real Secret Service running).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

FILE_VARIABLE = "SMTPETER_TEST_KEYRING_FILE"
BACKEND = f"{__name__}.MemoryKeyring"

_memory: dict[str, dict[str, str]] = {}
_lock = threading.Lock()


class MemoryKeyring(KeyringBackend):
    """Secrets by service and user, in memory (and the test's shared file when one is named)."""

    @properties.classproperty
    def priority(cls) -> float:
        # keyring (and the app) look at every subclass of KeyringBackend when choosing one:
        # this one is viable only where the harness named it, never in a ``keyring`` test.
        if os.environ.get("PYTHON_KEYRING_BACKEND") != BACKEND:
            raise RuntimeError("the test keyring is used where PYTHON_KEYRING_BACKEND names it")
        return 1.0

    def get_password(self, service: str, username: str) -> str | None:
        with _lock:
            return _load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        with _lock:
            data = _load()
            data.setdefault(service, {})[username] = password
            _save(data)

    def delete_password(self, service: str, username: str) -> None:
        with _lock:
            data = _load()
            if username not in data.get(service, {}):
                raise PasswordDeleteError("no such secret")
            del data[service][username]
            _save(data)


def reset() -> None:
    """Forget every secret kept in this process (the shared file is the test's own)."""
    with _lock:
        _memory.clear()


def _shared() -> Path | None:
    name = os.environ.get(FILE_VARIABLE, "")
    return Path(name) if name else None


def _load() -> dict[str, dict[str, str]]:
    shared = _shared()
    if shared is None:
        return _memory
    try:
        loaded: dict[str, dict[str, str]] = json.loads(shared.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return loaded


def _save(data: dict[str, dict[str, str]]) -> None:
    shared = _shared()
    if shared is None:
        return  # data is _memory itself
    # Whole or not at all: another process of the test may read it at any moment.
    handle, name = tempfile.mkstemp(dir=shared.parent, prefix=".keyring-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(data, file)
    os.replace(name, shared)
