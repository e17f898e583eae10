"""The signature store: names, per-sender defaults, and a file people may edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtpeter_desktop.storage.signatures import (
    MAX_CHARS,
    Signature,
    SignatureError,
    SignatureStore,
    absolute_images,
)


def test_defaults_per_profile_and_address(tmp_path: Path) -> None:
    store = SignatureStore(tmp_path / "signatures.toml")
    store.save(Signature("Work", "Ann Lee\nExample B.V."))
    store.save(Signature("Home", "Ann"))
    store.set_default("Work", profile="p1")
    store.set_default("home", profile="p1", sender="ann@home.example")
    assert store.default_for("p1", "someone@example.com") == Signature(
        "Work", "Ann Lee\nExample B.V."
    )
    assert store.default_for("p1", "ANN@home.example") == Signature("Home", "Ann")
    assert store.default_for("p2", "ann@home.example") is None
    store.save(Signature("Work", "Ann Lee, changed"))
    assert store.get("work").markdown == "Ann Lee, changed"
    assert [s.name for s in store.signatures()] == ["Work", "Home"]
    store.remove("Home")
    assert store.default_for("p1", "ann@home.example") == Signature("Work", "Ann Lee, changed")
    assert all(d.signature != "Home" for d in store.defaults())
    store.set_default(None, profile="p1")
    assert store.default_for("p1") is None


def test_bad_signatures_are_refused_with_a_sentence() -> None:
    with pytest.raises(SignatureError, match="cannot be a signature's name"):
        Signature("", "x")
    with pytest.raises(SignatureError, match="at most"):
        # A pasted data: image is refused, not stored: images are referenced by path.
        Signature("Big", "![x](data:image/png;base64," + "A" * MAX_CHARS + ")")


def test_an_unknown_name_lists_the_ones_there_are(tmp_path: Path) -> None:
    store = SignatureStore(tmp_path / "signatures.toml")
    store.save(Signature("Work", "Ann"))
    with pytest.raises(SignatureError, match="Signatures: Work"):
        store.get("Nope")


def test_relative_images_become_absolute(tmp_path: Path) -> None:
    text = "![a](logo.png) ![b](https://example.com/x.png) ![c](/abs/y.png)"
    assert absolute_images(text, tmp_path) == (
        f"![a]({tmp_path / 'logo.png'}) ![b](https://example.com/x.png) ![c](/abs/y.png)"
    )
