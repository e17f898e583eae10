"""``smtpeter-desktop sandbox`` and ``run_forever``: a real process, signals, one-line errors."""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from smtpeter_desktop.sandbox import arguments, command
from tests.sandbox.clients import MESSAGE

RUN_FOREVER = """
import sys
from pathlib import Path
from smtpeter_desktop.sandbox import SandboxConfig, run_forever
sys.exit(run_forever(SandboxConfig(data_dir=Path(sys.argv[1])), sys.stdout))
"""

RUN_COMMAND = """
import argparse, sys
from pathlib import Path
from smtpeter_desktop.sandbox import arguments, command
parser = argparse.ArgumentParser(prog="smtpeter-desktop sandbox")
arguments.add_arguments(parser)
sys.exit(command.run(parser.parse_args(sys.argv[2:]), default_data_dir=Path(sys.argv[1])))
"""


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    arguments.add_arguments(parser)
    return parser.parse_args(argv)


def _banner(process: subprocess.Popen[str]) -> str:
    """What the process printed up to the end of its banner (its last line names faults)."""
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.strip().startswith("Faults:"):
            break
    return "".join(lines)


def _port(banner: str, label: str) -> int:
    match = re.search(rf"{re.escape(label)}:\s+\S+:(\d+)", banner)
    assert match, banner
    return int(match.group(1))


