"""SMTPeter's personalisation, as the sandbox applies it to a REST send that carries data.

A send may give ``data`` (one object for every recipient) or ``recipients`` as an object
keyed by address, each with its own data (``rest-send-personalize.md``). SMTPeter then makes
one message per recipient, with ``{$name}`` placeholders filled in the ``from``, ``to``,
``cc``, ``replyto`` and ``subject`` fields, the ``text`` and ``html``, or the whole ``mime``;
``recipient`` and ``envelope`` are there without being given.

This is the sandbox's own small reading of that syntax, written apart from the app's
``compose.personalize`` so that a mistake there cannot hide behind the same mistake here. It
covers what a merge needs and no more:

- ``{$name}``, with ``.key`` and ``[n]`` steps into objects and arrays;
- the modifiers ``default:"text"``, ``upper``, ``lower``, ``ucfirst`` and ``escape``;
- ``{if C}``, ``{elseif C}``, ``{else}``, ``{/if}``, where C is a value, ``!`` or ``not`` and
  a value, or two values compared with ``==``, ``!=``, ``<``, ``>``, ``<=`` or ``>=``; a value
  is a variable (with modifiers), a quoted text or a number;
- ``{ldelim}`` and ``{rdelim}`` for literal braces.

A ``{`` not followed by ``$`` or one of those words is text (CSS, code). Anything else in a
tag, or a tag never closed, is refused with a sentence: the sandbox would rather say what it
cannot read than guess. A ``mime`` is read as text, so a placeholder inside a base64 part,
or one split by a quoted-printable soft line break, stays as it was.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

MAX_NESTING = 32

_TAG = re.compile(r"\{(\$|/?if\b|elseif\b|else\}|ldelim\}|rdelim\})")
_VALUE = re.compile(
    r"""\s*(?:
        (?P<var>\$[A-Za-z][\w-]*(?:\.[\w-]+|\[\d+\])*(?:\|[a-z]+(?::(?:"[^"]*"|'[^']*'|[\w.-]+))*)*)
      | (?P<text>"[^"]*"|'[^']*')
      | (?P<number>-?\d+(?:\.\d+)?)
    )\s*""",
    re.VERBOSE,
)
_STEP = re.compile(r"\.([\w-]+)|\[(\d+)\]")
_MODIFIER = re.compile(r"\|([a-z]+)((?::(?:\"[^\"]*\"|'[^']*'|[\w.-]+))*)")
_ARGUMENT = re.compile(r":(\"[^\"]*\"|'[^']*'|[\w.-]+)")
_COMPARE = re.compile(r"\s*(==|!=|<=|>=|<|>)")


class PersonalError(ValueError):
    """A placeholder the sandbox cannot read; the text says where."""


def render(source: str, data: Mapping[str, Any], field: str) -> str:
    """``source`` with its placeholders filled from ``data``; ``field`` names it in errors."""
    out: list[str] = []
    # Each open {if}: (whether a branch was taken already, whether this branch is shown).
    stack: list[tuple[bool, bool]] = []
    pos = 0
    while True:
        match = _TAG.search(source, pos)
        if match is None:
            if stack:
                raise PersonalError(f'"{field}": an {{if}} is never closed with {{/if}}.')
            _emit(out, stack, source[pos:])
            return "".join(out)
        _emit(out, stack, source[pos : match.start()])
        end = source.find("}", match.start())
        line_end = source.find("\n", match.start())
        if end < 0 or (0 <= line_end < end):
            raise PersonalError(
                f'"{field}": the placeholder at character {match.start() + 1} is never closed.'
            )
        tag = source[match.start() + 1 : end]
        pos = end + 1
        word = tag.split(None, 1)[0] if tag.strip() else ""
        if tag.startswith("$"):
            _emit(out, stack, _text(_value(tag, data, field)))
        elif tag == "ldelim":
            _emit(out, stack, "{")
        elif tag == "rdelim":
            _emit(out, stack, "}")
        elif word == "if":
            if len(stack) >= MAX_NESTING:
                raise PersonalError(f'"{field}": {{if}} blocks nest too deeply.')
            shown = _shown(stack) and _condition(tag[2:], data, field)
            stack.append((shown, shown))
        elif word in ("elseif", "else"):
            if not stack:
                raise PersonalError(f'"{field}": {{{word}}} outside any {{if}}.')
            taken, _ = stack.pop()
            shown = not taken and _shown(stack)
            if word == "elseif":
                shown = shown and _condition(tag[6:], data, field)
            stack.append((taken or shown, shown))
        elif tag == "/if":
            if not stack:
                raise PersonalError(f'"{field}": {{/if}} closes nothing.')
            stack.pop()
        else:
            raise PersonalError(f'"{field}": the sandbox cannot read the tag {{{tag}}}.')


def _shown(stack: list[tuple[bool, bool]]) -> bool:
    return all(shown for _, shown in stack)


def _emit(out: list[str], stack: list[tuple[bool, bool]], text: str) -> None:
    if text and _shown(stack):
        out.append(text)


def _condition(text: str, data: Mapping[str, Any], field: str) -> bool:
    text = text.strip()
    negate = False
    if text.startswith("!"):
        negate, text = True, text[1:]
    elif text.startswith("not "):
        negate, text = True, text[4:]
    left, rest = _operand(text, data, field)
    compare = _COMPARE.match(rest)
    if compare is None:
        if rest.strip():
            raise PersonalError(f'"{field}": the sandbox cannot read the condition “{text}”.')
        result = _truth(left)
    else:
        right, tail = _operand(rest[compare.end() :], data, field)
        if tail.strip():
            raise PersonalError(f'"{field}": the sandbox cannot read the condition “{text}”.')
        result = _compare(compare.group(1), left, right)
    return result != negate


def _operand(text: str, data: Mapping[str, Any], field: str) -> tuple[Any, str]:
    match = _VALUE.match(text)
    if match is None or not match.group().strip():
        raise PersonalError(f'"{field}": the sandbox cannot read the condition “{text}”.')
    if match.group("var"):
        return _value(match.group("var"), data, field), text[match.end() :]
    if match.group("text"):
        return match.group("text")[1:-1], text[match.end() :]
    return float(match.group("number")), text[match.end() :]


def _value(tag: str, data: Mapping[str, Any], field: str) -> Any:
    """A ``$name.path|modifier:arg`` expression's value."""
    name = re.match(r"\$([A-Za-z][\w-]*)", tag)
    if name is None:
        raise PersonalError(f'"{field}": the sandbox cannot read the tag {{{tag}}}.')
    value: Any = data.get(name.group(1))
    pos = name.end()
    for step in _STEP.finditer(tag, pos):
        if step.start() != pos:
            break
        pos = step.end()
        key = step.group(1) if step.group(1) is not None else step.group(2)
        if isinstance(value, Mapping):
            value = value.get(key)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            value = None
    for modifier in _MODIFIER.finditer(tag, pos):
        if modifier.start() != pos:
            break
        pos = modifier.end()
        args = [_unquote(a) for a in _ARGUMENT.findall(modifier.group(2))]
        value = _modify(modifier.group(1), value, args, field)
    if tag[pos:].strip():
        raise PersonalError(f'"{field}": the sandbox cannot read the tag {{{tag}}}.')
    return value


def _modify(name: str, value: Any, args: list[str], field: str) -> Any:
    if name == "default":
        return (args[0] if args else "") if value is None or _text(value) == "" else value
    if name == "upper":
        return _text(value).upper()
    if name == "lower":
        return _text(value).lower()
    if name == "ucfirst":
        text = _text(value)
        return text[:1].upper() + text[1:]
    if name == "escape":
        return html.escape(_text(value))
    raise PersonalError(f'"{field}": the sandbox does not know the modifier “{name}”.')


def _unquote(text: str) -> str:
    return text[1:-1] if text[:1] in "\"'" else text


def _text(value: Any) -> str:
    if value is None or isinstance(value, (list, dict)):
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _truth(value: Any) -> bool:
    if isinstance(value, (list, dict)):
        return bool(value)
    return _text(value) not in ("", "0")


def _compare(op: str, left: Any, right: Any) -> bool:
    a: Any
    b: Any
    try:
        a, b = float(_text(left)), float(_text(right))
    except ValueError:
        a, b = _text(left), _text(right)
    results: dict[str, bool] = {
        "==": a == b,
        "!=": a != b,
        "<": a < b,
        ">": a > b,
        "<=": a <= b,
        ">=": a >= b,
    }
    return results[op]


_FIELDS = ("from", "to", "cc", "replyto", "subject", "text", "html", "mime")


def split(request: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    """One send request per recipient, each filled with its own data; ``None`` when the
    request carries no data (then it is kept byte for byte, as it came).

    Raises ``PersonalError`` for data of the wrong shape or a placeholder it cannot read.
    """
    recipients = request.get("recipients")
    if isinstance(recipients, dict):
        people = list(recipients.items())
        for address, data in people:
            if data is not None and not isinstance(data, dict):
                raise PersonalError(
                    f'The data of {address!r} in "recipients" must be an object of names '
                    "and values."
                )
    elif "data" in request:
        if not isinstance(request["data"], dict):
            raise PersonalError('"data" must be an object of names and values.')
        if isinstance(recipients, list):
            addresses = recipients
        else:
            addresses = [request.get("recipient")]
        people = [(address, request["data"]) for address in addresses]
    else:
        return None
    return [_one(request, address, data or {}) for address, data in people]


def _one(request: Mapping[str, Any], address: Any, data: Mapping[str, Any]) -> dict[str, Any]:
    one = {k: v for k, v in request.items() if k not in ("recipients", "data")}
    one["recipient"] = address
    if not isinstance(address, str):
        return one  # read_send says what is wrong with it
    values = {**data, "recipient": address, "envelope": request.get("envelope", "")}
    for field in _FIELDS:
        value = one.get(field)
        if isinstance(value, str):
            one[field] = render(value, values, field)
        elif isinstance(value, list):
            one[field] = [render(v, values, field) if isinstance(v, str) else v for v in value]
    extra = one.get("extra")
    if isinstance(extra, dict):
        one["extra"] = {
            k: render(v, values, f"extra {k}") if isinstance(v, str) else v
            for k, v in extra.items()
        }
    return one


def fill(text: str, data: Mapping[str, Any], *, html: bool) -> str:
    """A stored template's *text* filled from a send's *data*: in HTML every value is
    escaped first, so data can never add markup to a template."""
    return render(text, _escaped(data) if html else data, "template")


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, Mapping):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value
