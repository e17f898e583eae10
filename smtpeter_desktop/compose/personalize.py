"""SMTPeter's personalisation syntax: parse a template once, render it for each recipient.

The subject, the Markdown body and a display name may hold placeholders in the syntax that
SMTPeter documents (``personalization-programming.md``, ``personalization-modifiers.md``)::

    Dear {$firstname|default:"friend"},
    {if $vip}You are one of our best customers.{elseif $orders > 3}Thank you!{else}Hello!{/if}
    {$city|upper} {$notes|truncate:40:"…"} {ldelim}braces{rdelim} {literal}{$kept}{/literal}

This module reads that syntax with a real parser (a scanner, then recursive descent with a
bounded depth), so that a mistake is reported once, with its line and column, before any
row is rendered; and it renders locally, so the preview a person sees is what leaves.

What it takes from SMTPeter's grammar: variables with ``.key`` and ``[n]`` paths, modifiers
with ``:`` arguments, arithmetic (``+ - * / %``), comparisons, ``AND``/``OR``/``not``,
``{if}``/``{elseif}``/``{else}``/``{/if}``, ``{ldelim}``, ``{rdelim}`` and ``{literal}``. A
``{`` that does not open one of these (CSS, code) is plain text. ``{foreach}`` and
``{assign}`` are refused with words: a row of a list has no arrays to loop over.

Where SMTPeter is silent or lenient, this reading is stricter, because a typo found before
sending beats a mail that says "Dear ,": an unknown modifier is an error (SMTPeter ignores
it), and a variable used without a value and without ``default`` is reported per row.
"""

from __future__ import annotations

import base64
import bisect
import dataclasses
import hashlib
import html
import re
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.i18n import translate

MAX_DEPTH = 64
"""Deepest nesting of ``{if}`` blocks and of parentheses; past it the template is refused."""

_NAME = r"[A-Za-z][A-Za-z0-9_-]*"
_KEYWORDS = ("if", "elseif", "else", "/if", "ldelim", "rdelim", "literal", "/literal")
_REFUSED = ("foreach", "foreachelse", "/foreach", "assign", "capture", "include")
# A "{" opens a tag only when a variable or a keyword follows at once, as in SMTPeter's own
# templates; "{ color: red }" in CSS or "{x}" in code stays text.
_TAG_START = re.compile(
    r"\{(?=\$|/?(?:" + "|".join(k.lstrip("/") for k in _KEYWORDS + _REFUSED) + r")\b)"
)
_LITERAL_END = re.compile(r"\{/literal\}")


class TemplateError(ComposeError):
    """A placeholder or block that cannot be read; says where, what, and how to fix it.

    Attributes:
        line: 1-based line of the template where the problem starts.
        column: 1-based column on that line.
    """

    def __init__(self, message: str, hint: str, *, line: int, column: int, where: str = "") -> None:
        place = (
            f"{where}, line {line}, column {column}" if where else f"Line {line}, column {column}"
        )
        super().__init__(f"{place}: {message}", hint)
        self.line = line
        self.column = column


# The template's tree ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Var:
    name: str
    path: tuple[str | int, ...]
    source: str


@dataclasses.dataclass(frozen=True)
class Const:
    value: Any


@dataclasses.dataclass(frozen=True)
class Modified:
    operand: Expr
    modifier: str
    args: tuple[Expr, ...]


@dataclasses.dataclass(frozen=True)
class Unary:
    op: str
    operand: Expr


@dataclasses.dataclass(frozen=True)
class Binary:
    op: str
    left: Expr
    right: Expr


Expr: TypeAlias = Var | Const | Modified | Unary | Binary


@dataclasses.dataclass(frozen=True)
class Output:
    expr: Expr


@dataclasses.dataclass(frozen=True)
class Branch:
    condition: Expr | None  # None: the {else} branch
    body: tuple[Node, ...]


@dataclasses.dataclass(frozen=True)
class If:
    branches: tuple[Branch, ...]


Node: TypeAlias = str | Output | If


# Modifiers ------------------------------------------------------------------------------


