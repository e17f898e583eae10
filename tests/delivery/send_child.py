"""A process that sends one queued message, for the crash tests to kill at chosen moments.

    python -m tests.delivery.send_child HOME ID [hang-after-send]

It prints ``claimed`` when it owns the message, ``progress N`` as bytes go out, and ``sent``
when the outcome is stored. With ``hang-after-send`` it stops for good between the
transport's success and the mailbox's state change, printing ``transport-done``: the one
instant where a crash must not lead to a second send.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.storage.mailbox import Mailbox


def main() -> None:
    home, id = Path(sys.argv[1]), int(sys.argv[2])
    hang = len(sys.argv) > 3 and sys.argv[3] == "hang-after-send"
    if hang:
        # The test's hook into this one process: stop right where a crash hurts most.
        def stop_here(self: Mailbox, id: int, receipt_json: str) -> None:
            print("transport-done", flush=True)
            threading.Event().wait()

        Mailbox.mark_sent = stop_here  # type: ignore[method-assign]
    context = AppContext.open(home)
    with context.postman() as postman:
        claim = postman.mailbox.claim

        def claimed(id: int, owner: str) -> bool:
            won = claim(id, owner)
            print("claimed" if won else "not-claimed", flush=True)
            return won

        postman.mailbox.claim = claimed  # type: ignore[method-assign]
        outcome = postman.send(id, lambda done, total: print(f"progress {done}", flush=True))
        print(outcome.result, flush=True)
    context.close()


if __name__ == "__main__":
    main()
