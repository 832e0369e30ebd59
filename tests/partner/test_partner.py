"""Sharing with a partner: codes, shares made and received, what is refused, what never goes."""

from __future__ import annotations

import json
import re
import stat

import pytest

from tests.support.partner_helpers import pair, person, tree
from trustlog.domain.partner import code as codes

# -- the code ---------------------------------------------------------------------


def test_the_code_is_made_once_and_reads_back(cli, tmp_path):
    alex = person(cli, tmp_path, "alex")
    first = alex.json("partner", "code")
    assert first == alex.json("partner", "code")
    assert first["code"].startswith("trustlog1") and first["code"].isalnum()
    assert len(first["fingerprint"].split()) == 6
    parsed = codes.parse(first["code"].upper()[:40] + "\n " + first["code"][40:])
    assert parsed.text == first["code"]
    assert parsed.fingerprint == first["fingerprint"]
    keys = alex.home / "sharing-keys.toml"
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert "AGE-SECRET-KEY-1" in keys.read_text()


def test_the_word_list_has_one_word_a_byte():
    assert len(codes.WORDS) == 256 == len(set(codes.WORDS))


@pytest.mark.parametrize(
    "damage",
    [
        lambda code: code[:-1],
        lambda code: code[:50] + ("a" if code[50] != "a" else "b") + code[51:],
        lambda code: code[:-3] + ("q" if code[-3] != "q" else "r") + code[-2:],
        lambda code: "trustlog2" + code[9:],
        lambda code: "",
    ],
    ids=["cut", "typo in the key", "typo in the tail", "another prefix", "empty"],
)
def test_a_damaged_code_is_bad_input_and_nothing_is_saved(cli, tmp_path, damage):
    alex, sam = person(cli, tmp_path, "alex"), person(cli, tmp_path, "sam")
    code = sam.code
    alex.code  # noqa: B018 (makes Alex's keys)
    before = tree(alex.home)
    done = alex("partner", "add", damage(code))
    assert done.exit_code == 2
    assert "CODE: that is not a whole partner code" in done.stderr
    assert "Traceback" not in done.stderr
    assert tree(alex.home) == before


def test_adding_gives_the_fingerprint_the_other_side_reads_aloud(cli, tmp_path):
    alex, sam = person(cli, tmp_path, "alex"), person(cli, tmp_path, "sam")
    theirs = sam.json("partner", "code")
    added = alex.json("partner", "add", theirs["code"], "--name", "Sam")
    assert added == {"name": "Sam", "fingerprint": theirs["fingerprint"]}


def test_a_journal_cannot_add_its_own_code(cli, tmp_path):
    alex = person(cli, tmp_path, "alex")
    done = alex("partner", "add", alex.code)
    assert done.exit_code == 2
    assert "own code" in done.stderr


def test_one_partner_at_a_time(cli, tmp_path):
    alex, _ = pair(cli, tmp_path)
    other = person(cli, tmp_path, "kim")
    done = alex("partner", "add", other.code)
    assert done.exit_code == 2
    assert "partner remove" in done.stderr


# -- a share, both ways ---------------------------------------------------------------


def _promises(alex):
    late = alex.json("promise", "add", "Text if I'm running late", "--start", "2026-11-02")["id"]
    call = alex.json(
        "promise", "add", "Call at 7:00", "--every", "weekdays", "--start", "2026-11-16"
    )["id"]
    assert alex("promise", "kept", late, "--date", "2026-11-23").exit_code == 0
    assert (
        alex(
            "promise",
            "broken",
            late,
            "--date",
            "2026-11-22",
            "--repair",
            "called from the bus",
            "--note",
            "NOTEWORDS about why",
        ).exit_code
        == 0
    )
    assert alex("promise", "broken", call, "--date", "2026-11-20").exit_code == 0
    assert alex("promise", "kept", call, "--date", "2026-11-23").exit_code == 0
    return late, call


