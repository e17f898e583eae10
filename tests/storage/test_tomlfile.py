"""Finding the line of a key in TOML written by hand, in every form TOML allows."""

from __future__ import annotations

import pytest

from smtpeter_desktop.storage import tomlfile

_TEXT = '''\
schema = 1
note = """
[[profiles]]
port = "in a string, not a key"
"""

[[profiles]]
name = "One"
tags = [
  "a",
  "b",
]
"quoted key" = 1
options.track_clicks = true
identities = [
  { address = "a@example.com" },
  { address = "b@example.com" },
]

[[profiles]]
[profiles.timeouts]
connect = 3
'''


@pytest.mark.parametrize(
    ("key", "line"),
    [
        (("schema",), 1),
        (("note",), 2),
        (("profiles", 0), 7),
        (("profiles", 0, "name"), 8),
        (("profiles", 0, "tags"), 9),
        (("profiles", 0, "tags", 1), 9),
        (("profiles", 0, "quoted key"), 13),
        (("profiles", 0, "options", "track_clicks"), 14),
        (("profiles", 0, "identities", 1, "address"), 15),
        (("profiles", 0, "port"), 7),
        (("profiles", 1), 20),
        (("profiles", 1, "timeouts", "connect"), 22),
        (("missing",), None),
    ],
)
def test_line_of(key: tomlfile.KeyPath, line: int | None) -> None:
    assert tomlfile.line_of(_TEXT, key) == line


def test_line_of_with_windows_line_ends() -> None:
    text = _TEXT.replace("\n", "\r\n")
    assert tomlfile.line_of(text, ("profiles", 1, "timeouts", "connect")) == 22


def test_line_of_a_long_file_is_quick() -> None:
    text = "schema = 1\n" + "".join(
        f'[[profiles]]\nname = "p{i}"\nport = {i}\n\n' for i in range(500)
    )
    assert tomlfile.line_of(text, ("profiles", 499, "port")) == 2 + 499 * 4 + 2


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("a = 1\nb = \n", 2, "b"),
        ('a = 1\n"odd key" = ?\n', 2, '"odd key"'),
        ("a = 1\n[[profiles]\n", 2, "profiles"),
        ("a = [1,\n", 2, ""),
    ],
)
def test_syntax_errors_name_the_line(text: str, line: int, field: str) -> None:
    with pytest.raises(tomlfile.Mistake) as info:
        tomlfile.parse(text)
    assert (info.value.line, info.value.field) == (line, field)
    assert info.value.reason.startswith("this is not valid TOML: ")


_TRICKY = """\
schema = 1 # [[profiles]] in a comment
text = \"\"\"
[[profiles]]
a \\\"\"\" quote ]
""\"\"
'literal' = '''
[not = a table]
''''
"esc\\u0061ped" = [ "]", '[', { x = "}" },
  # [[profiles]]
]

[[profiles]]
[[profiles.identities]]
address = "a@example.com"
[[profiles.identities]]
address = "b@example.com"

[[profiles]]
[[profiles.identities]]
address = "c@example.com"
[profiles.options]
tags = ["x"]
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        (("text",), 2),
        (("literal",), 6),
        (("escaped",), 9),
        (("profiles", 0), 13),
        (("profiles", 0, "identities", 1, "address"), 17),
        (("profiles", 1, "identities", 0, "address"), 21),
        (("profiles", 1, "options", "tags", 0), 23),
    ],
)
def test_line_of_steps_over_strings_comments_and_nested_arrays_of_tables(
    key: tomlfile.KeyPath, line: int
) -> None:
    import tomllib

    document = tomllib.loads(_TRICKY)  # the text is TOML, and holds every key asked for
    assert document["profiles"][1]["identities"][0]["address"] == "c@example.com"
    assert "escaped" in document
    assert tomlfile.line_of(_TRICKY, key) == line
