"""The Sent pane's details of one message, as HTML: the server's receipt (SMTPeter's ids or
the final reply, refused recipients, the time each stage took) and the delivery events
SMTPeter reported, with the badge each delivery state shows in the list."""

from __future__ import annotations

import html
import json
import logging
from typing import Any

from PySide6.QtGui import QPalette

from smtpeter_desktop.delivery.names import Receipt, Record, Summary
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.profiles import Profile

from smtpeter_desktop.ui import lists, theme
from smtpeter_desktop.ui.lists import Tone

log = logging.getLogger(__name__)


# The tables below are built on each call, not at import: the language is only known once
# the app runs.
def delivery_state(state: str) -> tuple[str, Tone] | None:
    """A delivery state's badge text and tone; None for a state SMTPeter did not say."""
    states = {
        "delivered": (translate("sent_pane", "Delivered"), Tone.GOOD),
        "opened": (translate("sent_pane", "Opened"), Tone.GOOD),
        "clicked": (translate("sent_pane", "Clicked"), Tone.GOOD),
        "pending": (translate("sent_pane", "On its way"), Tone.WAIT),
        "failed": (translate("sent_pane", "Not delivered"), Tone.BAD),
    }
    return states.get(state)


def _event_name(kind: str) -> str:
    names = {
        "attempt": translate("sent_pane", "Handed to SMTPeter"),
        "delivery": translate("sent_pane", "Delivered"),
        "failure": translate("sent_pane", "Delivery failed"),
        "bounce": translate("sent_pane", "Bounced"),
        "open": translate("sent_pane", "Opened"),
        "click": translate("sent_pane", "Link clicked"),
        "response": translate("sent_pane", "Reply received"),
    }
    return names.get(kind, kind)


def _stage_name(name: str) -> str:
    names = {
        "resolve": translate("sent_pane", "look-up"),
        "connect": translate("sent_pane", "connect"),
        "tls": "TLS",
        "greeting": translate("sent_pane", "greeting"),
        "ehlo": translate("sent_pane", "hello"),
        "starttls": "STARTTLS",
        "ehlo-tls": translate("sent_pane", "hello"),
        "auth": translate("sent_pane", "log-in"),
        "mail": translate("sent_pane", "sender"),
        "rcpt": translate("sent_pane", "recipients"),
        "data": translate("sent_pane", "upload"),
        "reply": translate("sent_pane", "answer"),
        "https": "HTTPS",
        "send": translate("sent_pane", "upload"),
    }
    return names.get(name, name)


def delivery_badge(summary: Summary) -> tuple[str, Tone]:
    """The badge of a sent message: its delivery state when known, else just "Sent"."""
    return delivery_state(summary.delivery or "") or (translate("sent_pane", "Sent"), Tone.NEUTRAL)


def _ms(seconds: float) -> str:
    if seconds < 10:
        return translate("sent_pane", "{milliseconds} ms").format(
            milliseconds=f"{seconds * 1000:.0f}"
        )
    return translate("sent_pane", "{seconds} s").format(seconds=f"{seconds:.1f}")


