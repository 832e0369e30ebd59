"""The grounding routine's questions, answered by a scripted asker."""

from __future__ import annotations

from datetime import datetime

from tests.support.fakes import Scripted
from trustlog.domain.trigger.breathing import CALM, STEADY
from trustlog.domain.trigger.service import TriggerAnswers
from trustlog.prompts.trigger import ask_trigger, stop_word_reminder

STARTED = datetime.fromisoformat("2026-11-24T20:00:00+00:00")
SETTLED = datetime.fromisoformat("2026-11-24T20:25:00+00:00")


class Timer:
    def __init__(self, breathed: int) -> None:
        self.breathed = breathed
        self.calls: list[tuple[int, object]] = []

    def __call__(self, seconds, pace):
        self.calls.append((seconds, pace))
        return self.breathed


def run(script, given=None, *, breathe=None, seconds=30, pace=None, stop_word=None):
    said: list[str] = []
    answers = ask_trigger(
        script,
        given or TriggerAnswers(at=STARTED),
        stop_word=stop_word,
        breathe=breathe,
        seconds=seconds,
        pace=pace,
        say=said.append,
        now=lambda: SETTLED,
    )
    for question in script.asked:
        if question.how == "number":
            assert (question.low, question.high) == (0, 10)
        if question.how == "choose":
            assert question.choices == ("steady", "calm", "skip")
            assert question.default == "steady"
    return answers, said


def test_the_whole_routine_in_order():
    script = Scripted(
        "that comment made me anxious", 7, "calm",
        "he said he'd be home at 7", "that he was hiding something",
        "a text when plans change", "a hug", True,
    )  # fmt: skip
    timer = Timer(breathed=30)
    answers, said = run(script, breathe=timer, stop_word="amber")
    assert script.hows == [
        "text", "number", "choose", "text", "text", "text", "text", "confirm",
    ]  # fmt: skip
    assert script.asked[0].message == "What flared up? Name it in a few words."
    assert script.asked[2].message == "Let's pause and breathe together for 30 s."
    assert script.asked[3].message == "What happened? Just the facts: what was seen or said."
    assert script.asked[4].message == "And what are you guessing, or afraid, it means?"
    assert script.asked[-1].message == "Has it settled?"
    assert timer.calls == [(30, CALM)]
    assert said == [
        "Your agreed stop word is “amber”. Either of you can say it to pause, at any moment."
    ]
    assert answers == TriggerAnswers(
        at=STARTED,
        what="that comment made me anxious",
        intensity=7,
        breathed_seconds=30,
        facts="he said he'd be home at 7",
        guesses="that he was hiding something",
        reassurance="a text when plans change",
        repair="a hug",
        resolved_at=SETTLED,
    )


def test_not_settled_yet_leaves_it_open():
    script = Scripted("x", None, None, None, None, None, False)
    answers, _ = run(script)
    assert answers.resolved_at is None
    assert answers.intensity is None and answers.facts is None


def test_without_a_timer_nothing_about_breathing_is_asked():
    script = Scripted("x", 3, "f", "g", "r", "p", False)
    answers, _ = run(script, breathe=None)
    assert "choose" not in script.hows
    assert answers.breathed_seconds is None


def test_skipping_the_breathing_at_the_choice():
    script = Scripted("x", 3, "skip", None, None, None, None, False)
    timer = Timer(breathed=30)
    answers, _ = run(script, breathe=timer)
    assert timer.calls == []
    assert answers.breathed_seconds is None


def test_a_pace_given_by_flag_is_not_asked_and_the_length_is_passed_on():
    script = Scripted("x", 3, None, None, None, None, False)
    timer = Timer(breathed=180)
    answers, said = run(script, breathe=timer, seconds=180, pace=STEADY)
    assert "choose" not in script.hows
    assert timer.calls == [(180, STEADY)]
    assert said[-1] == "Let's pause and breathe together for 3 min."
    assert answers.breathed_seconds == 180


def test_answers_given_by_flag_are_not_asked_again():
    given = TriggerAnswers(at=STARTED, what="x", intensity=4, facts="f", resolved_at=SETTLED)
    script = Scripted("g", "r", "p")
    answers, _ = run(script, given)
    assert script.messages == [
        "And what are you guessing, or afraid, it means?",
        "What reassurance, or what information, would help right now?",
        "One tiny repair: a hug, a check-in, a change of plan?",
    ]
    assert answers.what == "x" and answers.guesses == "g" and answers.resolved_at == SETTLED


def test_nothing_left_to_ask_and_no_timer_says_nothing():
    given = TriggerAnswers(
        at=STARTED, what="x", intensity=4, facts="f", guesses="g", reassurance="r",
        repair="p", resolved_at=SETTLED,
    )  # fmt: skip
    script = Scripted()
    answers, said = run(script, given)
    assert answers == given
    assert said == [] and script.asked == []


def test_the_stop_word_reminder_without_a_word():
    assert stop_word_reminder(None) == (
        "Either of you can pause this at any moment. "
        "(`trustlog init --stop-word WORD` keeps a word you both agree on.)"
    )
