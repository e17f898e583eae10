"""HTML compatibility: what the HTML uses that the major mail programs drop.

No package on PyPI ships caniemail.com's data set (only npm does), so the rules are kept
here, each naming its source: the caniemail.com feature page (``caniemail`` below is its
slug: https://www.caniemail.com/features/SLUG/), summarised for the two programs that drop
most: Outlook for Windows, which renders with Word's engine (2007 to 2021 and Microsoft 365's
"classic" Outlook), and Gmail (web and apps; its apps drop more for non-Gmail accounts).

Only what loses content or breaks the layout is here. What merely loses decoration
(rounded corners, shadows, ``max-width`` on a centred column) is left out on purpose: the
app's own stylesheet uses it, knowing Outlook shows square corners instead.

The score is a rough measure, not caniemail's: 100 less each rule's weight (content lost
in both programs weighs most), never below 0.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate
from smtpeter_desktop.inspection.findings import Finding, Severity
from smtpeter_desktop.inspection.page import Page

CHECK = "compatibility"
OUTLOOK = "Outlook for Windows"
GMAIL = "Gmail"
_MAX_SHOWN = 8


@dataclasses.dataclass(frozen=True)
class Rule:
    """One feature some mail programs drop.

    Attributes:
        code: the finding's code ("css-position"...).
        what: the feature, as the finding names it.
        clients: the programs that drop it.
        effect: what happens there, completing "... which {clients} {effect}".
        advice: what to do instead.
        source: where the fact comes from (a caniemail slug, or a page).
        weight: how much it takes off the score.
        find: the offending elements of a page, as short text.
    """

    code: str
    what: str
    clients: tuple[str, ...]
    effect: str
    advice: str
    source: str
    weight: int
    find: Callable[[Page, SmtpeterOptions], list[str]]


def _tags(*names: str) -> Callable[[Page, SmtpeterOptions], list[str]]:
    def find(page: Page, options: SmtpeterOptions) -> list[str]:
        return [f"<{e.tag}>" for e in page.elements if e.tag in names]

    return find


def _css(prop: str, value: str = "") -> Callable[[Page, SmtpeterOptions], list[str]]:
    """Declarations of ``prop`` (a regular expression), whose value matches ``value``."""
    name_re = re.compile(prop)
    value_re = re.compile(value, re.IGNORECASE)

    def find(page: Page, options: SmtpeterOptions) -> list[str]:
        return [
            f"{tag}: {name}: {val}"
            for tag, name, val in page.declarations
            if name_re.fullmatch(name) and value_re.search(val)
        ]

    return find


def _in_styles(pattern: str) -> Callable[[Page, SmtpeterOptions], list[str]]:
    compiled = re.compile(pattern, re.IGNORECASE)

    def find(page: Page, options: SmtpeterOptions) -> list[str]:
        return [m.group(0) for block in page.style_blocks for m in compiled.finditer(block)]

    return find


def _image_sources(pattern: str) -> Callable[[Page, SmtpeterOptions], list[str]]:
    compiled = re.compile(pattern, re.IGNORECASE)

    def find(page: Page, options: SmtpeterOptions) -> list[str]:
        return [_short(i.src) for i in page.images if compiled.search(i.src)]

    return find


def _style_element(page: Page, options: SmtpeterOptions) -> list[str]:
    # With inline CSS on, SMTPeter moves the rules into the elements before anyone reads it.
    return [] if options.inline_css else ["<style>"] * len(page.style_blocks)


def _stylesheet_links(page: Page, options: SmtpeterOptions) -> list[str]:
    return [
        f'<link href="{_short(e.get("href") or "")}">'
        for e in page.elements
        if e.tag == "link" and "stylesheet" in (e.get("rel") or "").lower()
    ]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


BOTH = (OUTLOOK, GMAIL)

RULES: tuple[Rule, ...] = (
    Rule(
        "html-script",
        QT_TRANSLATE_NOOP("inspection.compat", "scripts (<script>)"),
        (OUTLOOK, GMAIL, QT_TRANSLATE_NOOP("inspection.compat", "every other mail program")),
        QT_TRANSLATE_NOOP("inspection.compat", "remove"),
        QT_TRANSLATE_NOOP("inspection.compat", "Leave scripts out: no mail program runs them."),
        "caniemail has no page for it, as no mail program runs scripts; Gmail's "
        "developer guide (developers.google.com/gmail/design) lists supported HTML",
        15,
        _tags("script"),
    ),
    Rule(
        "html-embedded-content",
        QT_TRANSLATE_NOOP(
            "inspection.compat", "embedded pages and objects (<iframe>, <object>, <embed>)"
        ),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "remove"),
        QT_TRANSLATE_NOOP(
            "inspection.compat", "Link to the page instead, perhaps with a picture of it."
        ),
        "caniemail: html-object; Gmail's developer guide",
        15,
        _tags("iframe", "object", "embed", "frame", "frameset", "applet"),
    ),
    Rule(
        "html-video",
        QT_TRANSLATE_NOOP("inspection.compat", "video and audio (<video>, <audio>)"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "do not play"),
        QT_TRANSLATE_NOOP(
            "inspection.compat", "Show a still image that links to the video on the web."
        ),
        "caniemail: html-video, html-audio",
        15,
        _tags("video", "audio"),
    ),
    Rule(
        "html-svg",
        QT_TRANSLATE_NOOP("inspection.compat", "inline SVG (<svg>)"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "do not show"),
        QT_TRANSLATE_NOOP("inspection.compat", "Use a PNG or JPEG image instead."),
        "caniemail: html-svg",
        10,
        _tags("svg"),
    ),
    Rule(
        "html-form",
        QT_TRANSLATE_NOOP("inspection.compat", "forms (<form>, <input>, <select>, <textarea>)"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "drop or do not let submit"),
        QT_TRANSLATE_NOOP("inspection.compat", "Link to a form on the web instead."),
        "caniemail: html-form, html-input-submit",
        10,
        _tags("form", "input", "select", "textarea"),
    ),
    Rule(
        "css-link-stylesheet",
        QT_TRANSLATE_NOOP(
            "inspection.compat", "external style sheets (<link rel=stylesheet>, @import)"
        ),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "never load"),
        QT_TRANSLATE_NOOP(
            "inspection.compat", "Put the styles in the message (SMTPeter Desktop inlines its own)."
        ),
        "caniemail: css-at-import, html-link (not loaded)",
        10,
        lambda page, options: (
            _stylesheet_links(page, options) + _in_styles(r"@import[^;]*")(page, options)
        ),
    ),
    Rule(
        "html-style",
        QT_TRANSLATE_NOOP("inspection.compat", "a <style> block"),
        (GMAIL + " apps with non-Gmail accounts", "many webmails"),
        QT_TRANSLATE_NOOP("inspection.compat", "ignore"),
        QT_TRANSLATE_NOOP(
            "inspection.compat",
            "Turn on “Inline CSS”, so SMTPeter moves the rules into the elements.",
        ),
        "caniemail: html-style",
        5,
        _style_element,
    ),
    Rule(
        "css-position",
        QT_TRANSLATE_NOOP("inspection.compat", "CSS position"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "ignore, so elements land elsewhere"),
        QT_TRANSLATE_NOOP("inspection.compat", "Lay the message out with tables or plain blocks."),
        "caniemail: css-position",
        10,
        _css("position", r"absolute|relative|fixed|sticky"),
    ),
    Rule(
        "css-display-flex",
        QT_TRANSLATE_NOOP("inspection.compat", "CSS flexbox (display: flex)"),
        (OUTLOOK, GMAIL + " apps with non-Gmail accounts"),
        QT_TRANSLATE_NOOP("inspection.compat", "ignore, so the boxes stack"),
        QT_TRANSLATE_NOOP("inspection.compat", "Use a table for columns."),
        "caniemail: css-display-flex",
        10,
        _css("display", r"\b(inline-)?flex\b"),
    ),
    Rule(
        "css-display-grid",
        QT_TRANSLATE_NOOP("inspection.compat", "CSS grid (display: grid)"),
        (OUTLOOK, GMAIL + " apps with non-Gmail accounts"),
        QT_TRANSLATE_NOOP("inspection.compat", "ignore, so the boxes stack"),
        QT_TRANSLATE_NOOP("inspection.compat", "Use a table for columns."),
        "caniemail: css-display-grid",
        10,
        _css("display", r"\b(inline-)?grid\b"),
    ),
    Rule(
        "css-variables",
        QT_TRANSLATE_NOOP("inspection.compat", "CSS custom properties (var(--…))"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "ignore, so the styles using them are lost"),
        QT_TRANSLATE_NOOP("inspection.compat", "Write the values out."),
        "caniemail: css-variables",
        10,
        lambda page, options: (
            _css(r"[-a-z]+", r"var\(\s*--")(page, options) + _css(r"--[-a-z0-9]*")(page, options)
        ),
    ),
    Rule(
        "css-background-image",
        QT_TRANSLATE_NOOP("inspection.compat", "CSS background images"),
        (OUTLOOK,),
        QT_TRANSLATE_NOOP("inspection.compat", "do not show"),
        QT_TRANSLATE_NOOP(
            "inspection.compat", "Use an <img>, or a background colour that reads well alone."
        ),
        "caniemail: css-background-image",
        5,
        _css(r"background(-image)?", r"url\("),
    ),
    Rule(
        "css-function-calc",
        QT_TRANSLATE_NOOP("inspection.compat", "calc() in CSS"),
        (OUTLOOK,),
        QT_TRANSLATE_NOOP("inspection.compat", "ignore"),
        QT_TRANSLATE_NOOP("inspection.compat", "Write the computed value."),
        "caniemail: css-function-calc",
        5,
        _css(r"[-a-z]+", r"calc\("),
    ),
    Rule(
        "css-object-fit",
        QT_TRANSLATE_NOOP("inspection.compat", "CSS object-fit"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "ignore, so images stretch"),
        QT_TRANSLATE_NOOP("inspection.compat", "Crop the image to the size it is shown at."),
        "caniemail: css-object-fit",
        5,
        _css("object-fit"),
    ),
    Rule(
        "css-at-font-face",
        QT_TRANSLATE_NOOP("inspection.compat", "web fonts (@font-face)"),
        BOTH,
        QT_TRANSLATE_NOOP(
            "inspection.compat", "do not load (Outlook may fall back to Times New Roman)"
        ),
        QT_TRANSLATE_NOOP("inspection.compat", "Use common system fonts, with a fallback list."),
        "caniemail: css-at-font-face",
        5,
        _in_styles(r"@font-face"),
    ),
    Rule(
        "css-at-media",
        QT_TRANSLATE_NOOP("inspection.compat", "@media queries"),
        (OUTLOOK,),
        QT_TRANSLATE_NOOP("inspection.compat", "ignore"),
        QT_TRANSLATE_NOOP(
            "inspection.compat", "Make the layout work without them; they can only refine it."
        ),
        "caniemail: css-at-media",
        3,
        _in_styles(r"@media[^{]*"),
    ),
    Rule(
        "image-base64",
        QT_TRANSLATE_NOOP("inspection.compat", "images written into the HTML as data: addresses"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "do not show"),
        QT_TRANSLATE_NOOP(
            "inspection.compat",
            "Use the image as a file: SMTPeter Desktop embeds it, or SMTPeter hosts it.",
        ),
        "caniemail: image-base64",
        10,
        _image_sources(r"^\s*data:"),
    ),
    Rule(
        "image-svg",
        QT_TRANSLATE_NOOP("inspection.compat", "SVG images"),
        BOTH,
        QT_TRANSLATE_NOOP("inspection.compat", "do not show"),
        QT_TRANSLATE_NOOP("inspection.compat", "Use a PNG or JPEG image instead."),
        "caniemail: image-svg",
        10,
        _image_sources(r"\.svgz?(\?|#|$)|^\s*data:image/svg"),
    ),
    Rule(
        "image-webp",
        QT_TRANSLATE_NOOP("inspection.compat", "WebP images"),
        (OUTLOOK,),
        QT_TRANSLATE_NOOP("inspection.compat", "do not show"),
        QT_TRANSLATE_NOOP("inspection.compat", "Use a PNG or JPEG image instead."),
        "caniemail: image-webp",
        5,
        _image_sources(r"\.webp(\?|#|$)|^\s*data:image/webp"),
    ),
)


@dataclasses.dataclass(frozen=True)
class Result:
    findings: tuple[Finding, ...]
    score: int


def _list(names: tuple[str, ...]) -> str:
    words = [translate("inspection.compat", name) for name in names]
    if len(words) == 1:
        return words[0]
    return translate("inspection.compat", "{first} and {last}").format(
        first=", ".join(words[:-1]), last=words[-1]
    )


def check(page: Page, options: SmtpeterOptions) -> Result:
    """Each rule the page breaks, as a finding with its offending elements, and the score."""
    findings: list[Finding] = []
    score = 100
    for rule in RULES:
        hits = rule.find(page, options)
        if not hits:
            continue
        score -= rule.weight
        shown = tuple(dict.fromkeys(hits))
        more = (
            translate("inspection.compat", " (and {count} more)").format(
                count=len(shown) - _MAX_SHOWN
            )
            if len(shown) > _MAX_SHOWN
            else ""
        )
        findings.append(
            Finding(
                CHECK,
                rule.code,
                Severity.WARNS,
                translate(
                    "inspection.compat",
                    "The HTML uses {what}, which {list} {effect} ({count} {value}{more}). "
                    "Source: {source}.",
                ).format(
                    what=translate("inspection.compat", rule.what),
                    list=_list(rule.clients),
                    effect=translate("inspection.compat", rule.effect),
                    count=len(hits),
                    value=translate("inspection.compat", "place")
                    if len(hits) == 1
                    else translate("inspection.compat", "places"),
                    more=more,
                    source=rule.source,
                ),
                translate("inspection.compat", rule.advice),
                shown[:_MAX_SHOWN],
            )
        )
    return Result(tuple(findings), max(score, 0))
