"""The Postman: saves drafts, queues them as exact bytes, sends them, and keeps the outcome.

One Postman per thread (the mailbox connection is the thread's own); the window's send worker
holds one, and each command of the command line makes one. The rules it keeps:

- a message is built once, when queued; what is sent is the stored bytes, whatever happens to
  the files it was built from afterwards;
- a message is claimed inside one transaction before it is sent, so two processes never send
  it twice;
- a failure after the whole message went out makes it UNKNOWN: it is never sent again
  without the person deciding; a failure that certainly left it unsent is retried later
  (RETRY) when that can help, else it waits in the outbox (FAILED).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.errors import OptionsError
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.delivery.connections import Ahead, open_transport
from smtpeter_desktop.delivery.local_sandbox import LocalSandbox
from smtpeter_desktop.delivery.outcomes import (
    ErrorInfo,
    ErrorKind,
    Outcome,
    Result,
    Stopped,
    bug_while_sending,
    cancelled_by_you,
    deferred_of,
    deferred_recipients,
    not_recorded,
)
from smtpeter_desktop.storage import paths
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.lease import Lease, LeaseRegistry
from smtpeter_desktop.storage.mailbox import (
    Mailbox,
    Record,
    State,
    Summary,
    Template,
    WrongState,
    backoff,
    damaged_text,
)
from smtpeter_desktop.storage.profiles import Profile, ProfileStore
from smtpeter_desktop.storage.secrets import SecretStore
from smtpeter_desktop.transport.base import CancelToken, Progress, Receipt, Transport
from smtpeter_desktop.transport.errors import Rejection, SendError

if TYPE_CHECKING:
    from smtpeter_desktop.transport.rest import RestTransport

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
"""Automatic tries of a message that keeps meeting a passing failure; then a person decides."""

# Best first: a message's delivery summary is the weakest state among its recipients.
_DELIVERY_ORDER = ("failed", "pending", "delivered", "opened", "clicked")


@dataclasses.dataclass(frozen=True)
class Queued:
    """A message in the outbox: its mailbox id, size and envelope, and when it may go."""

    id: int
    size: int
    envelope: Envelope
    not_before: float | None


def recipients_summary(draft: Draft) -> str:
    """Who a message goes to, for lists: names where known, else addresses."""
    # Here and in queue: building and reading addresses (email_validator, Markdown, email)
    # take about 60 ms that listing the outbox or sent mail never needs.
    from smtpeter_desktop.compose import addresses

    people: list[str] = []
    for field, text in (("To", draft.to), ("Cc", draft.cc), ("Bcc", draft.bcc)):
        result = addresses.read_address_list(text, field)
        people += [a.name or a.address for a in result.addresses]
        people += [p.entry for p in result.problems]
    return ", ".join(people)


@dataclasses.dataclass(frozen=True)
class Resent:
    """What "Resend" did: SMTPeter's new ids (REST), or the new outbox message (SMTP)."""

    new_ids: dict[str, str]
    queued: int | None


@dataclasses.dataclass(frozen=True)
class Prepared:
    """What ``Postman.prepare`` made of a draft: queued, stopped by a cancel, or not queued.

    Attributes:
        draft_id: the draft's id once saved (the id given, or None, if saving failed).
        queued: the message in the outbox, when it got there.
        stopped: the person cancelled; the caller takes it back to the drafts.
        problem: why it was not queued, in words (empty when it was, or was stopped).
        field: the compose field at fault ("To", "Attachments", "Body"; empty for none).
    """

    draft_id: int | None
    queued: Queued | None = None
    stopped: bool = False
    problem: str = ""
    field: str = ""


@dataclasses.dataclass(frozen=True)
class Refreshed:
    """What asking SMTPeter about a sent message's delivery gave: its summary state, or
    why it could not be asked, in words."""

    summary: str = ""
    problem: str = ""


