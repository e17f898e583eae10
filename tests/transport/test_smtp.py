"""The SMTP transport against real servers on loopback: aiosmtpd and a scripted peer."""

from __future__ import annotations

import dataclasses
import itertools
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, errors
from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport, option_headers, xtext
from tests.transport.conftest import ENVELOPE, HOST, PASSWORD, USER, big_message, make_message
from tests.transport.servers import Behaviour, Certs, Script, scripted_smtp, smtp_server

OPTIONS = SmtpeterOptions(
    inline_css=True,
    track_opens=False,
    tags=("news", "q3"),
    hosted_images=True,
    dsn_notify=("SUCCESS", "FAILURE"),
    dsn_ret="FULL",
)


def settings(certs: Certs | None, port: int, **changes: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": HOST,
        "port": port,
        "username": USER,
        "ca_file": certs.ca_file if certs else None,
        "connect_timeout": 5.0,
        "command_timeout": 5.0,
        "data_timeout": 5.0,
        "final_timeout": 5.0,
    }
    values.update(changes)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def users() -> Behaviour:
    return Behaviour(users={USER: PASSWORD})


def test_starttls_delivers_the_exact_bytes_with_options_and_dsn(certs: Certs) -> None:
    data = make_message()
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        receipt = transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)

    [got] = server.received
    assert got.content == option_headers(OPTIONS) + data
    assert got.login == USER
    assert got.sender == "alice@example.org"
    assert got.recipients == ["bob@example.com"]
    assert "RET=FULL" in got.mail_line
    assert f"ENVID={xtext('m1.x@example.org')}" in got.mail_line
    assert f"SIZE={len(option_headers(OPTIONS)) + len(data)}" in got.mail_line
    assert got.rcpt_lines == ["TO:<bob@example.com> NOTIFY=SUCCESS,FAILURE"]
    headers = got.content.split(b"\r\n\r\n")[0].decode()
    for line in (
        "x-smtpeter-inlinecss: true",
        "x-smtpeter-trackopens: false",
        "x-smtpeter-trackclicks: true",
        "x-smtpeter-trackbounces: true",
        "x-smtpeter-preventscam: false",
        "x-smtpeter-tags: news,q3",
        "x-smtpeter-images: hosted",
    ):
        assert line in headers.splitlines()

    assert receipt.transport == "smtp"
    assert receipt.accepted == ("bob@example.com",)
    assert receipt.rejected == ()
    assert receipt.reply.startswith("250 2.0.0 Ok: queued")
    names = [name for name, _ in receipt.timings]
    assert names == [
        "resolve",
        "connect",
        "greeting",
        "ehlo",
        "starttls",
        "ehlo-tls",
        "auth",
        "mail",
        "rcpt",
        "data",
        "reply",
    ]


def test_option_headers_leave_defaults_out() -> None:
    text = option_headers(SmtpeterOptions()).decode()
    assert "x-smtpeter-tags" not in text
    assert "x-smtpeter-images" not in text
    assert text.endswith("\r\n")


def test_implicit_tls_on_port_465_style(certs: Certs) -> None:
    with (
        smtp_server(certs, implicit_tls=True, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port, security="tls"), PASSWORD) as transport,
    ):
        receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert len(server.received) == 1
    assert [n for n, _ in receipt.timings][:4] == ["resolve", "connect", "tls", "greeting"]


def test_port_465_means_tls() -> None:
    assert SmtpSettings(port=465).security == "tls"
    assert SmtpSettings().security == "starttls"


@pytest.mark.parametrize("bad", [{"port": 0}, {"host": " "}, {"final_timeout": 0}])
def test_impossible_settings_are_config_errors(bad: dict[str, object]) -> None:
    with pytest.raises(errors.ConfigError):
        SmtpSettings(**bad)  # type: ignore[arg-type]


def test_dsn_left_out_when_not_offered(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=Behaviour(users={USER: PASSWORD}, dsn=False)) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    [got] = server.received
    assert "RET=" not in got.mail_line and "ENVID=" not in got.mail_line
    assert got.rcpt_lines == ["TO:<bob@example.com>"]


