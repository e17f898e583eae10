"""Profiles: the accounts mail is sent through, kept in one TOML file that people can read and edit.

A profile says how to reach SMTPeter (SMTP or REST), who may appear in From, the default
SMTPeter options of a new message, and the timeouts. Its secret (SMTP password or REST token)
is never in the file: it is in the keyring under the profile's ``id``, which never changes,
so a renamed profile keeps its secret (see :mod:`smtpeter_desktop.storage.secrets`). So is an
SMTP profile's optional REST token for checks (``secrets.CHECK_TOKEN``), which lets Before
Send ask SMTPeter about its sender domain; the file does not even say whether there is one.

The file, ``profiles.toml`` in the app home, looks like this::

    schema = 1

    [[profiles]]
    id = "9f1c0d3e6b0a4d5e8c2f7a1b3c4d5e6f"
    name = "Work"
    transport = "smtp"
    host = "mail.smtpeter.com"
    port = 587
    security = "starttls"
    username = "ann"
    ...
    [profiles.options]
    track_clicks = false
    [[profiles.identities]]
    name = "Ann Lee"
    address = "ann@example.com"

Keys left out take their defaults; an unknown key is a mistake (a typo must not pass
silently). A mistake is reported with its line and key, and while the file has one, nothing
overwrites it. A change to the format gets a new ``schema`` number and an upgrade function in
:data:`UPGRADES`; a file from a newer version is refused, never rewritten.
"""

from __future__ import annotations

import dataclasses
import difflib
import ipaddress
import math
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import tomli_w

from smtpeter_desktop.compose.options import OptionsError, SmtpeterOptions
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import profilecache, tomlfile
from smtpeter_desktop.storage.errors import (
    InvalidProfile,
    ProfileFileError,
    ProfileNotFound,
    SaveError,
)
from smtpeter_desktop.storage.paths import atomic_write
from smtpeter_desktop.storage.tomlfile import KeyPath, Mistake

if TYPE_CHECKING:
    from smtpeter_desktop.storage.secrets import SecretStore

FILE_NAME = profilecache.PROFILES_FILE
SCHEMA = 1
# UPGRADES[n] turns a schema n document into schema n + 1; add one with each new schema.
UPGRADES: dict[int, tomlfile.Upgrade] = {}

Transport = Literal["smtp", "rest"]
Security = Literal["starttls", "tls"]
TRANSPORTS: tuple[Transport, ...] = ("smtp", "rest")
SECURITIES: tuple[Security, ...] = ("starttls", "tls")

SANDBOX_NAME = "Sandbox"
SANDBOX_NOTE = profilecache.SANDBOX_NOTE

_NAME_MAX = 64
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
_TIMEOUT_MAX = 3600.0
_HEADER = """\
# SMTPeter Desktop's profiles: the accounts mail is sent through.
# Passwords and tokens are not in this file: they are in the system keyring, under each
# profile's id. You may edit it by hand; a mistake is reported with its line, and the app
# changes nothing here until it is fixed.

"""


def new_id() -> str:
    """A fresh profile id: stable for the profile's life, the key of its secret."""
    # Only a new profile needs uuid, which brings platform: 2 ms of every command otherwise.
    import uuid

    return uuid.uuid4().hex


def _has_control(text: str) -> bool:
    return any(unicodedata.category(char) == "Cc" for char in text)


def _check_address(field: str, value: str) -> None:
    # Loaded with the first address checked: the commands that open the app's data without
    # reading profiles (outbox, sent) skip compose's text checks (about 3 ms).
    from smtpeter_desktop.compose.addresses import InvalidAddress, validate

    try:
        validate(value)
    except InvalidAddress as exc:
        raise InvalidProfile(
            field,
            translate("storage.profiles", "{value!r} is not a usable e-mail address: {exc}").format(
                value=value, exc=exc
            ),
            translate("storage.profiles", "Write a plain address such as ann@example.com."),
        ) from exc


