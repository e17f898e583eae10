"""Links: malformed, insecure, phishing-like, bad mailto:, and the optional HEAD check
against real loopback servers (one that answers, one that never does)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from smtpeter_desktop.inspection import links
from smtpeter_desktop.inspection import page as pages


@pytest.mark.parametrize(
    ("href", "problem"),
    [
        ("https://example.com/a", None),
        ("http://localhost:8080/", None),
        ("https://bücher.example/", None),
        ("#top", None),
        ("https://example.com/{$id}", None),
        ("tel:+31201234567", None),
        ("", "empty"),
        ("page.html", "relative"),
        ("htp://example.com", "misspelt"),
        ("https:example.com", "no server name"),
        ("https://exa mple.com", "space"),
        ("https://example.com:99999/", "port"),
        ("https://bad_host!.com/", "not a valid server name"),
        ("https://intranet/", "not a full server name"),
        ("javascript:alert(1)", "do not follow"),
    ],
)
def test_url_problems_are_named(href: str, problem: str | None) -> None:
    found = links.url_problem(href)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


@pytest.mark.parametrize(
    ("href", "bad"),
    [
        ("mailto:ann@example.org", False),
        ("mailto:ann@example.org,bob@example.com?subject=Hi", False),
        ("mailto:ann%40example.org", False),
        ("mailto:?to=ann@example.org", False),
        ("mailto:", True),
        ("mailto:ann", True),
        ("mailto:ann@example.org,@x", True),
    ],
)
def test_mailto_addresses_are_checked(href: str, bad: bool) -> None:
    assert (links.mailto_problem(href) is not None) is bad


def test_a_link_text_naming_the_same_site_is_no_phishing_look() -> None:
    html = (
        '<a href="https://www.example.com/a">example.com</a>'
        '<a href="https://example.com/">https://www.example.com</a>'
    )
    assert links.check(pages.read(html)) == []


def test_http_is_fine_when_the_message_has_no_https_link_to_that_server() -> None:
    html = '<a href="http://old.example.com/">old</a><a href="https://example.com/">new</a>'
    assert links.check(pages.read(html)) == []


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/nohead":
            self.send_response(405)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/gone")
        else:
            self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def silent() -> Iterator[str]:
    """A server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    finally:
        listener.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_head_check_reports_broken_and_unreachable_links(web: str, silent: str) -> None:
    nowhere = f"http://127.0.0.1:{_closed_port()}/"
    urls = [f"{web}/ok", f"{web}/nohead", f"{web}/gone", f"{web}/moved", nowhere, silent]
    with httpx.Client() as client:
        findings = links.check_online(urls, client, timeout=0.5)
    by_code = {f.code: f for f in findings}
    assert set(by_code) == {"link-broken", "link-unreachable"}
    assert by_code["link-broken"].elements == (
        f"{web}/gone: the server answers 404",
        f"{web}/moved: the server answers 404",
    )
    assert by_code["link-unreachable"].elements == (
        f"{nowhere}: the server could not be reached",
        f"{silent}: no answer within 0.5 seconds",
    )


def test_only_well_formed_web_links_are_asked_about(web: str) -> None:
    html = (
        f'<a href="{web}/ok">a</a><a href="{web}/ok">again</a><a href="mailto:a@example.org">m</a>'
        '<a href="htp://x">typo</a><a href="https://example.com/{$id}">personal</a>'
    )
    assert links.web_links(pages.read(html)) == [f"{web}/ok"]
    with httpx.Client() as client:
        assert links.check_online(links.web_links(pages.read(html)), client) == []
