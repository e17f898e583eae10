"""What is kept between runs: the app home, profiles, secrets, settings and the mailbox.

A Qt-free zone: nothing here imports PySide6, so the command line, the send worker and the
tests use it in a plain Python process. Everything lives under one folder,
:func:`smtpeter_desktop.storage.paths.app_home`; secrets live only in the keyring
(:mod:`smtpeter_desktop.storage.secrets`), never in a file here. The errors a person can
cause are drawn in :mod:`smtpeter_desktop.storage.errors`.
"""
