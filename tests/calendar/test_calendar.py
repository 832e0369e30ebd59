"""`trustlog calendar`: the file parsed back with icalendar, each recurrence expanded with
dateutil and checked day by day against the promise schedules, across daylight saving."""

from __future__ import annotations

import stat
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr

from trustlog.domain.promise.model import Promise
from trustlog.domain.promise.schedule import scheduled_days

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Amsterdam leaves summer time on 25 October 2026 and starts it on 28 March 2027.
HORIZON = date(2027, 5, 31)


def events(path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def occurrences(event: icalendar.Event, until: date) -> list[datetime]:
    start = event.decoded("dtstart")
    if "rrule" not in event:
        return [start]
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=start)
    end = datetime.combine(until, time(23, 59), tzinfo=start.tzinfo)
    return list(rule.between(start, end, inc=True))


def promise_of(cli, home, *args: str) -> Promise:
    data = cli("promise", "add", *args, "--json").json()
    from trustlog.domain.kinds import UNDATED_FOLDERS
    from trustlog.storage.journal import Journal

    journal = Journal(home, undated_folders=UNDATED_FOLDERS)
    return Promise.from_document(journal.read(journal.find(data["id"], "promise")))


SCHEDULES = {
    "daily": ("--every", "daily", "--due", "21:00", "--start", "2026-10-01"),
    "weekdays": ("--every", "weekdays", "--due", "07:30", "--start", "2026-10-03"),
    "weekends": ("--every", "weekends", "--due", "10:00", "--start", "2026-10-01"),
    "chosen days": ("--every", "mon,thu", "--due", "18:15", "--start", "2026-10-02"),
    "start and end": (
        "--every",
        "tue,sat",
        "--due",
        "02:30",
        "--start",
        "2026-10-20",
        "--end",
        "2027-04-03",
    ),
    "once": ("--once", "2026-12-03", "--due", "09:00"),
}


@pytest.mark.parametrize("name", SCHEDULES)
def test_each_promise_recurs_exactly_as_scheduled_across_daylight_saving(
    cli, home, zone, tmp_path, name
):
    zone("Europe/Amsterdam")
    promise = promise_of(cli, home, "Text when I am late", *SCHEDULES[name])
    output = tmp_path / "reminders.ics"
    result = cli("calendar", "--output", str(output))
    assert result.exit_code == 0, result.stderr
    event = events(output)[f"promise-{promise.id}@trustlog"]
    assert event.decoded("dtstart").tzinfo.key == "Europe/Amsterdam"
    due = time.fromisoformat(promise.due)
    expected = [
        datetime.combine(day, due, tzinfo=AMSTERDAM)
        for day in scheduled_days(promise, promise.start, HORIZON)
    ]
    found = occurrences(event, HORIZON)
    assert found == expected
    # The same clock time on both sides of each change: 21:00 stays 21:00 in winter.
    assert {moment.astimezone(AMSTERDAM).time() for moment in found} == {due}
    if name not in ("once",):
        offsets = {moment.utcoffset() for moment in found}
        assert offsets == {timedelta(hours=1), timedelta(hours=2)}
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(minutes=30)
    assert str(alarm["action"]) == "DISPLAY"


def test_only_active_promises_with_a_due_time_are_in_it(cli, home, tmp_path):
    kept = promise_of(cli, home, "Call at lunch", "--due", "12:30")
    promise_of(cli, home, "No time given")
    promise_of(cli, home, "Ended", "--due", "08:00", "--start", "2026-11-01", "--end", "2026-11-20")
    retired = promise_of(cli, home, "Retired", "--due", "08:00")
    assert cli("promise", "retire", retired.id).exit_code == 0
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output)).exit_code == 0
    assert list(events(output)) == [f"promise-{kept.id}@trustlog"]


def test_the_planned_ritual_repeats_weekly_with_stable_uids(cli, home, at, tmp_path):
    cli("ritual", "plan", "--repair", "sun 19:00", "--date", "fri 19:30")
    cli("ritual", "plan", "--processing", "tue 20:00", "--processing", "thu 20:00")
    first = tmp_path / "a.ics"
    assert cli("calendar", "--output", str(first)).exit_code == 0
    found = events(first)
    plan_id = next(iter(found)).split("-", 1)[1].split("@")[0]
    assert list(found) == [
        f"{name}-{plan_id}@trustlog" for name in ("repair", "date", "processing1", "processing2")
    ]
    summaries = [str(event["summary"]) for event in found.values()]
    assert summaries == ["Repair check-in", "Date together", "Time to talk", "Time to talk"]
    repair = occurrences(found[f"repair-{plan_id}@trustlog"], date(2026, 12, 31))
    assert [moment.date() for moment in repair][:3] == [
        date(2026, 11, 29),
        date(2026, 12, 6),
        date(2026, 12, 13),
    ]
    assert {(m.weekday(), m.hour, m.minute) for m in repair} == {(6, 19, 0)}
    assert found[f"date-{plan_id}@trustlog"].decoded("duration") == timedelta(hours=2)
    # A week later, the same events: importing it again updates them, it adds no twins.
    at("2026-12-01T20:00:00+00:00")
    second = tmp_path / "b.ics"
    assert cli("calendar", "--output", str(second)).exit_code == 0
    assert list(events(second)) == list(found)
    assert [e.decoded("dtstart") for e in events(second).values()] == [
        e.decoded("dtstart") for e in found.values()
    ]


