"""Start-up stays light: heavy modules load only where they are needed (STYLE.md 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.commands import every_command

HEAVY = (
    "questionary",
    "prompt_toolkit",
    "rich",
    "pygments",
    "markdown_it",
    "filelock",
    "tomlkit",
    "pyrage",
    "nacl",
    "jinja2",
    "markupsafe",
)

PROBE = """
import json, sys, runpy
sys.argv = ["trustlog", *json.loads(sys.argv[1])]
try:
    runpy.run_module("trustlog", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_by(args: list[str], home) -> set[str]:
    """The top-level packages a run of `trustlog *args` imported."""
    return {name.split(".")[0] for name in modules_loaded_by(args, home)}


def modules_loaded_by(args: list[str], home) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], *([*path, "--help"] for path, _ in every_command())],
    ids=" ".join,
)
def test_help_loads_no_heavy_module(args, home):
    assert loaded_by(args, home).isdisjoint(HEAVY)


def test_a_json_read_needs_neither_rich_nor_prompts(home):
    loaded = loaded_by(["entries", "--json"], home)
    assert loaded.isdisjoint({"questionary", "prompt_toolkit", "rich", "filelock"})


def test_a_checkin_by_flags_loads_no_prompts(home):
    loaded = loaded_by(["checkin", "--mood", "3", "--json"], home)
    assert loaded.isdisjoint({"questionary", "prompt_toolkit", "rich"})
    assert "fcntl" in loaded  # the probe really ran a write (under the lock)


def test_tomlkit_loads_only_to_keep_a_hand_edit(home):
    loaded_by(["checkin", "--mood", "3"], home)
    assert "tomlkit" not in loaded_by(["checkin", "--trust", "5"], home)
    (path,) = home.glob("*/*/*-checkin-*.md")
    path.write_text(path.read_text().replace("mood = 3", "mood = 3  # mine"))
    assert "tomlkit" in loaded_by(["checkin", "--trust", "6"], home)
    assert "mood = 3  # mine\n" in path.read_text()
    assert "trust = 6\n" in path.read_text()


def test_a_plain_checkin_tells_its_line_without_rich(home):
    # Its one line is written as rich would write it (tests/render/test_words.py holds them equal).
    assert "rich" not in loaded_by(["checkin", "--mood", "3"], home)
    assert "rich" not in loaded_by(["checkin", "--mood", "4", "--private"], home)