class Postman:
    """Moves one process's messages through the mailbox.

    Attributes:
        mailbox: this thread's mailbox connection; the Postman closes it.
        profiles: where profiles are read (each send reads them afresh).
        secrets: the keyring, and secrets kept for this run only.
        sandbox: the built-in sandbox, started when a sandbox profile sends.
        lease: this process's lease; a claim records it as the owner.
        spool_dir: where a message is built before it is stored (this process's own).
        ahead: the process's transports connecting ahead of a send (``connect_ahead``).
    """

    def __init__(
        self,
        *,
        mailbox: Mailbox,
        profiles: ProfileStore,
        secrets: SecretStore,
        sandbox: LocalSandbox,
        lease: Lease,
        spool_dir: Path,
        clock: Callable[[], float] = time.time,
        ahead: Ahead | None = None,
    ) -> None:
        self.mailbox = mailbox
        self.ahead = ahead or Ahead()
        self.profiles = profiles
        self.secrets = secrets
        self.sandbox = sandbox
        self.lease = lease
        self.spool_dir = spool_dir
        self._clock = clock
        # Kept open between sends: a second SMTP send skips the handshake, REST reuses TLS.
        self._transports: dict[str, tuple[tuple[Profile, str], Transport]] = {}

    def disconnect(self) -> None:
        """Close the connections kept open between sends."""
        for _, transport in self._transports.values():
            transport.close()
        self._transports.clear()

    def close(self) -> None:
        """Close the kept connections and this Postman's mailbox connection."""
        self.disconnect()
        self.mailbox.close()

    def __enter__(self) -> Postman:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Drafts and the outbox --------------------------------------------------------------

    def save_draft(self, draft: Draft, id: int | None = None) -> int:
        """Keep ``draft`` (insert, or update draft ``id``); the id to save it under next time."""
        return self.mailbox.save_draft(
            draft.to_json(),
            profile_id=draft.profile,
            subject=draft.subject,
            recipients=recipients_summary(draft),
            id=id,
        )

    def queue(
        self,
        draft: Draft,
        id: int | None = None,
        *,
        delay: float = 0.0,
        at: float | None = None,
        cancel: CancelToken | None = None,
    ) -> Queued:
        """Save the draft, build it once, and put the exact bytes in the outbox.

        ``delay`` (seconds from now: undo send) or ``at`` (a UTC timestamp: send later)
        holds it back. A ``ComposeError`` (bad address,
        missing file) or a ``StorageError`` leaves it saved as a draft. When ``cancel`` is
        cancelled before the build, after it, or as it is queued, the message is (back to)
        a draft and ``Stopped`` is raised: a cancel wins, whenever it comes.
        """
        from smtpeter_desktop.compose import mime

        id = self.save_draft(draft, id)
        self._stop_if_cancelled(id, cancel)
        profile = self.profiles.get(draft.profile)
        with self._spooled() as path:
            try:
                with path.open("wb") as out:
                    built = mime.write_message(draft, out)
            except OSError as exc:  # writing the spool file: disk full, read-only...
                raise paths.spool_error(path, exc) from exc
            self._stop_if_cancelled(id, cancel)
            not_before = at if at is not None else self._clock() + delay if delay > 0 else None
            self.mailbox.queue(
                id,
                path,
                envelope=json.dumps(built.envelope.to_dict()),
                options=json.dumps(draft.options.to_dict()),
                transport=profile.transport,
                not_before=not_before,
            )
        if cancel is not None and cancel.cancelled:
            self.mailbox.unqueue(id)  # nobody claimed it yet: the queue is ours to take back
            raise Stopped(id)
        log.info(
            "Queued message %d (%d bytes, %d recipients)",
            id,
            built.size,
            len(built.envelope.recipients),
        )
        return Queued(id, built.size, built.envelope, not_before)

    def submit(
        self,
        draft: Draft,
        id: int | None = None,
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        on_queued: Callable[[Queued], None] | None = None,
    ) -> Outcome:
        """Queue the draft and send it now, as the Send button does; one ``cancel`` for both.

        A cancel before the transport is opened keeps the message a draft (``Result.DRAFT``);
        later, the send's own outcome says where it is. ``on_queued`` is told once the
        message is in the outbox. Raises what ``queue`` raises, except ``Stopped``.
        """
        try:
            queued = self.queue(draft, id, cancel=cancel)
        except Stopped as stopped:
            return stopped.outcome
        if on_queued is not None:
            on_queued(queued)
        return self.send(queued.id, progress, cancel, keep_as_draft=True)

    def prepare(
        self,
        draft: Draft | str,
        id: int | None = None,
        *,
        delay: float = 0.0,
        at: float | None = None,
        cancel: CancelToken | None = None,
        on_saved: Callable[[int], None] | None = None,
    ) -> Prepared:
        """``queue`` for a front end that wants an answer, not an exception: it never raises.

        ``draft`` may be its JSON (as the window hands it to the send thread). The draft is
        saved first (``on_saved`` gets its id), so a message that cannot be built stays this
        draft. This is the one bug path of preparing a message: an unexpected exception puts
        its traceback in the log (only there) and becomes ``bug_while_preparing``'s words.
        """
        from smtpeter_desktop.delivery import wording

        try:
            if isinstance(draft, str):
                draft = Draft.from_json(draft)
            id = self.save_draft(draft, id)
            if on_saved is not None:
                on_saved(id)
            queued = self.queue(draft, id, delay=delay, at=at, cancel=cancel)
        except Exception as exc:  # noqa: BLE001 - every failure becomes an answer, in words
            if cancel is not None and cancel.cancelled:
                # A failure after a cancel is the cancel's doing (a step that noticed it).
                log.info("Preparing message %s stopped after a cancel: %s", id, exc)
                return Prepared(id, stopped=True)
            problem, field = wording.preparing_problem(exc)
            return Prepared(id, problem=problem, field=field)
        if cancel is not None and cancel.cancelled:
            return Prepared(id, queued=queued, stopped=True)  # cancelled as it was queued
        return Prepared(id, queued=queued)

    @staticmethod
    def _stop_if_cancelled(id: int, cancel: CancelToken | None) -> None:
        if cancel is not None and cancel.cancelled:
            raise Stopped(id)

    @contextlib.contextmanager
    def _spooled(self) -> Iterator[Path]:
        try:
            paths.private_folder(self.spool_dir)
            with tempfile.NamedTemporaryFile(dir=self.spool_dir, suffix=".eml", delete=False) as f:
                path = Path(f.name)
        except OSError as exc:
            raise paths.spool_error(self.spool_dir / "message.eml", exc) from exc
        try:
            yield path
        finally:
            path.unlink(missing_ok=True)

    # Templates --------------------------------------------------------------------------

    def save_template(self, name: str, draft: Draft, *, replace: bool = False) -> int:
        """Keep *draft* (subject, body, options, attachments by reference, and whatever else
        it holds) as the template *name*; raises ``TemplateNameError`` for a taken name."""
        return self.mailbox.save_template(name, draft.to_json(), replace=replace)

    def template(self, name: str) -> Draft:
        """The draft kept as template *name* (or id); ``NotFound`` names the ones there are."""
        return Draft.from_json(self.mailbox.template(name).draft)

    def templates(self) -> list[Template]:
        """Every local template, by name."""
        return self.mailbox.templates()

    def rename_template(self, name: str, new_name: str) -> Template:
        """Give template *name* (or id) another name; the template as it was."""
        found = self.mailbox.template(name)
        self.mailbox.rename_template(found.id, new_name)
        return found

    def delete_template(self, name: str) -> Template:
        """Delete template *name* (or id); the template that was deleted."""
        found = self.mailbox.template(name)
        self.mailbox.delete_template(found.id)
        return found

    def new_from_template(self, name: str) -> tuple[int, Draft]:
        """A new draft, saved, made from template *name*: its id and the draft."""
        draft = self.template(name)
        return self.save_draft(draft), draft

    def draft_of(self, id: int) -> Draft:
        return Draft.from_json(self.mailbox.get(id).draft)

    # Sending ----------------------------------------------------------------------------

    def send(
        self,
        id: int,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        *,
        keep_as_draft: bool = False,
        last: bool = False,
    ) -> Outcome:
        """Send queued message ``id`` if it is due and nobody else has it; store the outcome.
        ``last``: no other send follows through this Postman (``Transport.send``).

        A ``cancel`` that comes before the transport is opened holds the message: it waits
        in the outbox as FAILED, "cancelled by you", never tried again by itself (or, with
        ``keep_as_draft``, goes back to the drafts). A cancel during the send does the same
        unless the message may already have been taken (then UNKNOWN).

        It never raises: every failure is an outcome. This is the one bug path of a send,
        for the window and the command line alike: an unexpected exception anywhere in it
        puts its traceback in the log (only there), keeps the message as UNKNOWN (never
        sent again by itself) and says so in words (``bug_while_sending``).
        """
        try:
            if not self.mailbox.claim(id, self.lease.owner):
                return Outcome(id, Result.SKIPPED)
        except StorageError as exc:
            # The mailbox could not be written: nothing was claimed, nothing went out.
            log.warning("Message %d was not sent: %s", id, exc)
            return Outcome(
                id, Result.FAILED, error=ErrorInfo(ErrorKind.SETUP, exc.message, exc.hint)
            )
        try:
            return self._send_claimed(id, progress, cancel, keep_as_draft=keep_as_draft, last=last)
        except StorageError as exc:
            # The mailbox or profiles failed midway; the transport was not reached (a
            # failure once it was is the transport's) and the next start settles the claim.
            log.warning("Message %d was not sent: %s", id, exc)
            return Outcome(
                id, Result.FAILED, error=ErrorInfo(ErrorKind.SETUP, exc.message, exc.hint)
            )
        except Exception:
            # A bug, not a failure a person can fix. Whether the server took the message
            # is unknown, so it must not go again by itself.
            log.exception("Unexpected error while sending message %d", id)
            info = bug_while_sending()
            try:
                self.mailbox.mark_unknown(id, info.to_json())
            except Exception:  # the claim stays; the next start makes it UNKNOWN
                log.exception("Message %d could not be marked as unknown", id)
            return Outcome(id, Result.UNKNOWN, error=info)

    def _send_claimed(
        self,
        id: int,
        progress: Progress | None,
        cancel: CancelToken | None,
        *,
        keep_as_draft: bool,
        last: bool,
    ) -> Outcome:
        """``send`` once the message is ours: any exception is ``send``'s to tell."""
        if cancel is not None and cancel.cancelled:
            return self._hold(id, keep_as_draft=keep_as_draft)
        record = self.mailbox.get(id)
        try:
            profile = self.profiles.find(record.profile_id)
            if profile is None:
                return self._fail(
                    id,
                    ErrorInfo(
                        ErrorKind.SETUP,
                        "The account this message was to be sent with has been removed.",
                        "Edit the message, choose who it is from, and send it again.",
                    ),
                )
            transport = self._transport(profile)
        except StorageError as exc:
            return self._fail(id, ErrorInfo(ErrorKind.SETUP, exc.message, exc.hint))
        except SendError as exc:
            return self._fail(id, ErrorInfo.of(exc))
        if cancel is not None and cancel.cancelled:
            return self._hold(id, keep_as_draft=keep_as_draft)
        envelope = Envelope.from_dict(json.loads(record.envelope or "{}"))
        try:
            options = SmtpeterOptions.from_dict(json.loads(record.options or "{}"))
        except OptionsError as exc:
            # Queued by a version that checked less (a non-ASCII tag): nothing went out.
            return self._fail(
                id,
                ErrorInfo(
                    ErrorKind.SETUP,
                    exc.message,
                    "Edit the message, correct its tags, and send it again.",
                ),
            )
        try:
            receipt = transport.send(
                self.mailbox.message(id), envelope, options, progress, cancel, last=last
            )
        except SendError as exc:
            self._forget(profile)
            if cancel is not None and cancel.cancelled and not exc.maybe_accepted:
                # Whatever the transport made of it (a timeout, a closed socket), the person
                # stopped it: held, never retried by itself.
                log.info("Message %d was cancelled at %s", id, exc.stage)
                return self._hold(id, keep_as_draft=False)
            return self._settle(id, record.attempts, ErrorInfo.of(exc))
        except BaseException:
            self._forget(profile)  # a transport that broke is not used again
            raise
        return self._sent(id, record, envelope, receipt)

    def _sent(self, id: int, record: Record, envelope: Envelope, receipt: Receipt) -> Outcome:
        """Note a message the server took; from here on nothing may say "try again"."""
        log.info("Sent message %d by %s in %.2f s", id, receipt.transport, receipt.seconds)
        try:
            self.mailbox.mark_sent(id, json.dumps(receipt.to_dict()))
        except Exception as exc:  # a full disk, a lost mailbox: the mail went all the same
            log.exception("Message %d was sent but could not be marked as sent", id)
            info = not_recorded(getattr(exc, "message", "") or str(exc) or type(exc).__name__)
            with contextlib.suppress(Exception):
                # A smaller write may still fit; if not, the next start finds the message
                # "sending" for a dead process and makes it UNKNOWN: never resent either way.
                self.mailbox.mark_unknown(id, info.to_json())
            return Outcome(id, Result.SENT, receipt=receipt, error=info)
        deferred = deferred_of(receipt)
        if not deferred:
            return Outcome(id, Result.SENT, receipt=receipt)
        try:
            follow_up, retry_at = self._queue_deferred(id, record, envelope, deferred)
        except Exception as exc:
            log.exception("The recipients message %d deferred could not be queued", id)
            listed = ", ".join(r.address for r in deferred)
            info = ErrorInfo(
                ErrorKind.DEFERRED,
                f"The server put off {listed} for now, and SMTPeter Desktop could not keep "
                f"a copy to try them again: {getattr(exc, 'message', '') or exc}.",
                f"Send the message to {listed} again yourself.",
            )
            return Outcome(id, Result.SENT, receipt=receipt, error=info)
        return Outcome(
            id,
            Result.SENT,
            receipt=receipt,
            error=deferred_recipients(id, deferred),
            deferred_id=follow_up,
            deferred_at=retry_at,
        )

    def _queue_deferred(
        self, id: int, record: Record, envelope: Envelope, deferred: tuple[Rejection, ...]
    ) -> tuple[int, float]:
        """A new outbox message with the same bytes for the deferred recipients alone.

        Its draft lists only them, so editing it can never mail the others twice.
        """
        from smtpeter_desktop.compose import addresses  # see recipients_summary

        wanted = {r.address.casefold() for r in deferred}
        draft = Draft.from_json(record.draft)

        def only_deferred(text: str) -> str:
            found = addresses.read_address_list(text).addresses
            kept = [a for a in found if a.envelope_address.casefold() in wanted]
            return addresses.format_address_list(kept)

        draft = dataclasses.replace(
            draft,
            to=only_deferred(draft.to),
            cc=only_deferred(draft.cc),
            bcc=only_deferred(draft.bcc),
        )
        follow_up = self.mailbox.save_draft(
            draft.to_json(),
            profile_id=record.profile_id,
            subject=record.subject,
            recipients=", ".join(r.address for r in deferred),
        )
        recipients = tuple(a for a in envelope.recipients if a.casefold() in wanted)
        with self._spooled() as path:
            with self.mailbox.message(id).open() as source, path.open("wb") as out:
                shutil.copyfileobj(source, out)
            self.mailbox.queue(
                follow_up,
                path,
                envelope=json.dumps(Envelope(envelope.sender, recipients).to_dict()),
                options=record.options or "{}",
                transport=record.transport or "smtp",
            )
        # Claimed and put back at once: the outbox shows why it waits, and when it goes.
        info = deferred_recipients(id, deferred)
        retry_at = self._clock() + backoff(1)
        if self.mailbox.claim(follow_up, self.lease.owner):
            self.mailbox.mark_retry(follow_up, info.to_json(), retry_at)
        log.info("Recipients message %d deferred wait in message %d", id, follow_up)
        return follow_up, retry_at

    def send_due(
        self,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        *,
        late_after: float | None = None,
    ) -> list[Outcome]:
        """Send every queued message that is due, oldest first.

        With ``late_after`` (seconds), a message scheduled for longer ago than that is not
        sent but left waiting (``Result.SKIPPED``), for a person to decide: see :meth:`late`.
        """
        late = set(self.late(late_after)) if late_after is not None else set()
        outcomes = []
        for id in self.mailbox.due(self._clock()):
            if cancel is not None and cancel.cancelled:
                break
            if id in late:
                outcomes.append(Outcome(id, Result.SKIPPED))
                continue
            outcomes.append(self.send(id, progress, cancel))
        return outcomes

    def late(self, late_after: float) -> list[int]:
        """Queued messages whose send-later time passed more than ``late_after`` s ago.

        The computer was off or asleep at their time: sending them now might surprise (an
        "at 08:00" reminder going out at 17:00), so a person decides: send now
        (``Mailbox.reschedule(id, None)``), pick another time, or take it back.
        """
        now = self._clock()
        return [
            summary.id
            for summary in self.mailbox.summaries([State.QUEUED])
            if summary.not_before is not None and now - summary.not_before > late_after
        ]

    def due_unattended(self, late_after: float) -> list[int]:
        """The due messages a timer may send by itself: ``due`` less the ``late`` ones (a
        person decides on those). It never raises: a failure to look (a locked or damaged
        mailbox, or a bug) is logged and finds nothing; the next look tries again."""
        try:
            due = self.due()
            late = set(self.late(late_after)) if due else set()
        except StorageError as exc:
            log.warning("Looking for messages due failed: %s", exc)
            return []
        except Exception:  # a timer's look; the next one tries again
            log.exception("Looking for messages due failed")
            return []
        return [id for id in due if id not in late]

    def _settle(self, id: int, attempts: int, info: ErrorInfo) -> Outcome:
        if info.maybe_accepted:
            self.mailbox.mark_unknown(id, info.to_json())
            return Outcome(id, Result.UNKNOWN, error=info)
        if info.retryable and info.kind is not ErrorKind.CANCELLED and attempts < MAX_ATTEMPTS:
            retry_at = self._clock() + max(backoff(max(attempts, 1)), info.retry_after or 0.0)
            self.mailbox.mark_retry(id, info.to_json(), retry_at)
            return Outcome(id, Result.RETRY, error=info, retry_at=retry_at)
        return self._fail(id, info)

    def _hold(self, id: int, *, keep_as_draft: bool) -> Outcome:
        """A claimed message the person cancelled before it went: held, or a draft again."""
        info = cancelled_by_you(kept_as_draft=keep_as_draft, id=id)
        self.mailbox.mark_failed(id, info.to_json())
        if keep_as_draft:
            self.mailbox.edit(id)
            return Outcome(id, Result.DRAFT, error=info)
        return Outcome(id, Result.FAILED, error=info)

    def _fail(self, id: int, info: ErrorInfo) -> Outcome:
        self.mailbox.mark_failed(id, info.to_json())
        return Outcome(id, Result.FAILED, error=info)

    def secret_for(self, profile: Profile) -> str:
        """The profile's password or token; a ``StorageError`` says why there is none."""
        if profile.sandbox:
            return ""
        secret = self.secrets.get(profile.id)
        if not secret:
            what = "API token" if profile.transport == "rest" else "password"
            raise StorageError(
                f"No {what} is stored for the account “{profile.name}”.",
                f"Enter the {what} in the account's settings, then send again.",
            )
        return secret

    def connect_ahead(self, profile: Profile) -> None:
        """Start connecting to the profile's server while the message is built: the next send
        for it, by any Postman sharing ``ahead``, takes that connection. A failure to connect
        is said by that send, as its own would be; so is a missing secret or a setting that
        cannot work (then nothing starts)."""
        try:
            secret = self.secret_for(profile)
        except StorageError:
            log.debug("Not connecting ahead for %s: the send will say why", profile.name)
            return
        self.ahead.start(profile, secret, self.sandbox)

    def _transport(self, profile: Profile) -> Transport:
        key = (profile, self.secret_for(profile))
        cached = self._transports.get(profile.id)
        if cached is not None:
            if cached[0] == key:
                return cached[1]
            cached[1].close()
        transport = self.ahead.take(*key) or open_transport(profile, key[1], self.sandbox)
        self._transports[profile.id] = (key, transport)
        return transport

    def rest_transport(self, profile: Profile) -> RestTransport:
        """The profile's REST connection (for SMTPeter's templates); ``StorageError`` for an
        SMTP profile or a missing token."""
        from smtpeter_desktop.transport.rest import RestTransport  # httpx: REST's alone

        transport = self._transport(profile)
        if not isinstance(transport, RestTransport):
            raise StorageError(
                f"The account “{profile.name}” sends by SMTP; SMTPeter's templates are "
                "reached through the REST API only.",
                "Choose a REST account (one with an API token).",
            )
        return transport

    def _forget(self, profile: Profile) -> None:
        """Drop a transport after a failure: the next send starts from a fresh connection."""
        cached = self._transports.pop(profile.id, None)
        if cached is not None:
            cached[1].close()

    # What a person asks for (the window's buttons and the command line's commands) ------

    def read(self, id: int) -> Record:
        """Message ``id`` as stored; ``NotFound`` when it is gone."""
        return self.mailbox.get(id)

    def summaries(self, states: Collection[State]) -> list[Summary]:
        """The messages in ``states``, newest first."""
        return self.mailbox.summaries(states)

    def open_message(self, id: int) -> BinaryIO:
        """The exact bytes message ``id`` was (or is to be) sent as, to read; close it."""
        return self.mailbox.message(id).open()

    def due(self) -> list[int]:
        """Queued messages whose time has come, oldest first."""
        return self.mailbox.due(self._clock())

    def recover(self, leases: LeaseRegistry) -> list[int]:
        """Messages a dead process left half-sent become UNKNOWN; their ids."""
        return self.mailbox.recover(leases)

    def undo(self, id: int) -> Draft:
        """Take a queued message back before it went: a draft again, exactly as it was."""
        self.mailbox.unqueue(id)
        return self.draft_of(id)

    def reschedule(self, id: int, at: float | None) -> None:
        """Send later: a waiting message goes at *at* (a UTC timestamp), or None: at once."""
        self.mailbox.reschedule(id, at)

    def send_now(self, id: int) -> None:
        """Make a queued, retrying or held message due at once (its send is asked for next)."""
        self.mailbox.retry_now(id)

    def send_again(self, id: int, *, even_if_it_arrived: bool) -> None:
        """Make message ``id`` due again. One whose outcome is unknown may have arrived:
        it is sent again only when the person said so (``even_if_it_arrived``), else
        ``WrongState`` says why not."""
        if self.mailbox.get(id).state is State.UNKNOWN:
            if not even_if_it_arrived:
                raise WrongState(
                    "It is not known whether this message went out, so it is not sent "
                    "again without your say-so.",
                    "Ask a recipient; send it again only if it did not arrive.",
                    State.UNKNOWN,
                )
            self.mailbox.resolve_unknown(id, sent=False)
        else:
            self.mailbox.retry_now(id)

    def mark_arrived(self, id: int) -> None:
        """A message of unknown outcome did arrive: it moves to Sent."""
        self.mailbox.resolve_unknown(id, sent=True)

    def edit(self, id: int, *, draft_ok: bool = False) -> Draft:
        """Message ``id`` becomes a draft again; its draft. One that is a draft already is
        refused (``WrongState``) unless ``draft_ok`` (the window opens it all the same)."""
        if not (draft_ok and self.mailbox.get(id).state is State.DRAFT):
            self.mailbox.edit(id)
        return self.draft_of(id)

    def delete(self, id: int) -> None:
        """Delete message ``id`` (a draft, or a message the outbox holds) for good."""
        self.mailbox.delete(id)

    def abandon(self, id: int, written: int) -> Outcome:
        """Settle a cancelled send that did not stop in time (the process ends next).

        Before the first byte of the message was written the server cannot have it: held
        in the outbox. After that, it may: UNKNOWN, for the person to decide.
        """
        state = self.mailbox.get(id).state
        if state is State.QUEUED and not self.mailbox.claim(id, self.lease.owner):
            return Outcome(id, Result.SKIPPED)
        if state is State.QUEUED or (state is State.SENDING and written == 0):
            info = cancelled_by_you(kept_as_draft=False, id=id)
            self.mailbox.mark_failed(id, info.to_json())
            return Outcome(id, Result.FAILED, error=info)
        if state is State.SENDING:
            info = ErrorInfo(
                ErrorKind.CANCELLED,
                "Cancelled by you while the message was being written: it may have gone out.",
                "Look in the recipient's mailbox before sending it again.",
                maybe_accepted=True,
            )
            self.mailbox.mark_unknown(id, info.to_json())
            return Outcome(id, Result.UNKNOWN, error=info)
        return Outcome(id, Result.SKIPPED)  # it ended meanwhile; the mailbox has its outcome

    # After sending ---------------------------------------------------------------------

    def receipt_of(self, id: int) -> Receipt | None:
        record = self.mailbox.get(id)
        if not record.receipt:
            return None
        try:
            return Receipt.from_dict(json.loads(record.receipt))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # Only this app writes receipts: the row was changed by hand or another program.
            raise damaged_text(id, "receipt") from exc

    def resend(self, id: int) -> Resent:
        """Send sent message ``id`` again, as the person asked (the window asks first).

        Sent by the REST API: SMTPeter sends its stored copy again (``/resend``) under new
        ids. Sent by SMTP: the exact stored bytes are queued again as a new outbox message,
        which the caller sends as any queued one. Raises ``SendError`` when SMTPeter cannot
        be asked (the outcome may then be unknown: do not repeat without asking) and
        ``StorageError`` for a message that is not sent, or a profile that is gone.
        """
        from smtpeter_desktop.transport.rest import RestTransport  # httpx: REST's alone

        record = self.mailbox.get(id)
        receipt = self.receipt_of(id)
        if record.state is State.SENT and receipt is not None and receipt.message_ids:
            profile = self.profiles.get(record.profile_id)
            transport = self._transport(profile)
            if isinstance(transport, RestTransport):
                new_ids: dict[str, str] = {}
                for message_id in receipt.message_ids:
                    new_ids.update(transport.resend(message_id))
                log.info("Message %d sent again by SMTPeter: %d new ids", id, len(new_ids))
                return Resent(new_ids=new_ids, queued=None)
        queued = self.mailbox.queue_copy(id)
        log.info("Message %d queued again as %d", id, queued)
        return Resent(new_ids={}, queued=queued)

    def fetch_events(self, id: int) -> Refreshed:
        """``refresh_events`` for a front end that wants an answer: it never raises. A bug
        puts its traceback in the log (only there) and is said in words."""
        from smtpeter_desktop.delivery import wording

        try:
            return Refreshed(summary=self.refresh_events(id))
        except (SendError, StorageError) as exc:
            return Refreshed(problem=str(exc))
        except Exception:  # the one bug path of asking about delivery
            log.exception("Fetching the delivery events of message %d failed", id)
            return Refreshed(problem=wording.internal_problem())

    def refresh_events(self, id: int) -> str:
        """Fetch a sent REST message's delivery events from SMTPeter; the summary state.

        Raises ``SendError`` when SMTPeter cannot be asked, and ``StorageError`` for a
        profile or secret that is gone; SMTP messages have no events to fetch.
        """
        record = self.mailbox.get(id)
        receipt = self.receipt_of(id)
        if record.state is not State.SENT or receipt is None or not receipt.message_ids:
            raise StorageError(
                "Delivery events exist only for messages sent through the REST API.",
                "SMTP sends get no SMTPeter message id to ask about.",
            )
        from smtpeter_desktop.transport.rest import RestTransport  # httpx: REST's alone

        profile = self.profiles.get(record.profile_id)
        transport = self._transport(profile)
        if not isinstance(transport, RestTransport):
            raise StorageError(
                f"The account “{profile.name}” now sends by SMTP, which cannot ask SMTPeter "
                "about delivery.",
                "Switch it back to the REST API to see delivery events.",
            )
        reports = [transport.events(mid) for mid in receipt.message_ids]
        states = [str(report.state) for report in reports]
        summary = min(states, key=_DELIVERY_ORDER.index, default="pending")
        stored: dict[str, Any] = {
            "fetched": self._clock(),
            "messages": [
                {
                    "id": report.message_id,
                    "recipient": receipt.message_ids[report.message_id],
                    "state": str(report.state),
                    "events": [
                        {
                            "kind": event.kind,
                            "time": event.time.isoformat() if event.time else None,
                            "data": dict(event.data),
                        }
                        for event in report.events
                    ],
                }
                for report in reports
            ],
        }
        self.mailbox.store_events(id, json.dumps(stored, ensure_ascii=False), summary)
        return summary
