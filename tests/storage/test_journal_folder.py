"""Where the journal lives: `--journal DIR` › `TRUSTLOG_HOME` › the platform's user data folder."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def saved_checkins(folder: Path) -> list[Path]:
    return sorted(folder.glob("2026/11/2026-11-24-checkin-*.md"))


def test_the_journal_option_wins_over_trustlog_home(cli, home, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "journal"
    made = cli("--journal", str(elsewhere), "checkin", "--mood", "4", "--json").json()
    [path] = saved_checkins(elsewhere)
    assert path.name == f"2026-11-24-checkin-{made['id']}.md"
    assert (mode(elsewhere), mode(path)) == (0o700, 0o600)
    assert not home.exists()  # TRUSTLOG_HOME was set, and left alone
    listed = cli("--journal", str(elsewhere), "entries", "--json").json()
    assert [entry["id"] for entry in listed] == [made["id"]]
    assert cli("entries", "--json").json() == []


def test_the_journal_option_understands_a_home_folder(cli, home, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    cli("--journal", "~/trust", "checkin", "--mood", "4")
    assert len(saved_checkins(tmp_path / "me" / "trust")) == 1
    assert not (Path.cwd() / "~").exists()


def test_trustlog_home_is_used_without_the_option(cli, home):
    cli("checkin", "--mood", "4")
    assert len(saved_checkins(home)) == 1
    assert mode(home) == 0o700


@pytest.mark.parametrize("trustlog_home", [None, ""])
def test_the_user_data_folder_when_nothing_else_is_given(cli, tmp_path, monkeypatch, trustlog_home):
    """An empty TRUSTLOG_HOME counts as not set."""
    import platformdirs

    if trustlog_home is None:
        monkeypatch.delenv("TRUSTLOG_HOME")
    else:
        monkeypatch.setenv("TRUSTLOG_HOME", trustlog_home)
    # platformdirs finds the data folder from these (Linux: XDG_DATA_HOME; macOS: HOME).
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "me" / "data"))
    default = Path(platformdirs.user_data_dir("trustlog", appauthor=False))
    assert default.is_relative_to(tmp_path)  # never a real person's journal
    if sys.platform.startswith("linux"):
        assert default == tmp_path / "me" / "data" / "trustlog"
    assert not default.exists()

    run = cli("checkin", "--mood", "4")
    assert run.exit_code == 0, run.stderr
    [path] = saved_checkins(default)
    assert (mode(default), mode(path)) == (0o700, 0o600)
    assert [entry["mood"] for entry in cli("entries", "--json").json()] == [4]


def test_a_folder_made_by_another_run_at_the_same_moment_is_no_error(tmp_path, monkeypatch):
    """Two first runs at once: both see no folder, one makes it, the other must go on."""
    from trustlog.storage import atomic

    made = tmp_path / "journal"
    made.mkdir(mode=0o700)
    looks: list[Path] = []
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:  # the first look sees nothing: the other run's mkdir is later
        looks.append(self)
        return len(looks) > 1 and real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    atomic.ensure_folder(made)
    assert made.is_dir()
