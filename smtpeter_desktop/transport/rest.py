"""The REST transport: SMTPeter's ``POST /v1/send`` with the built MIME, and the calls after it.

One request per message: the JSON body carries the exact bytes we built (``mime``), the
envelope recipients (Bcc included), the bounce address, DSN and the SMTPeter options.
The body is streamed: the ``mime`` string is JSON-escaped chunk by chunk, with its
Content-Length counted in a first pass, so a 20 MB message is never held in memory and no
chunked upload is needed. A timeout or a dropped connection after the last body byte is an
unknown outcome (``maybe_accepted``): SMTPeter has no idempotency key, so we never retry.

What an answer means, by when it came:

- Before the last body byte was written, SMTPeter cannot have taken the message: it never
  had all of it. Any failure then (a drop, a timeout, even a 5xx a gateway sends before
  reading the rest) is "not sent", and a 5xx or a drop is worth another try.
- After it, 2xx is success; 429 and 503 say "busy, took nothing" (with Retry-After when
  given); 400, 401/403, 404 and 413 say why it was not taken. Any other 5xx (500, 502, 504:
  a gateway in front answers 504 exactly when the backend is slow but finishes) is an
  unknown outcome, like a timeout: kept, never resent without asking.

"Before" and "after" are as we see them: an answer httpcore reads once the upload failed is
"before"; an early answer from a gateway that went on reading the body counts as "after",
which errs on the side of never sending twice.

Every call has overall deadlines, not only httpx's per-read timeouts (which a server that
trickles a byte at a time resets forever): ``connect_timeout`` for reaching the server,
``write_timeout`` per 64 KiB of the body for the upload, and ``final_timeout`` (a send) or
``read_timeout`` (any other call) for the whole answer, headers and body. An answer is read
up to ``MAX_ANSWER`` bytes and no further. Cancelling works at every step: look-up,
connect, TLS, upload, and while waiting for the answer (after ``cancel_grace`` seconds in
which the answer may still come and make the outcome known; else "maybe accepted"). Both work
by shutting the socket in use from another thread (see ``httpnet``, the network under
httpx that we own).

The API token travels in the query string (SMTPeter reads it nowhere else). It is added
by an inner transport, under httpx's client: the URLs httpx logs, keeps on its requests and
responses, and puts in its errors never hold it. Any URL we show says ``access_token=***``.
"""

from __future__ import annotations

import codecs
import dataclasses
import ipaddress
import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import httpx

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport import base, domains, errors, httpnet, mapping, tls
from smtpeter_desktop.transport.early import Early
from smtpeter_desktop.transport.errors import (
    AuthError,
    ConfigError,
    MessageRejected,
    SendError,
    ServerBusy,
    ServerError,
    UnexpectedAnswer,
)
from smtpeter_desktop.transport.http_errors import HTTPX_ERRORS
from smtpeter_desktop.transport.mapping import Context

log = logging.getLogger(__name__)

# The most of an answer we read: a send's answer is a few ids, an events list a few KiB.
MAX_ANSWER = 1024 * 1024


State = Literal["pending", "delivered", "failed", "opened", "clicked"]


@dataclasses.dataclass(frozen=True)
class RestSettings:
    """Where SMTPeter's REST API is; the token is handed to the transport, never kept here.

    Attributes:
        base_url: up to and including the version, e.g. ``https://www.smtpeter.com/v1``.
            ``http://`` only to a loopback address (the sandbox).
        ca_file: an extra CA to trust (a private server, the sandbox over HTTPS).
        connect_timeout: seconds to look up, connect and finish the TLS handshake, in all.
        write_timeout: seconds for one block of the body to be taken by the network; the
            whole upload gets this per 64 KiB of the body.
        read_timeout: seconds for the whole answer to a short call (events, domains),
            headers and body, after ``connect_timeout`` for reaching the server.
        final_timeout: seconds for the whole answer after the message was uploaded;
            long on purpose, as running out leaves the outcome unknown.
        cancel_grace: seconds a cancel that comes after the whole upload still waits for
            the answer, which makes the outcome known; before that, a cancel stops at once.
    """

    base_url: str = "https://www.smtpeter.com/v1"
    ca_file: Path | None = None
    connect_timeout: float = 15.0
    write_timeout: float = 60.0
    read_timeout: float = 30.0
    final_timeout: float = 120.0
    cancel_grace: float = 3.0

    def __post_init__(self) -> None:
        for name in (
            "connect_timeout",
            "write_timeout",
            "read_timeout",
            "final_timeout",
            "cancel_grace",
        ):
            if not getattr(self, name) > 0:
                raise ConfigError(
                    f"The {name.replace('_', ' ')} must be above zero.",
                    "Enter a number of seconds.",
                    stage="settings",
                )


