"""Earlier argument topics: offered while typing, and named when a new one reads close.

The contract's repeat stays exact (same words, case and space aside); these
only help a person reuse their own words.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.support.pty import ENTER, answer, finish, spawn
from trustlog.domain.checkin.topics import earlier_topics, resemblances


def test_earlier_topics_are_the_most_frequent_first_in_their_latest_words(cli, journal):
    cli("checkin", "--date", "2026-11-02", "--argument", "Money")
    cli("checkin", "--date", "2026-11-05", "--argument", "my phone at dinner")
    cli("checkin", "--date", "2026-11-09", "--argument", "money ", "--argument", "the in-laws")
    assert earlier_topics(journal, date(2026, 11, 24)) == [
        "money",
        "the in-laws",
        "my phone at dinner",
    ]
    assert earlier_topics(journal, date(2026, 11, 4)) == ["Money"]  # nothing after the day


@pytest.mark.parametrize(
    ("given", "earlier", "close"),
    [
        ("phone at dinner", "my phone at dinner", "my phone at dinner"),
        ("the in-laws visit", "in-laws visiting", "in-laws visiting"),
        ("Phone at dinner", "phone at dinnr", "phone at dinnr"),
        ("money", "the phone", None),
        ("MY PHONE AT DINNER ", "my phone at dinner", None),  # the same topic: a repeat
        ("the kids", "the car", None),
    ],
)
def test_a_topic_close_to_an_earlier_one_is_named(given, earlier, close):
    found = resemblances([given], [earlier])
    assert [r.earlier for r in found] == ([close] if close else [])


def test_a_topic_close_to_two_earlier_ones_gets_one_note_naming_the_closest(cli):
    found = resemblances(
        ["phone at dinner", "Phone at dinner ", "phone at dinner"],
        ["the phone at the dinner table", "my phone at dinner", "phone at diner time"],
    )
    assert [(r.topic, r.earlier) for r in found] == [("phone at dinner", "my phone at dinner")]
    cli("checkin", "--date", "2026-11-05", "--argument", "my phone at dinner")
    cli("checkin", "--date", "2026-11-06", "--argument", "the phone at dinner")
    run = cli("checkin", "--argument", "phone at dinner", "--argument", "Phone at dinner")
    assert run.stderr.count("is close to an earlier topic") == 1


def test_the_check_in_names_the_close_topic_and_saves_it_as_given(cli):
    cli("checkin", "--date", "2026-11-05", "--argument", "my phone at dinner")
    run = cli("checkin", "--argument", "phone at dinner")
    assert run.exit_code == 0
    assert "“phone at dinner” is close to an earlier topic, “my phone at dinner”" in run.stderr
    assert "trustlog edit ID" not in run.stderr and "trustlog edit " in run.stderr
    done = cli("checkin", "--argument", "Phone at dinner", "--json")
    assert done.stderr == ""
    saved = json.loads(done.stdout)
    assert saved["arguments"] == ["phone at dinner", "Phone at dinner"]
    assert "resembles" not in saved  # the same words as this morning's: a repeat, no hint
    close = cli("checkin", "--argument", "my phone at diner", "--json").json()
    assert close["resembles"] == [{"topic": "my phone at diner", "earlier": "my phone at dinner"}]
    # The report's repeat stays the contract's: same words only.
    report = cli("report", "--json").json()
    assert (report["arguments"]["count"], report["arguments"]["repeats"]) == (4, 1)


def test_a_topic_far_from_the_others_gets_no_hint(cli):
    cli("checkin", "--date", "2026-11-05", "--argument", "my phone at dinner")
    run = cli("checkin", "--argument", "money")
    assert "close to an earlier topic" not in run.stderr
    assert "resembles" not in cli("checkin", "--argument", "money", "--json").json()


@pytest.mark.e2e
def test_the_check_in_offers_earlier_topics_as_you_type(home, cli):
    cli("checkin", "--date", "2026-11-05", "--argument", "my phone at dinner")
    cli("checkin", "--date", "2026-11-06", "--argument", "money")
    child = spawn(home, "checkin", columns=80)
    for question in ("How are you", "what are you", "trust and ease", "appreciate", "act of care"):
        answer(child, question, ENTER)
    answer(child, "affection", ENTER)
    answer(child, "detective", ENTER)
    answer(child, "Did you argue", "pho")
    child.expect("my phone at dinner")  # offered in the menu below the line
    child.send("\t")  # Tab takes it
    child.send(ENTER)
    answer(child, "Anything else", ENTER)
    answer(child, "private", ENTER)
    child.expect("Saved today's check-in")
    assert finish(child) == 0
    today = cli("entries", "--from", "2026-11-24", "--json").json()
    assert [entry["arguments"] for entry in today] == [["my phone at dinner"]]


def test_a_hand_edited_topic_list_is_read_and_a_broken_one_is_named(cli, journal, home):
    import re

    cli("checkin", "--date", "2026-11-05", "--argument", "money")
    [path] = home.rglob("2026-11-05-checkin-*.md")
    text = path.read_text()
    block = re.compile(r"arguments = \[.*?\]", re.S)
    path.write_text(block.sub('arguments = ["money", "the kids"]  # by hand', text))
    assert earlier_topics(journal, date(2026, 11, 24)) == ["money", "the kids"]
    path.write_text(block.sub("arguments = 7", text))
    run = cli("checkin", "--argument", "the kid")
    assert run.exit_code == 1 and "2026-11-05-checkin" in run.stderr  # named, as a read does