def test_only_an_encrypted_journal_loads_the_encryption_library(home, monkeypatch):
    for args in (["checkin", "--mood", "3"], ["entries", "--json"], ["report", "--json"], []):
        assert "pyrage" not in loaded_by(args, home), args
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "a passphrase")
    env = {**os.environ, "TRUSTLOG_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "trustlog", "encrypt"], env=env, check=True)
    assert "pyrage" in loaded_by(["entries", "--json"], home)


def test_a_checkin_leaves_the_other_kinds_alone(home):
    # The registry imports every kind (the apology checker among them): a check-in
    # names the journal's folders from domain/folders.py instead.
    loaded = modules_loaded_by(["checkin", "--mood", "3", "--json"], home)
    assert "trustlog.domain.kinds" not in loaded
    assert "trustlog.domain.apology.checker" not in loaded


def test_completion_code_loads_only_when_the_shell_asks(home):
    # Typer's --install-completion/--show-completion are on; what Tab offers
    # (cli/complete.py) is imported by a completion run alone.
    ours = {"trustlog.cli.complete", "trustlog.domain.completion"}
    for args in (["--help"], ["promise", "kept", "--help"], ["checkin", "--mood", "3"]):
        assert modules_loaded_by(args, home).isdisjoint(ours), args


def test_only_the_partner_commands_load_the_signing_library(home, tmp_path):
    everyday = (["checkin", "--mood", "3"], ["entries", "--json"], ["report", "--json"], [])
    for args in (*everyday, ["contract", "--json"]):
        assert loaded_by(args, home).isdisjoint({"nacl", "pyrage"}), args
    assert "nacl" in loaded_by(["partner", "code", "--json"], home)

    def run(journal, *args):
        env = {**os.environ, "TRUSTLOG_HOME": str(journal)}
        done = subprocess.run(
            [sys.executable, "-m", "trustlog", *args], env=env, capture_output=True, check=True
        )
        return done.stdout

    partner = tmp_path / "partner"
    mine = json.loads(run(home, "partner", "code", "--json"))["code"]
    theirs = json.loads(run(partner, "partner", "code", "--json"))["code"]
    run(home, "partner", "add", theirs)
    run(partner, "partner", "add", mine)
    run(partner, "checkin", "--mood", "4", "--trust", "6")
    share = tmp_path / "share.age"
    run(partner, "share", "--yes", "--what", "checkins", "--output", str(share))
    run(home, "receive", str(share))
    # With a partner and what they shared, the everyday commands still load neither.
    for args in ([], ["--json"], ["report", "--json"], ["contract", "--json"]):
        assert loaded_by(args, home).isdisjoint({"nacl", "pyrage"}), args


def test_a_plain_checkin_reads_no_promise_and_loads_no_json_nor_crypto(home, cli):
    # The check-in a person makes every day, by flags (issue 21): the promises are read
    # only to mark one or to ask, json only for --json or a change of many files (the
    # journal's first, which writes journal.toml too), tempfile (the temporary file) not
    # at all, nor secrets (with hmac, hashlib and OpenSSL): a new id's characters come
    # from os.urandom (storage/names.py's pick).
    cli("checkin", "--date", "2026-11-01", "--mood", "3")
    for note in ("Slept well.", "Slept well, again."):  # a new check-in, then its update
        probe = (
            "import sys, runpy\n"
            f"sys.argv = ['trustlog', 'checkin', '--date', '2026-11-20', '--note', '{note}']\n"
            "try:\n    runpy.run_module('trustlog', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(sorted(sys.modules)))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe],
            env={**os.environ, "TRUSTLOG_HOME": str(home)},
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=True,
        )
        loaded = set(done.stderr.split())
        assert "fcntl" in loaded  # it really wrote, under the lock
        unwanted = {"json", "tomllib", "tempfile", "secrets", "hmac", "hashlib", "random"}
        assert loaded.isdisjoint(unwanted), loaded & unwanted
        assert not {m for m in loaded if m.startswith("trustlog.domain.promise")}
    assert len(list(home.glob("*/*/*-checkin-*.md"))) == 2


def test_the_top_level_help_loads_only_the_root_command(home):
    # `trustlog --help` is typer, the table of commands and the error handler: no command's
    # module, no state, no renderer (issue 21: it is held to half of jrnl's --help).
    ours = {m for m in modules_loaded_by(["--help"], home) if m.startswith("trustlog")}
    assert ours == {
        "trustlog",
        "trustlog.cli",
        "trustlog.cli.quick",
        "trustlog.cli.app",
        "trustlog.cli.group",
        "trustlog.errors",
    }


def test_a_plain_checkin_loads_neither_the_topics_nor_the_care_line(home):
    # Earlier argument topics are read only for --argument; the warm line after a hard
    # check-in is drawn only after one.
    plain = modules_loaded_by(["checkin", "--mood", "4", "--trust", "7"], home)
    assert plain.isdisjoint({"trustlog.domain.checkin.topics", "trustlog.render.care"})
    hard = modules_loaded_by(["checkin", "--mood", "1", "--argument", "money"], home)
    assert {"trustlog.domain.checkin.topics", "trustlog.render.care"} <= hard


GC_PROBE = """
import gc, sys
sys.argv = ["trustlog", *sys.argv[1:]]
from trustlog.cli.quick import main
try:
    main()
except SystemExit:
    pass
print(gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)
"""


@pytest.mark.parametrize("args", [["checkin", "--mood", "3"], ["--json"]], ids=" ".join)
def test_the_garbage_collector_is_off_only_while_the_command_loads(args, home):
    # cli/quick.py turns it off for the start-up; it is on again (start-up's objects
    # frozen) before the command, or the dashboard, does its work.
    done = subprocess.run(
        [sys.executable, "-c", GC_PROBE, *args],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    assert done.stderr.split()[-2:] == ["True", "True"]