def test_no_starttls_offered_sends_nothing(certs: Certs) -> None:
    with (
        smtp_server(None, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
        pytest.raises(errors.TlsError) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.stage == "starttls"
    assert "STARTTLS" in caught.value.message
    assert not caught.value.retryable and not caught.value.maybe_accepted
    assert server.received == []


def test_untrusted_certificate(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(None, server.port), PASSWORD) as transport,
        pytest.raises(errors.TlsError) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.stage == "starttls"
    assert "could not be verified" in caught.value.message
    assert server.received == []


def test_wrong_host_name(certs: Certs) -> None:
    with (
        smtp_server(
            certs, implicit_tls=True, context=certs.wrong_name, behaviour=users()
        ) as server,
        SmtpTransport(settings(certs, server.port, security="tls"), PASSWORD) as transport,
        pytest.raises(errors.TlsError) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.stage == "tls"
    assert HOST in caught.value.message  # "certificate is not valid for '127.0.0.1'"


def test_wrong_password_is_an_auth_error(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), "not-the-password") as transport,
        pytest.raises(errors.AuthError) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    err = caught.value
    assert err.stage == "auth" and not err.retryable
    assert err.server_reply and err.server_reply.startswith("535")
    assert "password" in err.hint
    assert server.received == []


def test_auth_login_when_plain_is_not_offered(certs: Certs) -> None:
    class LoginOnly(Behaviour):
        pass

    behaviour = users()
    with smtp_server(certs, behaviour=behaviour) as server:
        transport = SmtpTransport(settings(certs, server.port), PASSWORD)
        # aiosmtpd offers PLAIN and LOGIN; hide PLAIN from our client's view of EHLO.
        original = transport._login

        def login_only(session: object) -> str:
            session.client.esmtp_features["auth"] = "LOGIN"  # type: ignore[attr-defined]
            return original(session)  # type: ignore[arg-type]

        transport._login = login_only  # type: ignore[method-assign]
        with transport:
            receipt = transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert server.received[0].login == USER
    assert dict(receipt.timings)["auth"] >= 0


def test_one_of_three_recipients_refused(certs: Certs) -> None:
    envelope = Envelope(
        "alice@example.org", ("a@example.com", "nobody@example.com", "c@example.com")
    )
    behaviour = Behaviour(users={USER: PASSWORD}, reject="nobody@*")
    with (
        smtp_server(certs, behaviour=behaviour) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        receipt = transport.send(base.BytesMessage(make_message()), envelope, OPTIONS)
    assert receipt.accepted == ("a@example.com", "c@example.com")
    [rejection] = receipt.rejected
    assert rejection.address == "nobody@example.com"
    assert rejection.code == 550
    assert "No such user" in rejection.text
    assert server.received[0].recipients == ["a@example.com", "c@example.com"]


def test_every_recipient_refused_sends_nothing(certs: Certs) -> None:
    envelope = Envelope("alice@example.org", ("x1@example.com", "x2@example.com"))
    behaviour = Behaviour(users={USER: PASSWORD}, reject="x*")
    with (
        smtp_server(certs, behaviour=behaviour) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
        pytest.raises(errors.RecipientsRejected) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), envelope, OPTIONS)
    assert [r.address for r in caught.value.rejections] == ["x1@example.com", "x2@example.com"]
    assert not caught.value.retryable
    assert "x2@example.com: 550" in caught.value.message
    assert server.received == []


@pytest.mark.parametrize(
    ("reply", "kind", "retryable"),
    [
        ("451 4.3.0 Try again later", errors.ServerBusy, True),
        ("554 5.7.1 Message refused: spam", errors.MessageRejected, False),
    ],
)
def test_refusal_after_data(
    certs: Certs, reply: str, kind: type[errors.SendError], retryable: bool
) -> None:
    behaviour = Behaviour(users={USER: PASSWORD}, data_reply=reply)
    with (
        smtp_server(certs, behaviour=behaviour) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
        pytest.raises(kind) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    err = caught.value
    assert err.stage == "reply"
    assert err.server_reply == reply
    assert err.retryable is retryable
    assert not err.maybe_accepted


def test_size_announced_too_small_refuses_before_data(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=users(), size_limit=1000) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
        pytest.raises(errors.MessageRejected) as caught,
    ):
        transport.send(base.BytesMessage(make_message("x" * 2000)), ENVELOPE, OPTIONS)
    assert caught.value.stage == "mail"
    assert "more than the" in caught.value.message
    assert server.received == []


def test_smtputf8_needed_but_not_offered(certs: Certs) -> None:
    envelope = Envelope("alice@example.org", ("jörg@example.com",), smtputf8=True)
    with (
        smtp_server(certs, behaviour=users(), smtputf8=False) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
        pytest.raises(errors.MessageRejected) as caught,
    ):
        transport.send(base.BytesMessage(make_message()), envelope, OPTIONS)
    assert "SMTPUTF8" in caught.value.message
    assert server.received == []


def test_smtputf8_address_when_offered(certs: Certs) -> None:
    envelope = Envelope("alice@example.org", ("jörg@example.com",), smtputf8=True)
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.send(base.BytesMessage(make_message()), envelope, OPTIONS)
    [got] = server.received
    assert got.recipients == ["jörg@example.com"]
    assert "SMTPUTF8" in got.mail_line


def test_dot_stuffing_across_chunk_boundaries(certs: Certs) -> None:
    head = make_message("").split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    body = bytearray()
    # A line of a single "." (the end of DATA if left alone) starting exactly on the
    # second and third 64 KiB boundaries, and ".." lines inside chunks.
    for boundary in (base.CHUNK, 2 * base.CHUNK):
        remaining = boundary - len(head) - len(body)
        while remaining > 72:
            body += b"y" * 68 + b"\r\n"
            remaining -= 70
        body += b"z" * (remaining - 2) + b"\r\n"
        assert len(head) + len(body) == boundary
        body += b".\r\n..two\r\n"
    body += b"end\r\n"
    data = head + bytes(body)
    assert data[base.CHUNK : base.CHUNK + 3] == b".\r\n"
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.send(base.BytesMessage(data), ENVELOPE, SmtpeterOptions())
    assert server.received[0].content == option_headers(SmtpeterOptions()) + data


def test_message_without_final_line_break(certs: Certs) -> None:
    data = make_message().rstrip(b"\r\n")
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.send(base.BytesMessage(data), ENVELOPE, SmtpeterOptions())
    assert server.received[0].content.endswith(data + b"\r\n")


def test_disconnect_mid_data_is_not_accepted(certs: Certs, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 4_000_000))
    script = Script(hang_up_after=100_000)
    with (
        scripted_smtp(certs, script) as port,
        SmtpTransport(settings(certs, port, security="tls"), PASSWORD) as transport,
        pytest.raises(errors.ConnectError) as caught,
    ):
        transport.send(source, ENVELOPE, OPTIONS)
    err = caught.value
    assert err.stage == "data"
    assert err.retryable and not err.maybe_accepted
    assert "not sent" in err.message


def test_server_stalls_before_the_message_is_complete(certs: Certs) -> None:
    behaviour = Behaviour(users={USER: PASSWORD}, stall_rcpt=True)
    with (
        smtp_server(certs, behaviour=behaviour) as server,
        SmtpTransport(settings(certs, server.port, command_timeout=0.3), PASSWORD) as t,
        pytest.raises(errors.SendTimeout) as caught,
    ):
        t.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    assert caught.value.stage == "rcpt"
    assert caught.value.retryable and not caught.value.maybe_accepted


def test_server_stops_reading_mid_data(certs: Certs, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    with (
        scripted_smtp(certs, Script(stop_reading=True)) as port,
        SmtpTransport(
            settings(certs, port, security="tls", data_timeout=0.3), PASSWORD
        ) as transport,
        pytest.raises(errors.SendTimeout) as caught,
    ):
        transport.send(source, ENVELOPE, OPTIONS)
    assert caught.value.stage == "data"
    assert caught.value.retryable and not caught.value.maybe_accepted


def test_server_stalls_after_the_whole_message_unknown_outcome(certs: Certs) -> None:
    behaviour = Behaviour(users={USER: PASSWORD}, stall_after_data=True)
    with (
        smtp_server(certs, behaviour=behaviour) as server,
        SmtpTransport(settings(certs, server.port, final_timeout=0.3), PASSWORD) as t,
        pytest.raises(errors.SendTimeout) as caught,
    ):
        t.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
    err = caught.value
    assert err.stage == "reply"
    assert err.maybe_accepted and not err.retryable
    assert "may have been accepted" in err.hint


@pytest.mark.slow
def test_cancel_during_a_20_mb_send_from_another_thread(certs: Certs, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    token = base.CancelToken()
    reached = threading.Event()
    done = threading.Event()
    seen: list[int] = []

    def progress(sent: int, total: int) -> None:
        seen.append(sent)
        if sent > 2_000_000 and not reached.is_set():
            reached.set()
            # Hold the sender here until the other thread has cancelled, so the test does not
            # depend on how fast loopback is.
            assert done.wait(10)

    def canceller() -> None:
        assert reached.wait(10)
        token.cancel()
        done.set()

    thread = threading.Thread(target=canceller)
    thread.start()
    try:
        with (
            smtp_server(certs, behaviour=users()) as server,
            SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
            pytest.raises(errors.Cancelled) as caught,
        ):
            transport.send(source, ENVELOPE, OPTIONS, progress=progress, cancel=token)
    finally:
        thread.join(10)
    assert caught.value.stage == "data"
    assert not caught.value.maybe_accepted
    assert server.received == []
    assert seen[-1] < source.size


@pytest.mark.slow
def test_a_20_mb_message_with_progress_to_the_total(certs: Certs, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    seen: list[tuple[int, int]] = []
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.send(source, ENVELOPE, OPTIONS, progress=lambda d, t: seen.append((d, t)))
    total = len(option_headers(OPTIONS)) + source.size
    assert seen[-1] == (total, total)
    assert all(b[0] > a[0] for a, b in itertools.pairwise(seen))
    assert len(seen) > 300
    assert server.received[0].content == option_headers(OPTIONS) + source.path.read_bytes()


@pytest.mark.slow
def test_a_20_mb_send_stays_small_in_memory(certs: Certs, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    script = Script()
    with (
        scripted_smtp(certs, script) as port,
        SmtpTransport(settings(certs, port, security="tls"), PASSWORD) as transport,
    ):
        tracemalloc.start()
        try:
            transport.send(source, ENVELOPE, OPTIONS)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    # The scripted peer throws DATA away, so what is traced is (nearly) all ours.
    assert script.data_read > source.size
    assert peak < 2_000_000, f"peak {peak} bytes for a {source.size} byte message"


def test_warm_session_is_reused_and_renewed_when_dropped(certs: Certs) -> None:
    data = base.BytesMessage(make_message())
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        first = transport.send(data, ENVELOPE, OPTIONS)
        second = transport.send(data, ENVELOPE, OPTIONS)
        assert "connect" in dict(first.timings)
        assert "connect" not in dict(second.timings) and "noop" in dict(second.timings)
        # The server side hanging up, as an idle timeout would.
        session = transport._session
        assert session is not None and session.client.sock is not None
        import socket

        socket.socket.shutdown(session.client.sock, socket.SHUT_RDWR)
        third = transport.send(data, ENVELOPE, OPTIONS)
        assert "connect" in dict(third.timings)
    assert len(server.received) == 3


def test_no_keep_alive_closes_after_each_send(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port, keep_alive=False), PASSWORD) as t,
    ):
        t.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS)
        assert t._session is None


def test_check_reports_each_stage_as_it_completes(certs: Certs) -> None:
    seen: list[base.CheckStage] = []
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        report = transport.check(seen.append)
    assert report.ok and report.error is None
    assert list(report.stages) == seen
    names = [s.name for s in report.stages]
    assert names == [
        "resolve",
        "connect",
        "greeting",
        "ehlo",
        "starttls",
        "ehlo-tls",
        "auth",
        "quit",
    ]
    detail = {s.name: s.detail for s in report.stages}
    assert "127.0.0.1" in detail["resolve"]
    assert "STARTTLS" in detail["ehlo"]
    assert "TLSv1.3" in detail["starttls"] or "TLSv1.2" in detail["starttls"]
    assert "valid until" in detail["starttls"]
    assert "AUTH" in detail["ehlo-tls"] and "DSN" in detail["ehlo-tls"]
    assert detail["auth"] == "PLAIN"
    assert all(s.seconds >= 0 for s in report.stages)
    assert server.received == []


def test_check_stops_at_the_failing_stage(certs: Certs) -> None:
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), "wrong") as transport,
    ):
        report = transport.check()
    assert not report.ok
    assert report.stages[-1].name == "auth"
    assert isinstance(report.stages[-1].error, errors.AuthError)
    assert isinstance(report.error, errors.AuthError)


