"""Two messages for the checks: one that trips every finding, one that trips none."""

from __future__ import annotations

import base64
from pathlib import Path

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.options import SmtpeterOptions
from tests.compose.conftest import PNG

# Every rule of every check, in one HTML part (and no text part beside it).
_EVERYTHING_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="https://cdn.example.com/mail.css">
<style>
@import url("https://cdn.example.com/more.css");
@font-face { font-family: Brand; src: url(brand.woff2); }
@media (max-width: 600px) { .col { width: 100%; } }
.col { color: var(--brand); --brand: #c00; }
</style>
<script>alert(1)</script>
</head><body>
<div style="display:flex;position:absolute;width:calc(100% - 10px)">
  <div style="display:grid;background-image:url(bg.png)">grid</div>
</div>
<img src="photo.jpg" style="object-fit:cover">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline data">
<img src="https://img.example.com/logo.svg" alt="logo">
<img src="https://img.example.com/photo.webp" alt="photo">
<img src="cid:logo@example.org" alt="our logo">
<iframe src="https://example.com/embed"></iframe>
<video src="https://example.com/clip.mp4"></video>
<svg width="10" height="10"><circle r="4"/></svg>
<form action="https://example.com/subscribe"><input name="email"></form>
<p>
<a href="https://shop.example.com/sale">the sale</a>
<a href="http://shop.example.com/old">the old page</a>
<a href="https://shop.example.com/">www.shop.example.com</a>
<a href="https://evil.example.net/login">www.bank.example.com</a>
<a href="htp://typo.example.com">a typo</a>
<a href="page.html">a relative link</a>
<a href="mailto:sales@@example.com">write to us</a>
</p>
PADDING
</body></html>
"""


def everything_raw() -> bytes:
    """A message (not built by us) that trips every local finding for the right options:
    no text part, no List-Unsubscribe, HTML over Gmail's 102 KB, 5 MB and more in size."""
    padding = "<p>" + "Lorem ipsum dolor sit amet. " * 4000 + "</p>"
    html = _EVERYTHING_HTML.replace("PADDING", padding)
    html_b64 = base64.encodebytes(html.encode()).decode()
    image_b64 = base64.encodebytes(PNG).decode()
    big = base64.encodebytes(b"\x00" * (5 * 1024 * 1024 + 1)).decode()
    return (
        "From: Shop <news@example.org>\r\n"
        "To: reader@example.com\r\n"
        "Subject: Everything wrong\r\n"
        "Date: Thu, 03 Dec 2026 01:00:00 +0000\r\n"
        "Message-ID: <everything@example.org>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="outer"\r\n'
        "\r\n"
        "--outer\r\n"
        'Content-Type: multipart/related; boundary="inner"\r\n'
        "\r\n"
        "--inner\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        f"{html_b64}\r\n"
        "--inner\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        'Content-Disposition: inline; filename="logo.png"\r\n'
        "Content-ID: <logo@example.org>\r\n"
        "\r\n"
        f"{image_b64}\r\n"
        "--inner--\r\n"
        "--outer\r\n"
        "Content-Type: application/octet-stream\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        'Content-Disposition: attachment; filename="big.bin"\r\n'
        "\r\n"
        f"{big}\r\n"
        "--outer--\r\n"
    ).encode("ascii")


# Two option sets, as some findings exclude each other (SMTPeter leaves URL-text links
# alone, or rewrites them; images hosted, or embedded; CSS inlined, or the <style> kept).
EVERYTHING_OPTIONS = (
    SmtpeterOptions(
        track_clicks=True,
        track_opens=True,
        prevent_scam=False,
        hosted_images=False,
        inline_css=False,
        unsubscribe_url="https://example.org/unsubscribe",
    ),
    SmtpeterOptions(
        track_clicks=True,
        track_opens=True,
        prevent_scam=True,
        hosted_images=True,
        inline_css=True,
        unsubscribe_url="https://example.org/unsubscribe",
        unsubscribe_oneclick=True,
    ),
)
# With inline CSS on and no <style> block left: SMTPeter has nothing to inline.
NOTHING_TO_INLINE = b"""From: a@example.org\r
To: b@example.com\r
Subject: x\r
MIME-Version: 1.0\r
Content-Type: text/html; charset=utf-8\r
\r
<p style="color:#333">Plain.</p>\r
"""
# A List-Unsubscribe without the one-click header the options ask for.
NO_ONECLICK = b"""From: a@example.org\r
To: b@example.com\r
Subject: x\r
List-Unsubscribe: <https://example.org/unsubscribe>\r
MIME-Version: 1.0\r
Content-Type: text/plain; charset=utf-8\r
\r
Plain.\r
"""

CLEAN_OPTIONS = SmtpeterOptions(
    track_clicks=False,
    track_opens=False,
    unsubscribe_email="unsubscribe@example.org",
    unsubscribe_url="https://example.org/unsubscribe?list=news",
    unsubscribe_oneclick=True,
)
CLEAN_BODY = """# Our spring newsletter

Dear reader,

This spring we opened a second workshop in Utrecht, where we repair bicycles of
every kind. You can read about the new opening hours on [our website](https://example.org/hours)
or write to [the workshop](mailto:workshop@example.org).

| day | hours |
|---|---|
| Monday to Friday | 9:00 to 18:00 |
| Saturday | 10:00 to 16:00 |

Kind regards,
Ann from the workshop
"""


def clean_draft(base_dir: Path | None = None) -> Draft:
    """A message that trips no finding at all."""
    return Draft(
        sender="Ann Example <ann@example.org>",
        to="Bob Reader <bob@example.com>",
        subject="Our spring newsletter",
        body=CLEAN_BODY,
        options=CLEAN_OPTIONS,
        base_dir=str(base_dir or ""),
    )
