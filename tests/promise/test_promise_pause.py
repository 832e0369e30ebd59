"""Promises on pause: a paused day is not scheduled, so never due, never unrecorded, in no figure.

Today is Tuesday 2026-11-24 (conftest). The promise `dly23` is daily from 1 November.
"""

from __future__ import annotations

import pytest

from tests.support.promise_helpers import put_mark, put_promise


@pytest.fixture
def daily(journal):
    return put_promise(journal, "dly23", "2026-11-01", text="Phone face-up at dinner")


def listed(cli):
    [item] = cli("promise", "list", "--json").json()
    return item


def test_pause_and_resume_keep_the_days_in_the_promise_file(cli, home, daily):
    paused = cli(
        "promise",
        "pause",
        "dly23",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-20",
        "--note",
        "away",
        "--json",
    ).json()
    assert paused["action"] == "paused"
    assert paused["paused"] == [{"from": "2026-11-16", "to": "2026-11-20", "note": "away"}]
    text = (home / "promises" / "promise-dly23.md").read_text()
    assert 'paused = [\n    { from = 2026-11-16, to = 2026-11-20, note = "away" },\n]' in text
    opened = cli("promise", "pause", "dly23", "--json").json()  # from today, open-ended
    assert opened["paused"][1] == {"from": "2026-11-24", "to": None}
    assert listed(cli)["paused"] == [
        {"from": "2026-11-16", "to": "2026-11-20", "note": "away"},
        {"from": "2026-11-24", "to": None},
    ]
    resumed = cli("promise", "resume", "dly23", "--date", "2026-11-26", "--json").json()
    assert resumed["action"] == "resumed"
    assert resumed["paused"][1] == {"from": "2026-11-24", "to": "2026-11-25"}


def test_paused_days_are_never_due_nor_unrecorded_and_count_in_no_figure(cli, journal, daily):
    for day in range(1, 16):
        put_mark(journal, "dly23", f"2026-11-{day:02d}")
    put_mark(journal, "dly23", "2026-11-23", "broken")
    before = cli("report", "--json").json()["promises"]
    assert (before["kept"], before["broken"], before["unrecorded"]) == (15, 1, 7)
    cli("promise", "pause", "dly23", "--from", "2026-11-16", "--to", "2026-11-22")
    cli("promise", "pause", "dly23")  # today, open-ended
    after = cli("report", "--json").json()["promises"]  # the report's cache is not stale
    assert (after["kept"], after["broken"], after["unrecorded"]) == (15, 1, 0)
    assert after["follow_through"] == before["follow_through"] == 15 / 16
    assert after["strength"] == before["strength"]
    item = listed(cli)
    assert (item["kept"], item["broken"], item["unrecorded"]) == (15, 1, 0)
    assert item["today"] == "paused"
    assert {c["status"] for c in item["calendar"] if "2026-11-16" <= c["date"] <= "2026-11-22"} == {
        "paused"
    }
    board = cli("--json").json()
    assert board["promises_due"] == [] and board["promises_unrecorded"] == []
    assert cli("catchup", "--json").json()["unrecorded"] == []
    shown = cli("promise", "list").stdout
    assert "every day · paused since Tue 24 Nov" in shown


def test_a_paused_day_cannot_be_marked(cli, daily):
    cli("promise", "pause", "dly23", "--from", "2026-11-20", "--to", "2026-11-22")
    run = cli("promise", "kept", "dly23", "--date", "2026-11-21")
    assert run.exit_code == 2
    assert "is paused on Saturday 2026-11-21" in run.stderr
    assert "trustlog promise resume dly23 --date 2026-11-21" in run.stderr
    run = cli("checkin", "--mood", "3", "--date", "2026-11-21", "--kept", "dly23")
    assert run.exit_code == 2 and "--kept" in run.stderr


def test_a_pause_never_hides_a_recorded_day(cli, journal, daily):
    put_mark(journal, "dly23", "2026-11-18")
    run = cli("promise", "pause", "dly23", "--from", "2026-11-16", "--to", "2026-11-20")
    assert run.exit_code == 2
    assert "--from: 2026-11-18 is already recorded (kept)" in run.stderr
    assert "--from 2026-11-19" in run.stderr
    assert listed(cli)["paused"] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--from", "2026-11-20", "--to", "2026-11-19"], "--to: 2026-11-19 is before"),
        (["--from", "20 Nov"], "--from"),
        (["--to", "soon"], "--to"),
    ],
)
def test_bad_pause_flags_write_nothing(cli, home, daily, args, said):
    before = (home / "promises" / "promise-dly23.md").read_bytes()
    run = cli("promise", "pause", "dly23", *args)
    assert run.exit_code == 2 and said in run.stderr
    assert (home / "promises" / "promise-dly23.md").read_bytes() == before


def test_overlapping_pauses_are_refused_and_the_same_one_is_already_there(cli, daily):
    assert (
        cli("promise", "pause", "dly23", "--from", "2026-11-20", "--to", "2026-11-22").exit_code
        == 0
    )
    again = cli("promise", "pause", "dly23", "--from", "2026-11-20", "--to", "2026-11-22")
    assert again.exit_code == 0 and again.stderr.startswith("Already paused:")
    overlap = cli("promise", "pause", "dly23", "--from", "2026-11-22")
    assert overlap.exit_code == 2
    assert "already paused from 2026-11-20 to 2026-11-22" in overlap.stderr


def test_resume_without_a_pause_is_bad_input_and_before_it_began_removes_it(cli, daily):
    run = cli("promise", "resume", "dly23")
    assert run.exit_code == 2 and "is not paused on 2026-11-24" in run.stderr
    cli("promise", "pause", "dly23", "--from", "2026-11-28")  # planned: away from Saturday
    cancelled = cli("promise", "resume", "dly23", "--json").json()
    assert (cancelled["action"], cancelled["paused"]) == ("cancelled", [])


def test_a_retired_promise_is_not_paused(cli, daily):
    cli("promise", "retire", "dly23")
    run = cli("promise", "pause", "dly23")
    assert run.exit_code == 2 and "was retired on 2026-11-24" in run.stderr


def test_a_hand_edit_of_the_promise_survives_a_pause(cli, home, daily):
    path = home / "promises" / "promise-dly23.md"
    path.write_text(path.read_text().replace('every = "daily"', 'every = "daily"  # agreed Sunday'))
    cli("promise", "pause", "dly23", "--from", "2026-11-20", "--to", "2026-11-22")
    text = path.read_text()
    assert "# agreed Sunday" in text and "from = 2026-11-20" in text


@pytest.mark.parametrize(
    "bad",
    [
        'paused = "away"',
        "paused = [{ to = 2026-11-20 }]",
        'paused = [{ from = "2026-11-20" }]',
        "paused = [{ from = 2026-11-20, to = 2026-11-19 }]",
    ],
)
def test_a_damaged_pause_names_the_file_and_line(cli, home, daily, bad):
    path = home / "promises" / "promise-dly23.md"
    lines = path.read_text().split("\n")
    lines.insert(3, bad)
    path.write_text("\n".join(lines))
    before = path.read_bytes()
    run = cli("promise", "list")
    assert run.exit_code == 1
    assert "promise-dly23.md, line 4: 'paused'" in run.stderr
    assert path.read_bytes() == before