def receipt_html(
    record: Record, receipt: Receipt | None, profile: Profile | None, palette: QPalette
) -> str:
    """The details of sent message ``record``: its receipt, and its delivery events."""
    muted = theme.muted(palette).name()
    bad = lists.tone_color(palette, Tone.BAD).name()
    good = lists.tone_color(palette, Tone.GOOD).name()
    grid = theme.blend(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.15
    ).name()
    e = html.escape
    out: list[str] = [
        f"<style>td, th {{ padding: 3px 12px 3px 0; }} th {{ text-align: left; "
        f"color: {muted}; font-weight: normal; border-bottom: 1px solid {grid}; }} "
        f".muted {{ color: {muted}; }} .bad {{ color: {bad}; }} .good {{ color: {good}; }}"
        " h4 { margin: 12px 0 4px 0; }</style>"
    ]
    if receipt is None:
        said = translate(
            "SentPane",
            "You marked this message as sent after its outcome was unknown, so there is "
            "no receipt from the server.",
        )
        out.append(f"<p>{e(said)}</p>")
        return "".join(out)
    if profile is not None and profile.sandbox:
        said = translate(
            "SentPane",
            "Sent to the built-in test server: it kept the message and delivered nothing.",
        )
        out.append(f"<p class='muted'>{e(said)}</p>")
    if receipt.transport == "rest":
        accepted_by = translate("SentPane", "Accepted by the REST API in {seconds} s.")
    else:
        accepted_by = translate("SentPane", "Accepted by SMTP in {seconds} s.")
    out.append(f"<p>{e(accepted_by.format(seconds=f'{receipt.seconds:.2f}'))}</p>")
    events = events_of(record)
    by_id = {m.get("id"): m for m in events.get("messages", [])}
    if receipt.message_ids:
        out.append(
            "<table cellspacing='0'><tr>"
            f"<th>{e(translate('SentPane', 'Recipient'))}</th>"
            f"<th>{e(translate('SentPane', 'SMTPeter message id'))}</th>"
            f"<th>{e(translate('SentPane', 'Delivery'))}</th></tr>"
        )
        for message_id, recipient in receipt.message_ids.items():
            state = by_id.get(message_id, {}).get("state")
            label, tone = delivery_state(str(state)) or (
                translate("SentPane", "not asked yet"),
                Tone.NEUTRAL,
            )
            css = {Tone.BAD: "bad", Tone.GOOD: "good"}.get(tone, "muted")
            out.append(
                f"<tr><td>{e(recipient)}</td><td><code>{e(message_id)}</code></td>"
                f"<td class='{css}'>{e(label)}</td></tr>"
            )
        out.append("</table>")
    else:
        accepted = ", ".join(receipt.accepted) or translate("SentPane", "nobody")
        took = translate("SentPane", "The server took it for: {recipients}.")
        out.append(f"<p>{e(took.format(recipients=accepted))}</p>")
        if receipt.reply:
            final = e(translate("SentPane", "The server's final reply:"))
            out.append(f"<p>{final} <code>{e(receipt.reply)}</code></p>")
    if receipt.rejected:
        refused = e(translate("SentPane", "Refused recipients"))
        out.append(f"<h4 class='bad'>{refused}</h4><table cellspacing='0'>")
        for rejection in receipt.rejected:
            out.append(
                f"<tr><td>{e(rejection.address)}</td>"
                f"<td><code>{rejection.code} {e(rejection.text)}</code></td></tr>"
            )
        others = e(translate("SentPane", "They did not get the message; the others did."))
        out.append(f"</table><p class='muted'>{others}</p>")
    if receipt.timings:
        steps = " · ".join(
            f"{e(_stage_name(name))} {e(_ms(seconds))}" for name, seconds in receipt.timings
        )
        taken = e(translate("SentPane", "Time taken:"))
        out.append(f"<p class='muted'>{taken} {steps}</p>")
    if receipt.message_ids:
        out.append(events_html(events))
    return "".join(out)


def events_html(events: dict[str, Any]) -> str:
    """The delivery events SMTPeter reported, per recipient."""
    e = html.escape
    messages = events.get("messages", [])
    if not messages:
        heading = e(translate("SentPane", "Delivery"))
        said = e(
            translate(
                "SentPane",
                "Not asked yet: “Refresh Delivery Status” asks SMTPeter what became of the "
                "message.",
            )
        )
        return f"<h4>{heading}</h4><p class='muted'>{said}</p>"
    heading = e(translate("SentPane", "Delivery events"))
    out = [f"<h4>{heading}</h4><table cellspacing='0'>"]
    columns = (
        translate("SentPane", "Recipient"),
        translate("SentPane", "When"),
        translate("SentPane", "What"),
        translate("SentPane", "Details"),
    )
    out.append("<tr>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>")
    for message in messages:
        recipient = e(str(message.get("recipient", "")))
        rows = message.get("events", []) or [{"kind": "", "time": None, "data": {}}]
        for index, event in enumerate(rows):
            kind = str(event.get("kind", ""))
            what = _event_name(kind) if kind else translate("SentPane", "Nothing yet")
            data = event.get("data") or {}
            detail = data.get("description") or data.get("url") or ""
            code = data.get("code")
            if code and detail:
                detail = f"{code} {detail}"
            css = " class='bad'" if kind in ("failure", "bounce") else ""
            out.append(
                f"<tr><td>{recipient if index == 0 else ''}</td>"
                f"<td class='muted'>{e(_event_time(event.get('time')))}</td>"
                f"<td{css}>{e(what)}</td><td>{e(str(detail))}</td></tr>"
            )
    out.append("</table>")
    fetched = events.get("fetched")
    if isinstance(fetched, int | float):
        asked = translate("SentPane", "Last asked {time}.").format(time=lists.when(fetched))
        out.append(f"<p class='muted'>{e(asked)}</p>")
    return "".join(out)


def json_object(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def receipt_of(record: Record) -> Receipt | None:
    if not record.receipt:
        return None
    try:
        return Receipt.from_dict(json.loads(record.receipt))
    except (ValueError, KeyError, TypeError):
        log.warning("The receipt of message %d cannot be read", record.id)
        return None


def events_of(record: Record) -> dict[str, Any]:
    if not record.events:
        return {}
    try:
        data = json.loads(record.events)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _event_time(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return lists.when(moment.timestamp())
