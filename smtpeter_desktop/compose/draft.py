"""The draft: everything a message is, as the person wrote it, and its JSON form for storage.

A draft keeps what was typed, valid or not (an address with a typo is still the user's
words); validation happens when the message is built. The JSON round trip is lossless.
A stored draft whose tags a newer, stricter check refuses still loads: those tags are kept
apart in ``unusable_tags``, and building the message refuses, with words, until they are fixed.
"""

from __future__ import annotations

import dataclasses
import json
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from smtpeter_desktop.compose.errors import DraftFormatError, OptionsError
from smtpeter_desktop.compose.options import SmtpeterOptions, tag_problem
from smtpeter_desktop.compose.signature import with_signature
from smtpeter_desktop.i18n import translate

FORMAT_VERSION = 1


@dataclasses.dataclass(frozen=True)
class Attachment:
    """A file to send with the message.

    Attributes:
        path: where the file is, absolute.
        name: the file name the recipient sees; the path's name when empty.
        content_type: ``type/subtype``; guessed from the name when empty.
        inline: shown in the message body by mail readers (images) rather than as a file.
    """

    path: str
    name: str = ""
    content_type: str = ""
    inline: bool = False

    @property
    def filename(self) -> str:
        return self.name or Path(self.path).name

    @property
    def mime_type(self) -> str:
        if self.content_type:
            return self.content_type
        guessed, _ = mimetypes.guess_type(self.filename, strict=False)
        return guessed or "application/octet-stream"


@dataclasses.dataclass(frozen=True)
class Draft:
    """One message as written. Address fields hold the text as typed.

    Attributes:
        profile: the id of the sending profile.
        sender: the From field, ``Name <address>``.
        to, cc, bcc, reply_to: address fields as typed (commas or semicolons between entries).
        subject: the subject line.
        body: the Markdown text; it is also the plain-text part as written.
        attachments: files sent with it.
        options: the SMTPeter options, tags included.
        base_dir: the folder that relative image paths in the body are read from.
        unusable_tags: tags as stored or typed that SMTPeter cannot take (a tag with a
            space, a non-ASCII tag saved by an older version); kept so they are not lost, and
            the message cannot be built until they are fixed or removed.
        spell_language: the language its spelling is checked in (``nl_NL``), chosen for
            this message; empty for the default (the setting, else the locale). Not part of
            what is sent.
    """

    profile: str = ""
    sender: str = ""
    to: str = ""
    cc: str = ""
    bcc: str = ""
    reply_to: str = ""
    subject: str = ""
    body: str = ""
    attachments: tuple[Attachment, ...] = ()
    options: SmtpeterOptions = dataclasses.field(default_factory=SmtpeterOptions)
    base_dir: str = ""
    unusable_tags: tuple[str, ...] = ()
    spell_language: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}
        data["attachments"] = [dataclasses.asdict(a) for a in self.attachments]
        data["options"] = self.options.to_dict()
        data["unusable_tags"] = list(self.unusable_tags)
        if not self.spell_language:
            # Left out when not chosen: such a draft is stored exactly as before the field
            # existed (an older version still opens it; a merge's digest of it is unchanged).
            del data["spell_language"]
        data["version"] = FORMAT_VERSION
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Draft:
        """Read a stored draft; anything that is not one raises ``DraftFormatError``."""
        version = data.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION:
            raise DraftFormatError(
                translate(
                    "compose.draft",
                    "This draft was saved by a newer SMTPeter Desktop (format {version}).",
                ).format(version=version),
                translate("compose.draft", "Open it with that version."),
            )
        values = {k: v for k, v in data.items() if k != "version"}
        try:
            attachments = tuple(Attachment(**a) for a in values.pop("attachments", ()))
            unusable = _text_tuple(values.pop("unusable_tags", ()))
            options, refused = _options_keeping_tags(values.pop("options", {}))
            draft = cls(
                attachments=attachments,
                options=options,
                unusable_tags=unusable + refused,
                **values,
            )
        except (TypeError, OptionsError) as exc:
            raise DraftFormatError(
                translate("compose.draft", "A stored draft is damaged: {exc}").format(exc=exc), ""
            ) from exc
        for field in dataclasses.fields(draft):
            value = getattr(draft, field.name)
            if field.type == "str" and not isinstance(value, str):
                raise DraftFormatError(
                    translate(
                        "compose.draft", "A stored draft is damaged: {name} is not text."
                    ).format(name=field.name),
                    "",
                )
        return draft

    @classmethod
    def from_json(cls, text: str) -> Draft:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DraftFormatError(
                translate("compose.draft", "A stored draft is damaged: {exc}").format(exc=exc), ""
            ) from exc
        if not isinstance(data, dict):
            raise DraftFormatError(
                translate("compose.draft", "A stored draft is damaged: it is not an object."), ""
            )
        return cls.from_dict(data)

    @property
    def tag_problems(self) -> tuple[str, ...]:
        """A sentence for each unusable tag; building the message refuses while any is left."""
        return tuple(
            tag_problem(tag) or f"The tag “{tag}” cannot be used." for tag in self.unusable_tags
        )

    @property
    def is_empty(self) -> bool:
        """Nothing a person typed (the profile and options alone are not worth keeping, nor
        is a body that holds only the signature a new message starts with)."""
        body = with_signature(self.body, None).strip()
        return (
            not any((self.to, self.cc, self.bcc, self.reply_to, self.subject, body))
            and not self.attachments
        )


def _text_tuple(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError("unusable_tags is not a list of text")
    return tuple(value)


def _options_keeping_tags(data: Any) -> tuple[SmtpeterOptions, tuple[str, ...]]:
    """Stored options, with the tags a stricter check now refuses taken apart, not lost.

    Anything else wrong is damage, and raises ``OptionsError``.
    """
    if not isinstance(data, Mapping):
        raise OptionsError(translate("compose.draft", "the options are not a table."))
    tags = data.get("tags", ())
    if not isinstance(tags, list | tuple) or not all(isinstance(t, str) for t in tags):
        raise OptionsError(translate("compose.draft", "the tags are not a list of text."))
    good = [tag for tag in tags if tag_problem(tag) is None]
    refused = tuple(tag for tag in tags if tag_problem(tag) is not None)
    return SmtpeterOptions.from_dict({**data, "tags": good}), refused
