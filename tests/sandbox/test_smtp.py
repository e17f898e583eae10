"""The sandbox's SMTP API, spoken to by the standard library's smtplib."""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl

import pytest

from smtpeter_desktop.sandbox import Sandbox
from tests.sandbox.clients import MESSAGE, smtp, smtps
from tests.sandbox_fixture import client_tls


def test_starttls_auth_plain_send_is_kept(sandbox: Sandbox) -> None:
    with smtp(sandbox, login=None) as client:
        client.ehlo()
        assert "PLAIN" in client.esmtp_features["auth"].split()
        client.login("ann", "secret")
        refused = client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
        code, _ = client.noop()
    assert refused == {}
    assert code == 250
    (kept,) = sandbox.messages()
    assert kept.transport == "smtp"
    assert kept.mail_from == "ann@example.com"
    assert kept.recipients == ("bob@example.org",)
    assert list(kept.ids.values()) == ["bob@example.org"]
    assert kept.auth_user == "ann"
    assert kept.raw() == MESSAGE
    assert kept.size == len(MESSAGE)
    assert kept.message()["Subject"] == "Hello"


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_both_login_mechanisms(sandbox: Sandbox, mechanism: str) -> None:
    with smtp(sandbox, login=None) as client:
        client.ehlo()
        client.user, client.password = "ann", "secret"
        auth = client.auth_plain if mechanism == "PLAIN" else client.auth_login
        code, _ = client.auth(mechanism, auth, initial_response_ok=False)
        assert code == 235
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    assert sandbox.messages()[0].auth_user == "ann"


