"""`trustlog contract`: the repair contract by flags, its revisions and what changed."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.fakes import Scripted
from trustlog.domain.contract.model import Contract
from trustlog.domain.contract.service import (
    ContractDraft,
    a_month_on,
    changes,
    contract_standing,
)
from trustlog.prompts.contract import ask_contract

MINE = ("--mine", "I will text when plans change", "--mine", "I will see my counsellor weekly")


def files(journal):
    if not journal.root.exists():
        return []
    return sorted(p.relative_to(journal.root).as_posix() for p in journal.root.rglob("*.md"))


def revision(**parts):
    base = dict(id="x", date=date(2026, 11, 1), revisit=date(2026, 12, 1), revision=1)
    return Contract(**{**base, **parts}, created=None)


@pytest.mark.parametrize(
    ("day", "month_on"),
    [
        (date(2026, 11, 24), date(2026, 12, 24)),
        (date(2026, 12, 15), date(2027, 1, 15)),
        (date(2027, 1, 31), date(2027, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
    ],
)
def test_a_month_on_keeps_the_day_where_the_month_has_it(day, month_on):
    assert a_month_on(day) == month_on


def test_changes_name_what_was_added_removed_and_reworded():
    before = revision(mine=["Text when late", "Call at 7"], theirs=["Say when I need a pause"])
    after = revision(
        mine=["Text when late, before 6", "Call at 7", "See my counsellor"],
        theirs=[],
        support="A walk on Sundays",
        revisit=date(2027, 1, 1),
    )
    found = [(c.part, c.change, c.before, c.after) for c in changes(before, after)]
    assert found == [
        ("mine", "reworded", "Text when late", "Text when late, before 6"),
        ("mine", "added", None, "See my counsellor"),
        ("theirs", "removed", "Say when I need a pause", None),
        ("support", "added", None, "A walk on Sundays"),
        ("revisit", "reworded", "2026-12-01", "2027-01-01"),
    ]


def test_a_commitment_moved_to_another_place_is_not_a_change():
    before = revision(mine=["A", "B"])
    assert changes(before, revision(mine=["B", "A"])) == []


def test_write_by_flags_then_show_as_the_contract_says(cli, journal):
    run = cli("contract", "write", *MINE, "--theirs", "I will say when I need a pause",
              "--support", "A walk together on Sundays", "--breaks", "Any new secret contact",
              "--json")  # fmt: skip
    assert run.exit_code == 0
    written = run.json()
    assert written["action"] == "created" and written["revision"] == 1
    assert files(journal) == [f"contracts/contract-{written['id']}.md"]
    shown = cli("contract", "show", "--json").json()
    assert {
        k: shown[k] for k in ("revision", "date", "mine", "theirs", "support", "breaks", "revisit")
    } == {
        "revision": 1,
        "date": "2026-11-24",
        "mine": ["I will text when plans change", "I will see my counsellor weekly"],
        "theirs": ["I will say when I need a pause"],
        "support": "A walk together on Sundays",
        "breaks": "Any new secret contact",
        "revisit": "2026-12-24",
    }
    assert shown["due"] is False
    assert cli("contract", "--json").json() == shown
    words = cli("contract")
    assert words.exit_code == 0
    assert "1. I will text when plans change" in words.stdout
    assert "Next revisit: Thursday 24 December 2026." in words.stdout


def test_a_new_revision_carries_over_what_was_not_given(cli):
    cli("contract", "write", *MINE, "--support", "Walks")
    run = cli("contract", "write", "--theirs", "I will ask before I look", "--revisit",
              "2027-01-10", "--json")  # fmt: skip
    written = run.json()
    assert written["revision"] == 2
    assert written["mine"] == ["I will text when plans change", "I will see my counsellor weekly"]
    assert written["support"] == "Walks" and written["revisit"] == "2027-01-10"
    assert [(c["part"], c["change"]) for c in written["changes"]] == [
        ("theirs", "added"),
        ("revisit", "reworded"),
    ]
    history = cli("contract", "history", "--json").json()
    assert [r["revision"] for r in history] == [1, 2]
    assert history[1]["changes"] == written["changes"]
    words = cli("contract", "history")
    assert (words.exit_code, words.stderr) == (0, "")
    assert "Revision 2" in words.stdout
    assert "added their commitment:\n    “I will ask before I look”" in words.stdout
    assert "moved the revisit: 2026-12-24 → 2027-01-10" in words.stdout


def test_a_blank_support_clears_it_and_the_same_words_make_no_revision(cli, journal):
    cli("contract", "write", *MINE, "--support", "Walks", "--revisit", "2027-01-01")
    cleared = cli("contract", "write", "--support", "", "--revisit", "2027-01-01", "--json").json()
    assert cleared["support"] is None and cleared["revision"] == 2
    again = cli("contract", "write", "--support", "", "--revisit", "2027-01-01", "--json").json()
    assert again["action"] == "unchanged" and again["revision"] == 2
    assert len(files(journal)) == 2
    words = cli("contract", "write", "--revisit", "2027-01-01")
    assert "Nothing changed" in words.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ((), "--mine, --theirs, --support, --breaks or --revisit"),
        (("--support", "Walks"), "--mine / --theirs"),
        (("--mine", "a", "--mine", "b", "--mine", "c", "--mine", "d"), "--mine"),
        ((*MINE, "--revisit", "2026-11-24"), "--revisit"),
        ((*MINE, "--revisit", "next month"), "--revisit"),
    ],
)
def test_bad_input_names_the_flag_and_writes_nothing(cli, journal, args, named):
    run = cli("contract", "write", *args)
    assert run.exit_code == 2
    assert named in run.stderr and "Traceback" not in run.stderr
    assert files(journal) == []


def test_show_and_history_before_any_contract(cli):
    assert cli("contract", "show", "--json").json() is None
    assert cli("contract", "history", "--json").json() == []
    run = cli("contract")
    assert run.exit_code == 0 and "trustlog contract write" in run.stderr


def test_the_standing_says_when_the_revisit_is_due(cli, journal, at):
    assert contract_standing(journal, date(2026, 11, 24)) is None
    cli("contract", "write", *MINE)
    assert not contract_standing(journal, date(2026, 12, 23)).due
    standing = contract_standing(journal, date(2026, 12, 24))
    assert standing.due and standing.to_json() == {"revisit": "2026-12-24", "due": True}


def test_the_prompts_start_from_the_current_words():
    current = revision(mine=["Text when late"], theirs=["Pause when flooded"], support="Walks")
    ask = Scripted(
        "Text when late, before 6", None, "See my counsellor",
        "Pause when flooded", None, None,
        "Walks", None, "2027-01-05",
    )  # fmt: skip
    draft = ask_contract(ask, current, date(2026, 12, 24))
    assert draft == ContractDraft(
        mine=["Text when late, before 6", "See my counsellor"],
        theirs=["Pause when flooded"],
        support="Walks",
        breaks="",
        revisit="2027-01-05",
    )
    assert ask.asked[0].default == "Text when late" and ask.asked[1].default is None
    assert ask.asked[6].default == "Walks"
    assert ask.asked[8].default == "2026-12-24"
    assert ask.messages[0] == "Your commitment, 1 of 3?"


def test_a_revisit_answer_that_is_not_a_date_is_asked_again():
    ask = Scripted(*[None] * 8, "soon", "2027-02-01")
    draft = ask_contract(ask, None, date(2026, 12, 24))
    assert draft.revisit == "2027-02-01" and "YYYY-MM-DD" in (ask.asked[9].hint or "")


def test_ctrl_c_keeps_what_was_answered_and_leaves_the_rest_as_it_was():
    current = revision(mine=["Text when late", "Call at 7"], theirs=["Pause"], support="Walks")
    ask = Scripted("Text when late, before 6", KeyboardInterrupt, True)

    def text(message, default=None, hint=None):
        answer = Scripted.text(ask, message, default, hint)
        if answer is KeyboardInterrupt:
            raise KeyboardInterrupt
        return answer

    ask.text = text
    draft = ask_contract(ask, current, date(2026, 12, 24))
    assert ask.messages[-1] == "Keep what you have so far?"
    assert draft == ContractDraft(mine=["Text when late, before 6", "Call at 7"])


def test_ctrl_c_before_any_answer_leaves():
    ask = Scripted()

    def text(message, default=None, hint=None):
        raise KeyboardInterrupt

    ask.text = text
    with pytest.raises(KeyboardInterrupt):
        ask_contract(ask, None, date(2026, 12, 24))


def test_a_revision_keeps_the_agreed_revisit_while_it_is_ahead(cli, at):
    cli("contract", "write", *MINE, "--revisit", "2026-12-14")
    at("2026-12-01T20:00:00+00:00")
    later = cli("contract", "write", "--support", "Walks on Sundays", "--json").json()
    assert later["revisit"] == "2026-12-14"
    assert [c["part"] for c in later["changes"]] == ["support"]
    at("2026-12-14T20:00:00+00:00")  # the revisit has come: the next one is a month on
    due = cli("contract", "write", "--breaks", "A new secret", "--json").json()
    assert due["revisit"] == "2027-01-14"


def test_the_prompt_offers_the_agreed_revisit_and_enter_keeps_it(cli, journal, at):
    from trustlog import clock
    from trustlog.domain.contract.service import write_contract

    cli("contract", "write", *MINE, "--revisit", "2026-12-14")
    at("2026-12-01T20:00:00+00:00")
    script = Scripted(
        "I will text when plans change",
        "I will see my counsellor weekly",
        None,
        None,
        None,
        None,
        None,
        None,
        "2026-12-14",
    )  # fmt: skip  (each answer what Enter gives: the prefilled words)

    written = write_contract(
        journal,
        ContractDraft(),
        clock.now(),
        lambda current, revisit: ask_contract(script, current, revisit),
    )
    assert script.asked[8].default == "2026-12-14"
    assert script.asked[8].hint == "(YYYY-MM-DD, Enter keeps it)"
    assert written.action == "unchanged" and written.contract.revisit == date(2026, 12, 14)