@dataclasses.dataclass(frozen=True)
class Identity:
    """Someone a profile may send as; the From picker offers these.

    Attributes:
        name: the display name (may be empty).
        address: the bare address; international domains and local parts are allowed.
        reply_to: a bare address replies should go to, or empty.
    """

    name: str
    address: str
    reply_to: str = ""

    def __post_init__(self) -> None:
        if _has_control(self.name) or len(self.name) > 200:
            raise InvalidProfile(
                "name",
                translate(
                    "storage.profiles",
                    "A sender's name must be one line of at most 200 characters.",
                ),
            )
        _check_address("address", self.address)
        if self.reply_to:
            _check_address("reply_to", self.reply_to)

    @property
    def display(self) -> str:
        """``Name <address>`` for people to read (not a header: that is compose's job)."""
        return profilecache.display(self.name, self.address)

    @classmethod
    def parse(cls, text: str) -> Identity:
        """An identity from what a person types: ``Ann Lee <ann@example.com>`` or a bare address."""
        # email.utils brings socket and email's charsets (about 10 ms): only adding a sender
        # needs it, not the commands that open the app's data.
        import email.utils

        found = email.utils.getaddresses([text.strip()])
        name, address = found[0] if len(found) == 1 else ("", "")
        if not address or "@" not in address:
            raise InvalidProfile(
                "address",
                translate(
                    "storage.profiles",
                    "{text!r} is not a sender: write it as Name <address> or a bare address.",
                ).format(text=text),
            )
        return cls(name=name, address=address)


@dataclasses.dataclass(frozen=True)
class Timeouts:
    """Seconds to wait before giving up: to connect, for a command's answer, for the data.

    The defaults are shorter than RFC 5321's minimums (5 and 10 minutes) because a person is
    waiting; a slow server can be given more here.
    """

    connect: float = 15.0
    command: float = 30.0
    data: float = 120.0

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if not (math.isfinite(value) and 0 < value <= _TIMEOUT_MAX):
                raise InvalidProfile(
                    field.name,
                    translate(
                        "storage.profiles",
                        "The {name} timeout must be more than 0 and at most {TIMEOUT_MAX:g} "
                        "seconds, not {value!r}.",
                    ).format(name=field.name, TIMEOUT_MAX=_TIMEOUT_MAX, value=value),
                )


