"""The promise questions, with a scripted asker, and for real in a pseudo-terminal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pexpect
import pytest

from tests.support import pty
from tests.support.fakes import Scripted
from tests.support.promise_helpers import put_mark, put_promise
from trustlog.domain.checkin.model import CheckinAnswers
from trustlog.domain.promise import service as promises
from trustlog.domain.promise import standing
from trustlog.domain.promise.service import NewPromise
from trustlog.prompts.checkin import ask_checkin
from trustlog.prompts.promise import ask_due_promises, ask_new_promise

TODAY = date(2026, 11, 24)


def test_ask_due_promises_kept_broken_and_not_yet(journal):
    put_promise(journal, "aaa23", "2026-11-01", text="Text if late")
    put_promise(journal, "bbb23", "2026-11-02", text="Call at 7", due="19:00")
    put_promise(journal, "ccc23", "2026-11-03", text="Walk together")
    due = standing.due_on(journal, TODAY)
    ask = Scripted("kept", "broken", "called at 7:30", "not-yet")
    requests = ask_due_promises(ask, due)
    assert [(r.promise, r.outcome, r.repair) for r in requests] == [
        ("bbb23", "kept", None),
        ("aaa23", "broken", "called at 7:30"),
    ]
    first = ask.asked[0]
    assert (first.how, first.message, first.choices, first.default) == (
        "choose",
        "Your promise “Call at 7” (every day, by 19:00):",
        ("kept", "broken", "not-yet"),
        "not-yet",
    )


def test_ask_due_promises_offers_the_earlier_mark_as_default(journal):
    put_promise(journal, "aaa23", "2026-11-01")
    put_mark(journal, "aaa23", "2026-11-24", "kept")
    ask = Scripted("kept")
    assert ask_due_promises(ask, standing.due_on(journal, TODAY)) == []  # nothing new
    assert (ask.asked[0].choices, ask.asked[0].default) == (("kept", "broken", "not-yet"), "kept")


def test_checkin_asks_promises_after_arguments_and_before_the_note(journal):
    put_promise(journal, "aaa23", "2026-11-01", text="Text if late")
    ask = Scripted(4, None, 7, None, None, None, None, None, "kept", "a good day", False)
    reply = ask_checkin(ask, CheckinAnswers(), None, standing.due_on(journal, TODAY))
    questions = ask.messages
    assert questions[7].startswith("Did you argue today?")
    assert questions[8] == "Your promise “Text if late”:"
    assert questions[9] == "Anything else you want to note?"
    assert reply.answers.note == "a good day"
    assert [(m.promise, m.outcome) for m in reply.marks] == [("aaa23", "kept")]


def test_ask_new_promise_asks_again_after_a_wrong_answer():
    ask = Scripted("Call at 7", "days", "mon,funday", "Mon, Thu", "7pm", "19:00")
    asked = ask_new_promise(ask, NewPromise(text=None), TODAY)
    assert (asked.text, asked.every, asked.due) == ("Call at 7", "mon,thu", "19:00")
    assert "not a schedule I know" in str(ask.asked[3].hint)
    assert "not a time of day" in str(ask.asked[5].hint)


def test_ask_new_promise_once_defaults_to_today():
    asked = ask_new_promise(Scripted("Dinner", "once", None, None), NewPromise(None), TODAY)
    assert (asked.once, asked.every, asked.due) == ("2026-11-24", None, None)


# -- for real, in a pseudo-terminal --------------------------------------------------

DOWN, UP = "\x1b[B", "\x1b[A"


def spawn(home: Path, *args: str):
    return pty.spawn(home, *args, timeout=10)


@pytest.mark.e2e
def test_interactive_checkin_asks_about_each_promise_due(journal, home):
    put_promise(journal, "aaa23", "2026-11-01", text="Text if I'm running late")
    put_promise(journal, "bbb23", "2026-11-01", text="Call at 7", due="19:00")
    put_promise(journal, "wkn23", "2026-11-01", text="Phone-free Sunday", every="weekends")
    child = spawn(home, "checkin")
    child.expect("How are you feeling")
    child.send("4\r")
    for question in (
        "what are you feeling",
        "How much trust",
        "Something you appreciate",
        "small act of care",
        "spontaneous affection",
        "detective work",
        "Did you argue",
    ):
        child.expect(question)
        child.send("\r")
    child.expect("Call at 7")  # the one due by a time comes first
    child.send(UP + UP + "\r")  # from "Not yet" up to "Kept"
    child.expect("Text if I'm running late")
    child.send(UP + "\r")  # "Broken"
    child.expect("small repair")
    child.send("apologised and called back\r")
    child.expect("Anything else")
    child.send("\r")
    child.expect("Keep this check-in private")
    child.send("n")
    child.expect("Saved today's check-in")
    child.expect(r"Marked “Call at 7” today: kept\.")
    child.expect(r"Marked “Text if I'm running late” today: broken, then repaired\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Phone-free Sunday" not in (child.before or "")
    listed = {p.promise.id: p.today_status for p in standing.list_promises(journal, TODAY)}
    assert listed == {"aaa23": "repaired", "bbb23": "kept", "wkn23": "not_scheduled"}


@pytest.mark.e2e
def test_interactive_promise_add(journal, home):
    child = spawn(home, "promise", "add")
    child.expect("What do you promise")
    child.send("Call at 7:00, not 7:26\r")
    child.expect("How often")
    child.send(DOWN + DOWN + DOWN + "\r")  # "Chosen days of the week"
    child.expect("Which days")
    child.send("mon,thu\r")
    child.expect("Due by a time of day")
    child.send("19:00\r")
    child.expect("Saved your promise")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    [saved] = promises.load_promises(journal)
    assert (saved.text, saved.every, saved.due) == ("Call at 7:00, not 7:26", "mon,thu", "19:00")


@pytest.mark.e2e
def test_ctrl_c_while_adding_saves_nothing(journal, home):
    child = spawn(home, "promise", "add")
    child.expect("What do you promise")
    child.send("Call at 7\r")
    child.expect("How often")
    child.send("\x03")
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert promises.load_promises(journal) == []
