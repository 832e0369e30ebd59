"""The real `contract write` prompts, answered in a pseudo-terminal as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import pty

pytestmark = pytest.mark.e2e

CLEAR_LINE = "\x15"  # Ctrl-U: clear the prefilled answer


def run_json(home: Path, *args: str) -> object:
    env = {**os.environ, "TRUSTLOG_HOME": str(home), "TRUSTLOG_NOW": pty.FIXED_NOW}
    done = subprocess.run(
        [sys.executable, "-m", "trustlog", *args], env=env, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def test_write_walks_the_parts_then_revises_from_the_current_words(home: Path) -> None:
    child = pty.spawn(home, "contract", "write")
    child.expect("part by part")
    pty.answer(child, "Your commitment, 1 of 3", "I will text when plans change\r")
    pty.answer(child, "Your commitment, 2 of 3", "\r")
    pty.answer(child, "Your commitment, 3 of 3", "\r")
    pty.answer(child, "Their commitment, 1 of 3", "I will say when I need a pause\r")
    pty.answer(child, "Their commitment, 2 of 3", "\r")
    pty.answer(child, "Their commitment, 3 of 3", "\r")
    pty.answer(child, "What support looks like", "A walk on Sundays\r")
    pty.answer(child, "What would break the agreement", "\r")
    pty.answer(child, "When will you revisit it", "\r")
    child.expect("Saved your repair contract, revision 1")
    assert pty.finish(child) == 0
    first = run_json(home, "contract", "--json")
    assert isinstance(first, dict)
    assert first["mine"] == ["I will text when plans change"]
    assert first["support"] == "A walk on Sundays" and first["breaks"] is None
    assert first["revisit"] == "2026-12-24"

    child = pty.spawn(home, "contract", "write")
    # The first answer starts from the current words: Enter keeps them, typing adds.
    pty.answer(child, "Your commitment, 1 of 3", ", before 6\r")
    pty.answer(child, "Your commitment, 2 of 3", "\r")
    pty.answer(child, "Your commitment, 3 of 3", "\r")
    pty.answer(child, "Their commitment, 1 of 3", "\r")
    pty.answer(child, "Their commitment, 2 of 3", "\r")
    pty.answer(child, "Their commitment, 3 of 3", "\r")
    pty.answer(child, "What support looks like", CLEAR_LINE + "\r")
    pty.answer(child, "What would break the agreement", "A new secret\r")
    pty.answer(child, "When will you revisit it", CLEAR_LINE + "2027-01-10\r")
    child.expect("Saved revision 2")
    child.expect("reworded your commitment")
    assert pty.finish(child) == 0
    second = run_json(home, "contract", "--json")
    assert isinstance(second, dict)
    assert second["revision"] == 2
    assert second["mine"] == ["I will text when plans change, before 6"]
    assert second["theirs"] == ["I will say when I need a pause"]
    assert (second["support"], second["breaks"]) == (None, "A new secret")
    assert second["revisit"] == "2027-01-10"


def test_ctrl_c_before_any_answer_saves_nothing(home: Path) -> None:
    child = pty.spawn(home, "contract", "write")
    pty.answer(child, "Your commitment, 1 of 3", pty.CTRL_C)
    assert pty.finish(child) == 130
    assert not list(home.rglob("*.md")) if home.exists() else True


def test_ctrl_c_after_an_answer_offers_to_keep_it(home: Path) -> None:
    child = pty.spawn(home, "contract", "write")
    pty.answer(child, "Your commitment, 1 of 3", "I will text when plans change\r")
    pty.answer(child, "Your commitment, 2 of 3", pty.CTRL_C)
    pty.answer(child, "Keep what you have so far", "\r")
    child.expect("Saved your repair contract, revision 1")
    assert pty.finish(child) == 0
    saved = run_json(home, "contract", "--json")
    assert isinstance(saved, dict)
    assert saved["mine"] == ["I will text when plans change"] and saved["revisit"] == "2026-12-24"
