"""A mail merge before anything is sent: the list checked row by row, one row's preview.

This is the Qt-free face the window's merge view and the command line share::

    setup = MergeSetup(draft, Path("people.csv"), name_template="{$first} {$last}")
    plan = MergePlan.open(setup)          # reads the header; ComposeError says what is wrong
    for result in plan.check():           # streams: a row at a time, in order
        table.add(result.row.number, result.address, result.ok, result.problems)
    preview = plan.preview(7)             # that row's subject, To, HTML and text, as sent
    report = plan.check_all()             # counts, and the first problems in words

Sending is ``merge_runner``'s: a job in the mailbox, one message per row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.merge import Merge, MergeTemplate, RowResult
from smtpeter_desktop.compose.mergelist import ListFormat, guess_address_column, inspect, read_rows

SHOWN_PROBLEMS = 200
"""Problems a report keeps in words; past these it counts them."""

TEST_PREFIX = "[Test] "

EARLIER_PACE = 60.0
"""The pace of a job queued before the pace was kept with it: the window's default then."""


@dataclasses.dataclass(frozen=True)
class MergeSetup:
    """What a person chose for a merge.

    Attributes:
        draft: the message, its subject and body with placeholders; its To is not used.
        list_path: the CSV (or tab-separated) list with a header row.
        name_template: the To name, as ``{$first} {$last}`` ("" for the address alone).
        address_column: the column (header or its placeholder name) with the addresses;
            "" to recognise it from the header or the cells.
        skip_bad_rows: send the rows that check and leave the others, instead of nothing.
        pace: messages a minute (None: no limit). Kept with the job so that a merge resumed
            after a quit or a crash goes at the pace it was started with; not part of what
            makes two runs the same merge (``MergePlan.fingerprint``).
    """

    draft: Draft
    list_path: Path
    name_template: str = ""
    address_column: str = ""
    skip_bad_rows: bool = False
    pace: float | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "draft": self.draft.to_dict(),
                "list_path": str(self.list_path),
                "name_template": self.name_template,
                "address_column": self.address_column,
                "skip_bad_rows": self.skip_bad_rows,
                "pace": self.pace,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> MergeSetup:
        data = json.loads(text)
        return cls(
            draft=Draft.from_dict(data["draft"]),
            list_path=Path(data["list_path"]),
            name_template=data["name_template"],
            address_column=data["address_column"],
            skip_bad_rows=data["skip_bad_rows"],
            # Jobs queued before the pace was kept have none: they resume at the pace the
            # window offered then, not in a burst.
            pace=_pace_of(data["pace"]) if "pace" in data else EARLIER_PACE,
        )


@dataclasses.dataclass(frozen=True)
class CheckReport:
    """Every row checked.

    Attributes:
        rows: rows in the list.
        good: rows that can be sent.
        bad: rows with a problem.
        already_sent: rows a results file fed back marks as sent; they are left out.
        problems: the first ``SHOWN_PROBLEMS`` problems, each a sentence naming its row.
    """

    rows: int
    good: int
    bad: int
    already_sent: int
    problems: tuple[str, ...]

    @property
    def sendable(self) -> bool:
        """Whether the merge may go: something to send and no bad row."""
        return self.good > 0 and self.bad == 0

    def summary(self) -> str:
        """In words: ``1,200 rows: 1,198 to send, 2 with problems``."""
        parts = [f"{self.good:,} to send"]
        if self.bad:
            parts.append(f"{self.bad:,} with problems")
        if self.already_sent:
            parts.append(f"{self.already_sent:,} sent before")
        return f"{self.rows:,} rows: " + ", ".join(parts)


@dataclasses.dataclass(frozen=True)
class Preview:
    """One row's message exactly as it leaves (``html`` as sent, ``text`` the Markdown)."""

    row: int
    address: str
    to: str
    subject: str
    html: str
    text: str
    problems: tuple[str, ...]


