"""The app's preferences, declared once as data, kept in settings.toml in the app home.

How to add an option:

1. Add a constant below, ``NAME = Option("name", default, "What it does, for the settings
   pane.")``; its type is the default's (bool, int or str). Give ``minimum``/``maximum`` for a
   number and ``choices`` for a fixed set of words; ``kind="state"`` for something the window
   remembers rather than a preference (the settings pane shows only ``kind="setting"``).
2. Add it to :data:`OPTIONS`.
3. Read it with ``settings.get(settings.NAME)``, typed; change it with ``settings.set``.

That is all: the file, its checks and the test that round-trips every default follow from
the table. Renaming or removing an option needs a step in :data:`UPGRADES` and a new
:data:`SCHEMA`. Window geometry and splitter sizes are not here: the UI keeps them in QSettings.

The file lists every option with its description; an option left at its default is written
commented out, so a default changed in a later version reaches everyone who did not choose.
A bad value is reported (line and setting) and its default used: a typo never stops the app.
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import tomli_w

from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate
from smtpeter_desktop.storage import tomlfile
from smtpeter_desktop.storage.errors import InvalidSetting, SettingsFileError
from smtpeter_desktop.storage.paths import atomic_write
from smtpeter_desktop.storage.tomlfile import Mistake

FILE_NAME = "settings.toml"
SCHEMA = 1
# UPGRADES[n] turns a schema n document into schema n + 1.
UPGRADES: dict[int, tomlfile.Upgrade] = {}

V = TypeVar("V", bool, int, str)
Kind = Literal["setting", "state"]


@dataclasses.dataclass(frozen=True)
class Option(Generic[V]):
    """One option: its name in the file, default (which gives its type), and limits.

    Attributes:
        name: the key in settings.toml.
        default: the value when none is set; its type is the option's type.
        description: one sentence for the settings pane and the file.
        kind: ``setting`` (a preference) or ``state`` (remembered by the window).
        minimum, maximum: the range of a whole number, inclusive.
        choices: the words a text option may take; empty means any one line of text.
    """

    name: str
    default: V
    description: str
    kind: Kind = "setting"
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # The table itself must be right: a wrong default is a bug, found at import.
        self.check(self.default)

    def check(self, value: object) -> V:
        """``value`` when this option can take it, else :class:`InvalidSetting` saying why."""
        wanted = type(self.default)
        if type(value) is not wanted:
            words = {bool: "true or false", int: "a whole number", str: "text"}[wanted]
            raise InvalidSetting(
                self.name,
                translate(
                    "storage.settings", "{name} must be {words}, not {kind} ({show})."
                ).format(
                    name=self.name,
                    words=words,
                    kind=tomlfile.kind(value),
                    show=tomlfile.show(value),
                ),
            )
        if type(value) is int:
            low = value if self.minimum is None else self.minimum
            high = value if self.maximum is None else self.maximum
            if not low <= value <= high:
                raise InvalidSetting(
                    self.name,
                    translate(
                        "storage.settings", "{name} must be from {low} to {high}, not {value}."
                    ).format(name=self.name, low=low, high=high, value=value),
                )
        if isinstance(value, str):
            if self.choices and value not in self.choices:
                raise InvalidSetting(
                    self.name,
                    translate(
                        "storage.settings", "{name} must be one of {value}, not {value2!r}."
                    ).format(
                        name=self.name, value=", ".join(map(repr, self.choices)), value2=value
                    ),
                )
            if "\n" in value or "\r" in value:
                raise InvalidSetting(
                    self.name,
                    translate("storage.settings", "{name} must be one line.").format(
                        name=self.name
                    ),
                )
        return value


# The table ---------------------------------------------------------------------------------

DEFAULT_PROFILE = Option(
    "default_profile",
    "",
    QT_TRANSLATE_NOOP(
        "storage.settings", "The profile a new message starts from (its id); empty: the first."
    ),
)
UNDO_SEND_SECONDS = Option(
    "undo_send_seconds",
    5,
    QT_TRANSLATE_NOOP(
        "storage.settings",
        "Seconds during which a sent message can be taken back (0: send at once).",
    ),
    minimum=0,
    maximum=60,
)
PREVIEW = Option(
    "preview",
    True,
    QT_TRANSLATE_NOOP(
        "storage.settings", "Show the live preview of the message beside the editor."
    ),
)
EDITOR_FONT_FAMILY = Option(
    "editor_font_family",
    "",
    QT_TRANSLATE_NOOP("storage.settings", "The editor's font; empty: the system's monospace font."),
)
EDITOR_FONT_SIZE = Option(
    "editor_font_size",
    11,
    QT_TRANSLATE_NOOP("storage.settings", "The editor's font size, in points."),
    minimum=6,
    maximum=48,
)
CONFIRM_BEFORE_SEND = Option(
    "confirm_before_send",
    False,
    QT_TRANSLATE_NOOP(
        "storage.settings", "Ask before every send, even when the checks find nothing."
    ),
)
THEME = Option(
    "theme",
    "system",
    QT_TRANSLATE_NOOP("storage.settings", "Light or dark, or follow the system."),
    choices=("system", "light", "dark"),
)
ALLOW_PLAINTEXT_KEYRING = Option(
    "allow_plaintext_keyring",
    False,
    QT_TRANSLATE_NOOP(
        "storage.settings",
        "Accept a keyring that keeps passwords in a plain file (only if no real keyring works).",
    ),
)
WARN_RECIPIENTS = Option(
    "warn_recipients",
    15,
    QT_TRANSLATE_NOOP(
        "storage.settings",
        "Warn before sending to more visible recipients (To and Cc) than this; Bcc hides them.",
    ),
    minimum=1,
    maximum=10_000,
)
WARN_SIZE_MB = Option(
    "warn_size_mb",
    20,
    QT_TRANSLATE_NOOP(
        "storage.settings", "Warn before sending a message larger than this many megabytes."
    ),
    minimum=1,
    maximum=1_000,
)
LATE_SEND_LIMIT_HOURS = Option(
    "late_send_limit_hours",
    12,
    QT_TRANSLATE_NOOP(
        "storage.settings",
        (
            "A message scheduled for later that is found more than this many hours after its time "
            "(the computer was off) is not sent by itself: you are asked. 0: always send it."
        ),
    ),
    minimum=0,
    maximum=24 * 30,
)
LANGUAGE = Option(
    "language",
    "system",
    QT_TRANSLATE_NOOP(
        "storage.settings",
        (
            "The language of the window and the command line: system (your computer's), en or nl. "
            "Takes effect when the app starts again."
        ),
    ),
    choices=("system", "en", "nl"),
)
SPELL_CHECK = Option(
    "spell_check",
    True,
    QT_TRANSLATE_NOOP("storage.settings", "Underline misspelled words in the editor."),
)
SPELL_LANGUAGE = Option(
    "spell_language",
    "",
    QT_TRANSLATE_NOOP(
        "storage.settings",
        "The spelling dictionary, e.g. en_US or nl; empty: the language of your system.",
    ),
)
CHECK_ON_SEND = Option(
    "check_on_send",
    False,
    QT_TRANSLATE_NOOP(
        "storage.settings",
        (
            "Send runs the Before-Send check first (sender domain, links, HTML, spam score) and "
            "stops on what would block the message."
        ),
    ),
)
CHECK_LINKS_ONLINE = Option(
    "check_links_online",
    False,
    QT_TRANSLATE_NOOP(
        "storage.settings",
        (
            "The Before-Send check asks each link's server whether the page is there: one request "
            "per link, which those servers see (a personal link may count as a click)."
        ),
    ),
)
SHOW_CC_BCC = Option(
    "show_cc_bcc",
    False,
    QT_TRANSLATE_NOOP("storage.settings", "The Cc and Bcc fields are shown."),
    kind="state",
)
SHOW_OPTIONS = Option(
    "show_options",
    False,
    QT_TRANSLATE_NOOP("storage.settings", "The SMTPeter options panel is open."),
    kind="state",
)
WELCOME_DISMISSED = Option(
    "welcome_dismissed",
    False,
    QT_TRANSLATE_NOOP("storage.settings", 'The "Add your SMTPeter account" banner was closed.'),
    kind="state",
)
FORGOTTEN_ADDRESSES = Option(
    "forgotten_addresses",
    "",
    QT_TRANSLATE_NOOP(
        "storage.settings",
        "Addresses not offered while typing a recipient (bare addresses, separated by spaces).",
    ),
    kind="state",
)

AnyOption = Option[bool] | Option[int] | Option[str]
OPTIONS: tuple[AnyOption, ...] = (
    DEFAULT_PROFILE,
    UNDO_SEND_SECONDS,
    PREVIEW,
    EDITOR_FONT_FAMILY,
    EDITOR_FONT_SIZE,
    CONFIRM_BEFORE_SEND,
    THEME,
    ALLOW_PLAINTEXT_KEYRING,
    WARN_RECIPIENTS,
    WARN_SIZE_MB,
    LATE_SEND_LIMIT_HOURS,
    LANGUAGE,
    SPELL_CHECK,
    SPELL_LANGUAGE,
    CHECK_ON_SEND,
    CHECK_LINKS_ONLINE,
    SHOW_CC_BCC,
    SHOW_OPTIONS,
    WELCOME_DISMISSED,
    FORGOTTEN_ADDRESSES,
)
BY_NAME: dict[str, AnyOption] = {option.name: option for option in OPTIONS}
assert len(BY_NAME) == len(OPTIONS), "two options share a name"

_HEADER = """\
# SMTPeter Desktop's settings. You may edit this file: a bad value is reported with its
# line and the default is used instead. A line starting with # is a default, shown for
# reference; remove the # to change it.

