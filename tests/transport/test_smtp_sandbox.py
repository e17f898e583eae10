"""The SMTP transport against the sandbox: SMTPeter's reading of what we send, and its faults.

The sandbox reads the ``x-smtpeter-*`` headers and the DSN parameters with its own code, so
a mistake in our writing cannot hide behind the same mistake in the reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport
from tests.transport.conftest import PASSWORD, make_message

OPTIONS = SmtpeterOptions(
    inline_css=True,
    track_opens=False,
    prevent_scam=True,
    tags=("news", "q3"),
    hosted_images=True,
    dsn_notify=("SUCCESS", "FAILURE"),
    dsn_ret="FULL",
)
ENVELOPE = Envelope("alice@example.org", ("a@example.com", "b@example.com", "c@example.com"))


def smtp(box: Any, *, tls: bool = False, password: str = PASSWORD, **changes: Any) -> SmtpTransport:
    values: dict[str, Any] = {
        "host": box.host,
        "port": box.smtps_port if tls else box.smtp_port,
        "security": "tls" if tls else "starttls",
        "username": "alice",
        "ca_file": box.ca_file,
        "command_timeout": 5.0,
        "final_timeout": 5.0,
    }
    values.update(changes)
    return SmtpTransport(SmtpSettings(**values), password)


@pytest.mark.parametrize("tls", [False, True], ids=["starttls", "implicit-tls"])
def test_sandbox_reads_options_and_dsn_as_smtpeter_does(sandbox: Any, tls: bool) -> None:
    data = make_message()
    with smtp(sandbox, tls=tls) as transport:
        receipt = transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)
    [kept] = sandbox.messages()
    assert kept.transport in ("smtp", "smtps")
    assert kept.auth_user == "alice"
    assert kept.recipients == ENVELOPE.recipients
    # SMTPeter strips the option headers: what is kept is exactly the stored message.
    assert kept.eml_path.read_bytes() == data
    assert kept.options == {
        "inlinecss": True,
        "trackclicks": True,
        "trackopens": False,
        "trackbounces": True,
        "preventscam": True,
        "tags": ["news", "q3"],
        "images": "hosted",
    }
    assert kept.dsn["ret"] == "FULL"
    assert kept.dsn["envid"] == "m1.x@example.org"
    assert kept.dsn["notify"] == "SUCCESS,FAILURE"
    assert kept.id in receipt.reply


def test_535(make_sandbox: Callable[..., Any]) -> None:
    box = make_sandbox(users={"alice": "right"})
    with smtp(box, password="wrong") as transport, pytest.raises(errors.AuthError):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert box.messages() == []


def test_one_of_three_refused(sandbox: Any) -> None:
    sandbox.faults.add("reject=b@*")
    with smtp(sandbox) as transport:
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert receipt.accepted == ("a@example.com", "c@example.com")
    assert [(r.address, r.code) for r in receipt.rejected] == [("b@example.com", 550)]
    assert sandbox.messages()[0].recipients == ("a@example.com", "c@example.com")


def test_pipelined_refusal_of_everyone_leaves_the_session_usable(sandbox: Any) -> None:
    # The sandbox offers PIPELINING: MAIL, the RCPTs and DATA go out in one write, so a
    # refusal of every recipient must still read every reply and end the DATA cleanly.
    sandbox.faults.add("reject=*")
    with smtp(sandbox) as transport:
        with pytest.raises(errors.RecipientsRejected) as caught:
            transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
        assert len(caught.value.rejections) == 3
        sandbox.faults.clear()
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert receipt.accepted == ENVELOPE.recipients
    assert len(sandbox.messages()) == 1


@pytest.mark.parametrize(
    ("code", "kind"), [(451, errors.ServerBusy), (554, errors.MessageRejected)]
)
def test_after_data(sandbox: Any, code: int, kind: type[errors.SendError]) -> None:
    sandbox.faults.add(f"after-data={code}")
    with smtp(sandbox) as transport, pytest.raises(kind) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert not caught.value.maybe_accepted
    assert sandbox.messages() == []


def test_drop_mid_data(sandbox: Any) -> None:
    sandbox.faults.add("drop=mid-data:1000")
    # 8 MB: more than loopback's socket buffers hold, so the drop comes before the last byte
    # is written (a smaller message could be all in the kernel's buffers by then).
    data = make_message("a line of the body\n" * 440_000)
    with smtp(sandbox) as transport, pytest.raises(errors.ConnectError) as caught:
        transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)
    assert not caught.value.maybe_accepted and caught.value.retryable
    assert sandbox.messages() == []


def test_drop_after_data_is_an_unknown_outcome(sandbox: Any) -> None:
    sandbox.faults.add("drop=after-data")
    with smtp(sandbox) as transport, pytest.raises(errors.ConnectError) as caught:
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.maybe_accepted and not caught.value.retryable
    assert len(sandbox.messages()) == 1  # it was in fact kept: hence "ask before resending"


def test_no_starttls(sandbox: Any) -> None:
    sandbox.faults.add("no-starttls")
    with smtp(sandbox) as transport, pytest.raises(errors.TlsError):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert sandbox.messages() == []


def test_delay_after_data_times_out_with_unknown_outcome(sandbox: Any) -> None:
    sandbox.faults.add("delay=data:5")
    with (
        smtp(sandbox, final_timeout=0.3) as transport,
        pytest.raises(errors.SendTimeout) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.maybe_accepted


def test_check(sandbox: Any) -> None:
    with smtp(sandbox) as transport:
        report = transport.check()
    assert report.ok, report
    assert [s.name for s in report.stages][-3:] == ["ehlo-tls", "auth", "quit"]
