"""One message exactly as it went out: the built-in sandbox's capture, or Sent's stored bytes.

``read_message`` parses the bytes (Qt-free, run in a worker: a message may be 20 MB);
``read_captured`` does so for what the sandbox received. ``MessageViewer`` shows the result:
the headers, the SMTPeter options and delivery notices, Bcc recipients from the envelope
(they are rightly not in the header), the HTML part with its inline ``cid:`` images, the text
part and the source; Save As… writes the exact bytes to an ``.eml`` file. Nothing is fetched
from the network: remote images stay blank, as in a careful mail reader.
"""

from __future__ import annotations

import dataclasses
import email.policy
import email.utils
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QFontDatabase, QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists, messages

if TYPE_CHECKING:
    from smtpeter_desktop.sandbox import CapturedMessage

SOURCE_LIMIT = 2_000_000
"""Characters of the source shown; a larger message is opened in the mail app to see it all."""

_HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date")


def _header_label(name: str) -> str:
    """A header's name as the viewer labels it, in the user's language."""
    # Built on each call, not at import: the language is only known once the app runs.
    labels = {
        "From": translate("message_viewer", "From"),
        "To": translate("message_viewer", "To"),
        "Cc": translate("message_viewer", "Cc"),
        "Reply-To": translate("message_viewer", "Reply-To"),
        "Subject": translate("message_viewer", "Subject"),
        "Date": translate("message_viewer", "Date"),
    }
    return labels.get(name, name)


def _option_name(key: str) -> str:
    names = {
        "trackclicks": translate("message_viewer", "Track clicks"),
        "trackopens": translate("message_viewer", "Track opens"),
        "trackbounces": translate("message_viewer", "Track bounces"),
        "inlinecss": translate("message_viewer", "Inline CSS"),
        "preventscam": translate("message_viewer", "Prevent scam"),
        "images": translate("message_viewer", "Hosted images"),
        "tags": translate("message_viewer", "Tags"),
    }
    return names.get(key, key)


def _notify_word(word: str) -> str:
    words = {
        "SUCCESS": translate("message_viewer", "when delivered"),
        "FAILURE": translate("message_viewer", "if it fails"),
        "DELAY": translate("message_viewer", "if delayed"),
    }
    return words.get(word, word.lower())


@dataclasses.dataclass(frozen=True)
class ViewedMessage:
    """A captured message read for the viewer.

    Attributes:
        headers: (name, value) of From, To, Cc, Reply-To, Subject and Date, those present.
        bcc: envelope recipients that no To or Cc header names (the Bcc recipients).
        mail_from: the envelope sender.
        options: the SMTPeter options the sandbox recorded, as (name, value) in words.
        notices: the delivery notices (DSN) asked for, in words; empty when none.
        html, text: the HTML and plain-text parts ("" when absent).
        images: inline images by Content-ID (without the angle brackets).
        attachments: (file name, size in bytes) of each attached file.
        source: the raw message as text, cut at :data:`SOURCE_LIMIT` characters.
        cut: the source shown is not all of it.
        eml_path: the stored message file (the sandbox's); None for bytes kept in Sent.
        size: its size in bytes.
        transport: how it went: "smtp" or "rest".
        raw: the exact bytes, for Save As….
        captured: it is the sandbox's capture (nothing was delivered).
        attached: (file name, content type, bytes) of each attached file, for Forward.
    """

    headers: tuple[tuple[str, str], ...]
    bcc: tuple[str, ...]
    mail_from: str
    options: tuple[tuple[str, str], ...]
    notices: str
    html: str
    text: str
    images: Mapping[str, bytes]
    attachments: tuple[tuple[str, int], ...]
    source: str
    cut: bool
    eml_path: Path | None
    size: int
    transport: str
    raw: bytes = b""
    captured: bool = True
    attached: tuple[tuple[str, str, bytes], ...] = ()

    @property
    def subject(self) -> str:
        return dict(self.headers).get("Subject", "")


def read_captured(captured: CapturedMessage) -> ViewedMessage:
    """Read and parse a captured message; slow for a big one, so call it off the GUI thread."""
    return read_message(
        captured.raw(),
        recipients=captured.recipients,
        mail_from=captured.mail_from,
        options=captured.options,
        dsn=captured.dsn,
        transport=captured.transport,
        eml_path=captured.eml_path,
        captured=True,
    )


