"""Only images the user chose go into a message: every other file a reference names is refused
with a sentence that names the reference, and no local folder shows in the plain text."""

from __future__ import annotations

import email
import email.policy
import os
from pathlib import Path

import pytest

from smtpeter_desktop.compose import checks, images, mime, render, sizes
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from tests.compose.conftest import PNG

SSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"


def _refused(text: str, base_dir: Path | None = None) -> render.RefusedImage:
    rendered = render.render(text, base_dir=base_dir)
    assert rendered.images == (), "nothing may be embedded"
    assert "cid:" not in rendered.html
    (refused,) = rendered.refused_images
    return refused


def test_a_text_file_is_refused_with_a_sentence_naming_the_reference() -> None:
    refused = _refused("![x](/etc/passwd)")
    assert refused.message == (
        "The image ![x](/etc/passwd) is not an image file (it looks like text); "
        "remove the reference or choose an image."
    )


def test_system_files_are_refused_outright() -> None:
    assert "system file under /proc" in _refused("![e](file:///proc/self/environ)").reason
    assert "system file under /dev" in _refused("![z](/dev/zero)").reason
    assert "system file under /sys" in _refused("![k](/sys/kernel/notes)").reason


def test_a_key_in_the_home_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".ssh").mkdir()
    (tmp_path / ".ssh" / "id_rsa").write_text(SSH_KEY)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert _refused("![k](~/.ssh/id_rsa)").reason == "is not an image file (it looks like text)"


def test_reference_style_images_are_checked_too(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("secret plans")
    text = f"See ![chart][c].\n\n[c]: {tmp_path / 'notes.txt'}\n"
    assert "looks like text" in _refused(text).reason


def test_the_content_decides_not_the_name(material: Path) -> None:
    (material / "drawing.png").write_text('<?xml version="1.0"?>\n<svg xmlns="x"></svg>')
    assert "SVG" in _refused("![d](drawing.png)", material).reason
    (material / "archive.gif").write_bytes(b"PK\x03\x04" + bytes(200))
    assert "PNG, JPEG, GIF or WebP" in _refused("![a](archive.gif)", material).reason
    (material / "photo.dat").write_bytes(PNG)
    (image,) = render.render("![p](photo.dat)", base_dir=material).images
    assert image.content_type == "image/png" and image.size == len(PNG)


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
    ],
)
def test_the_image_kinds_mail_readers_show(head: bytes, content_type: str) -> None:
    assert images.sniff(head) == content_type


def test_pipes_folders_links_and_large_files_are_refused(material: Path) -> None:
    os.mkfifo(material / "pipe.png")  # reading it would wait for a writer forever
    assert "not a regular file" in _refused("![p](pipe.png)", material).reason
    (material / "folder.png").mkdir()
    assert "folder" in _refused("![f](folder.png)", material).reason
    (material / "innocent.png").symlink_to("/etc/passwd")
    assert "looks like text" in _refused("![i](innocent.png)", material).reason
    with (material / "huge.png").open("wb") as huge:
        huge.write(PNG)
        huge.truncate(images.MAX_IMAGE_SIZE + 1)  # sparse: no 10 MB written
    assert "images over 10 MB are not put into a message" in (
        _refused("![h](huge.png)", material).reason
    )


def test_a_relative_path_without_a_folder_says_relative_to_what() -> None:
    refused = _refused("![logo](logo.png)")
    assert refused.reason == (
        "has a relative path, and relative paths are read from the folder of the Markdown "
        "file or draft; this draft has none: use the full path"
    )


def test_a_picture_replaced_by_another_file_is_checked_again(material: Path) -> None:
    text = "![logo](logo.png) kept"
    assert len(render.render(text, base_dir=material).images) == 1
    (material / "logo.png").write_text("now a text file, same name")
    assert "looks like text" in _refused(text, material).reason


def test_the_plain_text_names_local_images_by_file_name_only(material: Path) -> None:
    folder = str(material)
    text = (
        f"![a]({folder}/logo.png) ![b](<{folder}/logo.png>) ![c]({material.as_uri()}/logo.png)\n"
        "![web](https://example.com/x.png) [site](https://example.com)\n\n"
        f"![d][ref]\n\n[ref]: {folder}/logo.png\n"
    )
    rendered = render.render(text)
    assert folder not in rendered.text
    assert rendered.text == (
        "![a](logo.png) ![b](<logo.png>) ![c](logo.png)\n"
        "![web](https://example.com/x.png) [site](https://example.com)\n\n"
        "![d][ref]\n\n[ref]: logo.png\n"
    )


def test_a_message_never_carries_a_refused_file(tmp_path: Path) -> None:
    draft = Draft(sender="a@b.co", to="c@d.co", body="![x](/etc/passwd)", base_dir=str(tmp_path))
    with pytest.raises(ComposeError, match=r"The image !\[x\]\(/etc/passwd\) is not an image"):
        mime.build_bytes(draft)


def test_the_plain_part_of_a_message_reveals_no_folder(material: Path) -> None:
    draft = Draft(sender="a@b.co", to="c@d.co", body=f"Hi\n\n![logo]({material}/logo.png)\n")
    raw, _ = mime.build_bytes(draft)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    plain = message.get_body(("plain",))
    assert plain is not None
    assert plain.get_content().replace("\r\n", "\n") == "Hi\n\n![logo](logo.png)\n"
    assert str(material).encode() not in raw


def test_checks_list_the_embedded_images_and_stop_on_refused_ones(material: Path) -> None:
    draft = Draft(
        sender="a@b.co",
        to="c@d.co",
        subject="s",
        body="![logo](logo.png) ![pw](/etc/passwd)",
        base_dir=str(material),
    )
    found = {finding.code: finding for finding in checks.check(draft)}
    assert found["bad-image"].severity is checks.Severity.ERROR
    assert found["bad-image"].message.startswith("The image ![pw](/etc/passwd) is not an image")
    listed = found["embedded-images"]
    assert listed.severity is checks.Severity.INFO  # listed, never asked about
    assert listed.message == (
        "The text shows 1 image from this computer, sent inside the message: "
        f"“logo.png” ({sizes.human_size(len(PNG))})."
    )
