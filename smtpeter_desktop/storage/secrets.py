"""Secrets (SMTP passwords, REST tokens) in the system keyring, and nowhere else.

A secret is stored with ``keyring`` under the service :data:`SERVICE` and the profile's id,
so a renamed profile keeps it. A profile may have a second one, its :data:`CHECK_TOKEN`: an
SMTP account's optional REST API token, used only to ask SMTPeter about the account (Before
Send's sender-domain check), kept under ``<id>/check-token`` beside the password.

When no keyring works (no Secret Service on a headless machine, a locked keyring, a backend
error) this says so in words and the person may keep the secret in memory for this run only.
A keyring backend that keeps secrets in a plain file (those of ``keyrings.alt``, or any
file-based one) counts as no keyring unless the person chose to allow it in settings.

Every exception a keyring backend raises (``keyring.errors``, SecretStorage, D-Bus, ``OSError``)
becomes :class:`KeyringUnavailable` here. A secret never appears in an error, a log line or a
repr.

``keyring`` caches the backend it first chooses for the whole process; a ``SecretStore``
does not rely on that cache: it chooses its backend afresh (or is given one), and
:meth:`SecretStore.status` chooses again, so a keyring started or unlocked later is found.
"""

from __future__ import annotations

import configparser
import dataclasses
import functools
import importlib
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Literal

from smtpeter_desktop.storage.errors import KeyringUnavailable

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# keyring itself is imported where it is used: it takes longer to import than the rest of
# storage together, and the window must start without waiting for it.

log = logging.getLogger(__name__)

Kind = Literal["secret", "check-token"]
# Names of kinds of secret, not secrets.
SECRET: Kind = "secret"  # noqa: S105
# An SMTP profile's REST token for checks only; never used to send.
CHECK_TOKEN: Kind = "check-token"  # noqa: S105

SERVICE = "smtpeter-desktop"
# The name asked for to see whether the keyring answers at all; nothing is stored under it.
_PROBE = "smtpeter-desktop-availability-check"

_SESSION_ONLY = "or keep the secret for this run only."
_NAMES = {
    "keyring.backends.SecretService.Keyring": "Secret Service (GNOME Keyring, KWallet...)",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
    "keyring.backends.fail.Keyring": "no keyring",
    "keyring.backends.null.Keyring": "the null keyring",
}


@dataclasses.dataclass(frozen=True)
class KeyringStatus:
    """Whether secrets can be kept in the keyring now.

    Attributes:
        usable: secrets can be stored and read.
        backend: the keyring backend, as a person may recognise it.
        problem: when not usable, what is wrong and what to do, in a person's words.
    """

    usable: bool
    backend: str
    problem: str