@dataclasses.dataclass(frozen=True)
class Event:
    """One event of a sent message, as SMTPeter logged it.

    Attributes:
        kind: "attempt", "delivery", "failure", "bounce", "open", "click" or "response".
        time: when, in UTC, if SMTPeter said.
        data: the event's fields as SMTPeter gave them (recipient, code, url, ...).
    """

    kind: str
    time: datetime | None
    data: Mapping[str, Any]

    @property
    def recipient(self) -> str:
        return str(self.data.get("recipient", ""))


@dataclasses.dataclass(frozen=True)
class EventsReport:
    """The events of one message and what they add up to.

    ``state``: "clicked" or "opened" once someone did; else "failed" on a bounce; else
    "delivered" once a delivery event exists; else "failed" on a failure; else "pending".
    A delivery outranks a failure because SMTPeter logs temporary failures before the
    attempt that succeeds; a bounce comes after delivery, so it outranks it.
    """

    message_id: str
    events: tuple[Event, ...]

    @property
    def state(self) -> State:
        kinds = {event.kind for event in self.events}
        if "click" in kinds:
            return "clicked"
        if "open" in kinds:
            return "opened"
        if "bounce" in kinds:
            return "failed"
        if "delivery" in kinds:
            return "delivered"
        if "failure" in kinds:
            return "failed"
        return "pending"


@dataclasses.dataclass(frozen=True)
class RemoteTemplate:
    """One of the account's templates on SMTPeter (made in its dashboard).

    Attributes:
        id: SMTPeter's id, as text ("12").
        name: the name given in the dashboard.
    """

    id: str
    name: str


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _TokenTransport(httpx.BaseTransport):
    """Adds ``access_token`` to the URL below httpx's client, where nothing logs or keeps it."""

    def __init__(self, inner: httpx.BaseTransport, token: str) -> None:
        self._inner = inner
        self._token = token

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url.copy_merge_params({"access_token": self._token})
        inner = httpx.Request(
            request.method,
            url,
            headers=request.headers,
            stream=request.stream,
            extensions=request.extensions,
        )
        return self._inner.handle_request(inner)

    def close(self) -> None:
        self._inner.close()

    def __repr__(self) -> str:
        return "_TokenTransport(access_token=***)"


@dataclasses.dataclass(frozen=True)
class _Answer:
    """An HTTP answer read in full, or cut off at ``MAX_ANSWER`` or where it stopped coming.

    Attributes:
        truncated: the body is not all there (too large, or the connection broke in it).
        detail: the HTTP version, status and TLS version, for a check's report.
    """

    status_code: int
    reason_phrase: str
    headers: httpx.Headers
    content: bytes
    encoding: str
    truncated: bool
    detail: str

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding or "utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.content.decode("utf-8", "replace"))


def _read(response: httpx.Response) -> _Answer:
    """The answer's body, at most ``MAX_ANSWER`` bytes of it.

    A connection that breaks in the body (the server, or the deadline) leaves what came
    (``truncated``): the status is known, and it says more than the break. A cancel does not:
    the send then ends as stopped.
    """
    data = bytearray()
    truncated = False
    try:
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > MAX_ANSWER:
                truncated = True
                del data[MAX_ANSWER:]
                break
    except httpx.TransportError as exc:
        call = httpnet.current_call()
        if call is not None and call.cancel.cancelled:
            raise  # the user stopped: that, not the status, is the outcome to report
        log.info("The answer broke off after %d bytes: %s", len(data), type(exc).__name__)
        truncated = True
    return _Answer(
        status_code=response.status_code,
        reason_phrase=response.reason_phrase,
        headers=response.headers,
        content=bytes(data),
        encoding=response.charset_encoding or "utf-8",
        truncated=truncated,
        detail=_reach_detail(response),
    )


