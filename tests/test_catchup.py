"""Catching up: `trustlog catchup`, and `promise kept|broken` without an id."""

from __future__ import annotations

from datetime import date

from tests.promise_helpers import put_mark, put_promise


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
    assert "Next: trustlog catchup" in shown
    assert "trustlog promise kept dly23 --date" not in shown
