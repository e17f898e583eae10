"""The one way a user-visible string reaches the user: ``translate(context, text)``.

Qt-free, so the window, the CLI and the core's wording share one catalogue. ``pyside6-lupdate``
extracts every ``translate("Context", "literal")`` call (the context and text must be literals;
format after translating: ``translate("Ctx", "Sent to {address}").format(address=a)``). Plurals
pass ``n`` and write ``%n`` in the text, as Qt does.
"""

from __future__ import annotations

from collections.abc import Callable

_lookup: Callable[[str, str, int], str] | None = None


def translate(context: str, text: str, n: int = -1) -> str:
    """The text in the user's language, or the English text when none is installed."""
    result = _lookup(context, text, n) if _lookup is not None else text
    return result.replace("%n", str(n)) if n >= 0 else result


def install(lookup: Callable[[str, str, int], str] | None) -> None:
    """Use ``lookup`` (context, text, n) -> translation from now on; None goes back to English."""
    global _lookup
    _lookup = lookup
