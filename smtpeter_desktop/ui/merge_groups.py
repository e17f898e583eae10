"""A mail merge's rows in the Outbox and Sent: one expandable entry per merge, with counts.

A merge of 1,200 rows would otherwise bury everything else in the list. ``MergeGroups``
works on a pane's ``QTreeWidget`` after the pane filled it with one item per message: the
items that are rows of a merge move under one entry for that merge (its name, its counts in
words, "312 sent, 2 failed"), in row order, each keeping its own state. The entries the person
opened stay open across refreshes. The panes call ``group()`` after filling, and use
``find()`` / ``message_id()`` where they looked only at top-level items.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.lists import ID_ROLE, TONE_ROLE, Tone

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.postman import Postman
    from smtpeter_desktop.storage.jobs import Counts

log = logging.getLogger(__name__)

JOB_ROLE = ID_ROLE + 1
"""The merge (job) id of a group entry."""


def counts_words(counts: Counts) -> str:
    """``312 sent, 2 failed, 886 waiting``: only the states some rows are in."""
    parts = []
    if counts.sent:
        parts.append(translate("MergeGroups", "%n sent", n=counts.sent))
    if counts.failed:
        parts.append(translate("MergeGroups", "%n failed", n=counts.failed))
    if counts.unknown:
        parts.append(translate("MergeGroups", "%n unknown", n=counts.unknown))
    if counts.open:
        parts.append(translate("MergeGroups", "%n waiting", n=counts.open))
    return ", ".join(parts)


def _tone(counts: Counts) -> Tone:
    if counts.failed:
        return Tone.BAD
    if counts.unknown:
        return Tone.WAIT
    if counts.open:
        return Tone.BUSY
    return Tone.GOOD


def message_id(item: QTreeWidgetItem | None) -> int | None:
    """The message id of a list item; None for a merge's entry (or no item)."""
    if item is None:
        return None
    value = item.data(0, ID_ROLE)
    return int(value) if value is not None else None


def entry_text(item: QTreeWidgetItem | None) -> str:
    """What a merge's entry says of it (for the details beside the list); "" for a message."""
    if item is None or item.data(0, JOB_ROLE) is None:
        return ""
    return f"{item.toolTip(0)} · {item.text(2)}"


def find(tree: QTreeWidget, id: int) -> QTreeWidgetItem | None:
    """The item of message ``id``, at the top or inside a merge's entry."""
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if item is None:
            continue
        if item.data(0, ID_ROLE) == id:
            return item
        for child in range(item.childCount()):
            inner = item.child(child)
            if inner is not None and inner.data(0, ID_ROLE) == id:
                return inner
    return None


class MergeGroups(QObject):
    """Groups the rows of merges in one pane's list.

    Attributes:
        tree: the pane's list.
    """

    def __init__(self, tree: QTreeWidget, mail: Postman | None) -> None:
        super().__init__(tree)
        self.tree = tree
        self._mail = mail
        self._open: set[int] = set()
        tree.itemExpanded.connect(lambda item: self._remember(item, True))
        tree.itemCollapsed.connect(lambda item: self._remember(item, False))

    def _remember(self, item: QTreeWidgetItem, opened: bool) -> None:
        job = item.data(0, JOB_ROLE)
        if job is None:
            return
        if opened:
            self._open.add(int(job))
        else:
            self._open.discard(int(job))

    def close(self) -> None:
        """The pane's mailbox is closing: group no more."""
        self._mail = None

    def group(self) -> None:
        """Move the items of merge rows under one entry per merge (call after filling)."""
        from smtpeter_desktop.delivery.merges import job_of, job_with_counts
        from smtpeter_desktop.storage.errors import StorageError

        if self._mail is None:
            return
        tree = self.tree
        try:
            mail = self._mail
            rows: dict[int, list[tuple[int, QTreeWidgetItem]]] = {}
            first: dict[int, int] = {}
            taken: set[int] = set()  # positions of merge rows in the list as filled
            for at in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(at)
                id = message_id(item)
                if item is None or id is None:
                    continue
                found = job_of(mail, id)
                if found is None:
                    continue
                job, number = found
                rows.setdefault(job, []).append((number, item))
                first.setdefault(job, at)
                taken.add(at)
            if not rows:
                tree.setRootIsDecorated(False)
                return
            entries = {job: job_with_counts(mail, job) for job in rows}
        except StorageError as exc:
            log.info("Merges not grouped: %s", exc)
            return
        tree.setRootIsDecorated(True)
        blocked = tree.blockSignals(True)
        try:
            for members in rows.values():
                for _number, item in members:
                    tree.takeTopLevelItem(tree.indexOfTopLevelItem(item))
            # Each entry where its first row was, among what is left above it.
            for placed, job in enumerate(sorted(rows, key=lambda j: first[j])):
                others = sum(1 for at in range(first[job]) if at not in taken)
                info, counts = entries[job]
                members = sorted(rows[job], key=lambda pair: pair[0])
                entry = QTreeWidgetItem(
                    [
                        translate("MergeGroups", "Merge: {counts}").format(
                            counts=counts_words(counts)
                        ),
                        translate("MergeGroups", "%n people", n=counts.total),
                        info.name,
                        members[0][1].text(3),
                    ]
                )
                entry.setData(0, JOB_ROLE, job)
                entry.setData(0, TONE_ROLE, str(_tone(counts)))
                entry.setToolTip(
                    0,
                    translate("MergeGroups", "Mail merge {job}: {counts}").format(
                        job=job, counts=counts_words(counts)
                    ),
                )
                entry.setToolTip(2, info.name)
                for number, item in members:
                    item.setText(
                        1,
                        translate("MergeGroups", "Row {row}: {to}").format(
                            row=number, to=item.text(1)
                        ),
                    )
                    entry.addChild(item)
                tree.insertTopLevelItem(min(others + placed, tree.topLevelItemCount()), entry)
                entry.setExpanded(job in self._open)
        finally:
            tree.blockSignals(blocked)
