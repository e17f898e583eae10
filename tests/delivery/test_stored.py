"""The lists' light reading of a stored error and receipt (delivery/stored.py) says what the
delivery model says of the same text, for every text the app writes and for texts it never
would (changed by hand or by another program)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smtpeter_desktop.delivery import stored
from smtpeter_desktop.delivery.names import Receipt, Rejection
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, deferred_of, refused_of
from smtpeter_desktop.transport.errors import AuthError, ServerBusy


def test_the_kinds_are_the_models_kinds() -> None:
    assert {kind.value for kind in ErrorKind} == stored.KINDS


def _errors() -> list[str | None]:
    written = [
        ErrorInfo.of(AuthError("The password was refused.", "Check it.")),
        ErrorInfo.of(ServerBusy("Busy.", server_reply="421 later", retry_after=30.0)),
        ErrorInfo(ErrorKind.INTERRUPTED, "Cut off."),
    ]
    return [
        *(info.to_json() for info in written),
        None,
        "",
        "not json",
        "[1, 2]",
        "null",
        "7",
        json.dumps({"kind": "no such kind", "message": "x"}),
        json.dumps({"kind": ["a list"], "message": "x"}),
        json.dumps({"message": "no kind", "hint": 5}),
        json.dumps({"kind": "interrupted", "message": "m"}),
        json.dumps({"kind": "busy", "message": "m", "retryable": 1, "retry_after": 2}),
    ]


@pytest.mark.parametrize("text", _errors())
def test_an_error_reads_as_the_model_reads_it(text: str | None) -> None:
    info = ErrorInfo.from_json(text)
    if info is None:
        assert stored.error_text(text) is None
    else:
        assert stored.error_text(text) == info.text


def test_a_text_that_is_no_error_is_a_sentence_not_a_traceback() -> None:
    # Before, a JSON list raised AttributeError out of from_json (a traceback in the outbox).
    assert ErrorInfo.from_json("[1, 2]") == ErrorInfo(ErrorKind.BUG, stored.UNREADABLE)


def _plain(receipt: Receipt) -> tuple[Any, ...]:
    def refusals(items: tuple[Rejection, ...]) -> tuple[tuple[str, int, str], ...]:
        return tuple((r.address, r.code, r.text) for r in items)

    return (
        tuple(receipt.message_ids.items()),
        receipt.reply,
        refusals(refused_of(receipt)),
        refusals(deferred_of(receipt)),
    )


_REJECTION = st.fixed_dictionaries(
    {
        "address": st.one_of(st.text(max_size=8), st.integers()),
        "code": st.one_of(st.integers(200, 600), st.text(max_size=3), st.floats()),
        "text": st.text(max_size=8),
    }
)
_RECEIPT = st.fixed_dictionaries(
    {"transport": st.sampled_from(["smtp", "rest", "fax", 3])},
    optional={
        "accepted": st.one_of(st.lists(st.text(max_size=5)), st.integers()),
        "rejected": st.one_of(st.lists(_REJECTION, max_size=3), st.lists(st.integers())),
        "deferred": st.lists(_REJECTION, max_size=3),
        "message_ids": st.one_of(
            st.dictionaries(st.text(max_size=5), st.text(max_size=5)), st.lists(st.text())
        ),
        "reply": st.one_of(st.text(max_size=8), st.integers()),
        "timings": st.one_of(
            st.lists(st.tuples(st.text(max_size=4), st.floats(allow_nan=False))),
            st.lists(st.tuples(st.text(max_size=4), st.text(max_size=3))),
            st.lists(st.integers()),
        ),
    },
)


@given(st.one_of(_RECEIPT, st.lists(st.integers()), st.none(), st.text(max_size=5)))
def test_a_receipt_reads_as_the_model_reads_it_or_fails_where_it_fails(data: Any) -> None:
    errors = (ValueError, TypeError, KeyError, AttributeError)
    text = json.dumps(data)
    try:
        expected = _plain(Receipt.from_dict(json.loads(text)))
    except errors:
        with pytest.raises(errors):
            stored.receipt(text)
        return
    found = stored.receipt(text)
    assert (found.message_ids, found.reply, found.refused, found.deferred) == expected


def test_a_written_receipt_with_refused_and_deferred_recipients_reads_alike() -> None:
    receipt = Receipt(
        "smtp",
        ("ann@example.org",),
        rejected=(Rejection("bob@example.org", 550, "no such user"),
                  Rejection("carl@example.org", 451, "try later")),
        deferred=(Rejection("dan@example.org", 452, "full"),),
        reply="250 queued",
        timings=(("connect", 0.1),),
    )  # fmt: skip
    found = stored.receipt(json.dumps(receipt.to_dict()))
    assert (found.message_ids, found.reply, found.refused, found.deferred) == _plain(receipt)
    assert found.refused == (("bob@example.org", 550, "no such user"),)
    assert [r[0] for r in found.deferred] == ["dan@example.org", "carl@example.org"]


@pytest.mark.parametrize("code", ["1e400", "-1e400", "Infinity", "NaN"])
def test_a_receipt_with_a_code_that_is_no_number_is_damaged_not_a_crash(code: str) -> None:
    text = (
        '{"transport": "smtp", "rejected": '
        f'[{{"address": "bob@example.org", "code": {code}, "text": "no"}}]}}'
    )
    with pytest.raises(ValueError):
        Receipt.from_dict(json.loads(text))
    with pytest.raises(ValueError):
        stored.receipt(text)
