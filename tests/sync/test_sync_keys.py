"""Partner keys made on two devices before they first synced: the one given out stays, the
other is kept beside it (0600, as encrypted as the journal), and the person is told plainly."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.support.encrypted import copy_to, open_session, templates
from tests.support.sync_helpers import Device, bare, everything_in

KEYS = "sharing-keys.toml"


@pytest.fixture
def their_code(tmp_path: Path, cli) -> str:
    """The partner's own journal's code, for `partner add` (which makes keys, unshown)."""
    partner = Device(tmp_path / "partner", cli)
    return str(partner.ok("partner", "code", "--json").json()["code"])


def code_of(device: Device) -> str:
    return str(device.ok("partner", "code", "--json").json()["fingerprint"])


def fingerprint_unshown(device: Device) -> str:
    """This journal's fingerprint without giving the code out (as `partner code` would)."""
    from trustlog.domain.partner.keys import parse_keys

    return parse_keys((device.root / KEYS).read_bytes(), KEYS).code.fingerprint


def copies(device: Device) -> list[Path]:
    return sorted(device.root.glob(f"{KEYS}.sync-*"))


def test_the_code_already_given_out_is_kept_when_the_other_device_takes_the_journal(
    laptop, desk, remote, their_code, at
):
    at("2026-11-20T09:00:00+00:00")
    laptop.ok("checkin", "--mood", "3")
    given = code_of(laptop)  # shown to the person: given out
    laptop.ok("sync", "setup", str(remote))
    at("2026-11-21T09:00:00+00:00")
    desk.ok("partner", "add", their_code)  # keys made here too, later, never shown
    unshown = fingerprint_unshown(desk)
    assert unshown != given
    taken = desk("sync", "setup", str(remote), "--json").json()
    notice = taken["sharing_keys"]
    assert notice == {
        "kept": given,
        "set_aside": unshown,
        "file": notice["file"],
        "given_out": "kept",
        "check_with_partner": False,
        "settled_here": True,
    }
    assert code_of(desk) == given
    (copy,) = copies(desk)
    assert copy.name == notice["file"]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert fingerprint_unshown(Device(_as_keys(copy, desk.root), desk.cli)) == unshown
    # The laptop is told nothing new (its keys stayed), and gets the copy too.
    synced = laptop.sync()
    assert synced["sharing_keys"] is None
    assert [p.name for p in copies(laptop)] == [copy.name]
    assert code_of(laptop) == given


def _as_keys(copy: Path, root: Path) -> Path:
    """A journal folder holding the set-aside keys in place: the rename a person would do."""
    other = root.parent / f"{root.name}-restored"
    other.mkdir(mode=0o700, exist_ok=True)
    (other / KEYS).write_bytes(copy.read_bytes())
    return other


def test_both_given_out_keeps_the_later_and_tells_the_person_what_to_do(laptop, desk, remote, at):
    at("2026-11-20T09:00:00+00:00")
    laptop.ok("checkin", "--mood", "3")
    first = code_of(laptop)
    laptop.ok("sync", "setup", str(remote))
    at("2026-11-22T09:00:00+00:00")
    later = code_of(desk)
    taken = desk("sync", "setup", str(remote))
    assert taken.exit_code == 0, taken.stderr
    said = " ".join(taken.stderr.split())  # as one line, however the screen wrapped it
    assert "Both of your devices gave out a partner code, and the two differ." in said
    assert f"your partner may hold the other ({first})" in said
    (copy,) = copies(desk)
    assert f"If it is {first}, put those keys back (`mv {copy.name} sharing-keys.toml`" in said
    assert code_of(desk) == later
    # The laptop's code is replaced by the desk's choice: it is told so, in the same words.
    done = laptop("sync", "--json")
    assert done.exit_code == 0, done.stderr
    notice = done.json()["sharing_keys"]
    assert notice["kept"] == later and notice["set_aside"] == first
    assert notice["given_out"] == "both" and notice["check_with_partner"] is True
    assert notice["file"] == copy.name and notice["settled_here"] is False
    assert code_of(laptop) == later
    assert [p.name for p in copies(laptop)] == [copy.name]