class _Undefined:
    """A variable with no value: prints as nothing, is false, and is what ``default`` replaces."""

    def __str__(self) -> str:
        return ""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "Undefined"


UNDEFINED = _Undefined()


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, dict)):
        return ""
    return str(value)


def _truncate(value: Any, length: Any = 80, etc: Any = "...", break_words: Any = False) -> str:
    text, size, tail = _text(value), int(_number(length)), _text(etc)
    if len(text) <= size:
        return text
    size = max(size - len(tail), 0)
    if not _truth(break_words):
        cut = text[: size + 1]
        space = max(cut.rfind(" "), cut.rfind("\n"), cut.rfind("\t"))
        if space > 0:
            return text[:space].rstrip() + tail
    return text[:size] + tail


def _escape(value: Any, kind: Any = "html") -> str:
    text, how = _text(value), _text(kind).lower()
    if how == "url":
        return urllib.parse.quote(text, safe="")
    if how == "base64":
        return base64.b64encode(text.encode()).decode("ascii")
    return html.escape(text, quote=True)


def _strstr(value: Any, needle: Any, before: Any = False) -> str:
    text, what = _text(value), _text(needle)
    at = text.find(what)
    if at < 0:
        return ""
    return text[:at] if _truth(before) else text[at:]


def _substr(value: Any, start: Any, length: Any = None) -> str:
    text, begin = _text(value), int(_number(start))
    return text[begin:] if length is None else text[begin : begin + int(_number(length))]


def _base64_decode(value: Any) -> str:
    try:
        return base64.b64decode(_text(value), validate=True).decode("utf-8", "replace")
    except ValueError:
        return ""


def _ucfirst(value: Any) -> str:
    text = _text(value)
    return text[:1].upper() + text[1:]


def _count(value: Any) -> int:
    return len(value) if isinstance(value, (list, dict)) else 0


_MODIFIERS: dict[str, tuple[Callable[..., Any], int]] = {
    # name: (function taking the value then its arguments, most arguments it takes)
    "default": (lambda v, d="": d if v is UNDEFINED or v == "" else v, 1),
    "escape": (_escape, 1),
    "upper": (lambda v: _text(v).upper(), 0),
    "toupper": (lambda v: _text(v).upper(), 0),
    "lower": (lambda v: _text(v).lower(), 0),
    "tolower": (lambda v: _text(v).lower(), 0),
    "ucfirst": (_ucfirst, 0),
    "truncate": (_truncate, 3),
    "trim": (lambda v: _text(v).strip(" \t\n\r\x0b\x00"), 0),
    "cat": (lambda v, s="": _text(v) + _text(s), 1),
    "replace": (
        lambda v, a="", b="": _text(v).replace(_text(a), _text(b)) if _text(a) else _text(v),
        2,
    ),
    "strlen": (lambda v: len(_text(v)), 0),
    "count_characters": (lambda v: len(_text(v)), 0),
    "count_words": (lambda v: len(_text(v).split()), 0),
    "count_paragraphs": (
        lambda v: len([p for p in re.split(r"\n\s*\n", _text(v)) if p.strip()]),
        0,
    ),
    "count": (_count, 0),
    "nl2br": (lambda v: _text(v).replace("\r\n", "\n").replace("\n", "<br />\n"), 0),
    "substr": (_substr, 2),
    "strstr": (_strstr, 2),
    "spacify": (lambda v, sep=" ": _text(sep).join(_text(v)), 1),
    "indent": (lambda v, n=1, ch=" ": re.sub(r"(?m)^", _text(ch) * int(_number(n)), _text(v)), 2),
    "md5": (lambda v: hashlib.md5(_text(v).encode(), usedforsecurity=False).hexdigest(), 0),
    "sha1": (lambda v: hashlib.sha1(_text(v).encode(), usedforsecurity=False).hexdigest(), 0),
    "base64_encode": (lambda v: base64.b64encode(_text(v).encode()).decode("ascii"), 0),
    "base64_decode": (_base64_decode, 0),
    "urlencode": (lambda v: urllib.parse.quote_plus(_text(v)), 0),
    "urldecode": (lambda v: urllib.parse.unquote_plus(_text(v)), 0),
}


