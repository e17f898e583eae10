"""Process leases: held while a process lives, seen free once it is killed, stale files removed."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from smtpeter_desktop.storage.lease import LeaseRegistry
from tests.storage.mailbox_helpers import child, kill, line


@pytest.fixture
def registry(isolated_home: Path) -> LeaseRegistry:
    return LeaseRegistry(isolated_home)


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            kill(process)


def test_a_lease_is_held_until_released(registry: LeaseRegistry, isolated_home: Path) -> None:
    lease = registry.acquire()
    assert lease.path == isolated_home / "run" / f"{lease.owner}.lock"
    assert lease.path.exists()
    # Checked on another open file of the same process: flock tells them apart.
    assert registry.alive(lease.owner)
    assert repr(lease) == f"<Lease {lease.owner} held>"
    lease.release()
    assert not lease.path.exists()
    assert not registry.alive(lease.owner)
    lease.release()
    assert repr(lease) == f"<Lease {lease.owner} released>"


def test_every_lease_has_an_owner_of_its_own(registry: LeaseRegistry) -> None:
    with registry.acquire() as one, registry.acquire() as two:
        assert one.owner != two.owner
        assert one.owner.startswith(f"{os.getpid()}-")
        assert registry.alive(one.owner)
        assert registry.alive(two.owner)
        assert registry.clean() == []


def test_a_killed_process_is_seen_dead_and_its_file_removed(
    registry: LeaseRegistry, children: list[subprocess.Popen[str]]
) -> None:
    process = child("lease", str(registry.folder.parent))
    children.append(process)
    assert line(process.stdout) == "start"
    owner = line(process.stdout)
    assert registry.alive(owner)
    assert registry.clean() == []
    kill(process)
    assert not registry.alive(owner)
    assert (registry.folder / f"{owner}.lock").exists()
    assert registry.clean() == [owner]
    assert not (registry.folder / f"{owner}.lock").exists()
    assert not registry.alive(owner)


def test_a_process_that_ends_normally_leaves_no_file(
    registry: LeaseRegistry, children: list[subprocess.Popen[str]]
) -> None:
    process = child("lease", str(registry.folder.parent))
    children.append(process)
    assert line(process.stdout) == "start"
    owner = line(process.stdout)
    process.communicate("", timeout=30)
    assert process.returncode == 0
    assert not registry.alive(owner)
    assert list(registry.folder.iterdir()) == []


def test_a_new_lease_clears_stale_files_and_nothing_else(registry: LeaseRegistry) -> None:
    registry.folder.mkdir(parents=True)
    # A lock file no process holds is what a killed process leaves behind.
    stale = registry.folder / "4242-0123456789ab.lock"
    stale.write_text("4242\n")
    others = [registry.folder / name for name in ("notes.txt", "mine.lock", "12-zz.lock")]
    for path in others:
        path.write_text("")
    with registry.acquire() as lease:
        assert not stale.exists()
        assert all(path.exists() for path in others)
        assert sorted(path.name for path in registry.folder.iterdir()) == sorted(
            [*(path.name for path in others), lease.path.name]
        )


def test_an_owner_that_was_never_there_is_dead(registry: LeaseRegistry) -> None:
    assert not registry.alive("1-000000000000")


@pytest.mark.parametrize("name", ["", "../etc/passwd", "1-ABC", "1-000000000000.lock"])
def test_a_name_that_is_no_owner_is_a_bug(registry: LeaseRegistry, name: str) -> None:
    with pytest.raises(ValueError, match="not a lease owner"):
        registry.alive(name)
