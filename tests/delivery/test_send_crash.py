"""Kill -9 while sending: nothing lost, nothing sent twice, the database opens cleanly.

Real processes (tests/delivery/send_child.py) send real messages to a real sandbox; the
test kills them at random moments of a 20 MB send through a slow link, and at the one
instant that matters most: after the server took the message, before the mailbox knew.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.mailbox import State
from smtpeter_desktop.storage.profiles import Identity, Profile
from tests.delivery.conftest import attachment, draft_for
from tests.helpers.proxy import proxy

pytestmark = pytest.mark.slow


def _child(home: Path, id: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.delivery.send_child", str(home), str(id), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )


def _captured(box: Sandbox) -> Counter[str]:
    """How many times the sandbox took each message, by its Message-ID."""
    return Counter(str(m.message()["Message-ID"]) for m in box.messages())


def _message_id(context: AppContext, id: int) -> str:
    with context.postman() as postman, postman.mailbox.message(id).open() as reader:
        head = reader.read(4096).decode("ascii", "replace")
    line = next(line for line in head.splitlines() if line.lower().startswith("message-id:"))
    return line.split(":", 1)[1].strip()


def _integrity(home: Path) -> str:
    with sqlite3.connect(home / "mailbox.sqlite3") as db:
        result = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    return str(result)


def _account(context: AppContext, box: Sandbox, port: int) -> Profile:
    return context.profiles.add(
        Profile.create(
            "Slow line",
            "smtp",
            host="127.0.0.1",
            port=port,
            username="ann",
            ca_file=str(box.ca_file),
            identities=(Identity("Ann", "ann@example.com"),),
        )
    )


def test_kill_during_a_20_mb_send_never_loses_or_doubles_it(
    context: AppContext, make_sandbox: Callable[..., Sandbox], tmp_path: Path
) -> None:
    box = make_sandbox()
    big = attachment(tmp_path, "big.bin", 20 * 1024 * 1024)
    rounds = int(os.environ.get("SMTPETER_CRASH_ROUNDS", "6"))
    found: list[tuple[float, str, str, int]] = []
    rng = random.Random(2026)
    # 40 MB/s: the 27 MB of base64 take about 0.7 s to cross, room to die half way.
    with proxy(("127.0.0.1", box.smtp_port), rate=40e6) as slow:
        profile = _account(context, box, slow.port)
        context.secrets.set(profile.id, "any password")
        for _ in range(rounds):
            with context.postman() as postman:
                id = postman.queue(draft_for(profile, attachments=(big,))).id
            message_id = _message_id(context, id)
            child = _child(context.home, id)
            assert child.stdout is not None
            seen = child.stdout.readline().strip()  # "claimed": the send is under way
            assert seen == "claimed", seen
            after = rng.uniform(0.0, 1.4)
            time.sleep(after)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            last = [line.strip() for line in child.stdout.read().splitlines()][-1:] or [seen]
            child.stdout.close()

            context.recover()
            assert _integrity(context.home) == "ok"
            with context.postman() as postman:
                state = postman.mailbox.get(id).state
                assert state in (State.UNKNOWN, State.SENT), state
                assert postman.send_due() == [], "nothing resends it by itself"
            copies = _captured(box)[message_id]
            assert copies <= 1, f"sent {copies} times"
            if state is State.SENT:
                assert copies == 1
            found.append((round(after, 2), last[0].split()[0], str(state), copies))
    # What each kill point found: (seconds after the claim, last word, state, copies).
    print("\nkill points:", found)


def test_kill_after_the_server_took_it_but_before_the_mailbox_knew(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox()
    profile = _account(context, box, box.smtp_port)
    context.secrets.set(profile.id, "any password")
    with context.postman() as postman:
        id = postman.queue(draft_for(profile)).id
    message_id = _message_id(context, id)
    child = _child(context.home, id, "hang-after-send")
    assert child.stdout is not None
    lines = [child.stdout.readline().strip() for _ in range(2)]
    while lines[-1].startswith("progress"):
        lines.append(child.stdout.readline().strip())
    assert lines[0] == "claimed" and lines[-1] == "transport-done", lines
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()

    assert _captured(box)[message_id] == 1, "the server has it"
    assert context.recover() == [id]
    with context.postman() as postman:
        record = postman.mailbox.get(id)
        assert record.state is State.UNKNOWN
        assert "may or may not have gone out" in (record.error or "")
        assert postman.send_due() == []
        assert postman.send(id).result is Result.SKIPPED, "an unknown message is not sent"
        postman.mailbox.resolve_unknown(id, sent=True)
        assert postman.mailbox.get(id).state is State.SENT
    assert _captured(box)[message_id] == 1


def test_a_live_sender_is_not_recovered_by_another_process(
    context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox()
    profile = _account(context, box, box.smtp_port)
    context.secrets.set(profile.id, "any password")
    with context.postman() as postman:
        id = postman.queue(draft_for(profile)).id
    child = _child(context.home, id, "hang-after-send")
    assert child.stdout is not None
    try:
        while child.stdout.readline().strip() != "transport-done":
            pass
        # The window starting while the command line sends: it must leave that send alone.
        assert context.recover() == []
        with context.postman() as postman:
            assert postman.mailbox.get(id).state is State.SENDING
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
