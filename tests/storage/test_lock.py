"""The journal's lock serialises every writer, even when a holder takes the lock file away."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from trustlog.domain.kinds import UNDATED_FOLDERS
from trustlog.storage import lock
from trustlog.storage.journal import LOCK_FILE, Journal


class Failed(Exception):
    pass


def test_a_command_waiting_on_a_failed_first_command_still_holds_the_one_lock(tmp_path: Path):
    # The first command on a new journal fails, and takes the journal it made away
    # (lock file included) while a second one waits for the lock. The second must
    # end up holding the lock file that is there, not one that no one else can see.
    root = tmp_path / "new" / "journal"
    first, second = (Journal(root, undated_folders=UNDATED_FOLDERS) for _ in range(2))
    inside, go_on = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def fail_first() -> None:
        try:
            with first.writing():
                inside.set()
                go_on.wait(5)
                raise Failed
        except Failed:
            seen["first"] = "failed"

    def write_second() -> None:
        with second.writing():
            # the settings land with the block's other writes; the journal sees them now
            seen["settings"] = second.exists(root / "journal.toml")
            try:
                with lock.hold(root / LOCK_FILE, timeout=0):
                    seen["third"] = "got the lock too"
            except lock.Busy:
                seen["third"] = "had to wait"

    one = threading.Thread(target=fail_first)
    one.start()
    assert inside.wait(5)
    two = threading.Thread(target=write_second)
    two.start()
    two.join(0.3)  # it is waiting for the lock
    assert two.is_alive()
    go_on.set()
    one.join(5)
    two.join(5)
    assert seen == {"first": "failed", "settings": True, "third": "had to wait"}
    assert (root / LOCK_FILE).exists()


def test_a_lock_file_taken_away_while_waiting_is_locked_anew(tmp_path: Path):
    path = tmp_path / LOCK_FILE
    with lock.hold(path, timeout=0):
        path.unlink()
        # The file now at the path is a new one: a newcomer locks that one at once.
        with lock.hold(path, timeout=0):
            assert path.exists()


def test_a_held_lock_is_busy_for_others(tmp_path: Path):
    path = tmp_path / LOCK_FILE
    with lock.hold(path, timeout=0), pytest.raises(lock.Busy), lock.hold(path, timeout=0):
        pass


def test_a_long_wait_is_told_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(lock, "NOTICE_SECONDS", 0.05)
    path = tmp_path / LOCK_FILE
    told: list[str] = []
    with lock.hold(path, timeout=0):
        release = threading.Event()

        def other() -> None:
            with lock.hold(path, timeout=5, waiting=lambda: told.append("waiting")):
                release.set()

        waiter = threading.Thread(target=other)
        waiter.start()
        assert not release.wait(0.3)  # still waiting, and told so
    waiter.join(5)
    assert release.is_set() and told == ["waiting"]


def test_a_short_wait_says_nothing(tmp_path: Path):
    told: list[str] = []
    with lock.hold(tmp_path / LOCK_FILE, timeout=0, waiting=lambda: told.append("waiting")):
        pass
    assert told == []


def test_a_command_waiting_for_another_says_so(home: Path):
    import os
    import subprocess
    import sys

    journal = Journal(home, undated_folders=UNDATED_FOLDERS)
    with journal.writing():
        waiting = subprocess.Popen(
            [sys.executable, "-m", "trustlog", "checkin", "--mood", "3"],
            env={**os.environ, "TRUSTLOG_HOME": str(home)},
            stderr=subprocess.PIPE,
            text=True,
        )
        threading.Event().wait(lock.NOTICE_SECONDS + 1)
    _, said = waiting.communicate(timeout=30)
    assert waiting.returncode == 0, said
    assert said.startswith("Waiting for another trustlog command to finish…\n")
    assert "Saved today's check-in" in said
