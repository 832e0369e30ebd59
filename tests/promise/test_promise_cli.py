"""`trustlog promise ...` and `checkin --kept/--broken`, through the command line."""

from __future__ import annotations

from datetime import date

from tests.support.promise_helpers import put_mark, put_promise


def all_files(journal):
    return sorted(p.relative_to(journal.root).as_posix() for p in journal.root.rglob("*.md"))


def test_add_prints_the_id_and_list_shows_it(cli, journal):
    run = cli("promise", "add", "Text if I'm running late", "--every", "weekdays", "--json")
    saved = run.json()
    assert run.exit_code == 0
    assert saved["every"] == "weekdays" and saved["start"] == "2026-11-24"
    assert (journal.root / "promises" / f"promise-{saved['id']}.md").exists()
    [listed] = cli("promise", "list", "--json").json()
    assert listed["id"] == saved["id"]
    assert listed["today"] == "unrecorded" and listed["strength"] is None
    assert listed["schedule"] == "on weekdays"


def test_add_without_text_and_without_a_terminal_names_the_argument(cli, journal):
    run = cli("promise", "add", "--every", "daily")
    assert run.exit_code == 2
    assert "TEXT" in run.stderr
    assert not journal.root.exists() or all_files(journal) == []


def test_kept_broken_and_repair_then_list(cli, journal):
    put_promise(journal, "mwf23", "2026-11-02", every="mon,wed,fri", text="Call at 7:00")
    assert cli("promise", "kept", "mwf", "--date", "2026-11-20").exit_code == 0
    run = cli("promise", "broken", "mwf23", "--date", "2026-11-23", "--repair", "called at 7:30")
    assert run.exit_code == 0
    assert "Marked “Call at 7:00” on Monday 23 November (2026-11-23): broken, then repaired." in (
        run.stderr.replace("\n", " ")
    )
    [item] = cli("promise", "list", "--json").json()
    assert (item["kept"], item["repaired"], item["broken"]) == (1, 1, 0)
    assert item["strength"] == (1 - 0.5 ** (1 / 13)) * 0.5 ** (1 / 13) + 0.5 * (1 - 0.5 ** (1 / 13))
    assert item["today"] == "not_scheduled"


def test_list_draws_a_calendar_without_colour(cli, journal):
    put_promise(journal, "dly23", "2026-11-16", text="Text if I'm running late")
    for day, outcome, repair in [
        ("16", "kept", None),
        ("17", "kept", None),
        ("18", "broken", None),
        ("19", "broken", "said sorry"),
        ("21", "kept", None),
        ("22", "kept", None),
        ("23", "kept", None),
    ]:
        put_mark(journal, "dly23", f"2026-11-{day}", outcome, repair=repair)
    run = cli("promise", "list")
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0] == "Your promises, Tuesday 24 November 2026"
    assert lines[2].startswith("dly23  Text if I'm running late")
    assert lines[3] == "       every day · due today, not recorded yet"
    assert lines[4] == "       MTWTFSS MTWTFSS MTWTFSS MTWTFSS"
    #                  2 Nov    9 Nov    16 Nov   23 Nov (today, Tuesday)
    assert lines[5] == "                       ●●✕◐·●● ●○"  # piped: no padding after the last day
    # Follow-through leads; strength (values 1, 1, 0, 0.5, 1, 1, 1 → 0.2474, which reads as
    # failure) waits for 14 recorded days (docs/promises.md shows this very list).
    assert lines[6] == (
        "       kept 5 of 7 days recorded (71%) · now 3 in a row · strength from day 14"
    )
    assert any(line.startswith("● kept  ◐ repaired  ✕ broken  · not recorded") for line in lines)
    assert lines[-3:] == [
        "Strength grows with each kept day; a broken day lowers it,",
        "a repaired one less. From 0, 13 kept days make it 50%,",
        "so it is shown once 14 days are recorded.",
    ]
    assert run.stdout.count("Strength grows") == 1
    assert "\x1b[" not in run.stdout


def test_list_skips_retired_unless_all(cli, journal):
    put_promise(journal, "old23", "2026-10-01", retired=date(2026, 11, 1))
    put_promise(journal, "new23", "2026-11-01")
    assert [p["id"] for p in cli("promise", "list", "--json").json()] == ["new23"]
    every = cli("promise", "list", "--all", "--json").json()
    assert [(p["id"], p["active"]) for p in every] == [("old23", False), ("new23", True)]
    assert "retired on 2026-11-01" in cli("promise", "list", "--all").stdout


def test_list_with_no_promises(cli):
    run = cli("promise", "list")
    assert run.exit_code == 0 and run.stdout == ""
    assert "trustlog promise add" in run.stderr
    assert cli("promise", "list", "--json").json() == []


def test_marking_an_unscheduled_day_exits_2_and_writes_nothing(cli, journal):
    put_promise(journal, "wkn23", "2026-11-01", every="weekends", text="Phone-free Sunday")
    before = all_files(journal)
    run = cli("promise", "kept", "wkn23")
    assert run.exit_code == 2
    assert "2026-11-24" in run.stderr and "wkn23" in run.stderr and "Traceback" not in run.stderr
    assert all_files(journal) == before


def test_bad_and_ambiguous_ids_exit_2(cli, journal):
    put_promise(journal, "abc23", "2026-11-01")
    put_promise(journal, "abd45", "2026-11-01")
    run = cli("promise", "kept", "ab")
    assert run.exit_code == 2 and "abc23, abd45" in run.stderr
    run = cli("promise", "retire", "nope")
    assert run.exit_code == 2 and "'nope'" in run.stderr
    assert cli("promise", "kept", "abd", "--json").json()["promise"] == "abd45"


