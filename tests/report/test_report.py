"""Every report figure against values worked out by hand on small fixed journals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tests.support.report_journal import checkin, mark, marks, promise, trigger
from trustlog.domain.core.period import month_period, parse_period, week_period
from trustlog.domain.promise.schedule import STRENGTH_M as M
from trustlog.domain.report.figures import build_report
from trustlog.domain.trigger.model import Trigger
from trustlog.errors import InputError
from trustlog.render.report import report_json, setbacks

AFTER_NOVEMBER = date(2026, 12, 5)


def fold(values: list[float]) -> float:
    score = 0.0
    for value in values:
        score = score * M + value * (1 - M)
    return score


@pytest.fixture
def autumn(journal):
    """October and November 2026, worked out by hand in the tests below."""
    checkin(journal, "2026-10-05", mood=2, trust=3, affection=1, detective=3, arguments=["money"])
    checkin(journal, "2026-10-06", mood=3, trust=4, arguments=["Money ", "kids"])
    checkin(journal, "2026-10-20", detective=1)
    checkin(journal, "2026-11-01", mood=4, trust=6, affection=2, arguments=["kids"])
    checkin(journal, "2026-11-02", mood=5, affection=1)
    checkin(journal, "2026-11-03", trust=7, arguments=["in-laws"])
    checkin(journal, "2026-11-10", mood=3, trust=8, detective=1, arguments=["  KIDS"])
    checkin(journal, "2026-11-30", mood=4, trust=9, affection=3)

    late = promise(journal, "Text if I'm running late", "2026-10-25")
    marks(journal, late, ["2026-10-25", "2026-10-26"], "kept")
    mark(journal, late, "2026-10-27", "broken")
    marks(journal, late, ["2026-11-01", "2026-11-02"], "kept")
    mark(journal, late, "2026-11-03", "broken", repair="Called to say sorry and came home")
    mark(journal, late, "2026-11-04", "broken")
    mondays = promise(journal, "Monday walk", "2026-11-01", every="mon", end="2026-11-30")
    marks(journal, mondays, ["2026-11-02", "2026-11-09"], "kept")

    trigger(journal, "2026-10-31 23:50", "2026-11-01 00:20")  # settled after midnight
    trigger(journal, "2026-11-05 10:00", "2026-11-05 10:40")
    trigger(journal, "2026-11-06 09:00", "2026-11-06 09:10")
    trigger(journal, "2026-11-07 22:00")
    trigger(journal, "2026-11-30 23:30", "2026-12-01 01:00")
    return journal


def test_checkin_mood_and_trust_figures(autumn):
    data = report_json(build_report(autumn, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["period"] == {"kind": "month", "start": "2026-11-01", "end": "2026-11-30"}
    assert data["checkins"] == {"days": 5, "longest_streak": 3}
    assert data["mood"] == {"average": 4.0}
    assert data["trust"] == {"average": 7.5}
    assert data["affection"] == {"count": 6}
    assert data["detective_work"] == {"count": 1}
    previous = data["previous"]
    assert previous["period"] == {"kind": "month", "start": "2026-10-01", "end": "2026-10-31"}
    assert previous["checkins"] == {"days": 3, "longest_streak": 2}
    assert previous["mood"] == {"average": 2.5}
    assert previous["trust"] == {"average": 3.5}
    assert previous["affection"] == {"count": 1}
    assert previous["detective_work"] == {"count": 4}


def test_repeats_look_back_over_all_earlier_arguments(autumn):
    data = report_json(build_report(autumn, month_period(2026, 11), AFTER_NOVEMBER))
    # October: money (new), "Money " (repeat), kids (new).
    assert data["previous"]["arguments"] == {"count": 3, "repeats": 1}
    # November: kids (seen in October), in-laws (new), "  KIDS" (seen).
    assert data["arguments"] == {"count": 3, "repeats": 2}


def test_promise_days_and_follow_through(autumn):
    data = report_json(build_report(autumn, month_period(2026, 11), AFTER_NOVEMBER))
    # "late": 30 days due, 2 kept, 1 repaired, 1 broken, 26 unrecorded.
    # "Monday walk": Mondays 2, 9, 16, 23, 30: 2 kept, 3 unrecorded.
    promises = data["promises"]
    assert promises["kept"] == 4
    assert promises["broken"] == 1
    assert promises["repaired"] == 1
    assert promises["unrecorded"] == 29
    assert promises["follow_through"] == pytest.approx(4 / 6)
    previous = data["previous"]["promises"]
    assert (previous["kept"], previous["broken"], previous["repaired"]) == (2, 1, 0)
    assert previous["unrecorded"] == 4  # 28 to 31 October
    assert previous["follow_through"] == pytest.approx(2 / 3)
    assert data["trends"]["follow_through"] == "same"


def test_strength_is_the_forgiving_score_over_recorded_days(autumn):
    data = report_json(build_report(autumn, month_period(2026, 11), AFTER_NOVEMBER))
    late = fold([1, 1, 0, 1, 1, 0.5, 0])
    walk = fold([1, 1])
    assert data["promises"]["strength"] == pytest.approx((late + walk) / 2)
    # At the end of October only "late" was active (the walk starts in November).
    assert data["previous"]["promises"]["strength"] == pytest.approx(fold([1, 1, 0]))


def test_triggers_count_by_start_and_settle_after_midnight(autumn):
    data = report_json(build_report(autumn, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["triggers"] == {"count": 4, "resolved": 3, "median_recovery_minutes": 40.0}
    assert data["previous"]["triggers"] == {
        "count": 1,
        "resolved": 1,
        "median_recovery_minutes": 30.0,
    }
    # One settled trigger in October is too little to call a trend (CONTRACT.md: fewer than 2).
    assert data["trends"]["median_recovery_minutes"] is None


def test_trends_and_setbacks(autumn):
    report = build_report(autumn, month_period(2026, 11), AFTER_NOVEMBER)
    # Per check-in day, November (5 days) against October (3): repeats 2/5 against 1/3,
    # affection 6/5 against 1/3, detective work 1/5 against 4/3; recovery has one settled
    # trigger in October, too few to compare.
    assert report.trends == {
        "follow_through": "same",
        "median_recovery_minutes": None,
        "repeats": "worse",
        "affection": "better",
        "detective_work": "better",
    }
    assert setbacks(report) == ["More arguments came back, per check-in day: 0.4, was 0.3."]


def test_a_running_month_counts_unrecorded_days_only_up_to_today(autumn):
    report = build_report(autumn, month_period(2026, 11), date(2026, 11, 24))
    # "late": 23 days due before today (2 kept, 1 repaired, 1 broken, 19 unrecorded),
    # and today is still open; the walk: Mondays 2, 9, 16, 23 (2 kept, 2 unrecorded).
    assert report.current.promises.unrecorded == 21
    assert report.as_of == date(2026, 11, 24)
    # Strength stands at today: the same marks, both promises active.
    assert report.current.promises.strength == pytest.approx(
        (fold([1, 1, 0, 1, 1, 0.5, 0]) + fold([1, 1])) / 2
    )


def test_median_of_an_even_number_of_recoveries(journal):
    trigger(journal, "2026-11-02 10:00", "2026-11-02 10:10")
    trigger(journal, "2026-11-03 10:00", "2026-11-03 10:25")
    data = report_json(build_report(journal, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["triggers"]["median_recovery_minutes"] == 17.5


def test_repeats_within_one_day_follow_list_order(journal):
    checkin(journal, "2026-11-02", arguments=["Chores", "chores", "phone", " CHORES "])
    data = report_json(build_report(journal, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["arguments"] == {"count": 4, "repeats": 2}


def test_repeats_reach_back_years(journal):
    checkin(journal, "2023-02-14", arguments=["the trip"])
    checkin(journal, "2026-11-02", arguments=["The trip"])
    data = report_json(build_report(journal, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["arguments"] == {"count": 1, "repeats": 1}


def test_strength_reaches_back_years(journal):
    call = promise(journal, "Call at seven", "2024-01-01")
    mark(journal, call, "2024-01-01", "kept")
    mark(journal, call, "2025-06-01", "broken", repair="Called at eight and said why")
    mark(journal, call, "2026-11-02", "kept")
    data = report_json(build_report(journal, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["promises"]["strength"] == pytest.approx(fold([1, 0.5, 1]))
    assert data["previous"]["promises"]["strength"] == pytest.approx(fold([1, 0.5]))


def test_strength_is_null_without_active_promises(journal):
    old = promise(journal, "Old promise", "2026-09-01", end="2026-09-30")
    mark(journal, old, "2026-09-02", "kept")
    data = report_json(build_report(journal, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["promises"]["strength"] is None
    assert data["promises"]["follow_through"] is None


def test_trends_are_null_without_anything_to_compare(journal):
    checkin(journal, "2026-11-02", affection=2)
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert set(report.trends.values()) == {None}


def test_counts_that_did_not_change_are_the_same(journal):
    for day in ("02", "03", "04"):
        checkin(journal, f"2026-10-{day}", affection=2, detective=1)
        checkin(journal, f"2026-11-{day}", affection=2, detective=1)
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.trends["affection"] == "same"
    assert report.trends["detective_work"] == "same"
    assert report.trends["repeats"] == "same"


def test_same_means_differing_by_less_than_ten_percent_of_the_larger():
    from trustlog.domain.report.model import Figures, PromiseFigures, TriggerFigures
    from trustlog.domain.report.progress import differ, trends

    def follow_through(now: tuple[int, int] | None, before: tuple[int, int]) -> str | None:
        """The trend between two follow-throughs, given as (kept, broken) days."""

        def figures(kept_broken: tuple[int, int] | None, month: int) -> Figures:
            kept, broken = kept_broken or (0, 0)
            promises = PromiseFigures(kept=kept, broken=broken)
            return Figures(month_period(2026, month), checkin_days=5, promises=promises)

        return trends(figures(now, 11), figures(before, 10))["follow_through"]

    def recovery(now: float, before: float) -> str | None:
        """The trend between two median recoveries, in minutes (two settled triggers each)."""

        def figures(minutes: float, month: int) -> Figures:
            settled = TriggerFigures(
                [(datetime(2026, month, day, tzinfo=UTC), minutes) for day in (2, 3)]
            )
            return Figures(month_period(2026, month), checkin_days=5, triggers=settled)

        return trends(figures(now, 11), figures(before, 10))["median_recovery_minutes"]

    # |a - b| < 0.1 * max(|a|, |b|) is "same"; exactly 10% is a change.
    assert follow_through((80, 20), (73, 27)) == "same"  # 0.07 < 0.08
    assert follow_through((80, 20), (72, 28)) == "better"  # 0.08 is not less than 0.08
    assert recovery(26.0, 24.6) == "same"  # 1.4 < 2.6 minutes
    assert recovery(30.0, 24.6) == "worse"
    assert follow_through((0, 1), (0, 1)) == "same"  # both zero
    assert recovery(0.1, 0.0) == "worse"  # anything against zero is a change
    assert not differ(0.0, 0.0) and differ(0.1, 0.0)
    assert follow_through(None, (1, 1)) is None


def test_an_empty_month_is_honest(journal):
    report = build_report(journal, month_period(2026, 11), date(2026, 11, 24))
    data = report_json(report)
    assert report.empty
    assert data["checkins"] == {"days": 0, "longest_streak": 0}
    assert data["mood"] == {"average": None}
    assert data["promises"]["follow_through"] is None
    assert data["triggers"] == {"count": 0, "resolved": 0, "median_recovery_minutes": None}
    assert data["milestones"] == [] and data["notes"] == []


# -- periods ----------------------------------------------------------------------------


def test_a_month_at_the_year_end(journal):
    checkin(journal, "2026-12-31", mood=2)
    trigger(journal, "2026-12-31 23:40", "2027-01-01 00:05")
    checkin(journal, "2027-01-01", mood=4)
    data = report_json(build_report(journal, month_period(2027, 1), date(2027, 2, 2)))
    assert data["period"] == {"kind": "month", "start": "2027-01-01", "end": "2027-01-31"}
    assert data["previous"]["period"]["start"] == "2026-12-01"
    assert data["mood"]["average"] == 4.0
    assert data["previous"]["mood"]["average"] == 2.0
    assert data["triggers"]["count"] == 0
    assert data["previous"]["triggers"]["median_recovery_minutes"] == 25.0


def test_iso_week_53(journal):
    period = week_period(2026, 53)
    assert (period.start, period.end) == (date(2026, 12, 28), date(2027, 1, 3))
    assert period.previous() == week_period(2026, 52)
    assert week_period(2027, 1).previous() == period
    assert week_period(2027, 1).previous().label == "2026-W53"
    checkin(journal, "2026-12-27", mood=1)  # Sunday of week 52
    checkin(journal, "2026-12-28", mood=3)
    checkin(journal, "2027-01-03", mood=5)
    checkin(journal, "2027-01-04", mood=2)  # Monday of 2027-W01
    data = report_json(build_report(journal, period, date(2027, 1, 10)))
    assert data["period"] == {"kind": "week", "start": "2026-12-28", "end": "2027-01-03"}
    assert data["checkins"]["days"] == 2
    assert data["mood"]["average"] == 4.0
    assert data["previous"]["mood"]["average"] == 1.0


def test_parse_period():
    today = date(2026, 11, 24)
    assert parse_period(None, None, today) == month_period(2026, 11)
    assert parse_period("", None, today) == month_period(2026, 11)
    assert parse_period(None, "", today) == week_period(2026, 48)
    assert parse_period("2025-02", None, today) == month_period(2025, 2)
    assert parse_period(None, "2026-W53", today) == week_period(2026, 53)
    for month, week, flag in (
        ("2026-13", None, "--month"),
        ("Nov", None, "--month"),
        ("0000-01", None, "--month"),
        (None, "2025-W53", "--week"),
        (None, "2026-48", "--week"),
        ("2026-11", "2026-W48", "--month and --week"),
    ):
        with pytest.raises(InputError) as raised:
            parse_period(month, week, today)
        assert raised.value.message.startswith(flag)


def test_a_week_near_a_month_start_reads_the_weeks_before(journal):
    # The kept-run milestone needs four weeks back, across the month boundary.
    walk = promise(journal, "Evening walk", "2026-10-01")
    start = date(2026, 10, 1)
    marks(journal, walk, [(start + timedelta(days=n)).isoformat() for n in range(40)], "kept")
    report = build_report(journal, week_period(2026, 44), date(2026, 11, 20))
    # Week 44 is 26 Oct to 1 Nov; the 28th kept day in a row is 28 October.
    assert report.milestones == [
        'You kept "Evening walk" on every day it was due, four weeks running.'
    ]


# -- milestones and notes -------------------------------------------------------------------


def test_first_full_week_and_thirty_checkin_days(journal):
    for n in range(25):
        checkin(journal, (date(2026, 9, 1) + timedelta(days=2 * n)).isoformat(), mood=3)
    # 25 days so far, none in a row. November brings seven in a row, and day 30.
    for n in range(7):
        checkin(journal, (date(2026, 11, 3) + timedelta(days=n)).isoformat(), mood=3)
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.milestones == [
        "Your first full week of check-ins: seven days in a row.",
        "30 check-in days in all. Showing up like this is the work.",
    ]
    # Neither is a first in December.
    checkin(journal, "2026-12-01", mood=3)
    later = build_report(journal, month_period(2026, 12), date(2027, 1, 2))
    assert later.milestones == []


def test_a_promise_kept_four_weeks_running(journal):
    walk = promise(journal, "Evening walk", "2026-10-12", every="mon,thu")
    due = [
        d
        for d in (date(2026, 10, 12) + timedelta(days=n) for n in range(50))
        if d.weekday() in (0, 3)
    ]
    marks(journal, walk, [d.isoformat() for d in due], "kept")
    october = build_report(journal, month_period(2026, 10), date(2026, 12, 5))
    november = build_report(journal, month_period(2026, 11), date(2026, 12, 5))
    assert october.milestones == []
    # 12 October to 8 November are the first four full weeks.
    assert november.milestones == [
        'You kept "Evening walk" on every day it was due, four weeks running.'
    ]


def test_a_broken_day_stops_the_kept_run(journal):
    walk = promise(journal, "Evening walk", "2026-10-01")
    days = [(date(2026, 10, 1) + timedelta(days=n)).isoformat() for n in range(60)]
    marks(journal, walk, days[:20], "kept")
    mark(journal, walk, days[20], "broken")
    marks(journal, walk, days[21:], "kept")
    # Run restarts on 22 October; four weeks later is 18 November.
    assert build_report(journal, month_period(2026, 10), AFTER_NOVEMBER).milestones == []
    assert build_report(journal, month_period(2026, 11), AFTER_NOVEMBER).milestones == [
        'You kept "Evening walk" on every day it was due, four weeks running.'
    ]


def test_a_month_with_no_argument_coming_back(journal):
    checkin(journal, "2026-10-02", arguments=["phone"])
    checkin(journal, "2026-10-09", arguments=["phone"])
    checkin(journal, "2026-11-02", arguments=["holidays"])
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.milestones == ["Your first month with no argument coming back."]
    # One check-in day in November is too few for a trend (CONTRACT.md: at least 3 each side).
    assert report.trends["repeats"] is None


def test_trust_stuck_low_brings_one_gentle_note(journal):
    for day in ("2026-10-03", "2026-10-12", "2026-10-20", "2026-11-04", "2026-11-11", "2026-11-18"):
        checkin(journal, day, trust=2)
    trigger(journal, "2026-10-05 20:00")
    trigger(journal, "2026-11-05 20:00")
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.notes == [
        "For two months now, trust has stayed low and flare-ups have been slow to settle. "
        "That happens, and it is a good moment to bring in a couples therapist: "
        "they help with exactly this. `trustlog help safety` says more, when you want it."
    ]


def test_one_low_month_is_not_a_pattern(journal):
    for day in ("03", "12", "20"):
        checkin(journal, f"2026-10-{day}", trust=6)
        checkin(journal, f"2026-11-{day}", trust=2)
    assert build_report(journal, month_period(2026, 11), AFTER_NOVEMBER).notes == []


def test_two_low_days_are_not_a_pattern(journal):
    checkin(journal, "2026-10-03", trust=1)
    checkin(journal, "2026-11-04", trust=1)
    checkin(journal, "2026-11-05", trust=2)
    assert build_report(journal, month_period(2026, 11), AFTER_NOVEMBER).notes == []


def test_steady_months_may_track_less_often(journal):
    for month in (10, 11):
        for day in range(1, 21):
            checkin(journal, f"2026-{month:02d}-{day:02d}", trust=8, affection=1)
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.notes == [
        "Your markers have held steady for two months. Checking in a few times a week "
        "instead of every day is fine, if that feels right to you both."
    ]
    # A week is not "a couple of months".
    assert build_report(journal, week_period(2026, 46), AFTER_NOVEMBER).notes == []


def test_the_first_calm_month_is_named_once(journal):
    checkin(journal, "2026-06-02", arguments=["phone"])
    checkin(journal, "2026-06-09", arguments=["phone"])  # the first repeat ever
    checkin(journal, "2026-07-02", arguments=["phone"])
    checkin(journal, "2026-08-02", mood=3)  # calm: the first month without one
    checkin(journal, "2026-09-02", arguments=["Phone"])
    checkin(journal, "2026-10-02", mood=3)  # calm again, after a month with one
    checkin(journal, "2026-11-02", mood=3)  # calm, and so was October

    def milestones(month: int) -> list[str]:
        return build_report(journal, month_period(2026, month), AFTER_NOVEMBER).milestones

    assert milestones(8) == ["Your first month with no argument coming back."]
    assert milestones(10) == [
        "A month with no argument coming back; the month before had 1 repeat."
    ]
    assert milestones(11) == []
    # The cache of earlier months carries the count of calm months.
    assert milestones(8) == ["Your first month with no argument coming back."]
    assert milestones(10) == [
        "A month with no argument coming back; the month before had 1 repeat."
    ]


def test_a_journal_that_never_had_a_repeat_has_no_calm_month_to_name(journal):
    checkin(journal, "2026-10-02", arguments=["phone"])
    checkin(journal, "2026-11-02", mood=3)
    assert build_report(journal, month_period(2026, 11), AFTER_NOVEMBER).milestones == []


def test_a_trigger_counts_on_its_local_date(journal, zone):
    zone("Europe/Amsterdam")
    local = timezone(timedelta(hours=1))
    # 00:30 on 1 November in Amsterdam is still 31 October in UTC: it belongs to November.
    entry = Trigger(
        id="tz001",
        at=datetime(2026, 11, 1, 0, 30, tzinfo=local),
        resolved_at=datetime(2026, 11, 1, 1, 0, tzinfo=local),
    )
    with journal.writing():
        journal.write(journal.dated_path(entry.day, "trigger", entry.id), *entry.to_document())
    data = report_json(build_report(journal, month_period(2026, 11), AFTER_NOVEMBER))
    assert data["triggers"] == {"count": 1, "resolved": 1, "median_recovery_minutes": 30.0}
    assert data["previous"]["triggers"]["count"] == 0


@pytest.mark.parametrize(
    ("text", "note", "celebrated"),
    [
        ("Evening walk", None, True),
        ("Text you when I'm running late", None, False),  # never late: nothing happened
        ("Tell you about any message from her within an hour", None, False),
        ("Text you when I'm running late", "texted at 6, the train was late", True),
    ],
)
def test_a_promise_kept_only_because_nothing_happened_is_no_milestone(
    journal, text, note, celebrated
):
    kept = promise(journal, text, "2026-10-01")
    days = [(date(2026, 10, 1) + timedelta(days=n)).isoformat() for n in range(28)]
    marks(journal, kept, days[:9] + days[10:], "kept")
    mark(journal, kept, days[9], "kept", note=note)  # 10 October, inside the four weeks
    found = build_report(journal, month_period(2026, 10), AFTER_NOVEMBER).milestones
    assert bool([m for m in found if "four weeks running" in m]) is celebrated
