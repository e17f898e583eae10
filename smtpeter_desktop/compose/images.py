"""Which local files the text may show as images, and so put into the message.

A Markdown image reference names any path: ``![x](/etc/passwd)`` or ``~/.ssh/id_rsa`` would
mail that file. Only a regular file whose first bytes are those of an image that mail readers
show (PNG, JPEG, GIF, WebP: the content decides, not the name) and that is not too large is
embedded. SVG is refused: mail readers do not show it, and it can hold scripts.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path

MAX_IMAGE_SIZE = 10 * 1024 * 1024
# Places that hold the system's and other programs' state, never a picture to send.
_SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))
_SNIFF = 512


@dataclasses.dataclass(frozen=True)
class Signature:
    """What a file was when it was checked: a kept check holds while this stays the same."""

    size: int
    mtime_ns: int
    inode: int


class NotAnImage(Exception):
    """The file may not be embedded; ``reason`` ends the sentence "The image ![x](y) ..."."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def signature(path: Path) -> Signature | None:
    """The file's size, time and inode, or ``None`` when there is nothing there."""
    try:
        info = path.stat()
    except OSError:
        return None
    return Signature(info.st_size, info.st_mtime_ns, info.st_ino)


def check(path: Path) -> tuple[str, Signature]:
    """The content type of the image at ``path`` and its signature.

    Raises ``FileNotFoundError`` when nothing is there, ``NotAnImage`` when something is
    that may not go into a message.
    """
    for folder in _SYSTEM_FOLDERS:
        if path == folder or folder in path.parents:
            raise NotAnImage(f"is a system file under {folder}, not an image")
    try:
        # Non-blocking: a named pipe must not hang the preview waiting for a writer.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except PermissionError:
        raise NotAnImage("cannot be read: you do not have permission") from None
    except OSError as exc:
        raise NotAnImage(f"cannot be read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise NotAnImage("is a folder, not an image")
        if not stat.S_ISREG(info.st_mode):
            raise NotAnImage("is not a regular file (a device, a pipe or a socket)")
        if info.st_size > MAX_IMAGE_SIZE:
            raise NotAnImage(
                f"is {info.st_size / 1024 / 1024:.1f} MB; images over "
                f"{MAX_IMAGE_SIZE // 1024 // 1024} MB are not put into a message "
                "(attach it, or make it smaller)"
            )
        head = os.read(handle, _SNIFF)
    except OSError as exc:
        raise NotAnImage(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(handle)
    content_type = sniff(head)
    return content_type, Signature(info.st_size, info.st_mtime_ns, info.st_ino)


def sniff(head: bytes) -> str:
    """The image type that ``head``, a file's first bytes, begins; else ``NotAnImage``."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if not head:
        raise NotAnImage("is an empty file, not an image")
    text = _as_text(head)
    if text is not None and "<svg" in text.lower():
        raise NotAnImage(
            "is an SVG drawing, which mail readers do not show (and which can hold scripts); "
            "export it as PNG"
        )
    if text is not None:
        raise NotAnImage("is not an image file (it looks like text)")
    raise NotAnImage("is not an image of a kind mail readers show (PNG, JPEG, GIF or WebP)")


def _as_text(head: bytes) -> str | None:
    if b"\x00" in head:
        return None
    for cut in range(4):  # the read may end inside a multi-byte character
        try:
            return head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
    return None
