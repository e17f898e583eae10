"""The Before-Send check in the window: run off the GUI thread, shown in a side panel.

``CheckRunner`` runs ``delivery.before_send.check`` on the task pool in two parts: the quick
checks (the draft, SMTPeter's changes, HTML, links, parts, the sender domain) and, apart from
them, SpamAssassin, which takes a second or two: the quick findings show at once, the spam
score follows. ``CheckPanel`` is the panel beside the compose pane's editor:

    Before Send                                   [Check Again] [Hide]
    1 problem blocks sending · 2 warnings · HTML 86/100 · spam 1.2 (spam from 5.0)
    Sender domain
      ✗ example.com is a sender domain of this account, but …
        What to do: Add the TXT record …
        · clicks.example.com  CNAME  …
    Links …

``BeforeSend`` (the controller the window makes) ties the two to the pane's Check button,
to Send (Settings ▸ "Check before sending") and to the preview's recipient mode.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection.findings import Finding, Report, Severity, ordered
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.domaincache import FILE_NAME as CACHE_FILE
from smtpeter_desktop.storage.domaincache import DomainCache
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.lists import Tone
from smtpeter_desktop.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.before_send import BeforeSend
    from smtpeter_desktop.delivery.context import AppContext

    from smtpeter_desktop.ui.compose_pane import ComposePane
    from smtpeter_desktop.ui.preview import PreviewPane

log = logging.getLogger(__name__)

CHECK_ORDER = ("message", "domain", "smtpeter", "compatibility", "links", "spam", "parts")
"""The checks in the order the panel lists them; :func:`check_name` gives each one's heading."""


def check_name(check: str) -> str:
    """A check's heading in the panel, in the user's language."""
    # Built on each call, not at import: the language is only known once the app runs.
    names = {
        "message": translate("check_panel", "The message"),
        "domain": translate("check_panel", "Sender domain"),
        "smtpeter": translate("check_panel", "What SMTPeter will change"),
        "compatibility": translate("check_panel", "HTML in mail programs"),
        "links": translate("check_panel", "Links"),
        "spam": translate("check_panel", "Spam score"),
        "parts": translate("check_panel", "Size and parts"),
    }
    return names.get(check, check.capitalize())


# SPAM_MISSING reads as a constant but is translated each time it is read (the module's
# __getattr__), never at import, when the user's language is not known yet.
if TYPE_CHECKING:
    SPAM_MISSING: str
else:

    def __getattr__(name: str) -> str:
        if name == "SPAM_MISSING":
            return translate(
                "check_panel", "SpamAssassin is not installed: apt install spamassassin"
            )
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Elements are records and rules: kept as written (DNS records align on two spaces).
_ELEMENT_STYLE = "margin:1px 0 0 16px; font-family:monospace; white-space:pre-wrap"
_MARKS = {Severity.BLOCKS: "✗", Severity.WARNS: "!", Severity.INFO: "i"}
_TONES = {Severity.BLOCKS: Tone.BAD, Severity.WARNS: Tone.WAIT, Severity.INFO: Tone.NEUTRAL}


class CheckFailed(Exception):
    """The check could not run at all; ``str()`` says why and what to do."""


def quick_check(
    context: AppContext, draft: Draft, *, refresh: bool, link_check: bool
) -> BeforeSend:
    """Every check but SpamAssassin, for a pool thread. Raises ``CheckFailed``."""
    # Here, on the pool thread: ~100 ms (httpx, the REST transport, the link and spam checks)
    # that the compose pane, which imports this module, would otherwise add to the start.
    from smtpeter_desktop.delivery import before_send

    if not draft.profile:
        raise CheckFailed(
            translate("check_panel", "Choose the From address first: the check needs its account.")
        )
    try:
        profile = context.profiles.get(draft.profile)
    except StorageError as exc:
        raise CheckFailed(lists.reason_text(exc.message, exc.hint)) from exc
    secret: str | None = None
    check_token: str | None = None
    if not profile.sandbox:
        try:
            secret = context.secrets.get(profile.id)
            check_token = before_send.check_token_for(profile, context.secrets)
        except StorageError as exc:
            # The other checks still run; the domain check says it had no token.
            log.info("No secret for the check of %s: %s", profile.id, exc.message)
    cache = DomainCache(context.home / CACHE_FILE)
    return before_send.check(
        draft,
        profile,
        secret,
        sandbox=context.sandbox,
        check_token=check_token,
        cache=cache,
        refresh=refresh,
        spam_check=False,
        link_check=link_check,
    )


