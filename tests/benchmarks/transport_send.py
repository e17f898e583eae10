"""How long one send of a 100 KB message to the sandbox takes, over SMTP and over REST.

SMTPeter's documentation calls REST "much quicker" than the SMTP handshake; this measures
it on loopback, where only the protocols differ. Each figure is the median of a few sends:

- smtp cold: a new session per send (connect, STARTTLS, EHLO twice, AUTH, MAIL, RCPT, DATA);
- smtp warm: the kept session (NOOP, MAIL, RCPT, DATA);
- rest cold: a new client per send (connect, TLS, POST);
- rest warm: the kept HTTPS connection (POST).

Run: ``.venv/bin/python tests/benchmarks/transport_send.py`` (prints a table, and JSON with
``--json``).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path

from smtpeter_desktop.compose.envelope import Envelope
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.sandbox import Sandbox, SandboxConfig
from smtpeter_desktop.transport import base
from smtpeter_desktop.transport.rest import RestSettings, RestTransport
from smtpeter_desktop.transport.smtp import SmtpSettings, SmtpTransport

SIZE = 100_000
ROUNDS = 7
ENVELOPE = Envelope("bench@example.org", ("someone@example.com",))
OPTIONS = SmtpeterOptions(tags=("bench",))


def message(size: int = SIZE) -> base.BytesMessage:
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["From"] = "bench@example.org"
    msg["To"] = "someone@example.com"
    msg["Subject"] = "Benchmark"
    msg["Message-ID"] = "<bench@example.org>"
    line = "A line of text in a message of about one hundred kilobytes.\n"
    msg.set_content(line * (size // len(line)))
    return base.BytesMessage(msg.as_bytes())


def median_ms(send: Callable[[], object], rounds: int = ROUNDS) -> float:
    send()  # one to warm up caches and the sandbox
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        send()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure() -> dict[str, float]:
    data = message()
    with (
        tempfile.TemporaryDirectory() as folder,
        Sandbox(SandboxConfig(data_dir=Path(folder))) as box,
    ):
        smtp = SmtpSettings(
            host=box.host,
            port=box.smtp_port,
            username="bench",
            ca_file=box.ca_file,
            keep_alive=False,
        )
        rest = RestSettings(base_url=box.rest_base_url, ca_file=box.ca_file)

        def smtp_cold() -> object:
            with SmtpTransport(smtp, "pw") as t:
                return t.send(data, ENVELOPE, OPTIONS)

        def rest_cold() -> object:
            with RestTransport(rest, "token") as t:
                return t.send(data, ENVELOPE, OPTIONS)

        figures = {"smtp cold": median_ms(smtp_cold), "rest cold": median_ms(rest_cold)}
        warm = SmtpSettings(
            host=box.host,
            port=box.smtp_port,
            username="bench",
            ca_file=box.ca_file,
            keep_alive=True,
        )
        with SmtpTransport(warm, "pw") as t:
            figures["smtp warm"] = median_ms(lambda: t.send(data, ENVELOPE, OPTIONS))
        with RestTransport(rest, "token") as r:
            figures["rest warm"] = median_ms(lambda: r.send(data, ENVELOPE, OPTIONS))
    return figures


def main() -> int:
    figures = measure()
    if "--json" in sys.argv:
        print(json.dumps({k: round(v, 1) for k, v in figures.items()}))
    else:
        print(f"One send of a {SIZE // 1000} KB message to the sandbox (median of {ROUNDS}):")
        for name, ms in figures.items():
            print(f"  {name:10} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
