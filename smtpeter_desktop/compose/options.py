"""The SMTPeter options of one message: tracking, CSS inlining, tags, hosted images, DSN,
unsubscribe.

The same value travels over both ways into SMTPeter: the SMTP transport writes it as
``x-smtpeter-*`` headers, the REST transport as JSON fields. A profile keeps one as its
defaults for new messages. An instance is valid or does not exist: every value is checked,
strictly and once, when it is made, so neither transport (nor the sandbox) checks again and
a tag can never end the SMTP header block or fail to encode halfway through a send.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from smtpeter_desktop.compose.errors import ComposeError, OptionsError
from smtpeter_desktop.i18n import translate

__all__ = [
    "DSN_NOTIFY_VALUES",
    "DSN_RET_VALUES",
    "MAX_DELIVER_TIME_NOTE",
    "OptionsError",
    "SmtpeterOptions",
    "Tags",
    "parse_tags",
    "read_tags",
    "tag_problem",
]

# SMTPeter reads tags as a comma-separated header (SMTP) and filters events by a
# semicolon-separated list (REST): neither character, nor white space, may be in a tag.
# Printable ASCII only: the header is written as ASCII, and a tag is a label, not prose.
# fullmatch, never "$": "$" also matches before a final newline.
_TAG_RE = re.compile(r"[!-~]{1,64}")
_TAG_MAX = 64
_TAG_RULE = (
    "A tag is 1 to 64 plain ASCII letters, digits or signs (such as - _ .), "
    "without spaces, commas or semicolons."
)

DSN_NOTIFY_VALUES = ("SUCCESS", "FAILURE", "DELAY")
DSN_RET_VALUES = ("HDRS", "FULL")
_FLAGS = (
    "inline_css",
    "track_clicks",
    "track_opens",
    "track_bounces",
    "prevent_scam",
    "unsubscribe_oneclick",
)
# A List-Unsubscribe entry is written as <...> in a header list: no white space, no
# controls, no "<", ">" or "," (which would end the entry), and short enough for one line.
_UNSUBSCRIBE_URL = re.compile(r"https?://[^\s<>,\"\x00-\x1f\x7f]+", re.IGNORECASE)
_UNSUBSCRIBE_MAX = 900


def tag_problem(tag: str) -> str | None:
    """The sentence that says why SMTPeter cannot take ``tag``, or ``None`` when it can.

    The tag is shown as Python writes it (``'q4\\n'``), so an invisible character shows.
    """
    if not isinstance(tag, str):
        return f"A tag must be text, not {type(tag).__name__}."
    if _TAG_RE.fullmatch(tag) and not any(c in tag for c in ",;"):
        return None
    if not tag:
        return f"An empty tag cannot be used. {_TAG_RULE}"
    shown = repr(tag) if len(tag) <= 100 else repr(tag[:100])[:-1] + "…'"
    start = f"The tag {shown} cannot be used:"
    if len(tag) > _TAG_MAX:
        return f"{start} it is {len(tag)} characters long. {_TAG_RULE}"
    for char in tag:
        code = f"U+{ord(char):04X}"
        if char in ",;":
            return f"{start} “{char}” separates tags. {_TAG_RULE}"
        if char == " ":
            return f"{start} it contains a space. {_TAG_RULE}"
        if char.isspace() or not char.isprintable():
            return f"{start} it contains a line break or control character ({code}). {_TAG_RULE}"
        if not char.isascii():
            return f"{start} “{char}” ({code}) is not plain ASCII. {_TAG_RULE}"
    raise AssertionError("a tag that fails the pattern breaks one of the rules above")


MAX_DELIVER_TIME_NOTE = (
    "Give up after: SMTPeter stops trying to deliver after this time (REST accounts only; "
    "SMTPeter has no SMTP header for it)."
)
"""The option's description for the window and ``--help``: it says it works over REST only."""

_UTC_TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def _is_utc_time(value: object) -> bool:
    if not isinstance(value, str) or not _UTC_TIME_RE.fullmatch(value):
        return False
    from datetime import datetime

    try:
        datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return False
    return True