def test_promises_travel_with_their_days_and_figures(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    late, call = _promises(alex)
    made = alex.json("share", "--yes", "--output", str(alex.out / "s.age"))
    assert made == {
        "file": str(alex.out / "s.age"),
        "items": {"promises": 2},
        "from": "2026-10-28",
        "to": "2026-11-24",
    }
    got = sam.json("receive", str(alex.out / "s.age"))
    assert got == {
        "from": "Alex",
        "made": "2026-11-24T20:00:00+00:00",
        "items": {"promises": 2},
        "new": 2,
        "replaced": 0,
    }
    shown = sam.json("partner")
    assert shown["name"] == "Alex"
    assert shown["received"] == "2026-11-24T20:00:00+00:00"
    by_id = {item["id"]: item for item in shown["promises"]}
    assert by_id[call]["follow_through"] == 0.5
    days = {day["date"]: day for day in by_id[late]["days"]}
    assert days["2026-11-22"] == {
        "date": "2026-11-22",
        "status": "repaired",
        "repair": "called from the bus",
    }
    assert days["2026-11-23"]["status"] == "kept"
    assert days["2026-11-02"]["status"] == "unrecorded"
    assert "2026-11-01" not in days
    assert by_id[late]["follow_through"] == 0.5
    assert 0 < by_id[late]["strength"] < 1
    # Theirs count in none of Sam's own figures.
    assert sam.json("report")["promises"]["kept"] == 0
    assert sam.json("entries") == []


def test_their_strength_is_shown_once_it_means_something(cli, tmp_path):
    """As in `promise list`: a few recorded days lead with follow-through alone."""
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    alex.json("share", "--yes", "--output", str(alex.out / "s.age"))
    sam.json("receive", str(alex.out / "s.age"))
    shown = sam("partner").stdout
    assert "follow-through 50%" in shown and "strength from day 14" in shown
    assert re.search(r"strength \d", shown) is None
    assert all(item["strength"] is not None for item in sam.json("partner")["promises"])


def test_receiving_the_same_share_twice_adds_nothing(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    path = alex.share("s.age")
    assert sam.json("receive", str(path))["new"] == 2
    before = tree(sam.home)
    again = sam.json("receive", str(path))
    assert (again["new"], again["replaced"]) == (0, 0)
    assert tree(sam.home) == before


def test_a_newer_share_replaces_the_kinds_it_carries(cli, tmp_path, at):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    alex.json("checkin", "--mood", "4", "--trust", "6")
    first = alex.share("one.age", "--what", "promises", "--what", "checkins")
    at("2026-11-25T09:00:00+00:00")
    alex.json("promise", "add", "Share my calendar", "--start", "2026-11-25")
    second = alex.share("two.age")
    sam.json("receive", str(first))
    got = sam.json("receive", str(second))
    assert got["items"] == {"promises": 3}
    assert (got["new"], got["replaced"]) == (1, 2)
    shown = sam.json("partner")
    assert len(shown["promises"]) == 3
    assert shown["checkins"] == [{"date": "2026-11-24", "mood": 4, "trust": 6}]


# -- what is refused, and changes nothing ------------------------------------------------


def _refused(person, path, words):
    before = tree(person.home)
    done = person("receive", str(path))
    assert done.exit_code == 2, done.stderr
    assert words in done.stderr
    assert "Nothing was stored." in done.stderr
    assert "Traceback" not in done.stderr
    assert tree(person.home) == before


def test_a_changed_byte_is_refused(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    path = alex.share("s.age")
    data = bytearray(path.read_bytes())
    for where in (len(data) // 2, len(data) - 3):
        changed = tmp_path / f"changed-{where}.age"
        copy = bytearray(data)
        copy[where] ^= 0x01
        changed.write_bytes(bytes(copy))
        _refused(sam, changed, "This share was refused")


def test_a_cut_file_is_refused(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    path = alex.share("s.age")
    cut = tmp_path / "cut.age"
    cut.write_bytes(path.read_bytes()[:-20])
    _refused(sam, cut, "damaged")
    empty = tmp_path / "empty.age"
    empty.write_bytes(b"")
    _refused(sam, empty, "This share was refused")


def test_a_share_for_another_journal_is_refused(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    kim = person(cli, tmp_path, "kim")
    kim("partner", "add", alex.code)
    alex("partner", "remove", "--yes")
    alex("partner", "add", kim.code)
    for_kim = alex.share("for-kim.age")
    alex("partner", "remove", "--yes")
    alex("partner", "add", sam.code, "--name", "Sam")
    _refused(sam, for_kim, "not made for this journal")


def test_a_share_signed_by_anyone_but_the_partner_is_refused(cli, tmp_path):
    _, sam = pair(cli, tmp_path)
    kim = person(cli, tmp_path, "kim")
    kim("partner", "add", sam.code)  # Kim has Sam's code, and seals a share for Sam
    kim.json("promise", "add", "A forged promise")
    forged = kim.share("forged.age")
    _refused(sam, forged, "not signed by Alex's key")


def test_a_replayed_older_share_is_ignored(cli, tmp_path, at):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    older = alex.share("older.age")
    at("2026-11-25T09:00:00+00:00")
    newer = alex.share("newer.age")
    sam.json("receive", str(newer))
    before = tree(sam.home)
    got = sam.json("receive", str(older))
    assert (got["new"], got["replaced"]) == (0, 0)
    assert tree(sam.home) == before


def test_without_a_partner_nothing_is_shared_or_received(cli, tmp_path, folder):
    alex, _ = pair(cli, tmp_path)
    path = alex.share("s.age")
    loner = person(cli, tmp_path, "loner")
    loner("checkin", "--mood", "3")
    before = tree(loner.home)
    for args in (["share", "--yes"], ["share"]):
        done = loner(*args)
        assert done.exit_code == 2
        assert "trustlog partner add" in done.stderr
    assert list(folder.iterdir()) == []
    done = loner("receive", str(path))
    assert done.exit_code == 2
    assert "trustlog partner add" in done.stderr
    assert tree(loner.home) == before


def test_no_partner_for_partner_show_and_contract_agree(cli, tmp_path):
    loner = person(cli, tmp_path, "loner")
    assert "trustlog partner add" in loner("partner").stderr
    done = loner("contract", "agree")
    assert done.exit_code == 2
    assert "trustlog receive" in done.stderr


# -- what a share never holds -----------------------------------------------------------

SECRETS = ("NOTEWORDS", "DETECTIVEWORDS", "ARGUMENTWORDS", "TRIGGERWORDS", "PRIVATEWORDS")


def _everything(alex):
    _promises(alex)
    alex.json(
        "checkin",
        "--date",
        "2026-11-23",
        "--mood",
        "2",
        "--trust",
        "3",
        "--feeling",
        "NOTEWORDS feeling",
        "--note",
        "NOTEWORDS note",
        "--detective",
        "4",
        "--argument",
        "ARGUMENTWORDS",
        "--grateful",
        "NOTEWORDS grateful",
        "--care",
        "NOTEWORDS care",
    )
    alex.json(
        "checkin",
        "--date",
        "2026-11-22",
        "--mood",
        "5",
        "--trust",
        "9",
        "--private",
        "--note",
        "PRIVATEWORDS",
    )
    alex.json("trigger", "--at", "2026-11-23 10:00", "--what", "TRIGGERWORDS", "--no-timer")
    alex.json(
        "contract",
        "write",
        "--mine",
        "I tell you where I am",
        "--theirs",
        "You tell me when you are worried",
        "--support",
        "Walks together",
    )
    alex.json(
        "agreement",
        "add",
        "Tell each other about messages from exes within 24 hours",
        "--area",
        "disclosure",
    )
    alex.json("ritual", "log", "repair", "--date", "2026-11-20", "--note", "NOTEWORDS ritual")
    alex.json(
        "ritual", "log", "date", "--date", "2026-11-21", "--private", "--note", "PRIVATEWORDS"
    )
    return alex.json(
        "apology",
        "draft",
        "--did",
        "I lied about where I was",
        "--impact",
        "You could not trust what I said",
        "--responsibility",
        "It was my choice and mine alone",
        "--amends",
        "I will share my plans every evening",
    )["id"]


def test_every_kind_travels_and_nothing_private_ever_does(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    apology = _everything(alex)
    path = alex.share(
        "all.age",
        "--what",
        "promises",
        "--what",
        "checkins",
        "--what",
        "contract",
        "--what",
        "agreements",
        "--what",
        "ritual",
        "--apology",
        apology,
    )
    data = path.read_bytes()
    for words in (*SECRETS, "running late", "where I am", "messages from exes", "I lied"):
        assert words.encode() not in data
    got = sam.json("receive", str(path))
    assert got["items"] == {
        "promises": 2,
        "checkins": 1,
        "contract": 1,
        "agreements": 1,
        "ritual": 5,
        "apology": 1,
    }
    held = "".join(p.read_text() for p in (sam.home / "partner").iterdir())
    for secret in SECRETS:
        assert secret not in held
    shown = sam.json("partner")
    assert shown["checkins"] == [{"date": "2026-11-23", "mood": 2, "trust": 3}]
    assert shown["contract"]["mine"] == ["I tell you where I am"]
    assert shown["agreements"][0]["area"] == "disclosure"
    weeks = {item["week"]: item for item in shown["ritual"]}
    assert weeks["2026-W47"] == {"week": "2026-W47", "repair": 1, "date": 0, "care_days": 0}
    assert weeks["2026-W48"]["care_days"] == 1
    assert shown["apologies"][0]["did"] == "I lied about where I was"
    assert "note" not in json.dumps(shown["apologies"])
    words = sam("partner").stdout
    assert "Alex's promises" in words
    assert "I tell you where I am" in words


# -- the contract both hold ----------------------------------------------------------------


def test_a_contract_agreed_by_both(cli, tmp_path, at):
    alex, sam = pair(cli, tmp_path)
    alex.json(
        "contract",
        "write",
        "--mine",
        "I tell you where I am",
        "--theirs",
        "You tell me when you are worried",
        "--support",
        "Walks",
        "--revisit",
        "2026-12-24",
    )
    sam.json("receive", str(alex.share("c.age", "--what", "contract")))
    assert sam.json("contract") is None
    at("2026-11-26T09:00:00+00:00")
    agreed = sam.json("contract", "agree")
    assert agreed["mine"] == ["You tell me when you are worried"]
    assert agreed["theirs"] == ["I tell you where I am"]
    assert agreed["revisit"] == "2026-12-24"
    assert agreed["agreed_by_both"] == "2026-11-26"
    assert sam.json("contract")["agreed_by_both"] == "2026-11-26"
    assert alex.json("contract")["agreed_by_both"] is None
    alex.json("receive", str(sam.share("back.age", "--what", "contract")))
    assert alex.json("contract")["agreed_by_both"] == "2026-11-26"
    # A new revision on one side: no longer the same words.
    alex.json("contract", "write", "--support", "Walks, and a call at lunch")
    assert alex.json("contract")["agreed_by_both"] is None


# -- writing the file -----------------------------------------------------------------------


def test_the_share_is_private_and_never_written_over(cli, tmp_path, folder):
    alex, _ = pair(cli, tmp_path)
    done = alex("share", "--yes")
    assert done.exit_code == 0, done.stderr
    (path,) = folder.iterdir()
    assert path.name == "trustlog-share-2026-11-24.age"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = path.read_bytes()
    done = alex("share", "--yes")
    assert done.exit_code == 2
    assert "--force" in done.stderr
    assert path.read_bytes() == first
    assert alex("share", "--yes", "--force").exit_code == 0
    assert path.read_bytes() != first


def test_without_a_terminal_a_share_needs_yes(cli, tmp_path, folder):
    alex, _ = pair(cli, tmp_path)
    done = alex("share")
    assert done.exit_code == 2
    assert "--yes" in done.stderr
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--what", "notes"], "--what: 'notes'"),
        (["--from", "2026-11-30"], "--from 2026-11-30 is in the future"),
        (["--to", "2026-12-30"], "--to 2026-12-30 is in the future"),
        (["--from", "2026-11-20", "--to", "2026-11-10"], "is after --to"),
        (["--apology", "zzzzz"], "--apology"),
        (["--what", "contract"], "no repair contract to share"),
        (["--output", "-", "--json"], "--json"),
    ],
)
def test_bad_share_flags_write_nothing(cli, tmp_path, folder, args, words):
    alex, _ = pair(cli, tmp_path)
    before = tree(alex.home)
    done = alex("share", "--yes", *args)
    assert done.exit_code == 2
    assert words in done.stderr
    assert list(folder.iterdir()) == []
    assert tree(alex.home) == before


def test_a_share_to_stdout(cli, tmp_path, folder):
    alex, _ = pair(cli, tmp_path)
    done = alex("share", "--yes", "--output", "-")
    assert done.exit_code == 0
    assert done.stdout.startswith("age-encryption.org/v1\n")
    assert list(folder.iterdir()) == []


# -- forgetting ---------------------------------------------------------------------------


def test_remove_forgets_the_code_and_everything_received(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    sam.json("receive", str(alex.share("s.age")))
    done = sam("partner", "remove")
    assert done.exit_code == 2
    assert "--yes" in done.stderr
    assert sam.json("partner", "remove", "--yes") == {"removed": True}
    assert not [p for p in (sam.home / "partner").iterdir()]
    assert "trustlog partner add" in sam("partner").stderr
    # Their own code is theirs still.
    assert (sam.home / "sharing-keys.toml").exists()


# -- beside your own -------------------------------------------------------------------


def test_the_dashboard_and_report_show_what_was_shared_as_theirs(cli, tmp_path, at):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    alex.json("checkin", "--mood", "4", "--trust", "6")
    assert sam.json()["partner_shared"] is None
    assert sam.json("report")["partner"] is None
    sam.json("receive", str(alex.share("s.age", "--what", "promises", "--what", "checkins")))
    board = sam.json()
    assert board["partner_shared"]["name"] == "Alex"
    assert board["partner_shared"]["items"] == {"promises": 2, "checkins": 1}
    assert (
        "◆ Alex shared 4 weeks to Tue 24 Nov: 2 promises, 1 day of mood and trust" in sam().stdout
    )
    theirs = sam.json("report")["partner"]
    assert theirs["covers"] == {"from": "2026-11-01", "to": "2026-11-24"}
    assert theirs["promises"]["follow_through"] == 0.5
    assert theirs["mood"] == {"average": 4.0}
    words = sam("report").stdout
    assert "Side by side" in words
    # The period before is not covered by the share: no side by side there.
    assert sam.json("report", "--month", "2026-09")["partner"] is None
    at("2026-12-05T09:00:00+00:00")
    assert sam.json()["partner_shared"] is None  # a week on, the dashboard lets it be


def test_an_export_holds_what_was_shared_only_when_asked_and_as_theirs(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    sam.json("receive", str(alex.share("s.age")))
    sam("checkin", "--mood", "3")
    plain = sam("export", "--output", "-").stdout
    assert "Alex" not in plain and "running late" not in plain
    shared = sam("export", "--output", "-", "--include-partner").stdout
    assert "## Shared by Alex (their figures, not yours)" in shared
    assert "- Follow-through: 50%" in shared
    assert "running late" in shared
    page = sam("export", "--format", "html", "--output", "-", "--include-partner").stdout
    assert "<h2>Shared by Alex (their figures, not yours)</h2>" in page
    done = sam("export", "--format", "csv", "--output", "-", "--include-partner")
    assert done.exit_code == 2
    assert "--include-partner" in done.stderr


def test_a_promise_marked_private_by_hand_never_goes(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    secret = alex.json("promise", "add", "PRIVATEWORDS promise", "--start", "2026-11-20")["id"]
    path = alex.home / "promises" / f"promise-{secret}.md"
    path.write_text(path.read_text().replace('text = "', 'private = true\ntext = "', 1))
    sam.json("receive", str(alex.share("s.age")))
    assert [p["text"] for p in sam.json("partner")["promises"]] == [
        "Text if I'm running late",
        "Call at 7:00",
    ]


def test_in_an_encrypted_journal_the_keys_and_what_was_received_are_encrypted(
    cli, tmp_path, monkeypatch
):
    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "a long passphrase")
    assert sam("encrypt").exit_code == 0
    sam.json("receive", str(alex.share("s.age")))
    for path in (sam.home / "sharing-keys.toml", *(sam.home / "partner").iterdir()):
        assert path.read_bytes().startswith(b"age-encryption.org/v1\n"), path
    assert len(sam.json("partner")["promises"]) == 2
    assert sam.json("partner", "code")["fingerprint"] == sam.json("partner", "code")["fingerprint"]


def test_two_receives_at_once_keep_the_newer_share(cli, tmp_path, at):
    import os
    import subprocess
    import sys

    alex, sam = pair(cli, tmp_path)
    _promises(alex)
    older = alex.share("older.age")
    at("2026-11-25T09:00:00+00:00")
    alex.json("promise", "add", "Share my calendar", "--start", "2026-11-25")
    newer = alex.share("newer.age")
    env = {**os.environ, "TRUSTLOG_HOME": str(sam.home)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "trustlog", "receive", str(path), "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for path in (newer, older)
    ]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    shown = sam.json("partner")
    assert len(shown["promises"]) == 3
    assert shown["received"] is not None


def test_paused_days_are_never_shared_and_count_in_no_figure(cli, tmp_path):
    alex, sam = pair(cli, tmp_path)
    late, _ = _promises(alex)
    assert (
        alex("promise", "pause", late, "--from", "2026-11-10", "--to", "2026-11-15").exit_code == 0
    )
    sam.json("receive", str(alex.share("s.age")))
    (item,) = [p for p in sam.json("partner")["promises"] if p["id"] == late]
    dates = {day["date"] for day in item["days"]}
    assert not dates & {f"2026-11-{n}" for n in range(10, 16)}
    assert "2026-11-09" in dates and "2026-11-16" in dates
