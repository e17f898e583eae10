"""A merge's results file: safe in a spreadsheet, and fed back in it sends only what did not go."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.merge import Merge, MergeTemplate
from smtpeter_desktop.compose.mergelist import inspect, read_rows
from smtpeter_desktop.compose.mergeresults import ResultsWriter, spreadsheet_safe

DRAFT = Draft(profile="p", sender="shop@example.com", subject="Hi {$first}", body="{$note}\n")
LIST = (
    "email;first;note\n"
    'ann@example.com;Ann;=HYPERLINK("http://evil.example","x")\n'
    "bob@example.com;Bob;+31 6 1234\n"
    "cid@example.com;Cid;@home\n"
    "dan@example.com;Dan;'quoted\n"
)


def _write_results(source: Path, target: Path, states: list[tuple[str, str, str]]) -> None:
    form = inspect(source)
    with ResultsWriter(target, form) as results:
        for row, (state, mid, error) in zip(read_rows(source, form), states, strict=True):
            results.write(row, state, message_id=mid, error=error)


def test_cells_a_spreadsheet_would_evaluate_are_written_as_text() -> None:
    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("-5") == "'-5"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("\t=cmd") == "'\t=cmd"
    assert spreadsheet_safe("Ann") == "Ann"


def test_results_keep_the_input_and_add_state_id_and_error(tmp_path: Path) -> None:
    source, target = tmp_path / "people.csv", tmp_path / "results.csv"
    source.write_text(LIST, encoding="utf-8")
    _write_results(
        source,
        target,
        [
            ("sent", "id-1", ""),
            ("failed", "", "=The server refused bob@example.com"),
            ("sent", "id-3", ""),
            ("unknown", "", "The connection broke after the message was sent."),
        ],
    )
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the accents right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["email", "first", "note", "merge state", "merge message id", "merge error"]
    assert rows[1] == [
        "ann@example.com",
        "Ann",
        '\'=HYPERLINK("http://evil.example","x")',
        "sent",
        "id-1",
        "",
    ]
    assert rows[2][2:] == ["'+31 6 1234", "failed", "", "'=The server refused bob@example.com"]
    assert rows[3][2] == "'@home"
    assert rows[4][2] == "''quoted"
    assert not list(tmp_path.glob(".*.part"))


def test_fed_back_only_rows_not_sent_are_sent_with_their_own_values(tmp_path: Path) -> None:
    source, first, second = (tmp_path / n for n in ("people.csv", "r1.csv", "r2.csv"))
    source.write_text(LIST, encoding="utf-8")
    _write_results(
        source,
        first,
        [("sent", "id-1", ""), ("failed", "", "no"), ("sent", "id-3", ""), ("failed", "", "no")],
    )
    form = inspect(first)
    merge = Merge(MergeTemplate.from_draft(DRAFT), form, tmp_path)
    results = [merge.check(row) for row in read_rows(first, form)]
    assert [r.already_sent for r in results] == [True, False, True, False]
    bob, dan = results[1], results[3]
    assert bob.ok and dan.ok
    assert bob.draft is not None and dan.draft is not None
    assert bob.draft.body == "+31 6 1234\n"  # the protective quote is gone again
    assert dan.draft.body == "'quoted\n"
    # Fed back a second time: the result columns are replaced, not repeated.
    _write_results(first, second, [("sent", "", "")] * 4)
    header = second.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "email;first;note;merge state;merge message id;merge error"
    assert "'=HYPERLINK" in second.read_text(encoding="utf-8-sig")


def test_a_row_whose_outcome_was_unknown_waits_for_a_person(tmp_path: Path) -> None:
    source, target = tmp_path / "people.csv", tmp_path / "results.csv"
    source.write_text(LIST, encoding="utf-8")
    _write_results(source, target, [("sent", "", ""), ("unknown", "", "")] + [("sent", "", "")] * 2)
    form = inspect(target)
    merge = Merge(MergeTemplate.from_draft(DRAFT), form, tmp_path)
    bob = [merge.check(row) for row in read_rows(target, form)][1]
    assert not bob.ok
    assert bob.problems == (
        "Row 3: its earlier send may or may not have gone out (its merge state is “unknown”). "
        "Look in Sent; to send it again, change that state to “failed”.",
    )


def test_an_error_while_writing_leaves_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    source, target = folder / "people.csv", folder / "results.csv"
    source.write_text(LIST, encoding="utf-8")
    with pytest.raises(RuntimeError), ResultsWriter(target, inspect(source)):
        raise RuntimeError("stopped")
    assert list(folder.iterdir()) == [source]
