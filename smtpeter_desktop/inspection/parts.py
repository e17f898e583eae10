"""Size and parts: the message's size, Gmail's clipping, images without alt text, a
missing text part, and the List-Unsubscribe the options ask for (RFC 2369, RFC 8058).
"""

from __future__ import annotations

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection.findings import Finding, Severity
from smtpeter_desktop.inspection.message import Message
from smtpeter_desktop.inspection.page import Page

CHECK = "parts"
# Gmail shows "[Message clipped]" and hides the rest (the open pixel too) when the HTML
# is over 102 KB (Google's Gmail help, "Message clipped"; measured by Email on Acid).
GMAIL_CLIP = 102 * 1024
# The size over which a message is worth mentioning: most receivers take 10 MB or more
# (compose.checks warns at the writer's own limit).
LARGE = 5 * 1024 * 1024


def check(message: Message, page: Page, options: SmtpeterOptions) -> list[Finding]:
    found: list[Finding] = []
    if message.size > LARGE:
        found.append(
            Finding(
                CHECK,
                "size",
                Severity.INFO,
                translate(
                    "inspection.parts",
                    "The message is {human_size} as sent; large messages are slower to "
                    "deliver and some mailboxes are small.",
                ).format(human_size=human_size(message.size)),
                translate("inspection.parts", "Link to big files rather than attaching them."),
            )
        )
    if message.html_size > GMAIL_CLIP:
        found.append(
            Finding(
                CHECK,
                "gmail-clip",
                Severity.WARNS,
                translate(
                    "inspection.parts",
                    "The HTML is {human_size}; Gmail cuts off HTML over 102 KB behind a "
                    "“View entire message” link, and opens are then not counted.",
                ).format(human_size=human_size(message.html_size)),
                translate("inspection.parts", "Shorten the message, or split it."),
            )
        )
    no_alt = tuple(
        dict.fromkeys(i.src or "(no source)" for i in page.images if not (i.alt or "").strip())
    )
    if no_alt:
        found.append(
            Finding(
                CHECK,
                "no-alt",
                Severity.WARNS,
                (
                    translate(
                        "inspection.parts",
                        "1 image has no alternative text; readers who block images or use a "
                        "screen reader see nothing there.",
                    )
                    if len(no_alt) == 1
                    else translate(
                        "inspection.parts",
                        "{count} images have no alternative text; readers who block images or "
                        "use a screen reader see nothing there.",
                    ).format(count=len(no_alt))
                ),
                translate(
                    "inspection.parts",
                    "Describe each image in the brackets: ![a red bicycle](bike.png).",
                ),
                no_alt,
            )
        )
    if message.html and not any(text.strip() for text in message.texts):
        found.append(
            Finding(
                CHECK,
                "no-text-part",
                Severity.WARNS,
                translate(
                    "inspection.parts",
                    (
                        "The message has HTML but no plain-text version; spam filters count that "
                        "against it, and text-only readers see nothing."
                    ),
                ),
                translate(
                    "inspection.parts",
                    "Send it with a text part (SMTPeter Desktop adds one from the Markdown).",
                ),
            )
        )
    found.extend(_unsubscribe(message, options))
    return found


def _unsubscribe(message: Message, options: SmtpeterOptions) -> list[Finding]:
    if not options.unsubscribe:
        return []
    header = message.header("list-unsubscribe")
    if header is None:
        return [
            Finding(
                CHECK,
                "unsubscribe-missing",
                Severity.WARNS,
                translate(
                    "inspection.parts",
                    (
                        "The options offer an unsubscribe address, but the message has no "
                        "List-Unsubscribe header."
                    ),
                ),
                translate("inspection.parts", "Build the message again with SMTPeter Desktop."),
            )
        ]
    if options.unsubscribe_oneclick and message.header("list-unsubscribe-post") is None:
        return [
            Finding(
                CHECK,
                "oneclick-missing",
                Severity.WARNS,
                translate(
                    "inspection.parts",
                    (
                        "One-click unsubscribe is on, but the message has no List-Unsubscribe-Post "
                        "header, so mail programs will not offer it."
                    ),
                ),
                translate("inspection.parts", "Build the message again with SMTPeter Desktop."),
            )
        ]
    return []
