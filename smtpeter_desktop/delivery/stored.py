"""A send's stored error and receipt, read into plain values with json alone, for the lists.

The outbox shows the error kept with a message that failed, the Sent list the receipt kept
with one that went. The model that writes them (``outcomes.ErrorInfo``, the transports'
``Receipt``) brings dataclasses, enum, typing and, through ``names``, the mailbox: 25-40 ms
that a command line list reading two JSON texts does not need. ``ErrorInfo.from_json`` reads
an error through :func:`error_fields`; a receipt is read here as ``Receipt.from_dict`` reads
it (tests/delivery/test_stored.py holds the two ways equal), and split into refused and
deferred recipients as ``outcomes.refused_of`` and ``deferred_of`` split them.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False  # typing: about 6 ms of a list, for the type checkers alone
if TYPE_CHECKING:
    from typing import Any

KINDS = frozenset(
    {
        "auth",
        "tls",
        "config",
        "rejected",
        "busy",
        "connection",
        "cancelled",
        "deferred",
        "unrecorded",
        "setup",
        "interrupted",
        "bug",
    }
)
"""The values of ``outcomes.ErrorKind``: the kinds an error is stored with."""
UNREADABLE = "The stored reason could not be read."

# (address, code, text): a recipient the server refused, as ``Rejection`` holds it.
Refusal = tuple[str, int, str]


class Receipt:
    """What the Sent list shows of a stored receipt.

    Attributes:
        message_ids: SMTPeter's message id and its recipient, in the stored order (REST).
        reply: the server's final reply (SMTP).
        refused: the recipients refused for good (5xx), as ``outcomes.refused_of``.
        deferred: the recipients put off for now, as ``outcomes.deferred_of``.
    """

    __slots__ = ("deferred", "message_ids", "refused", "reply")

    def __init__(self, data: dict[str, Any]) -> None:
        """Raises ValueError, TypeError, KeyError or AttributeError where ``Receipt.from_dict``
        does: the text was not written by this app."""
        if data["transport"] not in ("smtp", "rest"):
            raise ValueError(f"Unknown transport {data['transport']!r} in a stored receipt.")
        for address in data.get("accepted", ()):
            str(address)
        rejected = _refusals(data.get("rejected", ()))
        deferred = _refusals(data.get("deferred", ()))
        self.message_ids = tuple(
            (str(key), str(value)) for key, value in data.get("message_ids", {}).items()
        )
        self.reply = str(data.get("reply", ""))
        for name, seconds in data.get("timings", ()):
            str(name), float(seconds)
        self.refused = tuple(r for r in rejected if not is_temporary(r[1]))
        listed = {r[0] for r in deferred}
        self.deferred = deferred + tuple(
            r for r in rejected if is_temporary(r[1]) and r[0] not in listed
        )


def is_temporary(code: int) -> bool:
    """A refusal for now (4xx): the same recipient may be taken later."""
    return 400 <= code < 500


def receipt(text: str) -> Receipt:
    """The receipt stored as ``text``; the errors of :class:`Receipt` for one not ours."""
    return Receipt(json.loads(text))


def error_fields(text: str | None) -> dict[str, Any] | None:
    """The fields of an error stored as ``text`` (``ErrorInfo.to_json``), each of its type,
    ``kind`` one of :data:`KINDS`; one of kind ``bug`` saying :data:`UNREADABLE` for a text
    that is not such an error; None when nothing is stored."""
    if not text:
        return None
    try:
        data = json.loads(text)
        kind = data.get("kind", "bug")
        if kind not in KINDS:
            raise ValueError(kind)
    except (ValueError, TypeError, AttributeError):
        return {**_DEFAULTS, "message": UNREADABLE}
    return {
        "kind": kind,
        "message": str(data.get("message", "")),
        "hint": str(data.get("hint", "")),
        "retryable": bool(data.get("retryable", False)),
        "maybe_accepted": bool(data.get("maybe_accepted", kind == "interrupted")),
        "server_reply": str(data.get("server_reply", "")),
        "retry_after": data.get("retry_after"),
    }


def error_text(text: str | None) -> str | None:
    """What a person reads of a stored error: its message and hint as one paragraph
    (``ErrorInfo.text``); None when nothing is stored."""
    fields = error_fields(text)
    if fields is None:
        return None
    return f"{fields['message']} {fields['hint']}".strip()


_DEFAULTS: dict[str, Any] = {
    "kind": "bug",
    "message": "",
    "hint": "",
    "retryable": False,
    "maybe_accepted": False,
    "server_reply": "",
    "retry_after": None,
}


def _refusals(items: Any) -> tuple[Refusal, ...]:
    return tuple((str(r["address"]), _code(r["code"]), str(r["text"])) for r in items)


def _code(value: Any) -> int:
    # As transport.base.reply_code (not imported: it would bring the transport's model):
    # int() of an infinite float, which JSON reads from 1e400, is an OverflowError.
    try:
        return int(value)
    except OverflowError as exc:
        raise ValueError(f"{value!r} is not a reply code") from exc
