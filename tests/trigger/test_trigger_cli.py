"""`trustlog trigger` and `trustlog trigger resolve`, by flags, without a terminal."""

from __future__ import annotations

import pytest

from tests.cli.test_startup import HEAVY, loaded_by
from trustlog.domain.trigger.model import Trigger

ALL_FLAGS = (
    "trigger",
    "--at", "2026-11-24 18:30",
    "--what", "that comment about the phone",
    "--intensity", "7",
    "--facts", "he put the phone face down",
    "--guesses", "that he is hiding something",
    "--reassurance", "he could show me the messages",
    "--repair", "a hug and a walk",
    "--resolved-at", "2026-11-24 19:15",
    "--breathe", "60",
    "--no-timer",
)  # fmt: skip


def stored(journal, entry_id: str) -> Trigger:
    return Trigger.from_document(journal.read(journal.find(entry_id, "trigger")))


def entry_files(home):
    return sorted(home.rglob("*.md"))


def test_every_flag_is_saved(cli, journal):
    run = cli(*ALL_FLAGS, "--json")
    assert run.exit_code == 0
    data = run.json()
    assert data["action"] == "created"
    trigger = stored(journal, data["id"])
    assert trigger.what == "that comment about the phone"
    assert trigger.intensity == 7
    assert trigger.facts == "he put the phone face down"
    assert trigger.guesses == "that he is hiding something"
    assert trigger.reassurance == "he could show me the messages"
    assert trigger.repair == "a hug and a walk"
    assert trigger.at.isoformat() == "2026-11-24T18:30:00+00:00"
    assert trigger.resolved_at.isoformat() == "2026-11-24T19:15:00+00:00"
    assert trigger.breathed_seconds == 60  # no timer: the seconds breathed on one's own
    assert data["recovery_minutes"] == 45.0
    assert journal.find(data["id"]).path.name == f"2026-11-24-trigger-{data['id']}.md"


def test_saved_message_for_a_settled_trigger(cli):
    run = cli(*ALL_FLAGS)
    assert run.exit_code == 0
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert lines[0].startswith("Saved “that comment about the phone” (2026-11-24 18:30). id ")
    assert lines[1] == "It settled after 45 min."


def test_an_open_trigger_says_how_to_close_it(cli):
    run = cli("trigger", "--what", "a late reply")
    assert run.exit_code == 0
    entry_id = run.stderr.split("id ")[1].split()[0]
    assert run.stderr.splitlines()[1:] == [
        "It stays open for now. When it has settled, this records the time:",
        f"  trustlog trigger resolve {entry_id}",
    ]


def test_json_prints_the_id_and_nothing_else(cli, journal):
    run = cli("trigger", "--what", "x", "--json")
    data = run.json()
    assert run.exit_code == 0
    assert set(data) >= {"id", "kind", "at", "resolved_at", "recovery_minutes"}
    assert data["kind"] == "trigger"
    assert data["at"] == "2026-11-24T20:00:00+00:00"
    assert data["resolved_at"] is None and data["recovery_minutes"] is None
    assert stored(journal, data["id"]).what == "x"


def test_private(cli, journal):
    data = cli("trigger", "--what", "x", "--private", "--json").json()
    assert stored(journal, data["id"]).private is True


def test_no_terminal_and_no_flags_has_nothing_to_record(cli, home):
    run = cli("trigger")
    assert run.exit_code == 2
    assert run.stderr.startswith(
        "trustlog: Nothing to record: say what flared up with --what TEXT,"
    )
    assert entry_files(home) == []


def test_only_a_time_or_no_timer_is_still_nothing_to_record(cli, home):
    assert cli("trigger", "--at", "2026-11-24 19:00").exit_code == 2
    assert cli("trigger", "--no-timer", "--json").exit_code == 2
    assert entry_files(home) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--at", "yesterday"), "--at: 'yesterday' is not a time I can read."),
        (("--at", "2026-11-24"), "--at: '2026-11-24' is not a time I can read."),
        (("--at", "2026-11-31 10:00"), "--at: '2026-11-31 10:00' is not a time I can read."),
        (("--at", "2026-11-25 09:00"), "--at: 2026-11-25 09:00 has not come yet"),
        (("--resolved-at", "soon"), "--resolved-at: 'soon' is not a time I can read."),
        (
            ("--at", "2026-11-24 19:00", "--resolved-at", "2026-11-24 18:59"),
            "--resolved-at: 2026-11-24 18:59 is before the trigger started (2026-11-24 19:00).",
        ),
        (("--resolved-at", "2026-11-24 19:00"), "--resolved-at: 2026-11-24 19:00 is before"),
        (("--intensity", "11"), "--intensity: please give a whole number from 0 to 10 (got 11)."),
        (("--breathe", "0"), "--breathe: please give a whole number from 1 to 3600 (got 0)."),
        (("--pace", "fast"), "--pace: please choose steady or calm (got 'fast')."),
    ],
)
def test_bad_input_names_the_flag_and_writes_nothing(cli, home, args, message):
    run = cli("trigger", "--what", "x", *args)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"trustlog: {message}")
    assert "Traceback" not in run.stderr
    assert entry_files(home) == []


def test_intensity_must_be_a_number(cli, home):
    run = cli("trigger", "--what", "x", "--intensity", "high")
    assert run.exit_code == 2
    assert "--intensity" in run.stderr
    assert entry_files(home) == []