def _plain_address(text: str) -> bool:
    """A bare ASCII address a ``mailto:`` can hold as it is (no display name, no IDN)."""
    if not text.isascii() or any(c in text for c in '<>,"?%'):
        return False
    # Here, not at the top: the commands that only read stored options (outbox, sent,
    # drafts) never check an unsubscribe address, and skip compose's text checks (~3 ms).
    from smtpeter_desktop.compose import addresses

    try:
        address = addresses.parse_address(text)
    except ComposeError:
        return False
    return not address.name and address.address == text


@dataclasses.dataclass(frozen=True)
class SmtpeterOptions:
    """Per-message options; each maps to one documented SMTPeter option.

    Attributes:
        inline_css: SMTPeter moves ``<style>`` rules into ``style=""`` attributes.
        track_clicks: links are rewritten to count clicks.
        track_opens: a tracking pixel counts opens.
        track_bounces: SMTPeter takes the bounces and forwards them to the envelope sender.
        prevent_scam: links whose visible text is itself a URL are left alone.
        hosted_images: embedded images are hosted by SMTPeter and linked (SMTPeter's
            ``images: hosted``; off is its ``default``).
        tags: labels for events and statistics; printable ASCII without spaces, commas or
            semicolons, 1 to 64 characters each.
        dsn_notify: when a delivery status notification is wanted; empty means never.
        dsn_ret: how much of the message a bounce returns: headers or the full message.
        max_deliver_time: SMTPeter's ``maxdelivertime``, "give up after": a UTC time as
            ``YYYY-MM-DD hh:mm:ss``, or empty for SMTPeter's default (a day of tries).
            REST only: SMTPeter documents no SMTP header for it, so the SMTP transport
            does not send it (see :data:`MAX_DELIVER_TIME_NOTE`).
        unsubscribe_email: where an unsubscribe request can be mailed ("" for none); written
            as a ``mailto:`` in the List-Unsubscribe header (SMTPeter's ``unsubscribe.email``).
        unsubscribe_url: the web address that unsubscribes ("" for none); ``https://`` is
            needed for one-click (SMTPeter's ``unsubscribe.url``).
        unsubscribe_oneclick: RFC 8058 one-click unsubscribe: mail programs may unsubscribe
            with one POST to ``unsubscribe_url`` (a List-Unsubscribe-Post header); Gmail and
            Yahoo ask it of bulk senders (SMTPeter's ``unsubscribe.oneclick``).
    """

    inline_css: bool = False
    track_clicks: bool = True
    track_opens: bool = True
    track_bounces: bool = True
    prevent_scam: bool = False
    hosted_images: bool = False
    tags: tuple[str, ...] = ()
    dsn_notify: tuple[str, ...] = ("FAILURE",)
    dsn_ret: str = "HDRS"
    max_deliver_time: str = ""
    unsubscribe_email: str = ""
    unsubscribe_url: str = ""
    unsubscribe_oneclick: bool = False

    def __post_init__(self) -> None:
        for name in (*_FLAGS, "hosted_images"):
            # Stored JSON could say "false", which is true to Python.
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(
                    translate(
                        "compose.options", "The option {name!r} must be true or false."
                    ).format(name=name)
                )
        for name in ("tags", "dsn_notify"):
            if not isinstance(getattr(self, name), tuple):
                raise OptionsError(
                    translate("compose.options", "The option {name!r} must be a list.").format(
                        name=name
                    )
                )
        for tag in self.tags:
            if problem := tag_problem(tag):
                raise OptionsError(problem)
        for value in self.dsn_notify:
            if value not in DSN_NOTIFY_VALUES:
                raise OptionsError(
                    translate(
                        "compose.options", "Unknown delivery notice {value!r}: use {value2}."
                    ).format(value=value, value2=", ".join(DSN_NOTIFY_VALUES))
                )
        if self.dsn_ret not in DSN_RET_VALUES:
            raise OptionsError(
                translate(
                    "compose.options", "Unknown DSN return {dsn_ret!r}: use HDRS or FULL."
                ).format(dsn_ret=self.dsn_ret)
            )
        if self.max_deliver_time and not _is_utc_time(self.max_deliver_time):
            raise OptionsError(
                translate(
                    "compose.options",
                    "The give-up time {max_deliver_time!r} is not a UTC time written as "
                    "YYYY-MM-DD hh:mm:ss.",
                ).format(max_deliver_time=self.max_deliver_time)
            )
        self._check_unsubscribe()

    def _check_unsubscribe(self) -> None:
        for name in ("unsubscribe_email", "unsubscribe_url"):
            if not isinstance(getattr(self, name), str):
                raise OptionsError(
                    translate("compose.options", "The option {name!r} must be text.").format(
                        name=name
                    )
                )
        email, url = self.unsubscribe_email, self.unsubscribe_url
        if len(email) > _UNSUBSCRIBE_MAX or len(url) > _UNSUBSCRIBE_MAX:
            raise OptionsError(
                translate(
                    "compose.options",
                    "The unsubscribe address is over {UNSUBSCRIBE_MAX} characters long; use "
                    "a shorter one.",
                ).format(UNSUBSCRIBE_MAX=_UNSUBSCRIBE_MAX)
            )
        if email and not _plain_address(email):
            raise OptionsError(
                translate(
                    "compose.options",
                    "The unsubscribe address {email!r} is not a plain e-mail address "
                    "(name@example.com, ASCII letters only, no display name).",
                ).format(email=email)
            )
        if url and not _UNSUBSCRIBE_URL.fullmatch(url):
            raise OptionsError(
                translate(
                    "compose.options",
                    "The unsubscribe link {url!r} is not a web address: it must start with "
                    "https:// (or http://) and hold no spaces, commas or angle brackets.",
                ).format(url=url)
            )
        if self.unsubscribe_oneclick and not url.lower().startswith("https://"):
            raise OptionsError(
                translate(
                    "compose.options",
                    (
                        "One-click unsubscribe needs an unsubscribe link that starts with https:// "
                        "(RFC 8058): add one, or turn one-click off."
                    ),
                )
            )

    @property
    def unsubscribe(self) -> bool:
        """Whether the message offers a way to unsubscribe (a List-Unsubscribe header)."""
        return bool(self.unsubscribe_email or self.unsubscribe_url)

    @property
    def dsn_notify_text(self) -> str:
        """The NOTIFY parameter as SMTP and SMTPeter's JSON spell it (``NEVER`` when empty)."""
        return ",".join(self.dsn_notify) if self.dsn_notify else "NEVER"

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["tags"] = list(self.tags)
        data["dsn_notify"] = list(self.dsn_notify)
        if not self.max_deliver_time:
            # Left out when unset: stored options and profiles stay readable by older versions.
            del data["max_deliver_time"]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SmtpeterOptions:
        """Build from stored data; unknown keys are an error so typos do not pass silently."""
        names = {field.name for field in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise OptionsError(
                translate("compose.options", "Unknown option {value!r}.").format(value=unknown[0])
            )
        values = dict(data)
        for key in ("tags", "dsn_notify"):
            if key in values:
                if not isinstance(values[key], list | tuple):
                    raise OptionsError(
                        translate("compose.options", "The option {key!r} must be a list.").format(
                            key=key
                        )
                    )
                values[key] = tuple(values[key])
        return cls(**values)


@dataclasses.dataclass(frozen=True)
class Tags:
    """Tags as typed, read: the usable ones and a sentence for each one that is not.

    Attributes:
        tags: the usable tags, in order, each once.
        problems: one sentence per tag SMTPeter cannot take.
        unusable: those tags themselves, as typed, so nothing typed is lost.
    """

    tags: tuple[str, ...]
    problems: tuple[str, ...]
    unusable: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as a person types them: separated by commas, semicolons or spaces.

    Every piece comes back, usable or not; ``read_tags`` says which are not, and why.
    """
    return tuple(tag for tag in re.split(r"[\s,;]+", text) if tag)


def read_tags(text: str) -> Tags:
    """``parse_tags`` with a sentence for each tag SMTPeter would refuse; repeats dropped."""
    good: list[str] = []
    bad: list[str] = []
    problems: list[str] = []
    for tag in parse_tags(text):
        if problem := tag_problem(tag):
            bad.append(tag)
            problems.append(problem)
        elif tag not in good:
            good.append(tag)
    return Tags(tuple(good), tuple(problems), tuple(bad))
