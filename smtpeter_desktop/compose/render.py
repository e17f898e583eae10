"""Markdown to e-mail-safe HTML: the exact HTML part that is sent, and the preview of it.

Python-Markdown with tables, fenced code, Pygments highlighting with inline styles, sane
lists and line breaks kept (a signature's lines stay lines); then the stylesheet in
``resources/email.css`` is moved into ``style=""`` attributes by css-inline, because many
mail readers drop ``<style>``. Images that the text references by a
local path become ``cid:`` references; ``mime`` attaches those files as related parts.

Raw HTML in the Markdown is kept: it is the writer's own mail. The preview never runs it as a
program (Qt's text browser has no script engine, and the exported page forbids scripts).
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import mimetypes
import re
import threading
import xml.etree.ElementTree as ET
from collections import OrderedDict
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

import css_inline
import markdown
from markdown.extensions import Extension
from markdown.extensions.codehilite import CodeHiliteExtension
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from pygments.formatters.html import HtmlFormatter

from smtpeter_desktop import assets

STYLESHEET = "email.css"
# Schemes that point somewhere other than a file on this computer.
_REMOTE_SCHEMES = ("http", "https", "cid", "data", "mailto")


@dataclasses.dataclass(frozen=True)
class InlineImage:
    """A local image the text shows, sent as a related part and referenced as ``cid:``."""

    path: Path
    cid: str
    content_type: str

    @property
    def file_url(self) -> str:
        return self.path.as_uri()


@dataclasses.dataclass(frozen=True)
class Rendered:
    """Attributes:
    html: the complete HTML document as sent, CSS inlined, local images as ``cid:``.
    images: the local images it references, in order of first use.
    missing_images: local image references that name no readable file.
    """

    html: str
    images: tuple[InlineImage, ...]
    missing_images: tuple[str, ...]

    def preview_html(self) -> str:
        """The same document for showing on this computer: images as file URLs, no scripts."""
        page = self.html
        for image in self.images:
            page = page.replace(f'src="cid:{image.cid}"', f'src="{image.file_url}"')
        # A page opened in the system browser must not run the message's scripts.
        csp = (
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"script-src 'none'; object-src 'none'\">"
        )
        return page.replace("<head>", "<head>" + csp, 1)


class _LocalImages(Treeprocessor):
    """Rewrite ``<img src="local/path.png">`` to ``cid:`` and collect the files."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.base_dir: Path | None = None
        self.images: dict[Path, InlineImage] = {}
        self.missing: list[str] = []
        self.missing_paths: list[Path] = []

    def reset(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir
        self.images = {}
        self.missing = []
        self.missing_paths = []

    def run(self, root: ET.Element) -> None:
        for img in root.iter("img"):
            src = img.get("src", "")
            path = self._local_path(src)
            if path is None:
                continue
            if not path.is_file():
                self.missing.append(src)
                self.missing_paths.append(path)
                continue
            image = self.images.get(path)
            if image is None:
                digest = hashlib.sha1(str(path).encode(), usedforsecurity=False).hexdigest()
                content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                image = InlineImage(
                    path=path,
                    # By the file alone: the same image in two sections has one cid.
                    cid=f"img.{digest[:16]}@smtpeter-desktop",
                    content_type=content_type,
                )
                self.images[path] = image
            img.set("src", f"cid:{image.cid}")

    def _local_path(self, src: str) -> Path | None:
        if not src:
            return None
        parts = urlsplit(src)
        if parts.scheme == "file":
            return Path(unquote(parts.path))
        # A one-letter scheme is a Windows drive ("C:\\...").
        if parts.scheme in _REMOTE_SCHEMES or (parts.scheme and len(parts.scheme) > 1):
            return None
        path = Path(unquote(src)).expanduser()
        if not path.is_absolute():
            if self.base_dir is None:
                return path.resolve()
            path = self.base_dir / path
        return path.resolve()


class _LocalImagesExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.processor: _LocalImages | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.processor = _LocalImages(md)
        # After the inline patterns made the <img> elements, before serialisation.
        md.treeprocessors.register(self.processor, "smtpeter_local_images", 5)


class _HtmlFormatter(HtmlFormatter):  # type: ignore[type-arg]
    """Pygments' HTML formatter, making its table of token styles once per style.

    Python-Markdown makes a formatter for every code block, and each one builds the same
    table from the style: 27 of the 180 ms that converting a 100 KB text with 200 code
    blocks took. The output is the same (a test compares it with Pygments' own).
    """

    _tables: ClassVar[dict[tuple[Any, str], tuple[dict[Any, str], dict[str, Any]]]] = {}
    ttype2class: dict[Any, str]
    class2style: dict[str, Any]

    def _create_stylesheet(self) -> None:
        key = (self.style, self.classprefix)
        table = self._tables.get(key)
        if table is None:
            super()._create_stylesheet()  # type: ignore[misc]
            self._tables[key] = (self.ttype2class, self.class2style)
        else:
            self.ttype2class, self.class2style = table


@dataclasses.dataclass(frozen=True)
class _Converted:
    """The Markdown converted: the body's HTML (styles not yet applied) and its images."""

    body: str
    images: tuple[InlineImage, ...]
    missing_images: tuple[str, ...]
    missing_paths: tuple[Path, ...] = ()

    def still_valid(self) -> bool:
        """A kept result holds while its images are where they were and the missing ones
        are still missing."""
        return all(image.path.is_file() for image in self.images) and not any(
            path.is_file() for path in self.missing_paths
        )


class _Renderer:
    """One Markdown converter and CSS inliner; they are not thread-safe, so one per thread."""

    def __init__(self) -> None:
        self.images = _LocalImagesExtension()
        self.markdown = markdown.Markdown(
            # Extensions as objects: a name makes Python-Markdown search every installed
            # package's entry points first (importlib.metadata), about 40 ms per process.
            # nl2br: in mail, a line break is meant ("Thanks,\nAnn"), as Markdown Here does it.
            extensions=[
                TableExtension(),
                FencedCodeExtension(),
                CodeHiliteExtension(
                    noclasses=True,
                    guess_lang=False,
                    pygments_style="default",
                    pygments_formatter=_HtmlFormatter,
                ),
                SaneListExtension(),
                Nl2BrExtension(),
                self.images,
            ],
            output_format="html",
        )
        self.inliner = css_inline.CSSInliner(
            keep_style_tags=False,
            load_remote_stylesheets=False,
            extra_css=assets.read_text(STYLESHEET),
        )

    def convert(self, text: str, base_dir: Path | None) -> _Converted:
        processor = self.images.processor
        assert processor is not None
        processor.reset(base_dir)
        self.markdown.reset()
        # Pygments ends a block with a line break before </code>: browsers drop it, but
        # Qt's preview and some mail readers show it as an empty last line.
        body = self.markdown.convert(text).replace("\n</code></pre>", "</code></pre>")
        return _Converted(
            body,
            tuple(processor.images.values()),
            tuple(processor.missing),
            tuple(processor.missing_paths),
        )


def _document(body: str, title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>\n"
        f'<body><div class="smtpeter-body">\n{body}\n</div></body></html>\n'
    )


_local = threading.local()
_cache: OrderedDict[tuple[str, Path | None], _Converted] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SIZE = 1024  # sections; a 100 KB text with a heading every 500 characters has 200

_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
# Reference-style definitions and raw HTML blocks reach across headings.
_WHOLE = re.compile(r"^ {0,3}(?:\[[^\]\n]+\]:|<)", re.MULTILINE)


def sections(text: str) -> list[str]:
    """``text`` cut before each ATX heading that follows an empty line, outside fenced code.

    Python-Markdown converts each section alone to the same HTML as within the whole text
    (but for white space between blocks: a property test checks it), because an empty line
    and a heading end whatever came before. (Without the empty line they do not always: a
    heading right under a table is read as one more row.) A text with reference-style link
    definitions or raw HTML blocks, which can reach across headings, stays one section.
    """
    if _WHOLE.search(text):
        return [text]
    lines = text.split("\n")
    pieces: list[str] = []
    start = 0
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            if _closes(line, fence):
                fence = ""
        elif opened := _FENCE.match(line):
            fence = opened.group(1)
        elif index > start and not lines[index - 1].strip() and _HEADING.match(line):
            pieces.append("\n".join(lines[start:index]))
            start = index
    pieces.append("\n".join(lines[start:]))
    return pieces


def _closes(line: str, fence: str) -> bool:
    """The line closes a fence opened with ``fence``: the same character, as many or more,
    and nothing else."""
    found = _FENCE.match(line)
    mark = found.group(1) if found else ""
    return mark[:1] == fence[0] and len(mark) >= len(fence) and not line.strip().strip(fence[0])


def _renderer() -> _Renderer:
    renderer: _Renderer | None = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = _Renderer()
    return renderer


def _converted_section(text: str, base_dir: Path | None) -> _Converted:
    key = (text, base_dir)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
    if cached is not None and cached.still_valid():
        return cached
    converted = _renderer().convert(text, base_dir)
    with _cache_lock:
        _cache[key] = converted
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return converted


def _converted(text: str, base_dir: Path | None) -> _Converted:
    """The conversion of ``text``, a section at a time, each section's kept for next time.

    A keystroke changes one section, so the preview converts a few hundred characters
    rather than the whole text (Python-Markdown takes 150 ms for 100 KB), and Send reuses
    what the preview converted.
    """
    parts = [_converted_section(section, base_dir) for section in sections(text)]
    if len(parts) == 1:
        return parts[0]
    return _Converted(
        body="\n".join(part.body for part in parts),
        images=tuple({i.path: i for part in parts for i in part.images}.values()),
        missing_images=tuple(dict.fromkeys(m for part in parts for m in part.missing_images)),
        missing_paths=tuple(dict.fromkeys(p for part in parts for p in part.missing_paths)),
    )


def render(text: str, *, base_dir: Path | None = None, title: str = "") -> Rendered:
    """The HTML part for ``text``, as sent; relative image paths are read from ``base_dir``."""
    converted = _converted(text, base_dir)
    return Rendered(
        html=_renderer().inliner.inline(_document(converted.body, title)),
        images=converted.images,
        missing_images=converted.missing_images,
    )
