"""`trustlog ritual log`, `ritual plan` and `ritual status`, by flags, as a person would use them.

Today is Tuesday 24 November 2026, in ISO week 2026-W48 (23–29 November).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings

from tests.storage.test_document import any_text
from trustlog.domain.ritual.model import Plan, Ritual


def rituals(journal) -> list[Ritual]:
    return [Ritual.from_document(journal.read(f)) for f in journal.month_files(2026, 11, "ritual")]


def test_log_repair_saves_its_minutes_and_answers(cli, journal):
    result = cli(
        "ritual",
        "log",
        "repair",
        "--minutes",
        "25",
        "--facts",
        "I was late twice",
        "--feelings",
        "tired, hopeful",
        "--progress",
        "fewer arguments",
        "--helped",
        "walks",
        "--note",
        "Sunday, after dinner",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Saved the repair check-in of Tuesday 24 November, 25 min." in result.stderr
    [ritual] = rituals(journal)
    assert (ritual.what, ritual.date.isoformat(), ritual.minutes) == ("repair", "2026-11-24", 25)
    assert (ritual.facts, ritual.feelings, ritual.progress, ritual.helped) == (
        "I was late twice",
        "tired, hopeful",
        "fewer arguments",
        "walks",
    )
    assert ritual.note == "Sunday, after dinner"


def test_log_date_as_json_on_an_earlier_day(cli, journal):
    data = cli("ritual", "log", "date", "--date", "2026-11-21", "--note", "the lake", "--json")
    found = data.json()
    assert found["kind"] == "ritual" and found["what"] == "date"
    assert found["date"] == "2026-11-21" and found["note"] == "the lake"
    assert found["action"] == "created" and found["minutes"] is None
    [ritual] = rituals(journal)
    assert ritual.id == found["id"]


def test_bad_input_is_named_and_nothing_is_written(cli, home):
    for args, said in (
        (("log", "walk"), "'walk' is not a part of the weekly ritual"),
        (("log", "repair", "--minutes", "601"), "--minutes: please give a whole number from 0"),
        (("log", "repair", "--date", "2026-11-25"), "--date: 2026-11-25 has not come yet."),
        (("log", "repair", "--date", "soon"), "--date: 'soon' is not a date"),
        (("log", "date", "--facts", "x"), "--facts belongs to the repair check-in"),
        (("plan", "--repair", "sunday"), "--repair: 'sunday' is not a day and a time"),
        (("plan", "--date", "fri 25:00"), "--date: 'fri 25:00' is not a day and a time"),
        (
            (
                "plan",
                "--processing",
                "mon 9:00",
                "--processing",
                "wed 9:00",
                "--processing",
                "fri 9:00",
            ),
            "--processing: once or twice a week",
        ),
        (("plan", "--processing", "off", "--processing", "wed 9:00"), "give 'off' alone"),
        (("status", "--week", "2026-48"), "--week: '2026-48' is not an ISO week"),
    ):
        result = cli("ritual", *args)
        assert result.exit_code == 2, args
        assert said in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not home.exists() or not list(home.rglob("*.md"))


def test_without_a_terminal_the_guided_check_in_points_to_ritual_log(cli, home):
    result = cli("ritual")
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert "trustlog ritual log repair --minutes 25" in result.stderr
    assert not home.exists() or not list(home.rglob("*.md"))


def test_plan_sets_the_times_keeps_what_is_not_given_and_shows_them(cli, journal):
    assert cli("ritual", "plan").stdout.startswith("No weekly times are planned yet.")
    assert cli("ritual", "plan", "--json").json() == {
        "repair": None,
        "date": None,
        "processing": [],
        "changed": False,
    }
    result = cli("ritual", "plan", "--repair", "Sunday 19:00", "--date", "fri 7:30")
    assert result.exit_code == 0, result.stderr
    assert "Saved the weekly plan." in result.stderr
    assert result.stdout == (
        "Repair check-in: Sundays at 19:00\nDate:            Fridays at 07:30\n"
    )
    data = cli("ritual", "plan", "--processing", "tue 20:00", "--processing", "thu 20:00", "--json")
    assert data.json() == {
        "repair": "sun 19:00",
        "date": "fri 07:30",
        "processing": ["tue 20:00", "thu 20:00"],
        "changed": True,
    }
    assert cli("ritual", "plan", "--date", "off", "--json").json()["date"] is None
    assert cli("ritual", "plan", "--repair", "sun 19:00", "--json").json()["changed"] is False
    [entry] = journal.undated_files("plans")
    plan = Plan.from_document(journal.read(entry))
    assert (plan.repair, plan.fun_date, plan.processing) == (
        "sun 19:00",
        None,
        ["tue 20:00", "thu 20:00"],
    )
    assert cli("ritual", "plan", "--processing", "off", "--json").json()["processing"] == []


def test_status_is_the_contracts_json_for_a_week(cli):
    assert cli("ritual", "status", "--json").json() == {
        "week": "2026-W48",
        "repair": False,
        "date": False,
        "care_days": 0,
        "start": "2026-11-23",
        "end": "2026-11-29",
        "rituals": [],
        "planned": {"repair": None, "date": None, "processing": []},
    }
    cli("ritual", "log", "repair", "--date", "2026-11-23", "--minutes", "20")
    cli("ritual", "log", "date", "--date", "2026-11-22")  # Sunday: the week before
    cli("checkin", "--date", "2026-11-23", "--care", "made tea")
    cli("checkin", "--date", "2026-11-24", "--care", "  ")  # blank: no act of care
    cli("checkin", "--date", "2026-11-22", "--care", "a note on the mirror")
    week = cli("ritual", "status", "--json").json()
    assert {key: week[key] for key in ("week", "repair", "date", "care_days")} == {
        "week": "2026-W48",
        "repair": True,
        "date": False,
        "care_days": 1,
    }
    before = cli("ritual", "status", "--week", "2026-W47", "--json").json()
    assert (before["repair"], before["date"], before["care_days"]) == (False, True, 1)


def test_status_in_words_says_what_is_done_and_what_is_planned(cli):
    cli(
        "ritual",
        "plan",
        "--repair",
        "sun 19:00",
        "--date",
        "fri 19:30",
        "--processing",
        "wed 18:00",
    )
    cli("ritual", "log", "repair", "--minutes", "30")
    cli("checkin", "--care", "made tea")
    result = cli("ritual", "status")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "The weekly ritual · Week 48 of 2026\n"
        "✓ Repair check-in: done\n"
        "○ Date: not yet · planned Fridays at 19:30\n"
        "  Small acts of care: 1 day of 7 so far\n"
        "  Processing time: Wednesdays at 18:00\n"
    )


def test_a_week_that_is_over_says_what_was_recorded_and_nothing_is_planned(cli):
    cli("ritual", "plan", "--repair", "sun 19:00", "--processing", "wed 18:00")
    cli("ritual", "log", "date", "--date", "2026-11-20")
    cli("checkin", "--date", "2026-11-18", "--care", "made tea")
    result = cli("ritual", "status", "--week", "2026-W47")
    assert result.stdout == (
        "The weekly ritual · Week 47 of 2026\n"
        "○ Repair check-in: none recorded\n"
        "✓ Date: done\n"
        "  Small acts of care: 1 day of 7\n"
    )


def test_a_ritual_is_an_entry_like_any_other(cli):
    saved = cli("ritual", "log", "repair", "--minutes", "22", "--json").json()
    listed = cli("entries", "--kind", "ritual", "--json").json()
    assert [entry["id"] for entry in listed] == [saved["id"]]
    shown = cli("show", saved["id"], "--json").json()
    assert shown["minutes"] == 22
    cli("ritual", "plan", "--repair", "sun 19:00")
    assert [entry["kind"] for entry in cli("entries", "--kind", "plan", "--json").json()] == [
        "plan"
    ]


def test_a_plan_broken_by_hand_is_named_with_its_file(cli, journal, home):
    cli("ritual", "plan", "--repair", "sun 19:00", "--processing", "tue 20:00")
    [entry] = journal.undated_files("plans")
    entry.path.write_text(entry.path.read_text().replace("tue 20:00", "someday"))
    result = cli("ritual", "status")
    assert result.exit_code == 1
    assert str(entry.path) in result.stderr and "'processing' should hold" in result.stderr
    entry.path.write_text(entry.path.read_text().replace('"sun 19:00"', '"sun 7pm"'))
    result = cli("ritual", "plan")
    assert result.exit_code == 1 and "'repair' should be a day and a time" in result.stderr


# Each example gets a journal of its own: `cli` holds no state between them.
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(facts=any_text, helped=any_text, note=any_text)
@example(facts="x", helped="y", note="0\r\n")  # found by hypothesis once line ends were read
def test_any_text_given_to_a_ritual_survives(cli, facts, helped, note):
    assume(facts.strip() and helped.strip() and note.strip())  # blank counts as not given
    with tempfile.TemporaryDirectory() as folder:
        journal = ("--journal", str(Path(folder) / "journal"))
        args = ("--facts", facts, "--helped", helped, "--note", note)
        saved = cli(*journal, "ritual", "log", "repair", *args, "--json").json()
        shown = cli(*journal, "show", saved["id"], "--json").json()
    # The note is the file's body, where a CR before a newline is a line end.
    assert (shown["facts"], shown["helped"], shown["note"]) == (
        facts,
        helped,
        note.replace("\r\n", "\n"),
    )
