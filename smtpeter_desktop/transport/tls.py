"""The one TLS policy of both transports: the system's trust store, plus an optional CA file.

Certificates are checked against the operating system's own trust store: through
``truststore`` on macOS (Keychain) and Windows (CryptoAPI); on Linux and other Unixes the
system store *is* OpenSSL's: its folder of certificates named by their subject's hash where
there is one (OpenSSL then reads only the certificates a chain needs, while it parses a
whole bundle file for every context: 144 certificates, 30-60 ms of each command-line send,
measured), else its CA bundle, loaded once per context. (truststore loads the bundle again
for every connection there: 19 ms of each 21 ms TLS handshake to the sandbox, measured.)
So what the user's computer trusts is what we trust. A profile may add one CA file for a
private server (the sandbox writes its own). TLS 1.2 at least, host name always checked.
There is deliberately no way to turn verification off.
"""

from __future__ import annotations

import functools
import os
import re
import ssl
import sys
import threading
from pathlib import Path

from smtpeter_desktop.transport.errors import ConfigError

# Where Linux distributions keep the system's CA bundle, for an OpenSSL (a bundled one, in a
# PyInstaller build) whose own default paths lead nowhere. The same list truststore uses.
_CA_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  # Fedora, RHEL
    "/etc/pki/tls/cert.pem",  # older Fedora, RHEL, CentOS
    "/etc/ssl/cert.pem",  # Alpine, Arch, BSD
    "/etc/ssl/ca-bundle.pem",  # SUSE
)

# A certificate's name in a hashed folder: its subject's hash, a dot, and a number.
_HASH_NAME = re.compile(r"[0-9a-f]{8}\.[0-9]+")


def _system_context() -> ssl.SSLContext:
    if sys.platform in ("darwin", "win32"):
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    defaults = ssl.get_default_verify_paths()
    if defaults.capath and not _chosen_bundle(defaults) and _is_hashed(defaults.capath):
        context.load_verify_locations(capath=defaults.capath)
    elif defaults.cafile or (defaults.capath and any(os.scandir(defaults.capath))):
        context.set_default_verify_paths()
    else:
        for bundle in _CA_BUNDLES:
            if Path(bundle).is_file():
                context.load_verify_locations(cafile=bundle)
                break
    return context


def _chosen_bundle(defaults: ssl.DefaultVerifyPaths) -> bool:
    """Whether ``SSL_CERT_FILE`` names a bundle of its own, which OpenSSL then trusts (the
    folder alone would not hold its certificates). Many machines set it to OpenSSL's own
    default bundle, for tools that do not find that themselves; that file is the system
    store, which the folder holds certificate by certificate, as when the variable is unset
    (parsing the bundle instead took 240 M of a REST send's 1,095 M instructions here, 25-40
    ms of CPU)."""
    chosen = os.environ.get(defaults.openssl_cafile_env)
    if not chosen:
        return False
    return os.path.realpath(chosen) != os.path.realpath(defaults.openssl_cafile)


def _is_hashed(folder: str) -> bool:
    """Whether ``folder`` holds certificates under OpenSSL's hash names (``5ad8a5d6.0``), the
    only names by which OpenSSL looks a certificate up in a folder."""
    with os.scandir(folder) as entries:
        return any(_HASH_NAME.fullmatch(entry.name) for entry in entries)


# Two threads asking at once (a REST connection opened early, and its transport) get the
# same context, made once.
_making = threading.Lock()


def client_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """A client context that verifies the server against the system store and ``ca_file``.

    Contexts are shared (an ``SSLContext`` is safe to use from several threads) and made
    again when the CA file changes. Raises ``ConfigError`` when the CA file cannot be read or
    holds no certificate.
    """
    stamp = None
    if ca_file is not None:
        try:
            stat = Path(ca_file).stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None  # _new_context says what is wrong
    with _making:
        return _new_context(ca_file, stamp)


@functools.lru_cache(maxsize=16)
def _new_context(ca_file: Path | None, stamp: tuple[int, int] | None) -> ssl.SSLContext:
    context = _system_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    # PROTOCOL_TLS_CLIENT already sets both; stated here because they are the policy.
    context.verify_mode = ssl.CERT_REQUIRED
    context.check_hostname = True
    if ca_file is not None:
        # The file joins the system store on every platform: on Linux OpenSSL verifies
        # against both; with truststore, on macOS the file's certificates become extra
        # anchors beside the system's, and on Windows a chain that fails against the system
        # store is tried again with an engine that trusts the file's certificates.
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
