"""The signatures: named Markdown texts, and which one each sender uses by default.

Kept in ``signatures.toml`` in the app home, written whole and atomically (private, 0600), for
people to read and edit. A signature holds Markdown only: images are referenced by path, never
copied in, and nothing secret belongs here. A default belongs to a sender: a profile and,
optionally, one of its From addresses (an address's default wins over the profile's).

A file with a mistake is reported with its line, as ``profiles.toml`` is, and nothing writes
to it until it is fixed.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import tomllib
from pathlib import Path
from typing import Any, Final

import tomli_w

from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import tomlfile
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.paths import atomic_write

FILE_NAME: Final = "signatures.toml"
SCHEMA: Final = 1
MAX_CHARS: Final = 20_000
"""A signature longer than this is surely a mistake (a whole letter, an image pasted as data)."""
_NAME_MAX: Final = 60

_HEADER = """\
# SMTPeter Desktop's signatures, in Markdown. You may edit this file. Images are
# referenced by their path; nothing secret belongs here.

"""


class SignatureError(StorageError):
    """A signature that cannot be used or found, or a signatures file with a mistake."""


@dataclasses.dataclass(frozen=True)
class Signature:
    """A named signature.

    Attributes:
        name: what the person calls it ("Work", "Short"); unique, case-insensitively.
        markdown: the text put below the ``-- `` line.
    """

    name: str
    markdown: str

    def __post_init__(self) -> None:
        name = self.name
        if not name.strip() or len(name) > _NAME_MAX or not name.isprintable():
            raise SignatureError(
                translate("storage.signatures", "“{value}” cannot be a signature's name.").format(
                    value=name[:_NAME_MAX]
                ),
                translate(
                    "storage.signatures", "Use one line of 1 to {NAME_MAX} characters."
                ).format(NAME_MAX=_NAME_MAX),
            )
        if name != name.strip():
            raise SignatureError(
                translate(
                    "storage.signatures", "The signature name “{name}” starts or ends with a space."
                ).format(name=name),
                translate("storage.signatures", "Remove it."),
            )
        if len(self.markdown) > MAX_CHARS:
            raise SignatureError(
                translate(
                    "storage.signatures",
                    "The signature “{name}” is {count:,} characters long; at most "
                    "{MAX_CHARS:,} fit.",
                ).format(name=name, count=len(self.markdown), MAX_CHARS=MAX_CHARS),
                translate(
                    "storage.signatures",
                    "Put images in as files (![logo](logo.png)), not as pasted data.",
                ),
            )
        if "\x00" in self.markdown:
            raise SignatureError(
                translate(
                    "storage.signatures", "The signature “{name}” holds a NUL character."
                ).format(name=name),
                "",
            )


@dataclasses.dataclass(frozen=True)
class Default:
    """The signature a sender starts with.

    Attributes:
        profile: the profile's id.
        sender: a bare From address (compared without case), or empty for the whole profile.
        signature: the signature's name.
    """

    profile: str
    sender: str
    signature: str


_IMAGE = re.compile(r"(!\[[^\]]*\]\()(<[^>]*>|[^)\s]+)")


def absolute_images(markdown: str, folder: Path) -> str:
    """*markdown* with relative image paths made absolute against *folder*.

    A signature is put into bodies written anywhere, so a path relative to the file it was
    read from would point nowhere later.
    """

    def fix(found: re.Match[str]) -> str:
        target = found.group(2)
        bare = target.strip("<>")
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", bare) or bare.startswith("/"):
            return found.group(0)
        resolved = (folder / bare).resolve()
        shown = f"<{resolved}>" if " " in str(resolved) else str(resolved)
        return found.group(1) + shown

    return _IMAGE.sub(fix, markdown)


class SignatureStore:
    """The signatures file; every call reads it afresh, every change writes it whole.

    Attributes:
        path: the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<SignatureStore {self.path}>"

    # Reading

    def _load(self) -> tuple[list[Signature], list[Default]]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return [], []
        except OSError as exc:
            raise SignatureError(
                translate("storage.signatures", "{path} cannot be read: {value}.").format(
                    path=self.path, value=exc.strerror or exc
                ),
                translate("storage.signatures", "Check who owns the file."),
            ) from exc
        try:
            text = tomlfile.decode(data)
            document = tomllib.loads(text)
            return _signatures(document), _defaults(document)
        except tomllib.TOMLDecodeError as exc:
            raise SignatureError(
                translate("storage.signatures", "{path} is not valid TOML: {exc}.").format(
                    path=self.path, exc=exc
                ),
                translate("storage.signatures", "Correct the file, or move it aside."),
            ) from exc
        except tomlfile.Mistake as exc:
            line = exc.line or (tomlfile.line_of(text, exc.key) if exc.key else None)
            where = f" (line {line})" if line else ""
            raise SignatureError(
                f"{self.path}{where}: {exc.reason}",
                translate("storage.signatures", "Correct the file, or move it aside."),
            ) from exc

    def signatures(self) -> list[Signature]:
        """Every signature, in the order they were added."""
        return self._load()[0]

    def defaults(self) -> list[Default]:
        return self._load()[1]

    def get(self, name: str) -> Signature:
        """The signature called *name* (case-insensitively); :class:`SignatureError` if none."""
        for signature in self.signatures():
            if signature.name.casefold() == name.casefold():
                return signature
        names = ", ".join(s.name for s in self.signatures()) or "none yet"
        raise SignatureError(
            translate("storage.signatures", "There is no signature called “{name}”.").format(
                name=name
            ),
            translate("storage.signatures", "Signatures: {names}.").format(names=names),
        )

    def default_for(self, profile: str, sender: str = "") -> Signature | None:
        """The signature a message from *sender* (a bare address) through *profile* starts with.

        The address's own default wins over the profile's; a default naming a signature that
        is gone counts as none.
        """
        signatures, defaults = self._load()
        by_name = {s.name.casefold(): s for s in signatures}
        wanted = sender.casefold()
        for exact in (True, False):
            for default in defaults:
                if default.profile != profile:
                    continue
                if (default.sender.casefold() == wanted) if exact else not default.sender:
                    found = by_name.get(default.signature.casefold())
                    if found is not None:
                        return found
        return None

    # Changing

    def save(self, signature: Signature) -> None:
        """Add *signature*, or replace the one with its name."""
        with self._lock:
            signatures, defaults = self._load()
            key = signature.name.casefold()
            kept = [s if s.name.casefold() != key else signature for s in signatures]
            if all(s.name.casefold() != key for s in signatures):
                kept.append(signature)
            self._write(kept, defaults)

    def remove(self, name: str) -> Signature:
        """Remove a signature and the defaults that name it."""
        with self._lock:
            removed = self.get(name)
            signatures, defaults = self._load()
            key = removed.name.casefold()
            self._write(
                [s for s in signatures if s.name.casefold() != key],
                [d for d in defaults if d.signature.casefold() != key],
            )
        return removed

    def set_default(self, name: str | None, *, profile: str, sender: str = "") -> None:
        """Make *name* the default of a profile (and From address); None: no default there."""
        with self._lock:
            signatures, defaults = self._load()
            kept = [
                d
                for d in defaults
                if not (d.profile == profile and d.sender.casefold() == sender.casefold())
            ]
            if name is not None:
                kept.append(Default(profile, sender, self.get(name).name))
            self._write(signatures, kept)

    def _write(self, signatures: list[Signature], defaults: list[Default]) -> None:
        document: dict[str, Any] = {"schema": SCHEMA}
        document["signatures"] = [dataclasses.asdict(s) for s in signatures]
        document["defaults"] = [dataclasses.asdict(d) for d in defaults]
        atomic_write(self.path, _HEADER + tomli_w.dumps(document, multiline_strings=True))


