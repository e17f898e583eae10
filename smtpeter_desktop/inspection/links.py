"""Links that look wrong: malformed, needlessly insecure, phishing-like, or a bad mailto:.

All of it is read from the HTML alone. ``check_online`` asks each web link's server with a
HEAD request; it is a setting, off by default and never run on its own: asking a server is
visible to it (a personal link may count as a click), and it needs the network.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import re
from collections.abc import Iterable
from urllib.parse import SplitResult, unquote, urlsplit

import httpx

from smtpeter_desktop.compose import addresses
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.i18n import QT_TRANSLATE_NOOP, translate
from smtpeter_desktop.inspection.findings import Finding, Severity
from smtpeter_desktop.inspection.page import Link, Page
from smtpeter_desktop.inspection.smtpeter import text_is_url

CHECK = "links"
HEAD_TIMEOUT = 5.0
_HEAD_WORKERS = 8
# Schemes a mail reader can follow; a fragment-only link jumps within the message.
_KNOWN_SCHEMES = ("http", "https", "mailto", "tel", "sms", "cid", "ftp", "webcal")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")
# A personalisation placeholder SMTPeter fills in per recipient ({$name}, {$url|...}).
_PLACEHOLDER = re.compile(r"\{\$[^}]*\}|\{[a-z][^}]*\}", re.IGNORECASE)


def _host(parts: SplitResult) -> str:
    host = (parts.hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def url_problem(href: str) -> str | None:
    """Why ``href`` is not a link a mail reader can follow, or ``None`` when it is."""
    if _PLACEHOLDER.search(href):
        return None  # filled in per recipient; what it becomes cannot be checked here
    if not href:
        return "it is empty"
    if href.startswith("#"):
        return None
    if re.search(r"\s", href):
        return "it holds a space or line break"
    try:
        parts = urlsplit(href)
        port = parts.port
    except ValueError:
        return "it is not a valid address (a bad port or bracket)"
    scheme = parts.scheme.lower()
    if not scheme:
        return "it is a relative address, which leads nowhere in a mail"
    if scheme not in _KNOWN_SCHEMES:
        if re.fullmatch(r"h?t?t?p?s?", scheme) or scheme.startswith("htt"):
            return f"“{scheme}:” is a misspelt http or https"
        return f"mail programs do not follow “{scheme}:” addresses"
    if scheme in ("http", "https"):
        if not parts.netloc or href[len(scheme) + 1 :][:2] != "//":
            return "it has no server name (it should start with https://)"
        host = (parts.hostname or "").lower()
        try:
            ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
        except UnicodeError:
            return f"“{host}” is not a valid server name"
        if not _HOST.fullmatch(ascii_host) and not _is_ip(host):
            return f"“{host}” is not a valid server name"
        if "." not in host and host != "localhost" and not _is_ip(host):
            return f"“{host}” is not a full server name"
        if port == 0:
            return "its port is 0"
    return None


def _is_ip(host: str) -> bool:
    return bool(re.fullmatch(r"[0-9.]+|[0-9a-f:]+", host)) and ("." in host or ":" in host)


def mailto_problem(href: str) -> str | None:
    """What is wrong with the addresses of a ``mailto:`` link, or ``None``."""
    target = unquote(href.split(":", 1)[1].split("?", 1)[0])
    if not target.strip():
        query = href.partition("?")[2].lower()
        # RFC 6068 allows mailto:?to=...; without that, nobody receives it.
        return None if "to=" in query else "it names no address"
    for entry in target.split(","):
        try:
            addresses.parse_address(entry.strip())
        except ComposeError as exc:
            return exc.message
    return None


def _link_name(link: Link) -> str:
    return f"{link.text} → {link.href}" if link.text and link.text != link.href else link.href


def check(page: Page) -> list[Finding]:
    """Findings for malformed links, http where https is used, phishing looks, bad mailto."""
    findings: list[Finding] = []
    malformed: list[str] = []
    bad_mailto: list[str] = []
    mismatched: list[str] = []
    https_hosts = set()
    http_links: list[tuple[str, Link]] = []
    for link in page.links:
        href = link.href
        scheme = href.split(":", 1)[0].lower() if ":" in href else ""
        if scheme == "mailto":
            if problem := mailto_problem(href):
                bad_mailto.append(f"{href}: {problem}")
            continue
        if problem := url_problem(href):
            malformed.append(f"{_link_name(link)}: {problem}")
            continue
        if scheme not in ("http", "https") or _PLACEHOLDER.search(href):
            continue
        parts = urlsplit(href)
        if scheme == "https":
            https_hosts.add(_host(parts))
        else:
            http_links.append((_host(parts), link))
        if text_is_url(link.text) and not _PLACEHOLDER.search(link.text):
            shown = link.text if "://" in link.text else "http://" + link.text
            try:
                text_host = _host(urlsplit(shown))
            except ValueError:
                text_host = ""
            if text_host and text_host != _host(parts):
                mismatched.append(_link_name(link))
    if malformed:
        findings.append(
            Finding(
                CHECK,
                "link-malformed",
                Severity.WARNS,
                translate("inspection.links", "{links} cannot be followed as written.").format(
                    links=_links(len(malformed))
                ),
                translate(
                    "inspection.links",
                    "Correct the address: a web link starts with https:// and a server name.",
                ),
                tuple(malformed),
            )
        )
    insecure = [link.href for host, link in http_links if host in https_hosts]
    if insecure:
        findings.append(
            Finding(
                CHECK,
                "link-http",
                Severity.WARNS,
                translate(
                    "inspection.links",
                    "{links} http:// to a server that the message also links with https://; "
                    "readers may see a “not secure” warning.",
                ).format(links=_links(len(insecure), "uses", "use")),
                translate("inspection.links", "Change them to https://."),
                tuple(dict.fromkeys(insecure)),
            )
        )
    if mismatched:
        findings.append(
            Finding(
                CHECK,
                "link-text-mismatch",
                Severity.WARNS,
                translate(
                    "inspection.links",
                    "{links} a web address as text but points elsewhere; mail programs and "
                    "spam filters take that for phishing.",
                ).format(links=_links(len(mismatched), "shows", "show")),
                translate(
                    "inspection.links",
                    "Make the text say where the link goes, or use words instead of an address.",
                ),
                tuple(mismatched),
            )
        )
    if bad_mailto:
        findings.append(
            Finding(
                CHECK,
                "mailto-bad",
                Severity.WARNS,
                translate(
                    "inspection.links",
                    "{links} to write an e-mail name an address that is not valid.",
                ).format(links=_links(len(bad_mailto))),
                translate("inspection.links", "Correct the address after “mailto:”."),
                tuple(bad_mailto),
            )
        )
    return findings


def _links(count: int, one: str = "", many: str = "") -> str:
    """ "1 link uses", "2 links use": the count, the noun and the verb agreeing."""
    text = (
        translate("inspection.links", "1 link")
        if count == 1
        else translate("inspection.links", "{count} links").format(count=count)
    )
    verb = one if count == 1 else many
    verb = translate("inspection.links", verb) if verb else ""
    return f"{text} {verb}" if verb else text


# The verbs _links joins to its count, for the catalogue.
_VERBS = (
    QT_TRANSLATE_NOOP("inspection.links", "uses"),
    QT_TRANSLATE_NOOP("inspection.links", "use"),
    QT_TRANSLATE_NOOP("inspection.links", "shows"),
    QT_TRANSLATE_NOOP("inspection.links", "show"),
    QT_TRANSLATE_NOOP("inspection.links", "asks"),
    QT_TRANSLATE_NOOP("inspection.links", "ask"),
    QT_TRANSLATE_NOOP("inspection.links", "leads"),
    QT_TRANSLATE_NOOP("inspection.links", "lead"),
    QT_TRANSLATE_NOOP("inspection.links", "points"),
    QT_TRANSLATE_NOOP("inspection.links", "point"),
)


@dataclasses.dataclass(frozen=True)
class Answer:
    """What a server said about one link: its status, or why there was no answer."""

    url: str
    status: int | None
    problem: str = ""


def web_links(page: Page) -> list[str]:
    """The distinct web links worth asking about (no placeholders, none malformed)."""
    found = [
        link.href
        for link in page.links
        if link.href.lower().startswith(("http://", "https://"))
        and not url_problem(link.href)
        and not _PLACEHOLDER.search(link.href)
    ]
    return list(dict.fromkeys(found))


def _ask(client: httpx.Client, url: str, timeout: float) -> Answer:
    try:
        response = client.head(url, timeout=timeout, follow_redirects=True)
        if response.status_code in (405, 501):
            # Some servers refuse HEAD; ask for the page and read none of it.
            with client.stream("GET", url, timeout=timeout, follow_redirects=True) as streamed:
                return Answer(url, streamed.status_code)
        return Answer(url, response.status_code)
    except httpx.TimeoutException:
        return Answer(url, None, f"no answer within {timeout:g} seconds")
    except httpx.HTTPError as exc:
        return Answer(url, None, _reason(exc))


def _reason(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ConnectError):
        return "the server could not be reached"
    if isinstance(exc, httpx.TooManyRedirects):
        return "it redirects too many times"
    return "the server's answer could not be read"


def check_online(
    urls: Iterable[str], client: httpx.Client, *, timeout: float = HEAD_TIMEOUT
) -> list[Finding]:
    """Ask each server about its link (HEAD, a few at a time) and report those that fail.

    ``client`` carries the TLS policy (the caller's: ``delivery`` gives one that trusts
    what the system trusts).
    """
    wanted = list(dict.fromkeys(urls))
    if not wanted:
        return []
    with concurrent.futures.ThreadPoolExecutor(min(_HEAD_WORKERS, len(wanted))) as pool:
        answers = list(pool.map(lambda url: _ask(client, url, timeout), wanted))
    broken = [
        f"{a.url}: the server answers {a.status}" for a in answers if a.status and a.status >= 400
    ]
    unreachable = [f"{a.url}: {a.problem}" for a in answers if a.status is None]
    findings = []
    if broken:
        findings.append(
            Finding(
                CHECK,
                "link-broken",
                Severity.WARNS,
                translate(
                    "inspection.links", "{links} to a page that is not there or not allowed."
                ).format(links=_links(len(broken), "leads", "lead")),
                translate(
                    "inspection.links", "Open each link in a browser and correct the address."
                ),
                tuple(broken),
            )
        )
    if unreachable:
        findings.append(
            Finding(
                CHECK,
                "link-unreachable",
                Severity.WARNS,
                translate(
                    "inspection.links", "{links} could not be checked: no server answered."
                ).format(links=_links(len(unreachable))),
                translate(
                    "inspection.links",
                    "Check the address; if the site is only down for now, try again later.",
                ),
                tuple(unreachable),
            )
        )
    return findings
