"""Open the outbox, sent or accounts pane (or the account dialog) alone, with sample content.

    python -m tests.ui.show_panes --show outbox              # a window to try
    xvfb-run -a -s "-screen 0 1400x900x24" python -m tests.ui.show_panes \\
        --show sent --dark --screenshot /tmp/sent.png

Everything lives in a temporary home: real sandboxes on loopback (with fault rules, to make
each outbox state), real sends through the Postman, and a private Secret Service, so the
person's own keyring and mail are never touched.

``--show``: ``outbox``, ``sent`` (a REST message with its delivery events), ``sent-smtp``,
``viewer`` (the captured sandbox message), ``accounts`` (with a connection test shown),
``dialog-smtp`` (editing an account whose password is stored), ``dialog-rest`` (a new REST
account), ``dialog-test`` (a failed log-in in the test), ``dialog-keyring`` (no keyring).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox, SandboxConfig
from smtpeter_desktop.storage.profiles import Identity, Profile
from tests.helpers.secret_service import running_secret_service
from tests.ui.show_compose import dark_palette

from smtpeter_desktop.ui import tasks
from smtpeter_desktop.ui.accounts_pane import AccountsPane
from smtpeter_desktop.ui.outbox_pane import OutboxPane
from smtpeter_desktop.ui.sent_pane import SentPane

USER = "ann@copernica.example"
PASSWORD = "sample password"
TOKEN = "sample-token-1234"
BODY = """\
# Quarterly update

Hello team,

here are the **numbers** for Q3; the details are in the attached PDF.

![Chart](chart.png)

| Region | Revenue | Growth |
|--------|--------:|-------:|
| Europe | €1.2M   | 12%    |
| Asia   | €0.8M   | 31%    |