def test_keys_put_back_by_hand_are_said_on_the_other_device_and_lose_nothing(
    laptop, desk, remote, at
):
    at("2026-11-20T09:00:00+00:00")
    laptop.ok("checkin", "--mood", "3")
    first = code_of(laptop)
    laptop.ok("sync", "setup", str(remote))
    at("2026-11-22T09:00:00+00:00")
    later = code_of(desk)
    desk.ok("sync", "setup", str(remote))
    laptop.sync()
    (copy,) = copies(laptop)
    copy.rename(laptop.root / KEYS)  # the partner holds the first: put back, as told
    assert laptop.sync()["sharing_keys"] is None  # a change of this device's own
    said = desk("sync")
    assert said.exit_code == 0, said.stderr
    words = " ".join(said.stderr.split())
    assert "This journal's partner keys were changed on another device" in words
    assert f"its code's fingerprint is now {first}" in words
    assert code_of(desk) == first
    kept = {fingerprint_unshown(Device(_as_keys(p, desk.root), desk.cli)) for p in copies(desk)}
    assert later in kept  # the desk's keys, never lost


def test_keys_made_on_both_after_setup_are_settled_by_the_merge(
    laptop, desk, remote, their_code, at
):
    at("2026-11-20T09:00:00+00:00")
    laptop.ok("checkin", "--mood", "3")
    laptop.ok("sync", "setup", str(remote))
    desk.ok("sync", "setup", str(remote))
    at("2026-11-21T09:00:00+00:00")
    desk.ok("partner", "add", their_code)  # made first, never shown
    at("2026-11-21T10:00:00+00:00")
    laptop.ok("partner", "add", their_code)
    made_first = fingerprint_unshown(desk)
    assert laptop.sync()["sharing_keys"] is None  # nothing on the remote yet
    notice = desk.sync()["sharing_keys"]
    assert notice["given_out"] == "neither" and notice["kept"] == made_first
    said = desk("sync")  # in step now: nothing more to say
    assert "partner keys" not in said.stderr
    laptop_notice = laptop.sync()["sharing_keys"]
    assert laptop_notice["kept"] == made_first
    assert laptop_notice["check_with_partner"] is False  # neither was given out
    assert code_of(laptop) == code_of(desk) == made_first
    assert [p.name for p in copies(laptop)] == [p.name for p in copies(desk)]
    assert laptop.entries() == desk.entries()


def test_the_same_keys_noted_as_given_on_both_become_one_file_without_a_copy(
    laptop, desk, remote, their_code, at
):
    at("2026-11-20T09:00:00+00:00")
    laptop.ok("checkin", "--mood", "3")
    laptop.ok("partner", "add", their_code)
    laptop.ok("sync", "setup", str(remote))
    desk.ok("sync", "setup", str(remote))
    at("2026-11-21T09:00:00+00:00")
    shown = code_of(desk)
    at("2026-11-21T10:00:00+00:00")
    assert code_of(laptop) == shown
    laptop.sync()
    assert desk.sync()["sharing_keys"] is None
    laptop.sync()
    assert copies(laptop) == copies(desk) == []
    for device in (laptop, desk):
        assert 'given = "2026-11-21T09:00:00+00:00"' in (device.root / KEYS).read_text()


def test_an_encrypted_journal_never_sends_or_keeps_either_key_in_the_clear(
    tmp_path, cli, tmp_path_factory, monkeypatch, at
):
    _, encrypted, identity = templates(cli, tmp_path_factory, monkeypatch)
    remote = bare(tmp_path / "remote.git")
    laptop, desk = Device(tmp_path / "laptop", cli), Device(tmp_path / "desk", cli)
    copy_to(encrypted, laptop.root)
    at("2026-11-20T09:00:00+00:00")  # the sessions last a day from here
    open_session(laptop.root, identity, minutes=1440)
    laptop.ok("sync", "setup", str(remote))
    open_session(desk.root, identity, minutes=1440)
    desk.ok("sync", "setup", str(remote))
    at("2026-11-20T10:00:00+00:00")
    first = code_of(laptop)
    at("2026-11-20T11:00:00+00:00")
    later = code_of(desk)
    laptop.sync()
    notice = desk.sync()["sharing_keys"]
    assert (notice["kept"], notice["set_aside"]) == (later, first)
    laptop.sync()
    for device in (laptop, desk):
        (copy,) = copies(device)
        assert copy.read_bytes().startswith(b"age-encryption.org/v1")
        assert (device.root / KEYS).read_bytes().startswith(b"age-encryption.org/v1")
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert b"AGE-SECRET-KEY" not in everything_in(device.root / ".sync" / "git")
    assert b"AGE-SECRET-KEY" not in everything_in(remote)
    shown = json.loads(desk("partner", "code", "--json").stdout)["fingerprint"]
    assert shown == later == code_of(laptop)
