"""The addresses to offer while typing: those written to before, most used first.

Read from the sent messages' drafts (To, Cc, Bcc, as the person typed them, names and all)
and the profiles' own senders. An address the person chose to forget is left out. It reads
the whole of Sent, so call it off the GUI thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from pathlib import Path

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.mailbox import Mailbox, State
from smtpeter_desktop.storage.profiles import ProfileStore

FORGOTTEN_SEPARATOR = " "
"""How forgotten addresses are kept in one setting: bare addresses never hold a space."""


def known_addresses(
    mailbox_path: Path, profiles: ProfileStore, forgotten: Collection[str] = ()
) -> list[str]:
    """ "Ann Lee <ann@example.com>" forms, the most written-to first, then the senders.

    ``forgotten`` holds bare addresses (any case) that are never offered. Opens a mailbox
    connection of its own, so it runs on any thread.
    """
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    with Mailbox(mailbox_path) as mailbox:
        for summary in mailbox.summaries([State.SENT]):
            try:
                draft = Draft.from_json(mailbox.get(summary.id).draft)
            except (StorageError, ValueError, KeyError, TypeError):
                continue  # a message deleted meanwhile, or an old draft format
            for text in (draft.to, draft.cc, draft.bcc):
                for address in addresses.read_address_list(text).addresses:
                    key = address.address.casefold()
                    counts[key] += 1
                    # The newest message comes first: its form (with the name) is kept.
                    if key not in shown or (address.name and "<" not in shown[key]):
                        shown[key] = address.format()
    try:
        senders = [identity for profile in profiles.load() for identity in profile.identities]
    except StorageError:
        senders = []
    for identity in senders:
        key = identity.address.casefold()
        if key not in shown:
            shown[key] = addresses.Address(identity.name, identity.address, "").format()
    gone = {address.casefold() for address in forgotten}
    order = sorted(shown, key=lambda key: -counts[key])  # stable: newest first among equals
    return [shown[key] for key in order if key not in gone]


def forgotten_from(setting: str) -> list[str]:
    """The forgotten addresses kept in the setting's one line."""
    return [address for address in setting.split(FORGOTTEN_SEPARATOR) if address]


def with_forgotten(setting: str, address: Iterable[str]) -> str:
    """The setting's line with ``address`` (bare addresses) added."""
    kept = dict.fromkeys([*forgotten_from(setting), *(a.casefold() for a in address)])
    return FORGOTTEN_SEPARATOR.join(kept)
