"""Reading a mail merge's list as spreadsheets write it, and refusing what is not one."""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

import pytest

from smtpeter_desktop.compose import mergelist
from smtpeter_desktop.compose.mergelist import MAX_CELL, ListError, inspect, read_rows


def write(tmp_path: Path, data: bytes, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


ROWS = "E-mail;First name;City\r\nann@example.com;Ann;Zürich\r\nbob@example.org;Bob;Delft\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ROWS.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ROWS.encode("utf-8"), "utf-8-sig"),
        (ROWS.encode("cp1252"), "cp1252"),
        (ROWS.replace(";", "\t").encode("utf-16"), "utf-16"),
    ],
)
def test_reads_what_spreadsheets_write(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = write(tmp_path, data)
    form = inspect(path)
    assert form.encoding == encoding
    assert [c.variable for c in form.columns] == ["E-mail", "First_name", "City"]
    assert form.address == "E-mail"
    rows = list(read_rows(path, form))
    assert [r.number for r in rows] == [2, 3]
    assert rows[0].values == {"E-mail": "ann@example.com", "First_name": "Ann", "City": "Zürich"}
    assert not rows[0].problem


@pytest.mark.parametrize(("delimiter", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
def test_delimiter_is_found(tmp_path: Path, delimiter: str, name: str) -> None:
    text = f'email{delimiter}name\nann@example.com{delimiter}"Lee, Ann"\n'
    form = inspect(write(tmp_path, text.encode()))
    assert form.delimiter_name == name


def test_formulas_are_text_and_quoted_cells_keep_line_breaks(tmp_path: Path) -> None:
    text = 'email,note\nann@example.com,"=HYPERLINK(""http://x"",""y"")"\nbob@x.org,"two\nlines"\n'
    path = write(tmp_path, text.encode())
    rows = list(read_rows(path, inspect(path)))
    assert rows[0].values["note"] == '=HYPERLINK("http://x","y")'
    assert rows[1].values["note"] == "two\nlines"


def test_ragged_rows_are_named_and_blank_lines_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, b"email,name,city\na@x.org,A\n\n,,\nb@x.org,B,C,extra\n")
    rows = list(read_rows(path, inspect(path)))
    assert [r.number for r in rows] == [2, 5]
    assert rows[0].problem == "Row 2 has 2 cells where the header has 3."
    assert rows[0].values["city"] == ""
    assert rows[1].problem == "Row 5 has 4 cells where the header has 3."


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "people.csv", "not a text file"),
        (b"", "people.csv", "no header row"),
        (b"\n\n", "people.csv", "no header row"),
        (b"email,,city\n", "people.csv", "Column 2 of the header has no usable name"),
        (b"email,name,name!\n", "people.csv", "Columns 2 and 3 of the header are both called"),
        (b"PK\x03\x04", "people.xlsx", "Save the sheet as CSV"),
        (b"email\n\x81\x8d\x90\n", "people.csv", "not a text file"),
    ],
)
def test_what_is_not_a_list_is_refused_with_words(
    tmp_path: Path, data: bytes, name: str, words: str
) -> None:
    with pytest.raises(ListError, match=words):
        inspect(write(tmp_path, data, name))


def test_a_missing_file_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(ListError, match="cannot be read"):
        inspect(tmp_path / "gone.csv")


def test_a_huge_cell_names_its_row_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w") as stream:
        stream.write("email,note\na@x.org,short\nb@x.org,")
        stream.write("x" * (50 * 1024 * 1024))
        stream.write("\n")
    form = inspect(path)
    rows = read_rows(path, form)
    assert next(rows).number == 2
    with pytest.raises(ListError, match=r"^Row 3, column 2 \(“note”\), of “big.csv” holds a cell"):
        next(rows)


def test_a_huge_quoted_cell_is_found_past_commas_line_breaks_and_blank_lines(
    tmp_path: Path,
) -> None:
    path = tmp_path / "quoted.csv"
    big = '"' + 'a, b ""quoted""\n' * (MAX_CELL // 8) + '"'
    path.write_text(f'email;name;note\na@x.org;"A; a";x\n\nb@x.org;B;{big}\n', encoding="utf-8")
    with pytest.raises(ListError, match=r"^Row 4, column 3 \(“note”\)"):
        list(read_rows(path, inspect(path)))


def test_memory_stays_flat_in_the_row_count(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    with path.open("w") as stream:
        stream.write("email,name\n")
        for i in range(30_000):
            stream.write(f"person{i}@example.com,Person {i}\n")
    form = inspect(path)
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_rows(path, form))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 30_000
    assert peak < 512 * 1024  # 30,000 rows held at once would take several MB


def test_the_address_column_is_guessed_from_the_cells_when_the_header_does_not_say(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, b"name,who\nAnn,ann@example.com\nBob,bob@example.org\n")
    form = inspect(path)
    assert form.address == ""
    assert mergelist.guess_address_column(path, form) == "who"


@pytest.mark.parametrize(
    ("header", "variable"),
    [
        ("First name", "First_name"),
        (" e-mail ", "e-mail"),
        ("2nd line", "nd_line"),
        ("Naam:", "Naam"),
    ],
)
def test_variable_names_are_what_smtpeter_allows(header: str, variable: str) -> None:
    assert mergelist.variable_name(header) == variable
