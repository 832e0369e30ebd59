"""How a second check-in joins the first: the rules of domain/checkin/merge.py."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from trustlog.domain.checkin.merge import add_items, add_note, merge
from trustlog.domain.checkin.model import Checkin, CheckinAnswers

NOW = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)


def a_checkin(**fields: object) -> Checkin:
    return Checkin(
        id="abc12",
        date=date(2026, 11, 24),
        created=datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
        **fields,  # type: ignore[arg-type]
    )


def test_a_note_gains_a_paragraph_and_the_same_one_is_not_added_twice():
    assert add_note(None, "First.") == "First."
    assert add_note("First.", "Second.") == "First.\n\nSecond."
    assert add_note("First.\n\nSecond.", "Second.") == "First.\n\nSecond."
    assert add_note("First.\n\nSecond.", "  First.  ") == "First.\n\nSecond."
    assert add_note("First.\n", "Second.\n") == "First.\n\nSecond."


def test_items_are_appended_once_compared_without_surrounding_space():
    assert add_items(["tea"], ["a walk", " tea ", "a walk"]) == ["tea", "a walk"]
    assert add_items(["money"], ["Money"]) == ["money", "Money"]  # a repeat, for the report


def test_single_answers_replace_and_only_what_differs_is_named():
    before = a_checkin(mood=2, trust=5, note="Morning.", arguments=["money"])
    after, changed = merge(
        before, CheckinAnswers(mood=2, trust=6, note="Evening.", arguments=["money"]), NOW
    )
    assert changed == ["trust", "note"]
    assert (after.mood, after.trust, after.note) == (2, 6, "Morning.\n\nEvening.")
    assert after.updated == NOW
    assert before.note == "Morning."  # the check-in read is left as it was


def test_nothing_new_changes_nothing_not_even_the_updated_time():
    before = a_checkin(mood=2, grateful=["tea"])
    after, changed = merge(before, CheckinAnswers(mood=2, grateful=["tea"]), NOW)
    assert changed == []
    assert after == before


@given(st.lists(st.text(min_size=1).filter(str.strip), max_size=5))
def test_giving_the_same_answers_twice_adds_nothing_the_second_time(items):
    once = add_items([], items)
    assert add_items(once, items) == once
