"""The SMTPeter options of one message: tracking, CSS inlining, tags, hosted images, DSN.

The same value travels over both ways into SMTPeter: the SMTP transport writes it as
``x-smtpeter-*`` headers, the REST transport as JSON fields. A profile keeps one as its
defaults for new messages.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from smtpeter_desktop.compose.errors import OptionsError

__all__ = ["DSN_NOTIFY_VALUES", "DSN_RET_VALUES", "OptionsError", "SmtpeterOptions", "parse_tags"]

# SMTPeter reads tags as a comma-separated header (SMTP) and filters events by a
# semicolon-separated list (REST): neither character, nor white space, may be in a tag.
_TAG_RE = re.compile(r"^[^\s,;]{1,64}$")

DSN_NOTIFY_VALUES = ("SUCCESS", "FAILURE", "DELAY")
DSN_RET_VALUES = ("HDRS", "FULL")


@dataclasses.dataclass(frozen=True)
class SmtpeterOptions:
    """Per-message options; each maps to one documented SMTPeter option.

    Attributes:
        inline_css: SMTPeter moves ``<style>`` rules into ``style=""`` attributes.
        track_clicks: links are rewritten to count clicks.
        track_opens: a tracking pixel counts opens.
        track_bounces: SMTPeter takes the bounces and forwards them to the envelope sender.
        prevent_scam: links whose visible text is itself a URL are left alone.
        hosted_images: embedded images are hosted by SMTPeter and linked.
        tags: labels for events and statistics.
        dsn_notify: when a delivery status notification is wanted; empty means never.
        dsn_ret: how much of the message a bounce returns: headers or the full message.
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

    def __post_init__(self) -> None:
        for tag in self.tags:
            if not _TAG_RE.match(tag):
                raise OptionsError(
                    f"The tag {tag!r} cannot be used: a tag is 1 to 64 characters "
                    "with no spaces, commas or semicolons."
                )
        for value in self.dsn_notify:
            if value not in DSN_NOTIFY_VALUES:
                raise OptionsError(
                    f"Unknown delivery notice {value!r}: use {', '.join(DSN_NOTIFY_VALUES)}."
                )
        if self.dsn_ret not in DSN_RET_VALUES:
            raise OptionsError(f"Unknown DSN return {self.dsn_ret!r}: use HDRS or FULL.")

    @property
    def dsn_notify_text(self) -> str:
        """The NOTIFY parameter as SMTP and SMTPeter's JSON spell it (``NEVER`` when empty)."""
        return ",".join(self.dsn_notify) if self.dsn_notify else "NEVER"

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["tags"] = list(self.tags)
        data["dsn_notify"] = list(self.dsn_notify)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SmtpeterOptions:
        """Build from stored data; unknown keys are an error so typos do not pass silently."""
        names = {field.name for field in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise OptionsError(f"Unknown option {unknown[0]!r}.")
        values = dict(data)
        for key in ("tags", "dsn_notify"):
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as a person types them: separated by commas, semicolons or spaces."""
    return tuple(tag for tag in re.split(r"[\s,;]+", text) if tag)