def spam_check(draft: Draft) -> Report:
    """SpamAssassin's part alone: its findings, score and threshold (for a pool thread)."""
    from smtpeter_desktop.compose import mime  # MIME building (the email package): ~15 ms
    from smtpeter_desktop.inspection import run, spam  # see quick_check

    built = draft
    if not (draft.to.strip() or draft.cc.strip() or draft.bcc.strip()):
        built = dataclasses.replace(draft, to=run.STAND_IN_RECIPIENT)
    try:
        raw, _ = mime.build_bytes(built)
    except ComposeError:
        return Report()  # the quick checks say why it cannot be built
    found, verdict = spam.check(raw)
    return Report(
        findings=ordered(found),
        spam_score=verdict.score if verdict else None,
        spam_threshold=verdict.threshold if verdict else None,
    )


def merged(quick: BeforeSend, spam_part: Report | None) -> BeforeSend:
    """The quick result with SpamAssassin's findings and score added."""
    if spam_part is None:
        return quick
    report = dataclasses.replace(
        quick.report.with_findings(spam_part.findings),
        spam_score=spam_part.spam_score,
        spam_threshold=spam_part.spam_threshold,
    )
    return dataclasses.replace(quick, report=report)


def summary(report: Report, *, spam_done: bool) -> str:
    """The panel's one line: what blocks, what warns, the HTML score, the spam score."""
    blocks, warns = len(report.of(Severity.BLOCKS)), len(report.of(Severity.WARNS))
    parts = []
    if blocks:
        # One and many as two texts, each a plain two-argument call that pyside6-lupdate
        # extracts (it skips a call with n=); English and Dutch have just these two forms.
        parts.append(
            translate("check_panel", "1 problem blocks sending")
            if blocks == 1
            else translate("check_panel", "{count} problems block sending").format(count=blocks)
        )
    if warns:
        parts.append(
            translate("check_panel", "1 warning")
            if warns == 1
            else translate("check_panel", "{count} warnings").format(count=warns)
        )
    if not parts:
        parts.append(translate("check_panel", "Nothing blocks sending"))
    if report.compatibility_score is not None:
        parts.append(
            translate("check_panel", "HTML compatibility {score}/100").format(
                score=report.compatibility_score
            )
        )
    if not spam_done:
        parts.append(translate("check_panel", "spam score: checking…"))
    elif report.spam_score is not None:
        score = f"{report.spam_score:.1f}"
        if report.spam_threshold:
            parts.append(
                translate("check_panel", "spam score {score} (spam from {threshold})").format(
                    score=score, threshold=f"{report.spam_threshold:.1f}"
                )
            )
        else:
            parts.append(translate("check_panel", "spam score {score}").format(score=score))
    elif "spam-unavailable" in report.codes():
        parts.append(
            translate("check_panel", "SpamAssassin is not installed: apt install spamassassin")
        )
    if report.size:
        parts.append(lists.size_text(report.size))
    return " · ".join(parts)


