"""The REST transport against the sandbox, our own SMTPeter stand-in, over HTTPS on loopback."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.rest import RestSettings, RestTransport
from tests.transport.conftest import big_message, make_message
from tests.transport.secrets import assert_absent, client_log, error_texts, failure

TOKEN = "tok-3b9f1c-SECRET"
OPTIONS = SmtpeterOptions(
    inline_css=True,
    track_clicks=False,
    tags=("news", "q3"),
    hosted_images=True,
    dsn_notify=("SUCCESS", "FAILURE"),
    dsn_ret="FULL",
)
ENVELOPE = Envelope("bounce@example.org", ("bob@example.com", "secret-bcc@example.net"))


def rest(box: Any, token: str = TOKEN, **changes: Any) -> RestTransport:
    values: dict[str, Any] = {
        "base_url": box.rest_base_url,
        "ca_file": box.ca_file,
        "connect_timeout": 5.0,
        "write_timeout": 5.0,
        "read_timeout": 5.0,
        "final_timeout": 5.0,
    }
    values.update(changes)
    return RestTransport(RestSettings(**values), token)


def test_send_with_ids_keeps_the_exact_bytes(sandbox: Any) -> None:
    data = make_message()
    with rest(sandbox) as transport:
        receipt = transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)

    assert receipt.transport == "rest"
    assert receipt.accepted == ENVELOPE.recipients
    assert sorted(receipt.message_ids.values()) == sorted(ENVELOPE.recipients)
    assert receipt.reply.startswith("200")
    assert [name for name, _ in receipt.timings] == ["prepare", "request", "answer"]

    [kept] = sandbox.messages()
    assert kept.transport == "rest"
    assert kept.eml_path.read_bytes() == data
    assert kept.mail_from == "bounce@example.org"
    assert kept.recipients == ENVELOPE.recipients
    assert dict(kept.ids) == dict(receipt.message_ids)
    assert kept.options["inlinecss"] is True
    assert kept.options["trackclicks"] is False
    assert kept.options["tags"] == ["news", "q3"]
    assert kept.options["images"] == "hosted"
    assert kept.dsn["ret"] == "FULL"
    assert kept.dsn["notify"] == "SUCCESS,FAILURE"
    assert kept.dsn["envid"] == "m1.x@example.org"


def test_204_is_accepted_without_ids(sandbox: Any) -> None:
    sandbox.faults.add("rest=204")
    with rest(sandbox) as transport:
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert receipt.accepted == ENVELOPE.recipients
    assert dict(receipt.message_ids) == {}
    assert receipt.reply.startswith("204")


def test_400_sender_domain_not_set_up(make_sandbox: Callable[..., Any]) -> None:
    box = make_sandbox(sender_domains=("example.net",))
    with rest(box) as transport, pytest.raises(errors.MessageRejected) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    err = caught.value
    assert err.server_reply and err.server_reply.startswith("400")
    assert "example.org" in err.message  # SMTPeter's own words about the sender domain
    assert not err.retryable and not err.maybe_accepted
    assert box.messages() == []


def test_401_with_the_documented_body(make_sandbox: Callable[..., Any]) -> None:
    box = make_sandbox(token="the-right-one")
    with rest(box, token=TOKEN) as transport, pytest.raises(errors.AuthError) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    err = caught.value
    assert err.message == "SMTPeter refused the API token: Invalid access token"
    assert "dashboard" in err.hint
    assert not err.retryable


def test_429_with_retry_after(sandbox: Any) -> None:
    sandbox.faults.add("rest=429:30")
    with rest(sandbox) as transport, pytest.raises(errors.ServerBusy) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.retry_after == 30
    assert caught.value.retryable and not caught.value.maybe_accepted
    assert "30 s" in caught.value.message


def test_503_after_the_whole_message_is_busy(sandbox: Any) -> None:
    sandbox.faults.add("rest=503")
    with rest(sandbox) as transport, pytest.raises(errors.ServerBusy) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.retryable and not caught.value.maybe_accepted
    assert caught.value.server_reply and caught.value.server_reply.startswith("503")


def test_500_after_the_whole_message_is_an_unknown_outcome(sandbox: Any) -> None:
    # A 5xx (other than 503) after the last body byte: the backend may have finished.
    sandbox.faults.add("rest=500")
    with rest(sandbox) as transport, pytest.raises(errors.ServerError) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.maybe_accepted and not caught.value.retryable
    assert "may have been accepted" in caught.value.hint
    assert caught.value.server_reply and caught.value.server_reply.startswith("500")


def test_non_json_error_page_shows_its_words(sandbox: Any) -> None:
    sandbox.faults.add("rest=502:not-json")
    with rest(sandbox) as transport, pytest.raises(errors.ServerError) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert "502 bad gateway" in caught.value.message.lower()
    assert "<" not in caught.value.message
    assert caught.value.maybe_accepted


def test_non_json_success_is_an_unknown_outcome(sandbox: Any) -> None:
    sandbox.faults.add("rest=200:not-json")
    with rest(sandbox) as transport, pytest.raises(errors.UnexpectedAnswer) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.maybe_accepted and not caught.value.retryable


def test_timeout_after_the_upload_is_an_unknown_outcome(sandbox: Any) -> None:
    sandbox.faults.add("delay=rest:5")
    with (
        rest(sandbox, final_timeout=0.3) as transport,
        pytest.raises(errors.SendTimeout) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    err = caught.value
    assert err.maybe_accepted and not err.retryable
    assert "may have been accepted" in err.hint


def test_untrusted_certificate(sandbox: Any) -> None:
    with rest(sandbox, ca_file=None) as transport, pytest.raises(errors.TlsError) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert "could not be verified" in caught.value.message
    assert sandbox.messages() == []


@pytest.mark.slow
def test_a_20_mb_message_with_progress_to_the_total(sandbox: Any, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    seen: list[tuple[int, int]] = []
    with rest(sandbox) as transport:
        transport.send(source, ENVELOPE, OPTIONS, progress=lambda d, t: seen.append((d, t)))
    done, total = seen[-1]
    assert done == total
    assert total > source.size
    assert len(seen) > 300
    [kept] = sandbox.messages()
    assert kept.size == source.size
    assert kept.eml_path.read_bytes() == source.path.read_bytes()


@pytest.mark.slow
def test_cancel_during_a_20_mb_upload(sandbox: Any, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    token = base.CancelToken()
    reached = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > 2_000_000 and not reached.is_set():
            reached.set()
            # The other thread cancels while this one is held mid-upload.
            thread = threading.Thread(target=token.cancel)
            thread.start()
            thread.join(10)

    with rest(sandbox) as transport, pytest.raises(errors.Cancelled) as caught:
        transport.send(source, ENVELOPE, OPTIONS, progress=progress, cancel=token)
    assert not caught.value.maybe_accepted
    assert sandbox.messages() == []


def test_events_and_their_summary(sandbox: Any) -> None:
    sandbox.faults.add("fail=*@example.net", "pending=later@*")
    envelope = Envelope("a@example.org", ("ok@example.com", "no@example.net", "later@x.org"))
    with rest(sandbox) as transport:
        receipt = transport.send(base.BytesMessage(make_message()), envelope, OPTIONS)
        by_recipient = {r: i for i, r in receipt.message_ids.items()}
        delivered = transport.events(by_recipient["ok@example.com"])
        failed = transport.events(by_recipient["no@example.net"])
        pending = transport.events(by_recipient["later@x.org"])
    assert delivered.state == "delivered"
    assert [e.kind for e in delivered.events][:1] == ["attempt"]
    assert delivered.events[0].time is not None
    assert delivered.events[0].recipient == "ok@example.com"
    assert failed.state == "failed"
    assert pending.state == "pending"


def test_events_of_an_unknown_message(sandbox: Any) -> None:
    with rest(sandbox) as transport, pytest.raises(errors.SendError):
        transport.events("no-such-id")


def test_sender_domains(make_sandbox: Callable[..., Any]) -> None:
    box = make_sandbox(sender_domains=("example.org", "example.net"))
    with rest(box) as transport:
        assert transport.sender_domains() == ["example.net", "example.org"]


def test_check_stage_by_stage(make_sandbox: Callable[..., Any]) -> None:
    box = make_sandbox(token=TOKEN, sender_domains=("example.org",))
    seen: list[base.CheckStage] = []
    with rest(box) as transport:
        report = transport.check(seen.append)
    assert report.ok
    assert [s.name for s in report.stages] == ["https", "token", "domains"]
    assert list(report.stages) == seen
    assert "TLSv1" in report.stages[0].detail
    assert report.stages[2].detail == "example.org"


def test_check_with_a_wrong_token(make_sandbox: Callable[..., Any]) -> None:
    box = make_sandbox(token="the-right-one")
    with rest(box) as transport:
        report = transport.check()
    assert [s.ok for s in report.stages] == [True, False]
    assert isinstance(report.error, errors.AuthError)


def test_token_never_shows(
    make_sandbox: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    box = make_sandbox(token=TOKEN)
    failures: list[errors.SendError] = []
    with rest(box) as transport:
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
        transport.events(next(iter(receipt.message_ids)))
        transport.sender_domains()
        assert transport.check().ok
        texts = [repr(transport), repr(receipt), repr(receipt.to_dict())]
        for spec, kind in (
            ("rest=500", errors.ServerError),
            ("rest=429:3", errors.ServerBusy),
            ("rest=502:not-json", errors.ServerError),
        ):
            box.faults.clear()
            box.faults.add(spec)
            failures.append(
                failure(kind, transport.send, base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
            )
        box.faults.clear()
        box.faults.add("delay=rest:5")
    with rest(box, final_timeout=0.3, read_timeout=0.3) as transport:
        failures.append(
            failure(
                errors.SendTimeout,
                transport.send,
                base.BytesMessage(make_message()),
                ENVELOPE,
                OPTIONS,
            )
        )
    box.faults.clear()
    wrong = "wrong-" + TOKEN
    with rest(box, token=wrong) as transport:
        failures.append(
            failure(
                errors.AuthError,
                transport.send,
                base.BytesMessage(make_message()),
                ENVELOPE,
                OPTIONS,
            )
        )
        report = transport.check()
        assert isinstance(report.error, errors.AuthError)
        failures.append(report.error)
        texts.append(repr(report))
    assert_absent(
        [TOKEN, wrong], *texts, *(error_texts(e) for e in failures), client_log(caplog.records)
    )
    assert any(r.name.startswith("httpx") for r in caplog.records)
