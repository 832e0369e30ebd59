"""`trustlog help TOPIC`: words offered on request, about safety and privacy."""

from __future__ import annotations

import pytest

from trustlog.guide import TOPICS


def flowing(text: str) -> str:
    """The words as one line: the page is wrapped to the screen between words."""
    return " ".join(text.split())


def test_help_safety_says_when_to_reach_for_more_help(cli):
    run = cli("help", "safety")
    assert (run.exit_code, run.stderr) == (0, "")
    assert "\n\ntrustlog is a journal, not therapy, and it never diagnoses.\n" in run.stdout
    for words in (
        "When to bring in a professional",
        "Signs that trust may not be safe to rebuild",
        "any fear, threat or violence",
        "Leaving, with a plan and with support, is sometimes the healthiest choice.",
        "If you are in danger, contact your local emergency number or a domestic abuse helpline.",
        "trustlog sends nothing anywhere.",
    ):
        assert words in flowing(run.stdout), words


def test_help_privacy_says_where_the_words_live(cli):
    run = cli("help", "privacy")
    assert (run.exit_code, run.stderr) == (0, "")
    for words in (
        "in one folder on this machine, readable only by you",
        "(folder 0700, files 0600)",
        "trustlog never uses the network, except `trustlog sync` when you run it",
        "`trustlog export` leaves it out, figures too, unless you add --include-private.",
        "is written readable only by you (0600).",
    ):
        assert words in flowing(run.stdout), words


def test_a_topic_is_found_whatever_its_case(cli):
    assert cli("help", " Safety ").stdout == cli("help", "safety").stdout


@pytest.mark.parametrize("topic", ["dreams", "", "safety privacy"])
def test_an_unknown_topic_is_bad_input_naming_the_topics(cli, topic):
    run = cli("help", topic)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr == (
        f"trustlog: There is no help topic '{topic}'. Try one of: {', '.join(TOPICS)}.\n"
    )


def test_help_alone_lists_the_commands(cli):
    run = cli("help")
    assert run.exit_code == 0
    assert run.stdout.startswith("Usage: ")
    assert "trustlog help safety" in run.stdout
    for command in ("checkin", "promise", "trigger", "apology", "report", "help"):
        assert f"\n  {command} " in run.stdout, command


def test_the_main_help_points_to_the_safety_topic(cli):
    assert "`trustlog help safety` says when to reach for more help" in cli("--help").stdout


def test_help_partner_says_what_a_share_reveals_and_that_it_cannot_be_recalled(cli):
    run = cli("help", "partner")
    assert run.exit_code == 0
    text = " ".join(run.stdout.split())
    for words in (
        "sealed so only their journal opens it",
        "never holds anything private",
        "detective work, arguments or triggers",
        "cannot be recalled",
        "`trustlog partner remove` forgets their code and everything they shared with you",
    ):
        assert words in text, words
