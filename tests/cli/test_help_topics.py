"""Every `trustlog help TOPIC` a command or message points to exists, in the installed program.

The pointers are collected from the source itself, so a new message that names a topic
not (yet) written fails here rather than in front of a person.
"""

from __future__ import annotations

import re

import pytest

from tests.support.paths import ROOT
from trustlog.guide import TOPICS

SRC = ROOT / "src" / "trustlog"
POINTER = re.compile(r"trustlog help ([a-z][a-z-]*)")
PROMISED = ("safety", "privacy", "encryption", "format", "sync", "partner")  # CONTRACT.md


def pointers() -> set[tuple[str, str]]:
    found = set()
    for path in SRC.rglob("*.py"):
        for topic in POINTER.findall(path.read_text(encoding="utf-8")):
            found.add((str(path.relative_to(SRC)), topic))
    return found


def test_the_source_points_to_topics_at_all():
    assert {topic for _, topic in pointers()} >= {"safety", "sync", "encryption"}


@pytest.mark.parametrize(("where", "topic"), sorted(pointers()))
def test_every_topic_a_message_points_to_exists(where, topic):
    assert topic in TOPICS, f"{where} points to `trustlog help {topic}`, which does not exist"


@pytest.mark.parametrize("topic", PROMISED)
def test_each_promised_topic_reads_from_the_program(cli, topic):
    run = cli("help", topic)
    assert run.exit_code == 0 and run.stderr == ""
    assert len(run.stdout.split()) > 40
    assert "docs/" not in run.stdout  # a pip install has no docs folder
    assert all(len(line) <= 80 for line in run.stdout.splitlines()), topic


@pytest.mark.parametrize("topic", PROMISED)
def test_no_topic_asks_for_the_passphrase_of_a_locked_journal(cli, topic, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_PASSPHRASE", "correct horse battery")
    cli("checkin", "--mood", "3")
    assert cli("encrypt").exit_code == 0
    monkeypatch.delenv("TRUSTLOG_PASSPHRASE")
    run = cli("help", topic)
    assert run.exit_code == 0, run.stderr
    assert "passphrase" not in run.stderr.lower()


def test_an_unknown_topic_lists_the_ones_there_are(cli):
    run = cli("help", "weather")
    assert run.exit_code == 2
    assert "There is no help topic 'weather'" in run.stderr
    assert "encryption" in run.stderr and "format" in run.stderr


def test_help_reminders_says_how_it_works_and_how_to_turn_it_off(cli):
    run = cli("help", "reminders")
    assert (run.exit_code, run.stderr) == (0, "")
    text = " ".join(run.stdout.split())
    for words in (
        "`trustlog remind set 20:30` reminds you every day at 20:30",
        "if today's check-in is there, it stays quiet",
        "It never asks for a passphrase.",
        "`trustlog remind off` turns it off, removing only what trustlog added.",
    ):
        assert words in text, words