"""
_STATE_HEADER = "# Remembered by the window between runs.\n"
_UNKNOWN_HEADER = "# Not known to this version; kept as they were.\n"


class Settings:
    """The values of every option, loaded from settings.toml (or the defaults).

    Attributes:
        path: the settings file.
        problems: what was wrong in the file when it was loaded, each with its line; the
            app shows them and carries on with the defaults for those options.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: tuple[SettingsFileError, ...] = ()
        self._values: dict[str, bool | int | str] = {}
        self._unknown: dict[str, Any] = {}
        # Set when the file could not be read as a whole: saving would lose what is in it.
        self._unreadable: SettingsFileError | None = None

    def __repr__(self) -> str:
        return f"<Settings {self.path} changed={sorted(self._values)}>"

    @classmethod
    def load(cls, path: Path) -> Settings:
        """The settings in ``path``; never raises for what is in the file (see ``problems``).

        A missing file means every default. A file that cannot be read as a whole (not TOML,
        from a newer version) gives every default and a problem, and is not overwritten by
        :meth:`save`.
        """
        settings = cls(path)
        text = ""
        try:
            text = tomlfile.decode(path.read_bytes())
            document = tomlfile.parse(text)
            document.setdefault(tomlfile.SCHEMA_KEY, SCHEMA)  # a file written by hand
            document = tomlfile.upgrade(document, current=SCHEMA, upgrades=UPGRADES)
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings._fail(
                SettingsFileError(
                    path,
                    None,
                    "",
                    translate("storage.settings", "cannot be read: {strerror}.").format(
                        strerror=exc.strerror
                    ),
                )
            )
            return settings
        except Mistake as mistake:
            line = mistake.line or (tomlfile.line_of(text, mistake.key) if mistake.key else None)
            settings._fail(
                SettingsFileError(
                    path,
                    line,
                    mistake.field or ".".join(map(str, mistake.key)),
                    translate("storage.settings", "{reason} Using the default settings.").format(
                        reason=mistake.reason
                    ),
                    mistake.hint or "Fix the file, or move it away to start afresh.",
                )
            )
            return settings
        problems = []
        for name, value in document.items():
            if name == tomlfile.SCHEMA_KEY:
                continue
            option = BY_NAME.get(name)
            if option is None:
                settings._unknown[name] = value
                close = difflib.get_close_matches(name, BY_NAME, n=1)
                guess = f" Did you mean {close[0]}?" if close else ""
                problems.append(
                    SettingsFileError(
                        path,
                        tomlfile.line_of(text, (name,)),
                        name,
                        translate(
                            "storage.settings",
                            "{name} is not a setting of this version; it is kept but unused."
                            "{guess}",
                        ).format(name=name, guess=guess),
                    )
                )
                continue
            try:
                settings._values[name] = option.check(value)
            except InvalidSetting as exc:
                problems.append(
                    SettingsFileError(
                        path,
                        tomlfile.line_of(text, (name,)),
                        name,
                        translate(
                            "storage.settings", "{message} Using the default, {show}."
                        ).format(message=exc.message, show=tomlfile.show(option.default)),
                    )
                )
        settings.problems = tuple(problems)
        return settings

    def get(self, option: Option[V]) -> V:
        """The option's value: the one set, else its default."""
        # Values are set only through option.check, so the type is the option's.
        return typing.cast(V, self._values.get(option.name, option.default))

    def set(self, option: Option[V], value: V) -> None:
        """Change an option (in memory; :meth:`save` writes it).

        Raises:
            InvalidSetting: the option cannot take this value.
        """
        self._values[option.name] = option.check(value)

    def reset(self, option: AnyOption) -> None:
        """Go back to the option's default."""
        self._values.pop(option.name, None)

    def value(self, name: str) -> bool | int | str:
        """An option's value by name, for code that walks :data:`OPTIONS` (the settings pane)."""
        return self._current(_option(name))

    def set_value(self, name: str, value: bool | int | str) -> None:
        """Change an option by its name; the value is checked as by :meth:`set`."""
        option = _option(name)
        self._values[name] = option.check(value)

    def save(self) -> None:
        """Write every option to the file, atomically.

        Raises:
            SettingsFileError: the file could not be read when loaded; it is left as it is
                rather than lose what a person wrote in it.
            SaveError: the file could not be written.
        """
        if self._unreadable is not None:
            raise SettingsFileError(
                self.path,
                self._unreadable.line,
                self._unreadable.field,
                translate(
                    "storage.settings",
                    (
                        "settings were not saved, because the file has a mistake and saving would "
                        "lose what is in it."
                    ),
                ),
                translate(
                    "storage.settings",
                    "Fix the file or move it away; then change the setting again.",
                ),
            )
        atomic_write(self.path, self.text())

    def text(self) -> str:
        """The file's contents for the current values."""
        parts = [_HEADER, tomli_w.dumps({tomlfile.SCHEMA_KEY: SCHEMA}), "\n"]
        for kind in ("setting", "state"):
            if kind == "state":
                parts.append(_STATE_HEADER)
            for option in OPTIONS:
                if option.kind != kind:
                    continue
                value = self._current(option)
                line = tomli_w.dumps({option.name: value})
                if value == option.default:
                    line = "# " + line
                parts.append(f"# {option.description}\n{line}\n")
        if self._unknown:
            parts.append(_UNKNOWN_HEADER + tomli_w.dumps(self._unknown))
        return "".join(parts)

    def _current(self, option: AnyOption) -> bool | int | str:
        return self._values.get(option.name, option.default)

    def _fail(self, problem: SettingsFileError) -> None:
        self._unreadable = problem
        self.problems = (problem,)


def _option(name: str) -> AnyOption:
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"No option is named {name!r}.") from None
