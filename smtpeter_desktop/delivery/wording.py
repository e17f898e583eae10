"""How a send's outcome is put into words: one wording for the window and the command line.

The window's banners and the command line's report say the same things in the same words:
a subject in quotes, a count of recipients, a refusal with the server's code, the reason a
message was not sent with the server's own reply (unless the sentence already quotes it).
Each front end adds only what is its own (buttons; command lines to type).
"""

from __future__ import annotations

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.outcomes import ErrorInfo
from smtpeter_desktop.transport.base import Receipt
from smtpeter_desktop.transport.errors import Rejection


def sentence(text: str) -> str:
    """``text`` ending as a sentence does."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def quoted(subject: str, *, start: bool = False) -> str:
    """The subject in quotes, for a sentence; ``start`` for its first word."""
    if subject:
        return f"“{subject}”"
    return "The message without a subject" if start else "the message without a subject"


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
    said = (
        f" The server said: {error.server_reply}"
        if error.server_reply and not quotes(error.message, error.server_reply)
        else ""
    )
    return sentence(error.message + said)


def rejection(refused: Rejection, what: str = "") -> str:
    """One refused (or put off) recipient: the address, ``what`` befell it ("refused"), and
    the server's code and words."""
    said = f"({refused.code} {refused.text})".replace(" )", ")")
    return f"{refused.address}: {what} {said}" if what else f"{refused.address} {said}"


def receipt_ids(receipt: Receipt) -> str:
    """The ids SMTPeter gave the message, or the server's reply, in a sentence."""
    if receipt.message_ids:
        ids = list(receipt.message_ids)
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        return f"SMTPeter message {'id' if len(ids) == 1 else 'ids'}: {shown}."
    if receipt.reply:
        return f"The server answered: {receipt.reply}"
    return ""
