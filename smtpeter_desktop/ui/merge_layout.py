"""The mail merge window's widgets, made and laid out: the list and its columns, the check's
summary, the rows beside the selected row's message, the test, the pace and Send All, the
progress and its buttons, wired to the window (``connect``), which fills them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.lists import Tone
from smtpeter_desktop.ui.preview import PreviewPane

if TYPE_CHECKING:
    from smtpeter_desktop.ui.merge_view import MergeWindow

DEFAULT_PACE = 60
"""Messages a minute unless the person chooses otherwise: receivers throttle bursts."""


def build(window: MergeWindow) -> None:
    """Make the window's widgets and lay them out; ``MergeWindow`` connects them."""
    window.heading = lists.heading("", window, 1.2)
    window.heading.setWordWrap(True)

    window.list_label = QLabel(translate("MergeView", "No list chosen yet."), window)
    window.list_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.choose_button = QPushButton(translate("MergeView", "&Choose List…"), window)
    window.choose_button.setToolTip(
        translate("MergeView", "A CSV or tab-separated file with a header row")
    )
    window.column_box = QComboBox(window)
    window.column_box.setAccessibleName(translate("MergeView", "Address column"))
    window.column_box.setToolTip(
        translate("MergeView", "The column with each person's e-mail address")
    )
    window.name_edit = QLineEdit(window)
    window.name_edit.setAccessibleName(translate("MergeView", "To name"))
    window.name_edit.setPlaceholderText(translate("MergeView", "{$first} {$last}"))
    window.name_edit.setToolTip(
        translate("MergeView", "The name beside each address in To, with the list's placeholders")
    )
    window.skip_box = QCheckBox(translate("MergeView", "S&kip rows with problems"), window)
    window.skip_box.setToolTip(
        translate("MergeView", "Send the rows that check and leave the others, instead of nothing")
    )
    window.check_button = QPushButton(translate("MergeView", "Check &Again"), window)
    window.check_button.setToolTip(
        translate("MergeView", "Read the list and the compose message again")
    )

    chooser = QHBoxLayout()
    chooser.addWidget(window.list_label, 1)
    chooser.addWidget(window.choose_button)
    form = QFormLayout()
    form.addRow(translate("MergeView", "List:"), chooser)
    settings = QHBoxLayout()
    settings.addWidget(window.column_box, 1)
    settings.addSpacing(12)
    settings.addWidget(QLabel(translate("MergeView", "To name:"), window))
    settings.addWidget(window.name_edit, 1)
    form.addRow(translate("MergeView", "Address column:"), settings)
    options = QHBoxLayout()
    options.addWidget(window.skip_box)
    options.addStretch(1)
    options.addWidget(window.check_button)

    window.summary = lists.heading("", window)
    window.summary.setWordWrap(True)
    window.summary.setAccessibleName(translate("MergeView", "What the check found"))
    window.problem = QLabel(window)
    window.problem.setWordWrap(True)
    window.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.problem.setAccessibleName(translate("MergeView", "Problem"))
    window.problem.setVisible(False)

    window.table = QTableView(window)
    window.table.setAccessibleName(translate("MergeView", "Rows of the list"))
    window.table.setModel(window.model)
    window.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    window.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    window.table.setItemDelegateForColumn(2, lists.BadgeDelegate(window.table))
    window.table.verticalHeader().setVisible(False)
    window.table.setWordWrap(False)
    header = window.table.horizontalHeader()
    # Not ResizeToContents: that asks the model for up to 1,000 rows' sizes at every chunk
    # added, each a Python call that waits for the checking thread to hand over the
    # interpreter; the GUI stalled for a quarter of a second at a time.
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(0, window.table.fontMetrics().horizontalAdvance("000000") + 16)
    header.resizeSection(1, 220)
    header.resizeSection(2, 130)

    window.preview_box = QWidget(window)
    window.preview_box.setAccessibleName(translate("MergeView", "The row's message"))
    window.row_heading = lists.heading(
        translate("MergeView", "Click a row to see its message."), window.preview_box
    )
    window.row_heading.setWordWrap(True)
    window.row_subject = QLabel(window.preview_box)
    window.row_subject.setWordWrap(True)
    window.row_subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.row_to = lists.muted_label("", window.preview_box)
    window.row_to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # The optional columns (cc, tags, attachment) as this row's message has them.
    window.row_extra = lists.muted_label("", window.preview_box)
    window.row_extra.setWordWrap(True)
    window.row_extra.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.row_extra.setAccessibleName(translate("MergeView", "Cc, tags and attachments"))
    window.row_extra.setVisible(False)
    window.row_problems = QLabel(window.preview_box)
    window.row_problems.setWordWrap(True)
    window.row_problems.setVisible(False)
    lists.paint(window.row_problems, Tone.BAD)
    window.preview = PreviewPane(parent=window.preview_box)
    window.preview.browser.setPlaceholderText(
        translate("MergeView", "The row's message, as it will be sent, appears here.")
    )
    window.text_view = QPlainTextEdit(window.preview_box)
    window.text_view.setReadOnly(True)
    window.text_view.setAccessibleName(translate("MergeView", "The row's text part"))
    window.tabs = QTabWidget(window.preview_box)
    window.tabs.addTab(window.preview, translate("MergeView", "Message"))
    window.tabs.addTab(window.text_view, translate("MergeView", "Text"))
    column = QVBoxLayout(window.preview_box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(window.row_heading)
    column.addWidget(window.row_subject)
    column.addWidget(window.row_to)
    column.addWidget(window.row_extra)
    column.addWidget(window.row_problems)
    column.addWidget(window.tabs, 1)

    window.splitter = QSplitter(Qt.Orientation.Horizontal, window)
    window.splitter.addWidget(window.table)
    window.splitter.addWidget(window.preview_box)
    window.splitter.setStretchFactor(0, 3)
    window.splitter.setStretchFactor(1, 2)
    window.splitter.setChildrenCollapsible(False)

    window.test_to = QLineEdit(window)
    window.test_to.setAccessibleName(translate("MergeView", "Test address"))
    window.test_label = QLabel(window)
    window.test_button = QPushButton(translate("MergeView", "Send a &Test to Me"), window)
    window.test_button.setToolTip(
        translate(
            "MergeView",
            "Send the selected row's message to this address alone, its subject marked [Test]",
        )
    )
    test_row = QHBoxLayout()
    test_row.addWidget(window.test_label)
    test_row.addWidget(window.test_to, 1)
    test_row.addWidget(window.test_button)

    window.pace = QSpinBox(window)
    window.pace.setRange(0, 100_000)
    window.pace.setValue(DEFAULT_PACE)
    window.pace.setSpecialValueText(translate("MergeView", "no limit"))
    window.pace.setAccessibleName(translate("MergeView", "Pace"))
    window.pace.setToolTip(
        translate(
            "MergeView",
            "Messages a minute; receivers slow down or refuse senders that send in bursts",
        )
    )
    window.send_button = QPushButton(translate("MergeView", "&Send All…"), window)
    window.send_button.setDefault(False)
    send_row = QHBoxLayout()
    send_row.addWidget(QLabel(translate("MergeView", "Pace:"), window))
    send_row.addWidget(window.pace)
    send_row.addWidget(QLabel(translate("MergeView", "messages a minute"), window))
    send_row.addStretch(1)
    send_row.addWidget(window.send_button)

    window.bar = QProgressBar(window)
    window.bar.setAccessibleName(translate("MergeView", "Sending progress"))
    window.bar.setTextVisible(False)
    window.progress_label = QLabel(window)
    window.progress_label.setAccessibleName(translate("MergeView", "Progress"))
    window.pause_button = QPushButton(translate("MergeView", "&Pause"), window)
    window.pause_button.setToolTip(
        translate(
            "MergeView", "Stop after the message being sent; resume later, even after a restart"
        )
    )
    window.resume_button = QPushButton(translate("MergeView", "&Resume"), window)
    window.cancel_button = QPushButton(translate("MergeView", "Ca&ncel Merge…"), window)
    window.results_button = QPushButton(translate("MergeView", "Save R&esults…"), window)
    window.results_button.setToolTip(
        translate(
            "MergeView",
            "The list with each row's state, SMTPeter message id and error; choose it as "
            "the list again to send only the rows that did not go",
        )
    )
    window.again_button = QPushButton(translate("MergeView", "Send &Failed Rows Again…"), window)
    window.again_button.setToolTip(
        translate(
            "MergeView",
            "Save the results, then check them as the list of a new merge: only the rows "
            "that did not go are sent, each once",
        )
    )
    progress_row = QHBoxLayout()
    progress_row.addWidget(window.bar, 1)
    progress_row.addWidget(window.progress_label, 1)
    for button in (
        window.pause_button,
        window.resume_button,
        window.cancel_button,
        window.results_button,
        window.again_button,
    ):
        progress_row.addWidget(button)

    layout = QVBoxLayout(window)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(8)
    layout.addWidget(window.heading)
    layout.addLayout(form)
    layout.addLayout(options)
    layout.addWidget(window.summary)
    layout.addWidget(window.problem)
    layout.addWidget(window.splitter, 1)
    layout.addLayout(test_row)
    layout.addLayout(send_row)
    layout.addLayout(progress_row)


def connect(window: MergeWindow) -> None:
    """Wire the widgets and the background work to the window."""
    window.choose_button.clicked.connect(window.choose_list)
    window.check_button.clicked.connect(window.check)
    window.column_box.activated.connect(lambda _i: window.check())
    window.name_edit.editingFinished.connect(window._name_changed)
    window.skip_box.toggled.connect(window._skip_changed)
    window.table.selectionModel().selectionChanged.connect(window._on_selection)
    window.test_button.clicked.connect(window.send_test)
    window.send_button.clicked.connect(window.ask_send_all)
    window.pause_button.clicked.connect(window.pause)
    window.resume_button.clicked.connect(window.resume)
    window.cancel_button.clicked.connect(window.ask_cancel)
    window.results_button.clicked.connect(window.ask_save_results)
    window.again_button.clicked.connect(window.ask_send_again)
    work = window.work
    work.rows.connect(window.model.add)
    work.checked.connect(window._on_checked)
    work.check_failed.connect(window._on_check_failed)
    work.row_loaded.connect(window._show_row)
    work.row_failed.connect(window._row_failed)
    work.test_ended.connect(window._test_ended)
    work.job_started.connect(window._job_started)
    work.progress.connect(window._on_progress)
    work.run_ended.connect(window._run_ended)
    work.run_failed.connect(window._run_failed)
    work.states.connect(window.model.set_states)
    work.results_saved.connect(window._results_saved)
