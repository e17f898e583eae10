"""``python -m smtpeter_desktop``: the same as the ``smtpeter-desktop`` command."""

from smtpeter_desktop.cli import run

run()
