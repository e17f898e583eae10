"""``python -m smtpeter_desktop``: the same as the ``smtpeter-desktop`` command."""

import sys

from smtpeter_desktop.cli import main

sys.exit(main())
