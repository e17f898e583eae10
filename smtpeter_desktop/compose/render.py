"""Markdown to e-mail-safe HTML: the exact HTML part that is sent, and the preview of it.

Python-Markdown with tables, fenced code, Pygments highlighting with inline styles, sane
lists and line breaks kept (a signature's lines stay lines: ``markdown_html``, loaded with the
first text that is not blank); then the stylesheet in
``resources/email.css`` is moved into ``style=""`` attributes by css-inline, because many
mail readers drop ``<style>``. Images that the text references by a local path become
``cid:`` references; ``mime`` attaches those files as related parts. Only files that are
images of a kind mail readers show go in (``images``); any other reference is refused with a
sentence that names it, and the plain-text part names local images by file name only, so no
folder of this computer is revealed.

What the converter and the inliner are given is bounded (``bounds``): a text too long or
nested too deep is shown and sent as plain text, with a warning, rather than hanging or
crashing the program.

Raw HTML in the Markdown is kept: it is the writer's own mail. The preview never runs it as a
program (Qt's text browser has no script engine, and the exported page forbids scripts).
"""

from __future__ import annotations

import dataclasses
import html
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import css_inline

from smtpeter_desktop import assets
from smtpeter_desktop.compose import bounds, fences, images, lists
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.images import Signature
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.compose.markdown_html import MarkdownConverter

STYLESHEET = "email.css"


class RenderError(ComposeError):
    """The text shows an image that cannot go into the message (missing, or not an image)."""


@dataclasses.dataclass(frozen=True)
class InlineImage:
    """A local image the text shows, sent as a related part and referenced as ``cid:``.

    Attributes:
        path: the file, absolute.
        cid: its Content-ID, without angle brackets.
        content_type: what its first bytes say it is (``image/png``...), not its name.
        size: its size in bytes when it was checked.
    """

    path: Path
    cid: str
    content_type: str
    size: int = 0

    @property
    def file_url(self) -> str:
        return self.path.as_uri()

    @property
    def name(self) -> str:
        return self.path.name


@dataclasses.dataclass(frozen=True)
class RefusedImage:
    """A local image reference that is not put into the message, and why.

    Attributes:
        reference: the reference as Markdown, ``![alt](path)``.
        reason: the rest of the sentence, "is not an image file (it looks like text)".
    """

    reference: str
    reason: str

    @property
    def message(self) -> str:
        return f"The image {self.reference} {self.reason}; remove the reference or choose an image."


@dataclasses.dataclass(frozen=True)
class Rendered:
    """Attributes:
    html: the complete HTML document as sent, CSS inlined, local images as ``cid:``.
    images: the local images it references and embeds, in order of first use.
    missing_images: local image references that name no file.
    refused_images: local image references that name a file that is not put in: not an
        image, too large, a system file... The message cannot be sent while there are any.
    warnings: sentences about how the text was shown (too long or too deeply nested for
        formatting, brackets taken as plain text).
    text: the plain-text part: the Markdown, local image paths replaced by file names.
    base_dir: the folder relative image paths were read from, for the sentences.
    """

    html: str
    images: tuple[InlineImage, ...]
    missing_images: tuple[str, ...]
    refused_images: tuple[RefusedImage, ...] = ()
    warnings: tuple[str, ...] = ()
    text: str = ""
    base_dir: Path | None = None

    @property
    def problems(self) -> tuple[str, ...]:
        """A sentence for each image reference that stops the message from being sent."""
        missing = (self._missing_sentence(src) for src in self.missing_images)
        return (*missing, *(refused.message for refused in self.refused_images))

    def _missing_sentence(self, src: str) -> str:
        relative = src[:5].lower() != "file:" and not Path(unquote(src)).expanduser().is_absolute()
        if relative and self.base_dir is not None:
            # Say where it was looked for: "logo.png" means nothing without its folder.
            return (
                f"The image “{src}” was not found in {self.base_dir} (a relative path is read "
                "from that folder); correct the path or remove the reference."
            )
        return f"The image “{src}” was not found; correct the path or remove the reference."

    def check(self) -> None:
        """Raise ``RenderError`` naming the first image that stops the message, if any."""
        if self.problems:
            raise RenderError(
                self.problems[0], translate("compose.render", "Your message is kept as a draft.")
            )

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


