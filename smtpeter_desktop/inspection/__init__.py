"""Before Send: what SMTPeter and the receivers will make of a message. A Qt-free zone.

It reads a built message (the exact bytes that would be sent) with its SMTPeter options and
says, as ``findings.Finding`` values, what SMTPeter will change (``smtpeter``), what mail
programs drop (``compat``), which links look wrong (``links``), what SpamAssassin thinks
(``spam``) and what is missing (``parts``); ``run`` puts them together. It imports only
``compose`` (a message's own types); checks that need the account's REST API (the sender
domain) live in ``delivery``, which joins this with ``transport`` and ``storage``.
"""
