"""The small ones of issue 17 (class 8): an empty --journal, a failed standard output,
a passphrase that protects nothing."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys

import pytest

from trustlog.render.output import Output
from trustlog.render.stdout import STANDARD_OUTPUT
from trustlog.storage import crypt


@pytest.mark.parametrize("given", ["", " ", "\t"])
@pytest.mark.parametrize("command", [(), ("entries",), ("checkin", "--mood", "3")])
def test_an_empty_journal_folder_is_bad_input(cli, tmp_path, monkeypatch, given, command):
    monkeypatch.chdir(tmp_path)
    run = cli("--journal", given, *command)
    assert run.exit_code == 2
    assert "--journal" in run.stderr and "Traceback" not in run.stderr
    assert os.listdir(tmp_path) == ["journal"] or os.listdir(tmp_path) == []
    assert not (tmp_path / "journal.toml").exists()


def test_a_journal_folder_given_is_still_used(cli, tmp_path):
    there = tmp_path / "mine"
    assert cli("--journal", str(there), "checkin", "--mood", "3").exit_code == 0
    assert (there / "journal.toml").is_file()


class Full(io.TextIOBase):
    """A stream on a full disk (what `> /dev/full` gives), without touching /dev."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = self

    def write(self, text: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        return None


@pytest.mark.parametrize("writes", ["json", "data"])
def test_a_failed_write_to_stdout_names_it(monkeypatch, writes):
    monkeypatch.setattr(sys, "stdout", Full())
    output = Output()
    with pytest.raises(OSError) as raised:
        if writes == "json":
            output.json({"a": 1})
        else:
            output.data(b"bytes")
    assert raised.value.filename == STANDARD_OUTPUT
    assert raised.value.errno == errno.ENOSPC


def _closed_pipe_run(home, *args: str) -> subprocess.CompletedProcess[str]:
    """trustlog with its stdout a pipe nobody reads any more: every write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "TRUSTLOG_HOME": str(home)}
    try:
        return subprocess.run(
            [sys.executable, "-m", "trustlog", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize(
    "args",
    [
        ("entries", "--json"),
        ("report", "--json"),
        ("export", "--output", "-"),
        ("calendar", "--output", "-"),
        ("help", "privacy"),
        ("--json",),
    ],
)
def test_every_kind_of_stdout_names_standard_output_when_it_fails(cli, home, args):
    assert cli("checkin", "--mood", "3", "--note", "a walk").exit_code == 0
    done = _closed_pipe_run(home, *args)
    assert done.returncode == 1, done.stderr
    assert "Could not write to standard output" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("given", ["", " ", "   \t"])
def test_encrypt_refuses_an_empty_or_blank_passphrase(cli, home, monkeypatch, given):
    assert cli("checkin", "--mood", "3", "--note", "lighthouse").exit_code == 0
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", given)
    run = cli("encrypt")
    if given == "":  # an empty variable is no passphrase at all: nothing to ask it with
        assert run.exit_code == 2 and "TRUSTLOG_PASSPHRASE" in run.stderr
    else:
        assert run.exit_code == 2 and "passphrase" in run.stderr and "spaces" in run.stderr
    assert not (home / crypt.IDENTITY_FILE).exists()
    assert cli("entries", "--contains", "lighthouse", "--json").json()[0]["note"] == "lighthouse"


def test_encrypt_with_a_short_passphrase_warns_and_goes_on(cli, home, monkeypatch):
    assert cli("checkin", "--mood", "3").exit_code == 0
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "hunter2")
    run = cli("encrypt")
    assert run.exit_code == 0
    assert "shorter than 12 characters" in run.stderr
    assert (home / crypt.IDENTITY_FILE).exists()


def test_a_long_enough_passphrase_gets_no_warning(cli, home, monkeypatch):
    assert cli("checkin", "--mood", "3").exit_code == 0
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "correct horse battery staple")
    run = cli("encrypt")
    assert run.exit_code == 0 and "shorter" not in run.stderr


def test_a_blank_passphrase_typed_in_a_terminal_is_refused(home):
    from tests.support.pty import finish, spawn

    child = spawn(home, "encrypt")
    child.expect("Passphrase for your journal:")
    child.sendline("  ")
    child.expect("The same passphrase again:")
    child.sendline("  ")
    child.expect("only spaces")
    assert finish(child) == 2
    assert not (home / crypt.IDENTITY_FILE).exists()