def test_data_reply_names_the_kept_message(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.mail("ann@example.com")
        client.rcpt("bob@example.org")
        code, reply = client.data(MESSAGE)
    (kept,) = sandbox.messages()
    assert (code, reply.decode()) == (250, f"2.0.0 Ok: queued as {kept.id}")


def test_implicit_tls(sandbox: Sandbox) -> None:
    with smtps(sandbox) as client:
        assert not client.has_extn("starttls")
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    assert sandbox.messages()[0].raw() == MESSAGE


def test_the_certificate_is_for_the_loopback_names(sandbox: Sandbox) -> None:
    context = client_tls(sandbox)
    with (
        socket.create_connection((sandbox.host, sandbox.smtps_port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        certificate = tls.getpeercert()
    assert certificate is not None
    names = {str(entry[1]) for entry in certificate["subjectAltName"]}
    assert {"localhost", "127.0.0.1"} <= names


def test_an_untrusting_client_refuses_the_certificate(sandbox: Sandbox) -> None:
    with pytest.raises(ssl.SSLCertVerificationError):  # noqa: SIM117 - smtplib raises in __init__
        with smtplib.SMTP_SSL(
            sandbox.host, sandbox.smtps_port, timeout=10, context=ssl.create_default_context()
        ):
            pass


def test_nothing_before_starttls(sandbox: Sandbox) -> None:
    credentials = base64.b64encode(b"\0ann\0secret").decode()
    with smtplib.SMTP(sandbox.host, sandbox.smtp_port, timeout=10) as client:
        client.ehlo()
        assert client.has_extn("starttls")
        assert not client.has_extn("auth")
        assert client.docmd("AUTH", f"PLAIN {credentials}")[0] == 530
        assert client.docmd("MAIL", "FROM:<ann@example.com>")[0] == 530


def test_auth_before_starttls_is_refused_even_where_tls_is_not_required(
    sandbox: Sandbox,
) -> None:
    # What aiosmtpd says when it does not demand STARTTLS first: encryption required.
    with smtplib.SMTP(sandbox.host, sandbox.smtp_port, timeout=10) as client:
        client.ehlo()
        code, reply = client.docmd("AUTH", "LOGIN")
    assert code in (530, 538), reply


def test_mail_before_auth_is_refused(sandbox: Sandbox) -> None:
    for session in (smtp(sandbox, login=None), smtps(sandbox, login=None)):
        with session as client:
            client.ehlo()
            assert client.docmd("MAIL", "FROM:<ann@example.com>")[0] == 530


def test_users_are_enforced(make_sandbox) -> None:
    box = make_sandbox(users={"ann": "secret"})
    with smtp(box, login=None) as client, pytest.raises(smtplib.SMTPAuthenticationError) as info:
        client.login("ann", "wrong")
    assert info.value.smtp_code == 535
    with smtp(box, login=None) as client, pytest.raises(smtplib.SMTPAuthenticationError):
        client.login("eve", "secret")
    with smtp(box, login=("ann", "secret")) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    assert len(box.messages()) == 1


def test_smtpeter_headers_are_read_and_stripped(sandbox: Sandbox) -> None:
    message = (
        b"From: ann@example.com\r\n"
        b"x-smtpeter-inlinecss: true\r\n"
        b"X-SMTPeter-TrackClicks: false\r\n"
        b"x-smtpeter-trackopens: TRUE\r\n"
        b"x-smtpeter-trackbounces: false\r\n"
        b"x-smtpeter-preventscam: true\r\n"
        b"x-smtpeter-tags: news,\r\n spring\r\n"
        b"x-smtpeter-images: hosted\r\n"
        b"Subject: Options\r\n"
        b"\r\n"
        b"x-smtpeter-tags: in the body stays\r\n"
    )
    with smtp(sandbox) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], message)
    (kept,) = sandbox.messages()
    assert kept.options == {
        "inlinecss": True,
        "trackclicks": False,
        "trackopens": True,
        "trackbounces": False,
        "preventscam": True,
        "tags": ["news", "spring"],
        "images": "hosted",
    }
    assert kept.raw() == (
        b"From: ann@example.com\r\nSubject: Options\r\n\r\nx-smtpeter-tags: in the body stays\r\n"
    )


@pytest.mark.parametrize(
    ("field", "words"),
    [
        (b"x-smtpeter-tags: news letter", "has a space"),
        (b"x-smtpeter-tags: news;letter", "has a semicolon"),
        ("x-smtpeter-tags: grüße".encode(), "outside ASCII"),
        (b"x-smtpeter-tags: news\x1cletter", "control character"),
        (b"x-smtpeter-trackopens: yes", "true or false"),
    ],
)
def test_option_headers_smtpeter_would_refuse_are_550(
    sandbox: Sandbox, field: bytes, words: str
) -> None:
    message = field + b"\r\n" + MESSAGE
    with smtp(sandbox) as client, pytest.raises(smtplib.SMTPDataError) as info:
        client.sendmail("ann@example.com", ["bob@example.org"], message)
    assert info.value.smtp_code == 550
    reply = info.value.smtp_error
    assert words in (reply.decode() if isinstance(reply, bytes) else reply)
    assert sandbox.messages() == []


def test_dsn_parameters_are_recorded(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        assert client.has_extn("dsn")
        client.sendmail(
            "ann@example.com",
            ["bob@example.org", "cid@example.net"],
            MESSAGE,
            mail_options=["RET=HDRS", "ENVID=id+2B42"],
            rcpt_options=["NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;bob@example.org"],
        )
    (kept,) = sandbox.messages()
    assert kept.dsn == {
        "ret": "HDRS",
        "envid": "id+42",
        "notify": "SUCCESS,FAILURE",
        "orcpt": "rfc822;bob@example.org",
    }


def test_dsn_differing_per_recipient_is_kept_per_recipient(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.mail("ann@example.com", ["RET=FULL"])
        assert client.rcpt("bob@example.org", ["NOTIFY=NEVER"])[0] == 250
        assert client.rcpt("cid@example.net", ["NOTIFY=delay"])[0] == 250
        assert client.rcpt("dan@example.net")[0] == 250
        client.data(MESSAGE)
    assert sandbox.messages()[0].dsn == {
        "ret": "FULL",
        "notify:bob@example.org": "NEVER",
        "notify:cid@example.net": "DELAY",
    }


def test_bad_dsn_parameters_are_refused(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        assert client.mail("ann@example.com", ["RET=ALL"])[0] == 501
        assert client.mail("ann@example.com")[0] == 250
        assert client.rcpt("bob@example.org", ["NOTIFY=SOMETIMES"])[0] == 501
        assert client.rcpt("bob@example.org", ["ORCPT=bob@example.org"])[0] == 501


def test_null_sender_and_several_recipients(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.sendmail("<>", ["bob@example.org", "cid@example.net"], MESSAGE)
    (kept,) = sandbox.messages()
    assert kept.mail_from == ""
    assert sorted(kept.ids.values()) == ["bob@example.org", "cid@example.net"]
    assert len(set(kept.ids)) == 2


def test_extensions_offered(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.ehlo()
        for name in ("size", "8bitmime", "smtputf8", "dsn", "pipelining"):
            assert client.has_extn(name), name
        assert int(client.esmtp_features["size"]) >= 30 * 1024 * 1024


def test_smtputf8_address(sandbox: Sandbox) -> None:
    message = "From: jörg@exämple.com\r\nSubject: Grüße\r\n\r\nHallo\r\n".encode()
    with smtp(sandbox) as client:
        client.ehlo()
        client.command_encoding = "utf-8"
        assert client.mail("jörg@exämple.com")[0] == 553  # no SMTPUTF8 parameter
        client.rset()
        client.sendmail("jörg@exämple.com", ["zoë@example.org"], message, mail_options=["SMTPUTF8"])
    (kept,) = sandbox.messages()
    assert kept.mail_from == "jörg@exämple.com"
    assert kept.recipients == ("zoë@example.org",)
    assert kept.raw() == message


def test_pipelined_commands_are_answered_in_order(sandbox: Sandbox) -> None:
    with smtps(sandbox) as client:
        sock = client.sock
        assert isinstance(sock, ssl.SSLSocket)
        sock.sendall(
            b"MAIL FROM:<ann@example.com>\r\nRCPT TO:<bob@example.org>\r\n"
            b"RCPT TO:<cid@example.net>\r\nDATA\r\n"
        )
        replies = [client.getreply()[0] for _ in range(4)]
        assert replies == [250, 250, 250, 354]
        sock.sendall(MESSAGE + b".\r\n")
        assert client.getreply()[0] == 250
    assert sandbox.messages()[0].recipients == ("bob@example.org", "cid@example.net")


def test_sender_domains_are_enforced(make_sandbox) -> None:
    box = make_sandbox(sender_domains=("example.net",))
    with smtp(box) as client:
        with pytest.raises(smtplib.SMTPDataError) as info:
            client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
        assert info.value.smtp_code == 550
        assert (
            b"You cannot send mailings from example.com without configuring it as sender domain"
            in info.value.smtp_error
        )
        client.sendmail("ann@example.net", ["bob@example.org"], MESSAGE.replace(b".com>", b".net>"))
    assert len(box.messages()) == 1


def test_a_message_without_from_is_refused(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client, pytest.raises(smtplib.SMTPDataError) as info:
        client.sendmail("ann@example.com", ["bob@example.org"], b"Subject: x\r\n\r\nbody\r\n")
    assert info.value.smtp_code == 550
    assert sandbox.messages() == []


def test_too_large_a_message_is_refused_by_size(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.ehlo()
        limit = int(client.esmtp_features["size"])
        code, _ = client.mail("ann@example.com", [f"SIZE={limit + 1}"])
    assert code == 552


@pytest.mark.slow
def test_a_20_mb_message(sandbox: Sandbox) -> None:
    line = b"A" * 76 + b"\r\n"
    body = line * (20 * 1024 * 1024 // len(line))
    message = MESSAGE + body
    with smtp(sandbox) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], message)
    (kept,) = sandbox.messages()
    assert kept.size == len(message)
    assert kept.raw() == message
