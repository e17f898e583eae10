"""What a list shows of each profile, and where it connects, kept as last checked: ``profiles
list`` needs no parser, and ``send`` starts connecting before the full read.

Reading ``profiles.toml`` the full way (tomllib, dataclasses, pathlib and the checks) costs
about 35 ms, more than twice Python's own start. So each time :class:`ProfileStore` has read
*and checked* the file, it keeps a copy of what a list shows of each profile in
``profiles.cache`` beside it, together with the file's exact bytes and the app's version.
:func:`read` returns that copy only when the file's bytes are the same to the last one (an
edit of one byte, of the same size and in the same second, is seen) and the version too; for
anything else (the file changed at all, a copy damaged, cut short, foreign, of another
version, unreadable) it returns None and the caller reads the file the full way, which tells
any mistake (a file with a mistake is never copied) and writes a new copy.

The copy is marshal data (loaded by Python itself, no import) of plain tuples, dicts, text,
numbers and booleans, and is not trusted beyond its shape: every value's type is checked
before use. It holds no secret: the profile file holds none. The way a profile is described
(:func:`describe`, :func:`display`) lives here too, so the full way and the quick one say it
alike.

``send`` reads the copy too (:func:`find`) for where and how its profile connects (the
host, port, security, login name, REST address, CA file and timeouts, never a secret), so its
connection is under way while the app's data is opened; the profile read the full way
afterwards is the one it sends with.
"""

# os.path, not pathlib (about 9 ms): this is on the way of `profiles list`.
# ruff: noqa: PTH122, PTH123
from __future__ import annotations

import marshal
import os

from smtpeter_desktop import __version__

TYPE_CHECKING = False  # typing: about 6 ms of `profiles list`, for the type checkers alone
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, TypeVar

    Record = dict[str, Any]
    T = TypeVar("T")

PROFILES_FILE = "profiles.toml"
"""The profile file in the app home (``profiles.FILE_NAME``)."""
SANDBOX_NOTE = "A local test server inside the app: it keeps what you send and delivers nothing."

_MAGIC = b"smtpeter-desktop profiles cache\n"
# A new number whenever the fields below or their meaning change, so an older copy is ignored.
_FORMAT = 3
# A profile's settings of one plain value in profiles.toml, and the type of each, in the
# order a mistake lists them (``storage.profiles`` reads the file with these).
SCALARS: dict[str, type] = {
    "id": str,
    "name": str,
    "transport": str,
    "host": str,
    "port": int,
    "security": str,
    "username": str,
    "rest_url": str,
    "ca_file": str,
    "sandbox": bool,
}
# What a list shows of a profile and where it connects, and the type of each; "identities"
# holds (name, address) pairs of text.
FIELDS: dict[str, type] = {
    **SCALARS,
    "connect_timeout": float,
    "command_timeout": float,
    "data_timeout": float,
}


def cache_path(profiles_path: str) -> str:
    """Where the copy of the profile file at ``profiles_path`` is kept: ``profiles.cache``
    beside ``profiles.toml``, ``<stem>.cache`` beside another name."""
    path = os.path.splitext(profiles_path)[0] + ".cache"
    return path if path != profiles_path else path + ".cache"


def describe(record: Record) -> str:
    """One line saying where a profile sends, for lists; never a secret."""
    if record["sandbox"]:
        return SANDBOX_NOTE
    if record["transport"] == "smtp":
        login = f" as {record['username']}" if record["username"] else ""
        security = str(record["security"]).upper()
        return f"SMTP {record['host']}:{record['port']} ({security}){login}"
    return f"REST {record['rest_url']}"


def display(name: str, address: str) -> str:
    """``Name <address>`` for people to read (not a header: that is compose's job)."""
    return f"{name} <{address}>" if name else address


def read(profiles_path: str) -> tuple[Record, ...] | None:
    """The profiles of the file at ``profiles_path`` as last checked, when the copy is of
    exactly its bytes; None when the full read is needed (see the module's docstring)."""
    try:
        with open(profiles_path, "rb") as file:
            data = file.read()
        with open(cache_path(profiles_path), "rb") as file:
            kept = file.read()
    except OSError:
        return None
    return _records_in(kept, data)


def find(records: tuple[Record, ...], id_or_name: str) -> Record | None:
    """The profile with this id, else with this name ignoring case; None when there is none."""
    return chosen(records, id_or_name, lambda record: (record["id"], record["name"]))


def chosen(
    items: Iterable[T], id_or_name: str, id_and_name: Callable[[T], tuple[str, str]]
) -> T | None:
    """The item whose id is ``id_or_name``, else whose name is, ignoring case and the spaces
    around it: how a profile is named on the command line, from the copy or the full read."""
    wanted = id_or_name.strip().casefold()
    by_name = None
    for item in items:
        id, name = id_and_name(item)
        if id == id_or_name:
            return item
        if by_name is None and name.casefold() == wanted:
            by_name = item
    return by_name


def pack(data: bytes, records: tuple[Record, ...]) -> bytes:
    """The copy of a checked file's ``data`` whose profiles are ``records``."""
    return _MAGIC + marshal.dumps((_FORMAT, __version__, data, records))


def matches(kept: bytes, data: bytes) -> bool:
    """Whether ``kept`` (a copy's bytes) is a usable copy of ``data``."""
    return _records_in(kept, data) is not None


def _records_in(kept: bytes, data: bytes) -> tuple[Record, ...] | None:
    if not kept.startswith(_MAGIC):
        return None  # not ours: marshal never sees a foreign file
    try:
        # marshal only builds values, it runs nothing; the file is the user's own, in the
        # app's private folder, where whoever could change it could change profiles.toml.
        loaded = marshal.loads(kept[len(_MAGIC) :])  # noqa: S302
    except (EOFError, ValueError, TypeError):  # damaged or cut short
        return None
    if not (
        type(loaded) is tuple
        and len(loaded) == 4
        and loaded[:2] == (_FORMAT, __version__)
        and loaded[2] == data
        and type(loaded[3]) is tuple
    ):
        return None
    records: tuple[Record, ...] = loaded[3]
    return records if all(_is_record(record) for record in records) else None


def _is_record(record: object) -> bool:
    if type(record) is not dict or len(record) != len(FIELDS) + 1:
        return False
    if not all(type(record.get(name)) is wanted for name, wanted in FIELDS.items()):
        return False
    identities = record.get("identities")
    return type(identities) is tuple and all(
        type(pair) is tuple and len(pair) == 2 and all(type(part) is str for part in pair)
        for pair in identities
    )
