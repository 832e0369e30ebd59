"""The trigger routine's real prompts and timer, answered in a pseudo-terminal."""

from __future__ import annotations

import io

import pexpect
import pytest

from tests.support import pty
from tests.support.pty import CTRL_C, ENTER
from trustlog.domain.profile import Profile, save_profile
from trustlog.domain.trigger.model import Trigger

pytestmark = pytest.mark.e2e


def spawn(home, *args: str) -> pexpect.spawn:
    child = pty.spawn(home, "trigger", *args, timeout=10)
    child.logfile_read = io.StringIO()  # the whole screen, for what must not appear
    return child


def answer(child: pexpect.spawn, question: str, keys: str) -> None:
    child.expect_exact(question)
    child.send(keys)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return child.exitstatus


def saved(journal) -> list[Trigger]:
    return [
        Trigger.from_document(journal.read(f)) for f in journal.month_files(2026, 11, "trigger")
    ]


def the_rest(child: pexpect.spawn, settled: str) -> None:
    answer(child, "Just the facts", "he was an hour late" + ENTER)
    answer(child, "guessing, or afraid", "that he was somewhere else" + ENTER)
    answer(child, "reassurance", "a text when plans change" + ENTER)
    answer(child, "tiny repair", "a hug" + ENTER)
    answer(child, "Has it settled?", settled)


def test_the_routine_skipping_the_timer_with_enter(home, journal):
    save_profile(journal, Profile(stop_word="amber"))
    child = spawn(home, "--breathe", "60")
    child.expect_exact("Your agreed stop word is “amber”.")
    answer(child, "What flared up?", "a late reply" + ENTER)
    answer(child, "How intense", "6" + ENTER)
    answer(child, "breathe together for 1 min", ENTER)  # the steady pace, the default
    child.expect_exact("Breathe in")
    child.expect_exact("Enter skips")
    child.send(ENTER)
    child.expect_exact("Skipped ")
    screen = child.logfile_read.getvalue()
    assert "░" * 30 in screen and "60 s left" in screen
    the_rest(child, "y")
    child.expect_exact("It settled after less than a minute.")
    assert finish(child) == 0
    [trigger] = saved(journal)
    assert trigger.what == "a late reply"
    assert trigger.intensity == 6
    assert trigger.breathed_seconds is not None and trigger.breathed_seconds < 60
    assert trigger.facts == "he was an hour late"
    assert trigger.guesses == "that he was somewhere else"
    assert trigger.reassurance == "a text when plans change"
    assert trigger.repair == "a hug"
    assert trigger.resolved_at == trigger.at


def test_ctrl_c_during_the_timer_ends_it_and_the_routine_goes_on(home, journal):
    child = spawn(home, "--breathe", "120", "--pace", "calm")
    child.expect_exact("Either of you can pause this at any moment.")
    answer(child, "What flared up?", "the old hotel's name on TV" + ENTER)
    answer(child, "How intense", ENTER)
    child.expect_exact("Let's pause and breathe together for 2 min.")
    child.expect_exact("Breathe in")
    child.send(CTRL_C)
    child.expect_exact("Stopped the breathing after")
    child.expect_exact("Let's go on.")
    the_rest(child, "n")
    child.expect_exact("It stays open for now.")
    assert finish(child) == 0
    [trigger] = saved(journal)
    assert trigger.what == "the old hotel's name on TV"
    assert trigger.intensity is None
    assert trigger.breathed_seconds is not None and trigger.breathed_seconds < 120
    assert trigger.resolved_at is None
    assert trigger.repair == "a hug"


def test_the_short_timer_runs_to_its_end(home, journal):
    child = spawn(home, "--breathe", "1", "--pace", "steady", "--what", "x", "--intensity", "2")
    child.expect_exact("Breathe in")
    child.expect_exact("You breathed for 1 s.")
    the_rest(child, "n")
    assert finish(child) == 0
    [trigger] = saved(journal)
    assert trigger.breathed_seconds == 1
    assert trigger.what == "x" and trigger.intensity == 2


def test_ctrl_c_before_any_answer_stops_and_saves_nothing(home, journal):
    child = spawn(home, "--no-timer")
    answer(child, "What flared up?", ENTER)
    answer(child, "How intense", CTRL_C)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert saved(journal) == []
    assert not list(home.rglob("*.md"))


def test_ctrl_c_keeps_what_was_typed_as_a_trigger_still_settling(home, journal):
    child = spawn(home, "--no-timer")
    answer(child, "What flared up?", "a message" + ENTER)
    answer(child, "How intense", "8" + ENTER)
    answer(child, "Just the facts", CTRL_C)
    answer(child, "Keep what you have so far?", ENTER)  # Keep is the default
    child.expect_exact("It stays open for now.")
    child.expect_exact("trustlog trigger resolve")
    assert finish(child) == 0
    [trigger] = saved(journal)
    assert (trigger.what, trigger.intensity, trigger.facts) == ("a message", 8, None)
    assert trigger.resolved_at is None


def test_a_second_ctrl_c_leaves_without_saving(home, journal):
    child = spawn(home, "--no-timer")
    answer(child, "What flared up?", "a message" + ENTER)
    answer(child, "How intense", CTRL_C)
    answer(child, "Keep what you have so far?", CTRL_C)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert not list(home.rglob("*.md"))


def test_the_hurt_partner_is_asked_what_repair_would_help(home, journal):
    save_profile(journal, Profile(role="hurt"))
    child = spawn(home, "--no-timer", "--what", "x", "--intensity", "3")
    answer(child, "Just the facts", ENTER)
    answer(child, "guessing, or afraid", ENTER)
    answer(child, "reassurance", ENTER)
    answer(child, "What small repair would help", "a hug" + ENTER)
    answer(child, "Has it settled?", "y")
    assert finish(child) == 0
    assert "tiny repair" not in child.logfile_read.getvalue()


def test_no_timer_asks_nothing_about_breathing(home, journal):
    child = spawn(home, "--no-timer", "--what", "x", "--intensity", "3")
    child.expect_exact("Either of you can pause")
    the_rest(child, "y")
    assert finish(child) == 0
    assert "breathe" not in child.logfile_read.getvalue().lower()
    [trigger] = saved(journal)
    assert trigger.breathed_seconds is None
