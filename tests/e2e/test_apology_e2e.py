"""The real apology prompts, answered in a pseudo-terminal as a person would."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pexpect
import pytest

from tests.support import pty
from trustlog.domain.apology.model import Apology, find_apology
from trustlog.domain.promise.model import Promise
from trustlog.storage.journal import Journal

pytestmark = pytest.mark.e2e

DOWN = "\x1b[B"
CLEAR_LINE = "\x15"  # Ctrl-U: clear the prefilled answer before typing a new one
CTRL_C = "\x03"


def spawn(*args: str) -> Any:
    return pty.spawn(Path(os.environ["TRUSTLOG_HOME"]), *args, timeout=10)


def answer(child: Any, question: str, text: str) -> None:
    child.expect(question)
    child.send(text + "\r")


def finish(child: Any) -> int:
    child.expect(pexpect.EOF)
    child.close()
    status: int = child.exitstatus
    return status


def entry_files(home: Path) -> list[Path]:
    return sorted(home.rglob("*.md")) if home.exists() else []


def test_walk_revise_and_turn_a_step_into_a_promise(home: Path, journal: Journal) -> None:
    child = spawn("apology", "draft")
    child.expect("1 of 4 · What I did")
    child.expect("Good: ")
    child.expect("Poor: ")
    answer(child, "What did you do", "I'm sorry for everything.")
    child.expect("2 of 4 · How it hurt you")
    answer(child, "How did it hurt them", "It made you feel watched in your own home.")
    answer(child, "How will you say that it was yours", "That was my choice.")
    answer(child, "How will you make amends", "I will ask before I touch your phone.")
    child.expect("Your apology, read back:")
    child.expect("What I did · “for everything”")
    child.expect("What would you like to do")
    child.send(DOWN + "\r")  # Revise 1: What I did
    child.expect("What did you do")
    child.send(CLEAR_LINE + "I read your messages on Tuesday without asking you.\r")
    child.expect("Your apology, read back:")
    child.expect("The checker found nothing to point out.")
    answer(child, "What would you like to do", "")  # keep it
    child.expect("turn steps of your plan into promises")
    child.send("y")
    child.expect("Track “Ask before I touch your phone.”")
    child.send("y")
    answer(child, "Another promise to track", "Text you if I'm running late")
    answer(child, "Another promise to track", "")
    child.expect("How often")
    child.send(DOWN + "\r")  # On weekdays
    child.expect("Saved your apology draft. id (\\w+)")
    apology_id = child.match.group(1)
    assert finish(child) == 0

    apology = find_apology(journal, apology_id)
    assert apology.did == "I read your messages on Tuesday without asking you."
    assert apology.amends == "I will ask before I touch your phone."
    assert len(apology.promises) == 2
    promises = [
        Promise.from_document(journal.read(journal.undated_path("promises", "promise", promise_id)))
        for promise_id in apology.promises
    ]
    assert [p.text for p in promises] == [
        "Ask before I touch your phone.",
        "Text you if I'm running late",
    ]
    assert {(p.apology, p.every) for p in promises} == {(apology_id, "weekdays")}


def test_ctrl_c_before_any_part_saves_nothing(home: Path) -> None:
    child = spawn("apology", "draft")
    child.expect("What did you do")
    child.send(CTRL_C)
    child.expect("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert entry_files(home) == []


def test_ctrl_c_mid_routine_keeps_the_parts_given(home: Path, journal: Journal) -> None:
    child = spawn("apology", "draft")
    answer(child, "What did you do", "I lied about Friday.")
    child.expect("How did it hurt them")
    child.send(CTRL_C)
    child.expect("Keep what you have so far")
    child.send("\r")  # Keep is the default
    assert finish(child) == 0
    (path,) = entry_files(home)
    apology = Apology.from_document(journal.read(path))
    assert (apology.did, apology.impact) == ("I lied about Friday.", None)


def test_a_second_ctrl_c_at_the_review_saves_nothing(home: Path) -> None:
    child = spawn(
        "apology", "draft", "--did", "I lied about Friday.", "--impact", "You felt foolish."
    )
    answer(child, "How will you say that it was yours", "It was my choice.")
    answer(child, "How will you make amends", "")
    child.expect("What would you like to do")
    child.send(CTRL_C)
    child.expect("Keep what you have so far")
    child.send(CTRL_C)
    child.expect("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert entry_files(home) == []


def test_parts_given_by_flag_are_not_asked(home: Path, journal: Journal) -> None:
    child = spawn(
        "apology", "draft", "--did", "I lied about Friday.", "--impact", "You felt foolish."
    )
    child.expect("3 of 4 · I take full responsibility")
    assert "1 of 4" not in child.before and "2 of 4" not in child.before
    answer(child, "How will you say that it was yours", "It was my choice.")
    answer(child, "How will you make amends", "I'll be better.")
    child.expect("How I'll make amends and change · “I'll be better”")
    answer(child, "What would you like to do", "")  # keep it as it is, with its note
    child.expect("turn steps of your plan into promises")
    child.send("n")
    child.expect("Saved your apology draft. id (\\w+)")
    apology_id = child.match.group(1)
    assert finish(child) == 0
    apology = find_apology(journal, apology_id)
    assert (apology.did, apology.amends, apology.promises) == (
        "I lied about Friday.",
        "I'll be better.",
        [],
    )


def test_leaving_every_part_empty_saves_nothing(home: Path) -> None:
    child = spawn("apology", "draft")
    for question in ("What did you do", "How did it hurt them", "that it was yours", "make amends"):
        answer(child, question, "")
    child.expect("nothing was saved")
    assert finish(child) == 0
    assert entry_files(home) == []


def test_no_input_in_a_terminal_asks_nothing(home: Path) -> None:
    child = spawn("--no-input", "apology", "draft")
    child.expect("Nothing to record")
    assert finish(child) == 2
    assert entry_files(home) == []


def test_at_60_columns_the_read_back_keeps_its_indent_on_wrapped_lines(home: Path) -> None:
    child = pty.spawn(home, "apology", "draft", timeout=10, columns=60)
    answer(child, "What did you do", "I read your messages on Tuesday night without asking "
           "you, and then I lied about it when you asked me.")  # fmt: skip
    answer(child, "How did it hurt them", "It made you feel watched.")
    answer(child, "How will you say that it was yours", "That was my choice.")
    answer(child, "How will you make amends", "I will ask before I touch your phone, from today.")
    child.expect("Your apology, read back:")
    child.expect("What would you like to do")
    shown = [line.rstrip() for line in child.before.replace("\r", "").splitlines()]
    start = next(n for n, line in enumerate(shown) if "I read your messages" in line)
    assert shown[start].startswith("  I read your messages")
    assert shown[start + 1].startswith("  ") and shown[start + 1].strip()  # still under it
    assert max(len(line) for line in shown) <= 60
    child.sendcontrol("c")
    child.expect("Keep what you have so far")
    child.send("n")
    assert finish(child) == 130
