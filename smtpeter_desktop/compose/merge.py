"""A mail merge: one message with placeholders, one list of people, one draft per row.

``MergeTemplate`` reads the subject, the Markdown body and the To name of a ``Draft`` as
templates (``compose.personalize``) once; ``Merge`` then checks each row of the list
(``compose.mergelist``) and makes that row's own ``Draft``, rendered here, so that the
preview of a row is exactly what leaves. Optional columns: ``cc``, ``tags`` and
``attachment`` (files, relative to the list's folder, several separated by ``;``).

Every problem is a sentence naming the row; nothing of a row with a problem is sent unless
the person chooses to skip the rows with problems. A ``Merge`` remembers the addresses it
has seen, so it must see the rows in order, each once.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path

from smtpeter_desktop.compose import addresses, mergeresults, mime
from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.mergelist import ListFormat, Row
from smtpeter_desktop.compose.options import SmtpeterOptions, parse_tags
from smtpeter_desktop.compose.personalize import Template, parse
from smtpeter_desktop.i18n import translate

BUILT_IN = ("recipient",)
"""Variables every row has without a column: ``recipient`` is the row's address, as SMTPeter
gives it to its own templates."""

_ATTACHMENT_COLUMNS = ("attachment", "attachments")
# What a value could do to Markdown if inserted as it is: become emphasis, a link, code or
# raw HTML. Escaped, it shows as typed; the backslashes are the price in the text part.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])|<(?=[A-Za-z/!?])")


def markdown_quote(value: str) -> str:
    """A value as literal Markdown text: ``*Ann*`` stays stars, ``<b>`` stays brackets."""
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) else "&lt;", value)


@dataclasses.dataclass(frozen=True)
class MergeTemplate:
    """The message as written, with its three templates read.

    Attributes:
        draft: the message; its To field is ignored (each row gives its own).
        subject, body, name: the templates of the subject, the Markdown, the To name.
    """

    draft: Draft
    subject: Template
    body: Template
    name: Template

    @classmethod
    def from_draft(cls, draft: Draft, name: str = "") -> MergeTemplate:
        """Read the draft's templates; ``name`` is the To name, as ``{$firstname} {$lastname}``.

        Raises:
            TemplateError: a placeholder that cannot be read; it names the field and line.
        """
        return cls(
            draft=draft,
            subject=parse(draft.subject, where="The subject"),
            body=parse(draft.body, where="The message"),
            name=parse(name, where="The recipient's name"),
        )

    @property
    def variables(self) -> tuple[str, ...]:
        names = (*self.subject.variables, *self.body.variables, *self.name.variables)
        return tuple(dict.fromkeys(names))


@dataclasses.dataclass(frozen=True)
class RowResult:
    """One row checked: its draft when it can be made, and its problems in words.

    ``already_sent`` rows come from a results file fed back, marked sent there: they are
    not sent again, and have neither draft nor problems.
    """

    row: Row
    address: str
    draft: Draft | None
    problems: tuple[str, ...]
    already_sent: bool = False

    @property
    def ok(self) -> bool:
        return self.draft is not None and not self.problems


class Merge:
    """Checks rows in order and makes their drafts.

    Attributes:
        template: the message.
        form: the list's format (columns, the address column).
        list_dir: the folder that relative attachment paths are read from.
    """

    def __init__(self, template: MergeTemplate, form: ListFormat, list_dir: Path) -> None:
        if not form.address:
            raise ComposeError(
                translate("compose.merge", "No column of the list holds the addresses."),
                translate(
                    "compose.merge",
                    "Choose the address column, or name it “email” in the list's header.",
                ),
            )
        self.template = template
        self.form = form
        self.list_dir = list_dir
        self._seen: dict[str, int] = {}
        columns = {c.variable for c in form.columns}
        self._attachment_column = next((c for c in _ATTACHMENT_COLUMNS if c in columns), "")
        self._results = mergeresults.is_results(form)

    def missing_columns(self) -> tuple[str, ...]:
        """Placeholders the list has no column for: the whole list is refused for these."""
        columns = {c.variable for c in self.form.columns} | set(BUILT_IN)
        return tuple(name for name in self.template.variables if name not in columns)

    def check(self, row: Row) -> RowResult:
        """The row's draft and problems; remembers its address for the duplicate check."""
        problems: list[str] = [row.problem] if row.problem else []
        values = _values(row, self.form.address, restore=self._results)
        address_text = values["recipient"]
        address: addresses.Address | None = None
        try:
            address = addresses.parse_address(address_text, "the address column")
        except ComposeError as exc:
            problems.append(_on_row(row, str(exc) if address_text else "the address is empty."))
        if address is not None:
            key = address.envelope_address.lower()
            first = self._seen.setdefault(key, row.number)
            if first != row.number:
                problems.append(_on_row(row, f"{address.address} is also on row {first}."))
        earlier = mergeresults.earlier_state(row) if self._results else ""
        if earlier == mergeresults.SENT:
            return RowResult(row, address_text, None, (), already_sent=True)
        if earlier == mergeresults.UNKNOWN:
            problems.append(
                _on_row(
                    row,
                    "its earlier send may or may not have gone out (its merge state is "
                    "“unknown”). Look in Sent; to send it again, change that state to “failed”.",
                )
            )
        subject = self.template.subject.render(values)
        body = self.template.body.render(values, quote=markdown_quote)
        name = self.template.name.render(values)
        # An empty To name is no problem: the address alone is a fine To.
        for name_missing in dict.fromkeys((*subject.missing, *body.missing)):
            problems.append(
                _on_row(
                    row,
                    f"“{name_missing}” is empty, and the message gives no default "
                    f'(write {{${name_missing}|default:"…"}}).',
                )
            )
        if address is None:
            return RowResult(row, address_text, None, tuple(problems))
        to = addresses.Address(name.text.strip(), address.address, address.ascii_address)
        draft = dataclasses.replace(
            self.template.draft,
            to=to.format(),
            cc=_joined(self.template.draft.cc, values.get("cc", "")),
            subject=subject.text,
            body=body.text,
            attachments=self.template.draft.attachments + self._attachments(row, values, problems),
            options=self._options(row, values, problems),
        )
        for problem in addresses.read_address_list(draft.cc, "Cc").problems:
            problems.append(_on_row(row, str(problem)))
        try:
            mime.check_header_values(draft)
        except ComposeError as exc:
            problems.append(_on_row(row, str(exc)))
        return RowResult(row, address.address, draft, tuple(problems))

    def _attachments(
        self, row: Row, values: Mapping[str, str], problems: list[str]
    ) -> tuple[Attachment, ...]:
        found: list[Attachment] = []
        text = values.get(self._attachment_column, "") if self._attachment_column else ""
        for entry in (part.strip() for part in text.split(";")):
            if not entry:
                continue
            path = (self.list_dir / Path(entry).expanduser()).resolve()
            if not path.is_file():
                problems.append(
                    _on_row(row, f"the attachment “{entry}” is not there (looked for {path}).")
                )
                continue
            found.append(Attachment(str(path)))
        return tuple(found)

    def _options(self, row: Row, values: Mapping[str, str], problems: list[str]) -> SmtpeterOptions:
        options = self.template.draft.options
        extra = values.get("tags", "")
        if not extra.strip():
            return options
        try:
            tags = tuple(dict.fromkeys((*options.tags, *parse_tags(extra))))
            return dataclasses.replace(options, tags=tags)
        except ComposeError as exc:
            problems.append(_on_row(row, str(exc)))
            return options


def _values(row: Row, address_column: str, *, restore: bool = False) -> dict[str, str]:
    values = mergeresults.restored(row.values) if restore else dict(row.values)
    values["recipient"] = values.get(address_column, "").strip()
    return values


def _joined(first: str, second: str) -> str:
    return ", ".join(part for part in (first.strip(), second.strip()) if part)


def _on_row(row: Row, text: str) -> str:
    return f"Row {row.number}: {text}"
