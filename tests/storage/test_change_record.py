"""A change spanning files is all or nothing, however a crash or a full disk stops it.

Each multi-file change is stopped at every rename and removal in turn (a
killed process, tests/support/crash.py; or an OSError), then the journal is read
again: it must be exactly as before the command or exactly as after, with no
change record and no temporary file left.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.paths import SUPPORT
from trustlog.domain.kinds import UNDATED_FOLDERS
from trustlog.storage import names
from trustlog.storage.journal import Journal

CRASH = SUPPORT / "crash.py"
MOVE_EDITOR = """
    import sys
    path = sys.argv[1]
    text = open(path).read()
    open(path, "w").write(text.replace("date = 2026-11-24", "date = 2026-10-05"))
"""


def snapshot(home: Path) -> dict[str, bytes]:
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in home.rglob("*")
        if p.is_file() and p.name != ".lock"
    }


def entries_of(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.endswith(".tmp")}


def entries(home: Path) -> dict[str, bytes]:
    return entries_of(snapshot(home))


def without_draft(files: dict[str, bytes]) -> dict[str, bytes]:
    """An edit stopped before its save keeps the person's text as a draft, by design."""
    return {name: data for name, data in files.items() if "/.edit-" not in name}


def leftovers(home: Path) -> list[str]:
    return [p.name for p in home.rglob("*") if p.name.endswith(".tmp") or p.name == ".change.json"]


def crash(k: int, args: list[str]) -> int:
    return subprocess.run([sys.executable, str(CRASH), str(k), *args], check=False).returncode


def restore(before: Path, home: Path) -> None:
    shutil.rmtree(home)
    shutil.copytree(before, home)


def apology_with_promises(cli, tmp_path, monkeypatch) -> list[str]:
    cli("checkin", "--mood", "3")
    return ["apology", "draft", "--did", "I lied", "--promise", "Call at lunch",
            "--promise", "Home by six", "--json"]  # fmt: skip


def checkin_with_marks(cli, tmp_path, monkeypatch) -> list[str]:
    first = cli("promise", "add", "Call at lunch", "--start", "2026-11-20", "--json").json()
    second = cli("promise", "add", "Home by six", "--start", "2026-11-20", "--json").json()
    return ["checkin", "--mood", "4", "--kept", first["id"], "--broken", second["id"], "--json"]


def edit_moving_the_date(cli, tmp_path, monkeypatch) -> list[str]:
    entry = cli("checkin", "--mood", "2", "--note", "a long day", "--json").json()
    program = tmp_path / "editor.py"
    program.write_text(textwrap.dedent(MOVE_EDITOR))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {program}")
    return ["edit", entry["id"]]


def promise_deleted_with_marks(cli, tmp_path, monkeypatch) -> list[str]:
    promise = cli("promise", "add", "Call at lunch", "--start", "2026-11-20", "--json").json()
    for day in ("2026-11-21", "2026-11-22", "2026-11-23"):
        cli("promise", "kept", promise["id"], "--date", day)
    return ["delete", promise["id"], "--yes", "--json"]


CHANGES = [
    apology_with_promises,
    checkin_with_marks,
    edit_moving_the_date,
    promise_deleted_with_marks,
]


@pytest.mark.parametrize("prepare", CHANGES)
def test_a_kill_at_any_step_leaves_before_or_after(prepare, cli, home, tmp_path, monkeypatch):
    args = prepare(cli, tmp_path, monkeypatch)
    before_dir = tmp_path / "before"
    shutil.copytree(home, before_dir)
    before = snapshot(home)
    assert crash(0, args) == 0
    after = snapshot(home)
    assert after != before and not leftovers(home)

    interrupted = 0
    for k in range(1, 40):
        restore(before_dir, home)
        if crash(k, args) == 0:
            break
        interrupted += ".change.json" in leftovers(home)
        run = cli("entries", "--json")  # a command that only reads finishes the change
        assert run.exit_code == 0, run.stderr
        assert without_draft(entries(home)) in (entries_of(before), entries_of(after)), k
        with Journal(home, undated_folders=UNDATED_FOLDERS).writing():
            pass  # the next command that writes also clears what killed writes left
        assert without_draft(snapshot(home)) in (before, after), f"killed at step {k}"
        assert leftovers(home) == [], f"killed at step {k}"
    else:
        pytest.fail("the command never finished")
    assert interrupted >= 2  # some kills really did land between the files


def test_a_writing_command_finishes_an_interrupted_change_first(cli, home, tmp_path, monkeypatch):
    args = checkin_with_marks(cli, tmp_path, monkeypatch)
    before_dir = tmp_path / "before"
    shutil.copytree(home, before_dir)
    crash(0, args)
    after = snapshot(home)
    restore(before_dir, home)
    assert crash(3, args) != 0  # the record and one file landed
    assert ".change.json" in leftovers(home) and snapshot(home) != after
    with Journal(home, undated_folders=UNDATED_FOLDERS).writing():
        pass
    assert snapshot(home) == after and leftovers(home) == []


