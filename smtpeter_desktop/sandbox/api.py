"""SMTPeter's REST calls as the sandbox answers them, apart from HTTP itself.

``Api.handle`` takes a method, a path, the query and the body, and gives back a ``Reply``;
``rest.py`` carries both over HTTPS. Errors have SMTPeter's one documented shape,
``{"error": {"message": "..."}}``, with a sentence saying what was wrong.

Calls:

- ``POST /v1/resend``: ``{"message": id}``, the stored message again under a new id.
- ``POST /v1/send``: the ``mime`` form or the parts form (``from``, ``to``, ``cc``,
  ``replyto``, ``subject``, ``text``, ``html``, ``attachments``, ``extra``, ``unsubscribe``),
  with ``recipient``/``recipients``, ``envelope``, ``dsn`` and the option fields; answers
  ``{"<message id>": "<recipient>", ...}``. With ``data``, or ``recipients`` as an object of
  address -> data, each recipient gets a message of its own, personalised (``personal.py``).
- ``GET /v1/events/messageid/{id}``: an ``attempt`` event, then a ``delivery`` (or a
  ``failure``, or nothing yet, as the fault rules say).
- ``GET /v1/domains``: the configured sender domains; without any, every From domain seen in
  the kept messages plus ``example.com``, so a client always sees a list.
- ``GET /v1/text|html|headers|recipient|envelope/{id}``: the archived message's parts as text.
- ``GET /v1/templates/{start}/{length}`` and ``GET /v1/template/{id}/{format}``: the stored
  templates (``templates.py``); ``POST /v1/send`` with ``template`` and ``data`` sends one.
- ``GET /v1/dns/{domain}/status``: each DNS record's state (``perfect``, or ``error`` with a
  remark, as the fault rules say), for a sender domain; ``/recommended``: the records to add
  (rest-dns.md's shape). A domain an ``unapproved`` fault rule names is listed with
  ``"approved": false``, fails ``validation`` and may not send.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import email.message
import email.policy
import email.utils
import hmac
import json
import re
from collections.abc import Mapping
from typing import IO, Any

from smtpeter_desktop.sandbox import mail, personal, templates
from smtpeter_desktop.sandbox.faults import DNS_RECORDS, Faults, RestFault
from smtpeter_desktop.sandbox.store import CapturedMessage, Store

JSON = "application/json"
TEXT = "text/plain; charset=utf-8"

_OPTION_BOOLS = ("inlinecss", "trackclicks", "trackopens", "trackbounces", "preventscam")
# Matched whole (fullmatch): "$" would let a final line break through.
_BARE_ADDRESS = re.compile(r"[^\s<>@,;\"]+@[^\s<>@,;\"]+")
_NOTIFY = ("SUCCESS", "FAILURE", "DELAY")
_REASONS = {
    400: "Bad request",
    401: "Invalid access token",
    403: "Forbidden",
    404: "Not found",
    429: "Too many requests: slow down",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable: try again later",
}


@dataclasses.dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, body and the headers beyond the content type and length."""

    status: int
    body: bytes
    content_type: str = JSON
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def json(cls, status: int, value: object) -> Reply:
        return cls(status, json.dumps(value, ensure_ascii=False).encode("utf-8"))

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        return cls.json(status, {"error": {"message": message}})

    @classmethod
    def text(cls, text: str) -> Reply:
        return cls(200, text.encode("utf-8"), TEXT)


class BadRequest(ValueError):
    """A send request SMTPeter would refuse with 400 (or ``status``); the text says why."""

    status = 400


@dataclasses.dataclass(frozen=True)
class Submission:
    """A send request, read: the envelope, the message bytes and what to record."""

    mail_from: str
    recipients: tuple[str, ...]
    content: bytes
    options: Mapping[str, object]
    dsn: Mapping[str, str]


