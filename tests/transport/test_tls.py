"""The one TLS policy: system trust plus an optional CA file, and no way around it."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
import trustme

from smtpeter_desktop.transport import errors, tls
from tests.transport.servers import HOST, Certs


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


def _handshake(client: ssl.SSLContext, server: ssl.SSLContext) -> None:
    """One TLS handshake with a real loopback server; raises what the client's check raises."""
    with socket.create_server((HOST, 0)) as listener:

        def serve() -> None:
            conn, _ = listener.accept()
            with suppress(OSError), server.wrap_socket(conn, server_side=True):
                pass

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        try:
            with (
                socket.create_connection(listener.getsockname(), timeout=5) as raw,
                client.wrap_socket(raw, server_hostname=HOST),
            ):
                pass
        finally:
            thread.join(5)


@pytest.fixture
def system_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty system folder of certificates (SSL_CERT_DIR), as OpenSSL's default."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl tool to name certificates by their hash")
    folder = tmp_path / "certs"
    folder.mkdir()
    monkeypatch.setenv("SSL_CERT_DIR", str(folder))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    tls._new_context.cache_clear()
    yield folder
    tls._new_context.cache_clear()


def _add_to_folder(folder: Path, ca_file: Path) -> None:
    name = subprocess.run(
        ["openssl", "x509", "-subject_hash", "-noout", "-in", str(ca_file)],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    shutil.copy(ca_file, folder / f"{name}.0")


def test_the_system_folder_is_read_certificate_by_certificate(
    system_folder: Path, certs: Certs
) -> None:
    _add_to_folder(system_folder, certs.ca_file)
    context = tls.client_context()
    # Nothing parsed up front (a bundle file is parsed whole, 30-60 ms)...
    assert context.cert_store_stats()["x509_ca"] == 0
    # ... and the server's CA found in the folder when the chain needs it.
    _handshake(context, certs.server)


def test_ssl_cert_file_naming_the_default_bundle_still_reads_the_folder(
    system_folder: Path, certs: Certs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many machines (this one, CI) set SSL_CERT_FILE to OpenSSL's own default bundle: that
    is the system store, read through the folder as when the variable is unset."""
    default_bundle = Path(ssl.get_default_verify_paths().openssl_cafile)
    assert default_bundle.is_file(), "this machine's OpenSSL has a default bundle"
    monkeypatch.setenv("SSL_CERT_FILE", str(default_bundle.resolve()))
    _add_to_folder(system_folder, certs.ca_file)
    context = tls.client_context()
    assert context.cert_store_stats()["x509_ca"] == 0
    _handshake(context, certs.server)


def test_ssl_cert_file_naming_a_bundle_of_its_own_is_trusted(
    system_folder: Path, certs: Certs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any other SSL_CERT_FILE is a choice: its certificates are trusted, though the folder
    (empty here) does not hold them."""
    chosen = tmp_path / "chosen.pem"
    shutil.copy(certs.ca_file, chosen)
    monkeypatch.setenv("SSL_CERT_FILE", str(chosen))
    context = tls.client_context()
    assert context.cert_store_stats()["x509_ca"] == 1
    _handshake(context, certs.server)


def test_a_server_the_system_folder_does_not_vouch_for_is_refused(
    system_folder: Path, certs: Certs, tmp_path: Path
) -> None:
    other = tmp_path / "other.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    _add_to_folder(system_folder, other)
    with pytest.raises(ssl.SSLCertVerificationError):
        _handshake(tls.client_context(), certs.server)
    with pytest.raises(ssl.SSLCertVerificationError):
        _handshake(tls.client_context(certs.ca_file), certs.wrong_name)