@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_a_full_disk_at_any_step_says_what_happened(k, cli, home, tmp_path, monkeypatch):
    args = apology_with_promises(cli, tmp_path, monkeypatch)
    before_dir = tmp_path / "before"
    shutil.copytree(home, before_dir)
    before = snapshot(home)
    monkeypatch.setattr(names, "pick", random.Random(7).choice)
    assert cli(*args).exit_code == 0
    after = snapshot(home)
    restore(before_dir, home)

    real = os.replace
    calls = 0

    def full(*a: object) -> None:
        nonlocal calls
        calls += 1
        if calls == k:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(*a)  # type: ignore[arg-type]

    monkeypatch.setattr(names, "pick", random.Random(7).choice)
    monkeypatch.setattr(os, "replace", full)
    run = cli(*args)
    monkeypatch.setattr(os, "replace", real)
    assert run.exit_code == 1
    assert "No space left on device" in run.stderr
    assert str(home) in run.stderr  # the file is named
    if k == 1:  # the record itself could not be written
        assert "Nothing was changed." in run.stderr
        assert snapshot(home) == before
    else:
        assert "the next trustlog command completes it" in run.stderr
    assert cli("entries", "--json").exit_code == 0
    assert snapshot(home) == (before if k == 1 else after)
    assert leftovers(home) == []


def test_a_damaged_record_is_removed_and_changes_nothing(cli, home):
    cli("checkin", "--mood", "3")
    before = snapshot(home)
    (home / ".change.json").write_text('{"trustlog_change": 1, "write": [{"path": "x.md", "te')
    (home / "2026" / "11" / ".2026-11-24-checkin-abcde.md.k2j4h5g6.tmp").write_text("secret")
    assert cli("checkin", "--mood", "4").exit_code == 0  # the sweep runs before the write
    assert leftovers(home) == []
    assert snapshot(home).keys() == before.keys()


def test_a_record_may_not_reach_outside_the_journal(cli, home, tmp_path):
    cli("checkin", "--mood", "3")
    outside = tmp_path / "outside.md"
    record = (
        '{"trustlog_change": 1, "write": [{"path": "../outside.md", "text": "x"},'
        ' {"path": "2026/11/a.md", "text": "y"}], "remove": []}'
    )
    (home / ".change.json").write_text(record)
    assert cli("entries", "--json").exit_code == 0
    assert not outside.exists() and not (home / "2026" / "11" / "a.md").exists()
    assert leftovers(home) == []


def test_a_single_file_write_needs_no_record(cli, home, monkeypatch):
    cli("checkin", "--mood", "3")
    names: list[str] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (names.append(Path(b).name), real(a, b)))
    cli("checkin", "--mood", "4")
    assert names == ["2026-11-24-checkin-" + names[0].rsplit("-", 1)[1]]


def test_the_change_api_lands_whole_and_reads_its_own_writes(journal, home):
    first, second, gone = home / "a" / "one.md", home / "two.md", home / "gone.md"
    with journal.writing():
        journal.write_bytes(gone, b"old")
    with journal.writing(), journal.change() as change:
        change.write(first, b"\xff\x00 not text")
        change.write(second, "två".encode())
        change.remove(gone)
        assert journal.read_bytes(first) == b"\xff\x00 not text"
        assert journal.exists(second) and not journal.exists(gone)
        assert not first.exists()  # nothing lands before the block ends
    assert first.read_bytes() == b"\xff\x00 not text"
    assert second.read_text() == "två" and not gone.exists()
    assert leftovers(home) == []


def test_an_error_inside_a_change_changes_nothing(journal, home):
    with journal.writing():
        pass
    before = snapshot(home)
    with pytest.raises(RuntimeError), journal.writing():
        journal.write_bytes(home / "one.md", b"1")
        journal.write_bytes(home / "two.md", b"2")
        raise RuntimeError("found a problem half way")
    assert snapshot(home) == before


def test_a_record_of_bytes_that_are_not_text_is_carried_out(journal, home, monkeypatch):
    with journal.writing():
        pass
    real = os.replace
    calls = 0

    def second_fails(a: str, b: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(errno.EIO, "Input/output error")
        real(a, b)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(OSError), journal.writing():
        journal.write_bytes(home / "one.bin", b"\xff\xfe")
        journal.write_bytes(home / "two.bin", b"\x00")
    monkeypatch.setattr(os, "replace", real)
    assert '"base64": "//4="' in (home / ".change.json").read_text()
    with journal.writing():
        pass
    assert (home / "one.bin").read_bytes() == b"\xff\xfe"
    assert (home / "two.bin").read_bytes() == b"\x00"
    assert leftovers(home) == []
