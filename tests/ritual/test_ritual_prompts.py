"""The guided repair check-in's questions and gentle timer: a scripted asker, a fake clock."""

from __future__ import annotations

import pytest

from tests.support.fakes import Scripted
from trustlog.domain.ritual.model import RitualAnswers
from trustlog.prompts.ritual import ask_ritual, timer_words
from trustlog.prompts.seam import KEEP_SO_FAR

STOP = KeyboardInterrupt  # an answer that is Ctrl-C


class Asker(Scripted):
    """Scripted, and Ctrl-C where the script says STOP."""

    def _next(self, question):
        answer = super()._next(question)
        if answer is STOP:
            raise KeyboardInterrupt
        return answer


class Clock:
    """Seconds since the start, moving on by `step` each time it is read."""

    def __init__(self, step: float) -> None:
        self.step = step
        self.seconds = -step

    def __call__(self) -> float:
        self.seconds += self.step
        return self.seconds


def run(script, *, step=0.0, stop_word=None, given=None):
    said: list[str] = []
    answers = ask_ritual(
        script, given or RitualAnswers(), stop_word=stop_word, say=said.append, elapsed=Clock(step)
    )
    return answers, said


def test_four_questions_one_at_a_time_with_the_minutes_talked():
    script = Asker("the facts", "the feelings", None, "the walk")
    answers, said = run(script, step=6 * 60, stop_word="amber")  # six minutes a question
    assert script.messages == [
        "Facts first: what happened this week, said plainly?",
        "Feelings: how has this week felt, for each of you?",
        "Progress: what is moving, and what still feels stuck?",
        "What helped this week, that you would like more of?",
    ]
    assert script.hows == ["text"] * 4
    assert answers == RitualAnswers(
        minutes=24, facts="the facts", feelings="the feelings", helped="the walk"
    )
    assert said[1] == (
        "Your agreed stop word is “amber”. Either of you can say it to pause, at any moment."
    )
    assert said[2:] == [
        "Time so far: less than a minute, of about 20–30.",
        "Time so far: 6 min, of about 20–30.",
        "Time so far: 12 min, of about 20–30.",
        "Time so far: 18 min, of about 20–30.",
    ]


def test_the_timer_never_pushes():
    assert timer_words(29 * 60) == "Time so far: 29 min, of about 20–30."
    assert timer_words(31 * 60) == (
        "Time so far: 31 min. That is the time this asks for: "
        "stopping here is fine, and so is going on."
    )
    assert timer_words(75 * 60).startswith("Time so far: 1 h 15 min.")
    for seconds in (0, 10 * 60, 30 * 60, 90 * 60):
        assert "!" not in timer_words(seconds)
        assert "hurry" not in timer_words(seconds) and "left" not in timer_words(seconds)


def test_without_a_stop_word_it_says_either_may_pause():
    _, said = run(Asker(None, None, None, None))
    assert said[1].startswith("Either of you can pause this at any moment.")


def test_ctrl_c_keeps_what_was_said_with_the_minutes_so_far():
    script = Asker("the facts", STOP, True)
    answers, _ = run(script, step=10 * 60)
    assert script.messages[-1] == KEEP_SO_FAR
    assert answers == RitualAnswers(minutes=20, facts="the facts")


def test_ctrl_c_before_anything_was_said_saves_nothing():
    with pytest.raises(KeyboardInterrupt):
        run(Asker(STOP))


def test_saying_no_to_keeping_it_leaves_without_saving():
    with pytest.raises(KeyboardInterrupt):
        run(Asker("the facts", STOP, False))


def test_privacy_given_by_the_caller_is_kept():
    answers, _ = run(Asker(None, None, None, "tea"), given=RitualAnswers(private=True))
    assert answers == RitualAnswers(minutes=0, helped="tea", private=True)


def test_the_timer_can_be_said_aside():
    said: list[str] = []
    aside: list[str] = []
    ask_ritual(
        Asker(None, None, None, None),
        RitualAnswers(),
        stop_word=None,
        say=said.append,
        elapsed=Clock(60),
        aside=aside.append,
    )
    assert len(said) == 2 and all(line.startswith("Time so far:") for line in aside)
    assert len(aside) == 4
