"""An HTML part read once into what the checks ask about: links, images, tags and CSS.

The standard library's forgiving HTML parser (mail HTML is rarely valid), one pass; each
element keeps where its start tag is in the text, so ``smtpeter.recipient_view`` can
rewrite exactly those tags and nothing else.
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

# Elements whose text a reader never sees.
_HIDDEN = {"style", "script", "title", "head"}
# Declarations inside a style attribute or a rule block: "name: value".
_DECLARATION = re.compile(r"([-a-zA-Z]+)\s*:\s*([^;]*)")
_BLOCK = re.compile(r"\{([^{}]*)\}")


@dataclasses.dataclass(frozen=True)
class Link:
    """An ``<a href>``.

    Attributes:
        href: the target as written (entities decoded).
        text: the visible text, white space collapsed.
        has_image: an image is (part of) what is clicked.
        start, end: where the start tag is in the HTML text.
    """

    href: str
    text: str
    has_image: bool
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Image:
    """An ``<img>``: its source and alternative text (``None``: no alt attribute at all)."""

    src: str
    alt: str | None
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Element:
    """Any start tag: its name and attributes, for the compatibility rules."""

    tag: str
    attrs: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)


@dataclasses.dataclass(frozen=True)
class Page:
    """Attributes:
    html: the text that was read.
    links, images, elements: in document order.
    style_blocks: the text of each ``<style>`` element.
    declarations: every CSS declaration (property lower-cased, value), from style
        attributes and style blocks, with the tag it came from ("style" for a block).
    body_end: where ``</body>`` starts (the end of the text when there is none).
    """

    html: str
    links: tuple[Link, ...]
    images: tuple[Image, ...]
    elements: tuple[Element, ...]
    style_blocks: tuple[str, ...]
    declarations: tuple[tuple[str, str, str], ...]
    body_end: int


def declarations(css: str) -> list[tuple[str, str]]:
    """``name: value`` pairs of a style attribute or a rule block's inside."""
    return [(m.group(1).lower(), m.group(2).strip()) for m in _DECLARATION.finditer(css)]


class _Reader(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.links: list[Link] = []
        self.images: list[Image] = []
        self.elements: list[Element] = []
        self.style_blocks: list[str] = []
        self.declarations: list[tuple[str, str, str]] = []
        self.body_end = len(html)
        self._open_link: tuple[str, int, int] | None = None
        self._link_text: list[str] = []
        self._link_image = False
        self._hidden = 0
        self._in_style = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = tuple((name, value or "") for name, value in attrs)
        element = Element(tag, values)
        self.elements.append(element)
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if style := element.get("style"):
            self.declarations.extend((tag, n, v) for n, v in declarations(style))
        if tag in _HIDDEN:
            self._hidden += 1
            self._in_style = tag == "style"
        if tag == "a" and element.get("href") is not None:
            self._close_link()
            self._open_link = (element.get("href") or "", start, end)
        elif tag == "img":
            alt = next((value for name, value in attrs if name == "alt"), None)
            self.images.append(Image(element.get("src") or "", alt, start, end))
            if self._open_link:
                self._link_image = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1
            self._in_style = False
        if tag == "a":
            self._close_link()
        elif tag == "body":
            self.body_end = self._offset()

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style_blocks.append(data)
            for block in _BLOCK.finditer(data):
                self.declarations.extend(("style", n, v) for n, v in declarations(block.group(1)))
        elif not self._hidden and self._open_link:
            self._link_text.append(data)

    def _close_link(self) -> None:
        if self._open_link:
            href, start, end = self._open_link
            text = " ".join("".join(self._link_text).split())
            self.links.append(Link(href.strip(), text, self._link_image, start, end))
        self._open_link = None
        self._link_text = []
        self._link_image = False

    def close(self) -> None:
        super().close()
        self._close_link()


def read(html: str) -> Page:
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    return Page(
        html=html,
        links=tuple(reader.links),
        images=tuple(reader.images),
        elements=tuple(reader.elements),
        style_blocks=tuple(reader.style_blocks),
        declarations=tuple(reader.declarations),
        body_end=reader.body_end,
    )
