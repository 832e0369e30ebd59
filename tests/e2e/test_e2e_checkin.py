"""The check-in's real prompts in a pseudo-terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.pty import CTRL_C, ENTER, answer, finish, spawn

UP = "\x1b[A"

pytestmark = pytest.mark.e2e

# The check-in's questions in order (with no promise due), as a person sees them.
QUESTIONS = [
    "How (are|were) you feeling",
    "what (are|were) you feeling",
    "trust and ease",
    "Something you appreciate",
    "act of care",
    "spontaneous affection",
    "detective work",
    "Did you argue|Any other argument",
    "Anything else|Anything to add",
    "private",
]


def entries(home):
    out = subprocess.run(
        [sys.executable, "-m", "trustlog", "entries", "--json"],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_a_person_answers_every_question(home):
    child = spawn(home, "checkin")
    answer(child, "How are you feeling", "4" + ENTER)
    answer(child, "what are you feeling", "tender, a bit tired" + ENTER)
    answer(child, "trust and ease", "11" + ENTER)  # out of range: asked again
    answer(child, "from 0 to 10, please", "\x7f\x7f7" + ENTER)
    answer(child, "Something you appreciate", "the tea you made" + ENTER)
    answer(child, "Another thing", "a walk" + ENTER)
    answer(child, "Another thing", ENTER)
    answer(child, "act of care", "I listened" + ENTER)
    answer(child, "spontaneous affection", "2" + ENTER)
    answer(child, "detective work", "1" + ENTER)
    answer(child, "Did you argue", "the phone" + ENTER)
    answer(child, "Anything else", "It was a good evening." + ENTER)
    answer(child, "private", "y")
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    (entry,) = entries(home)
    assert {k: v for k, v in entry.items() if k not in {"id", "created"}} == {
        "kind": "checkin",
        "date": "2026-11-24",
        "updated": None,
        "mood": 4,
        "feeling": "tender, a bit tired",
        "trust": 7,
        "grateful": ["the tea you made", "a walk"],
        "care": "I listened",
        "affection": 2,
        "detective": 1,
        "arguments": ["the phone"],
        "note": "It was a good evening.",
        "private": True,
    }


def test_enter_at_every_question_still_saves_a_sparse_checkin(home):
    child = spawn(home, "checkin")
    for question in QUESTIONS:
        answer(child, question, ENTER)
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    (entry,) = entries(home)
    assert entry["date"] == "2026-11-24"
    assert entry["mood"] is None
    assert entry["private"] is False


def test_ctrl_c_before_any_answer_saves_nothing_and_exits_130(home):
    child = spawn(home, "checkin")
    answer(child, "How are you feeling", ENTER)  # skipped: still nothing to keep
    answer(child, "what are you feeling", "angry")
    child.send(CTRL_C)
    child.expect("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert not list(home.rglob("*.md"))


def test_ctrl_c_offers_to_keep_what_was_typed_and_enter_keeps_it(home):
    child = spawn(home, "checkin")
    answer(child, "How are you feeling", "2" + ENTER)
    answer(child, "what are you feeling", "flooded" + ENTER)
    answer(child, "trust and ease", CTRL_C)
    answer(child, "Keep what you have so far", ENTER)
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    (entry,) = entries(home)
    assert (entry["mood"], entry["feeling"], entry["trust"]) == (2, "flooded", None)


def test_a_second_ctrl_c_leaves_without_saving(home):
    child = spawn(home, "checkin")
    answer(child, "How are you feeling", "2" + ENTER)
    answer(child, "what are you feeling", CTRL_C)
    answer(child, "Keep what you have so far", CTRL_C)
    child.expect("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert not list(home.rglob("*.md"))


def test_catching_up_names_the_day_in_every_question(home):
    child = spawn(home, "checkin", "--date", "2026-11-16")
    answer(child, "How were you feeling on Monday 16 November", "3" + ENTER)
    answer(child, "what were you feeling", ENTER)
    answer(child, "How much trust and ease did you feel on Monday 16 November", "6" + ENTER)
    answer(child, "Something you appreciated on Monday 16 November", ENTER)
    answer(child, "act of care you gave on Monday 16 November", ENTER)
    answer(child, "affection on Monday 16 November", ENTER)
    answer(child, "on Monday 16 November: checking a phone", ENTER)
    answer(child, "Did you argue on Monday 16 November", ENTER)
    answer(child, "Anything else", ENTER)
    answer(child, "private", ENTER)
    child.expect("Saved your check-in for Monday 16 November 2026")
    assert finish(child) == 0
    assert "today" not in child.before


def test_a_second_checkin_offers_the_first_answers_and_adds_to_the_note(home):
    first = spawn(home, "checkin", "--date", "2026-11-20")
    answer(first, "How were you feeling", "2" + ENTER)
    for question in QUESTIONS[1:-2]:
        answer(first, question, ENTER)
    answer(first, "Anything else", "A hard morning." + ENTER)
    answer(first, "private", ENTER)
    assert finish(first) == 0
    again = spawn(home, "checkin", "--date", "2026-11-20")
    again.expect("You already checked in on Friday 20 November 2026; Enter keeps each answer")
    answer(again, r"How were you feeling.*Enter keeps it", ENTER)  # keeps 2
    answer(again, "what were you feeling", "better now" + ENTER)
    for question in QUESTIONS[2:-2]:
        answer(again, question, ENTER)
    answer(again, "Anything to add to the note. It says: “A hard morning.”", "A calm night.\r")
    answer(again, "private", ENTER)
    again.expect(r"Updated your check-in for Friday 20 November 2026 \(feeling, note\)")
    assert finish(again) == 0
    (entry,) = entries(home)
    assert (entry["mood"], entry["feeling"]) == (2, "better now")
    assert entry["note"] == "A hard morning.\n\nA calm night."


def trustlog(home, *args):
    return subprocess.run(
        [sys.executable, "-m", "trustlog", *args],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )


def test_letters_typed_ahead_never_change_the_promise_menu(home):
    """j/k are not arrows: "ok", typed before the menu drew, once saved a promise as broken."""
    trustlog(home, "promise", "add", "Phone face-up")
    child = spawn(home, "checkin")
    for question in QUESTIONS[:-2]:
        answer(child, question, ENTER)
    child.expect("Your promise “Phone face-up”")
    child.send("ok jk kkk jjj")  # letters meant for somewhere else
    child.expect(r"\(Use arrow keys\)")
    child.send(ENTER)  # the default: not yet
    child.expect("Phone face-up.*Not yet")
    answer(child, "Anything else", ENTER)
    answer(child, "private", ENTER)
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    marks = [e for e in entries(home) if e["kind"] == "mark"]
    assert marks == [], marks


def test_the_arrow_keys_still_choose_in_the_promise_menu(home):
    trustlog(home, "promise", "add", "Phone face-up")
    child = spawn(home, "checkin")
    for question in QUESTIONS[:-2]:
        answer(child, question, ENTER)
    child.expect("Your promise “Phone face-up”")
    child.send(UP + UP + ENTER)  # from "Not yet", up twice: "Kept"
    answer(child, "Anything else", ENTER)
    answer(child, "private", ENTER)
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    marks = [e for e in entries(home) if e["kind"] == "mark"]
    assert [m["outcome"] for m in marks] == ["kept"]


def test_the_questions_fit_the_role_from_init(home):
    trustlog(home, "init", "--partner", "Sam", "--role", "repairing")
    child = spawn(home, "checkin", columns=80)
    answer(child, "How are you feeling", ENTER)
    answer(child, "what are you feeling", ENTER)
    answer(child, "How much trust and ease was there between you today", "6" + ENTER)
    answer(child, "Something you appreciate", ENTER)
    answer(child, "One small act of care you gave Sam today", ENTER)
    answer(child, "spontaneous affection", ENTER)
    answer(child, "Times today you were checked on", "2" + ENTER)
    answer(child, "Did you argue", ENTER)
    answer(child, "Anything else", ENTER)
    answer(child, "private", ENTER)
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    (entry,) = entries(home)
    assert (entry["trust"], entry["detective"]) == (6, 2)
