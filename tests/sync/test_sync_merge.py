"""trustlog's merge rules, on two and three devices sharing one bare repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.sync_helpers import Device, bare


@pytest.fixture
def paired(laptop: Device, desk: Device, remote: Path, at) -> tuple[Device, Device]:
    """Two devices holding one journal: a promise and yesterday's check-in, in step."""
    at("2026-11-23T20:00:00+00:00")
    laptop.ok("promise", "add", "Call at seven", "--every", "daily", "--start", "2026-11-01")
    laptop.ok("checkin", "--mood", "3", "--note", "Sunday")
    laptop.ok("sync", "setup", str(remote))
    desk.ok("sync", "setup", str(remote))
    return laptop, desk


def converge(*devices: Device) -> list[dict]:
    """Sync each device in turn, twice round, and check they hold the same journal."""
    for _ in range(2):
        for device in devices:
            device.sync()
    first = devices[0].entries()
    for device in devices[1:]:
        assert device.entries() == first  # byte for byte
    return json.loads(first)


def of_kind(entries: list[dict], kind: str) -> list[dict]:
    return [entry for entry in entries if entry["kind"] == kind]


def promise_id(device: Device) -> str:
    return str(device("promise", "list", "--json").json()[0]["id"])


def test_two_check_ins_of_one_day_on_two_devices_become_one(paired, at):
    laptop, desk = paired
    at("2026-11-24T08:00:00+00:00")
    laptop.ok(
        "checkin",
        "--mood",
        "2",
        "--trust",
        "4",
        "--note",
        "a hard morning",
        "--grateful",
        "coffee",
        "--argument",
        "money",
    )
    at("2026-11-24T21:00:00+00:00")
    desk.ok("checkin", "--mood", "4", "--note", "a kind evening", "--grateful", "the walk")
    first = laptop.sync()
    assert first["received"] == 0
    joined = desk.sync()
    assert len(joined["merged"]) == 1 and joined["conflicts"] == []
    entries = converge(laptop, desk)
    today = [e for e in of_kind(entries, "checkin") if e["date"] == "2026-11-24"]
    assert len(today) == 1
    day = today[0]
    assert day["id"] == joined["merged"][0]
    assert day["mood"] == 4  # from the later-written one
    assert day["trust"] == 4  # only the earlier one gave it
    assert day["note"] == "a hard morning\n\na kind evening"
    assert day["grateful"] == ["coffee", "the walk"]
    assert day["arguments"] == ["money"]
    assert day["created"] == "2026-11-24T08:00:00+00:00"
    assert day["updated"] == "2026-11-24T21:00:00+00:00"
    assert of_kind(entries, "conflict") == []


def test_one_check_in_added_to_on_both_devices_keeps_both_additions(paired, at):
    laptop, desk = paired
    at("2026-11-23T21:00:00+00:00")
    laptop.ok("checkin", "--date", "2026-11-23", "--note", "from the laptop", "--private")
    at("2026-11-23T22:00:00+00:00")
    desk.ok("checkin", "--date", "2026-11-23", "--note", "from the desk", "--trust", "6")
    laptop.sync()
    done = desk.sync()
    assert done["conflicts"] == [] and len(done["merged"]) == 1
    entries = converge(laptop, desk)
    (day,) = of_kind(entries, "checkin")
    assert day["note"] == "Sunday\n\nfrom the laptop\n\nfrom the desk"
    assert (day["mood"], day["trust"], day["private"]) == (3, 6, True)


def test_the_same_promise_day_marked_on_both_keeps_the_later(paired, at):
    laptop, desk = paired
    promise = promise_id(laptop)
    at("2026-11-24T09:00:00+00:00")
    laptop.ok("promise", "kept", promise, "--date", "2026-11-24")
    at("2026-11-24T10:00:00+00:00")
    desk.ok("promise", "broken", promise, "--date", "2026-11-24", "--repair", "called at 8")
    desk.sync()
    done = laptop.sync()
    assert len(done["merged"]) == 1 and done["conflicts"] == []
    entries = converge(laptop, desk)
    (mark,) = of_kind(entries, "mark")
    assert (mark["outcome"], mark["repair"]) == ("broken", "called at 8")


