"""Python-Markdown set up for mail: the converter behind ``render``, loaded on first use.

Tables, fenced code with Pygments colours as inline styles (``highlight``), sane lists, line
breaks kept, footnotes, ~~strike~~, task lists and bare web and e-mail addresses as links;
local images become ``cid:`` references, each file checked to be an image (``images``).
``render`` loads this module only for a text that has something to convert: Python-Markdown
and pymdownx cost 35-50 ms of a start; ``highlight`` only for a text that may hold code, and
pymdownx's magiclink only for one that may hold a bare address (``has_address``).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.treeprocessors import Treeprocessor
from pymdownx.tasklist import TasklistExtension

from smtpeter_desktop.compose import fences, images
from smtpeter_desktop.compose.images import Signature
from smtpeter_desktop.compose.render import InlineImage, RefusedImage, is_local, local_path
from smtpeter_desktop.compose.strike import StrikeExtension


class _LocalImages(Treeprocessor):
    """Rewrite ``<img src="local/path.png">`` to ``cid:`` and collect the files, checking
    each is an image; a refused one loses its ``src``, so nothing reads it."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.reset(None)

    def reset(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir
        self.images: dict[Path, InlineImage] = {}
        self.missing: list[str] = []
        self.refused: list[RefusedImage] = []
        self.seen: dict[Path, Signature | None] = {}
        self.names: dict[str, str] = {}

    def run(self, root: ET.Element) -> None:
        for img in root.iter("img"):
            src = img.get("src", "")
            if not is_local(src):
                continue
            reference = f"![{img.get('alt', '')}]({src})"
            path = local_path(src, self.base_dir)
            if path is None:
                self.names[src] = Path(unquote(src)).name
                self.refused.append(
                    RefusedImage(
                        reference,
                        "has a relative path, and relative paths are read from the folder "
                        "of the Markdown file or draft; this draft has none: use the full path",
                    )
                )
                img.set("src", "")
                continue
            self.names[src] = path.name
            image = self.images.get(path)
            if image is None:
                try:
                    content_type, signature = images.check(path)
                except FileNotFoundError:
                    self.missing.append(src)
                    self.seen[path] = None
                    continue
                except images.NotAnImage as refused:
                    self.refused.append(RefusedImage(reference, refused.reason))
                    self.seen[path] = images.signature(path)
                    img.set("src", "")
                    continue
                digest = hashlib.sha1(str(path).encode(), usedforsecurity=False).hexdigest()
                image = InlineImage(
                    path=path,
                    # By the file alone: the same image in two sections has one cid.
                    cid=f"img.{digest[:16]}@smtpeter-desktop",
                    content_type=content_type,
                    size=signature.size,
                )
                self.images[path] = image
                self.seen[path] = signature
            img.set("src", f"cid:{image.cid}")


class _LocalImagesExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.processor: _LocalImages | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.processor = _LocalImages(md)
        # After the inline patterns made the <img> elements, before serialisation.
        md.treeprocessors.register(self.processor, "smtpeter_local_images", 5)


# A line that may start a code block: a fence, or indented as far as code is (tabs count to
# the next multiple of 4). Nested lists and footnotes are often indented so too; they then
# load the code extensions for nothing, never the other way round.
_CODE = re.compile(rf"^(?: {{0,3}}\t| {{4}}|{fences.OPENING.pattern})", re.MULTILINE)


def has_code(text: str) -> bool:
    """Whether ``text`` may hold a code block (see ``MarkdownConverter``)."""
    return _CODE.search(text) is not None


# A Markdown link or image written out in full, [text](address) with nothing doubtful in it
# (no bracket, backslash, line break or footnote mark in the text; no space, parenthesis or
# backslash in the address), not escaped: its address is the link's, never a bare one for
# magiclink. Its text stays (a bare address there is looked for like any other).
_WRITTEN_LINK = re.compile(r"(?<!\\)\[(?!\^)([^\[\]\\\n]*)\]\([^\s()\\]*\)")
# What magiclink makes a link of: http(s):// and ftp(s):// addresses, www. names and e-mail
# addresses. A text with none of these marks outside written links has nothing for it.
_BARE_ADDRESS = re.compile(r"://|www\.|@", re.IGNORECASE)


def has_address(text: str) -> bool:
    """Whether ``text`` may hold a bare web or e-mail address (see ``MarkdownConverter``)."""
    return _BARE_ADDRESS.search(_WRITTEN_LINK.sub(r"\1", text)) is not None


class MarkdownConverter:
    """One Python-Markdown converter with the mail's extensions; not thread-safe.

    ``code``: with fenced code and Pygments' colours (``highlight``: 10-17 ms to load). A
    text without a code block (``has_code`` is false) converts the same without them.
    ``links``: with bare web and e-mail addresses made links (pymdownx's magiclink, with
    urllib.request and http.client: 5-12 ms to load); a text without one (``has_address``
    is false) converts the same without it.
    """

    def __init__(self, *, code: bool = True, links: bool = True) -> None:
        self.images = _LocalImagesExtension()
        coding: list[Extension] = []
        if code:
            from smtpeter_desktop.compose import highlight  # see the docstring

            coding = highlight.extensions()
        linking: list[Extension] = []
        if links:
            from pymdownx.magiclink import MagiclinkExtension  # see the docstring

            linking = [MagiclinkExtension()]
        self.markdown = markdown.Markdown(
            # Extensions as objects: a name makes Python-Markdown search every installed
            # package's entry points first (importlib.metadata), about 40 ms per process.
            # nl2br: in mail, a line break is meant ("Thanks,\nAnn"), as Markdown Here does it.
            # footnotes, ~~strike~~, task lists (- [ ] x), bare web and e-mail addresses: what
            # GitHub and Markdown Here users type. lists.normalised adds 2-space nesting, 1).
            extensions=[
                TableExtension(),
                *coding,
                SaneListExtension(),
                Nl2BrExtension(),
                FootnoteExtension(),
                StrikeExtension(),
                TasklistExtension(),
                *linking,
                self.images,
            ],
            output_format="html",
        )

    def convert(self, text: str, base_dir: Path | None) -> tuple[str, _LocalImages]:
        """The body's HTML, and what the local images were (``base_dir``: where relative
        paths are read from)."""
        processor = self.images.processor
        assert processor is not None
        processor.reset(base_dir)
        self.markdown.reset()
        return self.markdown.convert(text), processor