def test_check_connection_refused(certs: Certs) -> None:
    import socket

    with socket.create_server((HOST, 0)) as sock:
        port = sock.getsockname()[1]
    report = SmtpTransport(settings(certs, port), PASSWORD).check()
    assert [s.name for s in report.stages] == ["resolve", "connect"]
    assert isinstance(report.error, errors.ConnectError)
    assert "refused" in report.error.message


def test_check_unknown_host(certs: Certs) -> None:
    report = SmtpTransport(settings(certs, 587, host="no-such-host.invalid"), PASSWORD).check()
    assert [s.name for s in report.stages] == ["resolve"]
    assert isinstance(report.error, errors.ConnectError)
    assert "could not be found" in report.error.message


def test_cancel_before_start_sends_nothing(certs: Certs) -> None:
    token = base.CancelToken()
    token.cancel()
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
        pytest.raises(errors.Cancelled),
    ):
        transport.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS, cancel=token)
    assert server.received == []


def test_settings_are_frozen_values() -> None:
    s = SmtpSettings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.port = 25  # type: ignore[misc]
    assert s.host == "mail.smtpeter.com" and s.port == 587


def test_xtext() -> None:
    assert xtext("a+b=c d") == "a+2Bb+3Dc+20d"
    assert xtext("é") == "+C3+A9"


