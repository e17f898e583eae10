"""Templates through the Postman: local ones give new drafts; SMTPeter's need a REST account."""

from __future__ import annotations

import pytest

from smtpeter_desktop.delivery import remote_templates
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.profiles import Profile
from tests.helpers.accounts import draft_for, sandbox_profile


def test_a_template_gives_a_new_draft_each_time(context: AppContext, postman: Postman) -> None:
    draft = draft_for(sandbox_profile(context), subject="Monthly", body="# {$name}\n")
    postman.save_template("Monthly", draft)
    first, made = postman.new_from_template("monthly")
    second, _ = postman.new_from_template("Monthly")
    assert made == draft and first != second
    assert postman.draft_of(first) == draft


def test_smtpeter_templates_need_a_rest_account(
    smtp_account: tuple[Profile, Sandbox], postman: Postman
) -> None:
    profile, _ = smtp_account
    with pytest.raises(StorageError, match="REST API only"):
        remote_templates.list_templates(postman, profile)


def test_the_form_lists_the_placeholders() -> None:
    html = '<p>{$firstname|default:"x"} {if $vip}{$city}{/if} {$firstname}</p>'
    assert remote_templates.placeholders(html) == ["firstname", "vip", "city"]
    # Syntax we do not read still gives the plain names.
    assert remote_templates.placeholders("{foreach $x}{$name}{/foreach}") == ["name"]
