"""The warm line after a hard moment, in a real terminal, as a person meets it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.e2e.test_e2e_checkin import QUESTIONS
from tests.support.pty import ENTER, answer, finish, spawn

pytestmark = pytest.mark.e2e


def run(home, *args):
    subprocess.run(
        [sys.executable, "-m", "trustlog", *args],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        check=True,
    )


def test_a_hard_checkin_at_night_gets_the_line_once(home):
    run(home, "init", "--stop-word", "pause")
    run(home, "support", "add", "Sam (my sister): 0612 345 678")
    night = "2026-11-25T01:12:00+00:00"  # before the day ends: still the 24th
    child = spawn(home, "checkin", now=night, columns=60)
    answer(child, QUESTIONS[0], "1" + ENTER)
    answer(child, QUESTIONS[1], "frozen" + ENTER)
    answer(child, QUESTIONS[2], "1" + ENTER)
    for question in QUESTIONS[3:-2]:
        answer(child, question, ENTER)
    answer(child, QUESTIONS[-2], "I froze. It felt like before." + ENTER)
    answer(child, QUESTIONS[-1], ENTER)
    child.expect("Saved today's check-in")
    child.expect("That sounds hard.")
    assert finish(child) == 0
    # Wrapped to the terminal's 60 columns, the contact whole on the screen.
    line = " ".join(child.before.split())
    assert line == (
        "If it helps: your stop word “pause” · Sam (my sister): 0612 345 678 · trustlog help safety"
    )
    again = spawn(home, "checkin", "--note", "still awake", now=night)
    again.expect("Updated today's check-in")
    assert finish(again) == 0
    assert "That sounds hard" not in again.before


def test_a_strong_flare_up_left_open_in_the_routine_gets_the_line(home):
    child = spawn(home, "trigger", "--no-timer", "--what", "his phone buzzed", columns=80)
    answer(child, "How intense", "9" + ENTER)
    answer(child, "Just the facts", ENTER)
    answer(child, "guessing, or afraid", ENTER)
    answer(child, "reassurance", ENTER)
    answer(child, "tiny repair", ENTER)
    answer(child, "Has it settled", "n")
    child.expect("trustlog trigger resolve")
    child.expect("That sounds hard, and it is still with you.")
    child.expect("trustlog help safety")
    assert finish(child) == 0