def _cancel_when(event: threading.Event, token: base.CancelToken) -> threading.Thread:
    def run() -> None:
        if event.wait(10):
            token.cancel()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_cancel_unblocks_a_read_the_server_never_answers(certs: Certs) -> None:
    behaviour = Behaviour(users={USER: PASSWORD}, stall_rcpt=True)
    token = base.CancelToken()
    with smtp_server(certs, behaviour=behaviour) as server:
        thread = _cancel_when(behaviour.rcpt_seen, token)
        try:
            with (
                SmtpTransport(settings(certs, server.port, command_timeout=30), PASSWORD) as t,
                pytest.raises(errors.Cancelled) as caught,
            ):
                start = time.monotonic()
                t.send(base.BytesMessage(make_message()), ENVELOPE, OPTIONS, cancel=token)
        finally:
            thread.join(10)
        elapsed = time.monotonic() - start
    assert caught.value.stage == "rcpt"
    # Long before the 30 s timeout: the socket was shut from the cancelling thread.
    assert elapsed < 10


@pytest.mark.slow
def test_cancel_unblocks_a_write_the_server_never_reads(certs: Certs, tmp_path: Path) -> None:
    source = base.FileMessage(big_message(tmp_path / "m.eml", 20_000_000))
    script = Script(stop_reading=True)
    token = base.CancelToken()
    with scripted_smtp(certs, script) as port:
        thread = _cancel_when(script.data_started, token)
        try:
            with (
                SmtpTransport(
                    settings(certs, port, security="tls", data_timeout=30), PASSWORD
                ) as transport,
                pytest.raises(errors.Cancelled) as caught,
            ):
                start = time.monotonic()
                transport.send(source, ENVELOPE, OPTIONS, cancel=token)
        finally:
            thread.join(10)
        elapsed = time.monotonic() - start
    assert elapsed < 10
    assert caught.value.stage == "data"
    assert not caught.value.maybe_accepted


def test_an_envid_too_long_for_dsn_is_left_out(certs: Certs) -> None:
    data = make_message(message_id=f"<{'x' * 120}@example.org>")
    with (
        smtp_server(certs, behaviour=users()) as server,
        SmtpTransport(settings(certs, server.port), PASSWORD) as transport,
    ):
        transport.send(base.BytesMessage(data), ENVELOPE, OPTIONS)
    [got] = server.received
    assert "RET=FULL" in got.mail_line and "ENVID" not in got.mail_line
