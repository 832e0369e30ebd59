"""`edit`, `delete` and `init` as a person uses them in a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.support.pty import ENTER, answer, finish, spawn

pytestmark = pytest.mark.e2e


def trustlog(home, *args):
    done = subprocess.run(
        [sys.executable, "-m", "trustlog", *args],
        env={**os.environ, "TRUSTLOG_HOME": str(home)},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return done.stdout


def test_a_broken_edit_is_offered_again_with_the_text_kept(home, tmp_path, monkeypatch):
    entry = json.loads(trustlog(home, "checkin", "--mood", "2", "--json"))
    # The first time, the person types a mood of 9 and a note; the second time they
    # see their own words again and fix the mood.
    editor = tmp_path / "editor.py"
    editor.write_text(
        textwrap.dedent(
            """
            import pathlib, sys
            path = pathlib.Path(sys.argv[1])
            text = path.read_text()
            if "mood = 9" in text:
                path.write_text(text.replace("mood = 9", "mood = 4"))
            else:
                path.write_text(text.replace("mood = 2", "mood = 9") + "words I wrote")
            """
        )
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    child = spawn(home, "edit", entry["id"])
    child.expect("That edit cannot be saved yet")
    answer(child, "Open it again to fix it", ENTER)
    child.expect("Saved your changes")
    assert finish(child) == 0
    saved = json.loads(trustlog(home, "show", entry["id"], "--json"))
    assert (saved["mood"], saved["note"]) == (4, "words I wrote")


def test_delete_asks_first_and_no_keeps_the_entry(home):
    entry = json.loads(trustlog(home, "checkin", "--mood", "2", "--json"))
    child = spawn(home, "delete", entry["id"])
    answer(child, "This cannot be undone", ENTER)  # the default is No
    child.expect("Kept it.")
    assert finish(child) == 0
    assert len(json.loads(trustlog(home, "entries", "--json"))) == 1
    child = spawn(home, "delete", entry["id"])
    answer(child, "This cannot be undone", "y")
    child.expect(f"Deleted {entry['id']}.")
    assert finish(child) == 0
    assert json.loads(trustlog(home, "entries", "--json")) == []


def test_init_asks_each_setting(home):
    child = spawn(home, "init")
    answer(child, "What should trustlog call you", "Sam" + ENTER)
    answer(child, "Your partner's name", "Alex" + ENTER)
    answer(child, "Which fits you best", ENTER)  # the highlighted default: both
    answer(child, "stop word", "pineapple" + ENTER)
    child.expect("Saved your settings.")
    assert finish(child) == 0
    assert json.loads(trustlog(home, "init", "--json")) == {
        "name": "Sam",
        "partner": "Alex",
        "role": "both",
        "stop_word": "pineapple",
        "day_ends": "04:00",
    }
