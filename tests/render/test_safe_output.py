"""No text a person or a file supplied reaches the terminal raw (CONTRACT.md, issue 9 case 4).

Every free-text field of every kind is given control characters (C0, DEL,
C1, whole escape sequences) and rich markup; then every command that reads
is run, with and without colour, and all of stdout and stderr is scanned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.support.paths import ROOT
from trustlog.render.safe import json_safe, visible

HOSTILE = "hi\x1b]0;pwned\x07\x1b[2J\x9b31m\x7f\x00 [bold]B[/bold]"
# What rich itself writes for colour and style; anything else is text that got through.
STYLE = re.compile(r"\x1b\[[0-9;]*m")
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_visible_shows_each_control_character_and_keeps_newline_and_tab() -> None:
    assert visible("a\x1b[2Jb\x07\x9b\x7f\n\tc") == "a\\x1b[2Jb\\x07\\x9b\\x7f\n\tc"
    assert visible("plain text, ü and 🙂") == "plain text, ü and 🙂"
    assert visible(visible("\x1b")) == "\\x1b"


def test_json_safe_escapes_del_and_c1_as_json_does() -> None:
    dumped = json_safe(json.dumps({"t": "a\x9b\x7fb\x1b"}, ensure_ascii=False))
    assert not RAW.search(dumped)
    assert json.loads(dumped) == {"t": "a\x9b\x7fb\x1b"}


def _clean(run: Run) -> Run:
    for stream in (run.stdout, run.stderr):
        shown = STYLE.sub("", stream)
        assert not RAW.search(shown), (RAW.findall(shown), shown)
    return run


def _fill(raw_cli: Callable[..., Run]) -> dict[str, str]:
    """Every kind, every free-text field hostile; what each command says is clean too."""

    def cli(*args: str) -> Run:
        return _clean(raw_cli(*args))

    ids: dict[str, str] = {}
    made = cli("init", "--name", HOSTILE, "--partner", HOSTILE)
    assert made.exit_code == 0, made.stderr
    promise = cli("promise", "add", HOSTILE, "--json")
    assert promise.exit_code == 0, promise.stderr
    ids["promise"] = promise.json()["id"]
    checkin = cli(
        "checkin", "--feeling", HOSTILE, "--grateful", HOSTILE, "--care", HOSTILE,
        "--argument", HOSTILE, "--note", HOSTILE, "--broken", ids["promise"], "--json",
    )  # fmt: skip
    assert checkin.exit_code == 0, checkin.stderr
    ids["checkin"] = checkin.json()["id"]
    trigger = cli(
        "trigger", "--what", HOSTILE, "--intensity", "5", "--facts", HOSTILE,
        "--guesses", HOSTILE, "--reassurance", HOSTILE, "--repair", HOSTILE, "--json",
    )  # fmt: skip
    assert trigger.exit_code == 0, trigger.stderr
    ids["trigger"] = trigger.json()["id"]
    apology = cli(
        "apology", "draft", "--did", HOSTILE, "--impact", HOSTILE, "--responsibility",
        HOSTILE, "--amends", HOSTILE, "--promise", HOSTILE, "--json",
    )  # fmt: skip
    assert apology.exit_code == 0, apology.stderr
    ids["apology"] = apology.json()["id"]
    repaired = cli("promise", "broken", ids["promise"], "--note", HOSTILE, "--repair", HOSTILE)
    assert repaired.exit_code == 0, repaired.stderr
    # Without --json, the words that confirm each: they quote what was typed.
    for args in (
        ["checkin", "--note", HOSTILE, "--argument", HOSTILE],
        ["trigger", "--what", HOSTILE, "--intensity", "3", "--no-timer"],
        ["trigger", "resolve", ids["trigger"]],
        ["promise", "add", HOSTILE],
        ["promise", "kept", ids["promise"], "--note", HOSTILE],
        ["apology", "draft", "--did", HOSTILE, "--promise", HOSTILE],
        ["init", "--partner", HOSTILE],
    ):
        assert cli(*args).exit_code == 0, args
    return ids


def _reads(ids: dict[str, str]) -> list[list[str]]:
    reads = [
        [],
        ["entries"],
        ["entries", "--contains", "hi"],
        ["promise", "list", "--all"],
        ["apology", "list"],
        ["apology", "show", ids["apology"]],
        ["report"],
        ["report", "--week"],
        ["show", HOSTILE],
        ["checkin", "--mood", HOSTILE],
        [HOSTILE],
        ["promise", "kept", HOSTILE],
    ]
    reads += [["show", entry_id] for entry_id in ids.values()]
    return reads + [[*args, "--json"] for args in reads[:8] if args and "--contains" not in args]


@pytest.mark.parametrize("colour", [False, True])
def test_no_read_command_prints_a_raw_control_character(
    cli: Callable[..., Run], colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _fill(cli)
    if colour:
        monkeypatch.delenv("NO_COLOR")
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("TERM", "xterm-256color")
    for args in _reads(ids):
        run = cli(*args)
        for stream in (run.stdout, run.stderr):
            shown = STYLE.sub("", stream)
            assert not RAW.search(shown), (args, RAW.findall(shown), shown)
    shown = cli("show", ids["checkin"]).stdout
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x7f\\x00 [bold]B[/bold]" in shown


def test_a_hand_written_file_of_an_unknown_kind_is_shown_safely(
    cli: Callable[..., Run], home: Path
) -> None:
    folder = home / "2026" / "11"
    folder.mkdir(parents=True)
    (folder / "2026-11-20-dream-abcde.md").write_text(
        '+++\nkind = "dream"\nid = "abcde"\ndate = 2026-11-20\nmood = "\\u001b[2J"\n+++\n' + HOSTILE
    )
    for args in (["entries"], ["show", "abcde"], ["entries", "--json"], []):
        run = cli(*args)
        assert not RAW.search(run.stdout + run.stderr), args


def test_every_renderer_takes_text_and_consoles_from_the_safe_place() -> None:
    """Structural: rich's own Text drops some control characters and keeps ESC; ours
    shows them all. Only render/console.py and render/output.py may reach rich's."""
    source = ROOT / "src" / "trustlog"
    allowed = {source / "render" / "console.py", source / "render" / "output.py"}
    for path in source.rglob("*.py"):
        if path in allowed:
            continue
        text = path.read_text()
        assert "from rich.text import Text" not in text, path
        assert not re.search(r"\bConsole\(", text), path
