"""What SMTPeter will change in the message, and the message as the recipient will get it.

From SMTPeter's documentation (folder ``SMTPeter/en/`` of its Documentation repository):
with click tracking on, every web link is replaced by one through SMTPeter's tracking
domain (``rest-send-advanced.md``, ``feedback-clicks.md``), except, with ``preventscam``,
links whose visible text is itself a web address (``<a href="http://www.example.com">
www.example.com</a>``), which some mail programs flag as a scam once rewritten; open
tracking adds an invisible image; ``images: hosted`` takes the embedded images out, hosts
them and links them (``images.md``); ``inlinecss`` moves ``<style>`` rules into ``style``
attributes (``inline-css.md``). The tracking domain is the sender domain's ``tracking``
name (``clicks.<domain>`` unless set otherwise, ``rest-sender-domains.md``); where it is not
known a placeholder stands in.
"""

from __future__ import annotations

import html as html_text
import re
from urllib.parse import quote, urlsplit

import css_inline

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection import page as pages
from smtpeter_desktop.inspection.findings import Finding, Severity
from smtpeter_desktop.inspection.message import Message

CHECK = "smtpeter"
PLACEHOLDER_TRACKING_HOST = "clicks.smtpeter.invalid"
# Visible text that is a web address: a scheme or "www.", or a host name with a dot and a
# top-level domain of letters, optionally a path; no spaces.
_URL_TEXT = re.compile(
    r"(?:https?://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?)",
    re.IGNORECASE,
)


def is_web_link(href: str) -> bool:
    return urlsplit(href).scheme.lower() in ("http", "https")


def text_is_url(text: str) -> bool:
    """The link's visible text is itself a web address (what ``preventscam`` looks for)."""
    return bool(text) and _URL_TEXT.fullmatch(text) is not None


def tracked_links(page: pages.Page, options: SmtpeterOptions) -> list[pages.Link]:
    """The links SMTPeter will rewrite to count clicks."""
    if not options.track_clicks:
        return []
    return [
        link
        for link in page.links
        if is_web_link(link.href) and not (options.prevent_scam and text_is_url(link.text))
    ]


def _shown(links: list[pages.Link]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(link.href for link in links))