def _table_list(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = document.get(key, [])
    if not isinstance(found, list) or not all(isinstance(item, dict) for item in found):
        raise tomlfile.Mistake(f"“{key}” must be a list of tables ([[{key}]]).", key=(key,))
    return found


def _text(item: dict[str, Any], key: str, where: tuple[str | int, ...]) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise tomlfile.Mistake(f"“{key}” must be text.", key=(*where, key))
    return value


def _signatures(document: dict[str, Any]) -> list[Signature]:
    schema = document.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise tomlfile.Mistake(
            f"it was written by a newer SMTPeter Desktop (schema {schema}).", key=("schema",)
        )
    found: list[Signature] = []
    for index, item in enumerate(_table_list(document, "signatures")):
        where = ("signatures", index)
        try:
            found.append(Signature(_text(item, "name", where), _text(item, "markdown", where)))
        except SignatureError as exc:
            raise tomlfile.Mistake(exc.message, key=(*where, "name")) from exc
    return found


def _defaults(document: dict[str, Any]) -> list[Default]:
    found: list[Default] = []
    for index, item in enumerate(_table_list(document, "defaults")):
        where = ("defaults", index)
        found.append(
            Default(
                _text(item, "profile", where),
                _text(item, "sender", where),
                _text(item, "signature", where),
            )
        )
    return found
