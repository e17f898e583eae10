"""SMTPeter Desktop: write mail in Markdown and send it through SMTPeter.

The one source of the application's identity: the PyInstaller spec, the desktop entry and
the AppStream file are filled from these names.

Layers (see docs in the README): ``compose`` (what a message is), ``transport`` (how it
leaves), ``storage`` (what is kept between runs), ``sandbox`` (a local SMTPeter stand-in)
and ``delivery`` (the send path that joins them) are Qt-free; only ``ui`` imports Qt.
"""

__version__ = "0.1.0"

APP_ID = "com.smtpeter.Desktop"
APP_NAME = "SMTPeter Desktop"
APP_SLUG = "smtpeter-desktop"
ORGANIZATION = "SMTPeter Desktop"
APP_SUMMARY = "Write mail in Markdown and send it through SMTPeter"

STARTING_GC = (100_000, 50, 100)
"""The cycle collector's thresholds while a command runs and while the window starts: most
of what they allocate is the modules they import, which the default (every 700 allocations)
walks again and again. Every 100,000: a send's imports pass without a collection (its
instructions, counted by valgrind: 875 M with the default, 854 M at 20,000, 843 M here).
``cli.run`` and ``ui.app.run`` set them."""
