"""The guided apology routine, driven by a scripted asker (no terminal needed)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.fakes import Scripted
from trustlog.domain.apology.checker import Finding
from trustlog.domain.apology.model import ApologyParts, suggested_promises
from trustlog.prompts.apology import GUIDES, ask_apology


class Screen:
    def __init__(self) -> None:
        self.parts: list[int] = []
        self.read_backs: list[tuple[str, list[Finding]]] = []
        self.said: list[str] = []
        self.stop_word: str | None = None

    def intro(self, stop_word: str | None) -> None:
        self.stop_word = stop_word

    def part(self, number: int, guide: Any) -> None:
        self.parts.append(number)

    def read_back(self, text: str, found: list[Finding]) -> None:
        self.read_backs.append((text, found))

    def say(self, message: str) -> None:
        self.said.append(message)


DID = "I read your messages on Tuesday without asking you."
IMPACT = "It made you feel watched in your own home."
OWN = "That was my choice, and there is no excuse for it."
AMENDS = "I will ask before I touch your phone. I will tell you each evening how it went."


def test_walks_the_four_parts_then_reads_back_and_keeps() -> None:
    ask, screen = Scripted(DID, IMPACT, OWN, AMENDS, "keep", False), Screen()
    answers = ask_apology(ask, screen, ApologyParts(), [], stop_word="pineapple")
    assert answers.parts == ApologyParts(DID, IMPACT, OWN, AMENDS)
    assert answers.promises == []
    assert screen.parts == [1, 2, 3, 4]
    assert screen.stop_word == "pineapple"
    assert ask.messages[:4] == [GUIDES[p].question for p in GUIDES]
    assert screen.read_backs == [(f"{DID}\n\n{IMPACT}\n\n{OWN}\n\n{AMENDS}", [])]


def test_parts_given_by_flag_are_not_asked_again() -> None:
    ask, screen = Scripted(OWN, AMENDS, "keep", False), Screen()
    answers = ask_apology(ask, screen, ApologyParts(did=DID, impact=IMPACT), [])
    assert screen.parts == [3, 4]
    assert answers.parts == ApologyParts(DID, IMPACT, OWN, AMENDS)


def test_revising_a_part_checks_again() -> None:
    ask = Scripted(DID, IMPACT, OWN, "I'll try to be better.", "amends", AMENDS, "keep", False)
    screen = Screen()
    answers = ask_apology(ask, screen, ApologyParts(), [])
    assert answers.parts.amends == AMENDS
    first, second = screen.read_backs
    assert [(f.part, f.phrase) for f in first[1]] == [("amends", "I'll try to")]
    assert second[1] == []
    # The revision starts from what was written before.
    revised = ask.asked[5]
    assert (revised.how, revised.message, revised.default) == (
        "text",
        GUIDES["amends"].question,
        "I'll try to be better.",
    )
    assert screen.parts == [1, 2, 3, 4, 4]


def test_a_part_can_be_kept_with_its_notes() -> None:
    ask, screen = Scripted("I'm sorry for everything.", None, None, None, "keep", False), Screen()
    answers = ask_apology(ask, screen, ApologyParts(), [])
    assert answers.parts == ApologyParts(did="I'm sorry for everything.")
    assert [f.category for f in screen.read_backs[0][1]] == [
        "vague action",
        "missing",
        "missing",
        "missing",
    ]


def test_steps_of_the_amends_become_promises() -> None:
    ask = Scripted(
        DID, IMPACT, OWN, AMENDS, "keep",
        True,  # turn steps into promises?
        True,  # "Ask before I touch your phone."
        False,  # "Tell you each evening how it went."
        "Call at lunch",
        None,
        "weekdays",
    )  # fmt: skip
    answers = ask_apology(ask, Screen(), ApologyParts(), [])
    assert answers.promises == ["Ask before I touch your phone.", "Call at lunch"]
    assert answers.every == "weekdays"
    asked = ask.messages
    assert "Track “Ask before I touch your phone.”?" in asked
    assert "Track “Tell you each evening how it went.”?" in asked


def test_saying_no_to_every_promise_makes_none() -> None:
    ask, screen = Scripted(DID, IMPACT, OWN, AMENDS, "keep", True, False, False, None), Screen()
    answers = ask_apology(ask, screen, ApologyParts(), [])
    assert answers.promises == []
    assert screen.said == ["No promises this time; `trustlog promise add` can add one later."]


def test_promises_given_by_flag_are_not_offered_again() -> None:
    ask = Scripted(DID, IMPACT, OWN, AMENDS, "keep")
    answers = ask_apology(ask, Screen(), ApologyParts(), ["Call at 7"], every="weekends")
    assert answers.promises == ["Call at 7"]
    assert answers.every == "weekends"
    assert not ask.answers


def test_an_empty_walk_asks_nothing_more() -> None:
    ask, screen = Scripted(None, None, None, None), Screen()
    answers = ask_apology(ask, screen, ApologyParts(), [])
    assert answers.empty
    assert screen.read_backs == []


def test_suggested_promises_are_phrased_as_steps() -> None:
    assert suggested_promises(
        "I will text you by 7 if I'm late. From now on, I'll ask first.\n"
        "And I’m going to see a counsellor. Sorry."
    ) == ["Text you by 7 if I'm late.", "Ask first.", "See a counsellor."]
    assert suggested_promises(None) == []


# Amends as people type them: the stops inside abbreviations, initials and times are not
# the end of a step, and each real sentence is one.
AMENDS_STEPS = [
    (
        "I have blocked J. I will show you my phone when J. contacts me.",
        ["I have blocked J.", "Show you my phone when J. contacts me."],
    ),
    (
        "I will call you at 7 p.m. every day. I will come home by 10 p.m. on Fridays.",
        ["Call you at 7 p.m. every day.", "Come home by 10 p.m. on Fridays."],
    ),
    (
        "I will be home by 7 p.m. I will text you if I'm late.",
        ["Be home by 7 p.m.", "Text you if I'm late."],
    ),
    (
        "I will see Dr. Patel on Thursdays. I'll tell Mrs. Okafor the truth.",
        ["See Dr. Patel on Thursdays.", "Tell Mrs. Okafor the truth."],
    ),
    (
        "I will share small things, e.g. who I had lunch with. I'll ask first, i.e. before I look.",
        ["Share small things, e.g. who I had lunch with.", "Ask first, i.e. before I look."],
    ),
    (
        "I will stop seeing J. R. Smith. Then I will tell you when he writes.",
        ["Stop seeing J. R. Smith.", "Tell you when he writes."],
    ),
    (
        "I will delete the apps, the photos, etc. I will show you on Sunday.",
        ["Delete the apps, the photos, etc.", "Show you on Sunday."],
    ),
    (
        "I'll call at 7.30 sharp. Every day, at 8 a.m. too.",
        ["Call at 7.30 sharp.", "Every day, at 8 a.m. too."],
    ),
    ("I will text you.\nI will call you!", ["Text you.", "Call you!"]),
    ("I will say “I'm sorry.” I will listen to you.", ["Say “I'm sorry.”", "Listen to you."]),
]


@pytest.mark.parametrize(("amends", "steps"), AMENDS_STEPS)
def test_amends_split_on_sentences_not_on_every_full_stop(amends: str, steps: list[str]) -> None:
    assert suggested_promises(amends) == steps
