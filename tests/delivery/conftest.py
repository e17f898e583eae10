"""Fixtures of the send-path tests: see tests/helpers/accounts.py."""

from __future__ import annotations

from tests.helpers.accounts import (
    PASSWORD,
    TOKEN,
    USER,
    Clock,
    attachment,
    clock,
    context,
    draft_for,
    make_sandbox,
    postman,
    rest_account,
    sandbox,
    smtp_account,
)

__all__ = [
    "PASSWORD",
    "TOKEN",
    "USER",
    "Clock",
    "attachment",
    "clock",
    "context",
    "draft_for",
    "make_sandbox",
    "postman",
    "rest_account",
    "sandbox",
    "smtp_account",
]
