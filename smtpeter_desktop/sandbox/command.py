"""``smtpeter-desktop sandbox``: run the sandbox alone, from the command line, until stopped.

Logins and the token can come from a file or standard input (``--user-file``,
``--token-file``, ``-`` for standard input), so that no secret shows in the process list;
``--user`` and ``--token`` remain for throwaway values.
"""

from __future__ import annotations

import argparse
import os
import signal
import stat
import sys
import threading
import types
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from smtpeter_desktop.sandbox.config import SandboxConfig
from smtpeter_desktop.sandbox.errors import ConfigError, PortInUseError, SandboxError
from smtpeter_desktop.sandbox.faults import FaultRules
from smtpeter_desktop.sandbox.server import Sandbox

_PORT_OPTIONS = {"smtp": "--smtp-port", "smtps": "--smtps-port", "rest": "--rest-port"}


def run(
    args: argparse.Namespace,
    default_data_dir: Path,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the sandbox the parsed ``args`` describe until SIGINT or SIGTERM.

    Returns 0 after a clean stop, 2 for a bad argument and 1 when it cannot start, each
    problem said in one line on ``err``. ``stdin`` is where ``-`` reads secrets from.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        users, token = _secrets(args, stdin or sys.stdin)
        config = SandboxConfig(
            data_dir=Path(args.data) if args.data else default_data_dir,
            host=args.host,
            smtp_port=args.smtp_port,
            smtps_port=args.smtps_port,
            rest_port=args.rest_port,
            users=users,
            token=token,
            sender_domains=tuple(d.strip().lower() for d in args.sender_domain),
        )
        faults = FaultRules.parse(args.fault)
    except ConfigError as exc:
        err.write(f"smtpeter-desktop sandbox: {exc}\n")
        return 2
    try:
        return run_forever(config, out, faults=faults)
    except PortInUseError as exc:
        err.write(f"smtpeter-desktop sandbox: {exc} The option is {_PORT_OPTIONS[exc.kind]}.\n")
        return 1
    except SandboxError as exc:
        err.write(f"smtpeter-desktop sandbox: {exc}\n")
        return 1


def run_forever(config: SandboxConfig, out: TextIO, *, faults: FaultRules | None = None) -> int:
    """Start a sandbox, say on ``out`` where it listens, and run until SIGINT or SIGTERM.

    Must be called from the main thread (it installs the signal handlers, and puts the old
    ones back when done). Raises ``SandboxError`` when the sandbox cannot start.
    """
    stop = threading.Event()

    def on_signal(signum: int, frame: types.FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        sandbox = Sandbox(config)
        if faults is not None:
            sandbox.faults.set(faults)
        with sandbox:
            out.write(describe(sandbox))
            out.flush()
            stop.wait()
        out.write("Sandbox stopped.\n")
        out.flush()
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, _handler(handler))


def describe(sandbox: Sandbox) -> str:
    """Where a running sandbox listens and whom it lets in, for a person to read."""
    config = sandbox.config
    users = "any name and password" if config.users is None else ", ".join(sorted(config.users))
    token = "any token" if config.token is None else "only the one it was given"
    domains = ", ".join(config.sender_domains) or "any"
    faults = ", ".join(sandbox.faults.rules.specs()) or "none"
    lines = [
        "SMTPeter sandbox running. Stop it with Ctrl+C.",
        f"  SMTP (STARTTLS):     {sandbox.host}:{sandbox.smtp_port}",
        f"  SMTP (implicit TLS): {sandbox.host}:{sandbox.smtps_port}",
        f"  REST:                {sandbox.rest_base_url}",
        f"  CA certificate:      {sandbox.ca_file}",
        f"  Data folder:         {sandbox.data_dir}",
        f"  SMTP logins:         {users}",
        f"  REST token:          {token}",
        f"  Sender domains:      {domains}",
        f"  Faults:              {faults}",
    ]
    return "\n".join(lines) + "\n"


def _secrets(args: argparse.Namespace, stdin: TextIO) -> tuple[dict[str, str] | None, str | None]:
    """The logins and the token, from the options, their files, or standard input."""
    if str(args.user_file) == str(args.token_file) == "-":
        raise ConfigError(
            "Only one of --user-file and --token-file can read standard input: "
            "give the other a file."
        )
    specs = list(args.user)
    if args.user_file is not None:
        user_file = Path(args.user_file)
        text = _read_secret(user_file, "--user-file", stdin)
        lines = [line.rstrip("\r") for line in text.split("\n")]
        specs += [line for line in lines if line.strip()]
        if not specs:
            raise ConfigError(f"{_name(user_file)} holds no NAME:PASSWORD line.")
    token = args.token
    if args.token_file is not None:
        if token is not None:
            raise ConfigError("Give the REST token once: --token or --token-file, not both.")
        token_file = Path(args.token_file)
        token = _read_secret(token_file, "--token-file", stdin)
        token = token.split("\n", 1)[0].rstrip("\r")
        if not token:
            raise ConfigError(f"{_name(token_file)} holds no token on its first line.")
    return (_users(specs) if specs else None), token


def _read_secret(path: Path, option: str, stdin: TextIO) -> str:
    """A secret file's text, refused when others may read it; ``-`` is standard input."""
    if str(path) == "-":
        return stdin.read()
    try:
        with path.open("rb") as file:
            mode = os.fstat(file.fileno()).st_mode
            if stat.S_ISREG(mode) and mode & 0o077 and sys.platform != "win32":
                # Like ssh with a private key: a secret others can read is no secret.
                raise ConfigError(
                    f"{path} ({option}) can be read by other users: make it yours alone "
                    f"with 'chmod 600 {path}', then start again."
                )
            data = file.read()
    except OSError as exc:
        raise ConfigError(
            f"The {option} file {path} cannot be read ({exc.strerror or exc})."
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"The {option} file {path} is not UTF-8 text.") from None


def _name(path: Path) -> str:
    return "Standard input" if str(path) == "-" else str(path)


def _users(specs: list[str]) -> dict[str, str]:
    users: dict[str, str] = {}
    for spec in specs:
        name, colon, password = spec.partition(":")
        if not colon or not name or not password:
            # Never repeat the spec: it holds a password.
            raise ConfigError("A login needs NAME:PASSWORD, with neither part empty.")
        users[name] = password
    return users


def _handler(
    handler: Callable[[int, types.FrameType | None], object] | int | None,
) -> Callable[[int, types.FrameType | None], object] | int:
    # signal.signal() reports a handler set outside Python as None; the default stands in.
    return signal.SIG_DFL if handler is None else handler
