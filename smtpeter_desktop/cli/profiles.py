"""``profiles``: add, list, test, rename and remove accounts; secrets go to the keyring only."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Literal

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, Parser, Subparsers, UsageError

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import CheckStage
    from smtpeter_desktop.storage.profiles import Profile


def register(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "profiles",
        help="manage the accounts mail is sent with",
        description="Profiles hold how to reach SMTPeter; their passwords and tokens are kept "
        "in the system keyring, never in a file.",
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION", parser_class=Parser)
    parser.set_defaults(handler=_list)

    add = actions.add_parser("add", help="add a profile for the SMTP or the REST API")
    add.add_argument("name", help="what to call it")
    kind = add.add_mutually_exclusive_group(required=True)
    kind.add_argument("--smtp", metavar="HOST[:PORT]", help="SMTP server, e.g. mail.smtpeter.com")
    kind.add_argument("--rest", action="store_true", help="use SMTPeter's REST API")
    add.add_argument(
        "--security",
        choices=("starttls", "tls"),
        help="STARTTLS (ports 587, 25, 2525; the default) or TLS from the start (465)",
    )
    add.add_argument("--username", default="", help="the SMTP login")
    add.add_argument("--url", help="the REST API's base URL (default: SMTPeter's)")
    add.add_argument("--ca-file", default="", metavar="FILE", help="a CA certificate to trust")
    add.add_argument(
        "--from",
        dest="identities",
        action="append",
        default=[],
        metavar='"NAME <ADDR>"',
        help="a sender this profile may use (repeatable)",
    )
    _secret_arguments(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list the profiles (never a secret)")
    listing.set_defaults(handler=_list)

    remove = actions.add_parser("remove", help="remove a profile and its stored secret")
    remove.add_argument("name")
    remove.set_defaults(handler=_remove)

    rename = actions.add_parser("rename", help="rename a profile; its secret stays")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(handler=_rename)

    secret = actions.add_parser("set-secret", help="store a profile's password or token")
    secret.add_argument("name")
    _secret_arguments(secret, required=True)
    secret.set_defaults(handler=_set_secret)

    test = actions.add_parser(
        "test",
        help="test the connection stage by stage, sending nothing",
        epilog=common.EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    test.add_argument("name")
    _secret_arguments(test)
    test.set_defaults(handler=_test)


def _secret_arguments(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument(
        "--password-stdin", action="store_true", help="read the SMTP password from standard input"
    )
    group.add_argument(
        "--token-stdin", action="store_true", help="read the REST API token from standard input"
    )


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
