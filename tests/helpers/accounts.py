"""The app's stores in the test's home, and accounts on real sandboxes with their secrets in
the test's keyring (see tests/conftest.py): what the send-path, command-line and window tests
all start from.

Import the fixtures a module needs into its conftest (or test module)::

    from tests.helpers.accounts import context, smtp_account  # noqa: F401
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.profiles import Identity, Profile
from tests.sandbox_fixture import make_sandbox, sandbox

__all__ = ["make_sandbox", "sandbox"]

USER = "ann@example.com"
PASSWORD = "correct horse battery staple ✓"
TOKEN = "tok-3f9a7c1e5b2d4a6f8e0c"


class Clock:
    """Time the test moves by hand, so a retry's backoff need not be waited for."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def context(isolated_home: Path) -> Iterator[AppContext]:
    opened = AppContext.open(isolated_home)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def postman(context: AppContext, clock: Clock) -> Iterator[Postman]:
    with context.postman(clock) as made:
        yield made


def sandbox_profile(context: AppContext) -> Profile:
    """The built-in Sandbox account made on first start."""
    (profile,) = [p for p in context.profiles.load() if p.sandbox]
    return profile


def add_smtp_account(
    context: AppContext, box: Sandbox, secret: str = PASSWORD, name: str = "Work SMTP"
) -> Profile:
    """An SMTP account on ``box`` with ``secret`` in the test's keyring."""
    profile = context.profiles.add(
        Profile.create(
            name,
            "smtp",
            host="127.0.0.1",
            port=box.smtp_port,
            username=USER,
            ca_file=str(box.ca_file),
            identities=(Identity("Ann Lee", USER),),
        )
    )
    context.secrets.set(profile.id, secret)
    return profile


def add_rest_account(
    context: AppContext, box: Sandbox, secret: str = TOKEN, name: str = "Work REST"
) -> Profile:
    """A REST account on ``box`` with ``secret`` in the test's keyring."""
    profile = context.profiles.add(
        Profile.create(
            name,
            "rest",
            rest_url=box.rest_base_url,
            ca_file=str(box.ca_file),
            identities=(Identity("Ann Lee", USER),),
        )
    )
    context.secrets.set(profile.id, secret)
    return profile


@pytest.fixture
def smtp_account(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> tuple[Profile, Sandbox]:
    """An SMTP account with its password in the test's keyring, on a sandbox that checks it."""
    box = make_sandbox(users={USER: PASSWORD})
    return add_smtp_account(context, box), box


@pytest.fixture
def rest_account(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> tuple[Profile, Sandbox]:
    """A REST account with its token in the test's keyring, on a sandbox that checks it."""
    box = make_sandbox(token=TOKEN)
    return add_rest_account(context, box), box


def draft_for(profile: Profile, **fields: Any) -> Draft:
    """A message from the profile's first sender to Bob; ``fields`` change any part."""
    values: dict[str, Any] = {
        "profile": profile.id,
        "sender": profile.identities[0].display if profile.identities else USER,
        "to": "Bob <bob@example.org>",
        "subject": "Quarterly numbers",
        "body": "# Hello\n\nThe numbers are in.\n",
    }
    values.update(fields)
    return Draft(**values)


def attachment(folder: Path, name: str = "report.pdf", size: int = 2048) -> Attachment:
    path = folder / name
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * (size // 256))
    return Attachment(str(path))