def findings_html(report: Report, palette_colors: dict[Tone, str]) -> str:
    """The findings grouped by check, as the panel's rich text."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.check, []).append(finding)
    order = [*CHECK_ORDER, *(c for c in groups if c not in CHECK_ORDER)]
    out = []
    for check in order:
        found = groups.get(check)
        if not found:
            continue
        out.append(f"<h4 style='margin-top:10px; margin-bottom:2px'>{_e(check_name(check))}</h4>")
        for finding in found:
            color = palette_colors[_TONES[finding.severity]]
            out.append(
                f"<p style='margin:4px 0 0 0'><b style='color:{color}'>"
                f"{_MARKS[finding.severity]}</b>&nbsp; {_e(finding.message)}</p>"
            )
            if finding.advice:
                what_to_do = _e(translate("check_panel", "What to do:"))
                out.append(
                    f"<p style='margin:2px 0 0 16px'><i>{what_to_do}</i> {_e(finding.advice)}</p>"
                )
            for element in finding.elements[:12]:
                out.append(f"<p style='{_ELEMENT_STYLE}'>· {_e(element)}</p>")
            if len(finding.elements) > 12:
                more = translate("check_panel", "… and {count} more").format(
                    count=len(finding.elements) - 12
                )
                out.append(f"<p style='margin:1px 0 0 16px'>{_e(more)}</p>")
    return "\n".join(out)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


class CheckPanel(QWidget):
    """The findings of the last check, grouped by check, with "Check Again".

    Signals:
        again(): "Check Again" was clicked (ask SMTPeter afresh).
        closed(): the panel's close button was clicked.
    """

    again = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self.setAccessibleName(translate("CheckPanel", "Before-send check"))
        self.report: Report | None = None
        self.spam_done = False
        self.title = lists.heading(translate("CheckPanel", "Before Send"), self)
        self.again_button = QPushButton(translate("CheckPanel", "Check A&gain"), self)
        self.again_button.setAccessibleName(translate("CheckPanel", "Check again"))
        self.again_button.setToolTip(
            translate(
                "CheckPanel",
                "Run every check again, asking SMTPeter afresh about the sender domain",
            )
        )
        self.again_button.clicked.connect(self.again.emit)
        self.close_button = QToolButton(self)
        self.close_button.setText(translate("CheckPanel", "Hide"))
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(translate("CheckPanel", "Close the check"))
        self.close_button.setToolTip(translate("CheckPanel", "Close the check"))
        self.close_button.clicked.connect(self.closed.emit)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(translate("CheckPanel", "Check summary"))
        self.findings = QTextBrowser(self)
        self.findings.setAccessibleName(translate("CheckPanel", "Check findings"))
        self.findings.setOpenLinks(False)
        self.findings.setFrameShape(QTextBrowser.Shape.NoFrame)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title, 1)
        top.addWidget(self.again_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.findings, 1)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)

    def checking(self) -> None:
        """A check began: say so, and keep the last findings greyed until the new ones come."""
        self.setVisible(True)
        self.report = None
        self.spam_done = False
        self.again_button.setEnabled(False)
        self._say(
            translate(
                "CheckPanel",
                "Checking… (the sender domain, links, HTML, size, then the spam score)",
            ),
            None,
        )
        self.findings.setEnabled(False)

    def show_quick(self, result: BeforeSend) -> None:
        """The quick checks are in; SpamAssassin still runs."""
        self._show(result.report, spam_done=False)

    def show_result(self, result: BeforeSend) -> None:
        """Every check is in."""
        self.again_button.setEnabled(True)
        self._show(result.report, spam_done=True)

    def fail(self, text: str) -> None:
        """The check could not run: why, in words."""
        self.setVisible(True)
        self.again_button.setEnabled(True)
        self.findings.setEnabled(True)
        self.findings.clear()
        self._say(text, Tone.BAD)

    def text(self) -> str:
        """The summary and the findings as plain text, for tests and copying."""
        return f"{self.status.text()}\n{self.findings.toPlainText()}"

    def _show(self, report: Report, *, spam_done: bool) -> None:
        self.report = report
        self.spam_done = spam_done
        self.findings.setEnabled(True)
        tone = Tone.BAD if report.blocks else Tone.WAIT if report.of(Severity.WARNS) else Tone.GOOD
        self._say(summary(report, spam_done=spam_done), tone)
        palette = self.palette()
        colors = {t: lists.tone_color(palette, t).name() for t in Tone}
        body = findings_html(report, colors)
        if not report.findings:
            body = "<p>{}</p>".format(
                _e(translate("CheckPanel", "Every check passed: nothing to fix."))
            )
        self.findings.setHtml(body)

    def _say(self, text: str, tone: Tone | None) -> None:
        self.status.setText(text)
        lists.paint(self.status, tone)


class CheckRunner(QObject):
    """Runs the check in two tasks (quick, then SpamAssassin apart) and reports each part.

    Signals:
        quick_done(object): the quick checks' ``BeforeSend`` (always before ``done``).
        done(object): the whole ``BeforeSend``, SpamAssassin's part merged in.
        failed(str): the check could not run, in words.
    """

    quick_done = Signal(object)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks: list[Task[object]] = []
        self._quick: BeforeSend | None = None
        self._spam: Report | None = None
        self._spam_pending = False
        self._quick_pending = False
        self.last: BeforeSend | None = None

    def is_running(self) -> bool:
        return self._quick_pending or self._spam_pending

    def start(self, draft: Draft, *, refresh: bool = False) -> None:
        """Check ``draft`` (a running check is dropped: its answers never show)."""
        for task in self._tasks:
            task.discard()
        self._quick = None
        self._spam = None
        self._quick_pending = self._spam_pending = True
        context = self._context
        link_check = context.settings.get(settings.CHECK_LINKS_ONLINE)
        quick: Task[BeforeSend] = run_task(
            lambda: quick_check(context, draft, refresh=refresh, link_check=link_check),
            self._on_quick,
            self._on_error,
            parent=self,
        )
        slow: Task[Report] = run_task(
            lambda: spam_check(draft), self._on_spam, self._on_spam_error, parent=self
        )
        self._tasks = [quick, slow]  # type: ignore[list-item]  # only discard() is used

    def _on_quick(self, result: BeforeSend) -> None:
        self._quick_pending = False
        self._quick = result
        self.quick_done.emit(result)
        if not self._spam_pending:
            self._finish()

    def _on_spam(self, report: Report) -> None:
        self._spam_pending = False
        self._spam = report
        if not self._quick_pending and self._quick is not None:
            self._finish()

    def _on_spam_error(self, error: BaseException) -> None:
        log.warning("SpamAssassin's check failed", exc_info=error)
        text = translate(
            "CheckRunner", "SpamAssassin could not check the message: {reason}"
        ).format(reason=error)
        self._on_spam(Report(findings=(Finding("spam", "spam-failed", Severity.INFO, text),)))

    def _on_error(self, error: BaseException) -> None:
        self._quick_pending = False
        for task in self._tasks:
            task.discard()
        self._spam_pending = False
        if isinstance(error, CheckFailed):
            self.failed.emit(str(error))
            return
        log.error("The before-send check failed", exc_info=error)
        self.failed.emit(
            translate(
                "CheckRunner",
                "The check stopped with an error it did not expect ({kind}). "
                "The log folder (Help ▸ Open Log Folder) has the details.",
            ).format(kind=type(error).__name__)
        )

    def _finish(self) -> None:
        assert self._quick is not None
        self.last = merged(self._quick, self._spam)
        self.done.emit(self.last)


SendGoOn = Callable[[list[str]], None]
"""Continues a send with the check's warnings (sentences) for the pre-send question."""


