"""The one TLS policy: system trust plus an optional CA file, and no way around it."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from smtpeter_desktop.transport import errors, tls
from tests.transport.servers import Certs


def test_policy() -> None:
    context = tls.client_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.minimum_version == ssl.TLSVersion.TLSv1_2


def test_ca_file_is_added(certs: Certs) -> None:
    context = tls.client_context(certs.ca_file)
    assert context.verify_mode == ssl.CERT_REQUIRED


def test_missing_ca_file(tmp_path: Path) -> None:
    with pytest.raises(errors.ConfigError, match="does not exist"):
        tls.client_context(tmp_path / "missing.pem")


def test_ca_file_that_is_not_pem(tmp_path: Path) -> None:
    path = tmp_path / "junk.pem"
    path.write_text("not a certificate\n")
    with pytest.raises(errors.ConfigError, match="PEM"):
        tls.client_context(path)