def _number(value: Any) -> float:
    """SMTPeter's arithmetic: a value that is not a number counts as zero."""
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(_text(value).strip())
    except ValueError:
        return 0.0


def _numeric(value: Any) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    try:
        float(_text(value).strip())
    except ValueError:
        return False
    return bool(_text(value).strip())


def _truth(value: Any) -> bool:
    """An empty text, zero and "0" are false, as SMTPeter's documentation says."""
    if isinstance(value, str):
        return value not in ("", "0")
    if isinstance(value, (list, dict)):
        return bool(value)
    return bool(value)


# The scanner ----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""
    (?P<space>[ \t]+)
  | (?P<var>\$"""
    + _NAME
    + r"""(?:\.[A-Za-z0-9_-]+|\[\d+\])*)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<op>==|!=|>=|<=|&&|\|\||[<>+\-*/%!()|:])
  | (?P<word>"""
    + _NAME
    + r""")
  | (?P<end>\})
    """,
    re.VERBOSE,
)
_PATH_PART = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]")
_WORD_OPS = {"and": "AND", "or": "OR", "not": "!", "&&": "AND", "||": "OR"}


@dataclasses.dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    at: int


class _Parser:
    def __init__(self, source: str, where: str) -> None:
        self.source = source
        self.where = where
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def error(self, at: int, message: str, hint: str) -> TemplateError:
        # bisect over line starts: a report costs a logarithm, however long the text.
        line = bisect.bisect_right(self._line_starts, at)
        column = at - self._line_starts[line - 1] + 1
        return TemplateError(message, hint, line=line, column=column, where=self.where)

    # Blocks ---------------------------------------------------------------------------

    def parse(self) -> tuple[Node, ...]:
        # A stack of open {if} blocks, each with its branches so far, instead of recursion:
        # a thousand nested blocks are refused with a sentence, never a RecursionError.
        root: list[Node] = []
        stack: list[tuple[int, list[Branch], Expr | None, list[Node]]] = []
        body = root
        pos = 0
        source = self.source
        while pos < len(source):
            match = _TAG_START.search(source, pos)
            if match is None:
                body.append(source[pos:])
                break
            if match.start() > pos:
                body.append(source[pos : match.start()])
            start = match.start()
            tokens, pos = self._tag_tokens(start)
            head = tokens[0]
            if head.kind == "var":
                body.append(Output(self._expression(tokens, start)))
                continue
            if head.text == "/" and len(tokens) > 1:  # the scanner reads "{/if}" as "/" then "if"
                keyword, rest = "/" + tokens[1].text, tokens[2:]
            else:
                keyword, rest = head.text, tokens[1:]
            if keyword in _REFUSED:
                raise self.error(
                    start,
                    translate(
                        "compose.personalize", "“{{{keyword}}}” is not supported here."
                    ).format(keyword=keyword),
                    translate(
                        "compose.personalize",
                        "A list row has one value per column; use {if} and placeholders instead.",
                    ),
                )
            if keyword in ("ldelim", "rdelim", "else", "/if", "literal", "/literal") and rest:
                raise self.error(
                    rest[0].at,
                    translate(
                        "compose.personalize", "“{{{keyword}}}” takes nothing after its name."
                    ).format(keyword=keyword),
                    translate("compose.personalize", "Remove the extra text."),
                )
            if keyword == "ldelim":
                body.append("{")
            elif keyword == "rdelim":
                body.append("}")
            elif keyword == "literal":
                end = _LITERAL_END.search(source, pos)
                if end is None:
                    raise self.error(
                        start,
                        translate("compose.personalize", "“{literal}” is never closed."),
                        translate(
                            "compose.personalize", "Add {/literal} where the kept text ends."
                        ),
                    )
                body.append(source[pos : end.start()])
                pos = end.end()
            elif keyword == "/literal":
                raise self.error(
                    start,
                    translate("compose.personalize", "“{/literal}” closes nothing."),
                    translate("compose.personalize", "Remove it, or add {literal} before it."),
                )
            elif keyword == "if":
                if len(stack) >= MAX_DEPTH:
                    raise self.error(
                        start,
                        translate(
                            "compose.personalize",
                            "More than {MAX_DEPTH} {{if}} blocks are nested here.",
                        ).format(MAX_DEPTH=MAX_DEPTH),
                        translate("compose.personalize", "Simplify the template."),
                    )
                stack.append((start, [], self._condition(rest, start, keyword), body))
                body = []
            elif keyword in ("elseif", "else"):
                if not stack:
                    raise self.error(
                        start,
                        translate(
                            "compose.personalize", "“{{{keyword}}}” is outside any {{if}}."
                        ).format(keyword=keyword),
                        translate("compose.personalize", "Add the {if} it belongs to."),
                    )
                opened, branches, condition, parent = stack[-1]
                if condition is None and branches:
                    raise self.error(
                        start,
                        translate(
                            "compose.personalize", "“{{{keyword}}}” follows {{else}}."
                        ).format(keyword=keyword),
                        translate("compose.personalize", "{else} must be the last branch."),
                    )
                branches.append(Branch(condition, tuple(body)))
                new_condition = (
                    self._condition(rest, start, keyword) if keyword == "elseif" else None
                )
                stack[-1] = (opened, branches, new_condition, parent)
                body = []
            else:  # "/if"
                if not stack:
                    raise self.error(
                        start,
                        translate("compose.personalize", "“{/if}” closes nothing."),
                        translate("compose.personalize", "Remove it, or add the {if} it closes."),
                    )
                _, branches, condition, parent = stack.pop()
                branches.append(Branch(condition, tuple(body)))
                parent.append(If(tuple(branches)))
                body = parent
        if stack:
            raise self.error(
                stack[-1][0],
                translate("compose.personalize", "This {if} is never closed."),
                translate("compose.personalize", "Add {/if} where its text ends."),
            )
        return tuple(_joined(root))

    def _tag_tokens(self, start: int) -> tuple[list[_Token], int]:
        """The tokens of the tag at ``start`` (past its "{"), and the position after its "}"."""
        tokens: list[_Token] = []
        pos = start + 1
        source = self.source
        while True:
            match = _TOKEN.match(source, pos)
            if match is None:
                # A tag stays on its line: "{$name" and then a new line is a tag never closed,
                # which says more than an error about whatever text follows it.
                if pos >= len(source) or source[pos] in "\r\n":
                    raise self.error(
                        start,
                        translate("compose.personalize", "“{excerpt}” is never closed.").format(
                            excerpt=_excerpt(source, start)
                        ),
                        translate("compose.personalize", "Add the closing }."),
                    )
                if source[pos] in "\"'":
                    raise self.error(
                        pos,
                        translate("compose.personalize", "This quoted text is never closed."),
                        translate("compose.personalize", "Add the closing quote."),
                    )
                raise self.error(
                    pos,
                    translate(
                        "compose.personalize", "“{value}” cannot stand in “{excerpt}”."
                    ).format(value=source[pos], excerpt=_excerpt(source, start)),
                    translate("compose.personalize", "Check the placeholder's spelling."),
                )
            kind = match.lastgroup or ""
            if kind == "end":
                if not tokens:
                    raise self.error(
                        start,
                        translate("compose.personalize", "“{}” is empty."),
                        translate("compose.personalize", "Remove it or write {ldelim}{rdelim}."),
                    )
                return tokens, match.end()
            if kind != "space":
                tokens.append(_Token(kind, match.group(), match.start()))
            pos = match.end()

    def _condition(self, tokens: list[_Token], start: int, keyword: str) -> Expr:
        if not tokens:
            raise self.error(
                start,
                translate("compose.personalize", "“{{{keyword}}}” needs a condition.").format(
                    keyword=keyword
                ),
                translate("compose.personalize", "Write it as {{{keyword} $column}}.").format(
                    keyword=keyword
                ),
            )
        return self._expression(tokens, start)

    # Expressions ----------------------------------------------------------------------

    def _expression(self, tokens: list[_Token], start: int) -> Expr:
        reader = _Reader(self, tokens, start)
        expr = reader.or_expr()
        if not reader.done():
            token = reader.peek()
            raise self.error(
                token.at,
                translate("compose.personalize", "“{text}” is unexpected here.").format(
                    text=token.text
                ),
                translate("compose.personalize", "Check the placeholder's spelling."),
            )
        return expr


class _Reader:
    """Recursive descent over one tag's tokens: or > and > comparison > sum > product > unary."""

    _COMPARE = ("==", "!=", ">=", "<=", ">", "<")

    def __init__(self, parser: _Parser, tokens: list[_Token], start: int) -> None:
        self.parser = parser
        self.tokens = tokens
        self.start = start
        self.index = 0
        self.depth = 0

    def done(self) -> bool:
        return self.index >= len(self.tokens)

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def _op(self) -> str | None:
        if self.done():
            return None
        token = self.peek()
        if token.kind == "op":
            return _WORD_OPS.get(token.text, token.text)
        if token.kind == "word":
            return _WORD_OPS.get(token.text.lower())
        return None

    def _need(self, what: str) -> _Token:
        if self.done():
            at = self.tokens[-1].at + len(self.tokens[-1].text) if self.tokens else self.start
            raise self.parser.error(
                at,
                translate(
                    "compose.personalize", "{what} is missing at the end of the placeholder."
                ).format(what=what),
                translate("compose.personalize", "Complete it."),
            )
        token = self.tokens[self.index]
        self.index += 1
        return token

    def or_expr(self) -> Expr:
        left = self.and_expr()
        while self._op() == "OR":
            self.index += 1
            left = Binary("OR", left, self.and_expr())
        return left

    def and_expr(self) -> Expr:
        left = self.comparison()
        while self._op() == "AND":
            self.index += 1
            left = Binary("AND", left, self.comparison())
        return left

    def comparison(self) -> Expr:
        left = self.sum()
        op = self._op()
        if op in self._COMPARE:
            self.index += 1
            left = Binary(op, left, self.sum())
        return left

    def sum(self) -> Expr:
        left = self.product()
        while (op := self._op()) in ("+", "-"):
            self.index += 1
            left = Binary(op, left, self.product())
        return left

    def product(self) -> Expr:
        left = self.unary()
        while (op := self._op()) in ("*", "/", "%"):
            self.index += 1
            left = Binary(op, left, self.unary())
        return left

    def unary(self) -> Expr:
        op = self._op()
        if op in ("!", "-"):
            self.index += 1
            return Unary(op, self.unary_bounded())
        return self.modified()

    def unary_bounded(self) -> Expr:
        self._enter()
        try:
            return self.unary()
        finally:
            self.depth -= 1

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.parser.error(
                self.start,
                translate("compose.personalize", "This placeholder is nested too deeply."),
                translate("compose.personalize", "Simplify it."),
            )

    def modified(self) -> Expr:
        expr = self.primary()
        while self._op() == "|":
            self.index += 1
            name = self._need("A modifier's name")
            if name.kind != "word" or name.text.lower() not in _MODIFIERS:
                known = ", ".join(sorted(_MODIFIERS))
                raise self.parser.error(
                    name.at,
                    translate("compose.personalize", "“{text}” is not a modifier.").format(
                        text=name.text
                    ),
                    translate("compose.personalize", "Use one of: {known}.").format(known=known),
                )
            args: list[Expr] = []
            while self._op() == ":":
                self.index += 1
                args.append(self.primary())
            modifier = name.text.lower()
            most = _MODIFIERS[modifier][1]
            if len(args) > most:
                raise self.parser.error(
                    name.at,
                    (
                        translate("compose.personalize", "“{modifier}” takes at most 1 argument.")
                        if most == 1
                        else translate(
                            "compose.personalize", "“{modifier}” takes at most {most} arguments."
                        )
                    ).format(modifier=modifier, most=most),
                    translate("compose.personalize", "Remove the rest."),
                )
            expr = Modified(expr, modifier, tuple(args))
        return expr

    def primary(self) -> Expr:
        token = self._need("A value")
        if token.kind == "var":
            return _variable(token.text)
        if token.kind == "string":
            return Const(_unquote(token.text))
        if token.kind == "number":
            number = float(token.text)
            return Const(int(number) if number.is_integer() and "." not in token.text else number)
        if token.kind == "word" and token.text.lower() in ("true", "false"):
            return Const(token.text.lower() == "true")
        if token.text == "(":
            self._enter()
            try:
                expr = self.or_expr()
            finally:
                self.depth -= 1
            if self.done() or self.peek().text != ")":
                raise self.parser.error(
                    token.at,
                    translate("compose.personalize", "“(” is never closed."),
                    translate("compose.personalize", "Add the “)”."),
                )
            self.index += 1
            return expr
        if token.kind == "word":
            raise self.parser.error(
                token.at,
                translate(
                    "compose.personalize", "“{text}” is neither a value nor a variable."
                ).format(text=token.text),
                translate(
                    "compose.personalize",
                    'Variables start with $: write ${text}, or quote text as "{text}".',
                ).format(text=token.text),
            )
        raise self.parser.error(
            token.at,
            translate("compose.personalize", "“{text}” is unexpected here.").format(
                text=token.text
            ),
            translate("compose.personalize", "Check the placeholder's spelling."),
        )


