"""How a send's outcome is put into words: one wording for the window and the command line.

The window's banners and the command line's report say the same things in the same words:
a subject in quotes, a count of recipients, a refusal with the server's code, the reason a
message was not sent with the server's own reply (unless the sentence already quotes it),
and the one sentence for each outcome (sent, not sent, not sent yet, unknown, stopped).
Each front end adds only what is its own (buttons; command lines to type). Every sentence
goes through ``translate`` when it is said, never at import time.
"""

from __future__ import annotations

from collections.abc import Sequence

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.outcomes import ErrorInfo
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.transport.base import Receipt
from smtpeter_desktop.transport.errors import Rejection


def sentence(text: str) -> str:
    """``text`` ending as a sentence does."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def recipients(count: int) -> str:
    """ "1 recipient", "3 recipients"."""
    if count == 1:
        return translate("wording", "1 recipient")
    return translate("wording", "%n recipients", n=count)


def quoted(subject: str, *, start: bool = False) -> str:
    """The subject in quotes, for a sentence; ``start`` for its first word."""
    if subject:
        return translate("wording", "“{subject}”").format(subject=subject)
    if start:
        return translate("wording", "The message without a subject")
    return translate("wording", "the message without a subject")


def recipient_count(draft: Draft) -> int:
    return sum(
        len(addresses.read_address_list(text, field).addresses)
        for field, text in (("To", draft.to), ("Cc", draft.cc), ("Bcc", draft.bcc))
    )


def quotes(message: str, reply: str) -> bool:
    """Whether ``message`` already quotes the server's ``reply`` (so it need not be repeated)."""
    return bool(reply) and reply.strip() in message


def reason(error: ErrorInfo) -> str:
    """Why it was not sent, as one sentence, with the server's reply when not quoted yet."""
    if error.server_reply and not quotes(error.message, error.server_reply):
        said = translate("wording", "The server said: {reply}").format(reply=error.server_reply)
        return f"{sentence(error.message)} {sentence(said)}"
    return sentence(error.message)


def rejection(refused: Rejection, what: str = "") -> str:
    """One refused (or put off) recipient: the address, ``what`` befell it ("refused"), and
    the server's code and words."""
    said = f"({refused.code} {refused.text})".replace(" )", ")")
    return f"{refused.address}: {what} {said}" if what else f"{refused.address} {said}"


def receipt_ids(receipt: Receipt) -> str:
    """The ids SMTPeter gave the message, or the server's reply, in a sentence."""
    if receipt.message_ids:
        ids = list(receipt.message_ids)
        shown = ", ".join(ids[:3])
        if len(ids) > 3:
            shown = translate("wording", "{ids} and {count} more").format(
                ids=shown, count=len(ids) - 3
            )
        if len(ids) == 1:
            return translate("wording", "SMTPeter message id: {ids}.").format(ids=shown)
        return translate("wording", "SMTPeter message ids: {ids}.").format(ids=shown)
    if receipt.reply:
        return translate("wording", "The server answered: {reply}").format(reply=receipt.reply)
    return ""


# One sentence per outcome ---------------------------------------------------------------------


def sent(subject: str, count: int) -> str:
    """Sent “Subject” to 3 recipients."""
    return translate("wording", "Sent {what} to {recipients}.").format(
        what=quoted(subject), recipients=recipients(count)
    )


def sandbox_kept() -> str:
    return translate("wording", "The built-in sandbox kept it; nothing was delivered.")


def refused(rejections: Sequence[Rejection]) -> str:
    """The recipients a server refused while it took the message for the others."""
    listed = "; ".join(rejection(r) for r in rejections)
    return translate("wording", "Some recipients were refused and did not get it: {list}.").format(
        list=listed
    )


def unknown(subject: str, error: ErrorInfo) -> str:
    """The send may or may not have gone out."""
    return translate("wording", "It is not known whether {what} went out. {reason}").format(
        what=quoted(subject), reason=reason(error)
    )


def not_sent_yet(subject: str, error: ErrorInfo) -> str:
    """A passing failure: it is tried again later."""
    return translate("wording", "{what} was not sent yet. {reason}").format(
        what=quoted(subject, start=True), reason=reason(error)
    )


def not_sent(subject: str, error: ErrorInfo) -> str:
    """A failure a person must fix (or a bug): it waits, unsent."""
    return translate("wording", "{what} was not sent. {reason}").format(
        what=quoted(subject, start=True), reason=reason(error)
    )


def stopped(subject: str) -> str:
    """The person cancelled the send before anything went out."""
    return translate("wording", "Sending {what} was stopped; it was not sent.").format(
        what=quoted(subject)
    )
