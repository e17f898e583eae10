"""The sandbox's own certificate authority, kept in its data folder, and the server certificate.

The CA is made on the first start and reused after, so a profile that trusts ``ca.pem``
keeps working across restarts; its key stays beside it. Both are readable by the user only
(``0600``; files an older version left open to others are closed at start). A fresh server
certificate for 127.0.0.1, ::1 and localhost is issued from it at each start, in memory.
"""

from __future__ import annotations

import contextlib
import ssl
from pathlib import Path

import trustme

from smtpeter_desktop.sandbox.errors import StartError
from smtpeter_desktop.sandbox.files import close_to_others, write_private

CA_FILE = "ca.pem"
CA_KEY_FILE = "ca-key.pem"
_NAME = "SMTPeter Desktop sandbox"
SERVER_NAMES = ("127.0.0.1", "::1", "localhost")


def load_or_create_ca(data_dir: Path) -> trustme.CA:
    """The CA kept in ``data_dir``, made there first when there is none."""
    cert_path = data_dir / CA_FILE
    key_path = data_dir / CA_KEY_FILE
    if cert_path.exists() or key_path.exists():
        for path in (cert_path, key_path):
            with contextlib.suppress(OSError):  # missing: said below
                close_to_others(path)
        try:
            return trustme.CA.from_pem(cert_path.read_bytes(), key_path.read_bytes())
        except (OSError, ValueError) as exc:
            raise StartError(
                f"The sandbox's certificate authority in {data_dir} cannot be read ({exc}). "
                f"Delete {CA_FILE} and {CA_KEY_FILE} there to make a new one, then let the "
                "profiles that use the sandbox trust the new ca.pem."
            ) from exc
    ca = trustme.CA(organization_name=_NAME, organization_unit_name=f"{_NAME} CA")
    try:
        # The key first: a ca.pem without its key next to it would be a damaged pair.
        write_private(key_path, ca.private_key_pem.bytes())
        write_private(cert_path, ca.cert_pem.bytes())
    except OSError as exc:
        raise StartError(
            f"The sandbox cannot write its certificate authority to {data_dir} ({exc}): "
            "choose a data folder you can write to."
        ) from exc
    return ca


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    """A server-side TLS context presenting a new certificate for the loopback names."""
    leaf = ca.issue_cert(*SERVER_NAMES, organization_name=_NAME, common_name="localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    leaf.configure_cert(context)
    return context
