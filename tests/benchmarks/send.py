"""Sending: our SMTP and REST sends against msmtp and curl, through a link of 25 ms each way.

Our figure is the send as the window makes it, inside a running process: the message built,
queued in the mailbox, sent, the receipt stored (``Postman.queue`` + ``Postman.send``). In
the window the preview has already rendered the Markdown that Send builds (compose keeps the
last few renders), so that render is done before the clock starts; the same sends with the
Markdown rendered inside the timed call are shown too, for context.
A reference's figure is its whole run, as a person would use it: ``msmtp`` sending the very
same bytes to the same sandbox through the same proxy, and ``curl`` posting the same JSON.

Goals (issue 9): SMTP cold no slower than msmtp; REST cold within 1.2x curl; and REST
faster than our own SMTP (SMTPeter's claim, measured).

The command line, whole process (issue 17): ``smtpeter-desktop send`` of a short Markdown
letter (LETTER, about 1.5 KB: headings, a list, a link), the secret piped in as scripts do,
against ``msmtp`` and ``curl`` sending the bytes our send builds from it, as processes
alike. Warm: the app's modules compiled before; cold: its bytecode removed first (a first
run after a fresh clone). Goals: warm REST at most 2.5x curl, warm SMTP at most 1.3x msmtp.
Beside each, what the send's imports cost (``-X importtime``), so a regression names its
module.

Run: ``.venv/bin/python -m tests.benchmarks.send [--cli]`` (``make bench`` runs all;
``--cli`` measures the command line alone).
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.sandbox import Sandbox, SandboxConfig
from smtpeter_desktop.storage.profiles import Identity, Profile
from tests.benchmarks.common import (
    COMMAND,
    Figure,
    ImportCost,
    forget_bytecode,
    import_cost,
    median,
    process_env,
    process_figure,
    report,
    run_process,
    timed,
)
from tests.helpers.proxy import proxy

DELAY = 0.025
ROUNDS = 7
CLI_COLD_ROUNDS = 5
LETTER = """\
# Q3 in short

Hello team,

the third quarter closed **above plan**. The figures, and what they mean for the next one:

- revenue up 12% on Q2, mostly from the new plans;
- support tickets down a fifth since the help pages were rewritten;
- two new people in sales from October.