def test_recovery_across_a_clock_change_through_the_command(cli, zone, at):
    zone("Europe/Amsterdam")
    at("2026-10-25T12:00:00+01:00")
    data = cli(
        "trigger", "--what", "x", "--at", "2026-10-25 01:30", "--resolved-at", "2026-10-25 03:30",
        "--json",
    ).json()  # fmt: skip
    assert data["at"] == "2026-10-25T01:30:00+02:00"
    assert data["resolved_at"] == "2026-10-25T03:30:00+01:00"
    assert data["recovery_minutes"] == 180.0


def test_resolve_later(cli, journal, at):
    created = cli("trigger", "--what", "x", "--at", "2026-11-24 19:00", "--json").json()
    at("2026-11-24T19:40:00+00:00")
    run = cli("trigger", "resolve", created["id"])
    assert run.exit_code == 0
    assert run.stderr == "Marked settled: “x”, 40 min after it started.\n"
    assert stored(journal, created["id"]).recovery_minutes == 40.0


def test_resolve_at_a_time_as_json(cli, journal):
    created = cli("trigger", "--what", "x", "--at", "2026-11-24 19:00", "--json").json()
    data = cli("trigger", "resolve", created["id"], "--at", "2026-11-24 19:30", "--json").json()
    assert data["id"] == created["id"]
    assert data["action"] == "resolved"
    assert data["resolved_at"] == "2026-11-24T19:30:00+00:00"
    assert data["recovery_minutes"] == 30.0


def test_resolve_again_keeps_the_time_and_says_so(cli, journal):
    created = cli(*ALL_FLAGS, "--json").json()
    run = cli("trigger", "resolve", created["id"])
    assert run.exit_code == 0
    assert run.stderr.splitlines() == [
        "Already marked settled at 2026-11-24 19:15, 45 min after it started.",
        f"To change the time: trustlog trigger resolve {created['id']} --at 'YYYY-MM-DD HH:MM'",
    ]
    assert stored(journal, created["id"]).recovery_minutes == 45.0
    data = cli("trigger", "resolve", created["id"], "--json").json()
    assert data["action"] == "unchanged"


def test_resolve_again_with_a_time_corrects_it(cli, journal):
    created = cli(*ALL_FLAGS, "--json").json()
    run = cli("trigger", "resolve", created["id"], "--at", "2026-11-24 19:30")
    assert run.exit_code == 0
    assert run.stderr == (
        "Marked settled: “that comment about the phone”, 1 h after it started.\n"
        "(It had been marked settled at 2026-11-24 19:15.)\n"
    )
    data = cli("trigger", "resolve", created["id"], "--at", "2026-11-24 19:20", "--json").json()
    assert data["action"] == "updated"
    assert data["recovery_minutes"] == 50.0


def test_resolve_before_it_started(cli, journal):
    created = cli("trigger", "--what", "x", "--at", "2026-11-24 19:00", "--json").json()
    before = journal.find(created["id"]).path.read_bytes()
    run = cli("trigger", "resolve", created["id"], "--at", "2026-11-24 18:00")
    assert run.exit_code == 2
    assert run.stderr.startswith("trustlog: --at: 2026-11-24 18:00 is before the trigger started")
    assert journal.find(created["id"]).path.read_bytes() == before


def test_resolve_bad_time(cli):
    created = cli("trigger", "--what", "x", "--json").json()
    run = cli("trigger", "resolve", created["id"], "--at", "tonight")
    assert run.exit_code == 2
    assert run.stderr.startswith("trustlog: --at: 'tonight' is not a time I can read.")


def test_resolve_unknown_id(cli):
    run = cli("trigger", "resolve", "zzzzz")
    assert run.exit_code == 2
    assert run.stderr == (
        "trustlog: No trigger has the id 'zzzzz'.\n  `trustlog entries` lists the ids.\n"
    )


def test_resolve_only_triggers(cli):
    checkin = cli("checkin", "--mood", "3", "--json").json()
    run = cli("trigger", "resolve", checkin["id"])
    assert run.exit_code == 2
    assert f"No trigger has the id '{checkin['id']}'." in run.stderr


def test_flags_for_a_new_trigger_do_not_mix_with_resolve(cli):
    created = cli("trigger", "--what", "x", "--json").json()
    run = cli("trigger", "--what", "y", "resolve", created["id"])
    assert run.exit_code == 2
    assert run.stderr.startswith("trustlog: --what belongs to a new trigger")


def test_triggers_show_up_in_entries(cli):
    created = cli(*ALL_FLAGS, "--json").json()
    listed = cli("entries", "--kind", "trigger", "--json").json()
    assert [entry["id"] for entry in listed] == [created["id"]]
    assert listed[0]["recovery_minutes"] == 45.0
    run = cli("entries", "--kind", "trigger")
    assert "that comment about the phone · settled after 45 min" in run.stdout


def test_help_names_every_flag(cli):
    run = cli("trigger", "--help")
    assert run.exit_code == 0
    for flag in (
        "--at", "--what", "--intensity", "--facts", "--guesses", "--reassurance", "--repair",
        "--resolved-at", "--breathe", "--pace", "--no-timer", "--json", "resolve",
    ):  # fmt: skip
        assert flag in run.stdout
    assert cli("trigger", "resolve", "--help").exit_code == 0


def test_help_and_a_trigger_by_flags_stay_light(home):
    assert loaded_by(["trigger", "--help"], home).isdisjoint(HEAVY)
    assert loaded_by(["trigger", "resolve", "--help"], home).isdisjoint(HEAVY)
    loaded = loaded_by(["trigger", "--what", "x", "--no-timer", "--json"], home)
    assert loaded.isdisjoint({"questionary", "prompt_toolkit", "rich"})
    assert "fcntl" in loaded  # the probe really saved a trigger (under the lock)