def test_discreet_makes_every_title_and_alarm_neutral(cli, home, tmp_path):
    cli("ritual", "plan", "--repair", "sun 19:00", "--processing", "wed 20:00")
    promise_of(cli, home, "No messages to my ex", "--due", "22:00")
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output), "--discreet").exit_code == 0
    text = output.read_text()
    for event in events(output).values():
        assert str(event["summary"]) == "Reminder"
        assert [str(alarm["description"]) for alarm in event.walk("VALARM")] == ["Reminder"]
    assert "messages" not in text and "Repair" not in text and "talk" not in text


def test_by_default_no_event_holds_a_word_the_person_wrote(cli, home, tmp_path):
    cli("ritual", "plan", "--repair", "sun 19:00")
    promise_of(cli, home, "Phone face-up on the table at dinner", "--due", "19:30")
    cli("contract", "write", "--mine", "I will text when plans change")
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output)).exit_code == 0
    text = output.read_text()
    summaries = sorted(str(event["summary"]) for event in events(output).values())
    assert summaries == ["Promise", "Repair check-in", "Revisit our contract"]
    for word in ("Phone", "face-up", "table", "dinner", "text when"):
        assert word not in text
    assert "DESCRIPTION:Promise" in text.replace("\r\n ", "")  # the alarm says "Promise"
    assert not [event for event in events(output).values() if "description" in event]


def test_with_words_a_promise_title_is_cut_between_words_and_its_text_is_whole(cli, home, tmp_path):
    promise_of(
        cli,
        home,
        "Tell you when plans change, and why, every single time\nsecond line",
        "--due",
        "20:00",
    )
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output), "--with-words").exit_code == 0
    [event] = events(output).values()
    assert str(event["summary"]) == "Promise: Tell you when plans change, and why…"
    assert str(event["description"]) == (
        "Tell you when plans change, and why, every single time\nsecond line"
    )
    short = promise_of(cli, home, "Phone face-up on the table at dinner", "--due", "19:30")
    again = tmp_path / "s.ics"
    cli("calendar", "--output", str(again), "--with-words")
    titles = {str(e["summary"]) for uid, e in events(again).items() if short.id in uid}
    assert titles == {"Promise: Phone face-up on the table at dinner"}


def test_discreet_and_with_words_together_are_bad_input(cli, tmp_path):
    output = tmp_path / "r.ics"
    run = cli("calendar", "--output", str(output), "--discreet", "--with-words")
    assert run.exit_code == 2 and "--with-words" in run.stderr
    assert not output.exists()


