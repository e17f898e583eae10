"""SMTPeter's templates over REST, against the sandbox's stored ones: list, show, send, gone."""

from __future__ import annotations

from typing import Any

import pytest

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.sandbox.personal import fill
from smtpeter_desktop.transport import errors
from tests.transport.test_rest import TOKEN, rest

ENVELOPE = Envelope("bounce@example.org", ("bob@example.com",))


def test_list_show_and_send_a_template(sandbox: Any) -> None:
    with rest(sandbox) as transport:
        listed = transport.templates()
        assert [(t.id, t.name) for t in listed][:2] == [
            ("1", "Welcome"),
            ("2", "Monthly newsletter"),
        ]
        assert [t.id for t in transport.templates(1, 1)] == ["2"]
        html = transport.template_html("1")
        assert "{$firstname}" in html
        receipt = transport.send_template(
            "1",
            ENVELOPE,
            {"firstname": "Bob <b>", "company": "Example"},
            SmtpeterOptions(tags=("welcome",), max_deliver_time="2030-01-01 00:00:00"),
        )
    assert list(receipt.message_ids.values()) == ["bob@example.com"]
    (kept,) = sandbox.messages()
    message = kept.message()
    assert message["Subject"] == "Welcome, Bob <b>"
    html_part = message.get_body(("html",))
    assert html_part is not None and "Welcome, Bob &lt;b&gt;!" in html_part.get_content()
    assert kept.options["tags"] == ["welcome"]
    assert kept.options["maxdelivertime"] == "2030-01-01 00:00:00"
    assert kept.mail_from == "bounce@example.org"


def test_a_template_that_no_longer_exists_is_a_sentence(sandbox: Any) -> None:
    with rest(sandbox) as transport:
        with pytest.raises(errors.MessageRejected) as shown:
            transport.template_html("99")
        with pytest.raises(errors.MessageRejected) as sent:
            transport.send_template("99", ENVELOPE, {}, SmtpeterOptions())
    for caught in (shown, sent):
        assert "SMTPeter has no template 99 (any more)" in caught.value.message
        assert "deleted or renamed" in caught.value.hint
        assert not caught.value.maybe_accepted
        assert TOKEN not in str(caught.value)
    assert sandbox.messages() == []


def test_the_sandbox_fills_placeholders_escaped_in_html() -> None:
    data = {"name": "<Ann>", "vip": True}
    assert fill('Hi {$name}, {$city|default:"there"} {$vip}', data, html=True) == (
        "Hi &lt;Ann&gt;, there true"
    )
    assert fill("Hi {$name} {$missing}.", data, html=False) == "Hi <Ann> ."
