"""A sync with nothing to do is answered before typer loads (cli/quick.py), with the same
words and JSON as the whole sync; anything to do, or any doubt, runs the whole sync."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT
from tests.support.sync_helpers import Device, bare, git
from trustlog.cli import quick
from trustlog.storage import gitquick

SRC = ROOT / "src"
# Run as `trustlog` runs (the console script calls cli.quick.main), printing afterwards
# which of trustlog's own command modules were loaded.
PROBE = """
import json, sys
sys.argv = ["trustlog", *json.loads(sys.argv[1])]
from trustlog.cli.quick import main
try:
    main()
except SystemExit as done:
    code = done.code
else:
    code = 0
print(json.dumps({"code": code, "typer": "typer" in sys.modules}), file=sys.stderr)
"""


@pytest.fixture
def pair(tmp_path: Path, cli, at) -> tuple[Device, Device, Path]:
    remote = bare(tmp_path / "remote.git")
    laptop, desk = Device(tmp_path / "laptop", cli), Device(tmp_path / "desk", cli)
    at("2026-11-24T20:00:00+00:00")
    laptop.ok("checkin", "--mood", "4", "--note", "a quiet evening")
    laptop.ok("sync", "setup", str(remote))
    desk.ok("sync", "setup", str(remote))
    return laptop, desk, remote


def trustlog(device: Device, *args: str, **env: str) -> tuple[int, bool, str, str]:
    """(exit code, whether typer was loaded, stdout, stderr) of `trustlog --journal D ...`."""
    piped = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # as a script runs it
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(["--journal", str(device.root), *args])],
        capture_output=True,
        text=True,
        env={**piped, "PYTHONPATH": str(SRC), **env},
        stdin=subprocess.DEVNULL,
        check=False,
    )
    *talk, last = done.stderr.splitlines(keepends=True)
    ran = json.loads(last)
    return ran["code"] or 0, ran["typer"], done.stdout, "".join(talk)


def test_nothing_to_do_is_said_without_loading_typer_in_the_same_words_and_json(
    pair, at, monkeypatch
):
    laptop, _, remote = pair
    monkeypatch.delenv("COLUMNS")  # piped, as the probe runs: lines are left whole
    whole_words = laptop("sync")
    whole_json = laptop("sync", "--json")
    at("2026-11-25T07:30:00+00:00")
    code, typer, out, err = trustlog(laptop, "sync")
    assert (code, typer, out) == (0, False, "")
    assert err == whole_words.stderr == f"Already in step with {remote}.\n"
    code, typer, out, err = trustlog(laptop, "sync", "--json")
    assert (code, typer, err) == (0, False, "")
    assert out == whole_json.stdout
    assert json.loads(out) == {
        "sent": 0,
        "received": 0,
        "merged": [],
        "conflicts": [],
        "sharing_keys": None,
    }
    # The sync is noted as done, in a file of trustlog's own, not in git's config.
    status = laptop("sync", "status", "--json").json()
    assert status["last_sync"] == "2026-11-25T07:30:00+00:00"
    assert "lastsync" not in (laptop.root / ".sync" / "git" / "config").read_text()


def test_a_line_the_screen_would_wrap_is_left_to_the_whole_renderer(pair, monkeypatch):
    laptop, _, _ = pair
    monkeypatch.setenv("COLUMNS", "30")
    whole = laptop("sync")
    code, typer, _, err = trustlog(laptop, "sync", COLUMNS="30")
    assert (code, typer) == (0, True)
    assert err == whole.stderr
    assert err.startswith("Already in step with\n")


def test_a_change_here_is_sent_by_the_whole_sync(pair):
    laptop, desk, _ = pair
    laptop.ok("trigger", "--what", "an old song", "--no-timer")
    code, typer, out, _ = trustlog(laptop, "sync", "--json")
    assert (code, typer) == (0, True)
    assert json.loads(out)["sent"] == 1
    assert desk.sync()["received"] == 1
    assert trustlog(laptop, "sync")[:2] == (0, False)


def test_a_hand_edit_and_a_removal_are_changes_too(pair):
    laptop, _, _ = pair
    (entry,) = laptop.root.glob("2026/11/*-checkin-*.md")
    entry.write_text(entry.read_text() + "\nAdded by hand.\n")
    assert trustlog(laptop, "sync")[:2] == (0, True)
    entry.unlink()
    code, typer, out, _ = trustlog(laptop, "sync", "--json")
    assert (code, typer, json.loads(out)["sent"]) == (0, True, 1)


def test_the_remote_moving_is_taken_by_the_whole_sync(pair):
    laptop, desk, _ = pair
    desk.ok("trigger", "--what", "a text", "--no-timer")
    desk.sync()
    code, typer, out, _ = trustlog(laptop, "sync", "--json")
    assert (code, typer, json.loads(out)["received"]) == (0, True, 1)
    assert laptop.entries() == desk.entries()


@pytest.mark.parametrize("left", [".change.json", ".sync/merging"])
def test_what_a_killed_command_left_is_finished_by_the_whole_sync(pair, left):
    laptop, _, _ = pair
    assert gitquick.pending(str(laptop.root)) is False
    (laptop.root / left).write_text("")
    assert gitquick.pending(str(laptop.root)) is True
    assert quick.answered(["--journal", str(laptop.root), "sync"]) is False


def test_a_journal_open_to_others_is_named_by_the_whole_sync(pair):
    laptop, _, _ = pair
    laptop.root.chmod(0o755)
    code, typer, _, err = trustlog(laptop, "sync")
    assert (code, typer) == (0, True)
    assert "other people on this computer can open your journal folder" in err


def test_a_sync_already_running_is_waited_for_by_the_whole_sync(pair, monkeypatch):
    laptop, _, _ = pair
    monkeypatch.delenv("COLUMNS", raising=False)
    fd = os.open(laptop.root / ".sync" / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        assert quick.answered(["--journal", str(laptop.root), "sync"]) is False
    finally:
        os.close(fd)
    assert quick.answered(["--journal", str(laptop.root), "sync"]) is True


def test_an_unreachable_remote_is_named_by_the_whole_sync(pair, tmp_path):
    laptop, _, _ = pair
    gone = tmp_path / "gone.git"
    git(laptop.root / ".sync" / "git", "config", "remote.origin.url", str(gone))
    code, typer, _, err = trustlog(laptop, "sync")
    assert (code, typer) == (1, True)
    assert f"Could not reach {gone}" in err


def test_two_syncs_with_nothing_to_do_at_once_both_say_so(pair):
    laptop, _, remote = pair
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = str(SRC)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "trustlog", "--journal", str(laptop.root), "sync"],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for run in runs:
        _, err = run.communicate(timeout=60)
        assert run.returncode == 0
        assert err == f"Already in step with {remote}.\n"


@pytest.mark.parametrize(
    ("args", "asked"),
    [
        (["sync"], (None, False, False)),
        (["sync", "--json"], (None, False, True)),
        (["--journal", "J", "--no-input", "--no-color", "sync"], ("J", True, False)),
        (["--journal=J", "--journal", "K", "sync", "--json"], ("K", False, True)),
        (["sync", "status"], None),
        (["sync", "setup", "R"], None),
        (["sync", "--help"], None),
        (["--json", "sync"], None),
        (["sync", "--json", "--json"], None),
        (["--journal", " ", "sync"], None),
        (["--journal"], None),
        (["checkin", "--mood", "3"], None),
        ([], None),
    ],
)
def test_only_a_plain_sync_is_looked_at_quickly(args, asked, monkeypatch):
    monkeypatch.delenv("_TRUSTLOG_COMPLETE", raising=False)
    assert quick._plain_sync(args) == asked


def test_completion_is_never_answered_here(monkeypatch):
    monkeypatch.setenv("_TRUSTLOG_COMPLETE", "complete_bash")
    assert quick._plain_sync(["sync"]) is None


@pytest.mark.parametrize(
    "env",
    [
        {"XDG_DATA_HOME": "{tmp}/data"},
        {"XDG_DATA_HOME": "{tmp}/data/"},
        {"XDG_DATA_HOME": None, "HOME": "{tmp}/sam"},
        {"XDG_DATA_HOME": None, "HOME": "{tmp}/sam/"},
        {"XDG_DATA_HOME": "", "HOME": "{tmp}/sam"},
        {"XDG_DATA_HOME": "relative", "HOME": "{tmp}/sam"},
        {"XDG_DATA_HOME": None, "HOME": "relative"},
    ],
)
def test_the_default_journal_folder_is_the_one_platformdirs_names(env, monkeypatch, tmp_path):
    # Only computed into paths, never touched; still, every one lies in the test's folder.
    from trustlog.paths import journal_dir

    monkeypatch.delenv("TRUSTLOG_HOME", raising=False)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value.replace("{tmp}", str(tmp_path)))
    assert quick._journal_root(None) == os.path.abspath(journal_dir())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('[remote "origin"]\n\turl = /media/usb/journal.git\n', "/media/usb/journal.git"),
        ('[Remote "origin"]\n\tURL=/a\n\turl = /b\n', "/b"),
        ('[remote "origin"]\n\turl = "/quoted path"\n', None),
        ('[remote "origin"]\n\turl = /a ; a comment\n', None),
        ('[remote "Origin"]\n\turl = /a\n', None),
        ('[include]\n\tpath = elsewhere\n[remote "origin"]\n\turl = /a\n', None),
        ('[remote "origin"]\n\turl = /a\n[core]\n\turl = /b\n', "/a"),
        ("[core]\n\tbare = false\n", None),
    ],
)
def test_the_remote_address_is_read_from_git_config_only_when_plainly_written(
    tmp_path, text, found
):
    repo = bare(tmp_path / "r.git")
    with (repo / "config").open("a") as config:
        config.write(text)
    assert gitquick.config_value(str(repo), "remote", "origin", "url") == found
    if found is not None:  # git reads it so too
        assert git(repo, "config", "--get", "remote.origin.url").decode().strip() == found


def test_ctrl_c_while_looking_stops_with_130_and_kind_words(pair, monkeypatch, capsys):
    laptop, _, _ = pair

    def interrupted(root: str, batch: bool) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(gitquick, "in_step", interrupted)
    with pytest.raises(SystemExit) as stopped:
        quick.answered(["--journal", str(laptop.root), "sync"])
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "trustlog: Stopped. Nothing was saved.\n"


def test_an_encrypted_journal_is_synced_whole_asking_for_the_passphrase(pair):
    laptop, _, _ = pair
    assert gitquick.encrypted(str(laptop.root)) is False
    (laptop.root / "identity.age").write_bytes(b"age-encryption.org/v1\n")
    assert gitquick.encrypted(str(laptop.root)) is True
    assert quick.answered(["--journal", str(laptop.root), "sync"]) is False


def test_the_quick_look_names_the_files_the_journal_names():
    from trustlog.storage import change, crypt

    assert gitquick.IDENTITY_FILE == crypt.IDENTITY_FILE
    assert gitquick.CHANGE_RECORD == change.RECORD_FILE
