"""The sandbox's personalisation: ``{$name}`` placeholders filled from a send's ``data``.

Just enough of SMTPeter's syntax for the stored templates: ``{$name}``, ``{$a.b}`` and
``{$name|default:"text"}``. A name without a value becomes empty, as SMTPeter leaves it. In
HTML the values are escaped, so data can never add markup. (The app's full reader of the
syntax is ``compose.personalize``; the sandbox may not import the app's other layers.)
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Mapping

__all__ = ["fill", "names"]

_PLACEHOLDER = re.compile(r"""\{\$([A-Za-z_][\w.]*)(?:\|default:(?:"([^"]*)"|'([^']*)'))?\}""")


def _lookup(data: Mapping[str, object], path: str) -> object:
    value: object = data
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def fill(text: str, data: Mapping[str, object], *, html: bool) -> str:
    """*text* with each placeholder replaced by its value in *data* (escaped for HTML)."""

    def value(found: re.Match[str]) -> str:
        got = _lookup(data, found.group(1))
        if got is None or got == "":
            got = found.group(2) or found.group(3) or ""
        shown = str(got).lower() if isinstance(got, bool) else str(got)
        return html_module.escape(shown) if html else shown

    return _PLACEHOLDER.sub(value, text)


def names(text: str) -> list[str]:
    """The placeholder names in *text*, in order of first use."""
    return list(dict.fromkeys(found.group(1) for found in _PLACEHOLDER.finditer(text)))
