"""The attachments of a message: one chip per file, and the "Attach files…" button.

A chip shows the file's icon, name and size, a remove button, and for images a "Show in
message" switch (sent inline). A file that disappears from disk stays in the list, greyed and
marked "not found", so that nothing is dropped behind the user's back; a file watcher notices
it going and coming back.

The images the text itself shows (``![logo](logo.png)``) go inside the message too: they are
listed here as well, as "in the text" chips with an Open button, so that everything that
leaves this computer is seen in one place.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileInfo, QFileSystemWatcher, QPoint, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFileIconProvider,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from smtpeter_desktop.compose.draft import Attachment
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import messages, theme

if TYPE_CHECKING:
    from smtpeter_desktop.compose.render import InlineImage

_NAME_WIDTH = 220


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping to a new row when one is full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x = area.x()
                y += row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


def local_files(urls: Iterable[QUrl]) -> list[Path]:
    """The local files among dropped URLs; remote URLs are not files to attach."""
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class _Chip(QFrame):
    """One attached file."""

    removed = Signal(str)
    inline_toggled = Signal(str, bool)

    def __init__(self, attachment: Attachment, parent: QWidget) -> None:
        super().__init__(parent)
        self.attachment = attachment
        self.setObjectName("attachmentChip")
        self.setAccessibleName(
            translate("_Chip", "Attachment {name}").format(name=attachment.filename)
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 3, 3)
        layout.setSpacing(6)
        self.icon_label = QLabel(self)
        layout.addWidget(self.icon_label)
        self.name_label = QLabel(self)
        layout.addWidget(self.name_label)
        self.size_label = QLabel(self)
        layout.addWidget(self.size_label)
        self.inline_box: QCheckBox | None = None
        if attachment.mime_type.startswith("image/"):
            self.inline_box = QCheckBox(translate("_Chip", "Show in message"), self)
            self.inline_box.setToolTip(
                translate(
                    "_Chip", "Show the picture inside the message rather than as a separate file"
                )
            )
            self.inline_box.setAccessibleName(
                translate("_Chip", "Show {name} in message").format(name=attachment.filename)
            )
            self.inline_box.setChecked(attachment.inline)
            self.inline_box.toggled.connect(self._on_inline)
            layout.addWidget(self.inline_box)
        self.remove_button = QToolButton(self)
        self.remove_button.setAutoRaise(True)
        self.remove_button.setIcon(
            theme.icon("edit-delete", QStyle.StandardPixmap.SP_LineEditClearButton, self)
        )
        if self.remove_button.icon().isNull():
            self.remove_button.setText("\u00d7")  # a multiplication sign
        remove = translate("_Chip", "Remove {name}").format(name=attachment.filename)
        self.remove_button.setToolTip(remove)
        self.remove_button.setAccessibleName(remove)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self.attachment.path))
        layout.addWidget(self.remove_button)
        self.missing = False
        self.refresh()

    def refresh(self) -> None:
        """Show the file as it is on disk now: its size, or "not found"."""
        attachment = self.attachment
        path = Path(attachment.path)
        try:
            size = path.stat().st_size if path.is_file() else None
        except OSError:
            size = None
        self.missing = size is None
        metrics = self.name_label.fontMetrics()
        self.name_label.setText(
            metrics.elidedText(attachment.filename, Qt.TextElideMode.ElideMiddle, _NAME_WIDTH)
        )
        icon = QFileIconProvider().icon(QFileInfo(str(path)))
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon_label.setPixmap(
            icon.pixmap(side, side, mode=icon.Mode.Disabled if self.missing else icon.Mode.Normal)
        )
        self.name_label.setEnabled(not self.missing)
        if self.missing:
            self.size_label.setText(translate("_Chip", "not found"))
            self.setToolTip(
                translate(
                    "_Chip", "{name} is no longer at {path}. Put it back, or remove it."
                ).format(name=attachment.filename, path=path)
            )
        else:
            self.size_label.setText(human_size(size or 0))
            self.setToolTip(str(path))
        if self.inline_box is not None:
            self.inline_box.setEnabled(not self.missing)
        self._paint()
        self.setAccessibleDescription(self.size_label.text())

    def _paint(self) -> None:
        palette = self.size_label.palette()
        role = QPalette.ColorRole.WindowText
        parent = self.parentWidget()
        base = parent.palette() if parent is not None else self.palette()
        palette.setColor(role, theme.error(base) if self.missing else theme.muted(base))
        self.size_label.setPalette(palette)

    def _on_inline(self, checked: bool) -> None:
        self.inline_toggled.emit(self.attachment.path, checked)


class _InlineChip(QFrame):
    """An image the text shows: its name, size, "in the text", and Open (to look at it)."""

    def __init__(self, image: InlineImage, parent: QWidget) -> None:
        super().__init__(parent)
        self.image = image
        self.setObjectName("attachmentChip")
        self.setAccessibleName(
            translate("_InlineChip", "Image in the text {name}").format(name=image.name)
        )
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            translate(
                "_InlineChip",
                "{path}\nShown in the text, so it goes inside the message. Remove the "
                "reference from the text to leave it out.",
            ).format(path=image.path)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 3, 3)
        layout.setSpacing(6)
        metrics = self.fontMetrics()
        self.name_label = QLabel(
            metrics.elidedText(image.name, Qt.TextElideMode.ElideMiddle, _NAME_WIDTH), self
        )
        layout.addWidget(self.name_label)
        self.size_label = QLabel(
            translate("_InlineChip", "{size} · in the text").format(size=human_size(image.size)),
            self,
        )
        palette = self.size_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, theme.muted(parent.palette()))
        self.size_label.setPalette(palette)
        layout.addWidget(self.size_label)
        self.open_button = QToolButton(self)
        self.open_button.setAutoRaise(True)
        self.open_button.setText(translate("_InlineChip", "Open"))
        self.open_button.setToolTip(
            translate("_InlineChip", "Open {name} with its usual program").format(name=image.name)
        )
        self.open_button.setAccessibleName(
            translate("_InlineChip", "Open {name}").format(name=image.name)
        )
        self.open_button.clicked.connect(self.open)
        layout.addWidget(self.open_button)

    def open(self) -> bool:
        """Open the image; False when nothing took it (the message bar says so)."""
        opened = messages.open_externally(
            QUrl.fromLocalFile(str(self.image.path)), translate("_InlineChip", "the image")
        )
        if not opened:
            self.size_label.setText(translate("_InlineChip", "no program opens it"))
        return opened


class AttachmentStrip(QWidget):
    """The chips of the attached files; hidden while there are none.

    The "Attach files…" button (``attach_button``) belongs to the strip but is laid out by the
    pane in its bottom bar, so that it stays visible when the strip is hidden.

    Signals:
        changed(): a file was added or removed, or its "Show in message" switch changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("AttachmentStrip", "Attachments"))
        self._chips: dict[str, _Chip] = {}
        self._inline: list[_InlineChip] = []
        self._last_folder = str(Path.home())
        self._flow = FlowLayout(self)
        self._flow.setContentsMargins(0, 2, 0, 2)

        self.attach_button = QPushButton(translate("AttachmentStrip", "&Attach Files…"))
        self.attach_button.setIcon(theme.icon("mail-attachment"))
        self.attach_button.setAccessibleName(translate("AttachmentStrip", "Attach"))
        self.attach_button.setToolTip(
            translate("AttachmentStrip", "Attach files to the message (Ctrl+Shift+A)")
        )
        self.attach_button.clicked.connect(self.choose_files)

        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_disk_change)
        self._watcher.directoryChanged.connect(self._on_disk_change)
        self.setVisible(False)

    @property
    def last_folder(self) -> str:
        """The folder the file dialog opens in: where the last files were chosen."""
        return self._last_folder

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._last_folder = folder

    def attachments(self) -> tuple[Attachment, ...]:
        return tuple(chip.attachment for chip in self._chips.values())

    def missing(self) -> tuple[Attachment, ...]:
        """The attachments whose file is not where it was."""
        return tuple(chip.attachment for chip in self._chips.values() if chip.missing)

    def chip_for(self, path: str) -> _Chip | None:
        return self._chips.get(path)

    def set_attachments(self, attachments: Iterable[Attachment]) -> None:
        """Show exactly ``attachments`` (a draft's); ``changed`` is not emitted."""
        for path in list(self._chips):
            self._drop(path)
        for attachment in attachments:
            self._add(attachment)
        self._update()

    def inline_images(self) -> tuple[InlineImage, ...]:
        return tuple(chip.image for chip in self._inline)

    def set_inline_images(self, images: Sequence[InlineImage]) -> None:
        """List the images the text shows (the preview's latest rendering), after the files.

        An image also attached by hand has its chip already and is not listed twice.
        """
        attached = {str(Path(path).resolve()) for path in self._chips}
        images = [image for image in images if str(image.path) not in attached]
        if tuple(images) == self.inline_images():
            return
        for chip in self._inline:
            self._flow.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self._inline = [_InlineChip(image, self) for image in images]
        for chip in self._inline:
            self._flow.addWidget(chip)
        self._update()

    def add_paths(self, paths: Sequence[Path | str]) -> list[str]:
        """Attach files; returns a sentence for each one that could not be (a folder...)."""
        notes: list[str] = []
        added = False
        for raw in paths:
            path = Path(raw).absolute()
            if str(path) in self._chips:
                continue
            if path.is_dir():
                notes.append(
                    translate(
                        "AttachmentStrip", "“{name}” is a folder; only files can be attached."
                    ).format(name=path.name)
                )
                continue
            if not path.is_file():
                notes.append(
                    translate("AttachmentStrip", "“{name}” was not found.").format(name=path.name)
                )
                continue
            self._add(Attachment(path=str(path)))
            added = True
        if added:
            self._update()
            self.changed.emit()
        return notes

    def remove(self, path: str) -> None:
        if path in self._chips:
            self._drop(path)
            self._update()
            self.changed.emit()

    def choose_files(self) -> None:
        """Ask for files with the system's file dialog and attach them."""
        names, _ = QFileDialog.getOpenFileNames(
            self.window(), translate("AttachmentStrip", "Attach Files"), self._last_folder
        )
        if names:
            self._last_folder = str(Path(names[0]).parent)
            self.add_paths(names)

    def refresh(self) -> None:
        """Check every file on disk again (the window does this when it is activated)."""
        for chip in self._chips.values():
            chip.refresh()
        self._watch()

    def _add(self, attachment: Attachment) -> None:
        if attachment.path in self._chips:
            return
        chip = _Chip(attachment, self)
        chip.removed.connect(self.remove)
        chip.inline_toggled.connect(self._on_inline)
        self._chips[attachment.path] = chip
        self._flow.addWidget(chip)

    def _drop(self, path: str) -> None:
        chip = self._chips.pop(path)
        self._flow.removeWidget(chip)
        chip.hide()
        chip.deleteLater()

    def _update(self) -> None:
        self.setVisible(bool(self._chips) or bool(self._inline))
        self._watch()
        self.updateGeometry()

    def _watch(self) -> None:
        # Watch each file (it goes away) and its folder (it comes back).
        wanted = set()
        for path in self._chips:
            wanted.add(path)
            wanted.add(os.path.dirname(path))  # noqa: PTH120 - a string for Qt
        existing = {p for p in wanted if Path(p).exists()}
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        stale = sorted(watched - existing)
        if stale:
            self._watcher.removePaths(stale)
        fresh = sorted(existing - watched)
        if fresh:
            self._watcher.addPaths(fresh)

    def _on_disk_change(self, _path: str) -> None:
        self.refresh()

    def _on_inline(self, path: str, inline: bool) -> None:
        chip = self._chips[path]
        old = chip.attachment
        chip.attachment = dataclasses.replace(old, inline=inline)
        self.changed.emit()