def test_bad_date_names_the_flag(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    run = cli("promise", "kept", "dly23", "--date", "24/11/2026")
    assert run.exit_code == 2 and run.stderr.startswith("trustlog: --date:")


def test_marking_twice_says_so_and_keeps_one_file(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    first = cli("promise", "broken", "dly23", "--json").json()
    second = cli("promise", "kept", "dly23", "--note", "made it after all", "--json").json()
    assert (first["action"], second["action"]) == ("created", "updated")
    assert first["id"] == second["id"] and second["outcome"] == "kept"
    assert second["note"] == "made it after all"
    assert [f for f in all_files(journal) if "-mark-" in f] == [
        f"2026/11/2026-11-24-mark-{first['id']}.md"
    ]


def test_retire_keeps_history(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    put_mark(journal, "dly23", "2026-11-23")
    run = cli("promise", "retire", "dly23")
    assert run.exit_code == 0 and "Its history stays" in run.stderr
    assert "already retired" in cli("promise", "retire", "dly23").stderr
    [item] = cli("promise", "list", "--all", "--json").json()
    assert item["retired"] == "2026-11-24" and item["kept"] == 1
    assert "2026/11/2026-11-23-mark-" in " ".join(all_files(journal))
    assert cli("promise", "retire", "dly23", "--json").json()["already_retired"] is True


def test_promise_alone_shows_help(cli):
    run = cli("promise")
    assert run.exit_code == 0
    for command in ("add", "list", "kept", "broken", "retire"):
        assert command in run.stdout


# -- the check-in ------------------------------------------------------------------


def test_checkin_kept_and_broken_record_that_days_marks(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    put_promise(journal, "wkd45", "2026-11-01", every="weekdays")
    data = cli("checkin", "--mood", "4", "--kept", "dly", "--broken", "wkd45", "--json").json()
    assert data["mood"] == 4
    assert [(m["promise"], m["outcome"]) for m in data["promises"]] == [
        ("dly23", "kept"),
        ("wkd45", "broken"),
    ]
    [dly, wkd] = cli("promise", "list", "--json").json()
    assert (dly["today"], wkd["today"]) == ("kept", "broken")


def test_checkin_marks_on_an_earlier_date(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    data = cli("checkin", "--date", "2026-11-20", "--broken", "dly23", "--json").json()
    assert data["date"] == "2026-11-20"
    assert data["promises"][0]["date"] == "2026-11-20"


def test_checkin_with_one_bad_promise_writes_nothing_at_all(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    put_promise(journal, "wkn45", "2026-11-01", every="weekends")
    before = all_files(journal)
    for args in (
        ("--kept", "dly23", "--kept", "nope"),
        ("--kept", "dly23", "--broken", "wkn45"),  # not due on a Tuesday
        ("--kept", "dly23", "--broken", "dly23"),
    ):
        run = cli("checkin", "--mood", "3", *args)
        assert run.exit_code == 2, args
        assert all_files(journal) == before, args
    assert "--broken: the promise 'promise wkn45' (wkn45) is not due on Tuesday 2026-11-24" in (
        cli("checkin", "--broken", "wkn45").stderr.replace("\n", " ")
    )
    assert "--kept: no promise has the id 'nope'" in cli("checkin", "--kept", "nope").stderr


def test_dashboard_lists_due_and_unrecorded_promises(cli, journal):
    put_promise(journal, "dly23", "2026-11-01", text="Text if I'm running late")
    put_promise(journal, "mwf45", "2026-11-01", every="mon,wed,fri", due="19:00", text="Call")
    put_mark(journal, "dly23", "2026-11-24")
    for day in ("18", "19", "20", "21", "22"):
        put_mark(journal, "dly23", f"2026-11-{day}")
    put_mark(journal, "mwf45", "2026-11-20")
    data = cli("--json").json()
    assert [(d["id"], d["status"]) for d in data["promises_due"]] == [("dly23", "kept")]
    assert [(d["id"], d["date"]) for d in data["promises_unrecorded"]] == [
        ("mwf45", "2026-11-18"),
        ("dly23", "2026-11-23"),
        ("mwf45", "2026-11-23"),
    ]
    text = cli().stdout
    assert "Promises due today:" in text and "Not recorded yet from the last few days:" in text
    assert "Mon 23 Nov  Call  mwf45" in text


def test_promise_json_commands_do_not_load_rich_or_questionary(home):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from trustlog.cli.app import app\n"
        "try:\n"
        "    app(['promise', 'list', '--json'], prog_name='trustlog')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rich', 'questionary', 'prompt_toolkit'))\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
    assert done.stderr == "[]"


def test_a_repair_added_later_and_a_mark_given_again_are_worded_plainly(cli, journal):
    put_promise(journal, "dly23", "2026-11-01")
    broken = cli("promise", "broken", "dly23")
    assert 'trustlog promise broken dly23 --date 2026-11-24 --repair "what you did"' in (
        " ".join(broken.stderr.split())
    )
    repaired = cli("promise", "broken", "dly23", "--repair", "called at 7:30")
    said = " ".join(repaired.stderr.split())
    assert "Added a repair to “promise dly23” today: broken, then repaired." in said
    assert "from broken to broken" not in said
    again = cli("promise", "broken", "dly23", "--repair", "called at 7:30")
    assert "“promise dly23” today stays broken, then repaired." in " ".join(again.stderr.split())
    kept = cli("promise", "kept", "dly23")
    assert "from broken, then repaired to kept" in " ".join(kept.stderr.split())