def test_a_mark_left_out_with_words_of_its_own_is_kept_as_a_conflict_copy(paired, at):
    laptop, desk = paired
    promise = promise_id(laptop)
    at("2026-11-24T09:00:00+00:00")
    laptop.ok("promise", "broken", promise, "--date", "2026-11-24", "--note", "the train")
    at("2026-11-24T10:00:00+00:00")
    desk.ok("promise", "kept", promise, "--date", "2026-11-24")
    laptop.sync()
    done = desk.sync()
    assert len(done["conflicts"]) == 1
    entries = converge(laptop, desk)
    (mark,) = of_kind(entries, "mark")
    assert mark["outcome"] == "kept"
    (copy,) = of_kind(entries, "conflict")
    assert copy["of_kind"] == "mark" and "the train" in copy["text"]


def test_an_entry_changed_on_both_keeps_the_later_change_and_a_conflict_copy(paired, at):
    laptop, desk = paired
    laptop.ok("trigger", "--at", "2026-11-23 18:00", "--what", "an old photo", "--no-timer")
    laptop.sync()
    desk.sync()
    trigger = of_kind(json.loads(desk.entries()), "trigger")[0]["id"]
    at("2026-11-24T09:00:00+00:00")
    laptop.ok("trigger", "resolve", trigger, "--at", "2026-11-23 18:40")
    desk.ok("trigger", "resolve", trigger, "--at", "2026-11-23 19:30")
    laptop.sync()
    done = desk.sync()
    assert done["merged"] == [trigger] and len(done["conflicts"]) == 1
    entries = converge(laptop, desk)
    (kept,) = of_kind(entries, "trigger")
    assert kept["resolved_at"] == "2026-11-23T19:30:00+00:00"
    (copy,) = of_kind(entries, "conflict")
    assert copy["of"] == trigger and copy["of_kind"] == "trigger"
    assert "resolved_at = 2026-11-23 18:40:00+00:00" in copy["text"]
    assert copy["written"] == "2026-11-23T18:40:00+00:00"
    assert copy["id"] == done["conflicts"][0]
    # shown on the dashboard until the person deletes it, and the deletion travels
    assert "Sync kept 1 conflict copy" in laptop().stdout
    assert laptop("--json").json()["conflicts"] == 1
    laptop.ok("delete", copy["id"], "--yes")
    entries = converge(laptop, desk)
    assert of_kind(entries, "conflict") == [] and "conflict cop" not in desk().stdout


@pytest.mark.parametrize("deleting", ["laptop", "desk"])
def test_a_delete_against_an_edit_keeps_the_edit(paired, at, deleting):
    laptop, desk = paired
    laptop.ok("trigger", "--at", "2026-11-23 18:00", "--what", "an old photo", "--no-timer")
    converge(laptop, desk)
    trigger = of_kind(json.loads(desk.entries()), "trigger")[0]["id"]
    remover, changer = (laptop, desk) if deleting == "laptop" else (desk, laptop)
    remover.ok("delete", trigger, "--yes")
    changer.ok("trigger", "resolve", trigger, "--at", "2026-11-23 18:30")
    remover.sync()
    changer.sync()
    entries = converge(laptop, desk)
    (kept,) = of_kind(entries, "trigger")
    assert kept["resolved_at"] == "2026-11-23T18:30:00+00:00"


def test_a_removal_on_both_stays_removed(paired):
    laptop, desk = paired
    checkin = of_kind(json.loads(laptop.entries()), "checkin")[0]["id"]
    laptop.ok("delete", checkin, "--yes")
    desk.ok("delete", checkin, "--yes")
    desk.ok("trigger", "--what", "x", "--no-timer")
    assert of_kind(converge(laptop, desk), "checkin") == []


def test_settings_merge_one_by_one(paired):
    laptop, desk = paired
    laptop.ok("init", "--name", "Sam")
    desk.ok("init", "--partner", "Alex")
    sent = laptop("sync")
    said = " ".join(sent.stderr.split())
    assert said.endswith(": no entries changed; 1 file of the journal's settings and sharing did.")
    desk.sync()
    laptop.sync()
    for device in (laptop, desk):
        profile = device("init", "--json").json()
        assert (profile["name"], profile["partner"]) == ("Sam", "Alex")


