"""A journal's day ends at 04:00 (or the hour `init --day-ends` sets), not at midnight.

Before that hour "today" is still the day before, for check-ins, promise marks,
catching up and the dashboard; `--date` is taken as given; moments stay exact.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tests.support.promise_helpers import put_promise
from trustlog import clock

# Wednesday 25 November 2026, 01:10 in UTC (the tests' zone): still Tuesday the 24th.
LATE = "2026-11-25T01:10:00+00:00"


@pytest.mark.parametrize(
    ("moment", "ends", "day"),
    [
        ("2026-11-25T01:10:00+00:00", time(4), date(2026, 11, 24)),
        ("2026-11-25T03:59:59+00:00", time(4), date(2026, 11, 24)),
        ("2026-11-25T04:00:00+00:00", time(4), date(2026, 11, 25)),
        ("2026-11-25T00:00:00+00:00", time(0), date(2026, 11, 25)),
        ("2026-11-25T05:59:00+00:00", time(6), date(2026, 11, 24)),
        ("2026-11-24T23:59:00+00:00", time(4), date(2026, 11, 24)),
        ("2026-11-01T00:30:00+00:00", time(4), date(2026, 10, 31)),  # a month's first night
    ],
)
def test_the_day_of_a_moment(moment, ends, day):
    assert clock.day_of(datetime.fromisoformat(moment), ends) == day


def test_the_day_of_a_moment_across_the_autumn_clock_change(zone, at):
    zone("Europe/Amsterdam")
    at("2026-10-25T01:30:00+00:00")  # 02:30 CET, after the clocks went back: still Saturday
    assert clock.today(time(4)) == date(2026, 10, 24)
    at("2026-10-25T03:00:00+00:00")  # 04:00 CET: Sunday has begun
    assert clock.today(time(4)) == date(2026, 10, 25)


def test_init_sets_when_the_day_ends_and_shows_it(cli):
    assert cli("init", "--json").json()["day_ends"] == "04:00"
    assert cli("--json").json()["day_ends"] == "04:00"
    assert cli("init", "--day-ends", "1:30", "--json").json()["day_ends"] == "01:30"
    assert cli("--json").json()["day_ends"] == "01:30"
    assert cli("--json").json()["profile"]["day_ends"] == "01:30"
    shown = cli("init").stdout
    assert "day ends: 01:30" in shown


@pytest.mark.parametrize("bad", ["06:01", "07:00", "23:00", "24:00", "4", "soon", "04:60"])
def test_a_day_end_outside_midnight_to_six_is_bad_input(cli, home, bad):
    run = cli("init", "--day-ends", bad)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"trustlog: --day-ends: '{bad}' is not a time from 00:00 to 06:00")
    assert not (home / "journal.toml").exists()


def test_a_hand_edited_day_end_that_is_wrong_names_the_file(cli, home):
    cli("init", "--name", "Sam")
    settings = home / "journal.toml"
    settings.write_text(settings.read_text() + 'day_ends = "09:00"\n')
    before = settings.read_bytes()
    run = cli("checkin", "--mood", "3")
    assert run.exit_code == 1
    assert "journal.toml: 'day_ends' should be a time from" in run.stderr
    assert settings.read_bytes() == before


def test_a_checkin_at_ten_past_one_belongs_to_the_evening_before(cli, at):
    at("2026-11-24T21:00:00+00:00")
    cli("checkin", "--mood", "3", "--note", "a quiet evening")
    at(LATE)
    late = cli("checkin", "--mood", "2", "--note", "can't sleep", "--json").json()
    assert late["date"] == "2026-11-24"
    assert late["action"] == "updated"
    assert late["note"] == "a quiet evening\n\ncan't sleep"
    # The next evening's check-in is the 25th's: it does not replace the night's mood.
    at("2026-11-25T20:00:00+00:00")
    evening = cli("checkin", "--mood", "4", "--json").json()
    assert (evening["date"], evening["action"]) == ("2026-11-25", "created")
    days = {e["date"]: e["mood"] for e in cli("entries", "--kind", "checkin", "--json").json()}
    assert days == {"2026-11-24": 2, "2026-11-25": 4}


def test_after_the_day_ends_it_is_the_new_day(cli, at):
    at("2026-11-25T04:00:00+00:00")
    assert cli("checkin", "--mood", "3", "--json").json()["date"] == "2026-11-25"


def test_a_day_that_ends_at_midnight_is_the_calendar_day(cli, at):
    cli("init", "--day-ends", "00:00")
    at(LATE)
    assert cli("checkin", "--mood", "3", "--json").json()["date"] == "2026-11-25"


def test_a_date_is_to_come_when_it_is_after_the_day_not_yet_ended(cli, at):
    at(LATE)
    run = cli("checkin", "--date", "2026-11-25", "--mood", "3")
    assert run.exit_code == 2 and "--date" in run.stderr
    # --date is taken as given: the 23rd is the 23rd.
    earlier = cli("checkin", "--date", "2026-11-23", "--mood", "3", "--json").json()
    assert earlier["date"] == "2026-11-23"


def test_the_dashboard_at_twenty_five_past_midnight_is_still_the_evening(cli, at):
    at("2026-11-24T21:00:00+00:00")
    cli("checkin", "--mood", "3")
    at("2026-11-25T00:25:00+00:00")
    board = cli("--json").json()
    assert board["today"] == "2026-11-24"
    assert board["checkin_today"]["mood"] == 3
    shown = cli().stdout
    assert shown.startswith("Tuesday 24 November 2026\n")
    assert "No check-in yet today" not in shown


def test_a_promise_mark_in_the_night_is_the_evening_before(cli, journal, at):
    put_promise(journal, "dly23", "2026-11-01")
    at(LATE)
    mark = cli("promise", "kept", "dly23", "--json").json()
    assert mark["date"] == "2026-11-24"
    assert mark["marked_at"] == LATE  # the moment stays exact
    run = cli("promise", "kept", "dly23", "--date", "2026-11-25")
    assert run.exit_code == 2
    # Catching up in the night lists the days up to the 24th, not the 25th.
    open_days = cli("catchup", "--json").json()
    assert open_days["to"] == "2026-11-24"
    days = [day["date"] for day in open_days["unrecorded"]]
    assert days[-1] == "2026-11-23"  # the 24th was marked above


def test_a_trigger_in_the_night_keeps_its_exact_moment(cli, at):
    at(LATE)
    saved = cli("trigger", "--what", "a dream", "--intensity", "5", "--json").json()
    assert saved["at"] == LATE
    assert saved["date"] == "2026-11-25"
