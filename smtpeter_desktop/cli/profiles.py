"""``profiles``: add, list, test, rename and remove accounts; secrets go to the keyring only."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Literal

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError
from smtpeter_desktop.i18n import translate

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
            raise UsageError(
                translate("cli.profiles", "the profile {name} takes {wanted}, not {given}").format(
                    name=profile.name, wanted=wanted, given=given
                )
            )
    return common.read_secret(sys.stdin, "token" if args.token_stdin else "password")


def _store_secret(context: AppContext, profile: Profile, secret: str) -> None:
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    try:
        context.secrets.set(profile.id, secret)
    except KeyringUnavailable as exc:
        print(
            translate("cli.profiles", "The secret was not stored: {exc}").format(exc=exc),
            file=sys.stderr,
        )
        print(
            translate(
                "cli.profiles",
                "Give it with {value} when sending, or run `smtpeter-desktop profiles "
                "set-secret {name}` once a keyring works.",
            ).format(
                value="--token-stdin" if profile.transport == "rest" else "--password-stdin",
                name=profile.name,
            ),
            file=sys.stderr,
        )
    else:
        print(
            translate("cli.profiles", "The secret is stored in the keyring ({backend}).").format(
                backend=context.secrets.status().backend
            )
        )


def _add(args: argparse.Namespace) -> int:
    from smtpeter_desktop.storage.profiles import Identity, Profile

    fields: dict[str, Any] = {"ca_file": _checked_ca_file(args.ca_file)}
    if args.rest:
        if args.username or args.security:
            raise UsageError(
                translate("cli.profiles", "--username and --security are for SMTP profiles")
            )
        if args.url:
            fields["rest_url"] = args.url
        transport: Literal["smtp", "rest"] = "rest"
    else:
        if args.url:
            raise UsageError(translate("cli.profiles", "--url is for REST profiles"))
        host, _, port = args.smtp.rpartition(":") if ":" in args.smtp else (args.smtp, "", "")
        if port and not port.isdigit():
            raise UsageError(
                translate("cli.profiles", "{smtp} is not HOST:PORT").format(smtp=args.smtp)
            )
        port_number = int(port) if port else (465 if args.security == "tls" else 587)
        security = args.security or ("tls" if port_number == 465 else "starttls")
        fields.update(host=host, port=port_number, security=security, username=args.username)
        transport = "smtp"
    fields["identities"] = tuple(Identity.parse(text) for text in args.identities)
    profile = Profile.create(args.name, transport, **fields)
    wanted = "--token-stdin" if args.rest else "--password-stdin"
    if (args.token_stdin and not args.rest) or (args.password_stdin and args.rest):
        raise UsageError(
            translate("cli.profiles", "a {upper} profile takes {wanted}").format(
                upper=transport.upper(), wanted=wanted
            )
        )
    secret = _piped_secret(args)
    with common.app_context() as context:
        context.profiles.add(profile)
        print(
            translate("cli.profiles", "Added the profile {name}: {describe}.").format(
                name=profile.name, describe=profile.describe()
            )
        )
        if secret is not None:
            _store_secret(context, profile, secret)
        else:
            print(
                translate(
                    "cli.profiles",
                    "No secret given: add one with `smtpeter-desktop profiles set-secret "
                    "{name} {wanted}`.",
                ).format(name=profile.name, wanted=wanted)
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
        raise UsageError(
            translate(
                "cli.profiles", "the CA file {path} is a folder: give the certificate file itself"
            ).format(path=path)
        )
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
            print(
                translate(
                    "cli.profiles", "No profiles yet: add one with `smtpeter-desktop profiles add`."
                )
            )
        for profile in found:
            if profile.sandbox:
                kept = translate("cli.profiles", "needs none")
            else:
                try:
                    kept = (
                        translate("cli.profiles", "stored")
                        if context.secrets.has(profile.id)
                        else translate("cli.profiles", "not stored")
                    )
                except KeyringUnavailable:
                    kept = translate("cli.profiles", "unknown (the keyring cannot be read)")
            senders = ", ".join(i.display for i in profile.identities) or translate(
                "cli.profiles", "no senders"
            )
            print(
                translate(
                    "cli.profiles", "{name}\n  {describe}\n  from: {senders}\n  secret: {kept}"
                ).format(name=profile.name, describe=profile.describe(), senders=senders, kept=kept)
            )
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    with common.app_context() as context:
        profile = context.profiles.remove(context.profiles.get(args.name).id)
    print(
        translate("cli.profiles", "Removed the profile {name} and its stored secret.").format(
            name=profile.name
        )
    )
    return EXIT_OK


def _rename(args: argparse.Namespace) -> int:
    import dataclasses

    with common.app_context() as context:
        profile = context.profiles.get(args.name)
        context.profiles.update(dataclasses.replace(profile, name=args.new_name))
    print(
        translate("cli.profiles", "Renamed {name} to {new_name}; its secret stays with it.").format(
            name=profile.name, new_name=args.new_name
        )
    )
    return EXIT_OK


def _set_secret(args: argparse.Namespace) -> int:
    with common.app_context() as context:
        profile = context.profiles.get(args.name)
        if profile.sandbox:
            raise UsageError(
                translate(
                    "cli.profiles", "{name} is the built-in sandbox: it needs no secret"
                ).format(name=profile.name)
            )
        secret = _piped_secret(args, profile)
        assert secret is not None
        from smtpeter_desktop.storage.errors import KeyringUnavailable

        try:
            context.secrets.set(profile.id, secret)
        except KeyringUnavailable as exc:
            raise UsageError(
                translate("cli.profiles", "the secret was not stored: {exc}").format(exc=exc)
            ) from None
    print(
        translate("cli.profiles", "Stored the secret of {name} in the keyring.").format(
            name=profile.name
        )
    )
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
        print(
            translate("cli.profiles", "Testing {name}: {describe}").format(
                name=profile.name, describe=profile.describe()
            )
        )
        try:
            report = check_profile(
                profile,
                secret,
                context.sandbox,
                lambda stage: print(_stage_line(stage), flush=True),
            )
        except SendError as exc:
            # Settings that cannot work (the CA file went away since the profile was added).
            print(
                translate("cli.profiles", "The profile cannot be tested: {exc}").format(exc=exc),
                file=sys.stderr,
            )
            return exit_code(ErrorInfo.of(exc))
    if report.ok:
        print(translate("cli.profiles", "All stages passed."))
        return EXIT_OK
    failed = next(stage for stage in report.stages if not stage.ok)
    print(
        translate("cli.profiles", "The {name} stage failed.").format(name=failed.name),
        file=sys.stderr,
    )
    return exit_code(ErrorInfo.of(failed.error)) if failed.error else common.EXIT_FAILED
