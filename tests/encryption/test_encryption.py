"""Encryption at rest: encrypt and decrypt, every command on an encrypted journal,
wrong and missing passphrases, sessions, and no plain copy left anywhere."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tests.support.encrypted import (
    PASSPHRASE,
    copy_to,
    make_varied,
    not_encrypted,
    open_session,
    plain_left,
    snapshot,
    templates,
)
from trustlog.storage import crypt, session


@pytest.fixture
def plain_and_encrypted(cli, home, tmp_path, tmp_path_factory, monkeypatch):
    """The varied journal: a plain copy (returned), and `home` encrypted, a session open."""
    plain, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    copy_to(plain, tmp_path / "plain")
    open_session(home, identity)
    return tmp_path / "plain"


def test_encrypt_then_decrypt_gives_back_every_file_byte_for_byte(cli, home, monkeypatch):
    make_varied(cli)
    assert cli("report", "--json").exit_code == 0  # the cache too
    before = snapshot(home)
    assert plain_left(home)  # the check itself sees the words in plain files
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)

    done = cli("encrypt", "--json").json()
    assert done == {
        "encrypted": len(before),
        "already": 0,
        "resumed": False,
        "support_readable": False,
    }
    assert not_encrypted(home) == []
    assert plain_left(home) == []
    assert set(snapshot(home)) == {*before, crypt.IDENTITY_FILE}

    done = cli("decrypt", "--json").json()
    assert done == {"decrypted": len(before), "already": 0, "resumed": False}
    assert snapshot(home) == before
    assert not (home / crypt.IDENTITY_FILE).exists()


def test_encrypting_again_counts_only_what_is_left_to_do(cli, home, monkeypatch):
    assert cli("checkin", "--mood", "3", "--note", "lighthouse").exit_code == 0
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    first = cli("encrypt")
    assert first.exit_code == 0 and "Encrypting 2 files, one at a time" in first.stderr

    again = cli("encrypt")

    assert again.exit_code == 0, again.stderr
    assert "Encrypting" not in again.stderr
    assert "already encrypted" in again.stderr


def test_encrypt_in_a_terminal_asks_twice_without_showing_it(cli, home):
    from tests.support.pty import finish, spawn

    assert cli("checkin", "--mood", "3", "--note", "lighthouse").exit_code == 0
    child = spawn(home, "encrypt", timeout=30)
    for question in ("Passphrase for your journal:", "The same passphrase again:"):
        child.expect(question)
        child.sendline(PASSPHRASE)
    child.expect("Encrypted 2 files.")
    assert finish(child) == 0
    assert PASSPHRASE not in child.before
    assert not_encrypted(home) == []
    assert plain_left(home) == []


def test_a_new_passphrase_is_asked_twice_in_a_terminal(home):
    from tests.support.pty import finish, spawn

    child = spawn(home, "encrypt")
    child.expect("Passphrase for your journal:")
    child.sendline("first one")
    child.expect("The same passphrase again:")
    child.sendline("another")
    child.expect("The two passphrases differ")
    assert finish(child) == 2
    assert not (home / crypt.IDENTITY_FILE).exists()


def test_every_file_is_encrypted_and_nothing_plain_is_left(plain_and_encrypted, home, tmp_path):
    assert not_encrypted(home) == []
    assert plain_left(home) == []
    runtime = Path(os.environ["XDG_RUNTIME_DIR"])
    assert list(runtime.rglob("*.session"))
    assert plain_left(runtime) == []  # the session holds a key, not words
    for path in home.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


READS = [
    [],
    ["--json"],
    ["entries"],
    ["entries", "--json"],
    ["entries", "--contains", "MARMALADE", "--json"],
    ["entries", "--kind", "trigger", "--from", "2026-11-01"],
    ["show", "{checkin}"],
    ["show", "{checkin}", "--json"],
    ["report", "--json"],
    ["report", "--month", "2026-10"],
    ["report", "--week", "2026-W47", "--json"],
    ["promise", "list", "--all", "--json"],
    ["apology", "list", "--json"],
    ["apology", "show", "{apology}"],
    ["contract", "--json"],
    ["contract", "history", "--json"],
    ["agreement", "list", "--json"],
    ["support", "list", "--json"],
    ["ritual", "status", "--week", "2026-W47", "--json"],
    ["catchup", "--json"],
    ["help", "safety"],
    ["calendar", "--output", "-"],
    ["export", "--format", "md", "--output", "-"],
    ["export", "--format", "csv", "--output", "-", "--include-private"],
    ["export", "--format", "json", "--output", "-", "--include-private"],
]


def ids_in(cli) -> dict[str, str]:
    found = {}
    for entry in cli("entries", "--json").json():
        found.setdefault(entry["kind"], entry["id"])
    return found


@pytest.mark.parametrize("args", READS, ids=lambda args: " ".join(args) or "dashboard")
def test_every_read_gives_what_the_plain_journal_gives(
    args, plain_and_encrypted, cli, home, monkeypatch
):
    ids = ids_in(cli)
    args = [arg.format(**ids) for arg in args]
    encrypted = cli(*args)
    monkeypatch.setenv("TRUSTLOG_HOME", str(plain_and_encrypted))
    plain = cli(*args)
    shown = encrypted.stdout.replace(str(home), "JOURNAL")
    assert (encrypted.exit_code, shown) == (
        plain.exit_code,
        plain.stdout.replace(str(plain_and_encrypted), "JOURNAL"),
    )
    assert encrypted.exit_code == 0, encrypted.stderr
    assert not_encrypted(home) == []
    assert plain_left(home) == []


WRITES = [
    ["checkin", "--mood", "4", "--note", "velociraptor day"],
    ["checkin", "--date", "2026-11-20", "--note", "more about marmalade"],
    ["promise", "add", "Call the zeppelin office", "--every", "weekdays"],
    ["promise", "kept", "{promise}", "--date", "2026-11-24"],
    ["promise", "broken", "{promise}", "--date", "2026-11-24", "--repair", "quokka"],
    ["promise", "retire", "{promise}"],
    ["trigger", "--what", "a hummingbird song", "--intensity", "3", "--no-timer"],
    ["trigger", "resolve", "{trigger}", "--at", "2026-11-21 11:00"],
    ["apology", "draft", "--did", "I forgot the tangerine", "--impact", "it hurt"],
    ["contract", "write", "--mine", "saxophone practice only at home"],
    ["agreement", "add", "No lighthouse trips alone", "--area", "other"],
    ["support", "add", "Porcupine friend 555"],
    ["support", "remove", "1"],
    ["ritual", "log", "date", "--minutes", "90", "--note", "Wilhelmina chose"],
    ["ritual", "plan", "--repair", "sun 19:00"],
    ["init", "--name", "Bartholomew"],
    ["delete", "{trigger}", "--yes"],
]


@pytest.mark.parametrize("args", WRITES, ids=" ".join)
def test_every_write_keeps_the_journal_encrypted(args, plain_and_encrypted, cli, home):
    ids = ids_in(cli)
    args = [arg.format(**ids) for arg in args]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert not_encrypted(home) == []
    assert plain_left(home) == []
    assert (home / ".lock").read_bytes() == b""
    assert cli("entries", "--json").exit_code == 0
    assert cli("report", "--json").exit_code == 0


EDITOR = """
import os, sys
path = sys.argv[1]
with open(os.environ["SEEN"], "w") as seen:
    seen.write(path + "\\n" + oct(os.stat(os.path.dirname(path)).st_mode & 0o777))
