"""`agreement add` in a terminal: the words and the area are asked for, not refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.fakes import Scripted
from tests.support.pty import DOWN, ENTER, answer, finish, spawn
from trustlog.prompts.agreement import ask_agreement


def agreements(home):
    done = subprocess.run(
        [sys.executable, "-m", "trustlog", "agreement", "list", "--json"],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.e2e
def test_agreement_add_alone_asks_the_words_then_the_area_from_a_list(home):
    child = spawn(home, "agreement", "add", columns=80)
    answer(child, "What do you agree on", "Tell each other about any message from an ex"
           " within 24 hours" + ENTER)  # fmt: skip
    child.expect("Which area is it about")
    child.expect("Something else")
    child.send(DOWN + ENTER)  # from the first (Communication), down to Privacy
    child.expect("Saved the privacy agreement")
    assert finish(child) == 0
    [saved] = agreements(home)
    assert saved["area"] == "privacy"
    assert saved["text"] == "Tell each other about any message from an ex within 24 hours"


@pytest.mark.e2e
def test_words_given_by_argument_leave_only_the_area_to_ask(home):
    child = spawn(home, "agreement", "add", "Don't be shady", columns=60)
    child.expect("Which area is it about")
    child.send(ENTER)
    child.expect("Saved the communication agreement")
    child.expect("no act, channel, amount or time")  # the checker's note, as by flags
    assert finish(child) == 0


def test_enter_on_the_words_asks_nothing_more():
    ask = Scripted(None)
    assert ask_agreement(ask, None, None) == (None, None)
    assert ask.hows == ["text"]


def test_only_what_is_missing_is_asked():
    ask = Scripted("spending")
    assert ask_agreement(ask, "No purchase over €50 without a call", None) == (
        "No purchase over €50 without a call",
        "spending",
    )
    assert ask.asked[0].choices == (
        "communication", "privacy", "social-media", "substances", "spending", "disclosure",
        "other",
    )  # fmt: skip


def test_without_a_terminal_a_missing_area_is_still_bad_input(cli, journal):
    run = cli("agreement", "add", "Don't be shady")
    assert run.exit_code == 2 and "--area" in run.stderr