class RecipientView(QObject):
    """The preview's "As the recipient will get it" mode: a toggle over the live preview
    that shows ``before_send.recipient_preview`` (tracked links, the open pixel, inlined
    style) instead of the HTML as written; it follows each new render while on."""

    shown = Signal()

    def __init__(self, preview: PreviewPane, draft: Callable[[], Draft], parent: QObject):
        super().__init__(parent)
        self._preview = preview
        self._draft = draft
        self.result: BeforeSend | None = None
        self._task: Task[str] | None = None
        self.toggle = QCheckBox(translate("RecipientView", "As the recipient will get it"), preview)
        self.toggle.setAccessibleName(translate("RecipientView", "As the recipient will get it"))
        self.toggle.setToolTip(
            translate(
                "RecipientView",
                "Show the message as SMTPeter will deliver it: links rewritten for click "
                "tracking, the open-tracking pixel, style inlined (as the options say)",
            )
        )
        self.toggle.toggled.connect(self._on_toggled)
        self.browser = QTextBrowser(preview)
        self.browser.setAccessibleName(
            translate("RecipientView", "Preview as the recipient will get it")
        )
        self.browser.setOpenLinks(False)
        self.browser.setVisible(False)
        layout = preview.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.toggle, 0, Qt.AlignmentFlag.AlignRight)
            layout.insertWidget(2, self.browser, 1)
        preview.updated.connect(self.refresh)

    def is_on(self) -> bool:
        return self.toggle.isChecked()

    def set_result(self, result: BeforeSend) -> None:
        """A check ran: links go through its sender domain's tracking host from now on."""
        self.result = result
        self.refresh()

    def refresh(self, *_: object) -> None:
        if not self.is_on():
            return
        if self._task is not None:
            self._task.discard()
        draft, result = self._draft(), self.result

        def preview() -> str:
            from smtpeter_desktop.delivery import before_send  # see quick_check

            return before_send.recipient_preview(draft, result)

        self._task = run_task(
            preview,
            self._show,
            self._failed,
            parent=self,
        )

    def _on_toggled(self, on: bool) -> None:
        self._preview.browser.setVisible(not on)
        self.browser.setVisible(on)
        if on:
            self.refresh()

    def _show(self, page: str) -> None:
        self._task = None
        bar = self.browser.verticalScrollBar()
        keep = bar.value()
        self.browser.setHtml(page)
        bar.setValue(keep)
        self.shown.emit()

    def _failed(self, error: BaseException) -> None:
        self._task = None
        message = getattr(error, "message", "") or str(error)
        self.browser.setPlainText(
            translate("RecipientView", "The message cannot be shown yet: {reason}").format(
                reason=message
            )
        )
        self.shown.emit()


