"""An encrypted journal's files: whole through a crash of `encrypt` or `decrypt` at any
file, and readable by the standard `age` tool without trustlog."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from tests.support.encrypted import (
    PASSPHRASE,
    copy_to,
    not_encrypted,
    plain_left,
    snapshot,
    templates,
)
from tests.support.paths import ROOT, SUPPORT
from tests.support.pty import finish, spawn
from trustlog.storage import crypt

CRASH = SUPPORT / "crash.py"


def crash(k: int, *args: str) -> int:
    return subprocess.run([sys.executable, str(CRASH), str(k), *args], check=False).returncode


def each_file_is_old_or_new(home: Path, before: dict[str, bytes]) -> None:
    """Whole files only; the kill may leave the temp file of the write it stopped."""
    now = {name: data for name, data in snapshot(home).items() if not name.endswith(".tmp")}
    assert set(now) - {crypt.IDENTITY_FILE} == set(before)
    for name, data in now.items():
        if name != crypt.IDENTITY_FILE:
            assert data == before[name] or crypt.is_encrypted(data), name


# The first replace is identity.age; then one per file, in the order of the walk.
@pytest.mark.parametrize("k", [1, 2, 7])
def test_an_encrypt_killed_at_the_kth_file_is_finished_by_running_it_again(
    k, cli, home, tmp_path_factory, monkeypatch
):
    plain, _, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(plain, home)
    before = snapshot(home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)

    assert crash(k, "encrypt") == 137
    each_file_is_old_or_new(home, before)
    if k > 1:  # half encrypted, still read whole
        assert len(cli("entries", "--json").json()) == len(
            [name for name in before if name.endswith(".md")]
        )
        again = cli("encrypt", "--json").json()
        assert again["resumed"] and again["already"] == k - 2
    else:  # killed before the identity landed: nothing happened
        assert not (home / crypt.IDENTITY_FILE).exists()
        assert cli("encrypt").exit_code == 0
    assert not_encrypted(home) == []
    assert plain_left(home) == []  # the killed write's temp file is gone too
    if k == 7:  # once is enough to show nothing was lost (a passphrase costs seconds)
        assert cli("decrypt").exit_code == 0
        assert snapshot(home) == before


@pytest.mark.parametrize("k", [1, 6])
def test_a_decrypt_killed_at_the_kth_file_is_finished_by_running_it_again(
    k, cli, home, tmp_path_factory, monkeypatch
):
    plain, encrypted, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)

    assert crash(k, "decrypt") == 137
    assert (home / crypt.IDENTITY_FILE).exists()  # removed last
    each_file_is_old_or_new(home, snapshot(plain))
    assert cli("entries", "--json").exit_code == 0
    again = cli("decrypt", "--json").json()
    assert again["resumed"] is (k > 1)
    assert snapshot(home) == snapshot(plain)


needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")


@needs_age
def test_the_age_tool_opens_every_file_with_the_passphrase(
    cli, home, tmp_path, tmp_path_factory, monkeypatch
):
    plain, encrypted, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    identity = home / crypt.IDENTITY_FILE
    # The documented way, in one step: age asks for the identity's passphrase.
    entry = next(home.glob("20*/*/*-checkin-*.md"))
    child = pexpect.spawn(
        "age", ["-d", "-i", str(identity), str(entry)], encoding="utf-8", timeout=30
    )
    child.expect("(?i)passphrase")
    child.sendline(PASSPHRASE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "marmalade" in child.before
    # And for every file: the identity decrypted once into a private folder.
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    key = private / "identity.txt"
    child = pexpect.spawn("age", ["-d", "-o", str(key), str(identity)], timeout=30)
    child.expect("(?i)passphrase")
    child.sendline(PASSPHRASE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    for name, data in snapshot(plain).items():
        opened = subprocess.run(
            ["age", "-d", "-i", str(key), str(home / name)], capture_output=True, check=True
        )
        assert opened.stdout == data, name


def test_a_command_asks_for_the_passphrase_once_in_a_terminal(
    cli, home, tmp_path_factory, monkeypatch
):
    _, encrypted, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    child = spawn(home, "checkin", "--mood", "4", "--note", "zeppelin", timeout=30)
    child.expect("Passphrase for your journal:")
    child.sendline(PASSPHRASE)
    child.expect("Saved")
    assert finish(child) == 0
    assert PASSPHRASE not in child.before
    assert not_encrypted(home) == []


def test_a_wrong_passphrase_in_a_terminal_is_bad_input(cli, home, tmp_path_factory, monkeypatch):
    _, encrypted, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    before = snapshot(home)
    child = spawn(home, "unlock", timeout=30)
    child.expect("Passphrase for your journal:")
    child.sendline("guess")
    child.expect("That passphrase does not open this journal.")
    assert finish(child) == 2
    assert snapshot(home) == before


def test_a_change_cut_short_leaves_its_record_encrypted_and_lands_next_time(
    cli, home, tmp_path_factory, monkeypatch
):
    from tests.support.encrypted import open_session

    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    open_session(home, identity)
    args = ["apology", "draft", "--did", "I lied about the gooseberry", "--impact", "it hurt"]
    args += ["--promise", "Tell the gooseberry truth daily", "--json"]

    assert crash(2, *args) == 137  # the change's record landed, one file did not
    assert (home / ".change.json").exists()
    record = (home / ".change.json").read_bytes()
    assert b"gooseberry" not in record and b"base64" in record
    assert plain_left(home) == []
    found = cli("entries", "--contains", "gooseberry", "--json").json()
    assert {entry["kind"] for entry in found} == {"apology", "promise"}
    assert not_encrypted(home) == []


def test_a_backup_of_an_encrypted_journal_is_encrypted_too(
    cli, home, journal, tmp_path_factory, monkeypatch
):
    from tests.support.encrypted import open_session
    from trustlog.storage import migrate

    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    open_session(home, identity)
    journal.use_keys(crypt.Keys.from_text(identity))
    with journal.writing():
        backup = migrate.back_up(journal, 1)
    copies = snapshot(backup)
    assert copies[crypt.IDENTITY_FILE] == (home / crypt.IDENTITY_FILE).read_bytes()
    assert len(copies) > 10
    assert not_encrypted(home) == []
    assert plain_left(home) == []


EDIT_AND_DIE = """
import os, sys, signal
path = sys.argv[1]
text = open(path).read()
open(path, "w").write(text.replace("marmalade", "blackcurrant"))
os.kill(os.getppid(), signal.SIGKILL)  # trustlog dies while its editor is open
"""


def test_an_edit_killed_in_the_editor_is_picked_up_by_the_next_edit(
    cli, home, tmp_path, tmp_path_factory, monkeypatch
):
    from tests.support.encrypted import open_session

    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    open_session(home, identity)
    checkin = cli("entries", "--contains", "marmalade", "--json").json()[0]["id"]
    script = tmp_path / "die.py"
    script.write_text(EDIT_AND_DIE)
    env = {**os.environ, "EDITOR": f"{sys.executable} {script}"}
    subprocess.run([sys.executable, "-m", "trustlog", "edit", checkin], env=env, check=False)
    (left,) = (home / ".editing").iterdir()
    assert left.stat().st_mode & 0o777 == 0o700

    monkeypatch.setenv("EDITOR", "true")  # the person only saves what is there
    result = cli("edit", checkin)
    assert result.exit_code == 0, result.stderr
    assert "blackcurrant" in cli("show", checkin).stdout
    assert not left.exists()
    assert plain_left(home) == []


def test_ctrl_c_partway_says_what_is_done_and_how_to_finish(
    cli, home, tmp_path_factory, monkeypatch
):
    plain, _, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(plain, home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)

    # The first replace is identity.age, then one per file: Ctrl-C at the fifth file.
    stopped = subprocess.run(
        [sys.executable, str(CRASH), "--interrupt", "6", "encrypt"],
        check=False,
        capture_output=True,
        text=True,
    )

    assert stopped.returncode == 130
    assert "Stopped after 4 of " in stopped.stderr
    assert "Run `trustlog encrypt` again to finish." in stopped.stderr
    assert "Nothing was saved" not in stopped.stderr
    assert cli("encrypt").exit_code == 0
    assert not_encrypted(home) == []


@pytest.mark.e2e
def test_encrypt_in_a_terminal_shows_how_far_it_has_got(home, tmp_path, monkeypatch):
    generate = ROOT / "benchmarks" / "generate.py"
    subprocess.run(
        [sys.executable, str(generate), str(home), "--days", "30"], check=True, capture_output=True
    )
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    child = spawn(home, "encrypt", timeout=60)
    child.expect(r"Encrypting .* \d+/(\d+)")
    total = int(child.match.group(1))
    child.expect(f"Encrypted {total} files")
    assert finish(child) == 0
    assert not_encrypted(home) == []


def _edit_and(signal_name: str, cli, home, tmp_path, tmp_path_factory, monkeypatch) -> tuple:
    from tests.support.encrypted import open_session

    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    open_session(home, identity)
    checkin = cli("entries", "--contains", "marmalade", "--json").json()[0]["id"]
    script = tmp_path / "die.py"
    script.write_text(EDIT_AND_DIE.replace("SIGKILL", signal_name))
    env = {**os.environ, "EDITOR": f"{sys.executable} {script}"}
    done = subprocess.run(
        [sys.executable, "-m", "trustlog", "edit", checkin],
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    return checkin, done


def test_a_killed_edits_plain_copy_goes_with_the_next_command_that_writes(
    cli, home, tmp_path, tmp_path_factory, monkeypatch
):
    checkin, _ = _edit_and("SIGKILL", cli, home, tmp_path, tmp_path_factory, monkeypatch)
    assert list((home / ".editing").iterdir())

    assert cli("checkin", "--date", "2026-11-01", "--mood", "3").exit_code == 0

    assert list((home / ".editing").iterdir()) == []
    assert plain_left(home) == []
    monkeypatch.setenv("EDITOR", "true")  # the next edit still has the words typed
    assert cli("edit", checkin).exit_code == 0
    assert "blackcurrant" in cli("show", checkin).stdout


def test_closing_the_terminal_mid_edit_leaves_no_plain_copy(
    cli, home, tmp_path, tmp_path_factory, monkeypatch
):
    checkin, done = _edit_and("SIGHUP", cli, home, tmp_path, tmp_path_factory, monkeypatch)

    assert done.returncode == 130, done.stderr
    assert list((home / ".editing").iterdir()) == []
    assert plain_left(home) == []
    monkeypatch.setenv("EDITOR", "true")
    assert cli("edit", checkin).exit_code == 0
    assert "blackcurrant" in cli("show", checkin).stdout
