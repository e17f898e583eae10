"""``signatures``: the named Markdown signatures, and each sender's default one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.cli.common import EXIT_OK, UsageError
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.storage.signatures import SignatureStore


def _store() -> SignatureStore:
    from smtpeter_desktop.storage import paths, signatures

    return signatures.SignatureStore(paths.app_home() / signatures.FILE_NAME)


def _profile_id(name: str) -> str:
    from smtpeter_desktop.storage import paths, profiles

    store = profiles.ProfileStore(paths.app_home() / profiles.FILE_NAME)
    profiles.ensure_default_profiles(store)  # as any first start does: the Sandbox profile
    return store.get(name).id


def _list(args: argparse.Namespace) -> int:
    from smtpeter_desktop.storage import paths, profiles

    store = _store()
    found = store.signatures()
    if not found:
        print(
            translate(
                "cli.signatures",
                "There are no signatures yet: add one with `signatures add NAME --markdown FILE`.",
            )
        )
    names = {
        p.id: p.name for p in profiles.ProfileStore(paths.app_home() / profiles.FILE_NAME).load()
    }
    for signature in found:
        first = next((line for line in signature.markdown.splitlines() if line.strip()), "")
        print(f"{signature.name}: {first[:60]}")
        for default in store.defaults():
            if default.signature.casefold() == signature.name.casefold():
                who = names.get(default.profile, default.profile)
                sender = f", From {default.sender}" if default.sender else ""
                print(
                    translate("cli.signatures", "    default for {who}{sender}").format(
                        who=who, sender=sender
                    )
                )
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from smtpeter_desktop.storage.signatures import Signature, absolute_images

    path = Path(args.markdown)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(
            translate("cli.signatures", "the Markdown file {path} does not exist").format(path=path)
        ) from None
    except UnicodeDecodeError:
        raise UsageError(
            translate("cli.signatures", "the Markdown file {path} is not UTF-8 text").format(
                path=path
            )
        ) from None
    except OSError as exc:
        raise UsageError(
            translate(
                "cli.signatures", "the Markdown file {path} cannot be read: {strerror}"
            ).format(path=path, strerror=exc.strerror)
        ) from None
    signature = Signature(args.name, absolute_images(text, path.resolve().parent))
    _store().save(signature)
    print(translate("cli.signatures", "Saved the signature “{name}”.").format(name=signature.name))
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    removed = _store().remove(args.name)
    print(translate("cli.signatures", "Removed the signature “{name}”.").format(name=removed.name))
    return EXIT_OK


def _set_default(args: argparse.Namespace) -> int:
    from smtpeter_desktop.compose import addresses

    sender = ""
    if args.sender:
        found = addresses.read_address_list(args.sender, "From")
        if len(found.addresses) != 1 or found.problems:
            raise UsageError(
                translate("cli.signatures", "--from {sender!r} is not one e-mail address").format(
                    sender=args.sender
                )
            )
        sender = found.addresses[0].address
    name = None if args.name.casefold() == "none" else args.name
    _store().set_default(name, profile=_profile_id(args.profile), sender=sender)
    if sender and name:
        text = translate(
            "cli.signatures", "{profile} (From {sender}) now starts with the signature “{name}”."
        )
    elif sender:
        text = translate(
            "cli.signatures", "{profile} (From {sender}) now starts with no signature."
        )
    elif name:
        text = translate("cli.signatures", "{profile} now starts with the signature “{name}”.")
    else:
        text = translate("cli.signatures", "{profile} now starts with no signature.")
    print(text.format(profile=args.profile, sender=sender, name=name))
    return EXIT_OK
