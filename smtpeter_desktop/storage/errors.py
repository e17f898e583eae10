"""The errors of storage that a person can cause and fix, each with what to do.

Our exception hierarchy::

    StorageError                 base: ``message`` (what happened) and ``hint`` (what to do)
    ├── AppHomeError             the app's folder cannot be made or used
    ├── SaveError                a file could not be written (disk full, no permission, read-only)
    ├── ProfileFileError         profiles.toml cannot be read, has a mistake at a line and field,
    │                            or is from a newer version; nothing writes to it until it is fixed
    ├── InvalidProfile           a profile value that cannot be used (from the dialog or the CLI)
    ├── ProfileNotFound          no profile has that id or name
    ├── SettingsFileError        settings.toml has a mistake at a line; the default is used instead
    ├── InvalidSetting           a setting value of the wrong type or out of range
    └── KeyringUnavailable       no usable keyring: none, unreachable, locked, plain text refused,
                                 or an error from its backend

The mailbox adds its own family under ``StorageError`` in its own module.

Foreign exceptions (``OSError``, ``tomllib``, ``keyring``, D-Bus) are translated into these
where they arise, with ``raise ... from``. A secret never appears in any of these texts.
Bugs are not caught here: they stay ordinary exceptions.
"""

from __future__ import annotations

from pathlib import Path

from smtpeter_desktop.i18n import translate


class StorageError(Exception):
    """Something a person can fix went wrong while keeping data between runs.

    Attributes:
        message: what happened, in a person's words.
        hint: what to do about it; may be empty.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class AppHomeError(StorageError):
    """The app's home folder cannot be created or is not a folder."""

    def __init__(self, path: Path, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.path = path


class SaveError(StorageError):
    """A file could not be written; the previous version of it is intact."""

    def __init__(self, path: Path, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.path = path


class ProfileFileError(StorageError):
    """The profile file cannot be used as it is; the app starts without its profiles.

    While the file has a mistake nothing overwrites it: every change to profiles raises this
    error again, so a hand-edited file is never lost.

    Attributes:
        path: the profile file.
        line: the 1-based line of the mistake, or None when it is not about one line.
        field: the key at fault, dotted for nested ones (``port``, ``identities.address``);
            empty when the mistake is not about one key (a syntax error between keys).
        reason: the mistake alone, without its place.
    """

    def __init__(
        self, path: Path, line: int | None, field: str, reason: str, hint: str = ""
    ) -> None:
        where = f"{path}, line {line}" if line is not None else str(path)
        if field:
            where += f", {field}"
        super().__init__(
            f"{where}: {reason}",
            hint
            or (
                "Fix it in a text editor, or move the file away to start afresh; until then "
                "SMTPeter Desktop leaves the file as it is and saves no change to profiles."
            ),
        )
        self.path = path
        self.line = line
        self.field = field
        self.reason = reason


class InvalidProfile(StorageError, ValueError):
    """A profile, identity or timeout was given a value it cannot have.

    Attributes:
        field: the attribute at fault, as named on the dataclass (``port``, ``address``).
    """

    def __init__(self, field: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.field = field


class ProfileNotFound(StorageError, LookupError):
    """No profile has the id or name asked for."""

    def __init__(self, wanted: str, names: list[str]) -> None:
        known = ", ".join(repr(name) for name in names) if names else "none yet"
        super().__init__(
            translate("storage.errors", "There is no profile named {wanted!r}.").format(
                wanted=wanted
            ),
            translate("storage.errors", "The profiles are: {known}.").format(known=known),
        )
        self.wanted = wanted


class SettingsFileError(StorageError):
    """settings.toml has a mistake; reported, and the defaults are used instead.

    Attributes:
        path: the settings file.
        line: the 1-based line of the mistake, or None.
        field: the setting at fault, or empty.
    """

    def __init__(
        self, path: Path, line: int | None, field: str, message: str, hint: str = ""
    ) -> None:
        where = f"{path}, line {line}" if line is not None else str(path)
        if field:
            where += f", {field}"
        super().__init__(f"{where}: {message}", hint)
        self.path = path
        self.line = line
        self.field = field


class InvalidSetting(StorageError, ValueError):
    """A setting was given a value of the wrong type or out of its range."""

    def __init__(self, name: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.name = name


class KeyringUnavailable(StorageError):
    """The keyring cannot keep or give a secret now; the text says why and what to do.

    Attributes:
        backend: a readable name of the keyring backend involved.
    """

    def __init__(self, backend: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.backend = backend
