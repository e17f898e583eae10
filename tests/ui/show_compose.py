"""Open the compose pane alone with sample senders and a sample draft, to look at it.

    python -m tests.ui.show_compose                       # a window to try
    xvfb-run -a -s "-screen 0 1400x900x24" python -m tests.ui.show_compose \\
        --state filled --dark --size 1024x700 --screenshot /tmp/x.png

``--state`` picks what the pane shows: ``empty``, ``filled``, ``invalid`` (a bad address and a
bad tag), ``attachments`` (with one file gone missing), ``options`` (the options panel open),
``unknown`` (a draft whose sender no profile offers).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.options import SmtpeterOptions

from smtpeter_desktop.ui.compose_pane import ComposePane, SenderChoice

SENDERS = [
    SenderChoice("sandbox", "Sandbox", "smtp", True, "Ann Lee", "ann@example.com"),
    SenderChoice(
        "work",
        "Work",
        "rest",
        False,
        "Ann Lee",
        "ann@copernica.example",
        "support@copernica.example",
    ),
    SenderChoice("work", "Work", "rest", False, "Sales team", "sales@copernica.example"),
    SenderChoice("home", "Personal", "smtp", False, "Ann", "ann@lee.example"),
]
DEFAULTS = {
    "sandbox": SmtpeterOptions(),
    "work": SmtpeterOptions(track_opens=False, tags=("work",)),
    "home": SmtpeterOptions(track_clicks=False, track_opens=False),
}

BODY = """\
# Quarterly update

Hello team,

here are the **numbers** for Q3; the *details* are in the attached PDF.

| Region | Revenue | Growth |
|--------|--------:|-------:|
| Europe | €1.2M   | 12%    |
| Asia   | €0.8M   | 31%    |

```python
def growth(before: float, after: float) -> float:
    return (after - before) / before
```

![Chart](chart.png)

- first point, with a [link](https://www.smtpeter.com/)
- second point
  1. nested

> Quoted wisdom, as ever.

Regards,
Ann
"""


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#6ea8fe",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def sample_files(folder: Path) -> dict[str, Path]:
    """A chart image, a PDF and a photo to attach."""
    chart = QImage(480, 160, QImage.Format.Format_RGB32)
    chart.fill(QColor("#ffffff"))
    painter = QPainter(chart)
    for index, (height, color) in enumerate(((60, "#0969da"), (110, "#1a7f37"), (140, "#bf8700"))):
        painter.fillRect(40 + index * 150, 150 - height, 100, height, QColor(color))
    painter.end()
    files = {"chart": folder / "chart.png", "pdf": folder / "Rapport été 2026.pdf"}
    chart.save(str(files["chart"]))
    files["pdf"].write_bytes(b"%PDF-1.4\n" + b"0" * 180_000)
    files["photo"] = folder / "team-photo.jpg"
    chart.scaled(1200, 800).save(str(files["photo"]))
    files["notes"] = folder / "notes.txt"
    files["notes"].write_text("notes\n" * 300, encoding="utf-8")
    return files


def build(state: str, folder: Path) -> ComposePane:
    files = sample_files(folder)
    pane = ComposePane()
    pane.set_senders(SENDERS, DEFAULTS)
    pane.set_known_addresses(["Bob Jansen <bob@example.org>", "Carla <carla@example.net>"])
    filled = Draft(
        profile="work",
        sender=SENDERS[1].sender,
        to="Bob Jansen <bob@example.org>, carla@example.net",
        subject="Quarterly update: Q3 numbers",
        body=BODY,
        attachments=(Attachment(str(files["pdf"])),),
        options=DEFAULTS["work"],
        base_dir=str(folder),
    )
    if state == "filled":
        pane.set_draft(filled)
    elif state == "invalid":
        pane.set_draft(
            Draft(
                profile="work",
                sender=SENDERS[1].sender,
                to="Bob Jansen <bob@example.org>, bob@",
                cc="carla@example",
                subject="Quarterly update",
                body=BODY,
                options=DEFAULTS["work"],
                base_dir=str(folder),
            )
        )
        pane.options_panel.tags.setText("q3, " + "x" * 70)
        pane.set_options_visible(True)
    elif state == "attachments":
        gone = folder / "old-invoice.pdf"
        pane.set_draft(
            Draft(
                profile="work",
                sender=SENDERS[1].sender,
                to="bob@example.org",
                subject="The files you asked for",
                body="Hi Bob,\n\nhere they are.\n\nAnn",
                attachments=(
                    Attachment(str(files["pdf"])),
                    Attachment(str(files["photo"]), inline=True),
                    Attachment(str(files["notes"])),
                    Attachment(str(gone)),
                ),
                base_dir=str(folder),
            )
        )
    elif state == "options":
        pane.set_draft(filled)
        pane.set_options_visible(True)
    elif state == "unknown":
        pane.set_draft(
            Draft(profile="old", sender="Ann Lee <ann@old-company.example>", to="bob@example.org")
        )
    pane.focus_first_empty()
    return pane


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--state",
        default="filled",
        choices=("empty", "filled", "invalid", "attachments", "options", "unknown"),
    )
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--size", default="1400x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--screenshot", type=Path, help="save a picture of the pane and quit")
    parser.add_argument("--popup", action="store_true", help="open the From list first")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if args.dark:
        # As a desktop in dark mode does it: Qt's own dark scheme (Qt 6.8+), which gives the
        # Fusion style its dark palette; else a dark palette of our own.
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        if app.styleHints().colorScheme() != Qt.ColorScheme.Dark:
            app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory(prefix="show-compose-") as temp:
        pane = build(args.state, Path(temp))
        width, height = (int(n) for n in args.size.split("x"))
        pane.resize(width, height)
        pane.setWindowTitle("SMTPeter Desktop — compose")
        pane.show()
        if args.screenshot:

            def shoot() -> None:
                if args.popup:
                    screen = pane.screen()
                    screen.grabWindow(0).save(str(args.screenshot))
                else:
                    pane.grab().save(str(args.screenshot))
                pane.close()
                app.quit()

            # After the first render, and a moment for the layout to settle.
            pane.preview.updated.connect(lambda _seq: QTimer.singleShot(300, shoot))
            if args.popup:
                QTimer.singleShot(200, pane.sender_box.showPopup)
            QTimer.singleShot(10_000, shoot)
        app.exec()
        pane.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