@dataclasses.dataclass(frozen=True)
class Profile:
    """One way to send: an SMTPeter account and login, or the built-in sandbox.

    Attributes:
        id: stable (a uuid4 in hex); the keyring key of the secret; renaming keeps it.
        name: what people call it; unique among profiles, ignoring case.
        transport: ``smtp`` (the SMTP API) or ``rest`` (the REST API).
        host, port, security: the SMTP server; ``starttls`` upgrades a plain connection,
            ``tls`` speaks TLS from the first byte (port 465).
        username: the SMTP login.
        rest_url: the REST API's base URL.
        ca_file: a CA certificate file to trust besides the system's (a private server).
        identities: who may appear in From.
        options: the SMTPeter options a new message starts with.
        timeouts: how long to wait for the server.
        sandbox: the built-in local test server, started in-process when used; it delivers
            nothing, and host, port and URL are ignored for it. See :data:`SANDBOX_NOTE`.
    """

    id: str
    name: str
    transport: Transport
    host: str = "mail.smtpeter.com"
    port: int = 587
    security: Security = "starttls"
    username: str = ""
    rest_url: str = "https://www.smtpeter.com/v1"
    ca_file: str = ""
    identities: tuple[Identity, ...] = ()
    options: SmtpeterOptions = dataclasses.field(default_factory=SmtpeterOptions)
    timeouts: Timeouts = Timeouts()
    sandbox: bool = False

    def __post_init__(self) -> None:
        if not self.id or not set(self.id) <= _ID_CHARS or len(self.id) > 64:
            raise InvalidProfile(
                "id",
                translate(
                    "storage.profiles",
                    "The profile id {id!r} is not usable: it must be 1 to 64 letters, "
                    "digits, '-' or '_'.",
                ).format(id=self.id),
                translate("storage.profiles", 'A new one: id = "{new_id}".').format(
                    new_id=new_id()
                ),
            )
        object.__setattr__(self, "name", self.name.strip())
        if not self.name:
            raise InvalidProfile("name", translate("storage.profiles", "A profile needs a name."))
        if _has_control(self.name) or len(self.name) > _NAME_MAX:
            raise InvalidProfile(
                "name",
                translate(
                    "storage.profiles",
                    "A profile's name must be one line of at most {NAME_MAX} characters.",
                ).format(NAME_MAX=_NAME_MAX),
            )
        if self.transport not in TRANSPORTS:
            raise InvalidProfile(
                "transport",
                translate(
                    "storage.profiles", 'The transport must be "smtp" or "rest", not {transport!r}.'
                ).format(transport=self.transport),
            )
        if self.security not in SECURITIES:
            raise InvalidProfile(
                "security",
                translate(
                    "storage.profiles",
                    'The security must be "starttls" or "tls", not {security!r}.',
                ).format(security=self.security),
            )
        self._check_server()
        if not 1 <= self.port <= 65535:
            raise InvalidProfile(
                "port",
                translate(
                    "storage.profiles",
                    "The port must be a whole number from 1 to 65535, not {port}.",
                ).format(port=self.port),
            )
        if _has_control(self.username):
            raise InvalidProfile(
                "username", translate("storage.profiles", "The username must be one line.")
            )
        if _has_control(self.ca_file):
            raise InvalidProfile(
                "ca_file",
                translate("storage.profiles", "The CA file must be one line: a file's path."),
            )

    def _check_server(self) -> None:
        # One colon is "host:port"; an IPv6 address has several.
        if (
            len(self.host) > 253
            or self.host.count(":") == 1
            or any(c.isspace() or c in "/@" for c in self.host)
        ):
            raise InvalidProfile(
                "host",
                translate(
                    "storage.profiles",
                    "{host!r} is not a server name: write just the name, such as "
                    "mail.smtpeter.com, and the port apart.",
                ).format(host=self.host),
            )
        needed = not self.sandbox
        if needed and self.transport == "smtp" and not self.host:
            raise InvalidProfile(
                "host",
                translate("storage.profiles", "An SMTP profile needs the server's name (host)."),
            )
        if needed and self.transport == "rest" and not self.rest_url:
            raise InvalidProfile(
                "rest_url",
                translate("storage.profiles", "A REST profile needs the API's address (rest_url)."),
            )
        if self.rest_url and not _is_base_url(self.rest_url):
            raise InvalidProfile(
                "rest_url",
                translate(
                    "storage.profiles",
                    "{rest_url!r} is not an API address: it must start with https:// (or "
                    "http:// for a local server), like https://www.smtpeter.com/v1, with no "
                    "?query or #part.",
                ).format(rest_url=self.rest_url),
            )
        if self.rest_url and not self.sandbox and _plain_http_to_another_computer(self.rest_url):
            # The REST transport refuses it too; refused here, a person hears it when saving
            # the profile, not as a failure of every later send.
            raise InvalidProfile(
                "rest_url",
                translate(
                    "storage.profiles",
                    "{rest_url} is plain http:// to another computer: the API token and "
                    "every message would cross the network unencrypted.",
                ).format(rest_url=self.rest_url),
                translate(
                    "storage.profiles",
                    (
                        "Use https://, like https://www.smtpeter.com/v1 (plain http:// is only for "
                        "a "
                        "server on this computer)."
                    ),
                ),
            )

    @classmethod
    def create(cls, name: str, transport: Transport, **fields: Any) -> Profile:
        """A new profile with a fresh id."""
        return cls(id=new_id(), name=name, transport=transport, **fields)

    def describe(self) -> str:
        """One line saying where this profile sends, for lists; never a secret."""
        return profilecache.describe(record_of(self))


def _is_base_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(hostname)
        and not parts.query
        and not parts.fragment
        and not any(c.isspace() for c in url)
        and not _has_control(url)
    )


