"""``profiles``: add, list, test, rename and remove accounts; secrets go to the keyring only.

A secret is piped on standard input, one line each: the password or token, then (with
``--check-token-stdin``) an SMTP profile's REST token for checks, which Before Send uses to
ask SMTPeter about the sender domain.
"""

# os.path, not pathlib (about 9 ms): `profiles list` loads no pathlib.
# ruff: noqa: PTH118
from __future__ import annotations

import os
import sys

from smtpeter_desktop import cli
from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import profilecache

TYPE_CHECKING = False  # typing and argparse: 15 ms of `profiles list`, for the type checkers
if TYPE_CHECKING:
    import argparse
    from typing import Any, Literal

    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import CheckStage
    from smtpeter_desktop.storage.profilecache import Record
    from smtpeter_desktop.storage.profiles import Profile
    from smtpeter_desktop.storage.secrets import Kind, SecretStore


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


def _piped_check_token(args: argparse.Namespace, transport: str) -> str | None:
    """An SMTP profile's REST token for checks, from the line after the password (if any)."""
    if not args.check_token_stdin:
        return None
    if transport != "smtp":
        raise UsageError(
            translate(
                "ProfilesCommand",
                "--check-token-stdin is for SMTP profiles: a REST profile checks with its own "
                "token (--token-stdin)",
            )
        )
    return common.read_secret(sys.stdin, translate("ProfilesCommand", "REST token for checks"))


def _store_check_token(context: AppContext, profile: Profile, token: str) -> None:
    from smtpeter_desktop.storage.errors import KeyringUnavailable
    from smtpeter_desktop.storage.secrets import CHECK_TOKEN

    try:
        context.secrets.set(profile.id, token, CHECK_TOKEN)
    except KeyringUnavailable as exc:
        print(
            translate(
                "ProfilesCommand", "The REST token for checks was not stored: {reason}"
            ).format(reason=exc),
            file=sys.stderr,
        )
    else:
        print(
            translate(
                "ProfilesCommand",
                "The REST token for checks is stored in the keyring: the check before sending "
                "can now ask SMTPeter about the sender domain.",
            )
        )


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
        if args.url and not args.check_token_stdin:
            raise UsageError(
                translate(
                    "ProfilesCommand",
                    "--url is for REST profiles, and for an SMTP profile's --check-token-stdin",
                )
            )
        if args.url:
            fields["rest_url"] = args.url  # where its checks ask SMTPeter
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
    check_token = _piped_check_token(args, transport)
    with common.app_context() as context:
        context.profiles.add(profile)
        print(
            translate("cli.profiles", "Added the profile {name}: {describe}.").format(
                name=profile.name, describe=profile.describe()
            )
        )
        if check_token is not None:
            _store_check_token(context, profile, check_token)
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


def list_profiles(args: object = None) -> int:
    """Each profile, whom it sends as, and whether its secrets are in the keyring.

    It reads the profile file alone, not the app's context (the mailbox, the Postman and the
    leases: about 35 ms); when the file is byte for byte as the app last read and checked it,
    it takes what to show from the copy kept then (storage/profilecache.py), without the
    parser and the checks (about 35 ms more). It asks the keyring only about a profile that
    keeps a secret there: the Sandbox needs none, so a first start never loads the keyring."""
    del args  # argparse's, when it ran: the list takes no options
    found = profilecache.read(os.path.join(cli.home_folder(), profilecache.PROFILES_FILE))
    if found is None:
        found = _read_and_checked()
    if not found:
        print(
            translate(
                "cli.profiles", "No profiles yet: add one with `smtpeter-desktop profiles add`."
            )
        )
    secrets = _secrets() if any(not profile["sandbox"] for profile in found) else None
    for profile in found:
        if profile["sandbox"] or secrets is None:  # None: every profile is a sandbox
            kept = translate("cli.profiles", "needs none")
        else:
            kept = _secret_state(secrets, profile["id"])
        senders = ", ".join(profilecache.display(*i) for i in profile["identities"]) or translate(
            "cli.profiles", "no senders"
        )
        print(
            translate(
                "cli.profiles", "{name}\n  {describe}\n  from: {senders}\n  secret: {kept}"
            ).format(
                name=profile["name"],
                describe=profilecache.describe(profile),
                senders=senders,
                kept=kept,
            )
        )
        if secrets is not None and profile["transport"] == "smtp" and not profile["sandbox"]:
            print(
                translate("ProfilesCommand", "  REST token for checks: {state}").format(
                    state=_check_token_state(secrets, profile["id"])
                )
            )
    return EXIT_OK