def test_written_privately_and_never_over_a_file_without_force(cli, home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cli("ritual", "plan", "--repair", "sun 19:00")
    result = cli("calendar")
    assert result.exit_code == 0, result.stderr
    assert "Wrote 1 reminder to trustlog.ics (only you can read it)." in result.stderr
    default = tmp_path / "trustlog.ics"
    assert stat.S_IMODE(default.stat().st_mode) == 0o600
    default.write_text("mine")
    refused = cli("calendar")
    assert refused.exit_code == 2
    assert "trustlog.ics is already there, and I never write over a file" in refused.stderr
    assert "--force" in refused.stderr
    assert default.read_text() == "mine"
    forced = cli("calendar", "--force", "--json").json()
    assert forced["output"] == "trustlog.ics"
    assert [event["what"] for event in forced["events"]] == ["repair"]
    assert forced["events"][0] | {"uid": None} == {
        "uid": None,
        "what": "repair",
        "first": "2026-11-29",
        "time": "19:00",
        "weekdays": ["SU"],
        "last": None,
    }
    assert default.read_text().startswith("BEGIN:VCALENDAR")


def test_to_stdout_and_bad_output(cli, home, tmp_path):
    cli("ritual", "plan", "--date", "fri 19:30")
    result = cli("calendar", "--output", "-")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Date together" in result.stdout
    missing = cli("calendar", "--output", str(tmp_path / "nowhere" / "r.ics"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    both = cli("calendar", "--output", "-", "--json")
    assert both.exit_code == 2 and "--json and --output -" in both.stderr


def test_an_empty_journal_gives_an_empty_calendar_and_says_how_to_fill_it(cli, tmp_path):
    output = tmp_path / "r.ics"
    result = cli("calendar", "--output", str(output))
    assert result.exit_code == 0
    assert "Wrote 0 reminders" in result.stderr and "ritual plan" in result.stderr
    assert events(output) == {}


def test_without_a_named_zone_times_float_at_the_same_clock_time():
    from trustlog.domain.calendar import Reminder
    from trustlog.render.calendar import ics

    reminder = Reminder(
        uid="promise-p1@trustlog",
        what="promise",
        text="Call",
        first=date(2026, 11, 24),
        at=time(18, 0),
        minutes=15,
        weekdays=frozenset({0, 1, 2, 3, 4}),
        last=date(2026, 12, 31),
    )
    stamp = datetime(2026, 11, 24, 20, 0, tzinfo=AMSTERDAM)
    text = ics([reminder], None, "plain", stamp).decode()
    assert "DTSTART:20261124T180000\r\n" in text
    assert "UNTIL=20261231T180000;" in text
    assert "VTIMEZONE" not in text and "DTSTAMP:20261124T190000Z" in text


def test_the_local_zone_is_named_by_tz(monkeypatch):
    from trustlog import clock

    monkeypatch.setenv("TZ", ":Europe/Amsterdam")
    assert clock.local_zone() == AMSTERDAM
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    assert clock.local_zone() is None


def test_the_contracts_revisit_is_one_all_day_event_without_its_words(cli, home, tmp_path):
    written = cli(
        "contract", "write", "--mine", "I tell you where I am", "--theirs", "I say when I am "
        "scared", "--breaks", "any contact with Alex", "--revisit", "2026-12-24", "--json",
    )  # fmt: skip
    assert written.exit_code == 0, written.stderr
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output)).exit_code == 0
    [(uid, event)] = events(output).items()
    assert uid.startswith("revisit-") and str(event["summary"]) == "Revisit our contract"
    assert event.decoded("dtstart") == date(2026, 12, 24) and "rrule" not in event
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(hours=9)  # 09:00 that day
    text = output.read_text()
    for words in ("where I am", "scared", "Alex", "contact"):
        assert words not in text
    # A new revision moves the same event: importing again updates it.
    cli("contract", "write", "--revisit", "2027-01-20")
    assert cli("calendar", "--output", str(output), "--force").exit_code == 0
    [(again, moved)] = events(output).items()
    assert again == uid and moved.decoded("dtstart") == date(2027, 1, 20)
    assert cli("calendar", "--output", "-", "--discreet").stdout.count("SUMMARY:Reminder") == 1


def skipped_days(event: icalendar.Event) -> set[datetime]:
    found = event.get("exdate")
    if found is None:
        return set()
    lists = found if isinstance(found, list) else [found]
    return {item.dt for listed in lists for item in listed.dts}


@pytest.mark.parametrize(
    ("pause", "resume"),
    [
        (("--from", "2026-12-01", "--to", "2026-12-05"), None),
        (("--from", "2026-12-01"), None),  # open: the series ends the day before
        (("--from", "2026-11-28"), ("--date", "2026-12-10")),
    ],
)
def test_a_paused_day_is_not_a_day_in_the_calendar(cli, home, zone, tmp_path, pause, resume):
    zone("Europe/Amsterdam")
    made = promise_of(cli, home, "Phone face-up", "--every", "daily", "--due", "19:00")
    assert cli("promise", "pause", made.id, *pause).exit_code == 0
    if resume:
        assert cli("promise", "resume", made.id, *resume).exit_code == 0
    from trustlog.domain.kinds import UNDATED_FOLDERS
    from trustlog.storage.journal import Journal

    journal = Journal(home, undated_folders=UNDATED_FOLDERS)
    promise = Promise.from_document(journal.read(journal.find(made.id, "promise")))
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output)).exit_code == 0
    event = events(output)[f"promise-{promise.id}@trustlog"]
    horizon = date(2026, 12, 31)
    found = [day for day in occurrences(event, horizon) if day not in skipped_days(event)]
    expected = [
        datetime.combine(day, time(19, 0), tzinfo=AMSTERDAM)
        for day in scheduled_days(promise, promise.start, horizon)
    ]
    assert found == expected
    assert datetime(2026, 12, 3, 19, 0, tzinfo=AMSTERDAM) not in found


def test_a_once_promise_on_a_paused_day_is_not_in_it(cli, home, tmp_path):
    made = promise_of(cli, home, "Dinner out", "--once", "2026-12-03", "--due", "19:00")
    assert (
        cli("promise", "pause", made.id, "--from", "2026-12-01", "--to", "2026-12-04").exit_code
        == 0
    )
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output)).exit_code == 0
    assert f"promise-{made.id}@trustlog" not in events(output)
