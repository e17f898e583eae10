"""The errors of building a message: each one something the person writing it can fix.

ComposeError                  the base: ``message`` (what is wrong) and ``hint`` (what to do)
 ├── AddressError             an address entry that is not an e-mail address; names the entry
 ├── HeaderInjectionError     a line break inside a header value (From, Subject, a name...)
 ├── AttachmentError          an attachment or inline image that is missing or unreadable
 ├── OptionsError             an SMTPeter option SMTPeter would refuse (a tag with a space...)
 └── DraftFormatError         stored draft data that is not a draft (a damaged record)
"""

from __future__ import annotations


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
            f"“{entry}”{where} is not a valid e-mail address: {reason}",
            "Correct or remove it.",
        )
        self.field = field
        self.entry = entry
        self.reason = reason


class HeaderInjectionError(ComposeError):
    """A header value holds a line break, which would let it write headers of its own."""

    def __init__(self, field: str) -> None:
        super().__init__(
            f"The {field} contains a line break, which a mail header cannot hold.",
            f"Remove the line break from the {field}.",
        )
        self.field = field


class AttachmentError(ComposeError):
    """An attachment or inline image cannot be read."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            f"The file “{path}” cannot be attached: {reason}.",
            "Attach it again from where it is now, or remove it; your message is kept as a draft.",
        )
        self.path = path
        self.reason = reason


class OptionsError(ComposeError):
    """An SMTPeter option value that SMTPeter would refuse."""


class DraftFormatError(ComposeError):
    """Stored data that cannot be read back as a draft."""