def _variable(text: str) -> Var:
    name_match = re.match(_NAME, text[1:])
    assert name_match is not None  # the scanner only makes var tokens that start with a name
    name = name_match.group()
    path: list[str | int] = []
    for part in _PATH_PART.finditer(text, 1 + len(name)):
        key, index = part.groups()
        path.append(int(index) if index is not None else key)
    return Var(name, tuple(path), text)


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text[1:-1])


def _excerpt(source: str, start: int) -> str:
    line_end = source.find("\n", start)
    piece = source[start : line_end if line_end >= 0 else len(source)]
    return piece if len(piece) <= 40 else piece[:39] + "…"


def _joined(nodes: list[Node]) -> Iterator[Node]:
    """Adjacent pieces of text as one."""
    text: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            text.append(node)
            continue
        if text:
            yield "".join(text)
            text = []
        yield node
    if text:
        yield "".join(text)


# Rendering ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Rendering:
    """One recipient's text, and the variables it used that had no value and no default."""

    text: str
    missing: tuple[str, ...]


class _Render:
    def __init__(self, data: Mapping[str, Any], quote: Callable[[str], str] | None) -> None:
        self.data = data
        self.quote = quote
        self.out: list[str] = []
        self.missing: dict[str, None] = {}

    def nodes(self, nodes: Sequence[Node]) -> None:
        # Blocks nest at most MAX_DEPTH deep (the parser refuses more), so recursion is bounded.
        for node in nodes:
            if isinstance(node, str):
                self.out.append(node)
            elif isinstance(node, Output):
                text = _text(self.value(node.expr))
                if not text and not _has_default(node.expr):
                    empty = (n for n in _vars(node.expr) if _text(_lookup(self.data, n)) == "")
                    self.missing.update(dict.fromkeys(v.name for v in empty))
                self.out.append(self.quote(text) if self.quote else text)
            else:
                for branch in node.branches:
                    if branch.condition is None or _truth(self.value(branch.condition)):
                        self.nodes(branch.body)
                        break

    def value(self, expr: Expr) -> Any:
        if isinstance(expr, Const):
            return expr.value
        if isinstance(expr, Var):
            return _lookup(self.data, expr)
        if isinstance(expr, Modified):
            function, _ = _MODIFIERS[expr.modifier]
            return function(self.value(expr.operand), *(self.value(a) for a in expr.args))
        if isinstance(expr, Unary):
            operand = self.value(expr.operand)
            return not _truth(operand) if expr.op == "!" else -_number(operand)
        return self.binary(expr)

    def binary(self, expr: Binary) -> Any:
        if expr.op == "AND":
            return _truth(self.value(expr.left)) and _truth(self.value(expr.right))
        if expr.op == "OR":
            return _truth(self.value(expr.left)) or _truth(self.value(expr.right))
        left, right = self.value(expr.left), self.value(expr.right)
        if expr.op in ("==", "!=", ">", "<", ">=", "<="):
            a: Any
            b: Any
            if _numeric(left) and _numeric(right):
                a, b = _number(left), _number(right)
            else:
                a, b = _text(left), _text(right)
            return {
                "==": a == b,
                "!=": a != b,
                ">": a > b,
                "<": a < b,
                ">=": a >= b,
                "<=": a <= b,
            }[expr.op]
        x, y = _number(left), _number(right)
        if expr.op == "+":
            return x + y
        if expr.op == "-":
            return x - y
        if expr.op == "*":
            return x * y
        if y == 0:
            return 0  # SMTPeter documents no error for this; nothing sensible to print but zero
        return x / y if expr.op == "/" else x % y