class Api:
    """The REST calls over one store, with the token and sender domains to enforce."""

    def __init__(
        self, store: Store, faults: Faults, token: str | None, sender_domains: tuple[str, ...]
    ) -> None:
        self.store = store
        self.faults = faults
        self._token = token
        self._sender_domains = sender_domains

    def handle(
        self, method: str, path: str, query: Mapping[str, list[str]], body: IO[bytes]
    ) -> Reply:
        """The answer to one request; ``path`` is the URL path, ``query`` its parameters,
        ``body`` the request body, read only by a call that takes one."""
        if not self.authorised(query):
            return Reply.error(401, "Invalid access token")
        parts = path.strip("/").split("/")
        if len(parts) < 2 or parts[0] != "v1":
            return _not_found(path)
        call, args = parts[1], parts[2:]
        if call == "send" and not args:
            if method != "POST":
                return _wrong_method(method, path, "POST")
            return self.send(body)
        if call == "resend" and not args:
            if method != "POST":
                return _wrong_method(method, path, "POST")
            return self.resend(body)
        getters = {"domains": 0, "events": 2, "text": 1, "html": 1, "headers": 1}
        getters |= {"recipient": 1, "envelope": 1, "dns": 2, "templates": 2, "template": 2}
        if call not in getters or len(args) != getters[call]:
            return _not_found(path)
        if method != "GET":
            return _wrong_method(method, path, "GET")
        if call == "domains":
            rules = self.faults.rules
            return Reply.json(200, [_domain(d, rules.approved(d)) for d in self.domains()])
        if call == "dns":
            return self.dns(args[0].lower(), args[1], path)
        if call == "events":
            if args[0] != "messageid":
                return _not_found(path)
            return self.events(args[1])
        if call == "templates":
            if not all(arg.isdigit() for arg in args):
                return Reply.error(400, "Give the start and length as numbers.")
            return Reply.json(200, templates.listing(int(args[0]), int(args[1])))
        if call == "template":
            return _template(args[0], args[1])
        return self.part(call, args[0])

    def send(self, body: IO[bytes]) -> Reply:
        """``POST /v1/send``: keep the message and answer message id -> recipient."""
        fault = self.faults.rules.rest
        if fault is not None:
            return _fault_reply(fault)
        try:
            request = json.load(body)
        except (ValueError, UnicodeDecodeError) as exc:
            return Reply.error(400, f"The body is not valid JSON: {exc}")
        if not isinstance(request, dict):
            return Reply.error(400, "The body must be a JSON object with the message to send.")
        try:
            # With data, one message per recipient, each filled with its own; else one. A
            # template send fills the stored template with its data itself (_from_template).
            split = None if "template" in request else personal.split(request)
            submissions = [read_send(one) for one in split or [request]]
        except BadRequest as exc:
            return Reply.error(exc.status, str(exc))
        except personal.PersonalError as exc:
            return Reply.error(400, str(exc))
        for submission in submissions:
            domain = mail.from_domain(submission.content)
            refusal = mail.sender_refusal(
                domain, self._sender_domains, approved=self.faults.rules.approved(domain or "")
            )
            if refusal:
                return Reply.error(400, refusal)
        rules = self.faults.rules
        ids: dict[str, str] = {}
        try:
            for submission in submissions:
                captured = self.store.save(
                    transport="rest",
                    mail_from=submission.mail_from,
                    recipients=submission.recipients,
                    content=submission.content,
                    options=submission.options,
                    dsn=submission.dsn,
                    auth_user=None,
                    outcomes={r: rules.outcome(r) for r in submission.recipients},
                )
                ids.update(captured.ids)
        except OSError as exc:
            return Reply.error(500, f"The sandbox could not keep the message: {exc}")
        return Reply.json(200, ids)

    def resend(self, body: IO[bytes]) -> Reply:
        """``POST /v1/resend`` with ``{"message": id}``: the stored message again, to that
        id's recipient, under a new id; answers new id -> recipient, as ``send`` does."""
        fault = self.faults.rules.rest
        if fault is not None:
            return _fault_reply(fault)
        try:
            request = json.load(body)
        except (ValueError, UnicodeDecodeError) as exc:
            return Reply.error(400, f"The body is not valid JSON: {exc}")
        message_id = request.get("message") if isinstance(request, dict) else None
        if not isinstance(message_id, str) or not message_id:
            return Reply.error(400, 'The body must be {"message": "<message id>"}.')
        found = self.store.find(message_id)
        if found is None:
            return Reply.error(404, f"No message with id {message_id}.")
        original, recipient = found
        rules = self.faults.rules
        try:
            captured = self.store.save(
                transport="rest",
                mail_from=original.mail_from,
                recipients=(recipient,),
                content=original.raw(),
                options=dict(original.options),
                dsn=dict(original.dsn),
                auth_user=None,
                outcomes={recipient: rules.outcome(recipient)},
            )
        except OSError as exc:
            return Reply.error(500, f"The sandbox could not keep the message: {exc}")
        return Reply.json(200, dict(captured.ids))

    def events(self, message_id: str) -> Reply:
        """``GET /v1/events/messageid/{id}``: what happened to one message."""
        found = self.store.find(message_id)
        if found is None:
            return Reply.error(404, f"There is no message with the id {message_id}.")
        captured, recipient = found
        return Reply.json(200, _events(captured, message_id, recipient))

    def domains(self) -> list[str]:
        """The sender domains ``/v1/domains`` lists."""
        if self._sender_domains:
            return sorted({d.lower() for d in self._sender_domains})
        seen = {"example.com"}
        for captured in self.store.messages():
            with captured.eml_path.open("rb") as file:
                # The header is near the start; the whole message may be many megabytes.
                domain = mail.from_domain(file.read(256 * 1024))
            if domain:
                seen.add(domain)
        return sorted(seen)

    def dns(self, domain: str, what: str, path: str) -> Reply:
        """``GET /v1/dns/{domain}/status`` and ``/recommended`` for a sender domain."""
        if what not in ("status", "recommended"):
            return _not_found(path)
        if self._sender_domains and domain not in self.domains():
            return Reply.error(404, f"{domain} is not a sender domain of this account.")
        if what == "recommended":
            return Reply.json(200, _recommended(domain))
        rules = self.faults.rules
        wrong = set(rules.dns_errors)
        if not rules.approved(domain):
            wrong.add("validation")
        status: dict[str, Any] = {
            record: "error" if record in wrong else "perfect" for record in DNS_RECORDS
        }
        if wrong:
            status["remarks"] = {record: _DNS_REMARKS[record] for record in sorted(wrong)}
        return Reply.json(200, status)

    def part(self, call: str, message_id: str) -> Reply:
        """``GET /v1/{text,html,headers,recipient,envelope}/{id}`` as plain text."""
        found = self.store.find(message_id)
        if found is None:
            return Reply.error(404, f"There is no message with the id {message_id}.")
        captured, recipient = found
        if call == "recipient":
            return Reply.text(recipient)
        if call == "envelope":
            return Reply.text(captured.mail_from)
        if call == "headers":
            header, _ = mail.split_header(captured.raw())
            return Reply.text(header.decode("utf-8", errors="replace"))
        body = captured.message().get_body(
            preferencelist=("plain",) if call == "text" else ("html",)
        )
        if body is None or not isinstance(body, email.message.MIMEPart):
            return Reply.text("")
        return Reply.text(str(body.get_content()))

    def authorised(self, query: Mapping[str, list[str]]) -> bool:
        """Whether the query's ``access_token`` lets the request in."""
        tokens = query.get("access_token", [])
        if not tokens or not tokens[0]:
            return False
        if self._token is None:
            return True
        return hmac.compare_digest(tokens[0].encode(), self._token.encode())


