"""SMTPeter's own templates (REST accounts): list them, look at one, and send it with the
placeholders filled in a small form.

Every call to SMTPeter runs on a task thread with a Postman of its own
(``delivery.remote_templates``); the window only shows the answers. A template that is gone
from SMTPeter says so in a sentence and the list is read again. A send whose outcome is
unknown says so too, and the next Send asks first: it may have gone out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.delivery.names import CancelToken, SendError
from smtpeter_desktop.delivery.outcomes import ErrorInfo
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, tasks
from smtpeter_desktop.ui.address_field import message_label

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import Receipt
    from smtpeter_desktop.delivery.postman import Postman
    from smtpeter_desktop.storage.profiles import Profile

log = logging.getLogger(__name__)

T = TypeVar("T")
_ID_ROLE = Qt.ItemDataRole.UserRole


def _reason(exc: BaseException) -> tuple[str, bool]:
    """A failure in words, and whether the template may have been sent all the same."""
    if isinstance(exc, SendError):
        info = ErrorInfo.of(exc)
        return f"{info.message} {info.hint}".strip(), info.maybe_accepted
    if isinstance(exc, ComposeError | StorageError):
        return f"{exc.message} {exc.hint}".strip(), False
    log.error("SMTPeter's templates: unexpected failure", exc_info=exc)
    return translate(
        "SmtpeterTemplates", "An unexpected problem; the details are in the log."
    ), False


class SmtpeterTemplatesDialog(QDialog):
    """The templates of a REST account on SMTPeter, one shown as HTML, and a form to send it.

    Attributes:
        account: the REST accounts to choose from.
        templates: the account's templates (id in the item's user role).
        preview: the chosen template's HTML.
        to: the recipients; ``fields``: a line per placeholder of the template.
        status: what happened last, in words.
    """

    def __init__(
        self, context: AppContext, profiles: Sequence[Profile], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._profiles = [p for p in profiles if p.transport == "rest"]
        self._cancel: CancelToken | None = None
        self._maybe_sent = False
        self._busy = 0
        self.fields: dict[str, QLineEdit] = {}
        self.setObjectName("smtpeterTemplates")
        self.setWindowTitle(translate("SmtpeterTemplates", "SMTPeter Templates"))
        self.resize(900, 560)

        self.account = QComboBox(self)
        self.account.setAccessibleName(translate("SmtpeterTemplates", "Account"))
        for profile in self._profiles:
            self.account.addItem(profile.name, profile.id)
        self.account.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(translate("SmtpeterTemplates", "&Refresh"), self)
        self.refresh_button.setToolTip(
            translate("SmtpeterTemplates", "Ask SMTPeter for the account's templates again")
        )
        self.refresh_button.clicked.connect(lambda: self.refresh())

        self.templates = QListWidget(self)
        self.templates.setAccessibleName(translate("SmtpeterTemplates", "Templates on SMTPeter"))
        self.templates.currentItemChanged.connect(lambda *_: self._on_chosen())
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(translate("SmtpeterTemplates", "Template preview"))
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText(
            translate("SmtpeterTemplates", "The chosen template, as SMTPeter shows it.")
        )

        self.to = QLineEdit(self)
        self.to.setAccessibleName(translate("SmtpeterTemplates", "To"))
        self.to.setPlaceholderText(
            translate("SmtpeterTemplates", "Recipients, separated by commas")
        )
        self.to.textEdited.connect(lambda _t: self._changed())
        self.form_box = QGroupBox(translate("SmtpeterTemplates", "Send it"), self)
        self.form = QFormLayout(self.form_box)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow(translate("SmtpeterTemplates", "&To:"), self.to)
        self.placeholder_note = lists.muted_label("", self.form_box)
        self.form.addRow(self.placeholder_note)

        self.status = message_label(self)
        self.status.setVisible(False)
        self.send_button = QPushButton(translate("SmtpeterTemplates", "&Send"), self)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(lambda: self.send())

        self._build()
        if not self._profiles:
            self._say(
                translate(
                    "SmtpeterTemplates",
                    "None of your accounts uses SMTPeter's REST API, through which its "
                    "templates are reached. Add one under Accounts, with an API token.",
                )
            )
        self._update_buttons()
        if self._profiles:
            self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("SmtpeterTemplates", "Account:"), self))
        top.addWidget(self.account)
        top.addWidget(self.refresh_button)
        top.addStretch(1)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.preview, 1)
        column.addWidget(self.form_box)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.templates)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 660])

        buttons = QDialogButtonBox(self)
        # Send does not close the dialog: a person often sends the same template to several.
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("SmtpeterTemplates", "Close"))
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    # Asking SMTPeter, off the GUI thread ---------------------------------------------------------

    def profile(self) -> Profile | None:
        wanted = self.account.currentData()
        return next((p for p in self._profiles if p.id == wanted), None)

    def _ask(
        self,
        call: Callable[[Postman, Profile], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        profile = self.profile()
        if profile is None:
            return
        context = self._context

        def run() -> T:
            # This thread's own Postman: the mailbox connection and REST session are its own.
            with context.postman() as postman:
                return call(postman, profile)

        def finish(action: Callable[[Any], None]) -> Callable[[Any], None]:
            def then(value: Any) -> None:
                self._busy -= 1
                self._update_buttons()
                action(value)

            return then

        self._busy += 1
        self._update_buttons()
        tasks.run_task(run, finish(done), finish(failed), parent=self)

    def refresh(self) -> None:
        """Ask SMTPeter for the chosen account's templates."""
        from smtpeter_desktop.delivery import remote_templates

        self._say(translate("SmtpeterTemplates", "Asking SMTPeter for the templates…"), tone=None)
        self._ask(remote_templates.list_templates, self._show_list, self._list_failed)

    def _show_list(self, found: list[Any]) -> None:
        chosen = self.chosen_id()
        self.templates.clear()
        for template in found:
            label = (
                f"{template.name or translate('SmtpeterTemplates', '(no name)')}  #{template.id}"
            )
            item = QListWidgetItem(label, self.templates)
            item.setData(_ID_ROLE, template.id)
            if template.id == chosen:
                self.templates.setCurrentItem(item)
        if not found:
            self._say(
                translate(
                    "SmtpeterTemplates",
                    "This account has no templates on SMTPeter yet; make one in SMTPeter's "
                    "dashboard.",
                ),
                tone=None,
            )
        else:
            self._say("")
            if self.templates.currentItem() is None:
                self.templates.setCurrentRow(0)

    def _list_failed(self, exc: BaseException) -> None:
        text, _ = _reason(exc)
        self._say(
            translate("SmtpeterTemplates", "SMTPeter could not be asked: {reason}").format(
                reason=text
            )
        )

    def chosen_id(self) -> str:
        # Qt's stubs say never None; with nothing chosen it is.
        item: QListWidgetItem | None = self.templates.currentItem()
        return str(item.data(_ID_ROLE)) if item is not None else ""

    def _on_chosen(self) -> None:
        from smtpeter_desktop.delivery import remote_templates

        template_id = self.chosen_id()
        self.preview.clear()
        self._set_placeholders([])
        self._maybe_sent = False
        if not template_id:
            return
        self.preview.setPlaceholderText(translate("SmtpeterTemplates", "Loading the template…"))
        self._ask(
            lambda postman, profile: remote_templates.show_template(postman, profile, template_id),
            lambda html: self._show_template(template_id, html),
            self._template_failed,
        )

    def _show_template(self, template_id: str, html: str) -> None:
        from smtpeter_desktop.delivery import remote_templates

        if template_id != self.chosen_id():
            return  # another was chosen meanwhile
        self.preview.setHtml(html)
        self._set_placeholders(remote_templates.placeholders(html))

    def _template_failed(self, exc: BaseException) -> None:
        text, _ = _reason(exc)
        self.preview.setPlaceholderText("")
        self._say(text)
        if isinstance(exc, SendError) and (exc.server_reply or "").startswith("404"):
            self._reread_after_gone()

    def _reread_after_gone(self) -> None:
        from smtpeter_desktop.delivery import remote_templates

        # Keep the sentence about the missing template; only the list is read again.
        self._ask(remote_templates.list_templates, self._relist, lambda _exc: None)

    def _relist(self, found: list[Any]) -> None:
        said = self.status.text()
        self._show_list(found)
        self._say(said)

    def _set_placeholders(self, names: list[str]) -> None:
        for field in self.fields.values():
            self.form.removeRow(field)
        self.fields = {}
        for name in names:
            field = QLineEdit(self.form_box)
            field.setAccessibleName(name)
            field.setPlaceholderText(
                translate("SmtpeterTemplates", "Left empty: SMTPeter's default for {name}").format(
                    name=name
                )
            )
            field.textEdited.connect(lambda _t: self._changed())
            self.form.insertRow(self.form.rowCount() - 1, f"{name}:", field)
            self.fields[name] = field
        self.placeholder_note.setText(
            translate(
                "SmtpeterTemplates",
                "Fill in the template's placeholders; each recipient gets the same values.",
            )
            if names
            else translate("SmtpeterTemplates", "This template has no placeholders to fill in.")
        )

    # Sending ----------------------------------------------------------------------------------

    def data(self) -> dict[str, str]:
        """The placeholders filled in; empty ones are left out, so SMTPeter's defaults apply."""
        return {name: field.text() for name, field in self.fields.items() if field.text()}

    def send(self, *, asked: bool = False) -> None:
        """Send the chosen template to the recipients, through the Postman, off this thread."""
        from smtpeter_desktop.delivery import remote_templates

        template_id = self.chosen_id()
        recipients = self.to.text().strip()
        if not template_id or self._busy:
            return
        if not recipients:
            self._say(translate("SmtpeterTemplates", "Who is it for? Fill in To."))
            self.to.setFocus()
            return
        if self._maybe_sent and not asked:
            lists.confirm(
                self,
                translate("SmtpeterTemplates", "Send it again?"),
                translate("SmtpeterTemplates", "The last send of this template may have gone out."),
                translate("SmtpeterTemplates", "Send Again"),
                lambda: self.send(asked=True),
                informative=translate(
                    "SmtpeterTemplates",
                    "Look in SMTPeter's logs first: sending again may deliver it twice.",
                ),
            )
            return
        data = self.data()
        cancel = CancelToken()
        self._cancel = cancel
        self._say(translate("SmtpeterTemplates", "Sending…"), tone=None)
        self._ask(
            lambda postman, profile: remote_templates.send_template(
                postman, profile, template_id, [recipients], data, cancel=cancel
            ),
            self._sent,
            self._send_failed,
        )

    def _sent(self, receipt: Receipt) -> None:
        self._cancel = None
        self._maybe_sent = False
        ids = ", ".join(f"{to}: {mid}" for mid, to in receipt.message_ids.items())
        self._say(
            translate("SmtpeterTemplates", "Sent. SMTPeter's message ids: {ids}").format(ids=ids)
            if ids
            else translate("SmtpeterTemplates", "Sent."),
            tone=lists.Tone.GOOD,
        )

    def _send_failed(self, exc: BaseException) -> None:
        self._cancel = None
        text, maybe = _reason(exc)
        self._maybe_sent = maybe
        self._say(translate("SmtpeterTemplates", "Not sent: {reason}").format(reason=text))
        if isinstance(exc, SendError) and (exc.server_reply or "").startswith("404"):
            self._reread_after_gone()

    def _changed(self) -> None:
        if self.status.isVisible() and not self._busy:
            self._say("")

    # Details --------------------------------------------------------------------------------

    def _say(self, text: str, tone: lists.Tone | str | None = "error") -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if tone != "error":
            lists.paint(self.status, tone if isinstance(tone, lists.Tone) else None)
        else:
            from smtpeter_desktop.ui.address_field import paint_problem_label

            paint_problem_label(self.status, self.palette())

    def _update_buttons(self) -> None:
        has = self.profile() is not None
        self.refresh_button.setEnabled(has and not self._busy)
        self.send_button.setEnabled(has and not self._busy and bool(self.chosen_id()))
        self.account.setEnabled(has and not self._busy)

    def is_busy(self) -> bool:
        return bool(self._busy)

    def done(self, result: int) -> None:
        if self._cancel is not None:
            self._cancel.cancel()  # closing stops a send not yet handed over
        super().done(result)
