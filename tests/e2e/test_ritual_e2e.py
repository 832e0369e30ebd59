"""The guided repair check-in's real prompts, answered in a pseudo-terminal.

The timer never waits for anyone (it only says how long you have talked), so
these runs take as long as the typing.
"""

from __future__ import annotations

import io

import pexpect
import pytest

from tests.support import pty
from tests.support.pty import CTRL_C, ENTER
from trustlog.domain.profile import Profile, save_profile
from trustlog.domain.ritual.model import Ritual

pytestmark = pytest.mark.e2e


def spawn(home) -> pexpect.spawn:
    child = pty.spawn(home, "ritual", timeout=10)
    child.logfile_read = io.StringIO()
    return child


def answer(child: pexpect.spawn, question: str, keys: str) -> None:
    child.expect_exact(question)
    child.send(keys)


def saved(journal) -> list[Ritual]:
    return [Ritual.from_document(journal.read(f)) for f in journal.month_files(2026, 11, "ritual")]


def test_the_guided_check_in_asks_one_question_at_a_time_and_saves_the_answers(home, journal):
    save_profile(journal, Profile(stop_word="pineapple"))
    child = spawn(home)
    child.expect_exact("about 20–30 minutes, four questions, one at a time")
    child.expect_exact("Your agreed stop word is “pineapple”.")
    child.expect_exact("Time so far: less than a minute, of about 20–30.")
    answer(child, "Facts first", "two late evenings" + ENTER)
    answer(child, "Feelings:", "tired but closer" + ENTER)
    answer(child, "Progress:", ENTER)
    answer(child, "What helped this week", "the Sunday walk" + ENTER)
    child.expect_exact("Saved the repair check-in of Tuesday 24 November")
    child.expect_exact("Thank you both for making the time.")
    assert pty.finish(child) == 0
    [ritual] = saved(journal)
    assert ritual.what == "repair"
    assert (ritual.facts, ritual.feelings, ritual.progress, ritual.helped) == (
        "two late evenings",
        "tired but closer",
        None,
        "the Sunday walk",
    )
    assert ritual.minutes is not None and 0 <= ritual.minutes <= 1


def test_ctrl_c_keeps_what_was_said(home, journal):
    child = spawn(home)
    answer(child, "Facts first", "a hard Tuesday" + ENTER)
    answer(child, "Feelings:", CTRL_C)
    answer(child, "Keep what you have so far?", ENTER)
    child.expect_exact("Saved the repair check-in")
    assert pty.finish(child) == 0
    [ritual] = saved(journal)
    assert (ritual.facts, ritual.feelings) == ("a hard Tuesday", None)


def test_ctrl_c_before_anything_was_said_saves_nothing(home, journal):
    child = spawn(home)
    answer(child, "Facts first", CTRL_C)
    child.expect_exact("Stopped. Nothing was saved.")
    assert pty.finish(child) == 130
    assert saved(journal) == []


def test_calendar_asks_before_it_replaces_a_file(home, tmp_path):
    output = tmp_path / "mine.ics"
    output.write_text("my own calendar")
    child = pty.spawn(home, "calendar", "--output", str(output), timeout=10)
    answer(child, "mine.ics already exists. Replace it?", ENTER)  # No is the default
    child.expect_exact("Left it as it was; nothing was written.")
    assert pty.finish(child) == 0
    assert output.read_text() == "my own calendar"
    child = pty.spawn(home, "calendar", "--output", str(output), timeout=10)
    answer(child, "already exists. Replace it?", "y")
    child.expect_exact("Wrote 0 reminders to")
    assert pty.finish(child) == 0
    assert output.read_text().startswith("BEGIN:VCALENDAR")