def _plain_http_to_another_computer(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "http":
        return False
    host = parts.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


class ProfileStore:
    """The profile file: read on every call, so a hand edit is seen at once.

    Each change reads the file, changes it and writes it whole, atomically. While the file
    has a mistake, reading raises :class:`ProfileFileError` and so does every change: the
    app starts without profiles and shows the error, and the file stays as the person left
    it.

    Given a :class:`SecretStore`, removing a profile also removes its secret. A file read
    and checked without a mistake leaves a copy of what a list shows of it beside it
    (``profiles.cache``, :mod:`~smtpeter_desktop.storage.profilecache`), which
    ``profiles list`` reads instead while the file stays the same to the byte.
    """

    def __init__(self, path: Path, *, secrets: SecretStore | None = None) -> None:
        self.path = path
        self._secrets = secrets
        # The window's thread and the send worker may change profiles at the same time.
        self._lock = threading.Lock()
        self._copied: bytes | None = None  # the file's bytes profiles.cache is known to hold

    def __repr__(self) -> str:
        return f"<ProfileStore {self.path}>"

    def exists(self) -> bool:
        """Whether the file exists (even with a mistake in it)."""
        return self.path.exists()

    def load(self) -> list[Profile]:
        """Every profile, in the file's order; no file means no profiles.

        Raises:
            ProfileFileError: the file cannot be read, has a mistake (naming the line and
                key), or was written by a newer version.
        """
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise ProfileFileError(
                self.path,
                None,
                "",
                translate("storage.profiles", "the file cannot be read: {value}.").format(
                    value=exc.strerror or exc
                ),
            ) from exc
        text = ""
        try:
            text = tomlfile.decode(data)
            profiles = _profiles_from(tomlfile.parse(text))
        except Mistake as mistake:
            line = mistake.line
            if line is None and mistake.key:
                line = tomlfile.line_of(text, mistake.key)
            raise ProfileFileError(
                self.path,
                line,
                mistake.field or _field_name(mistake.key),
                mistake.reason,
                mistake.hint,
            ) from mistake
        self._keep_copy(data, profiles)
        return profiles

    def _keep_copy(self, data: bytes, profiles: Sequence[Profile]) -> None:
        """Keep what a list shows of these checked profiles for ``profiles list``
        (:mod:`~smtpeter_desktop.storage.profilecache`), unless the copy is of these bytes
        already. A copy that cannot be written costs the next list the full read, no more."""
        if data == self._copied:
            return
        path = Path(profilecache.cache_path(str(self.path)))
        try:
            kept = path.read_bytes()
        except OSError:
            kept = b""
        if not profilecache.matches(kept, data):
            try:
                atomic_write(path, profilecache.pack(data, listed(profiles)))
            except SaveError:
                return
        self._copied = data

    def find(self, id_or_name: str) -> Profile | None:
        """The profile with this id, else with this name ignoring case, else None."""
        return profilecache.chosen(self.load(), id_or_name, lambda p: (p.id, p.name))

    def get(self, id_or_name: str) -> Profile:
        """Like :meth:`find`, but a missing profile is a :class:`ProfileNotFound`."""
        profile = self.find(id_or_name)
        if profile is None:
            raise ProfileNotFound(id_or_name, [p.name for p in self.load()])
        return profile

    def default(self, preferred_id: str = "") -> Profile | None:
        """The profile with ``preferred_id`` (the default_profile setting), else the first."""
        profiles = self.load()
        for profile in profiles:
            if profile.id == preferred_id:
                return profile
        return profiles[0] if profiles else None

    def add(self, profile: Profile) -> Profile:
        """Add a profile at the end.

        Raises:
            InvalidProfile: its name or id is already taken.
            ProfileFileError: the file has a mistake; nothing was written.
            SaveError: the file could not be written.
        """
        with self._lock:
            profiles = self.load()
            _check_unique(profiles, profile)
            self._write([*profiles, profile])
        return profile

    def update(self, profile: Profile) -> Profile:
        """Replace the profile with the same id (a rename keeps the id, and so the secret).

        Raises:
            ProfileNotFound: no profile has that id.
            InvalidProfile: the new name is taken by another profile.
            ProfileFileError, SaveError: as for :meth:`add`.
        """
        with self._lock:
            profiles = self.load()
            index = _index(profiles, profile.id)
            _check_unique(profiles[:index] + profiles[index + 1 :], profile)
            profiles[index] = profile
            self._write(profiles)
        return profile

    def remove(self, profile_id: str) -> Profile:
        """Remove a profile, then its secrets (the password or token, and an SMTP profile's
        check token) from the keyring when a SecretStore was given.

        Raises:
            ProfileNotFound: no profile has that id.
            ProfileFileError, SaveError: as for :meth:`add`; nothing was removed.
            KeyringUnavailable: the profile is gone but its secret could not be deleted.
        """
        with self._lock:
            profiles = self.load()
            removed = profiles.pop(_index(profiles, profile_id))
            self._write(profiles)
        if self._secrets is not None:
            from smtpeter_desktop.storage.secrets import CHECK_TOKEN

            self._secrets.delete(removed.id)
            self._secrets.delete(removed.id, CHECK_TOKEN)
        return removed

    def _write(self, profiles: Sequence[Profile]) -> None:
        document = {"schema": SCHEMA, "profiles": [_profile_to(p) for p in profiles]}
        atomic_write(self.path, _HEADER + tomli_w.dumps(document))


def ensure_default_profiles(store: ProfileStore) -> Profile | None:
    """On first start (no profile file at all), create the ``Sandbox`` profile; else do nothing.

    The sandbox is a local test server that delivers nothing, so a new user can send at once
    and see exactly what would have gone out. Returns the profile created, or None.
    """
    if store.exists():
        return None
    sandbox = Profile.create(
        SANDBOX_NAME,
        "rest",
        sandbox=True,
        identities=(Identity("SMTPeter Desktop", "you@example.com"),),
    )
    try:
        return store.add(sandbox)
    except InvalidProfile:
        # Another process (the window and a command started together) made it first.
        return None


def record_of(profile: Profile) -> profilecache.Record:
    """What a list shows of ``profile`` and where it connects, in plain values (see
    :mod:`.profilecache`)."""
    record: profilecache.Record = {
        name: getattr(profile, name)
        for name in profilecache.FIELDS
        if not name.endswith("_timeout")
    }
    for name in ("connect", "command", "data"):
        record[f"{name}_timeout"] = float(getattr(profile.timeouts, name))
    record["identities"] = tuple((i.name, i.address) for i in profile.identities)
    return record


def listed(profiles: Sequence[Profile]) -> tuple[profilecache.Record, ...]:
    """What a list shows of each profile, as :func:`profilecache.read` gives it."""
    return tuple(record_of(profile) for profile in profiles)


def _index(profiles: Sequence[Profile], profile_id: str) -> int:
    for index, profile in enumerate(profiles):
        if profile.id == profile_id:
            return index
    raise ProfileNotFound(profile_id, [p.name for p in profiles])


def _check_unique(others: Sequence[Profile], candidate: Profile) -> None:
    """Refuse ``candidate`` when one of the other profiles has its name or id."""
    for other in others:
        if other.id == candidate.id:
            raise InvalidProfile(
                "id",
                translate("storage.profiles", "The profile {name!r} already has this id.").format(
                    name=other.name
                ),
            )
        if other.name.casefold() == candidate.name.casefold():
            raise InvalidProfile(
                "name",
                translate("storage.profiles", "There is already a profile named {name!r}.").format(
                    name=other.name
                ),
                translate("storage.profiles", "Profile names must differ (ignoring capitals)."),
            )


# Reading the file ------------------------------------------------------------------------

_SCALARS = profilecache.SCALARS
_PROFILE_KEYS = (*_SCALARS, "identities", "options", "timeouts")
_IDENTITY_KEYS = tuple(field.name for field in dataclasses.fields(Identity))
_TIMEOUT_KEYS = tuple(field.name for field in dataclasses.fields(Timeouts))
_OPTION_DEFAULTS = dataclasses.asdict(SmtpeterOptions())


def _profiles_from(document: tomlfile.Document) -> list[Profile]:
    document = tomlfile.upgrade(document, current=SCHEMA, upgrades=UPGRADES)
    _refuse_unknown(document, ("schema", "profiles"), (), "a key of the profile file")
    raw = tomlfile.expect(document.get("profiles", []), list, ("profiles",), "profiles")
    profiles = [_profile_from(item, ("profiles", index)) for index, item in enumerate(raw)]
    names: dict[str, int] = {}
    ids: set[str] = set()
    for index, profile in enumerate(profiles):
        where = f"profile {index + 1} ({profile.name!r})"
        if profile.id in ids:
            raise Mistake(
                f"{where} has the same id as another profile; ids must be unique.",
                key=("profiles", index, "id"),
                hint=f'Give it a new one: id = "{new_id()}".',
            )
        first = names.setdefault(profile.name.casefold(), index)
        if first != index:
            raise Mistake(
                f"{where} has the same name as profile {first + 1}; names must differ "
                "(ignoring capitals).",
                key=("profiles", index, "name"),
            )
        ids.add(profile.id)
    return profiles


def _profile_from(raw: object, key: KeyPath) -> Profile:
    table: dict[str, Any] = tomlfile.expect(raw, dict, key, "each profile")
    label = f"profile {int(key[-1]) + 1}"
    if isinstance(table.get("name"), str):
        label += f" ({table['name']!r})"
    _refuse_unknown(table, _PROFILE_KEYS, key, f"a profile setting ({label})")
    for required in ("id", "name", "transport"):
        if required not in table:
            hint = f'Add a line: id = "{new_id()}".' if required == "id" else ""
            raise Mistake(f"{label} has no {required}.", key=key, hint=hint, field=required)
    values: dict[str, Any] = {
        name: tomlfile.expect(table[name], wanted, (*key, name), name)
        for name, wanted in _SCALARS.items()
        if name in table
    }
    if "identities" in table:
        items = tomlfile.expect(table["identities"], list, (*key, "identities"), "identities")
        values["identities"] = tuple(
            _identity_from(item, (*key, "identities", index)) for index, item in enumerate(items)
        )
    if "options" in table:
        values["options"] = _options_from(table["options"], (*key, "options"))
    if "timeouts" in table:
        values["timeouts"] = _timeouts_from(table["timeouts"], (*key, "timeouts"))
    try:
        return Profile(**values)
    except InvalidProfile as exc:
        raise Mistake(f"{label}: {exc}", key=(*key, exc.field)) from exc


def _identity_from(raw: object, key: KeyPath) -> Identity:
    table: dict[str, Any] = tomlfile.expect(raw, dict, key, "each identity")
    _refuse_unknown(table, _IDENTITY_KEYS, key, "a key of an identity")
    if "address" not in table:
        raise Mistake("an identity has no address.", key=key, field="identities.address")
    values = {
        name: tomlfile.expect(value, str, (*key, name), f"identities.{name}")
        for name, value in table.items()
    }
    values.setdefault("name", "")
    try:
        return Identity(**values)
    except InvalidProfile as exc:
        raise Mistake(str(exc), key=(*key, exc.field)) from exc


def _timeouts_from(raw: object, key: KeyPath) -> Timeouts:
    table: dict[str, Any] = tomlfile.expect(raw, dict, key, "timeouts")
    _refuse_unknown(table, _TIMEOUT_KEYS, key, "a timeout")
    values = {
        name: tomlfile.expect(value, float, (*key, name), f"timeouts.{name}")
        for name, value in table.items()
    }
    try:
        return Timeouts(**values)
    except InvalidProfile as exc:
        raise Mistake(str(exc), key=(*key, exc.field)) from exc


def _options_from(raw: object, key: KeyPath) -> SmtpeterOptions:
    table: dict[str, Any] = tomlfile.expect(raw, dict, key, "options")
    _refuse_unknown(table, tuple(_OPTION_DEFAULTS), key, "an SMTPeter option")
    for name, value in table.items():
        where = (*key, name)
        if isinstance(_OPTION_DEFAULTS[name], tuple):
            for item in tomlfile.expect(value, list, where, f"options.{name}"):
                tomlfile.expect(item, str, where, f"each of options.{name}")
        else:
            tomlfile.expect(value, type(_OPTION_DEFAULTS[name]), where, f"options.{name}")
    try:
        return SmtpeterOptions.from_dict(table)
    except OptionsError as exc:
        # Name the field for the line number: the first that is wrong on its own. A value
        # valid only with another (one-click unsubscribe needs a link) is checked whole
        # above, so a good pair never fails here.
        for name, value in table.items():
            try:
                SmtpeterOptions.from_dict({name: value})
            except OptionsError as alone:
                raise Mistake(str(alone), key=(*key, name)) from alone
        raise Mistake(str(exc), key=key) from exc


def _refuse_unknown(table: dict[str, Any], known: Sequence[str], key: KeyPath, what: str) -> None:
    for name in table:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            guess = f" Did you mean {close[0]}?" if close else ""
            raise Mistake(
                f"{name} is not {what}.{guess} Known: {', '.join(known)}.", key=(*key, name)
            )


def _field_name(key: KeyPath) -> str:
    """A key path as a person reads it: ``("profiles", 1, "identities", 0, "address")`` is
    ``identities.address``."""
    parts = [str(part) for part in key if isinstance(part, str)]
    if parts[:1] == ["profiles"] and len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts)


def _profile_to(profile: Profile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": profile.name,
        "transport": profile.transport,
        "sandbox": profile.sandbox,
        "host": profile.host,
        "port": profile.port,
        "security": profile.security,
        "username": profile.username,
        "rest_url": profile.rest_url,
        "ca_file": profile.ca_file,
        "options": profile.options.to_dict(),
        "timeouts": dataclasses.asdict(profile.timeouts),
        "identities": [dataclasses.asdict(identity) for identity in profile.identities],
    }