def read_message(
    raw: bytes,
    *,
    recipients: Sequence[str],
    mail_from: str,
    options: Mapping[str, object],
    dsn: Mapping[str, str],
    transport: str,
    eml_path: Path | None = None,
    captured: bool = False,
) -> ViewedMessage:
    """Parse a message's exact bytes for the viewer; call it off the GUI thread."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)  # the default policy makes EmailMessage
    headers = tuple((name, str(message[name])) for name in _HEADERS if message[name] is not None)
    named = {
        address.casefold()
        for _, address in email.utils.getaddresses(
            [str(v) for field in ("To", "Cc") for v in message.get_all(field, [])]
        )
    }
    bcc = tuple(r for r in recipients if r.casefold() not in named)
    source = raw.decode("utf-8", errors="replace")
    return ViewedMessage(
        headers=headers,
        bcc=bcc,
        mail_from=mail_from,
        options=tuple(_option_words(options)),
        notices=_notice_words(dsn),
        html=_body(message, "html"),
        text=_body(message, "plain"),
        images=_images(message),
        attachments=tuple(_attachments(message)),
        source=source[:SOURCE_LIMIT],
        cut=len(source) > SOURCE_LIMIT,
        eml_path=eml_path,
        size=len(raw),
        transport=transport,
        raw=raw,
        captured=captured,
        attached=tuple(_attached(message)),
    )


def _option_words(options: Mapping[str, object]) -> list[tuple[str, str]]:
    words = []
    for key, value in options.items():
        name = _option_name(key)
        if isinstance(value, bool):
            shown = (
                translate("message_viewer", "on") if value else translate("message_viewer", "off")
            )
        elif isinstance(value, list | tuple):
            shown = ", ".join(str(v) for v in value) or translate("message_viewer", "none")
        else:
            shown = str(value)
        words.append((name, shown))
    return words


def _notice_words(dsn: Mapping[str, str]) -> str:
    notify = [w.strip().upper() for w in dsn.get("notify", "").split(",") if w.strip()]
    if not notify:
        return ""
    if notify == ["NEVER"]:
        return translate("message_viewer", "never")
    parts = [_notify_word(w) for w in notify]
    ret = dsn.get("ret", "").upper()
    if ret:
        parts.append(
            translate("message_viewer", "returning the full message")
            if ret == "FULL"
            else translate("message_viewer", "returning the headers")
        )
    return ", ".join(parts)


def _body(message: EmailMessage, kind: str) -> str:
    part = message.get_body(preferencelist=(kind,))
    if part is None:
        return ""
    try:
        content: Any = part.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken encoding
        payload = part.get_payload(decode=True)
        return payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _attachments(message: EmailMessage) -> list[tuple[str, int]]:
    found = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        size = len(data) if isinstance(data, bytes) else 0
        found.append((part.get_filename() or translate("message_viewer", "(no name)"), size))
    return found


def _attached(message: EmailMessage) -> list[tuple[str, str, bytes]]:
    found = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        if isinstance(data, bytes):
            found.append((part.get_filename() or "attachment", part.get_content_type(), data))
    return found


def _images(message: EmailMessage) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for part in message.walk():
        cid = part.get("Content-ID")
        if cid is None or part.is_multipart():
            continue
        data = part.get_payload(decode=True)
        if isinstance(data, bytes):
            found[str(cid).strip().removeprefix("<").removesuffix(">")] = data
    return found


class MailBrowser(QTextBrowser):
    """Shows a message's HTML with its inline images; never fetches anything remote."""

    def __init__(self, images: Mapping[str, bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._open)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        url = QUrl(url)
        if url.scheme().lower() == "cid":
            data = self._images.get(url.path()) or self._images.get(url.toString()[4:])
            if data is not None and kind == QTextDocument.ResourceType.ImageResource.value:
                return QImage.fromData(data)
            return None
        if url.scheme().lower() in ("http", "https", "ftp", "file", ""):
            return None  # remote (or local) content stays out, as in a careful mail reader
        return super().loadResource(kind, url)

    def _open(self, url: QUrl) -> None:
        if url.scheme().lower() in ("http", "https", "mailto"):
            messages.open_externally(url, translate("MailBrowser", "the link"))


class MessageViewer(QDialog):
    """A dialog with one message as it went out: headers, the HTML view, the text, the source.

    Attributes:
        saved_to: where Save As… last wrote the message.
    """

    def __init__(self, message: ViewedMessage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        self.saved_to: Path | None = None
        subject = message.subject or translate("MessageViewer", "(no subject)")
        way = "SMTP" if message.transport == "smtp" else translate("MessageViewer", "REST API")
        size = lists.size_text(message.size)
        if message.captured:
            self.setWindowTitle(
                translate("MessageViewer", "Captured message — {subject}").format(subject=subject)
            )
            self.setAccessibleName(translate("MessageViewer", "Captured message"))
            said = translate(
                "MessageViewer",
                "Exactly as the built-in test server received it ({way}, {size}). "
                "It was not delivered to anyone.",
            ).format(way=way, size=size)
        else:
            self.setWindowTitle(
                translate("MessageViewer", "Sent message — {subject}").format(subject=subject)
            )
            self.setAccessibleName(translate("MessageViewer", "Sent message"))
            said = translate(
                "MessageViewer",
                "Exactly as it was sent ({way}, {size}): these are the bytes that went out.",
            ).format(way=way, size=size)
        self.resize(820, 720)

        heading = lists.heading(subject, self, 1.2)
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro = lists.muted_label(said, self)

        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}
        for name, value in message.headers:
            if name == "Subject":
                continue
            self.fields[name] = self._add_row(form, _header_label(name), value)
        if message.bcc:
            self.fields["Bcc"] = self._add_row(
                form,
                translate("MessageViewer", "Bcc"),
                ", ".join(message.bcc)
                + "\n"
                + translate(
                    "MessageViewer",
                    "(from the envelope: Bcc recipients are not in the header, so no "
                    "other recipient sees them)",
                ),
            )
        if message.attachments:
            self.fields["Attachments"] = self._add_row(
                form,
                translate("MessageViewer", "Attachments"),
                ", ".join(
                    f"{name} ({lists.size_text(size)})" for name, size in message.attachments
                ),
            )
        options = " · ".join(f"{name}: {value}" for name, value in message.options)
        self.fields["Options"] = self._add_row(
            form,
            translate("MessageViewer", "SMTPeter options"),
            options or translate("MessageViewer", "none"),
        )
        self.fields["Notices"] = self._add_row(
            form,
            translate("MessageViewer", "Delivery notices"),
            message.notices or translate("MessageViewer", "the server's default"),
        )

        self.tabs = QTabWidget(self)
        self.html_view = MailBrowser(message.images, self)
        self.html_view.setAccessibleName(translate("MessageViewer", "The message as HTML"))
        if message.html:
            self.html_view.setHtml(message.html)
        else:
            self.html_view.setPlainText(
                translate("MessageViewer", "This message has no HTML part.")
            )
        self.text_view = _plain(
            message.text or translate("MessageViewer", "This message has no text part."), self
        )
        self.text_view.setAccessibleName(translate("MessageViewer", "The message as text"))
        source = message.source
        if message.cut:
            source += "\n\n" + translate(
                "MessageViewer",
                "[… the first {count} characters of {size}; open it in the mail app to see all "
                "of it]",
            ).format(count=f"{SOURCE_LIMIT:,}", size=lists.size_text(message.size))
        self.source_view = _plain(source, self, mono=True)
        self.source_view.setAccessibleName(translate("MessageViewer", "The message's source"))
        self.tabs.addTab(self.html_view, translate("MessageViewer", "&Message"))
        self.tabs.addTab(self.text_view, translate("MessageViewer", "&Text"))
        self.tabs.addTab(self.source_view, translate("MessageViewer", "So&urce"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(translate("MessageViewer", "&Save As…"), self)
        self.save_button.setToolTip(
            translate("MessageViewer", "Save the exact message as an .eml file")
        )
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.ask_where_to_save)
        self.open_button = QPushButton(translate("MessageViewer", "&Open in Mail App"), self)
        self.open_button.setToolTip(
            translate(
                "MessageViewer", "Open the stored message file with your mail program\n{path}"
            ).format(path=message.eml_path)
        )
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        # After addButton, which shows it: only the sandbox's capture is a file of its own.
        self.open_button.setVisible(message.eml_path is not None)
        self.open_button.clicked.connect(self.open_in_mail_app)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 12)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.tabs, 1)
        self.status = lists.muted_label("", self)
        self.status.setVisible(False)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _add_row(self, form: QFormLayout, name: str, value: str) -> QLabel:
        label = QLabel(value, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(name)
        title = QLabel(translate("MessageViewer", "{field}:").format(field=name), self)
        lists.paint(title, None)
        form.addRow(title, label)
        return label

    def suggested_name(self) -> str:
        """A file name from the subject: "Quarterly numbers.eml"."""
        kept = "".join(c if c.isalnum() or c in " -_.,()" else " " for c in self.message.subject)
        return (" ".join(kept.split())[:80] or translate("MessageViewer", "message")) + ".eml"

    def ask_where_to_save(self) -> None:
        folder = Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("MessageViewer", "Save the Message"),
            str(folder / self.suggested_name()),
            translate("MessageViewer", "Mail files (*.eml)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> str:
        """Write the exact bytes to ``path``; "" when done, else the sentence shown."""
        try:
            path.write_bytes(self.message.raw)
        except OSError as exc:
            sentence = translate(
                "MessageViewer", "The message could not be saved to {path}: {reason}."
            ).format(path=path, reason=exc.strerror or exc)
        else:
            self.saved_to = path
            sentence = ""
        self.status.setText(
            sentence or translate("MessageViewer", "Saved to {path}.").format(path=path)
        )
        self.status.setVisible(True)
        return sentence

    def open_in_mail_app(self) -> bool:
        """Open the stored ``.eml`` with the system's handler for mail files; False when
        nothing took it (the message bar then says so)."""
        if self.message.eml_path is None:
            return False
        return messages.open_externally(
            QUrl.fromLocalFile(str(self.message.eml_path)),
            translate("MessageViewer", "the message"),
        )


def _plain(text: str, parent: QWidget, *, mono: bool = False) -> QPlainTextEdit:
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setPlainText(text)
    if mono:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        view.setFont(QFont(font))
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    return view
