"""Local templates in the mailbox: saved, listed, renamed, replaced, deleted, and kept safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from smtpeter_desktop.storage.mailbox import Mailbox, NotFound, TemplateNameError


def test_templates_from_save_to_delete(tmp_path: Path) -> None:
    with Mailbox(tmp_path / "mailbox.sqlite3") as mailbox:
        first = mailbox.save_template("  Monthly   report ", '{"subject": "May"}')
        second = mailbox.save_template("Welcome", '{"subject": "Hi"}')
        assert [t.name for t in mailbox.templates()] == ["Monthly report", "Welcome"]
        with pytest.raises(TemplateNameError, match="already"):
            mailbox.save_template("monthly REPORT", "{}")
        assert mailbox.save_template("monthly REPORT", '{"subject": "June"}', replace=True) == first
        assert mailbox.template("MONTHLY report").draft == '{"subject": "June"}'
        assert mailbox.template(str(second)).name == "Welcome"
        mailbox.rename_template(second, "Welcome aboard")
        with pytest.raises(TemplateNameError, match="already"):
            mailbox.rename_template(second, "Monthly Report")
        with pytest.raises(TemplateNameError, match="cannot be a template's name"):
            mailbox.save_template("\n", "{}")
        mailbox.delete_template(first)
        with pytest.raises(NotFound, match="The templates are: Welcome aboard"):
            mailbox.template("Monthly report")
        with pytest.raises(NotFound):
            mailbox.delete_template(first)
    # Kept across connections, as drafts are.
    with Mailbox(tmp_path / "mailbox.sqlite3") as again:
        assert [t.name for t in again.templates()] == ["Welcome aboard"]