text = open(path).read()
open(path + ".swp", "w").write(text)  # as vim does, beside the file
open(path, "w").write(text.replace("marmalade", "gooseberry"))
"""


def test_edit_opens_a_plain_copy_in_a_private_folder_that_is_removed(
    plain_and_encrypted, cli, home, tmp_path, monkeypatch
):
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    monkeypatch.setenv("SEEN", str(tmp_path / "seen"))
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    checkin = cli("entries", "--contains", "marmalade", "--json").json()[0]["id"]

    result = cli("edit", checkin)

    assert result.exit_code == 0, result.stderr
    path, mode = (tmp_path / "seen").read_text().splitlines()
    assert Path(path).is_relative_to(home) and mode == "0o700"
    assert not Path(path).parent.exists()
    assert "gooseberry" in cli("show", checkin).stdout
    assert not_encrypted(home) == []
    assert plain_left(home) == []


def test_without_passphrase_session_or_terminal_a_command_refuses_at_once(
    plain_and_encrypted, cli, home
):
    session.end(home)
    before = snapshot(home)
    for args in (["entries"], ["checkin", "--mood", "3"], ["unlock"], ["decrypt"]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert "TRUSTLOG_PASSPHRASE" in result.stderr
    assert snapshot(home) == before


def test_a_wrong_passphrase_is_bad_input_and_changes_nothing(
    plain_and_encrypted, cli, home, monkeypatch
):
    session.end(home)
    before = snapshot(home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "not it")
    for args in (["checkin", "--mood", "3"], ["unlock"], ["decrypt"], ["encrypt"]):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.stderr)
        assert "That passphrase does not open this journal." in result.stderr
    assert snapshot(home) == before
    assert session.read(home, session_now()) is None


def session_now():
    from trustlog import clock

    return clock.now()


def test_the_passphrase_alone_opens_every_command(plain_and_encrypted, cli, home, monkeypatch):
    session.end(home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    assert cli("checkin", "--mood", "5", "--note", "quokka").exit_code == 0
    assert len(cli("entries", "--contains", "quokka", "--json").json()) == 3
    assert not_encrypted(home) == []


def test_unlock_opens_a_session_that_expires(plain_and_encrypted, cli, home, at, monkeypatch):
    session.end(home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    opened = cli("unlock", "--for", "5", "--json").json()
    assert opened == {"expires": "2026-11-24T20:05:00+00:00", "minutes": 5}
    kept = session.path_of(home)
    assert kept is not None and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    monkeypatch.delenv("TRUSTLOG_PASSPHRASE")

    at("2026-11-24T20:04:59+00:00")
    assert cli("entries", "--json").exit_code == 0
    at("2026-11-24T20:05:00+00:00")
    assert cli("entries", "--json").exit_code == 2
    assert not kept.exists()


def test_lock_ends_the_session_at_once(plain_and_encrypted, cli, home):
    assert cli("entries").exit_code == 0
    result = cli("lock")
    assert (result.exit_code, result.stderr) == (
        0,
        "Locked. The next command asks for the passphrase.\n",
    )
    assert cli("entries").exit_code == 2
    assert cli("lock", "--json").json() == {"ended": False}
    assert cli("lock").stderr == "No session was open; the journal is locked.\n"


@pytest.mark.parametrize("minutes", ["0", "1441", "soon"])
def test_unlock_for_a_span_that_makes_no_sense_is_bad_input(minutes, plain_and_encrypted, cli):
    result = cli("unlock", "--for", minutes)
    assert result.exit_code == 2
    assert "--for" in result.stderr


def test_a_plain_journal_has_nothing_to_unlock_or_decrypt(cli, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    cli("checkin", "--mood", "3")
    for command in ("unlock", "decrypt"):
        result = cli(command)
        assert result.exit_code == 2
        assert "is not encrypted" in result.stderr


def test_a_session_folder_open_to_others_is_not_trusted(plain_and_encrypted, cli, home):
    kept = session.path_of(home)
    assert kept is not None
    os.chmod(kept.parent, 0o755)
    assert cli("entries").exit_code == 2


@pytest.mark.skipif(not Path("/proc/self/mounts").exists(), reason="Linux tells its mounts")
def test_a_session_goes_only_on_a_memory_file_system():
    assert session.in_memory(Path("/dev/shm"))
    assert not session.in_memory(Path("/proc"))


def test_without_a_memory_file_system_unlock_refuses(plain_and_encrypted, cli, home, monkeypatch):
    session.end(home)
    monkeypatch.setattr(session, "in_memory", lambda path: False)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)
    result = cli("unlock")
    assert result.exit_code == 2
    assert "never goes on a disk" in result.stderr


def test_an_encrypted_file_in_a_journal_without_its_identity_is_named(
    plain_and_encrypted, cli, home
):
    (home / crypt.IDENTITY_FILE).unlink()
    result = cli("entries")
    assert result.exit_code == 1
    assert "is encrypted, but the journal has no identity.age to open it." in result.stderr


def test_import_into_an_encrypted_journal_lands_encrypted(plain_and_encrypted, cli, home, tmp_path):
    backup = tmp_path / "backup.json"
    result = cli("export", "--format", "json", "--include-private", "--output", str(backup))
    assert result.exit_code == 0, result.stderr
    before = cli("entries", "--json").json()
    for entry in home.glob("20*/*/*.md"):
        entry.unlink()  # the dated entries gone: the backup brings them back
    assert len(cli("entries", "--json").json()) < len(before)

    result = cli("import", "trustlog", str(backup), "--json")

    assert result.exit_code == 0, result.stderr
    assert cli("entries", "--json").json() == before
    assert not_encrypted(home) == []
    assert plain_left(home) == []


@pytest.mark.parametrize("damage", ["cut", "garbage"])
def test_a_damaged_identity_is_named_not_blamed_on_the_passphrase(
    damage, plain_and_encrypted, cli, home, monkeypatch
):
    session.end(home)
    identity = home / crypt.IDENTITY_FILE
    data = identity.read_bytes()
    identity.write_bytes(data[:150] if damage == "cut" else b"garbage\n")
    before = snapshot(home)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", PASSPHRASE)

    result = cli("entries")

    assert result.exit_code == 1, result.stderr
    assert f"{identity} is damaged" in " ".join(result.stderr.split())
    assert "passphrase does not open" not in result.stderr
    assert snapshot(home) == before


def test_encrypt_without_a_way_to_give_a_passphrase_asks_for_a_new_one(cli, home):
    assert cli("checkin", "--mood", "3").exit_code == 0

    result = cli("encrypt")

    assert result.exit_code == 2
    assert "To encrypt your journal, please set TRUSTLOG_PASSPHRASE" in result.stderr
    assert "is encrypted" not in result.stderr
    assert not (home / crypt.IDENTITY_FILE).exists()


@pytest.mark.e2e
def test_a_locked_journal_asks_the_passphrase_before_any_other_question(plain_and_encrypted, home):
    from tests.support.pty import finish, spawn

    session.end(home)
    before = snapshot(home)
    child = spawn(home, "contract", "write", timeout=30)
    child.expect("Passphrase for your journal:")
    assert "commitment" not in child.before.lower()  # nothing asked before it
    child.sendline("not it")
    child.expect("That passphrase does not open this journal.")
    assert finish(child) == 2
    assert snapshot(home) == before


def test_the_report_cache_stays_encrypted_through_its_daily_full_check(
    cli, home, tmp_path_factory, monkeypatch
):
    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    open_session(home, identity, minutes=3 * 24 * 60)
    args = ("report", "--month", "2027-01", "--json")  # October and November are history
    first = cli(*args)
    assert first.exit_code == 0, first.stderr
    cached = home / "cache" / "2026-11.json"
    written = cached.read_bytes()
    assert crypt.is_encrypted(written)
    monkeypatch.setenv("TRUSTLOG_NOW", "2026-11-26T20:00:00+00:00")  # the full check is due
    again = cli(*args)
    assert again.stdout == first.stdout
    assert cached.read_bytes() != written  # the check is recorded, encrypted too
    assert crypt.is_encrypted(cached.read_bytes())
    assert not_encrypted(home) == []
    assert plain_left(home) == []