def is_local(src: str) -> bool:
    """Whether ``src`` names a file on this computer rather than a place on the web."""
    if not src:
        return False
    try:
        scheme = urlsplit(src).scheme
    except ValueError:  # "//[x": not a web address either; taken as a file's name
        scheme = ""
    # A one-letter scheme is a Windows drive ("C:\\...").
    return scheme == "file" or len(scheme) <= 1


def local_path(src: str, base_dir: Path | None) -> Path | None:
    """The file a local ``src`` names, or ``None`` for a relative path with no folder."""
    if src[:5].lower() == "file:":
        return Path(unquote(urlsplit(src).path)).resolve()
    path = Path(unquote(src)).expanduser()
    if not path.is_absolute():
        if base_dir is None:
            return None
        path = base_dir / path
    return path.resolve()


# Where a link or image target starts: after "](" or in a reference definition.
_INLINE_TARGET = re.compile(r"(?P<lead>\]\([ \t]*)(?:<(?P<angled>[^<>\n]*)>|(?P<bare>[^\s)]+))")
_DEFINED_TARGET = re.compile(
    r"^(?P<lead>[ ]{0,3}\[[^\]\n]+\]:[ \t]*)(?:<(?P<angled>[^<>\n]*)>|(?P<bare>\S+))",
    re.MULTILINE,
)


def plain_text(text: str, names: Mapping[str, str] | None = None) -> str:
    """``text`` with the local images' paths replaced by their file names, for the plain part.

    ``names`` maps each local ``src`` the converter saw to its file name; without it, every
    link or image target that is not a web address is shortened.
    """

    def shortened(found: re.Match[str]) -> str:
        src = found.group("angled") if found.group("angled") is not None else found.group("bare")
        if names is not None:
            name = names.get(src)
        else:
            name = Path(unquote(src.removeprefix("file://"))).name if is_local(src) else None
        if name is None or name == src:
            return found.group(0)
        return found.group("lead") + (f"<{name}>" if found.group("angled") is not None else name)

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if names is not None and not names:
        return text
    text = _INLINE_TARGET.sub(shortened, text) if "](" in text else text
    return _DEFINED_TARGET.sub(shortened, text) if "]:" in text else text


@dataclasses.dataclass(frozen=True)
class _Converted:
    """The Markdown converted: the body's HTML (styles not yet applied) and its images.

    ``seen`` is every local file the images name, with what it was when checked (``None``:
    nothing there); ``names`` maps each local ``src`` to its file name; ``warnings`` say
    what the bounds changed; ``depth`` is ``bounds.html_depth`` of the body.
    """

    body: str
    images: tuple[InlineImage, ...]
    missing_images: tuple[str, ...]
    refused_images: tuple[RefusedImage, ...] = ()
    seen: tuple[tuple[Path, Signature | None], ...] = ()
    names: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()
    depth: tuple[int, int] = (0, 0)

    def still_valid(self) -> bool:
        """A kept result holds while every file its images name is as it was (or still not
        there): a picture replaced by a text file under the same name is checked again."""
        return all(images.signature(path) == signature for path, signature in self.seen)


class _Renderer:
    """One CSS inliner and, once a text has Markdown in it, a Markdown converter (one for
    each of: with or without code blocks, with or without bare addresses); none is
    thread-safe, so one per thread."""

    def __init__(self) -> None:
        self._markdown: dict[tuple[bool, bool], MarkdownConverter] = {}
        self.inliner = css_inline.CSSInliner(
            keep_style_tags=False,
            load_remote_stylesheets=False,
            extra_css=assets.read_text(STYLESHEET),
        )

    def convert(self, text: str, base_dir: Path | None) -> _Converted:
        # Line by line and block by block, so a section at a time gives the same as the whole.
        warnings = []
        text, flattened = bounds.nesting_flattened(lists.normalised(text))
        if flattened:
            warnings.append(_FLATTENED)
        text, dense = bounds.dense_blocks_plain(text, plain_text)
        if dense:
            warnings.append(_DENSE)
        if not text.strip():
            # Python-Markdown makes "" of a blank text too: a new, empty message (the window's
            # first preview) is shown without loading it.
            return _Converted("", (), (), warnings=tuple(warnings), depth=bounds.html_depth(""))
        # Python-Markdown, its extensions and pymdownx (which brings urllib, http.client and
        # ssl): 35-50 ms that a window not yet given a text does without.
        from smtpeter_desktop.compose import markdown_html

        kind = (markdown_html.has_code(text), markdown_html.has_address(text))
        converter = self._markdown.get(kind)
        if converter is None:
            converter = self._markdown[kind] = markdown_html.MarkdownConverter(
                code=kind[0], links=kind[1]
            )
        body, found = converter.convert(text, base_dir)
        # Pygments ends a block with a line break before </code>: browsers drop it, but
        # Qt's preview and some mail readers show it as an empty last line.
        body = body.replace("\n</code></pre>", "</code></pre>")
        if "task-list-item" in body:
            # Mail readers drop form fields (and Qt's preview does not draw them): boxes
            # as characters.
            for box, character in _CHECKBOXES:
                body = body.replace(box, character)
        return _Converted(
            body,
            tuple(found.images.values()),
            tuple(dict.fromkeys(found.missing)),
            tuple(dict.fromkeys(found.refused)),
            tuple(found.seen.items()),
            tuple(found.names.items()),
            tuple(warnings),
            bounds.html_depth(body),
        )