def test_a_third_device_joining_late_gets_everything_and_adds_its_own(
    paired, tmp_path, cli, remote, at
):
    laptop, desk = paired
    at("2026-11-24T08:00:00+00:00")
    laptop.ok("checkin", "--note", "laptop morning")
    at("2026-11-24T09:00:00+00:00")  # written later: its words come after
    desk.ok("checkin", "--note", "desk morning")
    converge(laptop, desk)
    phone = Device(tmp_path / "phone", cli)
    phone.ok("sync", "setup", str(remote))
    assert phone.entries() == laptop.entries()
    at("2026-11-24T22:00:00+00:00")
    phone.ok("checkin", "--note", "phone night")
    laptop.ok("trigger", "--what", "late", "--no-timer")
    desk.ok("promise", "add", "Walk on Sundays", "--every", "sun")
    entries = converge(laptop, desk, phone)
    (today,) = [e for e in of_kind(entries, "checkin") if e["date"] == "2026-11-24"]
    assert today["note"] == "laptop morning\n\ndesk morning\n\nphone night"
    assert len(of_kind(entries, "promise")) == 2 and len(of_kind(entries, "trigger")) == 1


def test_three_devices_writing_the_same_day_at_once_converge(paired, tmp_path, cli, remote, at):
    laptop, desk = paired
    phone = Device(tmp_path / "phone", cli)
    phone.ok("sync", "setup", str(remote))
    for hour, device in ((7, laptop), (8, desk), (9, phone)):
        at(f"2026-11-24T{hour:02d}:00:00+00:00")
        device.ok("checkin", "--note", f"at {hour}", "--mood", str(hour - 5))
    entries = converge(phone, desk, laptop)
    (today,) = [e for e in of_kind(entries, "checkin") if e["date"] == "2026-11-24"]
    assert today["note"] == "at 7\n\nat 8\n\nat 9" and today["mood"] == 4


def test_a_remote_that_moved_while_this_device_merged_is_fetched_and_merged_again(
    paired, monkeypatch, at
):
    """Another device pushes between this one's fetch and its push: the push is refused,
    so this device fetches and merges again, and never forces."""
    from trustlog.storage import git as storage_git

    laptop, desk = paired
    at("2026-11-24T08:00:00+00:00")
    laptop.ok("checkin", "--note", "laptop words")
    at("2026-11-24T09:00:00+00:00")
    desk.ok("checkin", "--note", "desk words")
    real_push = storage_git.Repo.push
    pushes: list[bool] = []

    def racing_push(repo: storage_git.Repo) -> bool:
        if repo.root == laptop.root.absolute() and not pushes:
            monkeypatch.setattr(storage_git.Repo, "push", real_push)
            desk.sync()  # the desk gets there first
            monkeypatch.setattr(storage_git.Repo, "push", racing_push)
        pushed = real_push(repo)
        if repo.root == laptop.root.absolute():
            pushes.append(pushed)
        return pushed

    monkeypatch.setattr(storage_git.Repo, "push", racing_push)
    laptop.sync()
    assert pushes == [False, True]
    monkeypatch.setattr(storage_git.Repo, "push", real_push)
    entries = converge(laptop, desk)
    (today,) = [e for e in of_kind(entries, "checkin") if e["date"] == "2026-11-24"]
    assert today["note"] == "laptop words\n\ndesk words"


def test_a_remote_replaced_by_another_journal_is_refused_at_sync(paired, tmp_path, cli):
    from tests.support.sync_helpers import git

    laptop, _ = paired
    stranger = Device(tmp_path / "stranger", cli)
    stranger.ok("checkin", "--note", "someone else's")
    other = bare(tmp_path / "other.git")
    stranger.ok("sync", "setup", str(other))
    laptop.ok("checkin", "--note", "mine")
    before = laptop.entries()
    git(laptop.root / ".sync" / "git", "config", "remote.origin.url", str(other))
    run = laptop("sync")
    assert run.exit_code == 2 and "another journal" in run.stderr
    assert laptop.entries() == before