Regards,
Ann
"""
SHOWS = (
    "outbox",
    "sent",
    "sent-smtp",
    "viewer",
    "accounts",
    "dialog-smtp",
    "dialog-rest",
    "dialog-test",
    "dialog-keyring",
)


class Sample:
    """A home with two accounts on sandboxes, and messages in every state."""

    def __init__(self, home: Path, stack: contextlib.ExitStack) -> None:
        self.home = home
        self.smtp_box = self._sandbox(stack, home / "smtp-sandbox", users={USER: PASSWORD})
        self.rest_box = self._sandbox(stack, home / "rest-sandbox", token=TOKEN)
        self.context = AppContext.open(home / "app")
        stack.callback(self.context.close)
        profiles = self.context.profiles
        self.smtp = profiles.add(
            Profile.create(
                "Work",
                "smtp",
                host="127.0.0.1",
                port=self.smtp_box.smtp_port,
                username=USER,
                ca_file=str(self.smtp_box.ca_file),
                identities=(
                    Identity("Ann Lee", USER, "support@copernica.example"),
                    Identity("Sales team", "sales@copernica.example"),
                ),
                options=SmtpeterOptions(track_opens=False, tags=("work",)),
            )
        )
        self.rest = profiles.add(
            Profile.create(
                "Newsletter",
                "rest",
                rest_url=self.rest_box.rest_base_url,
                ca_file=str(self.rest_box.ca_file),
                identities=(Identity("Copernica news", "news@copernica.example"),),
            )
        )
        self.context.secrets.set(self.smtp.id, PASSWORD)
        self.context.secrets.set(self.rest.id, TOKEN)
        self.sandbox = next(p for p in profiles.load() if p.sandbox)
        self.files = home / "files"
        self.files.mkdir()
        chart = QImage(480, 140, QImage.Format.Format_RGB32)
        chart.fill(QColor("#ffffff"))
        painter = QPainter(chart)
        for index, (height, color) in enumerate(
            ((60, "#0969da"), (100, "#1a7f37"), (130, "#bf8700"))
        ):
            painter.fillRect(40 + index * 150, 135 - height, 100, height, QColor(color))
        painter.end()
        chart.save(str(self.files / "chart.png"))
        (self.files / "Q3 report.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 180_000)

    @staticmethod
    def _sandbox(stack: contextlib.ExitStack, folder: Path, **settings: object) -> Sandbox:
        box = Sandbox(SandboxConfig(data_dir=folder, **settings)).start()  # type: ignore[arg-type]
        stack.callback(box.stop)
        return box

    def draft(self, profile: Profile, subject: str, to: str, **fields: object) -> Draft:
        sender = profile.identities[0]
        values: dict[str, object] = {
            "profile": profile.id,
            "sender": f"{sender.name} <{sender.address}>",
            "to": to,
            "subject": subject,
            "body": BODY,
            "base_dir": str(self.files),
        }
        values.update(fields)
        return Draft(**values)  # type: ignore[arg-type]

    def fill_outbox(self, postman: Postman) -> None:
        box = self.smtp_box
        for fault, subject, to in (
            ("auth=535", "Contract renewal 2027", "Bob Jansen <bob@example.org>"),
            ("after-data=451", "Team lunch on Friday", "team@copernica.example"),
            ("drop=after-data", "Invoice 2026-114", "Carla Smit <carla@example.net>"),
        ):
            box.faults.clear()
            box.faults.add(fault)
            postman.send(postman.queue(self.draft(self.smtp, subject, to)).id)
        box.faults.clear()
        postman.queue(
            self.draft(self.smtp, "Board minutes, draft 3", "board@copernica.example"), delay=900
        )

    def fill_sent(self, postman: Postman) -> dict[str, int]:
        self.rest_box.faults.add("fail=old@*")
        report = Attachment(str(self.files / "Q3 report.pdf"))
        ids = {
            "sandbox": postman.queue(
                self.draft(
                    self.sandbox,
                    "Quarterly update",
                    "Bob Jansen <bob@example.org>",
                    cc="carla@example.net",
                    bcc="archive@copernica.example",
                    attachments=(report,),
                )
            ).id,
            "smtp": postman.queue(
                self.draft(
                    self.smtp, "Re: Offer for the spring campaign", "Dirk <dirk@example.com>"
                )
            ).id,
            "rest": postman.queue(
                self.draft(
                    self.rest,
                    "November newsletter",
                    "reader@example.org, old@example.org",
                    options=SmtpeterOptions(tags=("newsletter", "november")),
                )
            ).id,
        }
        for id in ids.values():
            postman.send(id)
        postman.refresh_events(ids["rest"])
        return ids


def _settle(app: QApplication, ready: Callable[[], bool], then: Callable[[], None]) -> None:
    """Run ``then`` once ``ready()`` (or after 10 s), letting the layout settle a moment."""
    deadline = time.monotonic() + 10

    def poll() -> None:
        if ready() or time.monotonic() > deadline:
            QTimer.singleShot(300, then)
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def build(
    show: str, sample: Sample, parent_holder: list[QWidget]
) -> tuple[QWidget, Callable[[], bool]]:
    """The widget to show and when it is ready to be looked at."""
    context = sample.context
    with context.postman() as postman:
        if show == "outbox":
            sample.fill_outbox(postman)
        elif show in ("sent", "sent-smtp", "viewer"):
            ids = sample.fill_sent(postman)
    if show == "outbox":
        mail = context.postman(fail_fast=True)
        pane = OutboxPane(context, mail)
        pane.resize(1100, 680)
        for id, summary in pane._summaries.items():
            if summary.subject == "Contract renewal 2027":
                pane.select(id)
        return pane, lambda: True
    if show in ("sent", "sent-smtp", "viewer"):
        sent = SentPane(context, context.postman(fail_fast=True))
        sent.resize(1100, 720)
        sent.select(ids["rest" if show == "sent" else "smtp" if show == "sent-smtp" else "sandbox"])
        if show != "viewer":
            return sent, lambda: True
        parent_holder.append(sent)
        sent.captured_button.click()
        return sent, lambda: sent.viewer is not None
    accounts = AccountsPane(context)
    accounts.resize(1100, 620)
    if show == "accounts":
        accounts.select(sample.smtp.id)
        accounts.test_button.click()
        return accounts, lambda: accounts.check_view.verdict.text() not in ("", "Testing…")
    parent_holder.append(accounts)
    if show == "dialog-keyring":
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/bus"
    if show == "dialog-smtp":
        accounts.select(sample.smtp.id)
        dialog = accounts.edit_account()
        assert dialog is not None
        return dialog, lambda: dialog.password.placeholderText() != "Checking the keyring…"
    dialog = accounts.add_account()
    if show == "dialog-rest":
        dialog.name.setText("Marketing")
        dialog.rest_radio.setChecked(True)
        dialog.token.setText("typed-token")
        dialog.senders.item(0, 0).setText("Marketing")  # type: ignore[union-attr]
        dialog.senders.item(0, 1).setText("marketing@copernica.example")  # type: ignore[union-attr]
        dialog.options_section.set_open(True)
        return dialog, lambda: dialog.password.placeholderText() != "Checking the keyring…"
    dialog.name.setText("Home")
    dialog.host.setText("127.0.0.1")
    dialog.port.setText(str(sample.smtp_box.smtp_port))
    dialog.username.setText(USER)
    dialog.password.setText("wrong password")
    dialog.ca_file.setText(str(sample.smtp_box.ca_file))
    dialog.senders.item(0, 0).setText("Ann")  # type: ignore[union-attr]
    dialog.senders.item(0, 1).setText(USER)  # type: ignore[union-attr]
    if show == "dialog-test":
        sample.smtp_box.faults.add("auth=535")
        dialog.test_button.click()
        return dialog, lambda: dialog.check_view.verdict.text() not in ("", "Testing…")
    dialog.save_button.click()
    return dialog, lambda: not dialog.session_button.isHidden()


@contextlib.contextmanager
def _home() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="show-panes-") as temp:
        yield Path(temp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", default="outbox", choices=SHOWS)
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--screenshot", type=Path, help="save a picture and quit")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if args.dark:
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        if app.styleHints().colorScheme() != Qt.ColorScheme.Dark:
            app.setPalette(dark_palette())
    with _home() as home, running_secret_service() as service, contextlib.ExitStack() as stack:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.bus_address
        os.environ["SMTPETER_DESKTOP_HOME"] = str(home / "app")
        sample = Sample(home, stack)
        keep: list[QWidget] = []
        widget, ready = build(args.show, sample, keep)
        widget.setWindowTitle(f"SMTPeter Desktop — {args.show}")
        widget.show()
        if args.screenshot:

            def shoot() -> None:
                target: QWidget = widget
                if args.show == "viewer":
                    viewer = getattr(widget, "viewer", None)
                    target = viewer if viewer is not None else widget
                target.grab().save(str(args.screenshot))
                app.quit()

            _settle(app, ready, shoot)
        app.exec()
        for holder in (widget, *keep):
            shutdown = getattr(holder, "shutdown", None)
            if shutdown is not None:
                shutdown()
        tasks.wait_for_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