_FLATTENED = (
    f"Lists or quotes nested more than {bounds.MAX_NESTING} levels deep are shown "
    f"at {bounds.MAX_NESTING} levels."
)
_BRACKETS = "Long runs of brackets are shown as the characters they are, not as links."
_DENSE = (
    "A very long paragraph full of formatting marks is shown as plain text, without formatting."
)


_CHECKBOXES = (
    ('<input type="checkbox" disabled checked/>', "\u2611"),
    ('<input type="checkbox" disabled/>', "\u2610"),
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
            if fences.closes(line, fence):
                fence = ""
        elif opened := fences.OPENING.match(line):
            fence = opened.group(1)
        elif index > start and not lines[index - 1].strip() and _HEADING.match(line):
            pieces.append("\n".join(lines[start:index]))
            start = index
    pieces.append("\n".join(lines[start:]))
    return pieces


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
        refused_images=tuple(dict.fromkeys(r for part in parts for r in part.refused_images)),
        seen=tuple(dict(s for part in parts for s in part.seen).items()),
        names=tuple(dict(n for part in parts for n in part.names).items()),
        warnings=tuple(dict.fromkeys(w for part in parts for w in part.warnings)),
        depth=(
            sum(part.depth[1] for part in parts) + max(part.depth[0] for part in parts),
            sum(part.depth[1] for part in parts),
        ),
    )


def _plain_document(text: str) -> str:
    """The text as it is, for when it cannot be formatted: it is still all shown and sent."""
    escaped = html.escape(plain_text(text))
    return f'<pre class="smtpeter-plain" style="{bounds.PLAIN_STYLE}">{escaped}</pre>'


def render(text: str, *, base_dir: Path | None = None, title: str = "") -> Rendered:
    """The HTML part for ``text``, as sent; relative image paths are read from ``base_dir``.

    Never raises for what the text holds: a text too long or too deeply nested to format is
    shown as plain text, with a sentence in ``warnings`` saying so.
    """
    if len(text) > bounds.MAX_CHARS:
        return _as_plain(
            text,
            title,
            f"The text is longer than {bounds.MAX_CHARS:,} characters, so it is shown and "
            "sent as plain text, without formatting.",
        )
    tamed, escaped = bounds.brackets_tamed(text)
    try:
        converted = _converted(tamed, base_dir)
    except RecursionError:
        # bounds keeps the converter far from this; should a construct still nest too
        # deep, the text is shown rather than lost.
        return _as_plain(text, title, _TOO_DEEP)
    # The document's own <html>, <body> and <div> around the body.
    if converted.depth[0] + 3 > bounds.MAX_HTML_DEPTH:
        return _as_plain(text, title, _TOO_DEEP)
    page = _document(converted.body, title)
    warnings = (_BRACKETS, *converted.warnings) if escaped else converted.warnings
    return Rendered(
        html=_renderer().inliner.inline(page),
        images=converted.images,
        missing_images=converted.missing_images,
        refused_images=converted.refused_images,
        warnings=warnings,
        text=plain_text(text, dict(converted.names)),
        base_dir=base_dir,
    )


_TOO_DEEP = (
    f"The text nests more than {bounds.MAX_HTML_DEPTH} levels deep (HTML tags, lists or "
    "quotes), so it is shown and sent as plain text, without formatting."
)


def _as_plain(text: str, title: str, warning: str) -> Rendered:
    page = _document(_plain_document(text), title)
    return Rendered(
        html=_renderer().inliner.inline(page),
        images=(),
        missing_images=(),
        warnings=(warning,),
        text=plain_text(text),
    )
