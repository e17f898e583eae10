"""Each fault rule, seen from independent clients: what they are told, and what is kept."""

from __future__ import annotations

import smtplib
import socket
import time

import httpx
import pytest

from smtpeter_desktop.sandbox import Sandbox
from tests.sandbox.clients import MESSAGE, rest, send_json, smtp, smtps
from tests.sandbox_fixture import client_tls

REST_BODY = {"recipient": "bob@example.org", "mime": MESSAGE.decode()}
BIG = MESSAGE + (b"B" * 998 + b"\r\n") * 2048  # 2 MB: far more than one TCP segment


def test_reject_refuses_one_recipient_of_three(sandbox: Sandbox) -> None:
    sandbox.faults.add("reject=*@bad.example")
    recipients = ["bob@example.org", "eve@bad.example", "cid@example.net"]
    with smtp(sandbox) as client:
        refused = client.sendmail("ann@example.com", recipients, MESSAGE)
    assert list(refused) == ["eve@bad.example"]
    code, words = refused["eve@bad.example"]
    assert code == 550
    assert b"eve@bad.example" in words
    assert sandbox.messages()[0].recipients == ("bob@example.org", "cid@example.net")


def test_reject_every_recipient(sandbox: Sandbox) -> None:
    sandbox.faults.add("reject=*")
    with smtp(sandbox) as client, pytest.raises(smtplib.SMTPRecipientsRefused):
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    assert sandbox.messages() == []


@pytest.mark.parametrize("code", [451, 554])
def test_after_data_answers_the_code_and_keeps_nothing(sandbox: Sandbox, code: int) -> None:
    sandbox.faults.add(f"after-data={code}")
    with smtp(sandbox) as client, pytest.raises(smtplib.SMTPDataError) as info:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    assert info.value.smtp_code == code
    assert sandbox.messages() == []


def test_auth_fault_refuses_good_credentials(make_sandbox) -> None:
    box = make_sandbox(users={"ann": "secret"})
    box.faults.add("auth=535")
    with smtp(box, login=None) as client, pytest.raises(smtplib.SMTPAuthenticationError) as info:
        client.login("ann", "secret")
    assert info.value.smtp_code == 535
    box.faults.clear()
    with smtp(box) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)


def test_auth_fault_with_a_temporary_code(sandbox: Sandbox) -> None:
    sandbox.faults.add("auth=454")
    with smtps(sandbox, login=None) as client, pytest.raises(smtplib.SMTPAuthenticationError) as e:
        client.login("ann", "secret")
    assert e.value.smtp_code == 454


def test_delayed_greeting(sandbox: Sandbox) -> None:
    sandbox.faults.add("delay=greeting:0.3")
    started = time.monotonic()
    with smtplib.SMTP(sandbox.host, sandbox.smtp_port, timeout=10) as client:
        assert time.monotonic() - started >= 0.3
        assert client.noop()[0] == 250


@pytest.mark.parametrize("stage", ["ehlo", "starttls", "auth", "mail", "rcpt"])
def test_delayed_answers(sandbox: Sandbox, stage: str) -> None:
    sandbox.faults.add(f"delay={stage}:0.2")
    started = time.monotonic()
    with smtp(sandbox) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    assert time.monotonic() - started >= 0.2


def test_delayed_data_answer_keeps_the_message_first(sandbox: Sandbox) -> None:
    sandbox.faults.add("delay=data:60")
    with smtp(sandbox) as client:
        client.sock.settimeout(0.5)  # type: ignore[union-attr]
        with pytest.raises((TimeoutError, smtplib.SMTPServerDisconnected)):
            client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
        # The client gave up waiting; the message had been kept all the same.
        assert len(sandbox.messages()) == 1
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 1.0


def test_stop_is_quick_while_an_smtp_answer_is_held_back(sandbox: Sandbox) -> None:
    sandbox.faults.add("delay=greeting:60")
    with socket.create_connection((sandbox.host, sandbox.smtp_port), timeout=0.3) as raw:
        with pytest.raises(TimeoutError):
            raw.recv(100)  # no greeting yet: the delay holds it back
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 1.0
        raw.settimeout(5)
        assert raw.recv(100) == b""  # hung up on, unanswered


@pytest.mark.parametrize("message", [MESSAGE, BIG], ids=["small", "2 MB"])
def test_drop_mid_data_hangs_up_and_keeps_nothing(sandbox: Sandbox, message: bytes) -> None:
    sandbox.faults.add("drop=mid-data")
    with smtp(sandbox) as client, pytest.raises(smtplib.SMTPServerDisconnected):
        client.sendmail("ann@example.com", ["bob@example.org"], message)
    assert sandbox.messages() == []


