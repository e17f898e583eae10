"""The one TLS policy of both transports: the system's trust store, plus an optional CA file.

Certificates are checked against the operating system's own trust store through
``truststore`` (Keychain on macOS, CryptoAPI on Windows, OpenSSL's system store on Linux),
so what the user's computer trusts is what we trust. A profile may add one CA file for a
private server (the sandbox writes its own). TLS 1.2 at least, host name always checked.
There is deliberately no way to turn verification off.
"""

from __future__ import annotations

import ssl
from pathlib import Path

import truststore

from smtpeter_desktop.transport.errors import ConfigError


def client_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """A client context that verifies the server against the system store and ``ca_file``.

    Raises ``ConfigError`` when the CA file cannot be read or holds no certificate.
    """
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # PROTOCOL_TLS_CLIENT already sets both; stated here because they are the policy.
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    if ca_file is not None:
        # truststore combines the file with the system store on every platform: on Linux
        # OpenSSL verifies against both; on macOS the file's certificates become extra
        # anchors beside the system's; on Windows a chain that fails against the system
        # store is tried again with an engine that trusts the file's certificates. So one
        # load_verify_locations() call is all it takes.
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except FileNotFoundError as exc:
            raise ConfigError(
                f"The CA file {ca_file} does not exist.",
                "Choose the CA file again in the profile, or clear the field.",
                stage="tls",
            ) from exc
        except (OSError, ssl.SSLError, ValueError) as exc:
            raise ConfigError(
                f"The CA file {ca_file} could not be read as PEM certificates.",
                "Choose a PEM file (it starts with -----BEGIN CERTIFICATE-----).",
                stage="tls",
            ) from exc
    return context