class _Body:
    """The JSON body of a send, streamed: our fields, then ``"mime": "<escaped message>"``."""

    def __init__(
        self,
        fields: Mapping[str, Any],
        message: base.MessageSource,
        progress: base.Progress | None,
        cancel: base.CancelToken,
        on_phase: Callable[[str], None] | None = None,
    ) -> None:
        self.head = (json.dumps(fields)[:-1] + ', "mime": "').encode()
        self.tail = b'"}'
        self.message = message
        self.progress = progress
        self.cancel = cancel
        self.on_phase = on_phase
        self.sent = False
        self.sent_at = 0.0
        # First pass: count, so the request has a Content-Length instead of chunks.
        self.length = len(self.head) + sum(len(p) for p in self._escaped()) + len(self.tail)

    def _escaped(self) -> Iterator[bytes]:
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            for chunk in base.chunks(self.message):
                text = decoder.decode(chunk)
                if text:
                    yield json.dumps(text, ensure_ascii=False)[1:-1].encode()
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise MessageRejected(
                "The message holds bytes that are not UTF-8 text, which the REST API cannot carry.",
                "Send it through SMTP instead, or rebuild it (SMTPeter Desktop always builds "
                "mail that fits).",
                stage="prepare",
            ) from exc

    def __iter__(self) -> Iterator[bytes]:
        done = 0
        if self.on_phase is not None:
            self.on_phase("upload")
        for piece in self._pieces():
            self.cancel.raise_if_cancelled("upload")
            yield piece
            done += len(piece)
            if self.progress is not None:
                self.progress(done, self.length)
        # Reached only when httpcore asks for more after the last piece: all of it is sent.
        self.sent = True
        self.sent_at = time.perf_counter()
        if self.on_phase is not None:
            self.on_phase("answer")

    def _pieces(self) -> Iterator[bytes]:
        yield self.head
        yield from self._escaped()
        yield self.tail


