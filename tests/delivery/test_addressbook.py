"""Address completion's list: sent mail's recipients, most used first, then the senders.

Real parts: the app's mailbox with messages really sent through the built-in sandbox.
"""

from __future__ import annotations

from smtpeter_desktop.delivery import addressbook
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.postman import Postman
from tests.helpers.accounts import draft_for, sandbox_profile


def _send(postman: Postman, context: AppContext, **fields: str) -> None:
    queued = postman.queue(draft_for(sandbox_profile(context), **fields))
    postman.send(queued.id)


def test_most_written_to_first_with_names_then_the_senders(
    context: AppContext, postman: Postman
) -> None:
    _send(postman, context, to="Bob <bob@example.org>, carla@example.net")
    _send(postman, context, to="carla@example.net", cc="Carla Smit <CARLA@example.net>")
    _send(postman, context, to="carla@example.net", bcc="dee@example.com")
    postman.save_draft(draft_for(sandbox_profile(context), to="never-sent@example.com"))

    known = addressbook.known_addresses(context.mailbox_path, context.profiles)

    assert known[0] == "Carla Smit <CARLA@example.net>"  # four times, and her name once
    assert set(known[1:3]) == {"Bob <bob@example.org>", "dee@example.com"}
    senders = [i.address for i in sandbox_profile(context).identities]
    assert all(any(s in k for k in known[3:]) for s in senders)
    assert not any("never-sent" in k for k in known), "drafts are not mail written to"

    line = addressbook.with_forgotten("", ["Bob@Example.org"])
    assert addressbook.forgotten_from(line) == ["bob@example.org"]
    left = addressbook.known_addresses(
        context.mailbox_path, context.profiles, addressbook.forgotten_from(line)
    )
    assert "Bob <bob@example.org>" not in left and len(left) == len(known) - 1
