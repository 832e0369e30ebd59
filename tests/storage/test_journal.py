"""The journal folder: privacy, atomic writes, the lock, ids, damaged files, migrations."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from trustlog.domain.kinds import UNDATED_FOLDERS
from trustlog.errors import InputError, JournalError
from trustlog.storage import atomic, files, migrate
from trustlog.storage import journal as journal_module
from trustlog.storage.journal import Journal


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_write_creates_a_private_journal(cli, home):
    os.umask(0o022)
    assert cli("checkin", "--mood", "3").exit_code == 0
    assert mode(home) == 0o700
    for path in home.rglob("*"):
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_an_existing_journal_folder_keeps_its_permissions_and_is_warned_about(cli, home):
    # Issue 9: it was tightened to 0700; its permissions are the person's to choose.
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    run = cli("checkin", "--mood", "3")
    assert run.exit_code == 0
    assert mode(home) == 0o755
    assert run.stderr.count("other people on this computer can open your journal") == 1
    for path in home.rglob("*"):
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_reading_an_empty_journal_creates_nothing(cli, home):
    assert cli("entries", "--json").json() == []
    assert not home.exists()


def test_an_atomic_write_that_fails_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "entry.md"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.md"]  # no temp file left


def test_writes_outside_the_lock_are_refused(journal):
    with pytest.raises(RuntimeError):
        journal.write(journal.dated_path(date(2026, 11, 24), "checkin", "abcde"), {}, None)


def test_a_dozen_parallel_checkins_lose_nothing(home, tmp_path):
    env = {**os.environ, "TRUSTLOG_HOME": str(home)}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "trustlog",
                "checkin",
                "--date",
                f"2026-11-{day:02d}",
                "--mood",
                "3",
                "--note",
                f"day {day}",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for day in range(1, 13)
    ]
    for run in runs:
        _, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
    # And a dozen more updating the same day at once: one check-in, last writer wins.
    same_day = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "trustlog",
                "checkin",
                "--date",
                "2026-11-20",
                "--grateful",
                f"thing {n}",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(12)
    ]
    for run in same_day:
        _, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
    journal = Journal(home, undated_folders=UNDATED_FOLDERS)
    files = journal.files_between(date(2026, 11, 1), date(2026, 11, 30), "checkin")
    assert sorted(f.date.day for f in files) == [*range(1, 13), 20]
    notes = {journal.read(f).body for f in files if f.date.day <= 12}
    assert notes == {f"day {day}" for day in range(1, 13)}


def test_a_second_writer_waits_for_the_lock_then_gives_up_kindly(journal, monkeypatch):
    monkeypatch.setattr(files, "LOCK_TIMEOUT_SECONDS", 0.1)
    other = Journal(journal.root, undated_folders=UNDATED_FOLDERS)
    with (
        journal.writing(),
        pytest.raises(JournalError, match="Another trustlog is still writing"),
        other.writing(),
    ):
        pass


def test_ids_are_short_typable_and_unique(journal):
    with journal.writing():
        ids = {journal.new_id() for _ in range(200)}
    assert len(ids) == 200
    for entry_id in ids:
        assert len(entry_id) == 5
        assert set(entry_id) <= set(journal_module.ID_ALPHABET)
        assert not set(entry_id) & set("01ilo")


def test_find_by_unique_prefix_and_refuse_an_ambiguous_one(cli, journal):
    first = cli("checkin", "--date", "2026-11-01", "--mood", "2", "--json").json()["id"]
    assert journal.find(first[:3]).id == first
    with pytest.raises(InputError, match="No entry has the id 'zzzzz'"):
        journal.find("zzzzz")


def test_a_damaged_file_is_never_rewritten(cli, home):
    assert cli("checkin", "--mood", "3").exit_code == 0
    (path,) = home.glob("2026/11/*.md")
    damaged = path.read_bytes().replace(b"mood = 3", b"mood = = 3")
    path.write_bytes(damaged)
    run = cli("checkin", "--mood", "4")
    assert run.exit_code == 1
    assert f"{path}, line 6: " in run.stderr
    assert "left exactly as it is" in run.stderr
    assert "Traceback" not in run.stderr
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_value_a_hand_edit_made_unusable_names_its_line(cli, home):
    assert cli("checkin", "--mood", "3", "--trust", "5").exit_code == 0
    (path,) = home.glob("2026/11/*.md")
    path.write_text(path.read_text().replace("trust = 5", "trust = 12"))
    run = cli("entries")
    assert run.exit_code == 1
    assert run.stderr.startswith(f"trustlog: {path}, line 7: 'trust' should be a whole number")


def test_a_journal_from_a_newer_trustlog_is_refused(cli, home):
    assert cli("checkin", "--mood", "3").exit_code == 0
    settings = home / "journal.toml"
    settings.write_text("format = 99\n")
    run = cli("checkin", "--mood", "4")
    assert run.exit_code == 1
    assert "newer trustlog (format 99)" in run.stderr
    assert settings.read_text() == "format = 99\n"


def test_a_migration_backs_up_the_journal_first(cli, home, monkeypatch):
    assert cli("checkin", "--mood", "3", "--note", "kept safe").exit_code == 0
    (entry,) = home.glob("2026/11/*.md")
    before = entry.read_text()
    calls = []

    def to_version_2(journal: Journal) -> None:
        calls.append(journal.root)
        for f in journal.files_between(None, None):
            text = f.path.read_text().replace("mood = 3", "mood = 3\nmigrated = true")
            journal.write_text(f.path, text)

    monkeypatch.setattr(journal_module, "FORMAT_VERSION", 2)
    monkeypatch.setitem(migrate.STEPS, 1, to_version_2)
    (home / "journal.toml").write_text("format = 1\n")
    assert cli("checkin", "--date", "2026-11-23", "--mood", "4").exit_code == 0
    assert calls == [home]
    assert "migrated = true" in entry.read_text()
    assert "format = 2" in (home / "journal.toml").read_text()
    (backup,) = (home / "backups").iterdir()
    assert backup.name.startswith("format-1-")
    assert (backup / entry.relative_to(home)).read_text() == before
    assert mode(backup) == 0o700


def test_the_lock_is_exclusive_and_released_even_after_an_error(tmp_path):
    from trustlog.storage import lock

    path = tmp_path / ".lock"
    with lock.hold(path, 0), pytest.raises(lock.Busy), lock.hold(path, 0.05):
        pass
    with pytest.raises(RuntimeError), lock.hold(path, 0):
        raise RuntimeError("a command failed")
    with lock.hold(path, 0):  # free again
        pass
    assert mode(path) == 0o600


def test_a_writer_waits_while_another_process_holds_the_lock(home, journal):
    from trustlog.storage import lock

    home.mkdir(mode=0o700)
    done = home / "done"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from trustlog.storage import lock\n"
            "with lock.hold(Path(sys.argv[1]), 5):\n"
            "    print('held', flush=True); time.sleep(0.3); Path(sys.argv[2]).touch()",
            str(home / ".lock"),
            str(done),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "held\n"
    with pytest.raises(lock.Busy), lock.hold(home / ".lock", 0):
        pass
    with journal.writing():  # waits for the other process, then goes ahead
        assert done.exists()
    assert holder.wait(timeout=10) == 0
