"""Screenshots of the real window for the README: each pane and dialog with realistic content.

    make screenshots                 # runs this under Xvfb, into docs/screenshots/
    xvfb-run -a -s "-screen 0 1400x900x24" python tests/screenshots.py [--only NAME ...]

Each picture is taken from a real ``MainWindow`` started on a temporary home: real accounts
on sandboxes on loopback (and the built-in sandbox), real sends through the send worker, a
private Secret Service. Nothing touches the person's own mail, settings or keyring. A dialog
is drawn over the window where it would open (Xvfb has no window manager to place it).
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

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.storage import settings
from tests.helpers.secret_service import running_secret_service
from tests.ui.show_panes import Sample

from smtpeter_desktop.ui import appearance, merge_hooks, tasks, translations
from smtpeter_desktop.ui.compose_pane import ComposePane
from smtpeter_desktop.ui.main_window import MainWindow
from smtpeter_desktop.ui.merge_view import MergeWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1220, 800)
LAUNCH = """\
# Launch plan

We go live on **Monday 9:00**. Before then:

1. Freeze the website copy on Friday.
2. Send the press note on Monday morning.
3. Watch the `#launch` channel all day.

Thanks, Ann
"""
Q4 = """\
# The Q4 plan

A first outline, to talk about on Thursday:

- **October**: the customer survey
- **November**: the newsletter redesign
- **December**: the year review
"""
INVOICE = """\
Dear Carla,

Invoice **2026-114** for the November work comes to €2,450.00, due within 30 days.

