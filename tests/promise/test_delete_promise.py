"""Deleting a promise takes its marks with it, in one change; retiring keeps them."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_e2e_entries import trustlog
from tests.support.pty import ENTER, answer, finish, spawn


@pytest.fixture
def marked(cli):
    promise = cli("promise", "add", "Call at lunch", "--start", "2026-11-20", "--json").json()
    other = cli("promise", "add", "Home by six", "--start", "2026-11-20", "--json").json()
    marks = [
        cli("promise", "kept", promise["id"], "--date", day, "--json").json()["id"]
        for day in ("2026-11-21", "2026-11-22", "2026-11-23")
    ]
    cli("promise", "kept", other["id"], "--date", "2026-11-22")
    return promise["id"], marks, other["id"]


def kinds(cli):
    return [(e["kind"], e.get("promise")) for e in cli("entries", "--json").json()]


def test_deleting_a_promise_removes_all_its_marks_and_says_so(cli, marked):
    promise, _, other = marked
    run = cli("delete", promise, "--yes")
    assert run.exit_code == 0
    assert run.stderr == f"Deleted the promise {promise} and its 3 marks.\n"
    assert kinds(cli) == [("promise", None), ("mark", other)]  # oldest first, any kind
    assert cli("report", "--json").json()["promises"]["kept"] == 1


def test_delete_json_lists_what_was_removed(cli, marked):
    promise, marks, _ = marked
    deleted = cli("delete", promise, "--yes", "--json").json()
    assert deleted["id"] == promise and deleted["deleted"] is True
    assert [(r["id"], r["kind"]) for r in deleted["removed"]] == [
        (promise, "promise"),
        *((mark, "mark") for mark in marks),
    ]
    assert [r["date"] for r in deleted["removed"][1:]] == ["2026-11-21", "2026-11-22", "2026-11-23"]


def test_without_a_terminal_it_points_to_retire(cli, marked):
    promise, _, _ = marked
    run = cli("delete", promise)
    assert run.exit_code == 2
    assert f"`trustlog promise retire {promise}` ends a promise and keeps its history" in run.stderr
    assert len(kinds(cli)) == 6


def test_deleting_an_entry_removes_its_edit_draft(cli, home):
    entry = cli("checkin", "--mood", "2", "--note", "private words", "--json").json()
    draft = home / "2026" / "11" / f".edit-{entry['id']}.md"
    draft.write_text("+++\nprivate words, half edited\n")
    assert cli("delete", entry["id"], "--yes").exit_code == 0
    assert not draft.exists()


@pytest.mark.e2e
def test_the_question_shows_the_promise_its_days_and_retire(home):
    promise = json.loads(trustlog(home, "promise", "add", "Call at lunch", "--json"))["id"]
    trustlog(home, "promise", "kept", promise)
    child = spawn(home, "delete", promise)
    child.expect(f"“Call at lunch” \\({promise}\\) has 1 marked day")
    child.expect(f"trustlog promise retire {promise}")
    answer(child, "the promise and its 1 mark\\? This cannot be undone", ENTER)  # No
    child.expect("Kept it.")
    assert finish(child) == 0
    assert len(json.loads(trustlog(home, "entries", "--json"))) == 2
    child = spawn(home, "delete", promise)
    answer(child, "This cannot be undone", "y")
    child.expect(f"Deleted the promise {promise} and its 1 mark.")
    assert finish(child) == 0
    assert json.loads(trustlog(home, "entries", "--json")) == []