def changes(message: Message, page: pages.Page, options: SmtpeterOptions) -> list[Finding]:
    """A finding for each change SMTPeter will make to ``message``."""
    found: list[Finding] = []
    web = [link for link in page.links if is_web_link(link.href)]
    url_text = [link for link in web if text_is_url(link.text)]
    if options.track_clicks and web:
        tracked = tracked_links(page, options)
        if tracked:
            found.append(
                Finding(
                    CHECK,
                    "links-tracked",
                    Severity.INFO,
                    translate(
                        "inspection.smtpeter",
                        "Click tracking will send {count} through SMTPeter's tracking address, "
                        "so clicks are counted; readers still end up at the same page.",
                    ).format(count=_count(len(tracked), "link")),
                    translate(
                        "inspection.smtpeter",
                        "Turn off click tracking to leave every link as written.",
                    ),
                    _shown(tracked),
                )
            )
        if url_text and options.prevent_scam:
            found.append(
                Finding(
                    CHECK,
                    "links-kept",
                    Severity.INFO,
                    translate(
                        "inspection.smtpeter",
                        "SMTPeter will leave {count} unchanged, as their text is a web address "
                        "(prevent scam warnings is on); clicks on them are not counted.",
                    ).format(count=_count(len(url_text), "link")),
                    "",
                    _shown(url_text),
                )
            )
        elif url_text:
            found.append(
                Finding(
                    CHECK,
                    "scam-look",
                    Severity.WARNS,
                    translate(
                        "inspection.smtpeter",
                        "Click tracking will point {count} whose text is a web address to "
                        "another address, which some mail programs flag as a scam.",
                    ).format(count=_count(len(url_text), "link")),
                    translate(
                        "inspection.smtpeter",
                        "Turn on “Prevent scam warnings” so SMTPeter leaves these links alone.",
                    ),
                    _shown(url_text),
                )
            )
    if options.track_opens and message.html:
        found.append(
            Finding(
                CHECK,
                "open-pixel",
                Severity.INFO,
                translate(
                    "inspection.smtpeter",
                    (
                        "Open tracking adds an invisible image to the HTML; an open is counted "
                        "only "
                        "when the reader's mail program loads images."
                    ),
                ),
                translate(
                    "inspection.smtpeter", "Turn off open tracking to send the HTML as written."
                ),
            )
        )
    if message.images:
        names = tuple(image.name for image in message.images)
        if options.hosted_images:
            found.append(
                Finding(
                    CHECK,
                    "images-hosted",
                    Severity.INFO,
                    translate(
                        "inspection.smtpeter",
                        "SMTPeter will take {count} out of the message, host them and link them; "
                        "the message gets smaller, and readers see them once they allow images.",
                    ).format(count=_count(len(names), "embedded image")),
                    "",
                    names,
                )
            )
        else:
            found.append(
                Finding(
                    CHECK,
                    "images-embedded",
                    Severity.INFO,
                    translate(
                        "inspection.smtpeter",
                        "The message carries {count} inside it; some mobile mail apps hide "
                        "embedded images, or list them as attachments.",
                    ).format(count=_count(len(names), "image")),
                    translate(
                        "inspection.smtpeter",
                        "Turn on “Host images” to have SMTPeter host them and link them instead.",
                    ),
                    names,
                )
            )
    if options.inline_css:
        if page.style_blocks:
            blocks = _count(len(page.style_blocks), "style block")
            found.append(
                Finding(
                    CHECK,
                    "css-inlined",
                    Severity.INFO,
                    translate(
                        "inspection.smtpeter",
                        "SMTPeter will move the rules of {blocks} into the elements' style "
                        "attributes.",
                    ).format(blocks=blocks),
                )
            )
        else:
            found.append(
                Finding(
                    CHECK,
                    "css-nothing-to-inline",
                    Severity.INFO,
                    translate(
                        "inspection.smtpeter",
                        (
                            "Inline CSS is on, but there is nothing left to inline: SMTPeter "
                            "Desktop "
                            "already put the styles into the elements."
                        ),
                    ),
                    translate("inspection.smtpeter", "You may turn inline CSS off."),
                )
            )
    return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def tracking_url(host: str, href: str, *, https: bool = True) -> str:
    """The placeholder address a tracked link gets; the original stays readable in it."""
    scheme = "https" if https else "http"
    return f"{scheme}://{host}/click/preview?url={quote(href, safe='')}"


_HREF = re.compile(r"""(\shref\s*=\s*)(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def _with_href(tag: str, href: str) -> str:
    """The start tag ``tag`` with its href replaced by ``href``."""
    value = html_text.escape(href)
    return _HREF.sub(lambda match: f'{match.group(1)}"{value}"', tag, count=1)


def recipient_view(
    html: str,
    options: SmtpeterOptions,
    *,
    tracking_host: str = PLACEHOLDER_TRACKING_HOST,
    https: bool = True,
) -> str:
    """``html`` as SMTPeter will deliver it: style rules inlined, links rewritten, a pixel.

    ``tracking_host`` is the sender domain's tracking name when known (``tracking`` in
    ``GET /v1/domains``), and ``https`` its ``https`` setting. Hosted images look the same to
    the reader and are left as they are, so the preview can still show them.
    """
    if options.inline_css and "<style" in html.lower():
        html = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False).inline(
            html
        )
    page = pages.read(html)
    pieces: list[str] = []
    position = 0
    for link in tracked_links(page, options):
        tag = page.html[link.start : link.end]
        pieces.append(page.html[position : link.start])
        pieces.append(_with_href(tag, tracking_url(tracking_host, link.href, https=https)))
        position = link.end
    if options.track_opens:
        pixel = (
            f'<img src="{"https" if https else "http"}://{tracking_host}/open/preview.gif" '
            'width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">'
        )
        pieces.append(page.html[position : page.body_end])
        pieces.append(pixel)
        position = page.body_end
    pieces.append(page.html[position:])
    return "".join(pieces)
