"""SMTPeter's own templates (REST accounts): list them, show one, and send one with data.

A template send carries no message built here: SMTPeter fills the template's placeholders
from ``data`` and builds the mail itself. So it is not kept in the mailbox: the receipt (the
message ids per recipient) is the record, and a failure is said at once rather than left in
the outbox. An outcome that is unknown says so, like any send: it is never resent by itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.compose.personalize import TemplateError, parse
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.transport.base import CancelToken, Receipt
from smtpeter_desktop.transport.rest import RemoteTemplate

__all__ = ["RemoteTemplate", "list_templates", "placeholders", "send_template", "show_template"]

_SIMPLE = re.compile(r"\{\$([A-Za-z_]\w*)")


def list_templates(postman: Postman, profile: Profile) -> list[RemoteTemplate]:
    """The account's templates on SMTPeter, all of them (asked 100 at a time)."""
    transport = postman.rest_transport(profile)
    found: list[RemoteTemplate] = []
    while True:
        page = transport.templates(len(found), 100)
        found += page
        if len(page) < 100 or len(found) >= 10_000:
            return found


def show_template(postman: Postman, profile: Profile, template_id: str) -> str:
    """The template's HTML; a template gone from SMTPeter raises a ``SendError`` saying so."""
    return postman.rest_transport(profile).template_html(template_id)


def placeholders(html: str) -> list[str]:
    """The names the template's ``{$placeholders}`` use, for the form a person fills in."""
    try:
        return list(parse(html).variables)
    except TemplateError:
        # SMTPeter's editor may use more than the syntax we read: the plain names still help.
        return list(dict.fromkeys(_SIMPLE.findall(html)))


def send_template(
    postman: Postman,
    profile: Profile,
    template_id: str,
    recipients: Sequence[str],
    data: Mapping[str, str],
    options: SmtpeterOptions | None = None,
    cancel: CancelToken | None = None,
) -> Receipt:
    """Send template *template_id* to *recipients* (bare addresses), filled from *data*.

    Raises ``ComposeError`` for a recipient that is not an address, ``StorageError`` for an
    SMTP account or a missing token, and ``SendError`` for what SMTPeter said (a template
    that no longer exists is a ``MessageRejected`` that says so).
    """
    checked = addresses.read_address_list(", ".join(recipients), "To")
    if checked.problems:
        raise checked.problems[0]
    if not checked.addresses:
        raise ComposeError("The template has no one to go to.", "Give at least one recipient.")
    envelope = Envelope(
        profile.identities[0].address if profile.identities else "",
        tuple(a.envelope_address for a in checked.addresses),
    )
    transport = postman.rest_transport(profile)
    try:
        return transport.send_template(
            template_id, envelope, data, options or profile.options, cancel
        )
    except Exception:
        postman.disconnect()  # the next call starts from a fresh connection
        raise