class RestTransport:
    """Sends through SMTPeter's REST API; see the module docstring.

    ``early``: a connection already being opened to the API's server (``early.Early.https``
    with this transport's TLS context), which the first request takes; the transport closes
    it when no request did (and its maker, when making the transport raises).

    Attributes:
        settings: the profile's REST settings.
    """

    def __init__(self, settings: RestSettings, token: str, *, early: Early | None = None) -> None:
        self.settings = settings
        self._token = token
        url = httpx.URL(settings.base_url.rstrip("/"))
        if url.scheme not in ("https", "http") or not url.host:
            raise ConfigError(
                f"{settings.base_url!r} is not an https:// address.",
                "Enter SMTPeter's REST address, https://www.smtpeter.com/v1.",
                stage="settings",
            )
        if url.scheme == "http" and not _is_loopback(url.host):
            raise ConfigError(
                f"{settings.base_url} is plain http:// to another computer: the API token and "
                "the message would cross the network unencrypted.",
                "Use https:// (plain http:// is only for the local sandbox).",
                stage="settings",
            )
        self._base = url
        context = tls.client_context(settings.ca_file)
        self._client = httpx.Client(
            transport=_TokenTransport(
                # The request's header and body are separate writes: without TCP_NODELAY the
                # body waits for the server's delayed ACK (~40 ms per request).
                httpnet.HttpTransport(context, early),
                token,
            ),
            timeout=self._timeout(settings.read_timeout),
            # identity: a compressed answer could grow past MAX_ANSWER in one chunk.
            headers={"User-Agent": "smtpeter-desktop", "Accept-Encoding": "identity"},
            # No proxies, .netrc or SSL_CERT_FILE from the environment: the profile decides.
            trust_env=False,
        )

    def __repr__(self) -> str:
        return f"RestTransport({self.shown_url('')!r})"

    def __enter__(self) -> RestTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections kept for the next call."""
        self._client.close()

    def shown_url(self, method: str) -> str:
        """The URL of ``method`` as it may be shown or logged: the token as ``***``."""
        return f"{self._base}/{method}?access_token=***".replace("/?", "?")

    def _url(self, method: str) -> str:
        return f"{self._base}/{method}"

    def _timeout(self, read: float) -> httpx.Timeout:
        s = self.settings
        return httpx.Timeout(
            connect=s.connect_timeout, read=read, write=s.write_timeout, pool=s.connect_timeout
        )

    def _context(self, stage: str, method: str, sent: Any = None) -> Context:
        return Context(
            stage=stage,
            server=self._base.host,
            sent=sent or (lambda: False),
            secrets=(self._token,),
        )

    # -- sending --------------------------------------------------------------------------

    def send(
        self,
        message: base.MessageSource,
        envelope: Envelope,
        options: SmtpeterOptions,
        progress: base.Progress | None = None,
        cancel: base.CancelToken | None = None,
        *,
        last: bool = False,
    ) -> base.Receipt:
        """POST the message to ``/send``; see the module docstring. (``last`` changes
        nothing: closing an HTTPS connection costs no round trip.)"""
        if not envelope.recipients:
            raise ValueError("An envelope without recipients cannot be sent.")
        base.refuse_unsafe(options, envelope)
        cancel = cancel or base.CancelToken()
        cancel.raise_if_cancelled("prepare")
        s = self.settings
        start = time.perf_counter()

        def phase(name: str) -> None:
            if name == "upload":
                call.enter("upload", s.write_timeout * (body.length // base.CHUNK + 1))
            else:
                call.enter("answer", s.final_timeout)

        body = _Body(self._fields(message, envelope, options), message, progress, cancel, phase)
        prepared = time.perf_counter()
        call = httpnet.Call(cancel, s.connect_timeout, s.cancel_grace)
        answer = self._post_send(call, iter(body), body.length, lambda: body.sent)
        end = time.perf_counter()
        timings = (
            ("prepare", prepared - start),
            ("request", (body.sent_at or end) - prepared),
            ("answer", end - (body.sent_at or end)),
        )
        log.info(
            "POST %s: %d %s in %.2f s (%d bytes)",
            self.shown_url("send"),
            answer.status_code,
            answer.reason_phrase,
            end - start,
            body.length,
        )
        return self._receipt(answer, envelope, timings, sent=body.sent)

    def _post_send(
        self,
        call: httpnet.Call,
        content: Iterator[bytes],
        length: int,
        sent: Callable[[], bool],
        *,
        relabel: bool = True,
    ) -> _Answer:
        """POST a JSON ``content`` of ``length`` bytes to ``/send`` under ``call``'s deadlines
        and cancel, and read the answer; ``sent()`` says whether the whole body went out,
        which decides whether a failure is an unknown outcome. With ``relabel``, a failure's
        stage names the phase it broke in ("connect", "upload" or "answer")."""
        ctx = self._context("send", "send", sent)
        try:
            with (
                call.running(),
                mapping.mapped(ctx, HTTPX_ERRORS),
                self._client.stream(
                    "POST",
                    self._url("send"),
                    content=content,
                    headers={"Content-Type": "application/json", "Content-Length": str(length)},
                    timeout=self._timeout(self.settings.final_timeout),
                ) as response,
            ):
                return _read(response)
        except SendError as err:
            why = call.why(err, ctx, sent())
            if why is not err:
                why.message = errors.redact(why.message, (self._token,))
                raise why from err
            if relabel and err.stage == "send":
                err.stage = call.phase
            raise

    def _fields(
        self, message: base.MessageSource, envelope: Envelope, options: SmtpeterOptions
    ) -> dict[str, Any]:
        envid = base.message_id(message)
        return self._option_fields(envelope, options, dsn={"envid": envid} if envid else {})

    def _option_fields(
        self, envelope: Envelope, options: SmtpeterOptions, dsn: dict[str, str]
    ) -> dict[str, Any]:
        dsn = {"notify": options.dsn_notify_text, "ret": options.dsn_ret, **dsn}
        fields: dict[str, Any] = {"recipients": list(envelope.recipients)}
        if envelope.sender:
            fields["envelope"] = envelope.sender
        fields.update(
            dsn=dsn,
            inlinecss=options.inline_css,
            trackclicks=options.track_clicks,
            trackopens=options.track_opens,
            trackbounces=options.track_bounces,
            preventscam=options.prevent_scam,
        )
        if options.tags:
            fields["tags"] = list(options.tags)
        if options.hosted_images:
            fields["images"] = "hosted"
        if options.max_deliver_time:
            fields["maxdelivertime"] = options.max_deliver_time
        # No "unsubscribe" field: the List-Unsubscribe headers are in the message itself
        # (compose.mime), and SMTPeter documents the field for the parts form only
        # (rest-send-json.md); with "mime" too, a reader could get the header twice.
        return fields

    def _receipt(
        self,
        answer: _Answer,
        envelope: Envelope,
        timings: tuple[tuple[str, float], ...],
        *,
        sent: bool,
    ) -> base.Receipt:
        status = answer.status_code
        if not 200 <= status <= 204:
            raise self._failure(answer, "send", sent=sent)
        ids: dict[str, str] = {}
        if status != 204 and (answer.content.strip() or answer.truncated):
            try:
                data = None if answer.truncated else answer.json()
            except ValueError:
                data = None
            if not isinstance(data, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in data.items()
            ):
                what = "was cut off" if answer.truncated else "could not be read"
                raise UnexpectedAnswer(
                    f"SMTPeter took the message (HTTP {status}) but its answer {what}: "
                    f"{_excerpt(answer.text, (self._token,))}",
                    "The message was probably accepted: look in SMTPeter's logs before "
                    "sending it again.",
                    stage="answer",
                    maybe_accepted=True,
                    server_reply=f"{status} {_excerpt(answer.text, (self._token,))}",
                )
            ids = dict(data)
        return base.Receipt(
            transport="rest",
            accepted=envelope.recipients,
            message_ids=ids,
            reply=f"{status} {answer.reason_phrase}".strip(),
            timings=timings,
        )

    def _failure(self, answer: _Answer, stage: str, *, sent: bool = False) -> SendError:
        """The error for an HTTP answer that is not a success; ``sent``: after the whole body."""
        status = answer.status_code
        text = _error_text(answer, (self._token,))
        reply = f"{status} {text}".strip()
        if status in (401, 403):
            return AuthError(
                f"SMTPeter refused the API token: {text}",
                "Copy the token again from SMTPeter's dashboard into the profile; making a new "
                "token there revokes the old one.",
                stage=stage,
                server_reply=reply,
            )
        if status in (429, 503):
            retry_after = _retry_after(answer.headers.get("Retry-After"))
            wait = f" It asks to wait {retry_after:.0f} s." if retry_after is not None else ""
            return ServerBusy(
                f"SMTPeter is busy and took nothing (HTTP {status}: {text}).{wait}",
                "Try again later.",
                stage=stage,
                retry_after=retry_after,
                server_reply=reply,
            )
        if status == 400:
            return MessageRejected(
                f"SMTPeter refused the message: {text}",
                "Read SMTPeter's answer; sending it unchanged will fail again.",
                stage=stage,
                server_reply=reply,
            )
        if status == 413:
            return MessageRejected(
                "The message is too large for SMTPeter.",
                "Make it smaller: link to large files instead of attaching them.",
                stage=stage,
                server_reply=reply,
            )
        if status == 404:
            return ConfigError(
                f"{self.shown_url('')} does not look like SMTPeter's REST API (HTTP 404).",
                "Check the REST address in the profile (https://www.smtpeter.com/v1).",
                stage=stage,
                server_reply=reply,
            )
        if status >= 500 and sent:
            # A gateway answers 502/504 when the backend is slow or gone, and the backend
            # may still finish: after the whole message, nothing says it was not taken.
            return ServerError(
                f"SMTPeter, or a gateway in front of it, failed with HTTP {status} ({text}) "
                "after the whole message was sent.",
                "The message may have been accepted: look in SMTPeter's logs before sending it "
                "again.",
                stage=stage,
                maybe_accepted=True,
                server_reply=reply,
            )
        if status >= 500:
            return ServerError(
                f"SMTPeter failed on its side (HTTP {status}: {text}) before it had the whole "
                "message; the message was not taken.",
                "Try again in a few minutes.",
                stage=stage,
                server_reply=reply,
            )
        return UnexpectedAnswer(
            f"SMTPeter answered HTTP {status}: {text}",
            "Check the REST address in the profile.",
            stage=stage,
            server_reply=reply,
        )

    # -- the calls after a send -----------------------------------------------------------

    def _get(self, method: str, stage: str, cancel: base.CancelToken | None = None) -> _Answer:
        """GET ``method``, within ``connect_timeout`` plus ``read_timeout`` in all."""
        s = self.settings
        call = httpnet.Call(cancel or base.CancelToken(), s.connect_timeout + s.read_timeout)
        ctx = self._context(stage, method)
        try:
            with call.running(), mapping.mapped(ctx, HTTPX_ERRORS):
                call.phase = stage
                with self._client.stream("GET", self._url(method)) as response:
                    answer = _read(response)
        except SendError as err:
            why = call.why(err, ctx, False)
            if why is not err:
                raise why from err
            raise
        log.info("GET %s: %d", self.shown_url(method), answer.status_code)
        return answer

    def _json(self, answer: _Answer, stage: str) -> Any:
        if answer.status_code != 200:
            raise self._failure(answer, stage)
        if answer.truncated:
            raise UnexpectedAnswer(
                f"SMTPeter's answer was cut off: it was larger than {MAX_ANSWER // 1024} KiB, "
                "or the connection broke in it.",
                "Try again later; if it happens again, check the REST address in the profile.",
                stage=stage,
            )
        try:
            return answer.json()
        except ValueError as exc:
            raise UnexpectedAnswer(
                f"SMTPeter's answer could not be read: {_excerpt(answer.text, (self._token,))}",
                "Check the REST address in the profile.",
                stage=stage,
            ) from exc

    def events(self, message_id: str) -> EventsReport:
        """What happened to a sent message so far (``GET /events/messageid/{id}``)."""
        method = f"events/messageid/{quote(message_id, safe='')}"
        data = self._json(self._get(method, "events"), "events")
        if not isinstance(data, list):
            raise UnexpectedAnswer(
                "SMTPeter's list of events could not be read.", "Try again later.", stage="events"
            )
        events = []
        for item in data:
            if not isinstance(item, dict):
                continue
            fields = item.get("data")
            fields = dict(fields) if isinstance(fields, dict) else {}
            events.append(Event(str(item.get("event", "")), _time(fields.get("time")), fields))
        return EventsReport(message_id, tuple(events))

    def resend(self, message_id: str, cancel: base.CancelToken | None = None) -> dict[str, str]:
        """Send a stored message again under a new id (``POST /resend``): new id -> recipient.

        Not idempotent: an answer that does not come is an unknown outcome, raised as such by
        the error mapping; the caller must not repeat it without asking.
        """
        s = self.settings
        call = httpnet.Call(cancel or base.CancelToken(), s.connect_timeout + s.read_timeout)
        body = json.dumps({"message": message_id}).encode()
        ctx = self._context("resend", "resend", sent=lambda: True)
        try:
            with call.running(), mapping.mapped(ctx, HTTPX_ERRORS):
                call.phase = "resend"
                with self._client.stream(
                    "POST",
                    self._url("resend"),
                    content=body,
                    headers={"Content-Type": "application/json"},
                ) as response:
                    answer = _read(response)
        except SendError as err:
            why = call.why(err, ctx, True)
            if why is not err:
                raise why from err
            raise
        log.info("POST %s: %d", self.shown_url("resend"), answer.status_code)
        data = self._json(answer, "resend")
        if isinstance(data, str):
            return {data: ""}
        if isinstance(data, dict):
            return {str(key): str(value) for key, value in data.items()}
        raise UnexpectedAnswer(
            "SMTPeter's answer to the resend could not be read.",
            "Look in Sent or SMTPeter's logs before resending again.",
            stage="resend",
        )

    # -- SMTPeter's templates ---------------------------------------------------------------

    def templates(self, start: int = 0, length: int = 100) -> list[RemoteTemplate]:
        """The account's templates (``GET /templates/{start}/{length}``)."""
        data = self._json(self._get(f"templates/{start:d}/{length:d}", "templates"), "templates")
        if not isinstance(data, list):
            raise UnexpectedAnswer(
                "SMTPeter's list of templates could not be read.",
                "Try again later.",
                stage="templates",
            )
        return [
            RemoteTemplate(str(item["id"]), str(item.get("name", "")))
            for item in data
            if isinstance(item, dict) and isinstance(item.get("id"), int | str)
        ]

    def template_html(self, template_id: str) -> str:
        """The template as HTML for mail readers (``GET /template/{id}/html``).

        A template that is not (or no longer) on SMTPeter raises :class:`MessageRejected`
        saying so.
        """
        method = f"template/{quote(template_id, safe='')}/html"
        response = self._get(method, "template")
        if response.status_code == 404:
            raise self._template_gone(template_id, response, "template")
        if response.status_code != 200:
            raise self._failure(response, "template")
        if response.truncated:
            raise UnexpectedAnswer(
                f"SMTPeter's template {template_id} came cut off (over "
                f"{MAX_ANSWER // 1024} KiB, or the connection broke).",
                "It can still be sent; to look at it, open it in SMTPeter's dashboard.",
                stage="template",
            )
        return response.text

    def send_template(
        self,
        template_id: str,
        envelope: Envelope,
        data: Mapping[str, str],
        options: SmtpeterOptions,
        cancel: base.CancelToken | None = None,
    ) -> base.Receipt:
        """Send one of SMTPeter's templates, its placeholders filled from *data*.

        POSTs ``template`` and ``data`` to ``/send`` with the envelope and options, as a
        :meth:`send` does with ``mime``. The answer, and an unknown outcome, are read the same.
        """
        if not envelope.recipients:
            raise ValueError("An envelope without recipients cannot be sent.")
        base.refuse_unsafe(options, envelope)  # as send() does: nothing unsafe leaves
        cancel = cancel or base.CancelToken()
        cancel.raise_if_cancelled("prepare")
        fields = self._option_fields(envelope, options, dsn={})
        fields["template"] = int(template_id) if template_id.isdigit() else template_id
        fields["data"] = dict(data)
        body = json.dumps(fields).encode()
        s = self.settings
        handed_over = False

        def upload() -> Iterator[bytes]:
            nonlocal handed_over
            call.enter("upload", s.write_timeout)
            yield body
            # Asked for more: the whole body is sent, so the outcome is unknown until answered.
            handed_over = True
            call.enter("answer", s.final_timeout)

        start = time.perf_counter()
        call = httpnet.Call(cancel, s.connect_timeout, s.cancel_grace)
        answer = self._post_send(call, upload(), len(body), lambda: handed_over, relabel=False)
        seconds = time.perf_counter() - start
        log.info("POST %s (template): %d", self.shown_url("send"), answer.status_code)
        if answer.status_code == 404:
            raise self._template_gone(template_id, answer, "send")
        return self._receipt(answer, envelope, (("request", seconds),), sent=handed_over)

    def _template_gone(self, template_id: str, response: _Answer, stage: str) -> SendError:
        text = _error_text(response, (self._token,))
        return MessageRejected(
            f"SMTPeter has no template {template_id} (any more): {text}",
            "It may have been deleted or renamed in SMTPeter's dashboard: list the templates "
            "again and choose one.",
            stage=stage,
            server_reply=f"404 {text}",
        )

    def sender_domains(self) -> list[str]:
        """The sender domains of the account (``GET /domains``)."""
        return _domains(self._json(self._get("domains", "domains"), "domains"))

    def sender_domain_list(self) -> list[domains.SenderDomain]:
        """The sender domains with their approval and tracking host (``GET /domains``)."""
        return domains.read_domains(self._json(self._get("domains", "domains"), "domains"))

    def dns_status(self, domain: str) -> domains.DnsStatus:
        """Whether a sender domain's DNS is in order (``GET /dns/{domain}/status``)."""
        method = f"dns/{quote(domain, safe='')}/status"
        return domains.read_status(self._json(self._get(method, "dns"), "dns"))

    def dns_recommended(self, domain: str) -> list[domains.DnsRecord]:
        """The DNS records SMTPeter recommends for a sender domain (``/recommended``)."""
        method = f"dns/{quote(domain, safe='')}/recommended"
        return domains.read_recommended(self._json(self._get(method, "dns"), "dns"))

    # -- the connection test --------------------------------------------------------------

    def check(self, on_stage: base.OnStage | None = None) -> base.CheckReport:
        """HTTPS reach, the token (through ``/domains``), and the sender domains listed."""
        stages: list[base.CheckStage] = []

        def report(stage: base.CheckStage) -> None:
            stages.append(stage)
            if on_stage is not None:
                on_stage(stage)

        start = time.perf_counter()
        try:
            response = self._get("domains", "https")
        except SendError as err:
            report(base.CheckStage("https", False, time.perf_counter() - start, "", err))
            return base.CheckReport(tuple(stages))
        report(base.CheckStage("https", True, time.perf_counter() - start, response.detail))

        start = time.perf_counter()
        try:
            data = self._json(response, "token")
        except SendError as err:
            report(base.CheckStage("token", False, time.perf_counter() - start, "", err))
            return base.CheckReport(tuple(stages))
        report(base.CheckStage("token", True, time.perf_counter() - start, "accepted"))

        start = time.perf_counter()
        domains = _domains(data)
        if domains:
            report(
                base.CheckStage("domains", True, time.perf_counter() - start, ", ".join(domains))
            )
        else:
            error = ConfigError(
                "The account has no sender domains, so SMTPeter will refuse every message.",
                "Set up the domain of your From address as a sender domain in SMTPeter's "
                "dashboard.",
                stage="domains",
            )
            report(base.CheckStage("domains", False, time.perf_counter() - start, "", error))
        return base.CheckReport(tuple(stages))


