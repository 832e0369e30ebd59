"""Care in the moment: one warm line after a hard check-in or a strong flare-up, once a day."""

from __future__ import annotations

from datetime import date

import pytest

from trustlog.domain.care import (
    SupportOffer,
    hard_checkin,
    offer_support,
    offered_on,
    strong_unsettled,
)
from trustlog.domain.dashboard import DONE_HINT, GENTLE_HINT
from trustlog.render.care import support_words


def flowing(text: str) -> str:
    return " ".join(text.split())


LINE = (
    "That sounds hard. If it helps: your stop word “pause” · "
    "Sam (my sister): 0612 345 678 · trustlog help safety"
)


@pytest.mark.parametrize(
    ("mood", "trust", "hard"),
    [
        (1, None, True),
        (2, 7, True),
        (3, 2, True),
        (None, 0, True),
        (3, 3, False),
        (None, None, False),
    ],
)
def test_a_hard_checkin_is_mood_or_trust_at_the_bottom(mood, trust, hard):
    assert hard_checkin(mood, trust) is hard


@pytest.mark.parametrize(
    ("intensity", "settled", "strong"),
    [
        (8, False, True),
        (10, False, True),
        (7, False, False),
        (9, True, False),
        (None, False, False),
    ],
)
def test_a_strong_flare_up_is_eight_or_more_and_not_settled(intensity, settled, strong):
    assert strong_unsettled(intensity, settled) is strong


def test_the_line_holds_only_what_the_person_has_set():
    assert support_words(SupportOffer(None, None), "checkin") == (
        "That sounds hard. If it helps: trustlog help safety"
    )
    assert support_words(SupportOffer("pause", None), "trigger") == (
        "That sounds hard, and it is still with you. If it helps: your stop word “pause” · "
        "trustlog help safety"
    )
    assert support_words(SupportOffer(None, "Emergency: 112"), "checkin").endswith(
        "If it helps: Emergency: 112 · trustlog help safety"
    )


def test_offered_once_a_day_and_kept_between_runs(journal):
    day = date(2026, 11, 24)
    with journal.writing():
        assert offer_support(journal, day, hard=False) is None
    assert offered_on(journal) is None
    with journal.writing():
        assert offer_support(journal, day, hard=True) == SupportOffer(None, None)
    assert offered_on(journal) == day
    with journal.writing():
        assert offer_support(journal, day, hard=True) is None
        assert offer_support(journal, date(2026, 11, 25), hard=True) is not None
    assert offered_on(journal) == date(2026, 11, 25)


def test_a_damaged_record_of_it_is_simply_not_there(journal, home):
    for damaged in (b"", b"{", b"[]", b'{"support_offered": 3}', b'{"support_offered": "x"}'):
        (home / "cache").mkdir(parents=True, exist_ok=True)
        (home / "cache" / "care.json").write_bytes(damaged)
        assert offered_on(journal) is None
        with journal.writing():
            assert offer_support(journal, date(2026, 11, 24), hard=True) is not None


@pytest.fixture
def set_up(cli):
    cli("init", "--stop-word", "pause")
    cli("support", "add", "Sam (my sister): 0612 345 678")
    cli("support", "add", "Emergency: 112")


def test_a_hard_checkin_gets_one_warm_line(cli, set_up):
    run = cli("checkin", "--mood", "1", "--trust", "1", "--note", "I froze. It felt like before.")
    assert run.exit_code == 0
    saved, line = run.stderr.split("\n", 1)
    assert saved.startswith("Saved today's check-in.")
    assert flowing(line) == LINE
    for word in ("diagnos", "!", "danger", "crisis", "urgent", "warning"):
        assert word not in flowing(line).replace("Emergency: 112", "").lower()


def test_the_line_comes_at_most_once_a_day_whatever_brought_it(cli, set_up, at):
    assert "That sounds hard" in cli("checkin", "--mood", "2").stderr
    assert "That sounds hard" not in cli("checkin", "--trust", "1").stderr
    later = cli("trigger", "--what", "his phone buzzed", "--intensity", "9", "--no-timer")
    assert later.exit_code == 0 and "That sounds hard" not in later.stderr
    at("2026-11-25T21:00:00+00:00")
    run = cli("trigger", "--what", "his phone buzzed", "--intensity", "8", "--no-timer")
    assert flowing(run.stderr).endswith(
        LINE.replace("That sounds hard.", "That sounds hard, and it is still with you.")
    )
    assert "That sounds hard" not in cli("checkin", "--mood", "1").stderr