class SecretStore:
    """The profiles' secrets: the keyring, plus secrets kept in memory for this run only.

    Calls may block for a moment (D-Bus, or an unlock prompt on a desktop): the window calls
    them from a worker, not the GUI thread.

    Args:
        allow_plaintext: the person chose, in settings, to accept a keyring backend that
            keeps secrets in a plain file.
        backend: the keyring backend to use; by default keyring's own choice, made afresh.
    """

    def __init__(
        self,
        *,
        allow_plaintext: bool = False,
        backend: KeyringBackend | None = None,
    ) -> None:
        self._allow_plaintext = allow_plaintext
        self._given = _unchained(backend, allow_plaintext) if backend is not None else None
        self._backend = self._given
        self._detection_problem = ""
        self._session: dict[str, str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        backend = _name(self._backend) if self._backend is not None else "not chosen yet"
        return f"<SecretStore backend={backend!r} session_secrets={len(self._session)}>"

    def status(self) -> KeyringStatus:
        """Whether the keyring works now: it is chosen again and asked a harmless question."""
        if self._given is None:
            with self._lock:
                self._backend = None
        backend = self._current()
        name = _name(backend)
        try:
            self._refuse(backend)
            with _translated(name, "being checked"):
                backend.get_password(SERVICE, _PROBE)
        except KeyringUnavailable as exc:
            return KeyringStatus(usable=False, backend=name, problem=str(exc))
        return KeyringStatus(usable=True, backend=name, problem="")

    def get(self, profile_id: str, kind: Kind = SECRET) -> str | None:
        """The profile's secret (or its ``kind``): the one kept for this run if any, else the
        keyring's, else None.

        Raises:
            KeyringUnavailable: nothing is kept for this run and the keyring cannot be read.
        """
        key = _key(profile_id, kind)
        with self._lock:
            kept = self._session.get(key)
        if kept is not None:
            return kept
        backend = self._usable()
        with _translated(_name(backend), "reading the secret"):
            return backend.get_password(SERVICE, key)

    def has(self, profile_id: str, kind: Kind = SECRET) -> bool:
        """Whether the profile has a secret (of ``kind``), kept for this run or in the keyring.

        Raises:
            KeyringUnavailable: as for :meth:`get`.
        """
        return self.get(profile_id, kind) is not None

    def is_session_only(self, profile_id: str, kind: Kind = SECRET) -> bool:
        """Whether the profile's secret is kept in memory for this run (and so is lost on exit)."""
        with self._lock:
            return _key(profile_id, kind) in self._session

    def set(self, profile_id: str, secret: str, kind: Kind = SECRET) -> None:
        """Store the profile's secret in the keyring, replacing the one kept for this run.

        An empty secret is a mistake of the caller (ask the person for one), not stored.

        Raises:
            KeyringUnavailable: the keyring cannot store it; the text says why and what to
                do (:meth:`keep_for_session` is the fallback to offer).
        """
        if not secret:
            raise ValueError("An empty secret cannot be stored.")
        key = _key(profile_id, kind)
        backend = self._usable()
        with _translated(_name(backend), "storing the secret", secret):
            backend.set_password(SERVICE, key, secret)
        with self._lock:
            self._session.pop(key, None)

    def keep_for_session(self, profile_id: str, secret: str, kind: Kind = SECRET) -> None:
        """Keep the secret in memory only, until this process ends; the keyring is not touched."""
        if not secret:
            raise ValueError("An empty secret cannot be kept.")
        with self._lock:
            self._session[_key(profile_id, kind)] = secret

    def delete(self, profile_id: str, kind: Kind = SECRET) -> None:
        """Forget the profile's secret (of ``kind``), for this run and in the keyring; none at
        all is fine.

        A refused plain-text backend is still cleaned: removing a secret from it is welcome.

        Raises:
            KeyringUnavailable: the keyring could not be reached, so the secret may remain.
        """
        key = _key(profile_id, kind)
        with self._lock:
            self._session.pop(key, None)
        backend = self._current()
        if _keeps_nothing(backend):
            return
        name = _name(backend)
        from keyring.errors import PasswordDeleteError

        with _translated(name, "deleting the secret"):
            # Delete every copy: a backend deletes one item at a time.
            for _ in range(10):
                try:
                    backend.delete_password(SERVICE, key)
                except PasswordDeleteError:
                    break
            if backend.get_password(SERVICE, key) is not None:
                raise KeyringUnavailable(
                    name,
                    "The keyring did not delete the secret.",
                    f"Remove the entry for service {SERVICE!r}, user {key!r} with the "
                    "keyring's own tool.",
                )

    def _current(self) -> KeyringBackend:
        with self._lock:
            if self._backend is None:
                self._backend, self._detection_problem = _choose(self._allow_plaintext)
            return self._backend

    def _usable(self) -> KeyringBackend:
        backend = self._current()
        self._refuse(backend)
        return backend

    def _refuse(self, backend: KeyringBackend) -> None:
        """Raise KeyringUnavailable when this backend must not keep secrets."""
        name = _name(backend)
        if _keeps_nothing(backend):
            from keyring.backends import null

            if isinstance(backend, null.Keyring):
                raise KeyringUnavailable(
                    name,
                    "The keyring is set to the null backend, which throws secrets away.",
                    "Choose another in keyring's settings (PYTHON_KEYRING_BACKEND or "
                    f"keyringrc.cfg), {_SESSION_ONLY}",
                )
            reason = f" ({self._detection_problem})" if self._detection_problem else ""
            raise KeyringUnavailable(
                name,
                f"No keyring was found to keep passwords and tokens safely{reason}.",
                "Install and start a keyring (GNOME Keyring or KWallet on Linux), " + _SESSION_ONLY,
            )
        if _is_plaintext(backend) and not self._allow_plaintext:
            raise KeyringUnavailable(
                name,
                f"The keyring backend {name} keeps secrets in a plain file on disk, not "
                "in a locked keyring.",
                "Install a keyring such as GNOME Keyring or KWallet, or allow plain-text "
                f"storage in Settings if you accept the risk, {_SESSION_ONLY}",
            )


def _key(profile_id: str, kind: Kind) -> str:
    """The keyring's user name for a profile's secret of ``kind``; a profile id has no "/",
    so a check token can never be taken for another profile's secret."""
    if not profile_id:
        raise ValueError("A secret needs the profile's id.")
    if kind == SECRET:
        return profile_id
    if kind == CHECK_TOKEN:
        return f"{profile_id}/{CHECK_TOKEN}"
    raise ValueError(f"Unknown kind of secret: {kind!r}")


def _choose(allow_plaintext: bool) -> tuple[KeyringBackend, str]:
    """keyring's choice made now: its configuration, else the viable backend of top priority.

    Returns the backend and, when none could be used, why.
    """
    import keyring.backend
    import keyring.core

    try:
        chosen = keyring.core.load_env() or keyring.core.load_config()
    except (
        ImportError,
        AttributeError,
        ValueError,
        RuntimeError,
        OSError,
        configparser.Error,
    ) as exc:
        return _no_keyring(), f"the configured keyring backend cannot be used: {exc}"
    if chosen is None:
        chosen = _top_priority(allow_plaintext)
    chosen = _unchained(chosen, allow_plaintext)
    if _keeps_nothing(chosen):
        return chosen, _why_no_secret_service()
    return chosen, ""


def _top_priority(allow_plaintext: bool) -> KeyringBackend:
    """The viable backend keyring would choose, as ``_unchained`` would take it from a chain.

    keyring chooses its chainer when more than one backend has a priority above 0, and the
    chain's first member is the one of top priority; ``_unchained`` takes its first safe
    member instead. Both are done here on the list itself: the chainer's own priority loads
    every backend keyring knows, those of other systems too (see ``_load_backends``).
    """
    import keyring.backend
    from keyring.backends import chainer

    _load_backends()
    candidates: list[KeyringBackend] = []
    for cls in keyring.backend.KeyringBackend.get_viable_backends():
        if issubclass(cls, chainer.ChainerBackend):
            continue
        with suppress(TypeError):  # backends that cannot be made without arguments
            candidates.append(cls())
    ranked = sorted(
        (b for b in candidates if _priority(b) is not None),
        key=lambda b: _priority(b) or 0.0,
        reverse=True,
    )
    chained = [b for b in ranked if (_priority(b) or 0.0) > 0]
    if len(chained) > 1:
        safe = [b for b in chained if allow_plaintext or not _is_plaintext(b)]
        return (safe or chained)[0]
    return ranked[0] if ranked else _no_keyring()


# keyring's backends for one operating system only, by module. Importing the macOS one on
# Linux looks for Apple's frameworks with ctypes.util.find_library, which runs ldconfig and a
# compiler: about 100 ms of every command that asks the keyring, for a backend that could
# not be chosen (its priority says so off macOS).
_SYSTEM_ONLY = {"keyring.backends.macOS": "darwin", "keyring.backends.Windows": "win32"}


@functools.cache
def _load_backends() -> None:
    """keyring's backends and plugins, loaded once as ``keyring.backend.get_all_keyring``
    loads them (by their entry points), but for those of another operating system."""
    # keyring reads entry points with this (importlib_metadata before Python 3.12): the
    # standard library's own would be a second reader to import (about 15 ms).
    from keyring.compat.py312 import metadata

    for entry in metadata.entry_points(group="keyring.backends"):
        if _SYSTEM_ONLY.get(entry.module, sys.platform) != sys.platform:
            continue
        try:
            loaded = entry.load()
            if callable(loaded):
                loaded()
        except Exception as exc:  # noqa: BLE001 - a broken plugin is skipped, as keyring does
            log.info("The keyring backend %s could not be loaded: %s", entry.value, exc)


def _unchained(backend: KeyringBackend, allow_plaintext: bool) -> KeyringBackend:
    """A chain of backends writes to its first member: pick that member ourselves, so that
    a plain-text one is never written to (or read from) silently."""
    from keyring.backends import chainer

    if not isinstance(backend, chainer.ChainerBackend):
        return backend
    members: list[KeyringBackend] = list(backend.backends)
    safe = [b for b in members if allow_plaintext or not _is_plaintext(b)]
    # Only plain-text members: the first is kept, and refused with the reason.
    return (safe or members or [_no_keyring()])[0]


def _why_no_secret_service() -> str:
    """Why the Secret Service, the keyring of Linux desktops, is not usable; empty elsewhere."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return ""
    try:
        module = importlib.import_module("keyring.backends.SecretService")
        module.Keyring.priority  # noqa: B018 - keyring's test of viability raises the reason
    except _not_viable_errors() as exc:
        return f"the Secret Service (over D-Bus) is not usable: {_reason(exc)}"
    return ""


def _no_keyring() -> KeyringBackend:
    from keyring.backends import fail

    return fail.Keyring()  # type: ignore[no-untyped-call]


def _priority(backend: KeyringBackend) -> float | None:
    # keyring's rule is RuntimeError for "not usable here"; some raise the D-Bus error itself.
    try:
        return float(type(backend).priority)
    except _not_viable_errors():
        return None


def _keeps_nothing(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    return isinstance(backend, (fail.Keyring, null.Keyring)) or (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    )


def _is_plaintext(backend: KeyringBackend) -> bool:
    """A backend that keeps secrets in a file: any from keyrings.alt, or one with a file path."""
    for cls in type(backend).__mro__:
        if cls.__module__.split(".")[:2] == ["keyrings", "alt"]:
            return True
        if "file_path" in vars(cls) or "filename" in vars(cls):
            return True
    return False


def _name(backend: KeyringBackend) -> str:
    cls = type(backend)
    path = f"{cls.__module__}.{cls.__qualname__}"
    return _NAMES.get(path, path)


@functools.cache
def _foreign_errors() -> tuple[type[BaseException], ...]:
    """What keyring backends raise when the keyring itself fails; imported only when needed."""
    from keyring.errors import KeyringError

    errors: list[type[BaseException]] = [KeyringError, OSError]
    for module, name in (
        ("secretstorage.exceptions", "SecretStorageException"),
        ("jeepney.wrappers", "DBusErrorResponse"),
        ("dbus.exceptions", "DBusException"),
    ):
        with suppress(ImportError, AttributeError):
            errors.append(getattr(importlib.import_module(module), name))
    return tuple(errors)


@functools.cache
def _not_viable_errors() -> tuple[type[BaseException], ...]:
    """What testing a backend's priority raises when it cannot work here: keyring's rule is
    RuntimeError; some raise their D-Bus error itself, or fail to import what they need."""
    return (*_foreign_errors(), RuntimeError, ImportError)


@contextmanager
def _translated(backend: str, doing: str, secret: str = "") -> Iterator[None]:
    """Turn what a keyring backend raises into KeyringUnavailable, never echoing ``secret``."""
    try:
        yield
    except _foreign_errors() as exc:
        leaks = bool(secret) and any(secret in text for text in (str(exc), repr(exc.args)))
        reason = _reason(exc).replace(secret, "…") if secret else _reason(exc)
        error = _unavailable(backend, doing, type(exc), reason)
        log.info("Keyring (%s) failed while %s: %s", backend, doing, reason)
        if leaks:
            # The original would carry the secret into tracebacks and logs.
            raise error from None
        raise error from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).strip().rstrip(".!") or type(exc).__name__


def _unavailable(
    backend: str, doing: str, kind: type[BaseException], reason: str
) -> KeyringUnavailable:
    names = {cls.__name__ for cls in kind.__mro__}
    if names & {"KeyringLocked", "LockedException", "PromptDismissedException"}:
        return KeyringUnavailable(
            backend,
            f"The keyring is locked and was not unlocked ({reason}).",
            f"Unlock it (on Linux: in Passwords and Keys) and try again, {_SESSION_ONLY}",
        )
    if names & {"NoKeyringError"}:
        return KeyringUnavailable(
            backend,
            f"No keyring was found to keep passwords and tokens safely ({reason}).",
            f"Install and start a keyring (GNOME Keyring or KWallet on Linux), {_SESSION_ONLY}",
        )
    if names & {"SecretServiceNotAvailableException", "OSError", "DBusException"}:
        return KeyringUnavailable(
            backend,
            f"The keyring service could not be reached ({reason}).",
            "Start a keyring service in your desktop session (GNOME Keyring or KWallet on "
            f"Linux), {_SESSION_ONLY}",
        )
    return KeyringUnavailable(
        backend,
        f"The keyring ({backend}) failed while {doing}: {reason}.",
        f"Check that the keyring is running and unlocked, {_SESSION_ONLY}",
    )
