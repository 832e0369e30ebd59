"""Recording and settling triggers: recovery minutes, times, and what is refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from trustlog.domain.core import values
from trustlog.domain.trigger.model import Trigger
from trustlog.domain.trigger.service import TriggerAnswers, record_trigger, resolve_trigger
from trustlog.errors import InputError, JournalError

NOW = datetime.fromisoformat("2026-11-24T20:00:00+00:00")


def local(text: str) -> datetime:
    return values.parse_time(text)


def reload(journal, trigger: Trigger) -> Trigger:
    return Trigger.from_document(journal.read(journal.find(trigger.id, "trigger")))


def test_recovery_minutes_is_settled_minus_started(journal):
    answers = TriggerAnswers(
        at=local("2026-11-24 19:00"), what="that comment", resolved_at=local("2026-11-24 19:45")
    )
    saved = record_trigger(journal, answers, NOW)
    assert saved.recovery_minutes == 45.0
    again = reload(journal, saved)
    assert again.at == datetime.fromisoformat("2026-11-24T19:00:00+00:00")
    assert again.recovery_minutes == 45.0


def test_an_open_trigger_has_no_recovery_time_yet(journal):
    saved = record_trigger(journal, TriggerAnswers(what="a message from an ex"), NOW)
    assert saved.at == NOW
    assert saved.resolved_at is None
    assert saved.recovery_minutes is None
    assert reload(journal, saved).summary() == "a message from an ex · not settled yet"


def test_settled_after_midnight_counts_the_minutes_across_the_day(journal):
    answers = TriggerAnswers(
        at=local("2026-11-23 23:40"), what="late home", resolved_at=local("2026-11-24 00:25")
    )
    saved = record_trigger(journal, answers, NOW)
    assert saved.recovery_minutes == 45.0
    # Filed under the day it started.
    assert journal.find(saved.id).path.name == f"2026-11-23-trigger-{saved.id}.md"


def test_recovery_across_the_autumn_clock_change_counts_real_minutes(journal, zone, at):
    zone("Europe/Amsterdam")
    at("2026-10-25T12:00:00+01:00")
    now = datetime.fromisoformat("2026-10-25T12:00:00+01:00")
    # 01:30 summer time to 03:30 winter time: the clock shows two hours, three have passed.
    answers = TriggerAnswers(at=local("2026-10-25 01:30"), resolved_at=local("2026-10-25 03:30"))
    saved = record_trigger(journal, answers, now)
    assert saved.at.utcoffset().total_seconds() == 2 * 3600
    assert saved.resolved_at.utcoffset().total_seconds() == 3600
    assert saved.recovery_minutes == 180.0
    assert reload(journal, saved).recovery_minutes == 180.0


def test_recovery_across_the_spring_clock_change_counts_real_minutes(journal, zone):
    zone("Europe/Amsterdam")
    now = datetime.fromisoformat("2026-03-29T12:00:00+02:00")
    # 01:30 winter time to 03:30 summer time: the clock shows two hours, one has passed.
    answers = TriggerAnswers(at=local("2026-03-29 01:30"), resolved_at=local("2026-03-29 03:30"))
    assert record_trigger(journal, answers, now).recovery_minutes == 60.0


def test_settled_before_it_started_is_refused_naming_resolved_at(journal, home):
    answers = TriggerAnswers(at=local("2026-11-24 19:00"), resolved_at=local("2026-11-24 18:30"))
    with pytest.raises(InputError) as error:
        record_trigger(journal, answers, NOW)
    assert error.value.message.startswith("--resolved-at: 2026-11-24 18:30 is before")
    assert not list(home.rglob("*.md"))


def test_settled_the_same_minute_it_started_counts_as_at_once(journal):
    started = datetime.fromisoformat("2026-11-24T19:00:35+00:00")
    answers = TriggerAnswers(at=started, resolved_at=local("2026-11-24 19:00"))
    saved = record_trigger(journal, answers, NOW)
    assert saved.resolved_at == started
    assert saved.recovery_minutes == 0.0


def test_a_trigger_cannot_start_in_the_future(journal):
    with pytest.raises(InputError) as error:
        record_trigger(journal, TriggerAnswers(at=local("2026-11-24 20:01"), what="x"), NOW)
    assert error.value.message.startswith("--at: 2026-11-24 20:01 has not come yet")


def test_the_current_minute_is_not_the_future(journal):
    saved = record_trigger(journal, TriggerAnswers(at=local("2026-11-24 20:00"), what="x"), NOW)
    assert saved.at == NOW


@pytest.mark.parametrize("intensity", [-1, 11])
def test_intensity_is_zero_to_ten(journal, intensity):
    with pytest.raises(InputError) as error:
        record_trigger(journal, TriggerAnswers(what="x", intensity=intensity), NOW)
    assert (
        error.value.message
        == f"--intensity: please give a whole number from 0 to 10 (got {intensity})."
    )


def test_blank_answers_are_not_stored(journal):
    saved = record_trigger(journal, TriggerAnswers(what="x", facts="  ", guesses=""), NOW)
    assert saved.facts is None and saved.guesses is None
    text = journal.find(saved.id).path.read_text()
    assert "facts" not in text and "guesses" not in text


def test_resolve_an_open_trigger(journal):
    saved = record_trigger(journal, TriggerAnswers(at=local("2026-11-24 19:10"), what="x"), NOW)
    result = resolve_trigger(journal, saved.id, None, NOW)
    assert result.changed and result.previous is None
    assert result.trigger.recovery_minutes == 50.0
    assert reload(journal, saved).resolved_at == NOW


def test_resolve_by_the_start_of_the_id(journal):
    saved = record_trigger(journal, TriggerAnswers(at=local("2026-11-24 19:10"), what="x"), NOW)
    result = resolve_trigger(journal, saved.id[:3], local("2026-11-24 19:30"), NOW)
    assert result.trigger.id == saved.id
    assert result.trigger.recovery_minutes == 20.0


def test_resolving_again_without_a_time_keeps_the_first_settling(journal):
    answers = TriggerAnswers(
        at=local("2026-11-24 19:00"), what="x", resolved_at=local("2026-11-24 19:20")
    )
    saved = record_trigger(journal, answers, NOW)
    before = journal.find(saved.id).path.read_bytes()
    result = resolve_trigger(journal, saved.id, None, NOW)
    assert not result.changed
    assert result.trigger.recovery_minutes == 20.0
    assert journal.find(saved.id).path.read_bytes() == before


def test_resolving_again_with_a_time_corrects_it(journal):
    answers = TriggerAnswers(
        at=local("2026-11-24 19:00"), what="x", resolved_at=local("2026-11-24 19:20")
    )
    saved = record_trigger(journal, answers, NOW)
    result = resolve_trigger(journal, saved.id, local("2026-11-24 19:35"), NOW)
    assert result.changed
    assert result.previous == local("2026-11-24 19:20")
    assert reload(journal, saved).recovery_minutes == 35.0


def test_resolve_before_the_start_is_refused_naming_at(journal):
    saved = record_trigger(journal, TriggerAnswers(at=local("2026-11-24 19:00"), what="x"), NOW)
    with pytest.raises(InputError) as error:
        resolve_trigger(journal, saved.id, local("2026-11-24 18:00"), NOW)
    assert error.value.message.startswith("--at: 2026-11-24 18:00 is before the trigger started")
    assert reload(journal, saved).resolved_at is None


def test_resolve_an_unknown_id(journal):
    record_trigger(journal, TriggerAnswers(what="x"), NOW)
    with pytest.raises(InputError) as error:
        resolve_trigger(journal, "zzzzz", None, NOW)
    assert error.value.message == "No trigger has the id 'zzzzz'."


def test_resolve_never_rewrites_a_damaged_file(journal):
    saved = record_trigger(journal, TriggerAnswers(what="x"), NOW)
    path = journal.find(saved.id).path
    path.write_text(path.read_text().replace("at = 2026-11-24 20:00:00+00:00", 'at = "soon"'))
    damaged = path.read_bytes()
    with pytest.raises(JournalError) as error:
        resolve_trigger(journal, saved.id, None, NOW)
    assert str(path) in error.value.message and "line 5" in error.value.message
    assert path.read_bytes() == damaged


def test_resolve_keeps_hand_added_fields_and_the_note(journal):
    saved = record_trigger(journal, TriggerAnswers(at=local("2026-11-24 19:00"), what="x"), NOW)
    path = journal.find(saved.id).path
    path.write_text(
        path.read_text().replace('what = "x"\n', 'what = "x"\nwhere = "kitchen"\n') + "We talked.\n"
    )
    resolve_trigger(journal, saved.id, None, NOW)
    again = reload(journal, saved)
    assert again.extra == {"where": "kitchen"}
    assert again.note == "We talked.\n"
    assert again.recovery_minutes == 60.0