The full report is on [the intranet](https://intranet.example.com/reports/q3), with the
tables behind each number. Questions and corrections are welcome until Friday; after that
the report goes to the board as it stands.

## Next steps

1. Read the report before Thursday's meeting.
2. Bring one thing we should stop doing, and one we should start.

Thanks for a good quarter,

Ann
"""
BODY = (
    "A line of text in a message of about one hundred kilobytes, for the benchmark.\n\n" * 1300
)[:100_000]


def _draft(profile: Profile, body: str = BODY) -> Draft:
    return Draft(
        profile=profile.id,
        sender="Ann <ann@example.com>",
        to="bob@example.org",
        subject="Benchmark",
        body=body,
        base_dir=str(Path.home()),
    )


def _previewed(profile: Profile) -> Draft:
    """The draft after the window's preview rendered it (not timed)."""
    draft = _draft(profile)
    render.render(draft.body, base_dir=Path(draft.base_dir), title=draft.subject)
    return draft


_fresh = itertools.count()


def _unrendered(profile: Profile) -> Draft:
    """A draft whose Markdown nobody has rendered yet (a unique line defeats the cache)."""
    return _draft(profile, f"{BODY}\n{next(_fresh)}\n")


def _require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        raise SystemExit(f"{program} is not installed: run `make bench` (it installs it).")
    return path


def main() -> int:
    msmtp, curl = _require("msmtp"), _require("curl")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        home.mkdir()
        os.environ["SMTPETER_DESKTOP_HOME"] = str(home)
        with (
            Sandbox(SandboxConfig(data_dir=Path(folder) / "sandbox")) as box,
            proxy((box.host, box.smtp_port), delay=DELAY) as smtp_link,
            proxy((box.host, box.rest_port), delay=DELAY) as rest_link,
        ):
            context = AppContext.open(home)
            try:
                return _measure(
                    context, box, smtp_link.port, rest_link.port, msmtp, curl, Path(folder)
                )
            finally:
                context.close()


def _measure(
    context: AppContext,
    box: Sandbox,
    smtp_port: int,
    rest_port: int,
    msmtp: str,
    curl: str,
    folder: Path,
) -> int:
    me = Identity("Ann", "ann@example.com")
    smtp = context.profiles.add(
        Profile.create(
            "Bench SMTP",
            "smtp",
            host="127.0.0.1",
            port=smtp_port,
            username="bench",
            ca_file=str(box.ca_file),
            identities=(me,),
        )
    )
    rest = context.profiles.add(
        Profile.create(
            "Bench REST",
            "rest",
            rest_url=f"https://127.0.0.1:{rest_port}/v1",
            ca_file=str(box.ca_file),
            identities=(me,),
        )
    )
    for profile in (smtp, rest):
        context.secrets.keep_for_session(profile.id, "bench-secret")

    def ours_cold(profile: Profile, make: Callable[[Profile], Draft] = _previewed) -> float:
        draft = make(profile)
        with context.postman() as postman:  # a new Postman: no kept connection
            return timed(lambda: postman.send(postman.queue(draft).id))

    def ours_warm(profile: Profile) -> float:
        with context.postman() as postman:
            postman.send(postman.queue(_previewed(profile)).id)
            draft = _previewed(profile)
            return timed(lambda: postman.send(postman.queue(draft).id))

    # The exact bytes our send wrote, for the references to send too.
    with context.postman() as postman:
        queued = postman.queue(_draft(smtp))
        with postman.mailbox.message(queued.id).open() as reader:
            eml = reader.read()
        postman.mailbox.delete(queued.id)
    eml_path = folder / "message.eml"
    eml_path.write_bytes(eml)
    body_path = folder / "body.json"
    body_path.write_text(_rest_body(eml))

    msmtp_argv = [
        msmtp,
        "--host=127.0.0.1",
        f"--port={smtp_port}",
        "--tls=on",
        "--tls-starttls=on",
        f"--tls-trust-file={box.ca_file}",
        "--auth=plain",
        "--user=bench",
        "--passwordeval=echo bench-secret",
        "--from=ann@example.com",
        "bob@example.org",
    ]
    curl_argv = [
        curl,
        "-sS",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "--cacert",
        str(box.ca_file),
        # No "Expect: 100-continue" round trip: the strongest reference, not curl's default.
        "-H",
        "Content-Type: application/json",
        "-H",
        "Expect:",
        "--data-binary",
        f"@{body_path}",
        f"https://127.0.0.1:{rest_port}/v1/send?access_token=bench-secret",
    ]

    def run_msmtp() -> float:
        return timed(
            lambda: subprocess.run(
                msmtp_argv, input=eml, check=True, capture_output=True, timeout=60
            )
        )

    def run_curl() -> float:
        def post() -> None:
            done = subprocess.run(curl_argv, check=True, capture_output=True, text=True, timeout=60)
            assert done.stdout == "200", done.stdout

        return timed(post)

    cli_figures = _measure_cli(context, smtp, rest, msmtp_argv, curl_argv, body_path, folder)
    cli_group = (
        f"Command line send, whole process, {DELAY * 1000:.0f} ms link "
        f"(median of {ROUNDS} warm, {CLI_COLD_ROUNDS} cold)"
    )
    if "--cli" in sys.argv:
        return report(cli_group, cli_figures)
    for warm_up in (run_msmtp, run_curl, lambda: ours_cold(smtp), lambda: ours_cold(rest)):
        warm_up()
    smtp_cold, msmtp_time = median(lambda: ours_cold(smtp), ROUNDS), median(run_msmtp, ROUNDS)
    rest_cold, curl_time = median(lambda: ours_cold(rest), ROUNDS), median(run_curl, ROUNDS)
    smtp_warm, rest_warm = (
        median(lambda: ours_warm(smtp), ROUNDS),
        median(lambda: ours_warm(rest), ROUNDS),
    )
    smtp_raw = median(lambda: ours_cold(smtp, _unrendered), ROUNDS)
    rest_raw = median(lambda: ours_cold(rest, _unrendered), ROUNDS)
    figures = [
        Figure("SMTP send, cold (100 KB)", smtp_cold, msmtp_time, "msmtp", 1.0),
        Figure("REST send, cold (100 KB)", rest_cold, curl_time, "curl", 1.2),
        Figure(
            "REST cold vs our SMTP cold",
            rest_cold,
            smtp_cold,
            "our SMTP",
            1.0,
            note=f"REST is {smtp_cold - rest_cold:.0f} ms "
            f"({(1 - rest_cold / smtp_cold) * 100:.0f}%) quicker than our SMTP",
        ),
        Figure("SMTP send, warm (kept session)", smtp_warm, msmtp_time, "msmtp", 1.0),
        Figure("REST send, warm (kept connection)", rest_warm, curl_time, "curl", 1.2),
        Figure("SMTP cold, Markdown not yet rendered", smtp_raw, msmtp_time, "msmtp", None),
        Figure("REST cold, Markdown not yet rendered", rest_raw, curl_time, "curl", None),
    ]
    failed = report(
        f"Sending through a link of {DELAY * 1000:.0f} ms each way (median of {ROUNDS})",
        figures,
    )
    return (
        report(
            f"Command line send, whole process, {DELAY * 1000:.0f} ms link "
            f"(median of {ROUNDS} warm, {CLI_COLD_ROUNDS} cold)",
            cli_figures,
        )
        or failed
    )


def _rest_body(eml: bytes) -> str:
    """What ``curl`` posts: the JSON our REST transport sends for ``eml``."""
    return json.dumps(
        {
            "mime": eml.decode("ascii"),
            "recipients": ["bob@example.org"],
            "envelope": "ann@example.com",
            "dsn": {"notify": "FAILURE", "ret": "HDRS"},
            "inlinecss": False,
            "trackclicks": True,
            "trackopens": True,
            "trackbounces": True,
            "preventscam": False,
            "tags": [],
        }
    )


def _built(context: AppContext, draft: Draft) -> bytes:
    """The exact bytes our send builds for ``draft`` (queued, read back, removed)."""
    with context.postman() as postman:
        queued = postman.queue(draft)
        with postman.mailbox.message(queued.id).open() as reader:
            eml = reader.read()
        postman.mailbox.delete(queued.id)
    return eml


def _measure_cli(
    context: AppContext,
    smtp: Profile,
    rest: Profile,
    msmtp_argv: list[str],
    curl_argv: list[str],
    body_path: Path,
    folder: Path,
) -> list[Figure]:
    """``smtpeter-desktop send`` as a whole process, against msmtp and curl as processes."""
    letter = folder / "letter.md"
    letter.write_text(LETTER, encoding="utf-8")
    eml = _built(context, _draft(smtp, LETTER))
    letter_json = folder / "letter.json"
    letter_json.write_text(_rest_body(_built(context, _draft(rest, LETTER))))
    curl_letter = [f"@{letter_json}" if arg == f"@{body_path}" else arg for arg in curl_argv]
    env = process_env({"SMTPETER_DESKTOP_HOME": str(context.home)})

    def send(profile: Profile) -> list[str]:
        secret = "--token-stdin" if profile.transport == "rest" else "--password-stdin"
        return [
            *COMMAND,
            "send",
            "--profile",
            profile.name,
            "--from",
            "Ann <ann@example.com>",
            "--to",
            "bob@example.org",
            "--subject",
            "Benchmark",
            "--markdown",
            str(letter),
            secret,
            "--yes",
        ]

    secret = b"bench-secret\n"
    ours = {"SMTP": send(smtp), "REST": send(rest)}
    references = {
        "SMTP": (msmtp_argv, eml, "msmtp", 1.3),
        "REST": (curl_letter, None, "curl", 2.5),
    }
    for argv in ours.values():  # compiles the bytecode, and checks that it sends
        run_process(argv, env, secret)
    figures = []
    for kind, argv in ours.items():
        reference_argv, reference_in, reference_name, goal = references[kind]
        warm_ours, warm_reference, cold_ours = [], [], []
        for _ in range(ROUNDS):  # alternating, so drift on the machine hits both alike
            warm_ours.append(run_process(argv, env, secret))
            warm_reference.append(run_process(reference_argv, env, reference_in))
        for _ in range(CLI_COLD_ROUNDS):
            forget_bytecode()
            cold_ours.append(run_process(argv, env, secret))
        cost = _imports_of(argv, env, secret, folder)
        figures += [
            process_figure(
                f"`send`, {kind}, warm",
                warm_ours,
                warm_reference,
                reference_name,
                goal,
                cost.text(),
            ),
            process_figure(
                f"`send`, {kind}, cold", cold_ours, warm_reference, reference_name, None
            ),
        ]
    return figures


# Runs the command as the installed script does, then lists the modules it loaded, in order.
_LISTING = """\
import sys
from smtpeter_desktop.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\\n".join(sys.modules))
"""


def _imports_of(argv: list[str], env: dict[str, str], stdin: bytes, folder: Path) -> ImportCost:
    """What a send's imports cost: the modules a real send loads, imported again in the order
    it loaded them, by one thread under ``-X importtime``. (The send itself imports on three
    threads, the main one, the one connecting ahead and the one sending, whose
    ``-X importtime`` lines interleave and cannot be told apart.)"""
    listed = folder / "modules.txt"
    done = subprocess.run(
        [sys.executable, "-c", _LISTING, str(listed), *argv[len(COMMAND) :]],
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise SystemExit(f"listing the modules of {' '.join(argv)} failed: {done.stderr!r}")
    names = [
        name
        for name in listed.read_text(encoding="utf-8").split("\n")
        if name and name != "__main__" and not name.endswith(".__main__")
    ]
    imports = "".join(f"try:\n    import {name}\nexcept Exception:\n    pass\n" for name in names)
    return import_cost(["-c", imports], env)


if __name__ == "__main__":
    sys.exit(main())
