"""Promise figures, marking, retiring and finding, in the domain (no command line)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.support.promise_helpers import put_mark, put_promise
from trustlog.domain.promise import schedule, standing
from trustlog.domain.promise import service as promises
from trustlog.domain.promise.service import NewPromise
from trustlog.errors import InputError, JournalError

TODAY = date(2026, 11, 24)  # a Tuesday
NOW = datetime.fromisoformat("2026-11-24T20:00:00+00:00")
M = 0.948077514339


def marks_on_disk(journal):
    return [f for f in journal.files_between(date(2026, 1, 1), date(2027, 12, 31), "mark")]


@pytest.fixture
def history(journal):
    """A daily promise since Monday 16 November: K K K B R · K K, today open."""
    put_promise(journal, "dly23", "2026-11-16", text="Text if I'm running late")
    for day in ("16", "17", "18", "22", "23"):
        put_mark(journal, "dly23", f"2026-11-{day}")
    put_mark(journal, "dly23", "2026-11-19", "broken")
    put_mark(journal, "dly23", "2026-11-20", "broken", repair="called and said sorry")
    return journal


def test_figures_of_a_promise_by_hand(history):
    [item] = standing.list_promises(history, TODAY)
    assert item.today_status == "unrecorded"
    assert (item.kept, item.broken, item.repaired, item.unrecorded) == (5, 1, 1, 1)
    assert item.longest_run == 3  # 16, 17, 18
    assert item.current_run == 2  # 22, 23; today is still open, so it does not end the run
    values = [1, 1, 1, 0, 0.5, 1, 1]
    by_hand = sum(v * (1 - M) * M ** (len(values) - 1 - i) for i, v in enumerate(values))
    assert item.strength == pytest.approx(by_hand)
    assert item.strength == pytest.approx(0.243913, abs=1e-6)


def test_calendar_covers_four_weeks_monday_to_sunday(history):
    [item] = standing.list_promises(history, TODAY)
    cells = {cell.date.isoformat(): cell.status for cell in item.calendar}
    assert len(item.calendar) == 28
    assert item.calendar[0].date == date(2026, 11, 2)
    assert item.calendar[-1].date == date(2026, 11, 29)
    assert cells["2026-11-15"] == "not_scheduled"  # before it started
    assert [cells[f"2026-11-{d}"] for d in range(16, 25)] == [
        "kept",
        "kept",
        "kept",
        "broken",
        "repaired",
        "unrecorded",
        "kept",
        "kept",
        "unrecorded",
    ]
    assert cells["2026-11-25"] == "future"


def test_no_recorded_days_means_no_strength_yet(journal):
    put_promise(journal, "new23", "2026-11-24")
    [item] = standing.list_promises(journal, TODAY)
    assert item.strength is None
    assert (item.current_run, item.longest_run, item.unrecorded) == (0, 0, 0)


def test_a_missed_day_ends_the_current_run_but_not_the_longest(journal):
    put_promise(journal, "run23", "2026-11-18")
    for day in ("18", "19", "20", "21", "23"):
        put_mark(journal, "run23", f"2026-11-{day}")
    put_mark(journal, "run23", "2026-11-24")
    # 22 unrecorded: the run before it counts as longest, the run after it as current.
    [item] = standing.list_promises(journal, TODAY)
    assert (item.longest_run, item.current_run) == (4, 2)


def test_add_checks_every_flag(journal):
    def add(**asked):
        return promises.add_promise(journal, NewPromise(**asked), NOW, TODAY)

    with pytest.raises(InputError, match=r"^TEXT"):
        add(text="   ")
    with pytest.raises(InputError, match=r"^--once and --every"):
        add(text="x", once="2026-12-01", every="daily")
    with pytest.raises(InputError, match=r"^--once"):
        add(text="x", once="2026-12-01", start="2026-11-01")
    with pytest.raises(InputError, match=r"^--start"):
        add(text="x", start="2026-13-01")
    with pytest.raises(InputError, match=r"^--end 2026-11-01 is before"):
        add(text="x", end="2026-11-01")
    with pytest.raises(InputError, match=r"^--due"):
        add(text="x", due="7pm")
    assert not (journal.root / "promises").exists()
    saved = add(text="Call at 7:00", every="Mon,Fri", due="7:05")
    assert (saved.every, saved.due, saved.start) == ("mon,fri", "07:05", TODAY)
    once = add(text="Dinner with your parents", once="2026-12-06")
    assert (once.every, once.once, once.start) == (None, date(2026, 12, 6), date(2026, 12, 6))


def test_marking_twice_keeps_the_latest_in_one_file(journal):
    put_promise(journal, "dly23", "2026-11-01")
    first = promises.mark_promise(
        journal, "dly23", "broken", TODAY, NOW, note="late again", today=TODAY
    )
    later = datetime.fromisoformat("2026-11-24T21:00:00+00:00")
    second = promises.mark_promise(journal, "dly", "kept", TODAY, later, today=TODAY)
    assert first.replaced is None
    assert second.replaced is not None and second.replaced.outcome == "broken"
    [only] = marks_on_disk(journal)
    assert only.id == first.mark.id == second.mark.id
    [item] = standing.list_promises(journal, TODAY)
    assert item.today_status == "kept"
    assert "late again" not in only.path.read_text()  # the latest mark replaces the whole day


def test_two_files_for_one_day_are_settled_by_the_later_mark(journal):
    put_promise(journal, "dly23", "2026-11-01")
    put_mark(journal, "dly23", "2026-11-23", "kept", marked_at="2026-11-23T22:00:00+00:00")
    put_mark(journal, "dly23", "2026-11-23", "broken", marked_at="2026-11-23T21:00:00+00:00")
    [item] = standing.list_promises(journal, TODAY)
    cells = {cell.date: cell.status for cell in item.calendar}
    assert cells[date(2026, 11, 23)] == "kept"


def test_unscheduled_days_are_refused_naming_the_date_and_the_promise(journal):
    put_promise(journal, "mwf23", "2026-11-01", every="mon,wed,fri", text="Call at 7")
    with pytest.raises(InputError) as error:
        promises.mark_promise(journal, "mwf23", "kept", TODAY, NOW, today=TODAY)
    assert error.value.message.startswith("--date:")
    assert "2026-11-24" in error.value.message
    assert "mwf23" in error.value.message and "Call at 7" in error.value.message
    with pytest.raises(InputError, match="not due on Saturday 2026-10-31"):
        promises.mark_promise(
            journal, "mwf23", "kept", date(2026, 10, 31), NOW, today=TODAY
        )  # before start
    with pytest.raises(InputError, match="has not come yet"):
        promises.mark_promise(journal, "mwf23", "kept", date(2026, 11, 25), NOW, today=TODAY)
    assert marks_on_disk(journal) == []


def test_bad_and_ambiguous_ids(journal):
    put_promise(journal, "abc23", "2026-11-01")
    put_promise(journal, "abd45", "2026-11-01")
    put_promise(journal, "ab", "2026-11-01")  # an exact id wins over longer ones
    with pytest.raises(InputError, match="no promise has the id 'zz'"):
        promises.find_promise(journal, "zz")
    assert promises.find_promise(journal, "abc")[1].id == "abc23"
    with pytest.raises(InputError, match="could be any of the promises ab, abc23, abd45"):
        promises.find_promise(journal, "a")
    assert promises.find_promise(journal, "ab")[1].id == "ab"
    assert promises.find_promise(journal, "ABD")[1].id == "abd45"
    with pytest.raises(InputError, match=r"^ID: please give"):
        promises.find_promise(journal, " ")


def test_a_mark_id_is_not_a_promise_id(journal):
    put_promise(journal, "dly23", "2026-11-01")
    put_mark(journal, "dly23", "2026-11-23", mark_id="mk234")
    with pytest.raises(InputError, match="no promise has the id 'mk234'"):
        promises.find_promise(journal, "mk234")


def test_retire_keeps_history_and_ends_the_schedule(history):
    result = promises.retire_promise(history, "dly", TODAY)
    assert result.promise.retired == TODAY and not result.already
    assert standing.list_promises(history, TODAY) == []
    [item] = standing.list_promises(history, TODAY, include_all=True)
    assert not item.active and item.kept == 5 and item.longest_run == 3
    assert len(marks_on_disk(history)) == 7
    assert promises.retire_promise(history, "dly23", TODAY).already
    later = date(2026, 11, 26)
    with pytest.raises(InputError, match="not due on Wednesday 2026-11-25"):
        promises.mark_promise(
            history,
            "dly23",
            "kept",
            date(2026, 11, 25),
            datetime(2026, 11, 26, 9).astimezone(),
            today=later,
        )
    assert standing.list_promises(history, later, include_all=True)[0].today_status == (
        "not_scheduled"
    )


def test_a_damaged_mark_stops_with_its_file_and_line(history):
    [path] = [f.path for f in marks_on_disk(history) if f.date == date(2026, 11, 19)]
    path.write_text(path.read_text().replace('outcome = "broken"', 'outcome = "maybe"'))
    with pytest.raises(JournalError) as error:
        standing.list_promises(history, TODAY)
    assert str(path) in error.value.message and "line" in error.value.message
    assert 'outcome = "maybe"' in path.read_text()


def test_due_on_and_at_a_glance_read_only_recent_months(history, monkeypatch):
    put_promise(history, "wkn23", "2026-01-01", every="weekends")
    read_months = []
    original = type(history).month_files

    def spy(self, year, month, kind=None):
        read_months.append((year, month))
        return original(self, year, month, kind)

    monkeypatch.setattr(type(history), "month_files", spy)
    glance = standing.at_a_glance(history, TODAY)
    assert set(read_months) == {(2026, 11)}
    assert [d.promise.id for d in glance.today] == ["dly23"]
    # Wed 18 .. Mon 23: the daily promise's 21st, and the weekend promise's 21st and 22nd;
    # by day, then the longest-standing promise first.
    assert [(d.promise.id, d.date.day) for d in glance.unrecorded] == [
        ("wkn23", 21),
        ("dly23", 21),
        ("wkn23", 22),
    ]
    read_months.clear()
    assert [d.promise.id for d in standing.due_on(history, date(2026, 11, 22))] == [
        "wkn23",
        "dly23",
    ]
    assert set(read_months) == {(2026, 11)}


def test_describe_schedule():
    from tests.promise.test_schedule import promise

    assert schedule.describe_schedule(promise()) == "every day"
    assert schedule.describe_schedule(promise(every="weekdays", due="19:00")) == (
        "on weekdays, by 19:00"
    )
    assert schedule.describe_schedule(promise(every="mon,thu")) == "on Mon, Thu"
    assert schedule.describe_schedule(promise(every=None, once=date(2026, 12, 6))) == (
        "once, on Sun 2026-12-06"
    )


def test_a_retired_promise_is_no_longer_asked_about(history):
    promises.retire_promise(history, "dly23", TODAY)
    assert standing.due_on(history, TODAY) == []
    assert [d.promise.id for d in standing.due_on(history, date(2026, 11, 21))] == ["dly23"]
    glance = standing.at_a_glance(history, TODAY)
    assert glance.today == [] and glance.unrecorded == []
    # Its last day can still be marked by flag, and counts.
    promises.mark_promise(history, "dly23", "kept", TODAY, NOW, today=TODAY)
    [item] = standing.list_promises(history, TODAY, include_all=True)
    assert item.today_status == "kept" and item.kept == 6


def test_a_hand_edited_schedule_that_makes_no_sense_names_file_and_line(journal):
    put_promise(journal, "dly23", "2026-11-01", every="mon,thu")
    path = journal.root / "promises" / "promise-dly23.md"
    path.write_text(path.read_text().replace('"mon,thu"', '"mon,funday"'))
    with pytest.raises(JournalError) as error:
        standing.list_promises(journal, TODAY)
    line = path.read_text().splitlines().index('every = "mon,funday"') + 1
    assert f"{path}, line {line}" in error.value.message
    assert 'every = "mon,funday"' in path.read_text()
