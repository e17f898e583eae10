"""What a message is: drafts, addresses, Markdown to HTML, MIME, and the pre-send checks.

A Qt-free zone: nothing here imports Qt, so the command line, the tests and the send
worker use it without a display. Modules are imported by name (``compose.mime``), and this
package imports none of them itself, so that a start-up never pays for Markdown or Pygments
before a message is built.
"""
