"""httpx's errors as ours: every ``httpx.TransportError`` subclass, by exact class.

Handed to ``mapping.mapped`` by the REST transport (so only REST loads httpx);
tests/transport/test_errors.py checks the table against httpx itself.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable

import httpx

from smtpeter_desktop.transport.errors import (
    ConfigError,
    ConnectError,
    SendError,
    SendTimeout,
    UnexpectedAnswer,
    redact,
)
from smtpeter_desktop.transport.mapping import (
    Context,
    dropped,
    find_ssl_error,
    timed_out,
    tls_error,
)


def _http_timeout(exc: httpx.TransportError, ctx: Context) -> SendError:
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return SendTimeout(
            f"The server {ctx.server} did not accept a connection in time; the message was "
            "not sent.",
            "Check your internet connection and try again.",
            stage=ctx.stage,
        )
    return timed_out(ctx)


def _http_connect(exc: httpx.TransportError, ctx: Context) -> SendError:
    found = find_ssl_error(exc)
    if found is not None:
        return tls_error(found, ctx)
    text = redact(str(exc), ctx.secrets)
    if (
        "Name or service not known" in text
        or "nodename nor servname" in text
        or "getaddrinfo" in text
    ):
        return ConnectError(
            f"The server name in {ctx.server} could not be found.",
            "Check the address in the profile and your internet connection.",
            stage=ctx.stage,
        )
    return ConnectError(
        f"Could not connect to {ctx.server} ({text}).",
        "Check your internet connection and the address in the profile.",
        stage=ctx.stage,
    )


def _http_dropped(exc: httpx.TransportError, ctx: Context) -> SendError:
    found = find_ssl_error(exc)
    if found is not None and not isinstance(found, ssl.SSLZeroReturnError | ssl.SSLEOFError):
        return tls_error(found, ctx)
    return dropped(ctx)


def _http_local_protocol(exc: httpx.TransportError, ctx: Context) -> SendError:
    # Our own request broke HTTP's rules: a bug, but one that must not look like a lost mail.
    return UnexpectedAnswer(
        f"The request to {ctx.server} could not be made ({redact(str(exc), ctx.secrets)}).",
        "This is a fault in SMTPeter Desktop; please report it.",
        stage=ctx.stage,
    )


def _http_proxy(exc: httpx.TransportError, ctx: Context) -> SendError:
    return ConnectError(
        f"The proxy refused the connection to {ctx.server}.",
        "Check the proxy settings of this computer.",
        stage=ctx.stage,
    )


def _http_unsupported(exc: httpx.TransportError, ctx: Context) -> SendError:
    return ConfigError(
        f"The address {ctx.server} is not an http:// or https:// address.",
        "Correct the REST address in the profile.",
        stage=ctx.stage,
    )


# Every httpx transport error, by exact class; tests/transport/test_errors.py checks the list
# against httpx itself.
HTTPX_ERRORS: dict[
    type[httpx.TransportError], Callable[[httpx.TransportError, Context], SendError]
] = {
    httpx.TransportError: _http_dropped,
    httpx.TimeoutException: _http_timeout,
    httpx.ConnectTimeout: _http_timeout,
    httpx.ReadTimeout: _http_timeout,
    httpx.WriteTimeout: _http_timeout,
    httpx.PoolTimeout: _http_timeout,
    httpx.NetworkError: _http_dropped,
    httpx.ConnectError: _http_connect,
    httpx.ReadError: _http_dropped,
    httpx.WriteError: _http_dropped,
    httpx.CloseError: _http_dropped,
    httpx.ProtocolError: _http_dropped,
    httpx.LocalProtocolError: _http_local_protocol,
    httpx.RemoteProtocolError: _http_dropped,
    httpx.ProxyError: _http_proxy,
    httpx.UnsupportedProtocol: _http_unsupported,
}
