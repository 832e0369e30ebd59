"""The check-in's real prompts in a pseudo-terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.pty import CTRL_C, ENTER, answer, finish, spawn

pytestmark = pytest.mark.e2e

# The check-in's questions in order (with no promise due), as a person sees them.
QUESTIONS = [
    "How are you feeling",
    "what are you feeling",
    "trust and ease",
    "Something you appreciate",
    "act of care",
    "spontaneous affection",
    "detective work",
    "Did you argue",
    "Anything else",
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


def test_ctrl_c_saves_nothing_and_exits_130(home):
    child = spawn(home, "checkin")
    answer(child, "How are you feeling", "4" + ENTER)
    answer(child, "what are you feeling", "angry")
    child.send(CTRL_C)
    child.expect("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert not list(home.rglob("*.md"))


def test_a_second_checkin_offers_the_first_answers(home):
    first = spawn(home, "checkin", "--date", "2026-11-20")
    answer(first, "How are you feeling", "2" + ENTER)
    for question in QUESTIONS[1:]:
        answer(first, question, ENTER)
    assert finish(first) == 0
    again = spawn(home, "checkin", "--date", "2026-11-20")
    again.expect("You already checked in on 2026-11-20")
    answer(again, "How are you feeling", ENTER)  # keeps 2
    answer(again, "what are you feeling", "better now" + ENTER)
    for question in QUESTIONS[2:]:
        answer(again, question, ENTER)
    again.expect("Updated your check-in for Friday 20 November 2026")
    assert finish(again) == 0
    (entry,) = entries(home)
    assert (entry["mood"], entry["feeling"]) == (2, "better now")
