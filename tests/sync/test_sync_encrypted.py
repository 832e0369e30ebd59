"""An encrypted journal on two devices: only age files travel, merges decrypt in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.encrypted import SECRETS, copy_to, open_session, plain_left, templates
from tests.support.sync_helpers import Device, bare, everything_in, git, messages
from trustlog.storage import crypt


@pytest.fixture
def pair(tmp_path: Path, cli, tmp_path_factory, monkeypatch) -> tuple[Device, Device, Path]:
    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    remote = bare(tmp_path / "remote.git")
    laptop, desk = Device(tmp_path / "laptop", cli), Device(tmp_path / "desk", cli)
    copy_to(encrypted, laptop.root)
    open_session(laptop.root, identity, minutes=1440)
    sent = laptop("sync", "setup", str(remote), "--json").json()
    assert sent["encrypted"] is True and sent["action"] == "sent"
    open_session(desk.root, identity, minutes=1440)  # its passphrase opens the journal it takes
    taken = desk("sync", "setup", str(remote))
    assert taken.exit_code == 0, taken.stderr
    assert "plain text" not in taken.stderr
    return laptop, desk, remote


def words_in(data: bytes) -> list[str]:
    return [word for word in SECRETS if word.lower().encode() in data.lower()]


def test_an_encrypted_pair_merges_in_memory_and_the_remote_holds_no_words(pair, at):
    laptop, desk, remote = pair
    assert desk.entries() == laptop.entries()
    trigger = next(e for e in json.loads(laptop.entries()) if e["kind"] == "trigger")["id"]
    at("2026-11-24T08:00:00+00:00")
    laptop.ok("checkin", "--note", "a zeppelin morning", "--mood", "2")
    laptop.ok("trigger", "resolve", trigger, "--at", "2026-11-21 11:00")
    at("2026-11-24T21:00:00+00:00")
    desk.ok("checkin", "--note", "a quokka evening", "--mood", "4")
    desk.ok("trigger", "resolve", trigger, "--at", "2026-11-21 12:00")
    laptop.sync()
    done = desk.sync()
    assert len(done["merged"]) == 2 and len(done["conflicts"]) == 1
    laptop.sync()
    assert laptop.entries() == desk.entries()
    entries = json.loads(desk.entries())
    day = next(e for e in entries if e["kind"] == "checkin" and e["date"] == "2026-11-24")
    assert day["note"] == "a zeppelin morning\n\na quokka evening"
    (copy,) = [e for e in entries if e["kind"] == "conflict"]
    assert "2026-11-21 11:00:00" in copy["text"]
    # Nothing a person wrote, anywhere the remote or git holds it, or in any file on disk.
    assert words_in(everything_in(remote)) == []
    for device in (laptop, desk):
        assert words_in(everything_in(device.root / ".sync" / "git")) == []
        assert plain_left(device.root) == []
    assert words_in(messages(remote).encode()) == []
    # Every file the remote holds is an age file (the identity: with the passphrase).
    for name in git(remote, "ls-tree", "-r", "--name-only", "main").decode().split():
        data = git(remote, "cat-file", "blob", f"main:{name}")
        assert crypt.is_encrypted(data), name


def test_a_remote_encrypted_with_another_key_is_refused(pair, tmp_path, cli, monkeypatch):
    _, _, remote = pair
    other = Device(tmp_path / "other", cli)
    other.ok("checkin", "--mood", "3")
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "another passphrase entirely")
    assert other("encrypt").exit_code == 0
    second = bare(tmp_path / "second.git")
    other.ok("sync", "setup", str(second))
    # An empty journal encrypted here cannot take a journal encrypted with another key.
    empty = Device(tmp_path / "empty", cli)
    assert empty("encrypt").exit_code == 0
    run = empty("sync", "setup", str(remote))
    assert run.exit_code == 2 and "another encryption key" in run.stderr
    assert not (empty.root / ".sync").exists()
