"""The check-in's questions, worded for the role set by `trustlog init` (a scripted asker)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.fakes import Scripted
from trustlog.domain.checkin.model import CheckinAnswers
from trustlog.prompts.checkin import ask_checkin

TODAY = date(2026, 11, 24)


def questions(role: str | None, partner: str | None = None) -> list[str]:
    ask = Scripted(*[None] * 10, False)
    ask_checkin(ask, CheckinAnswers(), None, (), TODAY, TODAY, partner, role)
    return ask.messages


def test_the_one_who_was_hurt_is_not_asked_for_care_as_if_it_were_owed():
    asked = questions("hurt", partner="Sam")
    assert "A small act of care today, given or received, if there was one?" in asked
    assert not [q for q in asked if "you gave" in q]
    assert (
        "Times today you felt you had to check: a phone, a location, a story (a number)?" in asked
    )
    assert "How much trust and ease did you feel today, from 0 to 10?" in asked


def test_the_one_repairing_is_asked_what_fits_their_side():
    asked = questions("repairing", partner="Sam")
    assert "How much trust and ease was there between you today, from 0 to 10?" in asked
    assert "One small act of care you gave Sam today?" in asked
    assert not [q for q in asked if "detective" in q]
    assert (
        "Times today you were checked on: your phone, where you were, your story (a number)?"
        in asked
    )


@pytest.mark.parametrize("role", [None, "both"])
def test_without_a_role_or_as_both_the_questions_are_the_plain_ones(role):
    asked = questions(role)
    assert "One small act of care you gave today?" in asked
    assert 'Moments of "detective work" today: checking a phone, a location, a story?' in asked
    assert "How much trust and ease did you feel today, from 0 to 10?" in asked


@pytest.mark.parametrize("role", ["hurt", "repairing", "both", None])
def test_every_role_stores_the_same_fields(role):
    ask = Scripted(3, "steady", 6, None, "a tea", 1, 2, None, None, False)
    reply = ask_checkin(ask, CheckinAnswers(), None, (), TODAY, TODAY, None, role)
    answers = reply.answers
    assert (answers.mood, answers.trust, answers.care, answers.affection, answers.detective) == (
        3,
        6,
        "a tea",
        1,
        2,
    )


def test_a_day_caught_up_on_is_named_in_the_role_wording():
    ask = Scripted(*[None] * 10, False)
    ask_checkin(ask, CheckinAnswers(), None, (), date(2026, 11, 16), TODAY, None, "repairing")
    assert (
        "How much trust and ease was there between you on Monday 16 November, from 0 to 10?"
        in ask.messages
    )