# -- helpers ------------------------------------------------------------------------------


def _excerpt(text: str, secrets: tuple[str, ...], limit: int = 300) -> str:
    text = " ".join(text.split())
    text = errors.redact(text, secrets)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _error_text(response: _Answer, secrets: tuple[str, ...]) -> str:
    """SMTPeter's ``{"error": {"message": ...}}`` when it is there, else the text."""
    try:
        data = response.json()
    except ValueError:
        data = None
    if isinstance(data, dict):
        error = data.get("error")
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return _excerpt(error["message"], secrets)
        if isinstance(error, str):
            return _excerpt(error, secrets)
    text = response.text
    if "html" in response.headers.get("Content-Type", ""):
        # A proxy's error page: its words without the markup.
        text = re.sub(r"<[^>]*>", " ", re.sub(r"(?is)<(script|style).*?</\1>", " ", text))
    return _excerpt(text, secrets) or response.reason_phrase


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def _domains(data: Any) -> list[str]:
    """Domain names from ``/domains``: documented as objects with ``name``; strings taken too."""
    if isinstance(data, dict):
        data = data.get("domains", list(data.values()))
    if not isinstance(data, list):
        raise UnexpectedAnswer(
            "SMTPeter's list of sender domains could not be read.",
            "Try again later.",
            stage="domains",
        )
    names = []
    for item in data:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            name = item.get("name") or item.get("domain")
            if isinstance(name, str):
                names.append(name)
    return names


def _reach_detail(response: httpx.Response) -> str:
    parts = [f"{response.http_version} {response.status_code} from {response.url.host}"]
    stream = response.extensions.get("network_stream")
    ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
    if ssl_object is not None:
        parts.append(str(ssl_object.version()))
    return ", ".join(parts)


__all__ = ["Event", "EventsReport", "RemoteTemplate", "RestSettings", "RestTransport", "State"]
