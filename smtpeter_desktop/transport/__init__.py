"""How a message leaves: SMTPeter's SMTP API or its REST API, behind one interface.

A Qt-free zone: the send worker, the command line and the tests use it without a display.
It imports nothing of the app but the message's envelope and options (``compose``), and
never reads the keyring: whoever starts a send hands the secret in.

Modules: ``base`` (the interface and its value types), ``errors`` (the one error family),
``mapping`` (where foreign errors become it), ``smtp_errors`` and ``http_errors`` (smtplib's
and httpx's errors, each loaded by its own transport only), ``tls`` (the one TLS policy),
``net`` (connecting with deadlines and cancel), ``httpnet`` (the same under httpx, REST's
alone), ``smtp`` and ``rest`` (the two transports).
"""