class MergePlan:
    """A merge's list and message, read once; rows are checked as they are read.

    Attributes:
        setup: what the person chose.
        form: how the list is written (encoding, delimiter, columns, address column).
        template: the message's templates, read.
    """

    def __init__(self, setup: MergeSetup, form: ListFormat, template: MergeTemplate) -> None:
        self.setup = setup
        self.form = form
        self.template = template

    @classmethod
    def open(cls, setup: MergeSetup) -> MergePlan:
        """Read the list's header and the message's placeholders.

        Raises ``ComposeError`` (``ListError``, ``TemplateError``): a list that cannot be
        read, no address column, a placeholder that cannot be read or that no column fills.
        """
        form = inspect(setup.list_path)
        form = dataclasses.replace(form, address=_address_column(setup, form))
        template = MergeTemplate.from_draft(setup.draft, setup.name_template)
        plan = cls(setup, form, template)
        missing = plan.merge().missing_columns()
        if missing:
            names = ", ".join(f"{{${name}}}" for name in missing)
            columns = ", ".join(c.variable for c in form.columns)
            raise ComposeError(
                f"The list “{setup.list_path.name}” has no column for {names}.",
                f"Its columns are: {columns}. Rename a column or the placeholder.",
            )
        return plan

    def merge(self) -> Merge:
        """A fresh checker: it sees each row once, in order (for the duplicate check)."""
        return Merge(self.template, self.form, self.setup.list_path.parent)

    def check(self, *, limit: int | None = None) -> Iterator[RowResult]:
        """Every row, checked, in order; a row at a time."""
        merge = self.merge()
        for row in read_rows(self.setup.list_path, self.form, limit=limit):
            yield merge.check(row)

    def check_all(self, on_row: Callable[[RowResult], None] | None = None) -> CheckReport:
        """Check every row; ``on_row`` sees each result (a table filling, a progress line)."""
        rows = good = bad = already = 0
        problems: list[str] = []
        for result in self.check():
            rows += 1
            if on_row is not None:
                on_row(result)
            if result.already_sent:
                already += 1
            elif result.ok:
                good += 1
            else:
                bad += 1
                if len(problems) < SHOWN_PROBLEMS:
                    problems.extend(result.problems[: SHOWN_PROBLEMS - len(problems)])
        return CheckReport(rows, good, bad, already, tuple(problems))

    def row(self, number: int) -> RowResult:
        """Row ``number`` (as a spreadsheet numbers it: the header is row 1), checked alone.

        Raises ``ComposeError`` when the list has no such row.
        """
        merge = self.merge()
        for row in read_rows(self.setup.list_path, self.form):
            if row.number == number:
                return merge.check(row)
            if row.number > number:
                break
        raise ComposeError(
            f"The list “{self.setup.list_path.name}” has no row {number}.",
            "Rows are numbered as in a spreadsheet: the header is row 1, the first person row 2.",
        )

    def preview(self, number: int) -> Preview:
        """Row ``number``'s message as it leaves: subject, To, HTML and text."""
        result = self.row(number)
        draft = result.draft
        if draft is None:
            return Preview(number, result.address, "", "", "", "", result.problems)
        base_dir = Path(draft.base_dir) if draft.base_dir else None
        page = render.render(draft.body, base_dir=base_dir, title=draft.subject)
        return Preview(
            number,
            result.address,
            draft.to,
            draft.subject,
            page.preview_html(),
            draft.body,
            result.problems,
        )

    def test_draft(self, number: int, to: str) -> Draft:
        """Row ``number``'s message for a test: to ``to`` alone, the subject marked [Test].

        Its Cc and Bcc are dropped: a test must never reach the row's own people. Raises
        ``ComposeError`` when the row cannot be made.
        """
        result = self.row(number)
        if result.draft is None or result.problems:
            raise ComposeError(
                " ".join(result.problems) or f"Row {number} cannot be made into a message.",
                "Choose another row for the test, or correct this one.",
            )
        return dataclasses.replace(
            result.draft, to=to, cc="", bcc="", subject=TEST_PREFIX + result.draft.subject
        )

    def fingerprint(self, profile_id: str) -> str:
        """What makes two runs the same merge: the list's bytes, the message, the profile."""
        digest = hashlib.sha256()
        with self.setup.list_path.open("rb") as stream:
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
        digest.update(profile_id.encode())
        digest.update(self.setup.draft.to_json().encode())
        digest.update(self.setup.name_template.encode())
        digest.update(self.form.address.encode())
        return digest.hexdigest()


def _pace_of(value: object) -> float | None:
    """A stored pace: a positive number of messages a minute, else no limit."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        return None
    return float(value)


def _address_column(setup: MergeSetup, form: ListFormat) -> str:
    wanted = setup.address_column.strip()
    if wanted:
        for column in form.columns:
            if wanted in (column.header, column.variable) or wanted.lower() in (
                column.header.lower(),
                column.variable.lower(),
            ):
                return column.variable
        columns = ", ".join(c.header for c in form.columns)
        raise ComposeError(
            f"The list “{setup.list_path.name}” has no column “{wanted}”.",
            f"Its columns are: {columns}.",
        )
    found = guess_address_column(setup.list_path, form)
    if not found:
        raise ComposeError(
            f"No column of “{setup.list_path.name}” holds e-mail addresses.",
            "Name the address column “email” in the list's header, or choose it.",
        )
    return found