Kind regards,
Ann Lee
"""


def wait(ready: Callable[[], bool], timeout: float = 20.0, settle_ms: int = 400) -> None:
    """Run the event loop until ``ready()`` (or the timeout), then a moment more for layout."""
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not ready() and time.monotonic() < deadline:
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    QTimer.singleShot(settle_ms, loop.quit)
    loop.exec()


def open_dialog() -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            return widget
    return None


def grab(window: MainWindow, dialog: QWidget | None = None) -> QPixmap:
    """The window, with ``dialog`` drawn over it, centred, on a slight shade."""
    picture = window.grab()
    if dialog is not None:
        shot = dialog.grab()
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 40))
        corner = QPoint(
            (picture.width() - shot.width()) // 2, (picture.height() - shot.height()) // 3
        )
        painter.fillRect(
            corner.x() - 1, corner.y() - 1, shot.width() + 2, shot.height() + 2, QColor("#888")
        )
        painter.drawPixmap(corner, shot)
        painter.end()
    return picture


class Scene:
    """A temporary home with sample accounts and files, and the window on it."""

    def __init__(self, home: Path, stack: contextlib.ExitStack, *, sample: bool = True) -> None:
        self.home = home
        self.sample = Sample(home, stack) if sample else None
        self.app_home = home / "app"
        self.window = MainWindow(self.app_home)
        stack.callback(self.close)
        self.window.resize(*SIZE)
        self.window.show()
        wait(lambda: self.window.isVisible(), settle_ms=50)
        self.window.start()
        wait(lambda: self.window.flow is not None, settle_ms=50)
        self.window.prefs.set(settings.UNDO_SEND_SECONDS, 0)

    @property
    def compose(self) -> ComposePane:
        assert self.window.compose is not None
        return self.window.compose

    def write(self, draft: Draft) -> None:
        self.compose.set_draft(draft)
        assert self.window.keeper is not None
        self.window.keeper.schedule()
        self.window.keeper.save_now()
        wait(lambda: self.compose.preview.rendered() is not None)

    def send_and_wait(self, text: str) -> None:
        self.window.send_action.trigger()
        wait(lambda: self.bar(text) is not None)

    def bar(self, text: str) -> QWidget | None:
        area = self.window.message_area
        return next((b for b in area.bars() if text in b.label.text()), None) if area else None

    def close(self) -> None:
        flow = self.window.flow
        if flow is not None and flow.has_work():
            flow.stop_all()
            wait(lambda: not flow.has_work(), settle_ms=0)
        self.window.shutdown()
        self.window.hide()
        self.window.deleteLater()
        tasks.wait_for_all()


def quarterly(scene: Scene, **fields: object) -> Draft:
    sample = scene.sample
    assert sample is not None
    report = Attachment(str(sample.files / "Q3 report.pdf"))
    chart = Attachment(str(sample.files / "chart.png"), inline=True)
    values: dict[str, object] = {
        "subject": "Quarterly update",
        "to": "Bob Jansen <bob@example.org>, Carla Smit <carla@example.net>",
        "attachments": (report, chart),
    }
    values.update(fields)
    return sample.draft(sample.smtp, **values)  # type: ignore[arg-type]


# The scenes -------------------------------------------------------------------------------


def first_start(scene: Scene) -> QPixmap:
    scene.compose.to.setText("Bob Jansen <bob@example.org>")
    scene.compose.subject.setText("Trying SMTPeter Desktop")
    scene.compose.editor.setPlainText(
        "# Hello Bob\n\nThis went to the **built-in sandbox**: it stays on my computer.\n"
    )
    wait(lambda: scene.compose.preview.rendered() is not None)
    return grab(scene.window)


def compose(scene: Scene) -> QPixmap:
    scene.write(quarterly(scene))
    return grab(scene.window)


def compose_dark(scene: Scene) -> QPixmap:
    return compose(scene)


def compose_narrow(scene: Scene) -> QPixmap:
    """A narrow window (half a small screen): the send buttons go under the tools."""
    scene.write(quarterly(scene))
    scene.window.resize(860, 760)
    wait(lambda: scene.window.width() <= 900)
    return grab(scene.window)


def sent_bar(scene: Scene) -> QPixmap:
    assert scene.sample is not None
    sandbox = scene.sample.sandbox
    scene.write(
        scene.sample.draft(
            sandbox,
            "Launch plan",
            to="Bob Jansen <bob@example.org>, team@copernica.example",
            body=LAUNCH,
        )
    )
    scene.send_and_wait("Sent “Launch plan”")
    scene.write(quarterly(scene, subject="Next: the Q4 plan", attachments=(), body=Q4))
    return grab(scene.window)


def undo(scene: Scene) -> QPixmap:
    scene.window.prefs.set(settings.UNDO_SEND_SECONDS, 10)
    scene.write(quarterly(scene))
    scene.window.send_action.trigger()
    wait(lambda: scene.bar("Sending “Quarterly update” in") is not None, settle_ms=1200)
    return grab(scene.window)


def progress(scene: Scene) -> QPixmap:
    assert scene.sample is not None and scene.window.flow is not None
    scene.sample.smtp_box.faults.add("delay=data:20")
    scene.write(quarterly(scene))
    scene.window.send_action.trigger()
    wait(lambda: scene.bar("Sending “Quarterly update”") is not None)
    # Held at 45 %: the sandbox answers slowly, and an upload this small is over at once.
    flow = scene.window.flow
    (id,) = flow._going
    flow._on_progress(id, 86_000, 191_000)
    wait(lambda: True, settle_ms=100)
    return grab(scene.window)


def failed(scene: Scene) -> QPixmap:
    assert scene.sample is not None
    scene.sample.smtp_box.faults.add("auth=535")
    scene.write(quarterly(scene))
    scene.send_and_wait("was not sent")
    return grab(scene.window)


def unknown(scene: Scene) -> QPixmap:
    assert scene.sample is not None
    scene.sample.smtp_box.faults.add("drop=after-data")
    scene.write(quarterly(scene, subject="Invoice 2026-114", attachments=(), body=INVOICE))
    scene.send_and_wait("It is not known")
    return grab(scene.window)


def presend(scene: Scene) -> QPixmap:
    scene.write(
        quarterly(scene, subject="", body="Hi all,\n\nsee the attached report.\n", attachments=())
    )
    scene.window.send_action.trigger()
    wait(lambda: open_dialog() is not None)
    return grab(scene.window, open_dialog())


def outbox(scene: Scene) -> QPixmap:
    assert scene.sample is not None and scene.window.outbox is not None
    with scene.window.context.postman() as postman:  # type: ignore[union-attr]
        scene.sample.fill_outbox(postman)
    scene.write(quarterly(scene))
    scene.window.show_pane("outbox")
    pane = scene.window.outbox
    pane.refresh()
    for id, summary in pane._summaries.items():
        if summary.subject == "Contract renewal 2027":
            pane.select(id)
    wait(lambda: True)
    return grab(scene.window)


def sent(scene: Scene) -> QPixmap:
    assert scene.sample is not None and scene.window.sent is not None
    with scene.window.context.postman() as postman:  # type: ignore[union-attr]
        ids = scene.sample.fill_sent(postman)
    scene.window.reveal("sent", ids["rest"])
    wait(lambda: True)
    return grab(scene.window)


def accounts(scene: Scene) -> QPixmap:
    assert scene.sample is not None and scene.window.accounts is not None
    pane = scene.window.accounts
    scene.window.show_pane("accounts")
    pane.select(scene.sample.smtp.id)
    pane.test_button.click()
    wait(lambda: pane.check_view.verdict.text() not in ("", "Testing…"))
    return grab(scene.window)


def account_dialog(scene: Scene) -> QPixmap:
    """Editing the SMTP account: its login, and the optional REST token for checks."""
    assert scene.sample is not None and scene.window.accounts is not None
    pane = scene.window.accounts
    scene.window.show_pane("accounts")
    pane.select(scene.sample.smtp.id)
    dialog = pane.edit_account()
    assert dialog is not None
    wait(lambda: "Checking" not in dialog.password.placeholderText())
    return grab(scene.window, dialog)


def settings_pane(scene: Scene) -> QPixmap:
    scene.window.show_pane("settings")
    wait(lambda: True)
    return grab(scene.window)


def drafts(scene: Scene) -> QPixmap:
    assert scene.sample is not None
    for subject, to in (
        ("Agenda for Monday", "team@copernica.example"),
        ("Re: Offer for the spring campaign", "Dirk <dirk@example.com>"),
    ):
        scene.write(scene.sample.draft(scene.sample.smtp, subject, to))
        scene.window.new_action.trigger()
    scene.write(quarterly(scene))
    scene.window.open_draft_action.trigger()
    wait(lambda: open_dialog() is not None)
    return grab(scene.window, open_dialog())


def crash_recovery(scene: Scene) -> QPixmap:
    """The next start after the window died while rendering a draft (as the marker says)."""
    import json

    from smtpeter_desktop.ui.recovery import MARKER_FILE

    scene.write(quarterly(scene, subject="Newsletter: the spring issue"))
    assert scene.window.keeper is not None
    id = scene.window.keeper.id
    scene.window.close()
    (scene.app_home / MARKER_FILE).write_text(
        json.dumps({"pid": 1, "draft": id, "rendering": True}), encoding="utf-8"
    )
    scene.window.deleteLater()
    scene.window = MainWindow(scene.app_home)
    scene.window.resize(*SIZE)
    scene.window.show()
    wait(lambda: scene.window.isVisible(), settle_ms=50)
    scene.window.start()
    wait(lambda: scene.window.banner("recovery") is not None)
    return grab(scene.window)


NEWSLETTER = """# The spring issue

