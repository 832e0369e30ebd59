"""`trustlog support readable on|off`: the support contacts readable on a locked journal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.encrypted import (
    PASSPHRASE,
    SECRETS,
    copy_to,
    open_session,
    plain_left,
    templates,
)
from tests.support.sync_helpers import Device, bare, everything_in, git
from trustlog.storage import crypt, session

CONTACT = "Lighthouse helpline 0800"  # the one contact of the encrypted template
COPY = Path("readable") / "support.txt"


def flowing(text: str) -> str:
    return " ".join(text.split())


def contacts_in(run) -> list[tuple[int, str]]:
    return [(c["n"], c["text"]) for c in run.json()["contacts"]]


@pytest.fixture
def locked(cli, home, tmp_path_factory, monkeypatch) -> str:
    """The encrypted template, with the contacts kept readable, locked; its identity."""
    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    open_session(home, identity)
    assert cli("support", "readable", "on").exit_code == 0
    assert cli("lock").exit_code == 0
    return identity


def test_off_by_default_then_on_and_off_again(cli, home):
    cli("support", "add", "Sam (my sister): 0612 345 678")
    cli("support", "add", "Emergency: 112")
    assert cli("support", "list", "--json").json()["readable_when_locked"] is False
    assert not (home / "readable").exists()
    assert cli("support", "readable", "on", "--json").json() == {
        "readable_when_locked": True,
        "changed": True,
    }
    copy = (home / COPY).read_text()
    kept = [line for line in copy.splitlines() if not line.startswith("#")]
    assert kept == ["Sam (my sister): 0612 345 678", "Emergency: 112"]
    assert oct((home / COPY).stat().st_mode & 0o777) == "0o600"
    assert oct((home / "readable").stat().st_mode & 0o777) == "0o700"
    listed = cli("support", "list", "--json").json()
    assert listed["readable_when_locked"] is True and len(listed["contacts"]) == 2
    again = cli("support", "readable", "ON")
    assert again.exit_code == 0 and flowing(again.stderr).startswith("Already so: your support")
    words = cli("support", "readable", "off")
    assert flowing(words.stderr) == (
        "Your support contacts are kept only in your journal: while it is encrypted and "
        "locked, they need the passphrase."
    )
    assert not (home / COPY).exists()
    assert cli("support", "list", "--json").json()["readable_when_locked"] is False


@pytest.mark.parametrize("given", ["yes", "", "1", "o n"])
def test_anything_but_on_or_off_is_bad_input_and_writes_nothing(cli, home, given):
    cli("support", "add", "Emergency: 112")
    run = cli("support", "readable", given)
    assert run.exit_code == 2 and "on|off: " in run.stderr and "Traceback" not in run.stderr
    assert not (home / "readable").exists()


def test_the_words_say_who_else_could_read_them(cli):
    run = cli("support", "readable", "on")
    text = flowing(run.stderr)
    assert "once your journal is encrypted" in text
    assert "Anyone who can open your files here can read them too" in text
    assert "trustlog support readable off" in text


def test_a_locked_journal_shows_them_with_no_passphrase_asked(locked, cli, home):
    assert not session.read(home, __import__("datetime").datetime.now().astimezone())
    run = cli("help", "safety")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.startswith(
        f"Your support contacts (kept readable while your journal is locked):\n  1. {CONTACT}\n"
    )
    assert "may have changed" not in run.stdout
    assert "When to bring in a professional" in run.stdout
    listed = cli("support", "list", "--json")
    assert contacts_in(listed) == [(1, CONTACT)]
    assert listed.json()["readable_when_locked"] is True
    words = cli("support", "list")
    assert words.stdout == f"1. {CONTACT}\n" and "Kept readable" in words.stderr
    # Nothing else is readable: every other file is still an age file, with no word in it.
    plain = [
        path.relative_to(home).as_posix()
        for path in home.rglob("*")
        if path.is_file() and not crypt.is_encrypted(path.read_bytes())
    ]
    assert sorted(plain) == [".lock", COPY.as_posix()]
    assert plain_left(home) == [f"{home / COPY}: lighthouse"]
    assert [w for w in SECRETS if w.lower() in (home / COPY).read_text().lower()] == ["lighthouse"]


def test_without_it_a_locked_journal_says_how_to_keep_them_readable(
    cli, home, tmp_path_factory, monkeypatch
):
    _, encrypted, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    run = cli("help", "safety")
    assert run.exit_code == 0 and CONTACT not in run.stdout
    assert "`trustlog support readable on` keeps them readable" in flowing(run.stdout)
    refused = cli("support", "list", "--json")  # no copy: the passphrase, as ever
    assert refused.exit_code == 2 and "TRUSTLOG_PASSPHRASE" in refused.stderr


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_age_tool_opens_the_contacts_and_the_copy_needs_nothing(locked, home, tmp_path):
    key = tmp_path / "private" / "identity.txt"
    key.parent.mkdir(mode=0o700)
    key.write_text(locked)
    key.chmod(0o600)
    (entry,) = home.glob("support/support-*.md")
    opened = subprocess.run(
        ["age", "-d", "-i", str(key), str(entry)], capture_output=True, check=True, text=True
    )
    assert f'text = "{CONTACT}"' in opened.stdout
    refused = subprocess.run(["age", "-d", "-i", str(key), str(home / COPY)], capture_output=True)
    assert refused.returncode != 0  # not an age file: plain text, by the person's choice
    assert CONTACT in (home / COPY).read_text()


def test_contacts_added_or_removed_locked_or_unlocked_keep_the_copy_current(
    locked, cli, home, monkeypatch
):
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)  # locked: the passphrase each time
    assert cli("support", "add", "Sam (my sister): 0612 345 678").exit_code == 0
    monkeypatch.delenv("TRUSTLOG_PASSPHRASE")
    assert contacts_in(cli("support", "list", "--json")) == [
        (1, CONTACT),
        (2, "Sam (my sister): 0612 345 678"),
    ]
    open_session(home, locked)  # unlocked: a session
    assert cli("support", "remove", "1").exit_code == 0
    cli("lock")
    run = cli("help", "safety")
    assert "  1. Sam (my sister): 0612 345 678\n" in run.stdout
    assert CONTACT not in run.stdout and "may have changed" not in run.stdout


def test_a_change_made_another_way_is_said_and_lock_catches_up(locked, cli, home):
    open_session(home, locked)
    (entry,) = home.glob("support/support-*.md")
    cli("support", "add", "Emergency: 112")
    assert cli("delete", entry.stem.split("-")[1], "--yes").exit_code == 0
    session.end(home)  # the session ran out, no `trustlog lock`
    run = cli("help", "safety")
    assert f"1. {CONTACT}" in run.stdout and "2. Emergency: 112" in run.stdout
    assert "They may have changed since this list was kept" in flowing(run.stdout)
    open_session(home, locked)
    assert cli("lock").exit_code == 0
    run = cli("help", "safety")
    assert run.stdout.startswith(
        "Your support contacts (kept readable while your journal is locked):\n"
        "  1. Emergency: 112\n\n"
    )


def test_turning_it_off_on_a_locked_journal_needs_no_passphrase(locked, cli, home):
    run = cli("support", "readable", "off", "--json")
    assert run.json() == {"readable_when_locked": False, "changed": True}
    assert not (home / COPY).exists()
    assert CONTACT not in cli("help", "safety").stdout


def test_turning_it_on_needs_the_contacts_so_the_passphrase(locked, cli, home):
    cli("support", "readable", "off")
    run = cli("support", "readable", "on")
    assert run.exit_code == 2 and "TRUSTLOG_PASSPHRASE" in run.stderr
    assert not (home / COPY).exists()


def test_encrypt_with_the_flag_keeps_them_readable_and_decrypt_leaves_it_on(cli, home, monkeypatch):
    cli("support", "add", "Sam (my sister): 0612 345 678")
    cli("checkin", "--mood", "3", "--note", "a marmalade morning")
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    done = cli("encrypt", "--support-readable", "--json").json()
    assert done["support_readable"] is True
    monkeypatch.delenv("TRUSTLOG_PASSPHRASE")
    assert "Sam (my sister)" in cli("help", "safety").stdout
    assert plain_left(home) == []  # "marmalade" is nowhere in the clear
    (entry,) = home.glob("support/support-*.md")
    assert crypt.is_encrypted(entry.read_bytes())
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    assert cli("decrypt").exit_code == 0
    assert cli("support", "list", "--json").json()["readable_when_locked"] is True


def test_encrypt_without_a_terminal_or_flag_leaves_it_off(cli, home, monkeypatch):
    cli("support", "add", "Sam (my sister): 0612 345 678")
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    run = cli("encrypt", "--json")
    assert run.json()["support_readable"] is False
    assert not (home / "readable").exists()


def test_sync_never_sends_the_readable_copy(locked, cli, home, tmp_path):
    remote = bare(tmp_path / "remote.git")
    device = Device(home, cli)
    open_session(home, locked, minutes=1440)
    device.ok("sync", "setup", str(remote))
    # A repository made before `readable/` was ignored learns it at the next sync.
    exclude = home / ".sync" / "git" / "info" / "exclude"
    exclude.write_text(exclude.read_text().replace("/readable/\n", ""))
    device.ok("support", "add", "Sam (my sister): 0612 345 678")
    device.sync()
    assert "/readable/" in exclude.read_text()
    names = git(remote, "ls-tree", "-r", "--name-only", "main").decode().split()
    assert "support/" not in names and not [n for n in names if n.startswith("readable")]
    assert [n for n in names if n.startswith("support/")]
    held = everything_in(remote).lower()
    assert b"lighthouse" not in held and b"0612 345 678" not in held
    assert "0612 345 678" in (home / COPY).read_text()
