"""The report's trends compare like with like (CONTRACT.md `report`), worked out by hand.

Affection, detective work and repeats compare rates per check-in day; a period
still running is compared with as many days from the start of the one before;
a trend needs 3 check-in days on each side (recovery instead 2 settled triggers);
"same" means the two differ by less than 10% of the larger. Milestones and
notes that speak of a whole period wait until it is over.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.support.report_journal import checkin, mark, marks, promise, trigger
from trustlog.domain.core.period import month_period, week_period
from trustlog.domain.report.figures import build_report
from trustlog.domain.report.model import Report
from trustlog.render.report import report_json, setbacks

AFTER_NOVEMBER = date(2026, 12, 5)
ALL_NULL = dict.fromkeys(
    ("follow_through", "median_recovery_minutes", "repeats", "affection", "detective_work")
)


def days(first: str, count: int) -> list[str]:
    start = date.fromisoformat(first)
    return [(start + timedelta(days=n)).isoformat() for n in range(count)]


# -- the two scenarios of issue 10 ---------------------------------------------------------


def wednesday_week(journal) -> Report:
    """Issue 10: on Wednesday 25 November, `report --week` with 3 check-in days against 6.

    The week before (16-22 November) had check-ins Monday to Saturday, 8 moments of affection,
    no detective work, and flare-ups settling in 40 minutes (median); this week so far has 7
    moments of affection in 3 days, 1 of detective work, and flare-ups settling in 42 minutes.
    """
    for day, affection in zip(days("2026-11-16", 6), (2, 1, 1, 2, 1, 1), strict=True):
        checkin(journal, day, mood=3, trust=5, affection=affection)
    trigger(journal, "2026-11-16 20:00", "2026-11-16 20:35")
    trigger(journal, "2026-11-18 20:00", "2026-11-18 20:45")  # median 40 min
    trigger(journal, "2026-11-21 20:00", "2026-11-21 21:30")  # Saturday: not compared
    for day, affection in zip(days("2026-11-23", 3), (2, 3, 2), strict=True):
        checkin(
            journal, day, mood=3, trust=5, affection=affection, detective=int(day == "2026-11-24")
        )
    trigger(journal, "2026-11-23 20:00", "2026-11-23 20:40")
    trigger(journal, "2026-11-24 20:00", "2026-11-24 20:44")  # median 42 min
    return build_report(journal, week_period(2026, 48), date(2026, 11, 25))


def test_wednesday_of_a_week_is_compared_with_the_first_three_days_of_the_week_before(journal):
    report = wednesday_week(journal)
    data = report_json(report)
    assert data["previous"]["period"] == {
        "kind": "week",
        "start": "2026-11-16",
        "end": "2026-11-18",
    }
    assert data["previous"]["checkins"]["days"] == 3
    assert data["checkins"]["days"] == 3
    # Counts stay as defined (over the span each side covers) ...
    assert (data["affection"]["count"], data["previous"]["affection"]["count"]) == (7, 4)
    # ... and the trends compare rates: affection 7/3 against 4/3; recovery 42 against 40 min
    # (2 < 4.2, under 10%); detective work 1/3 against 0/3, a real change from none.
    assert data["triggers"]["median_recovery_minutes"] == 42.0
    assert data["previous"]["triggers"]["median_recovery_minutes"] == 40.0
    assert report.trends["affection"] == "better"
    assert report.trends["median_recovery_minutes"] == "same"
    assert report.trends["detective_work"] == "worse"
    # The "Fewer moments of affection" and "Settling took longer" are gone.
    assert setbacks(report) == ["More detective work was noted, per check-in day: 0.3, was 0.0."]
    assert report.milestones == [] and report.notes == []


def test_the_first_of_december_with_one_check_in_does_not_scold(journal):
    """Issue 10: on 1 December, one check-in; November had 16 moments of affection."""
    checkin(journal, "2026-09-02", arguments=["phone"])
    for day in days("2026-11-01", 16):
        checkin(journal, day, mood=4, trust=6, affection=1)
    checkin(journal, "2026-11-09", arguments=["Phone"])  # November had an argument come back
    checkin(journal, "2026-12-01", mood=4, trust=6, affection=1)
    report = build_report(journal, month_period(2026, 12), date(2026, 12, 1))
    data = report_json(report)
    assert data["previous"]["period"] == {
        "kind": "month",
        "start": "2026-11-01",
        "end": "2026-11-01",
    }
    assert data["trends"] == ALL_NULL  # one check-in day on each side
    assert data["setbacks"] == []
    assert data["milestones"] == []  # not "your first month with no argument coming back"
    assert data["notes"] == []
    # Once December is over, a calm December is named.
    over = build_report(journal, month_period(2026, 12), date(2027, 1, 2))
    assert "Your first month with no argument coming back." in over.milestones


def test_the_terminal_report_names_the_days_it_compares_with(cli, journal, at):
    wednesday_week(journal)
    at("2026-11-25T08:00:00+00:00")
    lines = cli("report", "--week").stdout.splitlines()
    assert lines[1] == "Mon 23 Nov – Sun 29 Nov 2026, so far (to Wed 25 Nov)"
    assert lines[2] == "Compared with 16–18 November, the same days of last week."
    assert "Fewer moments of affection" not in "\n".join(lines)
    at("2026-11-25T08:00:00+00:00")
    finished = cli("report", "--week", "2026-W47").stdout.splitlines()
    assert finished[1:3] == ["Mon 16 Nov – Sun 22 Nov 2026", "Compared with Week 46 of 2026."]


# -- a month in progress -----------------------------------------------------------------


def test_25_november_is_compared_with_1_to_25_october(journal):
    for day, affection in (("05", 2), ("12", 2), ("19", 2), ("28", 10)):
        checkin(journal, f"2026-10-{day}", affection=affection)
    for day, affection in (("03", 2), ("10", 2), ("17", 3), ("24", 2)):
        checkin(journal, f"2026-11-{day}", affection=affection)
    late = promise(journal, "Text if I'm running late", "2026-10-01")
    marks(journal, late, [d for d in days("2026-10-01", 25) if d != "2026-10-10"], "kept")
    mark(journal, late, "2026-10-10", "broken")
    marks(journal, late, days("2026-10-26", 6), "broken")  # after 25 October: not compared
    marks(journal, late, [d for d in days("2026-11-01", 24) if d != "2026-11-02"], "kept")
    mark(journal, late, "2026-11-02", "broken")
    trigger(journal, "2026-10-27 20:00", "2026-10-27 23:00")  # after 25 October
    report = build_report(journal, month_period(2026, 11), date(2026, 11, 25))
    data = report_json(report)
    before = data["previous"]
    assert before["period"] == {"kind": "month", "start": "2026-10-01", "end": "2026-10-25"}
    assert before["checkins"]["days"] == 3
    assert before["affection"]["count"] == 6
    assert before["triggers"]["count"] == 0
    assert (before["promises"]["kept"], before["promises"]["broken"]) == (24, 1)
    assert before["promises"]["unrecorded"] == 0
    # Affection 9/4 = 2.25 against 6/3 = 2.0: 0.25 is 10% or more of 2.25, so better.
    # (All of October, 16/4 = 4.0, would have called it worse.)
    assert report.trends["affection"] == "better"
    # Follow-through 23/24 against 24/25 (all of October, 24/31, would have been "better").
    assert data["promises"]["follow_through"] == pytest.approx(23 / 24)
    assert before["promises"]["follow_through"] == pytest.approx(24 / 25)
    assert report.trends["follow_through"] == "same"


def test_a_month_in_progress_keeps_the_whole_month_before_when_it_is_shorter(journal):
    # 30 March is day 30; February 2027 has 28 days, so all of it is compared.
    report = build_report(journal, month_period(2027, 3), date(2027, 3, 30))
    assert report.previous.period == month_period(2027, 2)
    assert not report.partial
    # On 28 March, 1-28 February is also the whole month.
    assert build_report(journal, month_period(2027, 3), date(2027, 3, 28)).previous.period == (
        month_period(2027, 2)
    )


def test_a_finished_period_is_compared_with_the_whole_period_before(journal):
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.previous.period == month_period(2026, 10)
    assert not report.running and not report.partial


# -- rates, thresholds and "same" ------------------------------------------------------------


def test_unequal_check_in_days_compare_rates_not_counts(journal):
    for day in days("2026-10-01", 10):
        checkin(journal, day, affection=1, detective=int(day == "2026-10-01"))
    checkin(journal, "2026-10-01", arguments=["money"])
    for day in days("2026-11-02", 4):
        checkin(journal, day, affection=2, detective=int(day == "2026-11-02"))
    checkin(journal, "2026-11-02", arguments=["Money"])
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    # Affection: 8 in 4 days (2.0 a day) against 10 in 10 days (1.0): fewer, yet better.
    assert (report.current.affection, report.previous.affection) == (8, 10)
    assert report.trends["affection"] == "better"
    # Detective work: 1 in 4 days (0.25) against 1 in 10 (0.1): the same count, worse.
    assert report.trends["detective_work"] == "worse"
    # Repeats: 1 in 4 days against 0 in 10.
    assert report.trends["repeats"] == "worse"
    assert setbacks(report) == [
        "More arguments came back, per check-in day: 0.2, was 0.0.",
        "More detective work was noted, per check-in day: 0.2, was 0.1.",
    ]


def test_a_change_under_ten_percent_is_the_same(journal):
    for day, affection in zip(days("2026-10-05", 4), (4, 2, 2, 2), strict=True):
        checkin(journal, day, affection=affection, trust=5)  # 10 in 4 days: 2.5 a day
    for day, affection in zip(days("2026-11-05", 3), (3, 2, 2), strict=True):
        checkin(journal, day, affection=affection, trust=5)  # 7 in 3 days: 2.33 a day
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    # 2.33 against 2.5 differ by 0.17, less than 10% of 2.5 (0.25).
    assert report.trends["affection"] == "same"
    assert report.trends["detective_work"] == "same"  # none on either side: both zero
    assert report.trends["repeats"] == "same"
    assert setbacks(report) == []
    # One more moment in October, 11 in 4 days (2.75): 0.42 is 10% or more of 2.75.
    checkin(journal, "2026-10-06", affection=1)
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.trends["affection"] == "worse"


def test_recovery_within_ten_percent_is_the_same(journal):
    for month in ("10", "11"):
        for day in ("02", "03", "04"):
            checkin(journal, f"2026-{month}-{day}", mood=3)
    trigger(journal, "2026-10-02 20:00", "2026-10-02 20:30")
    trigger(journal, "2026-10-03 20:00", "2026-10-03 20:50")  # median 40
    trigger(journal, "2026-11-02 20:00", "2026-11-02 20:40")
    trigger(journal, "2026-11-03 20:00", "2026-11-03 20:44")  # median 42
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.trends["median_recovery_minutes"] == "same"
    assert setbacks(report) == []


def test_fewer_than_three_check_in_days_on_either_side_is_no_trend(journal):
    for day in days("2026-10-01", 5):
        checkin(journal, day, affection=3, detective=1, arguments=["money"])
    checkin(journal, "2026-11-02", affection=0, detective=4, arguments=["money"])
    checkin(journal, "2026-11-03", affection=0, detective=4)
    walk = promise(journal, "Evening walk", "2026-10-01")
    marks(journal, walk, days("2026-10-01", 31), "kept")
    marks(journal, walk, days("2026-11-01", 30), "broken")
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.trends == ALL_NULL
    assert setbacks(report) == []
    # A third check-in day makes it a trend.
    checkin(journal, "2026-11-04", affection=0)
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.trends["affection"] == "worse"
    assert report.trends["follow_through"] == "worse"


def test_recovery_needs_two_settled_triggers_on_each_side(journal):
    for month in ("10", "11"):
        for day in ("02", "03", "04"):
            checkin(journal, f"2026-{month}-{day}", mood=3)
    trigger(journal, "2026-10-02 20:00", "2026-10-02 20:10")
    trigger(journal, "2026-10-03 20:00")  # not settled: does not count
    trigger(journal, "2026-11-02 20:00", "2026-11-02 22:00")
    trigger(journal, "2026-11-03 20:00", "2026-11-03 22:00")
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.previous.triggers.resolved == 1
    assert report.trends["median_recovery_minutes"] is None
    assert setbacks(report) == []
    trigger(journal, "2026-10-04 20:00", "2026-10-04 20:20")
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.trends["median_recovery_minutes"] == "worse"  # 120 against 15


def test_recovery_is_compared_on_settled_triggers_even_without_check_ins(journal):
    # Triggers are recorded whether or not the day had a check-in: recovery needs
    # two settled ones on each side, not three check-in days.
    trigger(journal, "2026-10-02 20:00", "2026-10-02 20:10")
    trigger(journal, "2026-10-04 20:00", "2026-10-04 20:20")
    trigger(journal, "2026-11-02 20:00", "2026-11-02 20:12")
    trigger(journal, "2026-11-03 20:00", "2026-11-03 20:18")
    report = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert report.current.checkin_days == 0
    assert report.trends["median_recovery_minutes"] == "same"  # 15 against 15 min
    assert report.trends["affection"] is None


# -- milestones and notes wait for a whole period -----------------------------------------


def test_a_week_with_no_argument_coming_back_waits_until_the_week_is_over(journal):
    for day in days("2026-11-16", 4):
        checkin(journal, day, arguments=["chores"])
    for day in days("2026-11-23", 3):
        checkin(journal, day, mood=4)
    running = build_report(journal, week_period(2026, 48), date(2026, 11, 25))
    assert running.milestones == []
    assert running.trends["repeats"] == "better"  # 0 in 3 days against 2 in 3: a trend, honestly
    over = build_report(journal, week_period(2026, 48), date(2026, 11, 30))
    assert over.milestones == [
        "A week with no argument coming back; the week before had 3 repeats."
    ]


def test_notes_stay_quiet_while_the_period_is_running(journal):
    for day in ("2026-10-03", "2026-10-12", "2026-10-20", "2026-11-04", "2026-11-11", "2026-11-18"):
        checkin(journal, day, trust=2)
    running = build_report(journal, month_period(2026, 11), date(2026, 11, 25))
    assert running.notes == []
    over = build_report(journal, month_period(2026, 11), AFTER_NOVEMBER)
    assert len(over.notes) == 1 and "couples therapist" in over.notes[0]


def test_a_milestone_reached_on_a_day_is_named_while_the_period_runs(journal):
    for day in days("2026-11-02", 7):
        checkin(journal, day, mood=3)
    report = build_report(journal, month_period(2026, 11), date(2026, 11, 25))
    assert report.milestones == ["Your first full week of check-ins: seven days in a row."]


def test_an_empty_running_week_points_to_the_whole_week_before(cli, journal, at):
    checkin(journal, "2026-11-20", mood=3)  # Friday: after the days compared on a Tuesday
    at("2026-11-24T08:00:00+00:00")
    run = cli("report", "--week")
    assert "Nothing is recorded for Week 48 of 2026 yet" in run.stdout
    assert "Compared with" not in run.stdout
    assert "Week 47 of 2026 has entries: trustlog report --week 2026-W47" in run.stdout


def test_the_first_of_december_on_screen(cli, journal, at):
    for day in days("2026-11-01", 16):
        checkin(journal, day, mood=4, trust=6, affection=1)
    checkin(journal, "2026-12-01", mood=4, trust=6, affection=1)
    at("2026-12-01T08:00:00+00:00")
    shown = cli("report").stdout
    assert "Compared with 1 November, the same day of last month." in shown
    assert "Noted: 1 moment of affection.\n" in shown  # nothing said about zero
    for word in ("▲", "▼", "=", "★", "Setbacks", "Note:"):
        assert word not in shown