def _lookup(data: Mapping[str, Any], var: Var) -> Any:
    if var.name not in data:
        return UNDEFINED
    value: Any = data[var.name]
    for step in var.path:
        if isinstance(value, Mapping):
            if isinstance(step, int) and step not in value:
                keys = list(value)
                value = value[keys[step]] if step < len(keys) else UNDEFINED
            else:
                value = value.get(str(step), UNDEFINED)
        elif isinstance(value, list) and isinstance(step, int):
            value = value[step] if step < len(value) else UNDEFINED
        else:
            return UNDEFINED
        if value is UNDEFINED:
            return value
    return UNDEFINED if value is None else value


def _vars(expr: Expr) -> Iterator[Var]:
    if isinstance(expr, Var):
        yield expr
    elif isinstance(expr, Modified):
        yield from _vars(expr.operand)
        for arg in expr.args:
            yield from _vars(arg)
    elif isinstance(expr, Unary):
        yield from _vars(expr.operand)
    elif isinstance(expr, Binary):
        yield from _vars(expr.left)
        yield from _vars(expr.right)


def _names(expr: Expr) -> Iterator[str]:
    return (var.name for var in _vars(expr))


def _has_default(expr: Expr) -> bool:
    if isinstance(expr, Modified):
        return expr.modifier == "default" or _has_default(expr.operand)
    return False