def _send(port: int, ca_file: Path, login: tuple[str, str] = ("ann", "secret")) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.starttls(context=ssl.create_default_context(cafile=str(ca_file)))
        client.login(*login)
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_run_forever_in_a_process_until_sigterm(tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", RUN_FOREVER, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            banner = _banner(process)
            for words in ("SMTP (STARTTLS):", "SMTP (implicit TLS):", "REST:", "any token"):
                assert words in banner
            assert f"CA certificate:      {tmp_path / 'ca.pem'}" in banner
            assert f"Data folder:         {tmp_path}" in banner
            _send(_port(banner, "SMTP (STARTTLS)"), tmp_path / "ca.pem")
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, err
    assert out.strip().endswith("Sandbox stopped.")
    assert len(list((tmp_path / "messages").glob("*.eml"))) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process is POSIX")
def test_the_command_with_options_until_ctrl_c(tmp_path: Path) -> None:
    argv = [
        *("--smtp-port", "0", "--smtps-port", "0", "--rest-port", "0"),
        *("--user", "ann:secret", "--token", "t0k3n", "--sender-domain", "example.com"),
        *("--fault", "reject=*@bad.example"),
    ]
    with subprocess.Popen(
        [sys.executable, "-c", RUN_COMMAND, str(tmp_path / "default"), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            banner = _banner(process)
            assert "SMTP logins:         ann\n" in banner
            assert "secret" not in banner and "t0k3n" not in banner
            assert "Sender domains:      example.com" in banner
            assert "Faults:              reject=*@bad.example" in banner
            ca_file = tmp_path / "default" / "ca.pem"
            port = _port(banner, "SMTP (STARTTLS)")
            with pytest.raises(smtplib.SMTPAuthenticationError):
                _send(port, ca_file, login=("ann", "wrong"))
            _send(port, ca_file)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, err
    assert "Sandbox stopped." in out


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process is POSIX")
def test_secrets_from_a_file_and_standard_input(tmp_path: Path) -> None:
    users = tmp_path / "users"
    users.write_text("ann:s3cret pass\n\nbob:other\r\n")
    users.chmod(0o600)
    argv = [
        *("--smtp-port", "0", "--smtps-port", "0", "--rest-port", "0"),
        *("--user-file", str(users), "--token-file", "-"),
    ]
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w") as pipe:
        pipe.write("t0k3n-from-stdin\n")  # as from `pass show sandbox | smtpeter-desktop ...`
    with subprocess.Popen(
        [sys.executable, "-c", RUN_COMMAND, str(tmp_path / "data"), *argv],
        stdin=read_end,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        os.close(read_end)
        try:
            banner = _banner(process)
            # Nothing secret where other users can see it: the process list.
            assert not any(word in str(process.args) for word in ("s3cret", "t0k3n"))
            assert "SMTP logins:         ann, bob\n" in banner
            assert "REST token:          only the one it was given" in banner
            ca_file = tmp_path / "data" / "ca.pem"
            port = _port(banner, "SMTP (STARTTLS)")
            _send(port, ca_file, login=("ann", "s3cret pass"))
            _send(port, ca_file, login=("bob", "other"))
            with pytest.raises(smtplib.SMTPAuthenticationError):
                _send(port, ca_file, login=("ann", "s3cret"))
            url = f"https://127.0.0.1:{_port(banner, 'REST')}/v1/domains"
            with httpx.Client(verify=ssl.create_default_context(cafile=str(ca_file))) as client:
                right = client.get(url, params={"access_token": "t0k3n-from-stdin"})
                wrong = client.get(url, params={"access_token": "t0k3n-from-stdin\n"})
            assert (right.status_code, wrong.status_code) == (200, 401)
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
@pytest.mark.parametrize("option", ["--user-file", "--token-file"])
def test_a_secret_file_others_can_read_is_refused(tmp_path: Path, option: str) -> None:
    secret = tmp_path / "secret"
    secret.write_text("ann:s3cret\n")
    secret.chmod(0o644)
    out, err = io.StringIO(), io.StringIO()
    code = command.run(_parse(option, str(secret)), default_data_dir=tmp_path, out=out, err=err)
    assert code == 2
    assert err.getvalue().count("\n") == 1
    assert f"chmod 600 {secret}" in err.getvalue()
    assert "s3cret" not in err.getvalue()


@pytest.mark.parametrize(
    ("argv", "stdin", "words"),
    [
        (["--token-file", "-"], "\n", "no token"),
        (["--user-file", "-"], "\n \n", "no NAME:PASSWORD"),
        (["--user-file", "-"], "ann\n", "NAME:PASSWORD"),
        (["--user-file", "-", "--token-file", "-"], "ann:s3cret\n", "standard input"),
        (["--token", "x", "--token-file", "-"], "s3cret\n", "not both"),
        (["--token-file", "/nonexistent/token"], "", "cannot be read"),
    ],
)
def test_bad_secret_sources_are_one_line_and_exit_2(
    tmp_path: Path, argv: list[str], stdin: str, words: str
) -> None:
    out, err = io.StringIO(), io.StringIO()
    args = _parse(*argv)
    code = command.run(args, default_data_dir=tmp_path, out=out, err=err, stdin=io.StringIO(stdin))
    assert code == 2
    assert err.getvalue().count("\n") == 1
    assert words in err.getvalue()
    assert "s3cret" not in err.getvalue()


def test_help_says_the_plain_options_are_for_throwaway_values() -> None:
    parser = argparse.ArgumentParser()
    arguments.add_arguments(parser)
    text = " ".join(parser.format_help().split())
    for option in ("--user NAME:PASSWORD", "--token TOKEN"):
        help_text = text.rsplit(option, 1)[1].split(" --", 1)[0]  # past the usage line
        assert "process list" in help_text
        assert "throwaway" in help_text
    assert "--user-file PATH" in text
    assert "--token-file PATH" in text


def test_fixed_default_ports() -> None:
    args = _parse()
    assert (args.smtp_port, args.smtps_port, args.rest_port) == (2587, 2465, 2443)
    assert args.host == "127.0.0.1"
    assert args.data is None


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--host", "0.0.0.0"], "loopback"),  # noqa: S104
        (["--user", "ann"], "NAME:PASSWORD"),
        (["--user", ":secret"], "NAME:PASSWORD"),
        (["--fault", "explode"], "not a fault"),
        (["--rest-port", "99999"], "port number"),
        (["--sender-domain", "a@b.example"], "bare domain"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(tmp_path: Path, argv: list[str], words: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = command.run(_parse(*argv), default_data_dir=tmp_path, out=out, err=err)
    assert code == 2
    assert out.getvalue() == ""
    assert err.getvalue().count("\n") == 1
    assert words in err.getvalue()
    assert "secret" not in err.getvalue()


def test_a_taken_port_is_one_line_naming_the_option(tmp_path: Path) -> None:
    previous = signal.getsignal(signal.SIGINT)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        out, err = io.StringIO(), io.StringIO()
        args = _parse("--smtp-port", "0", "--smtps-port", "0", "--rest-port", str(port))
        code = command.run(args, default_data_dir=tmp_path, out=out, err=err)
    assert code == 1
    line = err.getvalue()
    assert line.count("\n") == 1
    assert f"Port {port}" in line
    assert "--rest-port" in line
    assert signal.getsignal(signal.SIGINT) is previous  # the handlers were put back


def test_every_public_name_resolves() -> None:
    import smtpeter_desktop.sandbox as package

    for name in package.__all__:
        assert getattr(package, name).__name__ == name
    with pytest.raises(AttributeError):
        package.nothing  # noqa: B018


def test_building_the_parser_does_not_load_the_servers() -> None:
    code = (
        "import argparse, sys\n"
        "from smtpeter_desktop.sandbox import arguments\n"
        "arguments.add_arguments(argparse.ArgumentParser())\n"
        "print(','.join(m for m in ('aiosmtpd', 'trustme', 'cryptography') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
