"""`trustlog checkin` by flags, as a script or a person without prompts would use it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings

from tests.storage.test_document import any_text


def test_a_full_checkin_by_flags_is_saved_and_reads_back(cli, home):
    run = cli(
        "checkin",
        "--mood",
        "4",
        "--feeling",
        "tender, hopeful",
        "--trust",
        "6",
        "--grateful",
        "the coffee",
        "--grateful",
        "a long hug",
        "--care",
        "cooked dinner",
        "--affection",
        "2",
        "--detective",
        "1",
        "--argument",
        "money",
        "--note",
        "We talked about *Sunday*.\n\nIt went well.",
        "--private",
    )
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr.startswith("Saved today's check-in. id ")
    assert "private" in run.stderr
    (entry,) = cli("entries", "--json").json()
    assert entry == {
        "id": entry["id"],
        "kind": "checkin",
        "date": "2026-11-24",
        "created": "2026-11-24T20:00:00+00:00",
        "updated": None,
        "mood": 4,
        "feeling": "tender, hopeful",
        "trust": 6,
        "grateful": ["the coffee", "a long hug"],
        "care": "cooked dinner",
        "affection": 2,
        "detective": 1,
        "arguments": ["money"],
        "note": "We talked about *Sunday*.\n\nIt went well.",
        "private": True,
    }
    (path,) = home.glob("2026/11/2026-11-24-checkin-*.md")
    assert path.read_text().endswith("+++\nWe talked about *Sunday*.\n\nIt went well.")


def test_json_prints_the_id(cli):
    run = cli("checkin", "--mood", "3", "--json")
    data = run.json()
    assert len(data["id"]) == 5
    assert data["action"] == "created"


def test_a_second_checkin_the_same_day_updates_and_says_so(cli):
    first = cli("checkin", "--mood", "2", "--note", "rough morning", "--json").json()
    second = cli("checkin", "--mood", "4", "--trust", "7")
    assert second.exit_code == 0
    assert second.stderr.startswith("Updated today's check-in (mood, trust). id " + first["id"])
    (entry,) = cli("entries", "--json").json()
    assert entry["id"] == first["id"]
    assert (entry["mood"], entry["trust"], entry["note"]) == (4, 7, "rough morning")
    assert entry["updated"] == "2026-11-24T20:00:00+00:00"


def test_catching_up_on_a_missed_day(cli):
    run = cli("checkin", "--date", "2026-11-20", "--mood", "3")
    assert run.exit_code == 0
    assert "Saved your check-in for Friday 20 November 2026." in run.stderr
    assert [e["date"] for e in cli("entries", "--json").json()] == ["2026-11-20"]


def test_hand_edits_survive_a_later_update(cli, home):
    cli("checkin", "--mood", "2", "--note", "first words")
    (path,) = home.glob("2026/11/*.md")
    edited = (
        path.read_text()
        .replace("mood = 2", "mood = 2  # after the call with my sister")
        .replace("first words", "first words, and more I added by hand")
        .replace('kind = "checkin"', 'kind = "checkin"\nweather = "rain"')
    )
    path.write_text(edited)
    assert cli("checkin", "--trust", "5").exit_code == 0
    text = path.read_text()
    assert "# after the call with my sister" in text
    assert 'weather = "rain"' in text
    assert text.endswith("first words, and more I added by hand")
    (entry,) = cli("entries", "--json").json()
    assert entry["weather"] == "rain"
    assert entry["trust"] == 5


# `cli` holds no state between examples; each example gets a journal of its own below.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=any_text, feeling=any_text)
def test_any_text_typed_as_a_flag_survives(cli, note, feeling):
    assume(note.strip() and feeling.strip())  # blank answers count as skipped
    with tempfile.TemporaryDirectory() as folder:
        journal = ("--journal", str(Path(folder) / "journal"))
        data = cli(
            *journal, "checkin", "--date", "2026-11-01", "--note", note, "--feeling", feeling
        )
        assert data.exit_code == 0, data.stderr
        assert data.stderr.startswith("Saved your check-in"), data.stderr  # a new one, every time
        (entry,) = cli(*journal, "entries", "--json").json()
    # A CR before a newline is a line end (issue 17): the note keeps every other character.
    assert (entry["note"], entry["feeling"]) == (note.replace("\r\n", "\n"), feeling)


def test_no_flags_without_a_terminal_is_an_error_and_writes_nothing(cli, home):
    run = cli("checkin")
    assert run.exit_code == 2
    assert "Nothing to record" in run.stderr
    assert not home.exists()


def test_only_private_or_date_is_still_nothing_to_record(cli, home):
    assert cli("checkin", "--private").exit_code == 2
    assert cli("checkin", "--date", "2026-11-20").exit_code == 2
    assert not home.exists()


BAD = [
    (["--mood", "0"], "--mood: please give a whole number from 1 to 5 (got 0)."),
    (["--mood", "6"], "--mood: please give a whole number from 1 to 5 (got 6)."),
    (["--trust", "11"], "--trust: please give a whole number from 0 to 10 (got 11)."),
    (["--trust", "-1"], "--trust: please give a whole number from 0 to 10 (got -1)."),
    (["--affection", "-2"], "--affection: please give a whole number from 0 to 1000 (got -2)."),
    (["--date", "2026-02-30", "--mood", "3"], "--date: '2026-02-30' is not a date I can read."),
    (["--date", "24/11/2026", "--mood", "3"], "--date: '24/11/2026' is not a date I can read."),
    (
        ["--grateful", "a", "--grateful", "b", "--grateful", "c", "--grateful", "d"],
        "--grateful: up to 3 things, please (got 4).",
    ),
]


def test_bad_input_is_named_kindly_and_nothing_is_written(cli, home):
    for args, message in BAD:
        run = cli("checkin", *args)
        assert run.exit_code == 2, args
        assert run.stderr.startswith(f"trustlog: {message}"), run.stderr
        assert "Traceback" not in run.stderr
    assert not home.exists()


def test_a_number_that_is_not_a_number_names_the_flag(cli, home):
    run = cli("checkin", "--mood", "good")
    assert run.exit_code == 2
    assert "--mood" in run.stderr
    assert not home.exists()


def test_a_second_checkin_adds_to_what_accumulates_and_replaces_the_rest(cli, home):
    cli(
        "checkin",
        "--mood",
        "2",
        "--note",
        "Rough morning.",
        "--argument",
        "money",
        "--grateful",
        "tea",
    )
    second = cli(
        "checkin",
        "--mood",
        "3",
        "--note",
        "A calm evening.",
        "--argument",
        "the phone",
        "--argument",
        "money",
        "--grateful",
        "tea",
        "--grateful",
        "a walk",
        "--json",
    ).json()
    assert second["action"] == "updated"
    assert second["changed"] == ["mood", "grateful", "arguments", "note"]
    assert second["mood"] == 3
    assert second["arguments"] == ["money", "the phone"]  # money is not added twice
    assert second["grateful"] == ["tea", "a walk"]
    assert second["note"] == "Rough morning.\n\nA calm evening."
    (path,) = home.glob("2026/11/2026-11-24-checkin-*.md")
    assert path.read_text().endswith("+++\nRough morning.\n\nA calm evening.")


def test_the_update_message_names_only_what_changed(cli):
    cli("checkin", "--mood", "2", "--trust", "5", "--note", "first")
    run = cli("checkin", "--mood", "2", "--trust", "6", "--note", "first")
    assert run.stderr.startswith("Updated today's check-in (trust). id ")


def test_an_update_that_changes_nothing_says_so_and_writes_nothing(cli, home):
    cli("checkin", "--mood", "2", "--note", "first", "--argument", "money")
    (path,) = home.glob("2026/11/*.md")
    before = path.read_bytes()
    run = cli("checkin", "--mood", "2", "--note", "first", "--argument", "money", "--json")
    assert (run.json()["action"], run.json()["changed"]) == ("unchanged", [])
    assert path.read_bytes() == before
    plain = cli("checkin", "--mood", "2")
    assert plain.stderr.startswith(
        "Nothing new for today's check-in: it already holds all of that."
    )


def test_three_appreciations_per_checkin_and_more_through_the_day(cli):
    cli("checkin", "--grateful", "a", "--grateful", "b", "--grateful", "c")
    data = cli("checkin", "--grateful", "d", "--json").json()
    assert data["grateful"] == ["a", "b", "c", "d"]
    (entry,) = cli("entries", "--json").json()
    assert entry["grateful"] == ["a", "b", "c", "d"]


def test_a_created_checkin_names_what_it_holds(cli):
    data = cli("checkin", "--mood", "3", "--note", "hi", "--json").json()
    assert (data["action"], data["changed"]) == ("created", ["mood", "note"])
