"""What the sandbox writes is private to the user: 0600 files, 0700 folders, whatever the umask."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpeter_desktop.sandbox import Sandbox, SandboxConfig, StartError
from tests.sandbox.clients import MESSAGE, send_json, smtp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems start with: new files readable by everyone."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _send_both_ways(box: Sandbox) -> None:
    with smtp(box) as client:
        client.sendmail("ann@example.com", ["bob@example.org"], MESSAGE)
    answer = send_json(box, {"recipient": "bob@example.org", "mime": MESSAGE.decode()})
    assert answer.status_code == 200


@pytest.mark.usefixtures("usual_umask")
@pytest.mark.parametrize("existing", ["parent", "data folder"])
def test_everything_written_is_private(tmp_path: Path, existing: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o755)
    data = home / "sandbox" / "data"
    if existing == "data folder":
        data.mkdir(parents=True)
        data.chmod(0o755)
    with Sandbox(SandboxConfig(data_dir=data)) as box:
        _send_both_ways(box)
    written = sorted(data.rglob("*"))
    assert {p.name for p in written} >= {"ca.pem", "ca-key.pem", "messages"}
    assert len(list((data / "messages").glob("*.eml"))) == 2
    for path in written:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
    if existing == "parent":
        assert _mode(data) == _mode(data.parent) == 0o700  # made by the sandbox
    else:
        assert _mode(data) == 0o755  # the user's choice, left alone
    assert _mode(home) == 0o755


@pytest.mark.usefixtures("usual_umask")
def test_files_an_older_sandbox_left_open_are_closed_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Sandbox(SandboxConfig(data_dir=data)) as box:
        _send_both_ways(box)
    opened = [*data.rglob("*")]
    for path in opened:
        path.chmod(0o755 if path.is_dir() else 0o644)
    with Sandbox(SandboxConfig(data_dir=data)):
        pass
    for path in opened:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_a_file_in_the_way_is_reported_and_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    blocker.chmod(0o644)
    with pytest.raises(StartError, match="data folder"):
        Sandbox(SandboxConfig(data_dir=blocker / "sandbox")).start()
    assert _mode(blocker) == 0o644
    assert blocker.read_text() == "not a folder"
