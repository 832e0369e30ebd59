"""Promise days are local calendar days, across daylight-saving changes and year ends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.support.promise_helpers import put_mark, put_promise

# A journal's day ends at 04:00 unless set (test_day_ends.py): these two end it at midnight,
# to see that the calendar day is the local one, not UTC's.


def test_just_after_midnight_after_spring_forward_is_monday_in_amsterdam(cli, journal, zone, at):
    zone("Europe/Amsterdam")
    cli("init", "--day-ends", "00:00")
    put_promise(journal, "wkd23", "2026-03-01", every="weekdays")
    at("2026-03-29T22:30:00+00:00")  # Monday 30 March, 00:30 CEST (+02:00) in Amsterdam
    mark = cli("promise", "kept", "wkd23", "--json").json()
    assert mark["date"] == "2026-03-30"
    assert mark["marked_at"] == "2026-03-30T00:30:00+02:00"
    assert (journal.root / "2026" / "03" / f"2026-03-30-mark-{mark['id']}.md").exists()


def test_just_after_midnight_after_fall_back_is_monday_in_amsterdam(cli, journal, zone, at):
    zone("Europe/Amsterdam")
    cli("init", "--day-ends", "00:00")
    put_promise(journal, "wkd23", "2026-10-01", every="weekdays")
    at("2026-10-25T23:30:00+00:00")  # still Sunday in UTC; Monday 26 October, 00:30 CET
    mark = cli("promise", "kept", "wkd23", "--json").json()
    assert (mark["date"], mark["marked_at"]) == ("2026-10-26", "2026-10-26T00:30:00+01:00")
    # And the Sunday of the change itself is not a weekday:
    run = cli("promise", "kept", "wkd23", "--date", "2026-10-25")
    assert run.exit_code == 2 and "Sunday 2026-10-25" in run.stderr


def test_the_calendar_counts_the_25_hour_day_once(cli, journal, zone, at):
    zone("Europe/Amsterdam")
    put_promise(journal, "dly23", "2026-10-19")
    for day in range(19, 30):
        put_mark(journal, "dly23", f"2026-10-{day}")
    at("2026-10-29T20:00:00+00:00")  # Thursday 29 October, 21:00 CET
    [item] = cli("promise", "list", "--json").json()
    dates = [date.fromisoformat(cell["date"]) for cell in item["calendar"]]
    assert dates == [date(2026, 10, 5) + timedelta(days=n) for n in range(28)]
    assert item["kept"] == 11 and item["current_run"] == 11 and item["today"] == "kept"
    assert item["strength"] == pytest.approx(1 - 0.5 ** (11 / 13))


def test_figures_and_calendar_across_a_year_end(cli, journal, at):
    put_promise(journal, "mth23", "2026-12-01", every="mon,thu")
    # Mon 28 and Thu 31 December kept; Mon 4 January broken; today is Thursday 7 January.
    put_mark(journal, "mth23", "2026-12-28")
    put_mark(journal, "mth23", "2026-12-31")
    put_mark(journal, "mth23", "2027-01-04", "broken")
    put_mark(journal, "mth23", "2027-01-07")
    at("2027-01-07T20:00:00+00:00")
    [item] = cli("promise", "list", "--json").json()
    statuses = {cell["date"]: cell["status"] for cell in item["calendar"]}
    assert item["calendar"][0]["date"] == "2026-12-14"  # ISO week 2026-W51
    assert statuses["2026-12-28"] == statuses["2026-12-31"] == "kept"
    assert statuses["2027-01-01"] == "not_scheduled"
    assert statuses["2027-01-04"] == "broken"
    # December's earlier Mondays and Thursdays were never recorded.
    assert (item["kept"], item["broken"], item["unrecorded"]) == (3, 1, 7)
    assert (item["current_run"], item["longest_run"]) == (1, 2)
    m = 0.5 ** (1 / 13)
    assert item["strength"] == pytest.approx(((1 - m) * m + (1 - m)) * m**2 + (1 - m))


def test_unrecorded_days_across_a_month_end_on_the_dashboard(cli, journal, at):
    put_promise(journal, "dly23", "2026-11-01")
    put_mark(journal, "dly23", "2026-11-29")
    at("2026-12-02T09:00:00+00:00")
    data = cli("--json").json()
    assert [d["date"] for d in data["promises_unrecorded"]] == [
        "2026-11-26",
        "2026-11-27",
        "2026-11-28",
        "2026-11-30",
        "2026-12-01",
    ]
    assert [d["status"] for d in data["promises_due"]] == ["unrecorded"]