def _all_names(nodes: Sequence[Node]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, Output):
            yield from _names(node.expr)
        elif isinstance(node, If):
            for branch in node.branches:
                if branch.condition is not None:
                    yield from _names(branch.condition)
                yield from _all_names(branch.body)


@dataclasses.dataclass(frozen=True)
class Template:
    """A parsed template: render it once per recipient.

    Attributes:
        source: the text it was read from.
        nodes: text, placeholders and {if} blocks, in order.
        variables: the names of the data it uses (``firstname`` for ``{$firstname.x|upper}``),
            in order of first use; a list without one of these columns cannot fill it.
    """

    source: str
    nodes: tuple[Node, ...]
    variables: tuple[str, ...]

    @property
    def personal(self) -> bool:
        """Whether the text depends on the recipient at all."""
        return any(not isinstance(node, str) for node in self.nodes)

    def render(
        self, data: Mapping[str, Any], *, quote: Callable[[str], str] | None = None
    ) -> Rendering:
        """The text for one recipient; ``quote`` is applied to each placeholder's value
        (to keep a value's own ``*`` or ``<`` from becoming Markdown or HTML, say)."""
        render = _Render(data, quote)
        render.nodes(self.nodes)
        return Rendering("".join(render.out), tuple(render.missing))


def parse(source: str, *, where: str = "") -> Template:
    """Read ``source`` as a template; ``where`` ("The subject") names it in errors.

    Raises:
        TemplateError: with the line and column of the first thing that cannot be read.
    """
    nodes = _Parser(source, where).parse()
    return Template(source, nodes, tuple(dict.fromkeys(_all_names(nodes))))
