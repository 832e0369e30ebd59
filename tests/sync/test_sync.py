"""`trustlog sync setup`, `sync`, `sync status`: a journal on two devices through a bare repo."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.support.sync_helpers import Device, bare, everything_in, git, messages

WORDS = ("walk by the river", "quiet tea", "Rosalind")
NO_KEYS = {"sharing_keys": None}  # no sharing keys were made on both devices


def pair(laptop: Device, desk: Device, remote: Path) -> None:
    laptop.ok("checkin", "--mood", "4", "--note", WORDS[0])
    laptop.ok("sync", "setup", str(remote))
    desk.ok("sync", "setup", str(remote))


def test_setup_sends_a_journal_to_an_empty_remote_and_an_empty_journal_takes_it(
    laptop, desk, remote
):
    laptop.ok("checkin", "--mood", "4", "--note", WORDS[0])
    sent = laptop("sync", "setup", str(remote), "--json").json()
    assert sent == {
        "remote": str(remote),
        "action": "sent",
        "files": 1,
        "encrypted": False,
        **NO_KEYS,
    }
    taken = desk("sync", "setup", str(remote), "--json").json()
    assert taken == {
        "remote": str(remote),
        "action": "received",
        "files": 1,
        "encrypted": False,
        **NO_KEYS,
    }
    assert desk.entries() == laptop.entries()
    assert (desk.root / ".sync" / "git").is_dir()
    assert oct((desk.root / ".sync").stat().st_mode & 0o777) == "0o700"


def test_a_remote_folder_named_from_here_is_kept_by_its_whole_path(
    laptop, desk, remote, monkeypatch
):
    laptop.ok("checkin", "--mood", "4")
    monkeypatch.chdir(remote.parent)
    sent = laptop("sync", "setup", remote.name, "--json").json()
    assert sent["remote"] == str(remote)
    monkeypatch.chdir(laptop.root.parent.parent)  # a sync from anywhere else
    desk.ok("sync", "setup", str(remote))
    assert desk.entries() == laptop.entries()
    assert laptop("sync", "status", "--json").json()["remote"] == str(remote)


def test_a_plain_journals_setup_says_once_that_the_remote_holds_plain_text(laptop, remote):
    laptop.ok("checkin", "--mood", "4")
    run = laptop("sync", "setup", str(remote))
    assert "plain text" in run.stderr and run.stdout == ""
    assert "plain text" not in laptop("sync").stderr


def test_new_entries_travel_both_ways(laptop, desk, remote, at):
    pair(laptop, desk, remote)
    at("2026-11-25T08:00:00+00:00")
    laptop.ok("trigger", "--what", "a message", "--intensity", "4", "--no-timer")
    desk.ok("promise", "add", "Call at seven", "--every", "daily")
    assert laptop.sync() == {"sent": 1, "received": 0, "merged": [], "conflicts": [], **NO_KEYS}
    assert desk.sync()["received"] == 1
    assert laptop.sync()["received"] == 1
    assert laptop.entries() == desk.entries()
    assert '"trigger"' in laptop.entries() and '"promise"' in laptop.entries()
    assert laptop.sync() == {"sent": 0, "received": 0, "merged": [], "conflicts": [], **NO_KEYS}
    assert "Already in step" in laptop("sync").stderr


def test_status_counts_entry_files_ahead_and_behind(laptop, desk, remote, at):
    pair(laptop, desk, remote)
    at("2026-11-25T08:00:00+00:00")
    laptop.ok("trigger", "--what", "x", "--no-timer")
    laptop.ok("checkin", "--mood", "3")
    desk.ok("trigger", "--what", "y", "--no-timer")
    desk.sync()
    status = laptop("sync", "status", "--json").json()
    assert status == {
        "remote": str(remote),
        "last_sync": "2026-11-24T20:00:00+00:00",
        "ahead": 2,
        "behind": 1,
        "checked": True,
    }
    laptop.sync()
    after = laptop("sync", "status", "--json").json()
    assert (after["ahead"], after["behind"]) == (0, 0)
    assert after["last_sync"] == "2026-11-25T08:00:00+00:00"


def test_a_remote_holding_another_journal_is_refused_and_nothing_changes(laptop, desk, remote):
    laptop.ok("checkin", "--mood", "4")
    laptop.ok("sync", "setup", str(remote))
    desk.ok("checkin", "--mood", "2", "--note", "the desk's own")
    before = desk.entries()
    run = desk("sync", "setup", str(remote))
    assert run.exit_code == 2
    assert "already holds a journal" in run.stderr and "empty folder" in run.stderr
    assert not (desk.root / ".sync").exists()
    assert desk.entries() == before


def test_a_repository_that_is_not_a_journal_is_refused(desk, tmp_path):
    other = bare(tmp_path / "other.git")
    tree = git(other, "mktree", data=b"").decode().strip()
    commit = git(other, "commit-tree", tree, "-m", "x").decode().strip()
    git(other, "update-ref", "refs/heads/main", commit)
    run = desk("sync", "setup", str(other))
    assert run.exit_code == 2 and "does not hold a trustlog journal" in run.stderr
    assert not (desk.root / ".sync").exists()


def hashes(root: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_a_refused_setup_in_a_new_folder_leaves_no_folder_behind(tmp_path, cli):
    other = bare(tmp_path / "other.git")
    tree = git(other, "mktree", data=b"").decode().strip()
    commit = git(other, "commit-tree", tree, "-m", "x").decode().strip()
    git(other, "update-ref", "refs/heads/main", commit)
    for new in (Device(tmp_path / "new", cli), Device(tmp_path / "a" / "b" / "new", cli)):
        run = new("sync", "setup", str(other))
        assert run.exit_code == 2 and "does not hold a trustlog journal" in run.stderr
        assert not new.root.exists()
    assert not (tmp_path / "a").exists()


def test_a_refused_setup_in_a_journal_changes_no_file(laptop, desk, remote):
    laptop.ok("checkin", "--mood", "4")
    laptop.ok("sync", "setup", str(remote))
    desk.ok("checkin", "--mood", "2", "--note", "the desk's own")
    before = hashes(desk.root)
    run = desk("sync", "setup", str(remote))
    assert run.exit_code == 2
    assert hashes(desk.root) == before


def test_an_unreachable_remote_is_named_exit_1_and_nothing_changes(laptop, remote, tmp_path):
    laptop.ok("checkin", "--mood", "4")
    missing = tmp_path / "unplugged" / "journal.git"
    run = laptop("sync", "setup", str(missing))
    assert run.exit_code == 1 and str(missing) in run.stderr
    assert not (laptop.root / ".sync").exists()
    laptop.ok("sync", "setup", str(remote))
    laptop.ok("checkin", "--mood", "2")
    before = laptop.entries()
    os.rename(remote, tmp_path / "moved.git")
    run = laptop("sync")
    assert run.exit_code == 1 and str(remote) in run.stderr and "Nothing was changed" in run.stderr
    assert laptop.entries() == before


def test_sync_before_setup_says_how_to_start(laptop):
    laptop.ok("checkin", "--mood", "4")
    run = laptop("sync")
    assert run.exit_code == 2 and "sync setup REMOTE" in run.stderr
    run = laptop("sync", "status", "--json")
    assert run.exit_code == 2 and run.stdout == ""


def test_without_git_the_message_says_how_to_install_it(laptop, remote, monkeypatch, tmp_path):
    laptop.ok("checkin", "--mood", "4")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    run = laptop("sync", "setup", str(remote))
    assert run.exit_code == 1 and "needs the git program" in run.stderr
    assert not (laptop.root / ".sync").exists()


def test_what_never_leaves_the_device(laptop, desk, remote):
    laptop.ok("checkin", "--mood", "4", "--note", WORDS[0])
    (laptop.root / "cache").mkdir()
    (laptop.root / "cache" / "2026-10.json").write_text("{}")
    month = laptop.root / "2026" / "11"
    (month / ".edit-abcde.md").write_text("a draft")
    (laptop.root / ".editing").mkdir()
    (laptop.root / ".editing" / "plain.md").write_text("plain copy")
    (month / ".x.md.abcdefgh.tmp").write_text("killed write")
    laptop.ok("sync", "setup", str(remote))
    names = git(remote, "ls-tree", "-r", "--name-only", "main").decode().split()
    assert names == ["2026/11/" + (next(month.glob("*-checkin-*.md")).name), "journal.toml"]


def test_commit_messages_and_authors_hold_no_words_a_person_wrote(laptop, desk, remote, at):
    laptop.ok("init", "--name", WORDS[2])
    pair(laptop, desk, remote)
    at("2026-11-25T08:00:00+00:00")
    laptop.ok("checkin", "--note", WORDS[1], "--argument", "money")
    desk.ok("checkin", "--note", "desk words", "--grateful", "the garden")
    laptop.sync()
    desk.sync()
    told = messages(remote)
    assert "trustlog trustlog@localhost" in told
    for word in (*WORDS, "money", "desk words", "garden"):
        assert word not in told
    assert "checkin" in told


def test_the_journal_folder_is_no_git_work_tree_of_its_own(laptop, remote):
    pair_root = laptop.root
    laptop.ok("checkin", "--mood", "4")
    laptop.ok("sync", "setup", str(remote))
    assert not (pair_root / ".git").exists()
    config = (pair_root / ".sync" / "git" / "config").read_text()
    assert "worktree" not in config and str(pair_root) not in config


def test_setup_on_a_journal_already_syncing_is_refused(laptop, remote, tmp_path):
    laptop.ok("checkin", "--mood", "4")
    laptop.ok("sync", "setup", str(remote))
    run = laptop("sync", "setup", str(bare(tmp_path / "second.git")))
    assert run.exit_code == 2 and str(remote) in run.stderr


def test_the_remote_receives_the_settings_and_entries_exactly(laptop, desk, remote):
    pair(laptop, desk, remote)
    for name in ("journal.toml",):
        assert (laptop.root / name).read_bytes() == (desk.root / name).read_bytes()
    assert b"walk by the river" in everything_in(remote)  # a plain journal is plain there
    assert json.loads(desk.entries())[0]["note"] == WORDS[0]


def test_two_devices_set_up_before_either_wrote_share_one_journal(laptop, desk, remote):
    started = laptop("sync", "setup", str(remote), "--json").json()
    assert started["action"] == "started"
    assert desk("sync", "setup", str(remote), "--json").json()["action"] == "received"
    laptop.ok("checkin", "--note", "first words")
    desk.ok("trigger", "--what", "a flare", "--no-timer")
    laptop.sync()
    desk.sync()
    laptop.sync()
    assert laptop.entries() == desk.entries() and '"trigger"' in laptop.entries()


def test_a_device_with_entries_joins_a_remote_holding_an_empty_journal(laptop, desk, remote):
    laptop.ok("sync", "setup", str(remote))  # set up before anything was written
    desk.ok("checkin", "--note", "written before syncing")
    assert desk("sync", "setup", str(remote), "--json").json()["action"] == "sent"
    laptop.sync()
    assert laptop.entries() == desk.entries() and "written before syncing" in laptop.entries()
