"""Shell completion through click's protocol, as bash, zsh and fish ask for it.

Each shell's script (typer's) runs `trustlog` with `_TRUSTLOG_COMPLETE` set:
bash passes the words in COMP_WORDS and COMP_CWORD and shows bare values; zsh
and fish pass the line in `_TYPER_COMPLETE_ARGS` and show each value's
description, here a promise's or an entry's words.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.support.encrypted import PASSPHRASE, copy_to, open_session, templates
from trustlog.cli.app import app

WALK = "Walk together after dinner"
TEXT = "Text when I leave work"


def complete(shell: str, line: str, *, journal: str | None = None) -> str:
    """What `trustlog` answers the `shell` asking to complete `line` (cursor at its end)."""
    env = {"_TRUSTLOG_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        words = line.split()
        cword = len(words) if line.endswith(" ") else len(words) - 1
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(cword)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": line, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = CliRunner().invoke(app, [], env=env, prog_name="trustlog", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.fixture
def promises(cli) -> dict[str, str]:
    ids = {}
    for words in (WALK, TEXT):
        ids[words] = cli("promise", "add", words, "--json").json()["id"]
    return ids


def test_bash_offers_promise_ids(promises):
    offered = complete("bash", "trustlog promise kept ").split()
    assert sorted(offered) == sorted(promises.values())


def test_zsh_offers_promise_ids_with_their_words(promises):
    offered = complete("zsh", "trustlog promise broken ")
    assert offered.startswith("_arguments '*: :((")
    for words, promise_id in promises.items():
        assert f'"{promise_id}":"{words}"' in offered


def test_fish_offers_promise_ids_with_their_words(promises):
    lines = complete("fish", "trustlog promise retire ").splitlines()
    assert sorted(lines) == sorted(f"{i}\t{words}" for words, i in promises.items())


@pytest.mark.parametrize("flag", ["--kept", "--broken"])
def test_a_checkin_completes_the_promises_it_marks(promises, flag):
    lines = complete("fish", f"trustlog checkin --mood 3 {flag} ").splitlines()
    assert f"{promises[WALK]}\t{WALK}" in lines


def test_an_id_prefix_narrows_the_offer(promises):
    walk = promises[WALK]
    offered = complete("fish", f"trustlog promise kept {walk[:3]}").splitlines()
    assert offered == [f"{walk}\t{WALK}"] or all(line.startswith(walk[:3]) for line in offered)
    assert f"{walk}\t{WALK}" in offered


def test_a_retired_promise_is_not_offered(cli, promises):
    assert cli("promise", "retire", promises[TEXT]).exit_code == 0
    assert complete("bash", "trustlog promise kept ").split() == [promises[WALK]]


def test_every_command_taking_a_promise_id_completes_it(promises):
    from tests.support.commands import every_command

    taking = [
        path
        for path, command in every_command()
        if path[0] == "promise" and any(p.name == "promise_id" for p in command.params)
    ]
    assert {"kept", "broken", "pause", "resume", "retire"} <= {path[1] for path in taking}
    for path in taking:
        assert promises[WALK] in complete("bash", f"trustlog {' '.join(path)} ").split(), path


@pytest.mark.parametrize("command", ["show", "edit", "delete"])
def test_entry_ids_come_with_kind_date_and_words(cli, promises, command):
    checkin = cli("checkin", "--mood", "4", "--note", "A calm evening", "--json").json()["id"]
    lines = complete("fish", f"trustlog {command} ").splitlines()
    assert f"{checkin}\tcheckin 2026-11-24: mood 4/5 · A calm evening" in lines
    assert f"{promises[WALK]}\tpromise: {WALK}" in lines
    assert lines[0].startswith(checkin)  # newest first


def test_the_words_shown_are_one_safe_line(cli):
    made = cli("promise", "add", "Say [sorry] \x1b[31mfirst", "--json").json()["id"]
    (line,) = complete("fish", "trustlog promise kept ").splitlines()
    assert line == f"{made}\tSay [sorry] \\x1b[31mfirst"


def test_commands_flags_and_fixed_values():
    assert "checkin\tThe daily check-in" in complete("fish", "trustlog che")
    assert complete("bash", "trustlog ri").split() == ["ritual"]
    assert "--mood" in complete("bash", "trustlog checkin --mo").split()
    assert complete("bash", "trustlog init --role ").split() == ["hurt", "repairing", "both"]
    assert complete("bash", "trustlog ritual log ").split() == ["repair", "date"]
    assert "pdf" in complete("bash", "trustlog export --format ").split()
    assert complete("bash", "trustlog promise add x --every week").split() == [
        "weekdays",
        "weekends",
    ]
    assert "safety" in complete("bash", "trustlog help ").split()
    assert "--install-completion" in complete("bash", "trustlog --").split()


def test_completion_follows_the_journal_option(cli, tmp_path, monkeypatch):
    other = tmp_path / "other"
    monkeypatch.setenv("TRUSTLOG_HOME", str(other))
    made = cli("promise", "add", WALK, "--json").json()["id"]
    monkeypatch.setenv("TRUSTLOG_HOME", str(tmp_path / "empty"))
    assert complete("bash", "trustlog promise kept ").split() == []
    assert complete("bash", f"trustlog --journal {other} promise kept ").split() == [made]
    assert not (tmp_path / "empty").exists()  # completing creates no journal


@pytest.fixture
def encrypted(cli, home, tmp_path_factory, monkeypatch):
    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    return identity


def test_a_locked_journal_offers_ids_from_file_names_without_asking(encrypted, home):
    # No passphrase, no session: nothing is decrypted, nothing asked, no words shown.
    lines = complete("fish", "trustlog show ").splitlines()
    names = {p.name for p in home.rglob("*.md")}
    assert lines and all(any(line.split("\t")[0] in name for name in names) for line in lines)
    assert any(line.split("\t")[1].startswith("checkin 2026-11-20") for line in lines)
    assert not any(":" in line.split("\t")[1] for line in lines)
    offered = complete("fish", "trustlog promise kept ").splitlines()
    assert len(offered) == 2 and all(line.endswith("\tpromise") for line in offered)


def test_an_unlocked_journal_offers_the_words(encrypted, home):
    open_session(home, encrypted)
    offered = complete("fish", "trustlog promise kept ").splitlines()
    assert any(line.endswith("\tText before the zeppelin leaves") for line in offered)


def test_a_locked_journal_never_waits_for_a_passphrase_in_a_terminal(encrypted, home):
    """Run as the shell runs it, with a terminal on stdin: it answers at once."""
    import pexpect

    env = {
        **os.environ,
        "_TRUSTLOG_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        "_TYPER_COMPLETE_ARGS": "trustlog promise kept ",
    }
    env.pop("TRUSTLOG_PASSPHRASE", None)
    child = pexpect.spawn(sys.executable, ["-m", "trustlog"], env=env, encoding="utf-8", timeout=20)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert child.before.strip().splitlines()[-1].endswith("\tpromise")
    assert "assphrase" not in child.before
    assert PASSPHRASE not in child.before


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o default -F"),
        ("zsh", "#compdef trustlog"),
        ("fish", "complete --command trustlog"),
    ],
)
def test_each_shell_script_is_printed_by_clicks_protocol(home, shell, marker):
    done = subprocess.run(
        [sys.executable, "-m", "trustlog"],
        env={**os.environ, "_TRUSTLOG_COMPLETE": f"source_{shell}"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert marker in done.stdout
    assert "_TRUSTLOG_COMPLETE=complete_" in done.stdout


def test_show_completion_prints_the_script_for_the_shell_named(monkeypatch):
    # typer's switch for tests: the shell is named instead of detected.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="trustlog")
    assert result.exit_code == 0
    assert "complete -o default -F _trustlog_completion trustlog" in result.stdout
