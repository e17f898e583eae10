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
from smtpeter_desktop.i18n import translate
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
        "scripts (<script>)",
        (OUTLOOK, GMAIL, "every other mail program"),
        "remove",
        "Leave scripts out: no mail program runs them.",
        "caniemail has no page for it, as no mail program runs scripts; Gmail's "
        "developer guide (developers.google.com/gmail/design) lists supported HTML",
        15,
        _tags("script"),
    ),
    Rule(
        "html-embedded-content",
        "embedded pages and objects (<iframe>, <object>, <embed>)",
        BOTH,
        "remove",
        "Link to the page instead, perhaps with a picture of it.",
        "caniemail: html-object; Gmail's developer guide",
        15,
        _tags("iframe", "object", "embed", "frame", "frameset", "applet"),
    ),
    Rule(
        "html-video",
        "video and audio (<video>, <audio>)",
        BOTH,
        "do not play",
        "Show a still image that links to the video on the web.",
        "caniemail: html-video, html-audio",
        15,
        _tags("video", "audio"),
    ),
    Rule(
        "html-svg",
        "inline SVG (<svg>)",
        BOTH,
        "do not show",
        "Use a PNG or JPEG image instead.",
        "caniemail: html-svg",
        10,
        _tags("svg"),
    ),
    Rule(
        "html-form",
        "forms (<form>, <input>, <select>, <textarea>)",
        BOTH,
        "drop or do not let submit",
        "Link to a form on the web instead.",
        "caniemail: html-form, html-input-submit",
        10,
        _tags("form", "input", "select", "textarea"),
    ),
    Rule(
        "css-link-stylesheet",
        "external style sheets (<link rel=stylesheet>, @import)",
        BOTH,
        "never load",
        "Put the styles in the message (SMTPeter Desktop inlines its own).",
        "caniemail: css-at-import, html-link (not loaded)",
        10,
        lambda page, options: (
            _stylesheet_links(page, options) + _in_styles(r"@import[^;]*")(page, options)
        ),
    ),
    Rule(
        "html-style",
        "a <style> block",
        (GMAIL + " apps with non-Gmail accounts", "many webmails"),
        "ignore",
        "Turn on “Inline CSS”, so SMTPeter moves the rules into the elements.",
        "caniemail: html-style",
        5,
        _style_element,
    ),
    Rule(
        "css-position",
        "CSS position",
        BOTH,
        "ignore, so elements land elsewhere",
        "Lay the message out with tables or plain blocks.",
        "caniemail: css-position",
        10,
        _css("position", r"absolute|relative|fixed|sticky"),
    ),
    Rule(
        "css-display-flex",
        "CSS flexbox (display: flex)",
        (OUTLOOK, GMAIL + " apps with non-Gmail accounts"),
        "ignore, so the boxes stack",
        "Use a table for columns.",
        "caniemail: css-display-flex",
        10,
        _css("display", r"\b(inline-)?flex\b"),
    ),
    Rule(
        "css-display-grid",
        "CSS grid (display: grid)",
        (OUTLOOK, GMAIL + " apps with non-Gmail accounts"),
        "ignore, so the boxes stack",
        "Use a table for columns.",
        "caniemail: css-display-grid",
        10,
        _css("display", r"\b(inline-)?grid\b"),
    ),
    Rule(
        "css-variables",
        "CSS custom properties (var(--…))",
        BOTH,
        "ignore, so the styles using them are lost",
        "Write the values out.",
        "caniemail: css-variables",
        10,
        lambda page, options: (
            _css(r"[-a-z]+", r"var\(\s*--")(page, options) + _css(r"--[-a-z0-9]*")(page, options)
        ),
    ),
    Rule(
        "css-background-image",
        "CSS background images",
        (OUTLOOK,),
        "do not show",
        "Use an <img>, or a background colour that reads well alone.",
        "caniemail: css-background-image",
        5,
        _css(r"background(-image)?", r"url\("),
    ),
    Rule(
        "css-function-calc",
        "calc() in CSS",
        (OUTLOOK,),
        "ignore",
        "Write the computed value.",
        "caniemail: css-function-calc",
        5,
        _css(r"[-a-z]+", r"calc\("),
    ),
    Rule(
        "css-object-fit",
        "CSS object-fit",
        BOTH,
        "ignore, so images stretch",
        "Crop the image to the size it is shown at.",
        "caniemail: css-object-fit",
        5,
        _css("object-fit"),
    ),
    Rule(
        "css-at-font-face",
        "web fonts (@font-face)",
        BOTH,
        "do not load (Outlook may fall back to Times New Roman)",
        "Use common system fonts, with a fallback list.",
        "caniemail: css-at-font-face",
        5,
        _in_styles(r"@font-face"),
    ),
    Rule(
        "css-at-media",
        "@media queries",
        (OUTLOOK,),
        "ignore",
        "Make the layout work without them; they can only refine it.",
        "caniemail: css-at-media",
        3,
        _in_styles(r"@media[^{]*"),
    ),
    Rule(
        "image-base64",
        "images written into the HTML as data: addresses",
        BOTH,
        "do not show",
        "Use the image as a file: SMTPeter Desktop embeds it, or SMTPeter hosts it.",
        "caniemail: image-base64",
        10,
        _image_sources(r"^\s*data:"),
    ),
    Rule(
        "image-svg",
        "SVG images",
        BOTH,
        "do not show",
        "Use a PNG or JPEG image instead.",
        "caniemail: image-svg",
        10,
        _image_sources(r"\.svgz?(\?|#|$)|^\s*data:image/svg"),
    ),
    Rule(
        "image-webp",
        "WebP images",
        (OUTLOOK,),
        "do not show",
        "Use a PNG or JPEG image instead.",
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
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
        more = f" (and {len(shown) - _MAX_SHOWN} more)" if len(shown) > _MAX_SHOWN else ""
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
                    what=rule.what,
                    list=_list(rule.clients),
                    effect=rule.effect,
                    count=len(hits),
                    value=translate("inspection.compat", "place")
                    if len(hits) == 1
                    else translate("inspection.compat", "places"),
                    more=more,
                    source=rule.source,
                ),
                rule.advice,
                shown[:_MAX_SHOWN],
            )
        )
    return Result(tuple(findings), max(score, 0))