def read_send(request: Mapping[str, Any]) -> Submission:
    """A send request's fields, checked; raises ``BadRequest`` saying what is wrong."""
    recipients = _recipients(request)
    envelope = request.get("envelope", "")
    if not isinstance(envelope, str) or (envelope and not _BARE_ADDRESS.fullmatch(envelope)):
        raise BadRequest(f'"envelope" must be one bare address such as a@example.com: {envelope!r}')
    if "mime" in request:
        content = _mime(request["mime"])
    elif "template" in request:
        content = _from_template(request, recipients)
    else:
        content = _assemble(request)
    return Submission(envelope, recipients, content, _options(request), _dsn(request))


def _recipients(request: Mapping[str, Any]) -> tuple[str, ...]:
    value = request.get("recipients", request.get("recipient"))
    if value is None:
        raise BadRequest(
            'No recipient: give "recipient" (one address) or "recipients" (a list of addresses).'
        )
    if isinstance(value, str):
        items: list[Any] = [value]
    elif isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        items = list(value)  # personalised sends: address -> data
    else:
        raise BadRequest('"recipients" must be a list of addresses.')
    if not items:
        raise BadRequest("No recipient: the list of recipients is empty.")
    for item in items:
        if not isinstance(item, str) or not _BARE_ADDRESS.fullmatch(item):
            raise BadRequest(
                f"{item!r} is not a bare address: give each recipient as a@example.com, "
                "without a name or angle brackets."
            )
    return tuple(items)


