"""What every transport shares: the message source, progress, cancelling, receipts, checks.

A transport takes a ``MessageSource`` (the exact RFC 5322 bytes, read in chunks so a large
message is never held twice), an ``Envelope`` and ``SmtpeterOptions``; it answers with a
``Receipt`` or raises a ``SendError``. ``check()`` answers with a ``CheckReport``.
"""

from __future__ import annotations

import dataclasses
import io
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, Literal, Protocol, runtime_checkable

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.transport.errors import Cancelled, InvalidMessage, Rejection, SendError

CHUNK = 64 * 1024

Progress = Callable[[int, int], None]
"""Called with (bytes written, bytes in all) while a message is written."""


@runtime_checkable
class MessageSource(Protocol):
    """The exact bytes of one message (RFC 5322, CRLF line endings), readable more than once."""

    @property
    def size(self) -> int:
        """The number of bytes ``open()`` yields."""
        ...

    def open(self) -> BinaryIO:
        """A fresh binary reader at the first byte; use it as a context manager."""
        ...


class BytesMessage:
    """A message held in memory."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    @property
    def size(self) -> int:
        return len(self._data)

    def open(self) -> BinaryIO:
        return io.BytesIO(self._data)

    def __repr__(self) -> str:
        return f"BytesMessage(size={self.size})"


class FileMessage:
    """A message kept in a file (the mailbox's copy); it must already have CRLF line endings."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def open(self) -> BinaryIO:
        return self.path.open("rb")

    def __repr__(self) -> str:
        return f"FileMessage({str(self.path)!r})"


def chunks(source: MessageSource, size: int = CHUNK) -> Iterator[bytes]:
    """The source's bytes, ``size`` at a time."""
    with source.open() as stream:
        while chunk := stream.read(size):
            yield chunk


def message_id(source: MessageSource, limit: int = 256 * 1024) -> str | None:
    """The Message-ID of the message without its angle brackets, or None.

    Used as the DSN envelope id (ENVID), so a bounce can be matched to the message sent.
    Only the header is read, at most ``limit`` bytes of it.
    """
    # email's parser (about 15 ms) loads when a message is sent, not when a receipt is read.
    from email.parser import BytesHeaderParser
    from email.policy import default as default_policy

    head = bytearray()
    with source.open() as stream:
        while len(head) < limit:
            line = stream.readline(limit)
            if not line or line in (b"\r\n", b"\n"):
                break
            head += line
    parsed = BytesHeaderParser(policy=default_policy).parsebytes(bytes(head))
    value = parsed.get("Message-ID")
    if not value:
        return None
    text = str(value).strip().removeprefix("<").removesuffix(">").strip()
    return text or None


class CancelToken:
    """A thread-safe "stop now" from the user to a send running on another thread.

    ``on_cancel`` registers a callback run at the moment of cancelling (on the cancelling
    thread), which is how a transport shuts a socket it is blocked on. The promise of both
    transports: ``cancel()`` makes a send raise ``Cancelled`` at once at every step (look-up,
    connect, TLS, greeting, EHLO, STARTTLS, AUTH, MAIL/RCPT, DATA or the upload, and while
    waiting for the final answer: there after a short grace in which the answer may still
    come, then ``maybe_accepted``).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        """Ask the send to stop; the callbacks run once, here."""
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run ``callback`` when cancelled (at once if already); returns its remover."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)

                def remove() -> None:
                    with self._lock:
                        if callback in self._callbacks:
                            self._callbacks.remove(callback)

                return remove
        callback()
        return lambda: None

    def raise_if_cancelled(self, stage: str) -> None:
        """Raise ``Cancelled`` when the user asked to stop."""
        if self._event.is_set():
            raise cancelled(stage)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until cancelled or ``timeout``; true when cancelled."""
        return self._event.wait(timeout)


def cancelled(stage: str, *, maybe_accepted: bool = False) -> Cancelled:
    """The ``Cancelled`` error, said the same way everywhere."""
    if maybe_accepted:
        return Cancelled(
            "The send was stopped after the whole message had been written.",
            "The message may have been accepted: look before sending it again.",
            stage=stage,
            maybe_accepted=True,
        )
    return Cancelled("The send was stopped; the message was not sent.", stage=stage)


@dataclasses.dataclass(frozen=True)
class Receipt:
    """What a successful send returns.

    Attributes:
        transport: "smtp" or "rest".
        accepted: recipients the server took.
        rejected: recipients it refused for good (5xx at RCPT), with its words (SMTP;
            partial refusal). Sending to them again fails again.
        deferred: recipients it refused for now (4xx at RCPT), with its words (SMTP; partial
            refusal). The message did NOT reach them: keep them and send to them alone later
            (a new send whose envelope holds only these addresses).
        message_ids: SMTPeter's message id -> recipient (REST).
        reply: the server's final reply (SMTP), e.g. "250 2.0.0 Ok: queued".
        timings: seconds spent per stage, in order.
    """

    transport: Literal["smtp", "rest"]
    accepted: tuple[str, ...]
    rejected: tuple[Rejection, ...] = ()
    deferred: tuple[Rejection, ...] = ()
    message_ids: Mapping[str, str] = dataclasses.field(default_factory=dict)
    reply: str = ""
    timings: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        # Frozen means frozen: a caller's dict must not change the receipt later.
        object.__setattr__(self, "message_ids", MappingProxyType(dict(self.message_ids)))

    @property
    def seconds(self) -> float:
        """The time of all stages together."""
        return sum(seconds for _, seconds in self.timings)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict; ``from_dict`` gives the same receipt back."""
        return {
            "transport": self.transport,
            "accepted": list(self.accepted),
            "rejected": [dataclasses.asdict(r) for r in self.rejected],
            "deferred": [dataclasses.asdict(r) for r in self.deferred],
            "message_ids": dict(self.message_ids),
            "reply": self.reply,
            "timings": [[name, seconds] for name, seconds in self.timings],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Receipt:
        transport = data["transport"]
        if transport not in ("smtp", "rest"):
            raise ValueError(f"Unknown transport {transport!r} in a stored receipt.")
        return cls(
            transport=transport,
            accepted=tuple(str(a) for a in data.get("accepted", ())),
            rejected=_rejections(data.get("rejected", ())),
            deferred=_rejections(data.get("deferred", ())),
            message_ids={str(k): str(v) for k, v in data.get("message_ids", {}).items()},
            reply=str(data.get("reply", "")),
            timings=tuple((str(n), float(s)) for n, s in data.get("timings", ())),
        )

    def __hash__(self) -> int:
        return hash(
            (self.transport, self.accepted, self.rejected, self.deferred, self.reply, self.timings)
        )


def _rejections(items: Any) -> tuple[Rejection, ...]:
    return tuple(Rejection(str(r["address"]), reply_code(r["code"]), str(r["text"])) for r in items)


def reply_code(value: Any) -> int:
    """A stored reply code as a number; ValueError for one that is none (``int`` of an
    infinite float, which JSON reads from ``1e400``, is an OverflowError instead)."""
    try:
        return int(value)
    except OverflowError as exc:
        raise ValueError(f"{value!r} is not a reply code") from exc


# What may stand in a header value or an SMTP command we write: printable ASCII and the space.
# A line break would end the header block early or start a command of its own; other control
# characters and non-ASCII text have no place in an x-smtpeter-* header.
_UNSAFE = re.compile(r"[^\x20-\x7e]")
_UNSAFE_ADDRESS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def refuse_unsafe(options: SmtpeterOptions, envelope: Envelope) -> None:
    """Raise ``InvalidMessage`` (nothing sent) for a value no header or command may carry.

    The options and the envelope are checked where they are made; this is the transports'
    own last check, run before a single byte leaves, so a value that slipped through can
    never change the meaning of what is written.
    """
    for tag in options.tags:
        if not tag or _UNSAFE.search(tag) or any(c in tag for c in " ,;"):
            raise InvalidMessage(
                f"The tag {tag!r} cannot be sent: a tag is plain ASCII letters, digits and "
                "marks, with no spaces, commas, semicolons or line breaks. Nothing was sent.",
                "Correct the tag in the message's options and send again.",
                stage="prepare",
            )
    for value in (*options.dsn_notify, options.dsn_ret):
        if _UNSAFE.search(value) or " " in value:
            raise InvalidMessage(
                f"The delivery notice setting {value!r} cannot be sent. Nothing was sent.",
                "Choose the delivery notices again in the message's options.",
                stage="prepare",
            )
    for address in (envelope.sender, *envelope.recipients):
        if _UNSAFE_ADDRESS.search(address):
            raise InvalidMessage(
                f"The address {address!r} holds a line break or another control character. "
                "Nothing was sent.",
                "Correct the address and send again.",
                stage="prepare",
            )


@dataclasses.dataclass(frozen=True)
class CheckStage:
    """One step of a connection test.

    Attributes:
        name: "resolve", "connect", "greeting", "ehlo", "starttls", "auth", "https", ...
        ok: the step worked.
        seconds: how long it took.
        detail: what was learned (addresses, TLS version and certificate, capabilities).
        error: why it failed, when it did.
    """

    name: str
    ok: bool
    seconds: float
    detail: str = ""
    error: SendError | None = None


@dataclasses.dataclass(frozen=True)
class CheckReport:
    """The steps of a connection test, in order; the test stops at the first failure."""

    stages: tuple[CheckStage, ...]

    @property
    def ok(self) -> bool:
        return bool(self.stages) and all(stage.ok for stage in self.stages)

    @property
    def error(self) -> SendError | None:
        """The failure that ended the test, if any."""
        return next((s.error for s in self.stages if s.error is not None), None)


OnStage = Callable[[CheckStage], None]


class Transport(Protocol):
    """How a message leaves: SMTP or REST, the same calls."""

    def send(
        self,
        message: MessageSource,
        envelope: Envelope,
        options: SmtpeterOptions,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        *,
        last: bool = False,
    ) -> Receipt:
        """Deliver ``message`` to the envelope's recipients; raise ``SendError`` on failure.

        ``last``: no send follows on this connection (the command line's one message), so
        it may end with this one instead of being kept open for the next.
        """
        ...

    def check(self, on_stage: OnStage | None = None) -> CheckReport:
        """Test the connection and login step by step, sending no mail."""
        ...

    def close(self) -> None:
        """Release any connection kept open between sends."""
        ...
