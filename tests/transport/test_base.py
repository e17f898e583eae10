"""The shared parts: message sources, the cancel token, receipts and check reports."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.errors import Rejection
from tests.transport.conftest import make_message


def test_sources_read_the_same_bytes(tmp_path: Path) -> None:
    data = make_message() * 3000
    path = tmp_path / "m.eml"
    path.write_bytes(data)
    for source in (base.BytesMessage(data), base.FileMessage(path)):
        assert isinstance(source, base.MessageSource)
        assert source.size == len(data)
        assert b"".join(base.chunks(source)) == data
        assert all(len(c) <= base.CHUNK for c in base.chunks(source))
        with source.open() as stream:
            assert stream.read() == data  # and again, from the start
        assert "size" in repr(source) or "m.eml" in repr(source)


def test_message_id() -> None:
    assert base.message_id(base.BytesMessage(make_message())) == "m1.x@example.org"
    assert base.message_id(base.BytesMessage(b"Subject: x\r\n\r\nMessage-ID: <no>\r\n")) is None


def test_cancel_token_runs_callbacks_once() -> None:
    token = base.CancelToken()
    calls: list[str] = []
    token.on_cancel(lambda: calls.append("a"))
    remove = token.on_cancel(lambda: calls.append("b"))
    remove()
    token.raise_if_cancelled("x")
    token.cancel()
    token.cancel()
    assert calls == ["a"]
    assert token.cancelled and token.wait(0)
    token.on_cancel(lambda: calls.append("late"))
    assert calls == ["a", "late"]
    with pytest.raises(errors.Cancelled) as caught:
        token.raise_if_cancelled("data")
    assert caught.value.stage == "data" and not caught.value.maybe_accepted
    assert caught.value.retryable


def test_cancel_token_across_threads() -> None:
    token = base.CancelToken()
    fired = threading.Event()
    token.on_cancel(fired.set)
    thread = threading.Thread(target=token.cancel)
    thread.start()
    thread.join(5)
    assert fired.is_set() and token.wait(1)


def test_receipt_round_trips_through_json() -> None:
    receipt = base.Receipt(
        transport="smtp",
        accepted=("a@example.com",),
        rejected=(Rejection("b@example.com", 550, "No such user"),),
        deferred=(Rejection("c@example.com", 451, "Greylisted"),),
        message_ids={"id1": "a@example.com"},
        reply="250 2.0.0 Ok",
        timings=(("connect", 0.01), ("data", 0.2)),
    )
    again = base.Receipt.from_dict(json.loads(json.dumps(receipt.to_dict())))
    assert again == receipt
    assert again.deferred == (Rejection("c@example.com", 451, "Greylisted"),)
    # A receipt stored before "deferred" existed reads back with none.
    old = receipt.to_dict()
    del old["deferred"]
    assert base.Receipt.from_dict(old).deferred == ()
    assert hash(again) == hash(receipt)
    assert receipt.seconds == pytest.approx(0.21)
    with pytest.raises(TypeError):
        receipt.message_ids["x"] = "y"  # type: ignore[index]


def test_receipt_refuses_an_unknown_transport() -> None:
    with pytest.raises(ValueError, match="Unknown transport"):
        base.Receipt.from_dict({"transport": "pigeon", "accepted": []})


def test_check_report() -> None:
    assert not base.CheckReport(()).ok
    failure = errors.AuthError("no", stage="auth")
    report = base.CheckReport(
        (
            base.CheckStage("connect", True, 0.1),
            base.CheckStage("auth", False, 0.2, error=failure),
        )
    )
    assert not report.ok and report.error is failure
    assert base.CheckReport((base.CheckStage("connect", True, 0.1),)).ok


def test_both_transports_fit_the_interface() -> None:
    from smtpeter_desktop.transport.rest import RestSettings, RestTransport
    from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport

    # mypy checks the assignment against the Protocol; constructing opens no connection.
    transports: list[base.Transport] = [
        SmtpTransport(SmtpSettings(), "pw"),
        RestTransport(RestSettings(), "token"),
    ]
    for transport in transports:
        transport.close()
