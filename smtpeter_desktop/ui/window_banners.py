"""Banners over the compose pane, one per key ("welcome", "profiles", "start"): shown again
under the same key, a banner replaces the one before; before the panes exist, banners show in
the message area."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smtpeter_desktop.ui.main_window import MainWindow
    from smtpeter_desktop.ui.messages import Action, Level, MessageBar

log = logging.getLogger(__name__)


def show_banner(
    window: MainWindow,
    key: str,
    level: Level,
    text: str,
    hint: str = "",
    actions: list[Action] | None = None,
    *,
    closable: bool = True,
) -> MessageBar:
    from smtpeter_desktop.ui.messages import Level, MessageBar

    drop_banner(window, key)
    bar = MessageBar(level, f"{text} {hint}".strip(), window, closable=closable)
    bar.setAccessibleDescription(key)
    for action in actions or []:
        bar.add_action(action.label, action.callback, primary=action.primary)
    banners = window._banners
    bar.closed.connect(lambda: banners.pop(key, None))
    banners[key] = bar
    area = window._banner_area
    if area is not None:
        area.addWidget(bar)
        bar.show()
    elif window.message_area is not None:
        window.message_area.add_bar(bar)
    log.log(logging.ERROR if level is Level.ERROR else logging.INFO, "%s %s", text, hint)
    return bar


def drop_banner(window: MainWindow, key: str) -> None:
    bar = window._banners.pop(key, None)
    if bar is not None:
        bar.dismiss(quiet=True)
