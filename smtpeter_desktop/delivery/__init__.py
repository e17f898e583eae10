"""The send path: a draft queued in the mailbox, sent by a transport, its outcome kept.

Qt-free: the window's send worker and the command line both drive a ``Postman``, so a
message sent from either goes the same way. This is the one place that joins the layers:
it reads a profile and its secret from storage, builds the message with compose, hands the
stored bytes to a transport, and writes what happened back to the mailbox.

Modules: ``outcomes`` (what a send ended as, and the error as stored), ``local_sandbox``
(the built-in sandbox, started when a sandbox profile is used), ``connections`` (a transport
for a profile), ``postman`` (queue, send, retry, delivery events).
"""
