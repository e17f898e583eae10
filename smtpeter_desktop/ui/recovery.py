"""How the last run ended, told to the next start: the draft it had open, and whether it was
rendering that draft when it stopped.

While the window runs it keeps a small file, ``running.json``, in the app home: the draft
shown in the compose pane, and whether a render of it (the preview, or the build of a
message being sent) is under way. Closing cleanly removes it. The next start reads it:

- no file: the last run quit cleanly (or there was none): a new message; every draft is in
  File ▸ Open Draft…;
- the file, not rendering: the last run was killed or crashed elsewhere: the draft it had
  open is shown again, as it was;
- the file, rendering: it stopped while rendering that draft, which may do the same again
  (a crash inside the renderer takes the whole process): the draft is not opened, the
  person is told in words, and can read its text or delete it.

The file is written before a render starts and after it ends, so a crash inside the render
always finds it saying "rendering". It is a few dozen bytes, replaced atomically. This
module is read before the first frame: no Qt here (the plain-text view of a draft is
``drafts.DraftTextDialog``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.compose.draft import Draft

log = logging.getLogger(__name__)

MARKER_FILE = "running.json"


@dataclasses.dataclass(frozen=True)
class LastRun:
    """What a run that did not close cleanly left: its open draft, and whether it was
    rendering it."""

    draft: int | None
    rendering: bool


class RunMarker:
    """The ``running.json`` of this run; see the module docstring."""

    def __init__(self, home: Path) -> None:
        self.path = home / MARKER_FILE
        self._draft: int | None = None
        self._rendering = False
        self._active = False
        self._warned = False

    def previous(self) -> LastRun | None:
        """How the last run ended: None when it closed cleanly (no file left)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("The last run's marker could not be read: %s", exc)
            return LastRun(None, False)
        try:
            data = json.loads(text)
            draft = data.get("draft")
            rendering = data.get("rendering")
        except (ValueError, AttributeError):
            # Cut short as it was written: the run did stop, what it was doing is unknown.
            return LastRun(None, True)
        if not isinstance(draft, int) or isinstance(draft, bool):
            draft = None
        return LastRun(draft, rendering is not False)

    def begin(self) -> None:
        """This run starts: from now on the file says what it does."""
        self._active = True
        self._write()

    def set_draft(self, id: int | None) -> None:
        if id != self._draft:
            self._draft = id
            self._write()

    def set_rendering(self, rendering: bool) -> None:
        if rendering != self._rendering:
            self._rendering = rendering
            self._write()

    def end(self) -> None:
        """This run closes cleanly: the next start need not recover anything.

        A run that never began (its data could not be opened) leaves the last run's marker
        as it found it: that one still has something to tell.
        """
        if not self._active:
            return
        self._active = False
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("The run marker could not be removed: %s", exc)

    def _write(self) -> None:
        if not self._active:
            return
        data = json.dumps({"pid": os.getpid(), "draft": self._draft, "rendering": self._rendering})
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(data)
            temporary.replace(self.path)
        except OSError as exc:
            # A read-only or full disk: the window works on; only this safety net is lost.
            if not self._warned:
                self._warned = True
                log.warning("The run marker could not be written: %s", exc)


def draft_text(draft: Draft) -> str:
    """A draft as plain text, nothing rendered: its addresses, subject and Markdown."""
    lines = [
        f"{name}: {value}"
        for name, value in (
            (translate("recovery", "From"), draft.sender),
            (translate("recovery", "To"), draft.to),
            (translate("recovery", "Cc"), draft.cc),
            (translate("recovery", "Bcc"), draft.bcc),
            (translate("recovery", "Subject"), draft.subject),
        )
        if value
    ]
    lines += [
        translate("recovery", "Attachment: {path}").format(path=a.path) for a in draft.attachments
    ]
    return "\n".join(lines) + "\n\n" + draft.body
