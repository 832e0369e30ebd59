"""Permissions are only ever taken away (issue 9, case 3).

Folders trustlog creates are 0700 and files 0600; a folder or file that is
there already keeps its permissions. A journal made read-only by its owner
is refused whole (exit 1, naming the folder or file), and one open to others
is left open, with a note once per command.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def snapshot(home: Path) -> dict[Path, tuple[int, bytes | None]]:
    return {
        path: (mode(path), None if path.is_dir() else path.read_bytes())
        for path in [home, *home.rglob("*")]
    }


def make_read_only(home: Path) -> None:
    for path in [home, *home.rglob("*")]:
        path.chmod(mode(path) & ~0o222)


@pytest.fixture
def restore(home: Path):
    yield
    for path in [home, *home.rglob("*")] if home.exists() else []:
        path.chmod(mode(path) | 0o200)


@pytest.mark.parametrize(
    "args",
    [
        ["checkin", "--mood", "4"],  # updates today's check-in
        ["checkin", "--date", "2026-10-02", "--mood", "4"],  # a new month folder
        ["promise", "add", "Call at lunch"],
        ["init", "--name", "Sam"],
    ],
)
def test_a_read_only_journal_is_refused_and_nothing_changes(cli, home, restore, args):
    assert cli("checkin", "--mood", "3").exit_code == 0
    make_read_only(home)
    before = snapshot(home)
    run = cli(*args)
    assert run.exit_code == 1, run.stderr
    assert "is read-only, so nothing could be saved" in run.stderr
    assert str(home) in run.stderr
    assert "Traceback" not in run.stderr
    assert snapshot(home) == before


def test_deleting_from_a_read_only_journal_is_refused(cli, home, restore):
    entry = cli("checkin", "--mood", "3", "--json").json()
    make_read_only(home)
    before = snapshot(home)
    run = cli("delete", entry["id"], "--yes")
    assert run.exit_code == 1
    assert "2026/11: this folder is read-only" in run.stderr
    assert snapshot(home) == before


def test_a_read_only_file_is_not_replaced(cli, home, restore):
    cli("checkin", "--mood", "3")
    (entry,) = home.glob("2026/11/*.md")
    entry.chmod(0o400)
    before = snapshot(home)
    run = cli("checkin", "--mood", "4")
    assert run.exit_code == 1
    assert f"{entry}: this file is read-only" in run.stderr
    assert snapshot(home) == before


def test_a_file_open_to_others_is_made_private_when_it_is_rewritten(cli, home):
    cli("checkin", "--mood", "3")
    (entry,) = home.glob("2026/11/*.md")
    entry.chmod(0o644)
    assert cli("checkin", "--mood", "4").exit_code == 0
    assert mode(entry) == 0o600


def test_a_shared_folder_given_as_the_journal_is_left_as_it_is(cli, home):
    home.mkdir()
    home.chmod(0o1777)
    run = cli("checkin", "--mood", "3")
    assert run.exit_code == 0
    assert mode(home) == 0o1777
    assert run.stderr.count("other people on this computer can open your journal") == 1
    assert "1777" in run.stderr
    (month,) = home.glob("2026/11")
    assert mode(month) == 0o700
    assert mode(next(month.iterdir())) == 0o600
    # Said by reads too, once each, and never on stdout.
    listed = cli("entries", "--json")
    assert listed.stderr.count("can open your journal") == 1
    assert listed.stdout.startswith("[")


def test_a_private_journal_says_nothing_about_permissions(cli, home):
    run = cli("checkin", "--mood", "3")
    assert "can open your journal" not in run.stderr
    assert "can open your journal" not in cli("entries").stderr
