"""Catching up: `trustlog catchup`, and `promise kept|broken` without an id."""

from __future__ import annotations

from datetime import date

from tests.support.promise_helpers import put_mark, put_promise


def test_catchup_without_a_terminal_lists_the_open_days_and_asks_nothing(cli, journal):
    put_promise(journal, "dly23", "2026-11-20", text="Text if I'm running late")
    put_mark(journal, "dly23", "2026-11-21")
    run = cli("catchup")
    assert run.exit_code == 0
    assert run.stdout == (
        "  Fri 20 Nov  2026-11-20  Text if I'm running late  dly23\n"
        "  Sun 22 Nov  2026-11-22  Text if I'm running late  dly23\n"
        "  Mon 23 Nov  2026-11-23  Text if I'm running late  dly23\n"
        "  Tue 24 Nov  2026-11-24  Text if I'm running late  dly23\n"
    )
    assert run.stderr.startswith("4 promise days of the last 14 days are not recorded yet:")
    assert "`trustlog catchup` asks about each with one key" in run.stderr


def test_catchup_json_names_the_span_and_each_day(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    data = cli("catchup", "--json").json()
    assert (data["from"], data["to"]) == ("2026-11-11", "2026-11-24")
    assert [d["date"] for d in data["unrecorded"]][:2] == ["2026-11-11", "2026-11-12"]
    assert len(data["unrecorded"]) == 14
    assert {d["id"] for d in data["unrecorded"]} == {"dly23"}


def test_catchup_with_nothing_open_says_so_and_makes_no_journal(cli, home):
    run = cli("catchup")
    assert run.exit_code == 0
    assert run.stderr.startswith("Nothing to catch up on:")
    assert not home.exists()
    assert cli("catchup", "--json").json()["unrecorded"] == []


def test_retired_promises_are_not_asked_about(cli, journal):
    put_promise(journal, "old12", "2026-11-01", retired=date(2026, 11, 20))
    assert cli("catchup", "--json").json()["unrecorded"] == []


def test_promise_kept_without_an_id_and_without_a_terminal_names_the_id(cli, journal, home):
    put_promise(journal, "dly23", "2026-11-01")
    for outcome in ("kept", "broken"):
        run = cli("promise", outcome)
        assert run.exit_code == 2
        assert run.stderr.startswith("trustlog: ID: please give the promise's id, such as ")
        assert "Traceback" not in run.stderr
    assert not list(home.rglob("*-mark-*.md"))


def test_the_dashboard_gives_one_hint_for_many_open_days(cli, journal):
    put_promise(journal, "dly23", "2026-11-01", text="Text if I'm running late")
    put_promise(journal, "mwf45", "2026-11-01", every="mon,wed,fri", text="Call")
    cli("checkin", "--mood", "3")
    shown = cli().stdout
    assert shown.count("Next:") == 1
    assert shown.count("trustlog catchup") == 1
    assert "trustlog promise kept dly23 --date" not in shown


def test_the_dashboard_shows_triggers_still_settling_with_the_command(cli):
    cli("trigger", "--what", "a late reply", "--at", "2026-11-24 19:15")
    cli(
        "trigger",
        "--what",
        "settled one",
        "--at",
        "2026-11-24 18:00",
        "--resolved-at",
        "2026-11-24 18:30",
    )
    shown = cli().stdout
    assert "Still settling:\n  ○ a late reply  since Tue 24 Nov 19:15\n" in shown
    (settling,) = cli("--json").json()["triggers_settling"]
    assert f"when it has settled: trustlog trigger resolve {settling['id']}" in shown
    assert "settled one" not in shown


def test_the_dashboard_counts_what_a_person_wrote_not_promise_marks(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    for day in ("20", "21", "22", "23"):
        put_mark(journal, "dly23", f"2026-11-{day}")
    cli("checkin", "--mood", "3", "--kept", "dly23")
    assert "This month: 1 check-in day, 1 entry written." in cli().stdout
    assert cli("--json").json()["month_entries"] == 1


def test_a_note_ending_a_sentence_gets_no_second_full_stop(cli):
    cli("checkin", "--note", "A calm day.")
    assert "✓ You checked in today: A calm day.\n" in cli().stdout


def test_the_dashboard_has_one_next_line_and_names_the_partner(cli, journal):
    cli("init", "--name", "Sam", "--partner", "Alex", "--role", "repairing")
    put_promise(journal, "dly23", "2026-11-24", text="Text if I'm running late")
    shown = cli().stdout
    assert shown.startswith("Tuesday 24 November 2026, Sam\n")
    assert "Your promises to Alex, due today:" in shown
    assert shown.count("Next:") == 1
    cli("checkin", "--mood", "3")
    shown = cli().stdout
    assert shown.count("Next:") == 1
    assert "Next: trustlog promise kept dly23 — when it is done." in shown


def test_many_open_days_are_summed_up_with_one_hint(cli, journal):
    put_promise(journal, "dly23", "2026-11-01", text="Text if I'm running late")
    put_promise(journal, "mwf45", "2026-11-01", every="mon,wed,fri", text="Call")
    shown = cli().stdout
    assert "  … and 6 more.\n" in shown
    assert shown.count("trustlog catchup") == 1
    assert "--date" not in shown