Our new pricing is live: see [https://copernica.example/pricing](https://t.example.net/r?id=7)
or the old page at <http://copernica.example/prices> next to <https://copernica.example/faq>.

![](chart.png)

<video src="https://copernica.example/tour.mp4" controls></video>

Write to [the team](mailto:team@copernica,example).
"""


def check(scene: Scene) -> QPixmap:
    assert scene.sample is not None and scene.window.before_send is not None
    scene.sample.rest_box.faults.add("unapproved=copernica.example", "dns-error=dkim")
    draft = scene.sample.draft(
        scene.sample.rest,
        "The spring issue",
        "Bob Jansen <bob@example.org>",
        body=NEWSLETTER,
    )
    scene.write(draft)
    panel = scene.compose.check_panel
    scene.window.check_action.trigger()
    wait(lambda: panel.spam_done, settle_ms=600)
    return grab(scene.window)


def _sent_message(scene: Scene, tab: int) -> QPixmap:
    assert scene.sample is not None and scene.window.sent is not None
    with scene.window.context.postman() as postman:  # type: ignore[union-attr]
        ids = scene.sample.fill_sent(postman)
    pane = scene.window.sent
    scene.window.reveal("sent", ids["sandbox"])
    pane.open_message()
    wait(lambda: pane.viewer is not None)
    viewer = pane.viewer
    assert viewer is not None
    viewer.tabs.setCurrentIndex(tab)
    viewer.resize(780, 620)
    wait(lambda: True)
    return grab(scene.window, viewer)


def sent_message(scene: Scene) -> QPixmap:
    return _sent_message(scene, 0)


def sent_source(scene: Scene) -> QPixmap:
    return _sent_message(scene, 2)


def pasted_list(scene: Scene) -> QPixmap:
    scene.write(quarterly(scene, to=""))
    to = scene.compose.to
    column = [f"member{n:03}@copernica.example" for n in range(498)]
    column[120] = "member120 at copernica.example"
    column[300] = "member300@copernica"
    QApplication.clipboard().setText("\n".join(column))
    to.setFocus()
    to.paste()
    scene.compose.subject.setFocus()
    wait(lambda: to.property("invalid") is True)
    return grab(scene.window)


def _theme_switched(scene: Scene, choice: str) -> QPixmap:
    scene.write(quarterly(scene))
    pane = scene.window.settings_pane
    assert pane is not None
    other = "dark" if choice == "light" else "light"
    for step in (other, choice):  # switched live, from the other one
        pane.theme.setCurrentIndex(pane.theme.findData(step))
        wait(lambda: True, settle_ms=150)
    scene.window.show_pane("compose")
    wait(lambda: True)
    return grab(scene.window)


def theme_dark_live(scene: Scene) -> QPixmap:
    return _theme_switched(scene, "dark")


def theme_light_live(scene: Scene) -> QPixmap:
    return _theme_switched(scene, "light")


def toolbar_find(scene: Scene) -> QPixmap:
    scene.write(quarterly(scene, body=LAUNCH))
    editor = scene.compose.editor
    editor.setFocus()
    scene.compose.find_bar.open()
    scene.compose.find_bar.field.setText("Monday")
    scene.compose.find_bar.find_next()
    wait(lambda: True)
    return grab(scene.window)


MERGE_BODY = (
    '# Hello {$first|default:"there"},\n\n'
    "Our **spring webinar** is on **14 May at 15:00**.{if $vip} As a partner you have a "
    "front-row seat: we saved one for you, {$first}.{/if}\n\n"
    "- What's new in the REST API\n- Delivery events, live\n- Your questions\n\n"
    "See you there,\nAnn\n"
)
MERGE_PEOPLE = [
    ("Bob", "Jansen", "bob@example.org", "yes"),
    ("Carla", "Smit", "carla@example.net", ""),
    ("Daan", "de Vries", "daan@example.com", "yes"),
    ("Eva", "Bakker", "eva@example.org", ""),
    ("Femke", "Visser", "femke@example", ""),
    ("Gijs", "Mulder", "gijs@example.net", ""),
    ("Hanna", "Bos", "hanna@example.org", "yes"),
    ("Ilse", "Peters", "carla@example.net", ""),
    ("Joost", "Hendriks", "joost@example.com", ""),
    ("Kim", "Dekker", "kim@example.org", ""),
    ("Lars", "Smits", "lars@example.net", "yes"),
    ("Mila", "Meijer", "mila@example.com", ""),
]


def _merge(scene: Scene) -> MergeWindow:
    """The merge window over compose: the webinar invitation, a list of twelve."""
    sample = scene.sample
    assert sample is not None
    people = scene.home / "webinar guests.csv"
    lines = ["first_name;last_name;email;vip;tags"]  # tags: an optional column, previewed
    lines += [";".join((*person, "partner" if person[3] else "")) for person in MERGE_PEOPLE]
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scene.write(
        sample.draft(
            sample.smtp,
            "Your seat at the spring webinar, {$first_name}",
            "{$first_name} {$last_name} <{$email}>",
            body=MERGE_BODY.replace("$first", "$first_name"),
        )
    )
    scene.window.merge_action.trigger()
    merge = merge_hooks.merge_window(scene.window)
    assert merge is not None
    merge.resize(*SIZE)
    merge.open_list(people)
    wait(lambda: merge.report is not None)
    return merge


def merge_view(scene: Scene) -> QPixmap:
    merge = _merge(scene)
    merge.show_row(4)
    wait(lambda: merge.preview.rendered() is not None and "Daan" in merge.row_subject.text())
    return merge.grab()


def merge_progress(scene: Scene) -> QPixmap:
    merge = _merge(scene)
    merge.skip_box.setChecked(True)
    merge.show_row(8)
    wait(lambda: merge.preview.rendered() is not None and "Hanna" in merge.row_subject.text())
    merge.pace.setValue(60)
    merge.send_all()
    wait(lambda: merge.bar.value() >= 6, settle_ms=200)
    picture = merge.grab()
    merge.pause()
    wait(lambda: merge.state == "paused" and not merge.busy(), settle_ms=0)
    return picture


SPELLING = """\
# Launch plan

We go live on **Monday 9:00**. Pleese read the `#launch` chanel and
https://www.copernica.example/launch before then.

Thanks, Ann
"""


def spell_check(scene: Scene) -> QPixmap:
    """Misspellings underlined, and the right-click menu on one of them."""
    editor = scene.compose.editor
    scene.compose.spelling.configure(True, "en_US")
    scene.write(quarterly(scene, subject="Launch plan", attachments=(), body=SPELLING))
    wait(lambda: len(editor.spelling.misspelled()) >= 2)
    start = editor.toPlainText().index("chanel") + 2
    cursor = editor.textCursor()
    cursor.setPosition(start)
    spot = editor.cursorRect(cursor).bottomLeft() + QPoint(0, 6)  # the underline stays seen
    menu = editor.createStandardContextMenu(spot)
    first = menu.actions()[0]
    menu.insertActions(first, editor.spelling.actions_at(start, menu))
    menu.insertSeparator(first)
    menu.adjustSize()
    menu.popup(editor.viewport().mapToGlobal(spot))
    wait(lambda: menu.isVisible(), settle_ms=200)
    picture = scene.window.grab()
    painter = QPainter(picture)
    corner = editor.viewport().mapTo(scene.window, spot)
    shot = menu.grab()
    painter.fillRect(
        corner.x() - 1, corner.y() - 1, shot.width() + 2, shot.height() + 2, QColor("#888")
    )
    painter.drawPixmap(corner, shot)
    painter.end()
    menu.hide()
    return picture


def send_later(scene: Scene) -> QPixmap:
    scene.write(quarterly(scene, subject="Next: the Q4 plan", attachments=(), body=Q4))
    scene.window.send_later()
    wait(lambda: open_dialog() is not None)
    dialog = open_dialog()
    assert dialog is not None
    return grab(scene.window, dialog)


def outbox_scheduled(scene: Scene) -> QPixmap:
    assert scene.sample is not None and scene.window.outbox is not None
    from smtpeter_desktop.compose.schedule import quick_picks

    tomorrow = quick_picks()[1][1]
    with scene.window.context.postman() as postman:  # type: ignore[union-attr]
        scene.sample.fill_outbox(postman)
        scheduled = postman.queue(
            scene.sample.draft(scene.sample.smtp, "Next: the Q4 plan", "team@copernica.example"),
            at=tomorrow,
        ).id
    scene.write(quarterly(scene))
    scene.window.show_pane("outbox")
    pane = scene.window.outbox
    pane.refresh()
    pane.select(scheduled)
    wait(lambda: True)
    return grab(scene.window)


def signatures(scene: Scene) -> QPixmap:
    """Settings ▸ Signatures: two signatures, one being edited beside its preview."""
    from smtpeter_desktop.storage.signatures import Signature

    page = scene.window.signatures
    assert page is not None and scene.sample is not None
    page.store.save(Signature("Short", "Ann · Copernica"))
    page.store.save(
        Signature(
            "Work",
            "**Ann Lee**  \nCustomer success, Copernica B.V.  \n"
            "+31 20 123 4567 · [copernica.com](https://www.copernica.com)",
        )
    )
    page.store.set_default("Work", profile=scene.sample.smtp.id)
    page.reload()
    page.names.setCurrentRow(1)
    scene.window.edit_signatures()
    wait(lambda: "Ann Lee" in page.preview.browser.toPlainText())
    return grab(scene.window)


def templates(scene: Scene) -> QPixmap:
    """File ▸ New from Template…: the local templates."""
    assert scene.sample is not None and scene.window.postman is not None
    postman = scene.window.postman
    for name, subject in (
        ("Monthly report", "Report for the month"),
        ("Meeting notes", "Notes of our meeting"),
        ("Invoice reminder", "A reminder about invoice 2026-114"),
    ):
        draft = scene.sample.draft(scene.sample.smtp, subject, "carla@example.com")
        postman.save_template(name, draft)
    scene.write(quarterly(scene))
    scene.window.new_from_template_action.trigger()
    wait(lambda: open_dialog() is not None)
    return grab(scene.window, open_dialog())


def smtpeter_template(scene: Scene) -> QPixmap:
    """File ▸ SMTPeter Templates…: one shown, its placeholders filled, ready to send."""
    from smtpeter_desktop.ui.template_remote import SmtpeterTemplatesDialog

    scene.window.smtpeter_templates_action.trigger()
    wait(lambda: open_dialog() is not None)
    dialog = open_dialog()
    assert isinstance(dialog, SmtpeterTemplatesDialog)
    wait(lambda: bool(dialog.fields) and not dialog.is_busy())
    dialog.to.setText("Bob de Vries <bob@example.org>")
    dialog.fields["firstname"].setText("Bob")
    dialog.fields["company"].setText("Example B.V.")
    return grab(scene.window, dialog)


SCENES: dict[str, tuple[Callable[[Scene], QPixmap], bool, bool]] = {
    # name: (scene, with sample accounts, dark)
    "first-start": (first_start, False, False),
    "compose": (compose, True, False),
    "compose-dark": (compose_dark, True, True),
    "compose-narrow": (compose_narrow, True, False),
    "sent-confirmation": (sent_bar, True, False),
    "undo-send": (undo, True, False),
    "progress": (progress, True, False),
    "send-failed": (failed, True, False),
    "outcome-unknown": (unknown, True, False),
    "pre-send-check": (presend, True, False),
    "check": (check, True, False),
    "outbox": (outbox, True, False),
    "sent": (sent, True, False),
    "accounts": (accounts, True, False),
    "account-dialog": (account_dialog, True, False),
    "settings": (settings_pane, True, False),
    "drafts": (drafts, True, False),
    "crash-recovery": (crash_recovery, True, False),
    "sent-message": (sent_message, True, False),
    "sent-source": (sent_source, True, False),
    "pasted-list": (pasted_list, True, False),
    "theme-dark-live": (theme_dark_live, True, False),
    "theme-light-live": (theme_light_live, True, False),
    "toolbar-find": (toolbar_find, True, False),
    "merge": (merge_view, True, False),
    "merge-progress": (merge_progress, True, False),
    "spell-check": (spell_check, True, False),
    "send-later": (send_later, True, False),
    "outbox-scheduled": (outbox_scheduled, True, False),
    "signatures": (signatures, True, False),
    "templates": (templates, True, False),
    "smtpeter-template": (smtpeter_template, True, False),
}


# Scenes in Dutch: the window installs the translator as it does for a Dutch user.
DUTCH_BODY = """\
# Kwartaalcijfers

Hoi allemaal,

hier zijn de **cijfers** van Q3; de details staan in de bijgevoegde PDF.

![Grafiek](chart.png)

| Regio  |  Omzet | Groei |
|--------|-------:|------:|
| Europa | €1,2 mln |  12% |
| Azië   | €0,8 mln |  31% |

Groet,
Ann
"""


def compose_nl(scene: Scene) -> QPixmap:
    scene.write(quarterly(scene, subject="Kwartaalcijfers Q3", body=DUTCH_BODY))
    return grab(scene.window)


DUTCH = {"compose-nl": (compose_nl, True, False), "settings-nl": SCENES["settings"]}
SCENES.update(DUTCH)


@contextlib.contextmanager
def _environment() -> Iterator[None]:
    """A private keyring and no trace of the person's own config."""
    with tempfile.TemporaryDirectory(prefix="smtpeter-shots-") as temp:
        for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[name] = str(Path(temp) / name.lower())
        with running_secret_service() as service:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.bus_address
            yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--only", nargs="*", choices=sorted(SCENES), help="these scenes only")
    parser.add_argument("--out", type=Path, default=OUT, help="the folder for the PNG files")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    args.out.mkdir(parents=True, exist_ok=True)
    with _environment():
        for name in args.only or SCENES:
            make, with_sample, dark = SCENES[name]
            appearance.apply_theme(app, "dark" if dark else "system")
            translations.install(app, language="nl" if name in DUTCH else "en")
            with tempfile.TemporaryDirectory(prefix="scene-") as temp:
                os.environ["SMTPETER_DESKTOP_HOME"] = str(Path(temp) / "app")
                with contextlib.ExitStack() as stack:
                    scene = Scene(Path(temp), stack, sample=with_sample)
                    picture = make(scene)
                    path = args.out / f"{name}.png"
                    picture.save(str(path))
                    print(f"{path} ({picture.width()} x {picture.height()})")
    appearance.apply_theme(app, "system")
    translations.uninstall(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