def test_the_day_is_the_journals_day_not_the_calendars(cli, set_up, at):
    at("2026-11-24T23:40:00+00:00")
    assert "That sounds hard" in cli("checkin", "--mood", "1").stderr
    at("2026-11-25T01:10:00+00:00")  # before 04:00: still the 24th
    assert "That sounds hard" not in cli("checkin", "--mood", "1").stderr
    at("2026-11-25T04:10:00+00:00")  # the 25th has begun
    assert "That sounds hard" in cli("checkin", "--mood", "1").stderr


def test_not_for_a_day_that_went_well_or_a_flare_up_that_settled(cli, set_up):
    assert len(cli("checkin", "--mood", "3", "--trust", "3").stderr.splitlines()) == 1
    settled = cli(
        "trigger",
        "--at",
        "2026-11-24 19:00",
        "--what",
        "x",
        "--intensity",
        "10",
        "--resolved-at",
        "2026-11-24 19:30",
        "--no-timer",
    )
    assert "That sounds hard" not in settled.stderr
    assert "That sounds hard" not in cli("trigger", "--what", "y", "--intensity", "7").stderr


def test_the_json_of_checkin_and_trigger_says_whether_it_was_offered(cli, set_up, at):
    assert cli("checkin", "--mood", "4", "--json").json()["support_offered"] is False
    assert cli("checkin", "--mood", "1", "--json").json()["support_offered"] is True
    assert cli("checkin", "--mood", "1", "--json").json()["support_offered"] is False
    at("2026-11-25T20:00:00+00:00")
    run = cli("trigger", "--what", "x", "--intensity", "3", "--json")
    assert run.json()["support_offered"] is False
    run = cli("trigger", "--what", "x", "--intensity", "8", "--json")
    assert run.json()["support_offered"] is True  # stderr stays empty: .json() checks it
    run = cli("trigger", "--what", "x", "--intensity", "8", "--json")
    assert run.json()["support_offered"] is False


def test_without_a_stop_word_or_contacts_it_points_to_help_safety(cli):
    run = cli("checkin", "--mood", "1")
    assert run.stderr.splitlines()[-1] == "That sounds hard. If it helps: trustlog help safety"


def test_what_it_keeps_is_the_day_only_and_stays_on_this_device(cli, set_up, home):
    cli("checkin", "--mood", "1", "--note", "I froze.")
    kept = (home / "cache" / "care.json").read_text()
    assert kept == '{"support_offered": "2026-11-24"}'
    assert oct((home / "cache" / "care.json").stat().st_mode & 0o777) == "0o600"
    # The entries themselves are untouched by it: a hand edit of the check-in still reads.
    assert cli("entries", "--json").json()[0]["mood"] == 1


def test_the_dashboard_after_a_hard_checkin_is_gentle(cli, at):
    at("2026-11-25T01:12:00+00:00")
    cli("checkin", "--mood", "1", "--trust", "1", "--note", "I froze. It felt like before.")
    board = cli("--json").json()
    assert board["hints"] == [GENTLE_HINT] and board["hard_today"] is True
    words = cli().stdout
    assert f"Next: {GENTLE_HINT}" in words
    assert "checkin again" not in words


def test_the_dashboard_late_in_an_ordinary_day_says_the_day_is_done(cli, at):
    cli("checkin", "--mood", "4")
    assert cli("--json").json()["hints"] == ["trustlog checkin again adds to today's check-in."]
    at("2026-11-24T22:30:00+00:00")
    assert cli("--json").json()["hints"] == [DONE_HINT]
    at("2026-11-25T01:30:00+00:00")  # still the 24th
    assert cli("--json").json()["hints"] == [DONE_HINT]


def test_the_dashboard_after_a_strong_flare_up_asks_nothing_yet(cli, at):
    at("2026-11-24T23:40:00+00:00")
    cli("trigger", "--what", "his phone buzzed", "--intensity", "8", "--no-timer")
    hint = cli("--json").json()["hints"][0]
    assert hint == "when you feel ready: trustlog checkin — a few minutes on how today went."
    cli("checkin", "--note", "long evening")
    assert cli("--json").json()["hints"] == [GENTLE_HINT]


@pytest.mark.parametrize("columns", [40, 60, 80, 100])
def test_the_line_breaks_between_words_and_parts_never_inside_a_part(columns):
    from rich.cells import cell_len

    from trustlog.render.care import support_lines

    offer = SupportOffer("pineapple 🍍", "Noor (friend): 06 1234 5678")
    lines = support_lines(offer, "trigger", columns)
    assert all(cell_len(line) <= columns for line in lines)
    assert " ".join(lines) == support_words(offer, "trigger")
    for part in ("your stop word “pineapple 🍍”", "Noor (friend): 06 1234 5678", "help safety"):
        assert any(part in line for line in lines), (part, lines)
    assert support_lines(offer, "trigger", None) == [support_words(offer, "trigger")]