def _mime(value: object) -> bytes:
    if not isinstance(value, str) or not value.strip():
        raise BadRequest('"mime" must be the whole message as a string.')
    try:
        content = value.encode("utf-8", errors="surrogateescape")
    except UnicodeEncodeError:
        raise BadRequest('"mime" holds characters that are not text.') from None
    header, body = mail.split_header(content)
    if not header or not body:
        raise BadRequest('"mime" must hold a header and a body, separated by an empty line.')
    return content


def _assemble(request: Mapping[str, Any]) -> bytes:
    """The parts form, built into a message as SMTPeter would."""
    sender = request.get("from")
    if not isinstance(sender, str) or not sender.strip():
        raise BadRequest('No "from" address: give "from", or the whole message as "mime".')
    text, html = request.get("text"), request.get("html")
    attachments = request.get("attachments", [])
    for name, value in (("text", text), ("html", html), ("subject", request.get("subject"))):
        if value is not None and not isinstance(value, str):
            raise BadRequest(f'"{name}" must be a string.')
    if not isinstance(attachments, list):
        raise BadRequest('"attachments" must be a list.')
    if text is None and html is None and not attachments:
        raise BadRequest('The message is empty: give "text", "html" or "attachments".')
    message = email.message.EmailMessage(policy=email.policy.SMTP)
    try:
        message["From"] = sender
        for field, header in (("to", "To"), ("cc", "Cc"), ("replyto", "Reply-To")):
            if field in request:
                message[header] = _address_list(field, request[field])
        if "subject" in request:
            message["Subject"] = request["subject"]
        message["Date"] = email.utils.formatdate(usegmt=True)
        domain = mail.from_domain(f"From: {sender}\r\n\r\n".encode()) or "sandbox.invalid"
        message["Message-ID"] = email.utils.make_msgid(domain=domain)
        _extra(message, request.get("extra", {}))
        _unsubscribe(message, request.get("unsubscribe"))
        if text is not None:
            message.set_content(text)
        if html is not None:
            if text is None:
                message.set_content(html, subtype="html")
            else:
                message.add_alternative(html, subtype="html")
        for attachment in attachments:
            _attach(message, attachment)
        return message.as_bytes()
    except (ValueError, TypeError) as exc:
        # A value with a line break, or one the mail model cannot carry.
        raise BadRequest(f"The message cannot be built: {exc}") from None


class _TemplateMissing(BadRequest):
    status = 404


def _from_template(request: Mapping[str, Any], recipients: tuple[str, ...]) -> bytes:
    """A send with ``template`` (an id or name) and ``data``: the template, filled in."""
    reference = request["template"]
    if not isinstance(reference, int | str) or isinstance(reference, bool):
        raise BadRequest(
            '"template" must be a stored template\'s id or name; the sandbox does not '
            "build templates given as JSON."
        )
    data = request.get("data", {})
    if not isinstance(data, dict):
        raise BadRequest('"data" must be an object of placeholder names and values.')
    try:
        found = templates.find(reference)
    except templates.TemplateMissing as exc:
        raise _TemplateMissing(str(exc)) from None
    parts: dict[str, Any] = {"to": list(recipients), **templates.parts(found, data)}
    for field in ("to", "cc", "replyto", "extra", "unsubscribe"):
        if field in request:
            parts[field] = request[field]
    return _assemble(parts)


def _template(reference: str, form: str) -> Reply:
    try:
        found = templates.find(reference)
    except templates.TemplateMissing as exc:
        return Reply.error(404, str(exc))
    if form.lower() == "html":
        return Reply(200, found.html.encode("utf-8"), "text/html; charset=utf-8")
    if form.lower() == "text":
        return Reply.text(found.text)
    if form.lower() == "json":
        return Reply.json(200, found.to_json())
    return Reply.error(400, f"The sandbox shows templates as {', '.join(templates.FORMATS)}.")


