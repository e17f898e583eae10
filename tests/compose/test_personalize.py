"""SMTPeter's personalisation syntax: what renders, what is refused, and where it says so."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.compose.personalize import MAX_DEPTH, TemplateError, parse


def render(source: str, **data: object) -> str:
    return parse(source).render(data).text


@pytest.mark.parametrize(
    ("source", "data", "expected"),
    [
        ("Dear {$firstname},", {"firstname": "Ann"}, "Dear Ann,"),
        ('Dear {$name|default:"friend"},', {}, "Dear friend,"),
        ('Dear {$name|default:"friend"},', {"name": ""}, "Dear friend,"),
        ("{$name|upper} {$name|lower} {$name|ucfirst}", {"name": "aNN"}, "ANN ann ANN"),
        ("{$name|tolower|ucfirst}", {"name": "aNN"}, "Ann"),
        ("{$v|escape}", {"v": '<b>&"</b>'}, "&lt;b&gt;&amp;&quot;&lt;/b&gt;"),
        ('{$v|escape:"url"}', {"v": "a b&c"}, "a%20b%26c"),
        ("{$v|truncate:10}", {"v": "Hello wonderful world"}, "Hello..."),
        ('{$v|truncate:10:"…":true}', {"v": "Hello wonderful world"}, "Hello won…"),
        ("{$v|truncate:80}", {"v": "short"}, "short"),
        ("{$n + 10}", {"n": "5"}, "15"),
        ("{$n * 2 - 1}", {"n": 4}, "7"),
        ("{$n / 0}", {"n": 4}, "0"),
        ("{$n + 1}", {"n": "not a number"}, "1"),
        ("{$a.b[1]}", {"a": {"b": ["x", "y"]}}, "y"),
        ("{$first-name}", {"first-name": "Ann"}, "Ann"),
        ("{ldelim}x{rdelim}", {}, "{x}"),
        ("{literal}{$kept} {if}{/literal}", {}, "{$kept} {if}"),
        ("a { color: red } {x}", {}, "a { color: red } {x}"),
        ('{$v|replace:"hi":"hello"}', {"v": "hi there"}, "hello there"),
        ('{$v|cat:"!"}', {"v": "hi"}, "hi!"),
        ("{$v|substr:4:3}", {"v": "0123456789"}, "456"),
        ("{$v|strlen}", {"v": "four"}, "4"),
    ],
)
def test_renders_as_smtpeter_documents(source: str, data: dict[str, object], expected: str) -> None:
    assert parse(source).render(data).text == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"vip": "1", "orders": "0"}, "best"),
        ({"vip": "0", "orders": "5"}, "thanks"),
        ({"vip": "", "orders": "2"}, "hello"),
        ({}, "hello"),
    ],
)
def test_if_elseif_else(data: dict[str, object], expected: str) -> None:
    template = "{if $vip}best{elseif $orders > 3}thanks{else}hello{/if}"
    assert render(template, **data) == expected


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("$name == 'john'", True),
        ("$name != 'john'", False),
        ("$age >= 18 AND $age < 65", True),
        ("$age > 40 OR $name == 'john'", True),
        ("not $vip", True),
        ("!$vip", True),
        ("($age + 2) * 2 == 64", True),
        ("$age == '30'", True),  # numbers compare as numbers, whatever their type
        ("$age == '030'", True),
        ("$name == 'John'", False),  # case matters, as SMTPeter says of names
    ],
)
def test_conditions(condition: str, expected: bool) -> None:
    data = {"name": "john", "age": 30, "vip": ""}
    assert render(f"{{if {condition}}}yes{{else}}no{{/if}}", **data) == (
        "yes" if expected else "no"
    )


def test_nested_blocks() -> None:
    template = "{if $a}A{if $b}B{else}b{/if}{else}-{/if}"
    assert render(template, a="1", b="") == "Ab"
    assert render(template, a="", b="1") == "-"


def test_variables_are_listed_in_order_of_first_use() -> None:
    template = parse("{if $vip}{$first|default:$nick}{/if} {$last} {$first.x}")
    assert template.variables == ("vip", "first", "nick", "last")
    assert template.personal
    assert not parse("plain text { not a tag }").personal


def test_a_value_missing_without_default_is_reported() -> None:
    template = parse('Dear {$first} {$last|upper}, {$city|default:"nowhere"}')
    rendering = template.render({"first": "", "city": ""})
    assert rendering.text == "Dear  , nowhere"
    assert rendering.missing == ("first", "last")
    assert template.render({"first": "A", "last": "B"}).missing == ()


def test_quote_applies_to_values_only() -> None:
    template = parse("*{$v}*")
    assert template.render({"v": "a*b"}, quote=lambda s: s.replace("*", r"\*")).text == r"*a\*b*"


@pytest.mark.parametrize(
    ("source", "line", "column", "words"),
    [
        ("Dear {$name", 1, 6, "never closed"),
        ("Dear {$name\nBye {$x}", 1, 6, "never closed"),
        ("a\n{if $x}yes", 2, 1, "never closed"),
        ("{/if}", 1, 1, "closes nothing"),
        ("{else}", 1, 1, "outside any {if}"),
        ("{if $a}{else}{else}{/if}", 1, 14, "follows {else}"),
        ("{if}x{/if}", 1, 1, "needs a condition"),
        ("{$name|shout}", 1, 8, "not a modifier"),
        ("{$name|truncate:1:2:3:4}", 1, 8, "at most 3 arguments"),
        ("{$a ==}", 1, 7, "missing"),
        ("{$a $b}", 1, 5, "unexpected"),
        ("{if name == 'x'}{/if}", 1, 5, "neither a value nor a variable"),
        ('{$a|default:"x}', 1, 13, "quoted text is never closed"),
        ("{foreach $x in $y}{/foreach}", 1, 1, "not supported"),
        ("{literal}abc", 1, 1, "never closed"),
        ("{if ($a}{/if}", 1, 5, "“(” is never closed"),
        ("{$a # b}", 1, 5, "cannot stand"),
        # A placeholder inside a placeholder, and blocks nested but not closed.
        ("Dear {$first{$last}}", 1, 13, "cannot stand"),
        ("{$a|default:{$b}}", 1, 13, "cannot stand"),
        ("x\n{if $a}{if $b}y{/if}", 2, 1, "never closed"),
    ],
)
def test_errors_say_where_and_what(source: str, line: int, column: int, words: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse(source, where="The body")
    error = caught.value
    assert (error.line, error.column) == (line, column), str(error)
    assert words in str(error)
    assert str(error).startswith(f"The body, line {line}, column {column}:")
    assert error.hint


def test_deep_nesting_is_refused_with_words_not_a_recursion_error() -> None:
    with pytest.raises(TemplateError, match="nested"):
        parse("{if $a}" * (MAX_DEPTH + 1) + "x" + "{/if}" * (MAX_DEPTH + 1))
    with pytest.raises(TemplateError, match="nested too deeply"):
        parse("{$a + " + "(" * 5000 + "1" + ")" * 5000 + "}")
    with pytest.raises(TemplateError, match="nested too deeply"):
        parse("{if " + "not " * 5000 + "$a}x{/if}")
    deep = "{if $a}" * MAX_DEPTH + "x" + "{/if}" * MAX_DEPTH
    assert parse(deep).render({"a": "1"}).text == "x"


def test_a_large_template_is_read_in_linear_time() -> None:
    # 20,000 placeholders and 20,000 braces that open no tag: a quadratic scan would take
    # minutes; the child process is given far more than a linear one needs.
    code = (
        "from smtpeter_desktop.compose.personalize import parse\n"
        "t = parse('Dear {$name}, { x } ' * 20_000 + '{if $a}' * 60 + '{/if}' * 60)\n"
        "assert len(t.render({'name': 'A'}).text) > 100_000\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


texts = st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=40)


@given(texts)
def test_text_without_braces_is_itself(text: str) -> None:
    assert render(text) == text


@given(st.text(max_size=60))
def test_any_text_parses_or_says_why(text: str) -> None:
    try:
        template = parse(text)
    except TemplateError as error:
        assert error.line >= 1 and error.column >= 1
    else:
        template.render({})


@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), texts, max_size=5))
def test_values_are_inserted_verbatim(data: dict[str, str]) -> None:
    for name, value in data.items():
        assert render(f"<{{${name}}}>", **data) == f"<{value}>"
