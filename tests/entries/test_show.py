"""`trustlog show ID` for people: times, spans and references in words; `--json` as stored."""

from __future__ import annotations

import re


def shown(cli, entry_id):
    run = cli("show", entry_id)
    assert run.exit_code == 0 and run.stderr == ""
    return run.stdout


def assert_no_raw_fields(text):
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text), text  # ISO date-times
    assert not re.search(r"\b\d+\.\d\b", text), text  # unrounded minutes: 135.0
    assert not re.search(r"^(recovery minutes|resolved at|created|at|promise):", text, re.M), text


def test_a_trigger_in_local_time_with_its_recovery_in_words(cli, zone):
    zone("Europe/Amsterdam")
    trigger = cli("trigger", "--at", "2026-11-12 21:30", "--what", "saw a message",
                  "--intensity", "6", "--resolved-at", "2026-11-12 23:45", "--no-timer",
                  "--json").json()  # fmt: skip
    text = shown(cli, trigger["id"])
    assert text.splitlines() == [
        f"Trigger, Thursday 12 November 2026  id {trigger['id']}",
        "started:       Thu 12 Nov 2026, 21:30",
        "what:          saw a message",
        "intensity:     6 of 10",
        "settled:       Thu 12 Nov 2026, 23:45",
        "settled after: 2 h 15 min",
    ]
    assert_no_raw_fields(text)
    # the same span, worded the same way as in the list of entries
    assert "settled after 2 h 15 min" in cli("entries").stdout


def test_a_mark_names_its_promise_beside_the_id(cli):
    promise = cli("promise", "add", "Text if running late", "--start", "2026-11-01",
                  "--json").json()["id"]  # fmt: skip
    mark = cli("promise", "broken", promise, "--date", "2026-11-20", "--repair", "called",
               "--json").json()["id"]  # fmt: skip
    text = shown(cli, mark)
    assert f"for the promise: “Text if running late” ({promise})" in text
    assert "outcome:         broken, then repaired" in text
    assert_no_raw_fields(text)
    assert "when: every day\nfrom: Sun 1 Nov 2026\n\nText if running late\n" in shown(cli, promise)


def test_a_check_in_reads_naturally(cli):
    flags = ["--date", "2026-11-21", "--mood", "4", "--trust", "6", "--grateful", "tea",
             "--grateful", "the walk", "--affection", "1", "--detective", "2", "--private",
             "--note", "Calmer."]  # fmt: skip
    checkin = cli("checkin", *flags, "--json").json()
    text = shown(cli, checkin["id"])
    assert text.splitlines() == [
        f"Check-in, Saturday 21 November 2026  id {checkin['id']}",
        "written:        Tue 24 Nov 2026, 20:00",
        "mood:           4 of 5",
        "trust:          6 of 10",
        "grateful for:   tea",
        "                the walk",
        "affection:      1 moment",
        "detective work: 2 moments",
        "Marked private.",
        "",
        "Calmer.",
    ]
    assert_no_raw_fields(text)


def test_a_promise_gone_is_still_named_by_its_id(cli, journal):
    promise = cli("promise", "add", "Call at 7", "--start", "2026-11-01", "--json").json()["id"]
    mark = cli("promise", "kept", promise, "--date", "2026-11-20", "--json").json()["id"]
    # removed by hand (`delete` may take its marks with it)
    next(f.path for f in journal.all_files() if f.id == promise).unlink()
    assert f"for the promise: {promise}\n" in shown(cli, mark)


def test_show_json_is_the_entry_as_stored(cli):
    cli("checkin", "--date", "2026-11-21", "--mood", "4", "--note", "Calmer.")
    (listed,) = cli("entries", "--json").json()
    assert cli("show", listed["id"], "--json").json() == listed
