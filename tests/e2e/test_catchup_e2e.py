"""Catching up in a pseudo-terminal: one key a day, choosing what is due, a repair."""

from __future__ import annotations

import pytest

from tests.support.promise_helpers import put_mark, put_promise
from tests.support.pty import CTRL_C, DOWN, ENTER, answer, finish, spawn
from trustlog.domain.promise.service import load_marks

pytestmark = pytest.mark.e2e


def marks(journal):
    from datetime import date

    found = load_marks(journal, date(2026, 11, 1), date(2026, 11, 30))
    return {
        (promise, day.isoformat()): ("repaired" if m.repaired else m.outcome)
        for promise, days in found.items()
        for day, m in days.items()
    }


def test_catchup_one_key_a_day_then_a_summary(home, journal):
    put_promise(journal, "dly23", "2026-11-21", text="Text if I'm running late")
    put_mark(journal, "dly23", "2026-11-22")
    child = spawn(home, "catchup")
    answer(child, "Sat 21 Nov · “Text if I'm running late”", "k")
    answer(child, "Mon 23 Nov · “Text if I'm running late”", "r")
    answer(child, "What was the repair", "a long call" + ENTER)
    answer(child, "Today · “Text if I'm running late”", ENTER)  # Enter skips
    child.expect("Recorded 2 days: 1 kept, 0 broken, 1 repaired, 1 skipped.")
    child.expect("1 day still open")
    assert finish(child) == 0
    assert marks(journal) == {
        ("dly23", "2026-11-21"): "kept",
        ("dly23", "2026-11-22"): "kept",
        ("dly23", "2026-11-23"): "repaired",
    }


def test_ctrl_c_in_catchup_keeps_the_days_answered(home, journal):
    put_promise(journal, "dly23", "2026-11-22")
    child = spawn(home, "catchup")
    answer(child, "Sun 22 Nov", "b")
    answer(child, "Mon 23 Nov", CTRL_C)
    answer(child, "Keep what you have so far", ENTER)
    child.expect("Recorded 1 day: 0 kept, 1 broken, 0 repaired.")
    assert finish(child) == 0
    assert marks(journal) == {("dly23", "2026-11-22"): "broken"}


def test_promise_kept_without_an_id_offers_what_is_due(home, journal):
    put_promise(journal, "dly23", "2026-11-22", text="Text if I'm running late")
    put_promise(journal, "mwf45", "2026-11-01", every="mon,wed,fri", text="Call at 7")
    child = spawn(home, "promise", "kept")
    child.expect("Which promise did you keep")
    child.expect("Call at 7 · Mon 23 Nov")
    child.send(DOWN + DOWN + ENTER)  # today's, Mon 23 Nov's text, then Mon 23 Nov's call
    child.expect("Marked “Call at 7” on Monday 23 November")
    assert finish(child) == 0
    assert marks(journal) == {("mwf45", "2026-11-23"): "kept"}


def test_promise_broken_in_a_terminal_offers_to_note_a_repair(home, journal):
    put_promise(journal, "dly23", "2026-11-22", text="Text if I'm running late")
    child = spawn(home, "promise", "broken", "dly23")
    answer(child, "Did you make a small repair", "I called instead" + ENTER)
    child.expect("broken, then repaired")
    assert finish(child) == 0
    assert marks(journal) == {("dly23", "2026-11-24"): "repaired"}
