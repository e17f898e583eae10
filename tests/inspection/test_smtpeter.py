"""What SMTPeter will change, and the HTML as the recipient will get it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.compose.render import render
from smtpeter_desktop.inspection import page as pages
from smtpeter_desktop.inspection.smtpeter import (
    PLACEHOLDER_TRACKING_HOST,
    recipient_view,
    text_is_url,
    tracked_links,
)

HTML = (
    '<html><body><p><a href="https://example.com/a?x=1&amp;y=2" title="t">words</a> '
    "<a href='https://example.com/'>www.example.com</a> "
    '<a href="mailto:ann@example.org">mail</a> <a href="#top">top</a></p></body></html>'
)


def _hrefs(html: str) -> list[str]:
    return [link.href for link in pages.read(html).links]


def test_click_tracking_rewrites_web_links_only_keeping_the_original_readable() -> None:
    view = recipient_view(HTML, SmtpeterOptions(track_opens=False))
    hrefs = _hrefs(view)
    first = urlsplit(hrefs[0])
    assert first.hostname == PLACEHOLDER_TRACKING_HOST
    assert parse_qs(first.query)["url"] == ["https://example.com/a?x=1&y=2"]
    assert urlsplit(hrefs[1]).hostname == PLACEHOLDER_TRACKING_HOST
    assert hrefs[2:] == ["mailto:ann@example.org", "#top"]
    # The rest of each tag, and of the page, is as it was.
    assert 'title="t">words</a>' in view
    assert view.count("<a ") == 4


def test_preventscam_leaves_links_whose_text_is_their_address() -> None:
    options = SmtpeterOptions(prevent_scam=True, track_opens=False)
    hrefs = _hrefs(recipient_view(HTML, options, tracking_host="clicks.example.org"))
    assert urlsplit(hrefs[0]).hostname == "clicks.example.org"
    assert hrefs[1] == "https://example.com/"


def test_open_tracking_adds_a_pixel_before_the_end_of_the_body() -> None:
    view = recipient_view(HTML, SmtpeterOptions(track_clicks=False))
    assert _hrefs(view) == _hrefs(HTML)
    images = pages.read(view).images
    assert len(images) == 1
    assert images[0].src == f"https://{PLACEHOLDER_TRACKING_HOST}/open/preview.gif"
    assert view.endswith("</body></html>")


def test_nothing_on_means_nothing_changes() -> None:
    options = SmtpeterOptions(track_clicks=False, track_opens=False)
    assert recipient_view(HTML, options) == HTML


def test_inline_css_moves_style_rules_into_the_elements() -> None:
    html = "<html><head><style>p { color: red }</style></head><body><p>x</p></body></html>"
    options = SmtpeterOptions(inline_css=True, track_clicks=False, track_opens=False)
    view = recipient_view(html, options)
    assert "<style" not in view
    assert 'style="color: red;"' in view


def test_the_view_of_a_rendered_message() -> None:
    html = render("See [the shop](https://shop.example.com) and https://example.com.").html
    # The bare address is a link too (GitHub-style autolink), and its text is its address.
    assert len(tracked_links(pages.read(html), SmtpeterOptions())) == 2
    options = SmtpeterOptions(prevent_scam=True)
    assert len(tracked_links(pages.read(html), options)) == 1
    hrefs = _hrefs(recipient_view(html, options))
    assert "https://shop.example.com" not in hrefs
    assert "https://example.com" in hrefs


def test_what_counts_as_a_web_address_for_preventscam() -> None:
    for text in ("www.example.com", "https://example.com/x", "example.com", "shop.example.nl/sale"):
        assert text_is_url(text), text
    for text in ("", "click here", "example", "see example.com", "3.5"):
        assert not text_is_url(text), text
