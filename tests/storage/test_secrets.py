"""Secrets in the real Secret Service that tests/conftest.py starts for ``keyring`` tests, and
every way it can fail.

Where a real part cannot show a failure (a backend raising each of its exception types, a
plain-text backend when keyrings.alt is not installed), a small test double says so.
"""

# keyring's backends have no type hints; calling them is the point of these tests.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import dataclasses
import gc
import json
import logging
import subprocess
import sys
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import keyring.backend
import keyring.core
import keyring.errors
import pytest
import secretstorage
import secretstorage.exceptions
from jeepney import DBusAddress, new_method_call  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
from jeepney.wrappers import DBusErrorResponse  # type: ignore[import-untyped]
from keyring.backends import SecretService, chainer, fail, null
from keyring.compat import properties

from smtpeter_desktop.storage import profiles
from smtpeter_desktop.storage.errors import KeyringUnavailable
from smtpeter_desktop.storage.profiles import Profile, ProfileStore
from smtpeter_desktop.storage.secrets import SERVICE, SecretStore

# The keyring is what these tests are about: the real Secret Service, not the harness's own.
pytestmark = pytest.mark.keyring


@pytest.fixture
def secret(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[str]:
    """A fresh secret; afterwards, no file of the test and no log line may contain it."""
    caplog.set_level(logging.DEBUG)
    value = f"s3cret-{uuid.uuid4().hex}"
    yield value
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert value.encode() not in path.read_bytes(), f"the secret is in {path}"
    assert value not in caplog.text


@pytest.fixture
def profile_id() -> str:
    return profiles.new_id()


def _stored_items(profile_id: str) -> list[secretstorage.Item]:
    """What the Secret Service holds for a profile, asked directly (not through keyring)."""
    with closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.get_default_collection(bus)
        return list(collection.search_items({"service": SERVICE, "username": profile_id}))


# The real keyring --------------------------------------------------------------------------


def test_the_secret_service_is_usable() -> None:
    status = SecretStore().status()
    assert status.usable, status.problem
    assert status.backend.startswith("Secret Service")
    assert status.problem == ""


def test_set_get_has_delete(secret: str, profile_id: str) -> None:
    store = SecretStore()
    assert store.get(profile_id) is None
    assert not store.has(profile_id)
    store.set(profile_id, secret)
    assert store.get(profile_id) == secret
    assert store.has(profile_id)
    assert not store.is_session_only(profile_id)
    assert len(_stored_items(profile_id)) == 1, "kept under service smtpeter-desktop, user = id"
    assert SecretStore().get(profile_id) == secret, "another store (another run) finds it"
    store.set(profile_id, secret + "-new")
    assert store.get(profile_id) == secret + "-new"
    assert len(_stored_items(profile_id)) == 1
    store.delete(profile_id)
    assert store.get(profile_id) is None
    assert _stored_items(profile_id) == []
    store.delete(profile_id)  # absent is fine


def test_the_store_does_not_depend_on_keyrings_cache(
    secret: str, profile_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if keyring had chosen its backend when nothing worked, and cached that choice.
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    store = SecretStore()
    assert store.status().usable
    store.set(profile_id, secret)
    assert store.get(profile_id) == secret
    store.delete(profile_id)


_CHOICES = """\
import sys
from smtpeter_desktop.storage import secrets
ours = secrets._name(secrets._choose(False)[0])
other_systems = sorted(
    m for m in sys.modules if m.startswith(("keyring.backends.macOS", "keyring.backends.Windows"))
)
import keyring.backend
from keyring.backends import fail
theirs = max(keyring.backend.get_all_keyring(), key=keyring.backend.by_priority,
             default=fail.Keyring())
print(ours, secrets._name(secrets._unchained(theirs, False)), other_systems, sep="|")
"""


def test_the_choice_is_keyrings_own_without_the_backends_of_other_systems() -> None:
    # A process of its own: one that has not loaded keyring's backends yet, as a command.
    done = subprocess.run(
        [sys.executable, "-c", _CHOICES], capture_output=True, text=True, timeout=60, check=True
    )
    ours, theirs, other_systems = done.stdout.strip().split("|")
    assert ours == theirs
    assert ours.startswith("Secret Service")
    # keyring's macOS backend looks for Apple's frameworks on Linux (about 100 ms).
    assert other_systems == "[]"


def test_rename_keeps_the_secret_and_remove_deletes_it(secret: str, isolated_home: Path) -> None:
    secrets = SecretStore()
    store = ProfileStore(isolated_home / profiles.FILE_NAME, secrets=secrets)
    work = store.add(Profile.create("Work", "smtp", username="ann"))
    secrets.set(work.id, secret)
    store.update(dataclasses.replace(work, name="Office"))
    assert secrets.get(store.get("Office").id) == secret
    store.remove(work.id)
    assert not secrets.has(work.id)
    assert _stored_items(work.id) == []


def test_the_profile_file_never_holds_a_secret(secret: str, isolated_home: Path) -> None:
    secrets = SecretStore()
    store = ProfileStore(isolated_home / profiles.FILE_NAME, secrets=secrets)
    rest = store.add(Profile.create("REST", "rest"))
    secrets.set(rest.id, secret)
    secrets.keep_for_session(rest.id, secret + "-session")
    store.update(dataclasses.replace(rest, name="Renamed"))
    text = store.path.read_text(encoding="utf-8")
    assert secret not in text
    assert "session" not in text
    store.remove(rest.id)
    # The fixture then checks every file under the test's folders, and the log.


# Secrets kept for this run only ------------------------------------------------------------


def test_session_only_secrets(secret: str, profile_id: str) -> None:
    store = SecretStore()
    store.keep_for_session(profile_id, secret)
    assert store.get(profile_id) == secret
    assert store.has(profile_id)
    assert store.is_session_only(profile_id)
    assert _stored_items(profile_id) == [], "the keyring is not touched"
    assert SecretStore().get(profile_id) is None, "another run does not have it"
    assert secret not in repr(store)
    store.set(profile_id, secret + "-kept")
    assert not store.is_session_only(profile_id), "storing it replaces the session's"
    assert store.get(profile_id) == secret + "-kept"
    store.keep_for_session(profile_id, secret)
    store.delete(profile_id)
    assert store.get(profile_id) is None
    assert _stored_items(profile_id) == []


def test_session_secrets_work_without_any_keyring(secret: str, profile_id: str) -> None:
    store = SecretStore(backend=fail.Keyring())
    store.keep_for_session(profile_id, secret)
    assert store.get(profile_id) == secret
    store.delete(profile_id)
    assert not store.is_session_only(profile_id)


def test_empty_secrets_and_ids_are_the_callers_mistake(profile_id: str) -> None:
    store = SecretStore()
    with pytest.raises(ValueError, match="empty"):
        store.set(profile_id, "")
    with pytest.raises(ValueError, match="empty"):
        store.keep_for_session(profile_id, "")
    with pytest.raises(ValueError, match="id"):
        store.set("", "x")


# No keyring ------------------------------------------------------------------------------


def test_no_backend_at_all(secret: str, profile_id: str) -> None:
    store = SecretStore(backend=fail.Keyring())
    status = store.status()
    assert not status.usable
    assert status.backend == "no keyring"
    assert "No keyring was found" in status.problem
    assert "for this run only" in status.problem
    with pytest.raises(KeyringUnavailable, match="No keyring was found") as info:
        store.set(profile_id, secret)
    assert info.value.backend == "no keyring"
    with pytest.raises(KeyringUnavailable):
        store.get(profile_id)
    store.delete(profile_id)  # nothing could be stored there, so nothing to delete


def test_the_null_backend_throws_secrets_away(profile_id: str) -> None:
    store = SecretStore(backend=null.Keyring())
    assert "throws secrets away" in store.status().problem
    with pytest.raises(KeyringUnavailable, match="null backend"):
        store.set(profile_id, "x")


def test_no_session_bus(secret: str, profile_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    live = SecretStore()
    assert live.status().usable
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    # Chosen when the bus was there, used after it went away.
    with pytest.raises(KeyringUnavailable, match="could not be reached") as info:
        live.set(profile_id, secret)
    assert isinstance(info.value.__cause__, OSError)
    # Chosen afresh without a bus: keyring finds nothing, and the status says why.
    status = SecretStore().status()
    assert not status.usable
    assert "Secret Service (over D-Bus) is not usable" in status.problem
    with pytest.raises(KeyringUnavailable, match="No keyring was found"):
        SecretStore().set(profile_id, secret)
    # The bus is back: the same store finds it again when asked for its status.
    store = SecretStore()
    assert not store.status().usable
    monkeypatch.undo()
    assert store.status().usable


def test_a_configured_backend_that_does_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.module.Keyring")
    status = SecretStore().status()
    assert not status.usable
    assert "configured keyring backend cannot be used" in status.problem


# A locked keyring --------------------------------------------------------------------------

_SECRETS = "org.freedesktop.secrets"
_PATH = "/org/freedesktop/secrets"
# gnome-keyring's own interface for making and unlocking a collection with a password and no
# prompt: a headless test cannot answer an unlock prompt.
_GNOME = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"


def _gnome_keyring_call(method: str, signature: str, *args: Any) -> Any:
    with open_dbus_connection(bus="SESSION") as bus:
        service = DBusAddress(_PATH, bus_name=_SECRETS, interface="org.freedesktop.Secret.Service")
        session = bus.send_and_get_reply(
            new_method_call(service, "OpenSession", "sv", ("plain", ("s", "")))
        ).body[1]
        gnome = DBusAddress(_PATH, bus_name=_SECRETS, interface=_GNOME)
        master = (session, b"", b"lock-test-password", "text/plain")
        reply = bus.send_and_get_reply(new_method_call(gnome, method, signature, (*args, master)))
        assert reply.header.message_type.name == "method_return", reply.body
        return reply.body


@pytest.fixture
def locked_collection() -> Iterator[str]:
    """A keyring collection of its own, locked; the default one stays unlocked for the rest."""
    label = {"org.freedesktop.Secret.Collection.Label": ("s", f"lock-{uuid.uuid4().hex[:8]}")}
    [path] = _gnome_keyring_call("CreateWithMasterPassword", "a{sv}(oayays)", label)
    with closing(secretstorage.dbus_init()) as bus:
        collection = secretstorage.Collection(bus, path)
        collection.lock()
        assert collection.is_locked()
    try:
        yield path
    finally:
        _gnome_keyring_call("UnlockWithMasterPassword", "o(oayays)", path)
        with closing(secretstorage.dbus_init()) as bus:
            secretstorage.Collection(bus, path).delete()


def test_a_locked_keyring(secret: str, profile_id: str, locked_collection: str) -> None:
    backend = SecretService.Keyring().with_properties(preferred_collection=locked_collection)
    # WORKAROUND for https://github.com/jaraco/keyring/issues/380: keyring's Secret Service
    # backend leaves its D-Bus connection open when the collection stays locked. The garbage
    # collector closes them here, where their ResourceWarning is expected.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            _use_locked(SecretStore(backend=backend), profile_id, secret)
        finally:
            gc.collect()


def _use_locked(store: SecretStore, profile_id: str, secret: str) -> None:
    status = store.status()
    assert not status.usable
    assert "locked" in status.problem
    assert "Unlock it" in status.problem
    with pytest.raises(KeyringUnavailable, match="locked") as info:
        store.set(profile_id, secret)
    assert isinstance(info.value.__cause__, keyring.errors.KeyringLocked)
    with pytest.raises(KeyringUnavailable, match="locked"):
        store.get(profile_id)


# Plain-text backends -----------------------------------------------------------------------


class PlainTextKeyring(keyring.backend.KeyringBackend):
    """A test double for "a plain-text backend" such as keyrings.alt's PlaintextKeyring
    (keyrings.alt is not a dependency): secrets as JSON in a file."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("a test double: never chosen by keyring itself")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    @property
    def file_path(self) -> str:
        return str(self.path)

    def _read(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(json.dumps({**self._read(), f"{service}/{username}": password}))

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("no such password")
        self.path.write_text(json.dumps(data))


class AltLikeKeyring(PlainTextKeyring):
    """A test double for any backend whose class lives in keyrings.alt."""

    file_path = None  # type: ignore[assignment]


AltLikeKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("kind", [PlainTextKeyring, AltLikeKeyring])
def test_plain_text_is_refused_unless_allowed(
    secret: str,
    profile_id: str,
    tmp_path_factory: pytest.TempPathFactory,
    kind: type[PlainTextKeyring],
) -> None:
    # The file lies outside the test's folders: the person's choice, not the app's files.
    path = tmp_path_factory.mktemp("plain") / "keyring.json"
    refused = SecretStore(backend=kind(path))
    status = refused.status()
    assert not status.usable
    assert "plain file" in status.problem
    assert "allow plain-text storage in Settings" in status.problem
    with pytest.raises(KeyringUnavailable, match="plain file"):
        refused.set(profile_id, secret)
    assert not path.exists()
    allowed = SecretStore(backend=kind(path), allow_plaintext=True)
    assert allowed.status().usable
    allowed.set(profile_id, secret)
    assert allowed.get(profile_id) == secret
    with pytest.raises(KeyringUnavailable, match="plain file"):
        refused.get(profile_id)
    refused.delete(profile_id)  # deleting from it is welcome even when it is refused
    assert allowed.get(profile_id) is None


class MixedChain(chainer.ChainerBackend):
    """A test double for keyring's chain of every backend it found: plain text first."""

    def __init__(self, members: list[keyring.backend.KeyringBackend]) -> None:
        super().__init__()
        self.members = members

    @property
    def backends(self) -> list[keyring.backend.KeyringBackend]:
        return self.members


def test_a_chain_never_writes_to_its_plain_text_member(
    secret: str, profile_id: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("plain") / "keyring.json"
    members = [PlainTextKeyring(path), SecretService.Keyring()]
    store = SecretStore(backend=MixedChain(members))
    assert store.status().backend.startswith("Secret Service")
    store.set(profile_id, secret)
    assert not path.exists()
    assert len(_stored_items(profile_id)) == 1
    store.delete(profile_id)
    only_plain = SecretStore(backend=MixedChain([PlainTextKeyring(path)]))
    assert "plain file" in only_plain.status().problem


# Every failure of a backend becomes KeyringUnavailable, without the secret ----------------


def _keyring_errors() -> list[type[BaseException]]:
    found: list[type[BaseException]] = []
    pending: list[type[BaseException]] = [keyring.errors.KeyringError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


_FAILURES = [
    *_keyring_errors(),
    *(
        getattr(secretstorage.exceptions, name)
        for name in dir(secretstorage.exceptions)
        if name.endswith("Exception")
    ),
    ConnectionRefusedError,
    PermissionError,
]


class FailingKeyring(keyring.backend.KeyringBackend):
    """A test double for a backend that fails, and (carelessly) echoes what it was given."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("a test double: never chosen by keyring itself")

    def __init__(self, error: Callable[[str], BaseException]) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error(f"cannot read {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error(f"cannot store {password!r} for {username}")

    def delete_password(self, service: str, username: str) -> None:
        raise self.error(f"cannot delete {username}")


@pytest.mark.parametrize("error", _FAILURES, ids=lambda cls: cls.__name__)
def test_every_backend_failure_is_translated(
    secret: str, profile_id: str, error: type[BaseException]
) -> None:
    store = SecretStore(backend=FailingKeyring(error))
    assert not store.status().usable
    with pytest.raises(KeyringUnavailable) as info:
        store.set(profile_id, secret)
    assert secret not in str(info.value)
    assert info.value.__cause__ is None, "the original text held the secret"
    with pytest.raises(KeyringUnavailable) as info:
        store.get(profile_id)
    assert isinstance(info.value.__cause__, error)
    with pytest.raises(KeyringUnavailable):
        store.delete(profile_id)


def test_a_d_bus_error_is_translated(secret: str, profile_id: str) -> None:
    with open_dbus_connection(bus="SESSION") as bus:
        service = DBusAddress(_PATH, bus_name=_SECRETS, interface="org.freedesktop.Secret.Service")
        reply = bus.send_and_get_reply(new_method_call(service, "NoSuchMethod"))
    refusal = DBusErrorResponse(reply)
    store = SecretStore(backend=FailingKeyring(lambda text: refusal))
    with pytest.raises(KeyringUnavailable, match="failed while storing the secret") as info:
        store.set(profile_id, secret)
    assert info.value.__cause__ is refusal
