"""``merge``: one Markdown message, a list of people, each their own mail.

    smtpeter-desktop merge --profile P --markdown body.md --subject "Hi {$first}" \\
        --data people.csv [--address-column C] [--name "{$first} {$last}"] [--pace 60/min] \\
        [--test-to ADDR [--test-row N]] [--dry-run] [--skip-bad-rows] [--results out.csv] [--yes]

Every row is checked before anything is sent; then each row is queued as its own message in
one merge job and sent at the pace. Ctrl+C pauses after the row being sent; running the
same command again resumes the job (after a quit or a crash too), never sending a row
twice. Its arguments are in ``arguments``; the send path is imported when the command runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from smtpeter_desktop import APP_SLUG
from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, UsageError
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.compose.merge import RowResult
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.merge import MergePlan
    from smtpeter_desktop.delivery.merge_runner import Progress
    from smtpeter_desktop.delivery.pace import Pace
    from smtpeter_desktop.storage.profiles import Profile


def run(args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli.build import draft_from_args
    from smtpeter_desktop.delivery.merge import MergePlan, MergeSetup
    from smtpeter_desktop.delivery.pace import Pace, PaceError, parse_pace

    try:
        pace = Pace(parse_pace(args.pace))
    except PaceError as exc:
        raise UsageError(str(exc)) from None
    if args.test_row is not None and not args.test_to:
        raise UsageError(translate("cli.merge", "--test-row goes with --test-to"))
    args.data = Path(args.data)
    args.results = Path(args.results) if args.results else None
    if not args.data.is_file():
        raise UsageError(
            translate("cli.merge", "the list {data} does not exist or is not a file").format(
                data=args.data
            )
        )
    for name in ("to", "cc", "bcc", "reply_to"):
        setattr(args, name, [])
    template = draft_from_args(args, sys.stdin)
    with common.app_context() as context:
        profile = context.profiles.get(args.profile)
        sender = common.sender_of(template.sender, profile)
        options = profile.options
        if args.tag:
            options = dataclasses.replace(
                options, tags=tuple(dict.fromkeys((*options.tags, *args.tag)))
            )
        draft = dataclasses.replace(template, profile=profile.id, sender=sender, options=options)
        setup = MergeSetup(
            draft,
            args.data.resolve(),
            name_template=args.name,
            address_column=args.address_column,
            skip_bad_rows=args.skip_bad_rows,
            pace=pace.per_minute,
        )
        plan = MergePlan.open(setup)
        if args.dry_run:
            return _dry_run(plan, sys.stdout)
        if args.cancel:
            return _cancel(context, profile, plan)
        if args.test_to:
            return _test(context, profile, plan, args)
        return _send(context, profile, plan, pace, args)


def _dry_run(plan: MergePlan, out: TextIO) -> int:
    print(f"{'ROW':>6}  {'ADDRESS':<40}  {'STATE':<11}  PROBLEMS", file=out)

    def show(result: RowResult) -> None:
        if result.already_sent:
            state = translate("cli.merge", "sent before")
        elif result.ok:
            state = "ok"
        else:
            state = "problem"
        problems = " ".join(p.removeprefix(f"Row {result.row.number}: ") for p in result.problems)
        print(f"{result.row.number:>6}  {result.address:<40}  {state:<11}  {problems}", file=out)

    report = plan.check_all(show)
    print(
        translate("cli.merge", "{summary}. Nothing was sent (--dry-run).").format(
            summary=report.summary()
        ),
        file=out,
    )
    return EXIT_OK if report.sendable else EXIT_BAD_INPUT


def _test(context: AppContext, profile: Profile, plan: MergePlan, args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli import interrupt
    from smtpeter_desktop.cli.report import print_outcome
    from smtpeter_desktop.compose import addresses

    addresses.parse_address(args.test_to, "--test-to")
    number = args.test_row
    if number is None:
        first = next(plan.check(limit=2), None)
        if first is None:
            raise UsageError(
                translate("cli.merge", "the list {name} has no rows").format(
                    name=plan.setup.list_path.name
                )
            )
        number = first.row.number
    draft = plan.test_draft(number, args.test_to)
    with interrupt.cancel_on_interrupt() as interrupts:
        with context.postman() as postman:
            queued = postman.queue(draft)
        outcome = interrupt.send(context, queued.id, interrupts, None)
    print(
        translate("cli.merge", "Test of row {number} to {test_to}:").format(
            number=number, test_to=args.test_to
        ),
        file=sys.stdout,
    )
    code = print_outcome(outcome, profile.name, sys.stdout, sys.stderr, subject=draft.subject)
    return interrupt.exit_code(interrupts, outcome, code)


def _cancel(context: AppContext, profile: Profile, plan: MergePlan) -> int:
    from smtpeter_desktop.delivery.merge_runner import MergeRunner

    with context.postman() as postman:
        runner = MergeRunner(postman)
        found = runner.unfinished_for(plan)
        if not found:
            raise UsageError(
                translate(
                    "cli.merge", "this merge is not waiting to go on: there is nothing to cancel"
                )
            )
        for job in found:
            left = runner.cancel(job.id)
            counts = runner.progress_of(job.id).counts
            print(
                translate(
                    "cli.merge", "Cancelled merge {id}: {sent:,} sent, {left:,} not sent."
                ).format(id=job.id, sent=counts.sent, left=left)
            )
    return EXIT_OK


def _confirm(report_text: str, profile: Profile, args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(
            translate("cli.merge", "{report_text}. Not sent: add --yes to send them.").format(
                report_text=report_text
            ),
            file=sys.stderr,
        )
        return False
    question = translate("cli.merge", "{report}. Send them through {profile}? [y/N] ")
    answer = input(question.format(report=report_text, profile=profile.name))
    # "y" always works; the translation of "yes" too (Dutch: j, ja).
    yes = {"y", "yes", translate("cli.merge", "y"), translate("cli.merge", "yes")}
    return answer.strip().lower() in yes


class _ProgressLine:
    """``Sending… 312 of 1,200, 2 failed`` on one line of a terminal; quiet when redirected."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = False

    def __call__(self, progress: Progress) -> None:
        if not self.stream.isatty():
            return
        self.stream.write(
            # Back to the line's start and clear it (a terminal's codes, not text to translate).
            "\r\x1b[K" + translate("cli.merge", "Sending… {text}").format(text=progress.text())
        )
        self.stream.flush()
        self.shown = True

    def end(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def _send(
    context: AppContext,
    profile: Profile,
    plan: MergePlan,
    pace: Pace,
    args: argparse.Namespace,
) -> int:
    from smtpeter_desktop.cli.common import (
        EXIT_INTERRUPTED,
        EXIT_REJECTED,
        EXIT_TEMPORARY,
        EXIT_UNKNOWN,
    )
    from smtpeter_desktop.cli.report import exit_code
    from smtpeter_desktop.delivery.merge_runner import MergeRunner
    from smtpeter_desktop.delivery.names import CancelToken
    from smtpeter_desktop.delivery.pace import describe

    with context.postman() as postman:
        runner = MergeRunner(postman)
        resumed = runner.unfinished_for(plan)
        report = None
        if resumed:
            counts = runner.progress_of(resumed[0].id).counts
            what = translate(
                "cli.merge", "Merge {id} was stopped with {count:,} rows left to send"
            ).format(id=resumed[0].id, count=counts.open)
        else:
            report = plan.check_all()
            what = report.summary()
            if report.bad and not plan.setup.skip_bad_rows:
                for problem in report.problems:
                    print(problem, file=sys.stderr)
                if report.bad > len(report.problems):
                    print(
                        translate("cli.merge", "…and more: {bad:,} rows have problems.").format(
                            bad=report.bad
                        ),
                        file=sys.stderr,
                    )
                print(
                    translate(
                        "cli.merge",
                        "Nothing was sent: {bad:,} of {rows:,} rows have problems. Correct them, "
                        "or add --skip-bad-rows.",
                    ).format(bad=report.bad, rows=report.rows),
                    file=sys.stderr,
                )
                return EXIT_BAD_INPUT
        if not _confirm(f"{what} (pace: {describe(pace.per_minute)})", profile, args):
            return EXIT_BAD_INPUT
        job = runner.prepare(plan, report=report)
        stop = CancelToken()
        line = _ProgressLine(sys.stderr)

        def interrupted(signum: int, frame: object) -> None:
            signal.signal(signal.SIGINT, previous)  # a second Ctrl+C ends at once
            stop.cancel()

        previous = signal.signal(signal.SIGINT, interrupted)
        try:
            ended = runner.run(job, pace=pace, progress=line, stop=stop)
        finally:
            signal.signal(signal.SIGINT, previous)
            line.end()
        if args.results:
            runner.write_results(job, plan, args.results)
        counts = ended.counts
        print(
            translate("cli.merge", "Merge {job}: {text} sent through {name}.").format(
                job=job, text=ended.text(), name=profile.name
            ),
            file=sys.stdout,
        )
        if args.results:
            print(
                translate("cli.merge", "Results: {results}").format(results=args.results),
                file=sys.stdout,
            )
        if ended.stopped_by is not None:
            print(
                translate(
                    "cli.merge", "Paused: {text} Then run the same command again to go on."
                ).format(text=ended.stopped_by.text),
                file=sys.stderr,
            )
            return exit_code(ended.stopped_by)
        if stop.cancelled:
            print(
                translate("cli.merge", "Paused: run the same command again to go on."),
                file=sys.stderr,
            )
            return EXIT_INTERRUPTED
        if counts.unknown:
            print(
                translate(
                    "cli.merge",
                    "{unknown:,} rows may or may not have gone out: look in “{APP_SLUG} "
                    "outbox” before sending them again.",
                ).format(unknown=counts.unknown, APP_SLUG=APP_SLUG),
                file=sys.stderr,
            )
            return EXIT_UNKNOWN
        if counts.open:
            print(
                translate(
                    "cli.merge", "{open:,} rows wait to be tried again: run the same command later."
                ).format(open=counts.open),
                file=sys.stderr,
            )
            return EXIT_TEMPORARY
        if counts.failed:
            return EXIT_REJECTED
        return EXIT_OK