def _address_list(field: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    raise BadRequest(f'"{field}" must be an address or a list of addresses.')


def _extra(message: email.message.EmailMessage, extra: object) -> None:
    if not isinstance(extra, dict):
        raise BadRequest('"extra" must be an object of header names and values.')
    for name, value in extra.items():
        if not name.lower().startswith("x-") or not isinstance(value, str):
            raise BadRequest(f'"extra" may only hold x- headers with text values, not {name!r}.')
        message[name] = value


def _unsubscribe(message: email.message.EmailMessage, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise BadRequest('"unsubscribe" must be an object with "email", "url" and "oneclick".')
    links = []
    if value.get("email"):
        links.append(f"<mailto:{value['email']}>")
    if value.get("url"):
        links.append(f"<{value['url']}>")
    if links:
        message["List-Unsubscribe"] = ", ".join(links)
    if value.get("oneclick") and value.get("url"):
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"


def _attach(message: email.message.EmailMessage, attachment: object) -> None:
    if not isinstance(attachment, dict):
        raise BadRequest('Each attachment must be an object with "data", "name" and "type".')
    if "url" in attachment and "data" not in attachment:
        raise BadRequest(
            "The sandbox does not fetch attachments from a URL: send the file as base64 "
            '"data" instead.'
        )
    name, kind = attachment.get("name"), attachment.get("type", "application/octet-stream")
    if not isinstance(name, str) or not name:
        raise BadRequest('Each attachment needs a "name".')
    if not isinstance(kind, str) or kind.count("/") != 1:
        raise BadRequest(f'The attachment {name!r} has no valid "type" such as image/png.')
    try:
        data = base64.b64decode(attachment.get("data", ""), validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise BadRequest(f'The "data" of the attachment {name!r} is not base64.') from None
    maintype, subtype = kind.split("/")
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)


def _options(request: Mapping[str, Any]) -> dict[str, object]:
    options: dict[str, object] = {}
    for key in _OPTION_BOOLS:
        if key in request:
            if not isinstance(request[key], bool):
                raise BadRequest(f'"{key}" must be true or false.')
            options[key] = request[key]
    if "tags" in request:
        tags = request["tags"]
        if not isinstance(tags, list):
            raise BadRequest('"tags" must be a list of words without spaces or semicolons.')
        for tag in tags:
            problem = mail.tag_problem(tag)
            if problem:
                raise BadRequest(f'"tags": {problem}')
        options["tags"] = list(tags)
    if "images" in request:
        if request["images"] not in mail.IMAGES:
            raise BadRequest('"images" must be "hosted" or "default".')
        options["images"] = request["images"]
    if "maxdelivertime" in request:
        problem = mail.delivery_time_problem(request["maxdelivertime"])
        if problem:
            raise BadRequest(problem)
        options["maxdelivertime"] = request["maxdelivertime"]
    return options


def _dsn(request: Mapping[str, Any]) -> dict[str, str]:
    value = request.get("dsn")
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise BadRequest('"dsn" must be an object of texts: notify, ret, envid, orcpt.')
    unknown = set(value) - {"notify", "ret", "envid", "orcpt"}
    if unknown:
        raise BadRequest(f'"dsn" knows notify, ret, envid and orcpt, not {sorted(unknown)}.')
    dsn = dict(value)
    if "notify" in dsn:
        words = [w.strip().upper() for w in dsn["notify"].split(",")]
        if words != ["NEVER"] and not (words and set(words) <= set(_NOTIFY)):
            raise BadRequest('"dsn" "notify" must be NEVER, or some of SUCCESS,FAILURE,DELAY.')
        dsn["notify"] = ",".join(words)
    if "ret" in dsn:
        dsn["ret"] = dsn["ret"].upper()
        if dsn["ret"] not in ("HDRS", "FULL"):
            raise BadRequest('"dsn" "ret" must be HDRS or FULL.')
    return dsn


def _events(captured: CapturedMessage, message_id: str, recipient: str) -> list[dict[str, Any]]:
    time = captured.received.strftime("%Y-%m-%d %H:%M:%S")
    options = captured.options
    tags_value = options.get("tags")
    tags = ";".join(str(t) for t in tags_value) if isinstance(tags_value, list) else ""
    # The properties SMTPeter lists: on when set, and click and bounce tracking by default.
    defaults = {"trackclicks": True, "trackbounces": True}
    properties = [k for k in _OPTION_BOOLS if options.get(k, defaults.get(k, False)) is True]
    common = {"id": message_id, "time": time, "envelope": captured.mail_from}
    common |= {"recipient": recipient}
    events: list[dict[str, Any]] = [
        _event(
            "attempt",
            {**common, "properties": ";".join(properties), "tags": tags, "templateid": 0},
        )
    ]
    outcome = captured.outcomes.get(message_id, "delivered")
    hop = {"from": "127.0.0.1", "to": "127.0.0.1", "attempt": 0, "tags": tags, "templateid": 0}
    if outcome == "delivered":
        events.append(_event("delivery", {**common, **hop}))
    elif outcome == "failed":
        failure = {
            "type": "error",
            "code": 550,
            "status": "5.1.1",
            "description": "User unknown (a fault rule of the sandbox)",
            "state": "rcpt",
        }
        events.append(_event("failure", {**common, **hop, **failure}))
    return events


def _event(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    # SMTPeter's pages name the kind both "type" (rest-events.md) and "event"; give both.
    return {"type": kind, "event": kind, "data": data}


def _domain(name: str, approved: bool = True) -> dict[str, Any]:
    return {
        "name": name,
        "approved": approved,
        "bounces": f"bounces.{name}",
        "tracking": f"clicks.{name}",
        "https": True,
        "ips": ["127.0.0.1"],
        "policy": "none",
        "percentage": 100,
        "addresses": ["dmarc@smtpeter.com"],
    }


# What SMTPeter's remarks say, in the documentation's style (rest-dns.md).
_DNS_REMARKS = {
    "dmarc": "DMARC record not redirected to ours",
    "dkim": "DKIM keys not found under the selectors zero, one and two",
    "spf": "SPF record does not include SMTPeter's servers",
    "mx": "Bounce domain is not pointing to mail.smtpeter.com",
    "a": "Tracking domain has no A record pointing to SMTPeter",
    "caa": "CAA record does not allow certificates for the tracking domain",
    "validation": "Ownership of the domain is not validated: the TXT record is missing",
}
# Host names of the recommended records; ".invalid" so nothing in them resolves.
_DNS_HOST = "sandbox.smtpeter.invalid"


def _recommended(domain: str) -> list[dict[str, str]]:
    """The records rest-dns.md's recommendation holds, for ``domain``."""
    records = [
        {"name": f"{key}._domainkey.{domain}", "type": "CNAME", "value": f"dkim{n}.{_DNS_HOST}"}
        for n, key in enumerate(("zero", "one", "two"))
    ]
    return [
        *records,
        {"name": domain, "type": "MX", "value": f"0 mail.{_DNS_HOST}"},
        {"name": f"clicks.{domain}", "type": "CNAME", "value": f"clicks.{_DNS_HOST}"},
        {"name": domain, "type": "TXT", "value": f"v=spf1 include:spf.{_DNS_HOST} -all"},
        {"name": f"_dmarc.{domain}", "type": "CNAME", "value": f"dmarc.{_DNS_HOST}"},
    ]


def _fault_reply(fault: RestFault) -> Reply:
    reason = _REASONS.get(fault.status, "Error")
    headers = () if fault.retry_after is None else (("Retry-After", str(fault.retry_after)),)
    if not fault.json:
        page = f"<html><body><h1>{fault.status} {reason}</h1></body></html>\n"
        return Reply(fault.status, page.encode(), "text/html; charset=utf-8", headers)
    if fault.status == 204:
        return Reply(204, b"", JSON, headers)
    if 200 <= fault.status < 300:
        # A success without ids is what a broken gateway would say; keep it JSON.
        return Reply(fault.status, b"{}", JSON, headers)
    message = f"{reason} (a fault rule of the sandbox)"
    return dataclasses.replace(Reply.error(fault.status, message), headers=headers)


def _not_found(path: str) -> Reply:
    return Reply.error(404, f"There is no REST call at {path}.")


def _wrong_method(method: str, path: str, allowed: str) -> Reply:
    return Reply(
        405,
        Reply.error(405, f"{path} answers {allowed}, not {method}.").body,
        JSON,
        (("Allow", allowed),),
    )