class BeforeSendCheck(QObject):
    """The window's check: the pane's Check button and panel, Send's check, the preview mode.

    ``check_for_send(draft, go_on)`` is what Send calls when "Check before sending" is on:
    blocking findings show the panel and stop; otherwise ``go_on(warnings)`` continues the
    send with the check's warnings for the one pre-send question.
    """

    def __init__(self, context: AppContext, pane: ComposePane, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.pane = pane
        self.panel = pane.check_panel
        self.runner = CheckRunner(context, self)
        self.recipient = RecipientView(pane.preview, pane.draft, self)
        self._for_send: SendGoOn | None = None
        self.runner.quick_done.connect(self.panel.show_quick)
        self.runner.done.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self.panel.again.connect(lambda: self.check(refresh=True))
        self.panel.closed.connect(lambda: self.panel.setVisible(False))
        pane.check_requested.connect(self.check)

    def check(self, *, refresh: bool = False) -> None:
        """Check the draft now (the Check button, the menu, "Check Again")."""
        self._for_send = None
        self.panel.checking()
        self.runner.start(self.pane.draft(), refresh=refresh)

    def check_for_send(self, draft: Draft, go_on: SendGoOn) -> None:
        """Send's check: stop on blocking findings, else ``go_on`` with the warnings."""
        if self._for_send is not None:
            return  # Send was pressed again while its check runs
        self._for_send = go_on
        # What is checked is what goes: no edit (nor another check) until it is done.
        self.pane.set_busy(True)
        self.panel.checking()
        self.runner.start(draft)

    def _on_done(self, result: BeforeSend) -> None:
        self.panel.show_result(result)
        self.recipient.set_result(result)
        go_on, self._for_send = self._for_send, None
        if go_on is None:
            return
        self.pane.set_busy(False)
        if result.report.blocks:
            self.panel.setVisible(True)
            return
        # The draft's own questions are asked by Send already: only the rest is added.
        go_on([f.message for f in result.report.of(Severity.WARNS) if f.check != "message"])

    def _on_failed(self, text: str) -> None:
        self.panel.fail(text)
        if self._for_send is not None:
            self._for_send = None
            self.pane.set_busy(False)
