"""A mail merge's rows: each its own draft, each problem a sentence that names the row."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from smtpeter_desktop.compose import mime
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.merge import Merge, MergeTemplate, RowResult, markdown_quote
from smtpeter_desktop.compose.mergelist import inspect, read_rows
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.compose.personalize import TemplateError

DRAFT = Draft(
    profile="p",
    sender="Shop <shop@example.com>",
    subject='Hello {$first|default:"friend"}',
    body='Dear {$first|default:"friend"},\n\n{if $vip}**Thank you** for {$orders} orders.{/if}\n',
    options=SmtpeterOptions(tags=("spring",)),
)


def merge_of(
    tmp_path: Path, csv_text: str, draft: Draft = DRAFT, name: str = "{$first} {$last}"
) -> tuple[Merge, list[RowResult]]:
    path = tmp_path / "people.csv"
    path.write_text(csv_text, encoding="utf-8")
    form = inspect(path)
    merge = Merge(MergeTemplate.from_draft(draft, name), form, tmp_path)
    return merge, [merge.check(row) for row in read_rows(path, form)]


def draft_of(result: RowResult) -> Draft:
    assert result.draft is not None, result.problems
    return result.draft


def test_each_row_gets_its_own_message(tmp_path: Path) -> None:
    _, results = merge_of(
        tmp_path,
        "email,first,last,vip,orders\nann@example.com,Ann,Lee,1,12\nbob@example.org,,,,\n",
    )
    ann, bob = results
    assert ann.ok and bob.ok
    assert draft_of(ann).to == "Ann Lee <ann@example.com>"
    assert draft_of(ann).subject == "Hello Ann"
    assert "**Thank you** for 12 orders." in draft_of(ann).body
    assert draft_of(bob).to == "bob@example.org"
    assert draft_of(bob).subject == "Hello friend"
    assert "Thank you" not in draft_of(bob).body
    built = mime.build_bytes(draft_of(ann))[0]
    message = email.message_from_bytes(built, policy=email.policy.default)
    assert message["To"] == "Ann Lee <ann@example.com>"
    assert message["Subject"] == "Hello Ann"


def test_values_cannot_become_markdown_or_html(tmp_path: Path) -> None:
    _, [result] = merge_of(
        tmp_path, "email,first\nann@example.com,<img src=x> *Ann* [x](y)\n", name=""
    )
    assert "&lt;img src=x&gt;" not in draft_of(result).body  # only the opening bracket is needed
    assert "&lt;img src=x> \\*Ann\\* \\[x\\](y)" in draft_of(result).body
    assert markdown_quote("a_b") == "a\\_b"
    assert markdown_quote("1 < 2") == "1 < 2"


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("not-an-address,Ann", "Row 2: “not-an-address” in the address column is not a valid"),
        (",Ann", "Row 2: the address is empty."),
        ("ann@example.com,", "Row 2: “first” is empty, and the message gives no default"),
        ("ann@example.com,Ann,extra", "Row 2 has 3 cells where the header has 2."),
        ('ann@example.com,"Ann\r\nBcc: x@evil.example"', "line break"),
    ],
)
def test_row_problems_are_sentences_that_name_the_row(tmp_path: Path, row: str, words: str) -> None:
    draft = Draft(sender="s@example.com", subject="Hi {$first}", body="x")
    _, [result] = merge_of(tmp_path, f"email,first\n{row}\n", draft, name="")
    assert not result.ok
    assert any(words in problem for problem in result.problems), result.problems


def test_a_duplicate_address_names_the_first_row(tmp_path: Path) -> None:
    _, results = merge_of(tmp_path, "email\nann@example.com\nbob@example.org\nANN@example.com\n")
    assert results[0].ok and results[1].ok
    assert results[2].problems == ("Row 4: ANN@example.com is also on row 2.",)


def test_placeholders_without_a_column_refuse_the_list(tmp_path: Path) -> None:
    draft = Draft(sender="s@example.com", subject="{$firstname}", body="{$recipient} {$city}")
    merge, _ = merge_of(tmp_path, "email,first\nann@example.com,Ann\n", draft, name="")
    assert merge.missing_columns() == ("firstname", "city")


def test_template_errors_name_the_field(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"^The subject, line 1, column 4"):
        MergeTemplate.from_draft(Draft(subject="Hi {$first"))
    with pytest.raises(TemplateError, match=r"^The message, line 2"):
        MergeTemplate.from_draft(Draft(body="ok\n{if $x}never closed"))


def test_a_list_without_an_address_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,city\nAnn,Delft\n")
    with pytest.raises(ComposeError, match="No column of the list holds the addresses"):
        Merge(MergeTemplate.from_draft(DRAFT), inspect(path), tmp_path)


def test_optional_columns_cc_tags_and_attachments(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "ann.pdf").write_bytes(b"%PDF-1.4\n")
    _, [ann, bob] = merge_of(
        tmp_path,
        "email,first,cc,tags,attachment\n"
        "ann@example.com,Ann,boss@example.com,vip gold,files/ann.pdf\n"
        "bob@example.org,Bob,not an address,bad;tag,files/bob.pdf\n",
        name="",
    )
    assert ann.ok, ann.problems
    assert draft_of(ann).cc == "boss@example.com"
    assert draft_of(ann).options.tags == ("spring", "vip", "gold")
    assert [Path(a.path).name for a in draft_of(ann).attachments] == ["ann.pdf"]
    assert not bob.ok
    assert any("the attachment “files/bob.pdf” is not there" in p for p in bob.problems)
    assert any("“not an address” in Cc" in p for p in bob.problems)


def test_checking_a_long_list_keeps_no_address_cache_per_row(tmp_path: Path) -> None:
    # Before: every address validated stayed in an unbounded cache, so a 100,000-row list
    # held 100,000 validation results until the process ended.
    from smtpeter_desktop.compose import addresses

    rows = "".join(f"p{n}@example.org,P{n},,,\n" for n in range(3000))
    merge_of(tmp_path, "email,first,last,vip,orders\n" + rows)
    assert addresses.validate.cache_info().currsize <= 1024


def test_a_value_missing_at_row_7000_names_that_row_and_its_column(tmp_path: Path) -> None:
    draft = Draft(sender="s@example.com", subject="Hi {$first}", body="Dear {$first}")
    people = "".join(f"p{n}@example.org,P{n}\n" for n in range(6_998))
    _, results = merge_of(tmp_path, f"email,first\n{people}late@example.org,\n", draft, "")
    bad = [result for result in results if not result.ok]
    assert len(results) == 6_999 and len(bad) == 1
    (result,) = bad
    assert result.row.number == 7_000
    assert result.problems == (
        "Row 7000: “first” is empty, and the message gives no default "
        '(write {$first|default:"…"}).',
    )


def test_a_formula_is_text_in_the_message_never_evaluated_nor_a_link(tmp_path: Path) -> None:
    import re
    from html import unescape

    from smtpeter_desktop.compose import render

    formula = '=HYPERLINK("http://evil.example/","Click")'
    draft = Draft(sender="s@example.com", subject="Hi {$first}", body="Dear {$first}, [ok](x)")
    _, [result] = merge_of(
        tmp_path, 'email,first\nann@example.com,"=HYPERLINK(""http://evil.example/"",""Click"")"\n',
        draft, "",
    )  # fmt: skip
    assert result.ok, result.problems
    assert draft_of(result).subject == f"Hi {formula}"
    html = render.render(draft_of(result).body).preview_html()
    shown = unescape(re.sub(r"<[^>]+>", "", html))
    assert f"Dear {formula}, ok" in shown  # the cell's text as typed, not a "Click" link


def test_a_list_of_100000_rows_is_read_a_row_at_a_time_and_its_last_row_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("email,first\n")
        stream.writelines(f"p{n}@example.org,P{n}\n" for n in range(99_999))
        stream.write("last@example.org,Last,extra\n")
    form = inspect(path)
    count, last = 0, None
    for row in read_rows(path, form):
        count, last = count + 1, row
    assert count == 100_000
    assert last is not None and last.problem == "Row 100001 has 3 cells where the header has 2."
