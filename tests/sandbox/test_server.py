"""Starting and stopping sandboxes: quick, leak-free, clear when it cannot, and lasting CA."""

from __future__ import annotations

import smtplib
import socket
import stat
import threading
import time
from pathlib import Path

import pytest

from smtpeter_desktop.sandbox import (
    ConfigError,
    PortInUseError,
    Sandbox,
    SandboxConfig,
    StartError,
)
from tests.sandbox.clients import MESSAGE, rest, smtp


def test_start_and_stop_are_quick_and_leave_no_thread(tmp_path: Path) -> None:
    before = set(threading.enumerate())
    for round_ in range(3):
        started = time.monotonic()
        with Sandbox(SandboxConfig(data_dir=tmp_path)) as box:
            assert box.running
            with smtp(box) as client:
                client.noop()
            with rest(box) as client:
                client.get("/domains")
            stopping = time.monotonic()
        assert time.monotonic() - stopping < 0.5, round_
        assert time.monotonic() - started < 2.0, round_
        assert not box.running
    assert set(threading.enumerate()) == before


def test_stop_twice_and_stop_unstarted(tmp_path: Path) -> None:
    box = Sandbox(SandboxConfig(data_dir=tmp_path))
    box.stop()
    box.start()
    box.stop()
    box.stop()


def test_addresses(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(data_dir=tmp_path)) as box:
        assert box.host == "127.0.0.1"
        assert box.rest_base_url == f"https://127.0.0.1:{box.rest_port}/v1"
        assert len({box.smtp_port, box.smtps_port, box.rest_port}) == 3
        assert 0 not in (box.smtp_port, box.smtps_port, box.rest_port)
        assert box.ca_file == tmp_path / "ca.pem"
        assert "running" in repr(box)


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback on this machine")
def test_ipv6_loopback(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(data_dir=tmp_path, host="::1")) as box:
        assert box.rest_base_url.startswith("https://[::1]:")
        with smtp(box) as client:
            client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
        with rest(box) as client:
            assert client.get("/domains").status_code == 200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "localhost", "example.com", ""])  # noqa: S104
def test_only_loopback(tmp_path: Path, host: str) -> None:
    with pytest.raises(ConfigError) as info:
        SandboxConfig(data_dir=tmp_path, host=host)
    assert "127.0.0.1" in str(info.value)


def test_other_bad_settings(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="port number"):
        SandboxConfig(data_dir=tmp_path, rest_port=70000)
    with pytest.raises(ConfigError, match="token"):
        SandboxConfig(data_dir=tmp_path, token="")
    with pytest.raises(ConfigError, match="bare domain"):
        SandboxConfig(data_dir=tmp_path, sender_domains=("ann@example.com",))


def test_secrets_stay_out_of_the_config_repr(tmp_path: Path) -> None:
    config = SandboxConfig(data_dir=tmp_path, users={"ann": "pa55word"}, token="t0k3n-s3cret")
    text = repr(config)
    assert "ann" in text
    assert "pa55word" not in text
    assert "t0k3n-s3cret" not in text


@pytest.mark.parametrize("kind", ["smtp", "smtps", "rest"])
def test_a_taken_port_is_named(tmp_path: Path, kind: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        config = SandboxConfig(data_dir=tmp_path, **{f"{kind}_port": port})
        before = set(threading.enumerate())
        with pytest.raises(PortInUseError) as info:
            Sandbox(config).start()
    assert info.value.kind == kind
    assert info.value.port == port
    assert f"Port {port} on 127.0.0.1" in str(info.value)
    assert "0 picks a free one" in str(info.value)
    assert set(threading.enumerate()) == before  # what had started was stopped again


def test_an_unusable_data_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StartError, match="data folder"):
        Sandbox(SandboxConfig(data_dir=blocker / "sandbox")).start()


def test_the_ca_is_kept_and_reused(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(data_dir=tmp_path)) as box:
        first = box.ca_file.read_bytes()
        key = tmp_path / "ca-key.pem"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert b"PRIVATE KEY" in key.read_bytes()
        assert b"PRIVATE KEY" not in first
    with Sandbox(SandboxConfig(data_dir=tmp_path)) as box:
        assert box.ca_file.read_bytes() == first
        # A client that trusted the first run's ca.pem still trusts this run.
        with smtp(box) as client:
            client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)


def test_a_damaged_ca_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("garbage")
    (tmp_path / "ca-key.pem").write_text("garbage")
    with pytest.raises(StartError) as info:
        Sandbox(SandboxConfig(data_dir=tmp_path)).start()
    assert "Delete ca.pem and ca-key.pem" in str(info.value)


def test_messages_outlive_a_restart(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(data_dir=tmp_path)) as box:
        with smtp(box) as client:
            client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
        (message_id,) = box.messages()[0].ids
    with Sandbox(SandboxConfig(data_dir=tmp_path)) as box:
        assert len(box.messages()) == 1
        with rest(box) as client:
            assert client.get(f"/events/messageid/{message_id}").status_code == 200
        with smtp(box) as client:
            client.sendmail("ann@example.com", ["cid@example.net"], MESSAGE)
        first, second = box.messages()
        assert first.received <= second.received
        assert second.recipients == ("cid@example.net",)


def test_files_of_a_kept_message(sandbox: Sandbox) -> None:
    with smtp(sandbox) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    (kept,) = sandbox.messages()
    names = sorted(p.name for p in sandbox.messages_dir.iterdir())
    assert names == [f"{kept.id}.eml", f"{kept.id}.json"]  # no temporary file left behind


def test_many_clients_at_once(sandbox: Sandbox) -> None:
    errors: list[BaseException] = []

    def send(n: int) -> None:
        try:
            with smtp(sandbox) as client:
                client.sendmail("ann@example.com", [f"r{n}@example.org"], MESSAGE)
        except (OSError, smtplib.SMTPException) as exc:
            errors.append(exc)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(m.recipients[0] for m in sandbox.messages()) == sorted(
        f"r{n}@example.org" for n in range(8)
    )


def test_clients_that_never_start_tls_do_not_hold_up_stop(sandbox: Sandbox) -> None:
    with (
        socket.create_connection((sandbox.host, sandbox.rest_port), timeout=5) as rest_raw,
        socket.create_connection((sandbox.host, sandbox.smtps_port), timeout=5) as smtps_raw,
        socket.create_connection((sandbox.host, sandbox.smtp_port), timeout=5) as smtp_raw,
    ):
        assert smtp_raw.recv(100).startswith(b"220 ")  # the session is up and idle
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 1.0
        for raw in (rest_raw, smtps_raw, smtp_raw):
            assert _hung_up(raw)


def _hung_up(raw: socket.socket) -> bool:
    # A connection still in the listen queue is reset rather than closed.
    try:
        return raw.recv(100) == b""
    except ConnectionResetError:
        return True


def test_answers_are_not_held_back_by_delayed_acks(sandbox: Sandbox) -> None:
    # Multi-line SMTP replies and HTTP answers go out in several writes; with Nagle's
    # algorithm on, each would wait ~40 ms for the client's delayed ACK: 10 > 0.4 s.
    with smtp(sandbox) as client:
        started = time.monotonic()
        for _ in range(10):
            client.ehlo()
        assert time.monotonic() - started < 0.3
    with rest(sandbox) as client:
        client.get("/domains")
        started = time.monotonic()
        for _ in range(10):
            client.get("/domains")
        assert time.monotonic() - started < 0.3
