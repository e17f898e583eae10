"""Check: the Before-Send check of a typical message, without network, against rendering it.

The message is the README's sample (a heading, a table, code, an image, a list with a link,
a quote) with a 100 KB PDF attached. Ours is ``inspection.run.check_draft``: the draft's own
questions, building the message, reading it back and every local check (SMTPeter's changes,
compatibility, links, parts); the render cache is emptied before each round, so the
rendering is in it, as on a first Check. The reference is rendering the same Markdown alone
(also uncached). Medians of 7.

Goal (issue 18): under 1 s (an absolute limit). SpamAssassin, a process of its own that
compiles its rules on each start, is shown for context: the window runs it apart.
Run: ``.venv/bin/python -m tests.benchmarks.check`` (``make bench`` runs all).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from smtpeter_desktop.compose import render
from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.compose.mime import build_bytes
from smtpeter_desktop.inspection import run, smtpeter, spam
from tests.benchmarks.common import Figure, median, report, timed
from tests.compose.conftest import png

BODY = """\
# Quarterly update

Hello team,

here are the **numbers** for Q3; the *details* are in the attached PDF.

| Region | Revenue | Growth |
|--------|--------:|-------:|
| Europe | €1.2M   | 12%    |
| Asia   | €0.8M   | 31%    |

```python
def growth(before: float, after: float) -> float:
    return (after - before) / before
```

![Chart](chart.png)

- first point, with a [link](https://www.smtpeter.com/)
- second point
  1. nested

> Quoted wisdom, as ever.

Regards,
Ann
"""
ROUNDS = 7


def _uncached(action: Callable[[], object]) -> float:
    def measure() -> float:
        render._cache.clear()
        return timed(action)

    return median(measure, ROUNDS)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "chart.png").write_bytes(png(200, 120))
        pdf = base / "details.pdf"
        pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 400)
        draft = Draft(
            sender="Ann <ann@example.org>",
            to="team@example.com",
            subject="Quarterly update",
            body=BODY,
            attachments=(Attachment(str(pdf)),),
            base_dir=str(base),
        )
        run.check_draft(draft)  # imports and first-use caches, as an app that has run a while
        ours = _uncached(lambda: run.check_draft(draft))
        reference = _uncached(lambda: render.render(BODY, base_dir=base))
        raw, _ = build_bytes(draft)
        html = render.render(BODY, base_dir=base).html
        view = median(lambda: timed(lambda: smtpeter.recipient_view(html, draft.options)), ROUNDS)
        figures = [
            Figure(
                "local check of a typical message",
                ours,
                reference,
                "rendering it",
                1000,
                absolute=True,
                note="draft questions, build, SMTPeter changes, compatibility, links, parts",
            ),
            Figure("recipient view (preview mode)", view, reference, "rendering it", None),
        ]
        program = spam.executable()
        if program:
            seconds = median(lambda: timed(lambda: spam.run(raw, program=program)), 3)
            figures.append(
                Figure(
                    "SpamAssassin (-L, its own process)",
                    seconds,
                    ours,
                    "local check",
                    None,
                    note="rule compilation on each start; run apart from the quick checks",
                )
            )
        return report("Before-Send check (issue 18)", figures)


if __name__ == "__main__":
    sys.exit(main())
