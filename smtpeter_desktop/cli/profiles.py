"""``profiles``: add, list, test, rename and remove accounts; secrets go to the keyring only."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Literal

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import CheckStage
    from smtpeter_desktop.storage.profiles import Profile


def _piped_secret(args: argparse.Namespace, profile: Profile | None = None) -> str | None:
    if not (args.password_stdin or args.token_stdin):
        return None
    if profile is not None:
        wanted = "--token-stdin" if profile.transport == "rest" else "--password-stdin"
        given = "--token-stdin" if args.token_stdin else "--password-stdin"
        if wanted != given:
            raise UsageError(f"the profile {profile.name} takes {wanted}, not {given}")
    return common.read_secret(sys.stdin, "token" if args.token_stdin else "password")


def _store_secret(context: AppContext, profile: Profile, secret: str) -> None:
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    try:
        context.secrets.set(profile.id, secret)
    except KeyringUnavailable as exc:
        print(f"The secret was not stored: {exc}", file=sys.stderr)
        print(
            f"Give it with {'--token-stdin' if profile.transport == 'rest' else '--password-stdin'}"
            f" when sending, or run `smtpeter-desktop profiles set-secret {profile.name}` "
            "once a keyring works.",
            file=sys.stderr,
        )
    else:
        print(f"The secret is stored in the keyring ({context.secrets.status().backend}).")


def _add(args: argparse.Namespace) -> int:
    from smtpeter_desktop.storage.profiles import Identity, Profile

    fields: dict[str, Any] = {"ca_file": _checked_ca_file(args.ca_file)}
    if args.rest:
        if args.username or args.security:
            raise UsageError("--username and --security are for SMTP profiles")
        if args.url:
            fields["rest_url"] = args.url
        transport: Literal["smtp", "rest"] = "rest"
    else:
        if args.url:
            raise UsageError("--url is for REST profiles")
        host, _, port = args.smtp.rpartition(":") if ":" in args.smtp else (args.smtp, "", "")
        if port and not port.isdigit():
            raise UsageError(f"{args.smtp} is not HOST:PORT")
        port_number = int(port) if port else (465 if args.security == "tls" else 587)
        security = args.security or ("tls" if port_number == 465 else "starttls")
        fields.update(host=host, port=port_number, security=security, username=args.username)
        transport = "smtp"
    fields["identities"] = tuple(Identity.parse(text) for text in args.identities)
    profile = Profile.create(args.name, transport, **fields)
    wanted = "--token-stdin" if args.rest else "--password-stdin"
    if (args.token_stdin and not args.rest) or (args.password_stdin and args.rest):
        raise UsageError(f"a {transport.upper()} profile takes {wanted}")
    secret = _piped_secret(args)
    with common.app_context() as context:
        context.profiles.add(profile)
        print(f"Added the profile {profile.name}: {profile.describe()}.")
        if secret is not None:
            _store_secret(context, profile, secret)
        else:
            print(
                f"No secret given: add one with `smtpeter-desktop profiles set-secret "
                f"{profile.name} {wanted}`."
            )
    return EXIT_OK


def _checked_ca_file(given: str) -> str:
    """The CA file as an absolute path, once it is known to hold certificates.

    Refused now, at ``profiles add``, rather than found missing at every send; relative, it
    would name another file when a command runs from another folder.
    """
    if not given:
        return ""
    from pathlib import Path

    from smtpeter_desktop.delivery.checking import check_ca_file
    from smtpeter_desktop.delivery.names import SendError

    path = Path(given).expanduser().absolute()
    if path.is_dir():
        raise UsageError(f"the CA file {path} is a folder: give the certificate file itself")
    try:
        check_ca_file(path)
    except SendError as exc:
        raise UsageError(str(exc)) from None
    return str(path)


def _list(args: argparse.Namespace) -> int:
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    with common.app_context() as context:
        found = context.profiles.load()
        if not found:
            print("No profiles yet: add one with `smtpeter-desktop profiles add`.")
        for profile in found:
            if profile.sandbox:
                kept = "needs none"
            else:
                try:
                    kept = "stored" if context.secrets.has(profile.id) else "not stored"
                except KeyringUnavailable:
                    kept = "unknown (the keyring cannot be read)"
            senders = ", ".join(i.display for i in profile.identities) or "no senders"
            print(f"{profile.name}\n  {profile.describe()}\n  from: {senders}\n  secret: {kept}")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with common.app_context() as context:
        profile = context.profiles.remove(context.profiles.get(args.name).id)
    print(f"Removed the profile {profile.name} and its stored secret.")
    return EXIT_OK


def _rename(args: argparse.Namespace) -> int:
    import dataclasses

    with common.app_context() as context:
        profile = context.profiles.get(args.name)
        context.profiles.update(dataclasses.replace(profile, name=args.new_name))
    print(f"Renamed {profile.name} to {args.new_name}; its secret stays with it.")
    return EXIT_OK


def _set_secret(args: argparse.Namespace) -> int:
    with common.app_context() as context:
        profile = context.profiles.get(args.name)
        if profile.sandbox:
            raise UsageError(f"{profile.name} is the built-in sandbox: it needs no secret")
        secret = _piped_secret(args, profile)
        assert secret is not None
        from smtpeter_desktop.storage.errors import KeyringUnavailable

        try:
            context.secrets.set(profile.id, secret)
        except KeyringUnavailable as exc:
            raise UsageError(f"the secret was not stored: {exc}") from None
    print(f"Stored the secret of {profile.name} in the keyring.")
    return EXIT_OK


def _stage_line(stage: CheckStage) -> str:
    mark = "ok  " if stage.ok else "FAIL"
    what = stage.detail if stage.ok or stage.error is None else str(stage.error)
    return f"{mark} {stage.name:<10} {stage.seconds * 1000:7.1f} ms  {what}"


def _test(args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli.report import exit_code
    from smtpeter_desktop.delivery.checking import check_profile
    from smtpeter_desktop.delivery.names import SendError
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    with common.app_context() as context:
        profile = context.profiles.get(args.name)
        piped = _piped_secret(args, profile)
        if profile.sandbox:
            secret = ""
        elif piped is not None:
            secret = piped
        else:
            with context.postman() as postman:
                secret = postman.secret_for(profile)
        print(f"Testing {profile.name}: {profile.describe()}")
        try:
            report = check_profile(
                profile,
                secret,
                context.sandbox,
                lambda stage: print(_stage_line(stage), flush=True),
            )
        except SendError as exc:
            # Settings that cannot work (the CA file went away since the profile was added).
            print(f"The profile cannot be tested: {exc}", file=sys.stderr)
            return exit_code(ErrorInfo.of(exc))
    if report.ok:
        print("All stages passed.")
        return EXIT_OK
    failed = next(stage for stage in report.stages if not stage.ok)
    print(f"The {failed.name} stage failed.", file=sys.stderr)
    return exit_code(ErrorInfo.of(failed.error)) if failed.error else common.EXIT_FAILED
