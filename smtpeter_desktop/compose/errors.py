"""The errors of building a message: each one something the person writing it can fix.

ComposeError                  the base: ``message`` (what is wrong) and ``hint`` (what to do)
 ├── AddressError             an address entry that is not an e-mail address; names the entry
 ├── HeaderInjectionError     a line break or control character in a header value (Subject...)
 ├── AttachmentError          an attachment or inline image that is missing or unreadable
 ├── OptionsError             an SMTPeter option SMTPeter would refuse (a tag with a space...)
 └── DraftFormatError         stored draft data that is not a draft (a damaged record)
"""

from __future__ import annotations

from smtpeter_desktop.compose.headertext import describe
from smtpeter_desktop.i18n import translate


class ComposeError(ValueError):
    """Something in the message that its writer can fix; ``str()`` says what and how."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class AddressError(ComposeError):
    """An entry in an address field is not a usable e-mail address.

    Attributes:
        field: the field it was typed in ("To", "Cc"...), when known.
        entry: the entry exactly as typed.
        reason: why it is not valid, in a person's words.
    """

    def __init__(self, entry: str, reason: str, field: str = "") -> None:
        where = f" in {field}" if field else ""
        super().__init__(
            translate(
                "compose.errors", "“{entry}”{where} is not a valid e-mail address: {reason}"
            ).format(entry=entry, where=where, reason=reason),
            translate("compose.errors", "Correct or remove it."),
        )
        self.field = field
        self.entry = entry
        self.reason = reason


class HeaderInjectionError(ComposeError):
    """A header value holds a character no header can: a line break would let it write
    headers of its own, and a control character is not text.

    Attributes:
        field: the field, as the window names it ("Subject", "To", "Attachments"...).
        char: the character refused.
        what: the value in a sentence ("subject", "name of the attached file “a.txt”").
    """

    def __init__(self, field: str, char: str = "\n", what: str = "") -> None:
        what = what or field
        super().__init__(
            translate(
                "compose.errors", "The {what} contains {describe}, which a mail header cannot hold."
            ).format(what=what, describe=describe(char)),
            translate(
                "compose.errors",
                "Remove it; it may be invisible, so retyping that text is the surest way.",
            ),
        )
        self.field = field
        self.char = char
        self.what = what


class AttachmentError(ComposeError):
    """An attachment or inline image cannot be read."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            translate("compose.errors", "The file “{path}” cannot be attached: {reason}.").format(
                path=path, reason=reason
            ),
            translate(
                "compose.errors",
                "Attach it again from where it is now, or remove it; your message is kept as a "
                "draft.",
            ),
        )
        self.path = path
        self.reason = reason


class OptionsError(ComposeError):
    """An SMTPeter option value that SMTPeter would refuse."""


class DraftFormatError(ComposeError):
    """Stored data that cannot be read back as a draft."""