def _read_and_checked() -> tuple[Record, ...]:
    """The profiles the full way: the Sandbox made on a first start, a mistake in the file
    said with its line; this keeps the copy the next list reads."""
    from smtpeter_desktop.storage import paths, profiles

    store = profiles.ProfileStore(paths.app_home() / profiles.FILE_NAME)
    profiles.ensure_default_profiles(store)
    return profiles.listed(store.load())


def _secrets() -> SecretStore:
    """The keyring as the app's context opens it (the settings say whether a plain-text one
    may be used)."""
    from smtpeter_desktop.storage import paths, settings
    from smtpeter_desktop.storage.secrets import SecretStore

    prefs = settings.Settings.load(paths.app_home() / settings.FILE_NAME)
    return SecretStore(allow_plaintext=prefs.get(settings.ALLOW_PLAINTEXT_KEYRING))


def _secret_state(secrets: SecretStore, profile_id: str) -> str:
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    try:
        if secrets.has(profile_id):
            return translate("cli.profiles", "stored")
    except KeyringUnavailable:
        return translate("cli.profiles", "unknown (the keyring cannot be read)")
    return translate("cli.profiles", "not stored")


def _check_token_state(secrets: SecretStore, profile_id: str) -> str:
    from smtpeter_desktop.storage.errors import KeyringUnavailable
    from smtpeter_desktop.storage.secrets import CHECK_TOKEN

    try:
        if secrets.has(profile_id, CHECK_TOKEN):
            return translate("ProfilesCommand", "stored")
    except KeyringUnavailable:
        return translate("ProfilesCommand", "unknown (the keyring cannot be read)")
    return translate("ProfilesCommand", "none (the sender domain is not checked)")


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
    from smtpeter_desktop.storage.secrets import CHECK_TOKEN, SECRET

    given = args.password_stdin or args.token_stdin or args.check_token_stdin
    if not (given or args.forget_check_token):
        raise UsageError(
            translate(
                "ProfilesCommand",
                "give --password-stdin, --token-stdin, --check-token-stdin or --forget-check-token",
            )
        )
    with common.app_context() as context:
        profile = context.profiles.get(args.name)
        if profile.sandbox:
            raise UsageError(
                translate(
                    "cli.profiles", "{name} is the built-in sandbox: it needs no secret"
                ).format(name=profile.name)
            )
        if args.forget_check_token and profile.transport != "smtp":
            raise UsageError(
                translate(
                    "ProfilesCommand", "{profile} is a REST profile: it has no token for checks"
                ).format(profile=profile.name)
            )
        secret = _piped_secret(args, profile)
        check_token = _piped_check_token(args, profile.transport)
        if secret is not None:
            _set(context, profile, secret, SECRET)
            print(
                translate("cli.profiles", "Stored the secret of {name} in the keyring.").format(
                    name=profile.name
                )
            )
        if check_token is not None:
            _set(context, profile, check_token, CHECK_TOKEN)
            print(
                translate(
                    "ProfilesCommand",
                    "Stored the REST token for checks of {profile} in the keyring.",
                ).format(profile=profile.name)
            )
        if args.forget_check_token:
            _forget_check_token(context, profile)
    return EXIT_OK


def _set(context: AppContext, profile: Profile, secret: str, kind: Kind) -> None:
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    try:
        context.secrets.set(profile.id, secret, kind)
    except KeyringUnavailable as exc:
        raise UsageError(
            translate("ProfilesCommand", "the secret was not stored: {reason}").format(reason=exc)
        ) from None


def _forget_check_token(context: AppContext, profile: Profile) -> None:
    from smtpeter_desktop.storage.errors import KeyringUnavailable
    from smtpeter_desktop.storage.secrets import CHECK_TOKEN

    try:
        context.secrets.delete(profile.id, CHECK_TOKEN)
    except KeyringUnavailable as exc:
        raise UsageError(
            translate(
                "ProfilesCommand", "the REST token for checks was not removed: {reason}"
            ).format(reason=exc)
        ) from None
    print(
        translate(
            "ProfilesCommand",
            "Removed the REST token for checks of {profile}: its sender domain is no longer "
            "checked before sending.",
        ).format(profile=profile.name)
    )


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