def test_drop_mid_data_after_some_bytes(sandbox: Sandbox) -> None:
    sandbox.faults.add("drop=mid-data:100000")
    with smtp(sandbox) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)  # smaller: accepted
    with smtps(sandbox) as client, pytest.raises(smtplib.SMTPServerDisconnected):
        client.sendmail("ann@example.com", ["bob@example.org"], BIG)
    assert len(sandbox.messages()) == 1


def test_drop_after_data_keeps_the_message_but_never_answers(sandbox: Sandbox) -> None:
    sandbox.faults.add("drop=after-data")
    with smtp(sandbox) as client, pytest.raises(smtplib.SMTPServerDisconnected):
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    (kept,) = sandbox.messages()
    assert kept.raw() == MESSAGE


def test_no_starttls_offered_so_nothing_is_sent(sandbox: Sandbox) -> None:
    sandbox.faults.add("no-starttls")
    with smtplib.SMTP(sandbox.host, sandbox.smtp_port, timeout=10) as client:
        client.ehlo()
        assert not client.has_extn("starttls")
        with pytest.raises(smtplib.SMTPNotSupportedError):
            client.starttls(context=client_tls(sandbox))
        assert client.docmd("STARTTLS")[0] == 454
        assert client.docmd("MAIL", "FROM:<ann@example.com>")[0] == 530
    assert sandbox.messages() == []


def test_rules_change_while_running(sandbox: Sandbox) -> None:
    sandbox.faults.add("after-data=451")
    with smtp(sandbox) as client:
        with pytest.raises(smtplib.SMTPDataError):
            client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
        sandbox.faults.clear()
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)  # same session
    assert len(sandbox.messages()) == 1


def test_rest_429_with_retry_after(sandbox: Sandbox) -> None:
    sandbox.faults.add("rest=429:30")
    answer = send_json(sandbox, REST_BODY)
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == "30"
    assert "message" in answer.json()["error"]
    assert sandbox.messages() == []


@pytest.mark.parametrize("status", [400, 500, 503])
def test_rest_error_statuses_in_smtpeter_shape(sandbox: Sandbox, status: int) -> None:
    sandbox.faults.add(f"rest={status}")
    answer = send_json(sandbox, REST_BODY)
    assert answer.status_code == status
    assert answer.headers["Content-Type"] == "application/json"
    assert isinstance(answer.json()["error"]["message"], str)
    assert sandbox.messages() == []


@pytest.mark.parametrize("status", [200, 502])
def test_rest_answer_that_is_not_json(sandbox: Sandbox, status: int) -> None:
    sandbox.faults.add(f"rest={status}:not-json")
    answer = send_json(sandbox, REST_BODY)
    assert answer.status_code == status
    assert answer.headers["Content-Type"].startswith("text/html")
    with pytest.raises(ValueError):
        answer.json()


def test_rest_204_without_a_body(sandbox: Sandbox) -> None:
    sandbox.faults.add("rest=204")
    answer = send_json(sandbox, REST_BODY)
    assert answer.status_code == 204
    assert answer.content == b""


def test_rest_delay_keeps_then_answers_late(sandbox: Sandbox) -> None:
    sandbox.faults.add("delay=rest:0.3")
    started = time.monotonic()
    answer = send_json(sandbox, REST_BODY)
    assert time.monotonic() - started >= 0.3
    assert answer.status_code == 200


def test_rest_timeout_after_upload_leaves_the_message_kept(sandbox: Sandbox) -> None:
    sandbox.faults.add("delay=rest:60")
    with rest(sandbox) as client, pytest.raises(httpx.ReadTimeout):
        client.post("/send", json=REST_BODY, timeout=httpx.Timeout(10, read=0.5))
    assert len(sandbox.messages()) == 1
    started = time.monotonic()
    sandbox.stop()
    assert time.monotonic() - started < 1.0


def test_stop_is_quick_while_a_rest_answer_is_held_back(sandbox: Sandbox) -> None:
    sandbox.faults.add("delay=rest:60")
    context = client_tls(sandbox)
    request = (f"GET /v1/domains?access_token=t HTTP/1.1\r\nHost: {sandbox.host}\r\n\r\n").encode()
    with (
        socket.create_connection((sandbox.host, sandbox.rest_port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname=sandbox.host) as tls,
    ):
        tls.sendall(request)
        tls.settimeout(0.3)
        with pytest.raises(TimeoutError):
            tls.recv(100)
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 1.0
        tls.settimeout(5)
        assert tls.recv(100) == b""


def test_a_kept_alive_rest_connection_does_not_hold_up_stop(sandbox: Sandbox) -> None:
    with rest(sandbox) as client:
        assert client.get("/domains").status_code == 200  # the connection stays open
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 1.0
