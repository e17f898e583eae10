"""The sender domain cache: a day per answer, per account, private, and never in the way."""

from __future__ import annotations

import json
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from smtpeter_desktop.storage.domaincache import MAX_AGE, DomainCache, account_key

NOW = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
ACCOUNT = account_key("p1", "https://www.smtpeter.com/v1")
DOMAINS = [{"name": "example.org", "approved": True}]


def test_an_answer_is_kept_for_a_day_per_account(tmp_path: Path) -> None:
    cache = DomainCache(tmp_path / "cache.json")
    cache.put(ACCOUNT, "domains", DOMAINS, now=NOW)
    assert cache.get(ACCOUNT, "domains", now=NOW + timedelta(hours=23)) == DOMAINS
    assert cache.get(ACCOUNT, "domains", now=NOW + MAX_AGE + timedelta(seconds=1)) is None
    assert cache.get(ACCOUNT, "dns-status example.org", now=NOW) is None
    assert cache.get(account_key("p2", "https://www.smtpeter.com/v1"), "domains", now=NOW) is None
    # A clock set back does not make an old answer young again.
    assert cache.get(ACCOUNT, "domains", now=NOW - timedelta(hours=1)) is None


def test_forget_drops_an_account_s_answers(tmp_path: Path) -> None:
    cache = DomainCache(tmp_path / "cache.json")
    cache.put(ACCOUNT, "domains", DOMAINS, now=NOW)
    cache.put("other", "domains", [], now=NOW)
    cache.forget(ACCOUNT)
    assert cache.get(ACCOUNT, "domains", now=NOW) is None
    assert cache.get("other", "domains", now=NOW) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_file_is_private_and_lives_in_the_app_home(isolated_home: Path) -> None:
    cache = DomainCache()
    cache.put(ACCOUNT, "domains", DOMAINS)
    assert cache.path.parent == isolated_home
    assert stat.S_IMODE(cache.path.stat().st_mode) == 0o600
    assert cache.get(ACCOUNT, "domains") == DOMAINS


def test_a_damaged_file_counts_as_empty_and_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    path.write_text("{not json")
    cache = DomainCache(path)
    assert cache.get(ACCOUNT, "domains", now=NOW) is None
    cache.put(ACCOUNT, "domains", DOMAINS, now=NOW)
    assert cache.get(ACCOUNT, "domains", now=NOW) == DOMAINS
    path.write_text(json.dumps({"version": 1, "accounts": {ACCOUNT: {"domains": {"value": 1}}}}))
    assert cache.get(ACCOUNT, "domains", now=NOW) is None


def test_a_cache_that_cannot_be_written_does_not_stop_anything(tmp_path: Path) -> None:
    # A file where its folder should be: no write can succeed, even as root.
    (tmp_path / "not-a-folder").write_text("")
    cache = DomainCache(tmp_path / "not-a-folder" / "cache.json")
    cache.put(ACCOUNT, "domains", DOMAINS, now=NOW)
    assert cache.get(ACCOUNT, "domains", now=NOW) is None
