"""`trustlog agreement ...` through the command line: add, list, show, revise, retire."""

from __future__ import annotations

import pytest

SPECIFIC = "Tell each other about any messages from exes within 24 hours"


def files(journal):
    if not journal.root.exists():
        return []
    return sorted(p.relative_to(journal.root).as_posix() for p in journal.root.rglob("*.md"))


def test_add_a_specific_agreement_has_no_warnings(cli, journal):
    run = cli("agreement", "add", SPECIFIC, "--area", "disclosure", "--json")
    saved = run.json()
    assert run.exit_code == 0
    assert saved["warnings"] == [] and saved["area"] == "disclosure"
    assert files(journal) == [f"agreements/agreement-{saved['id']}.md"]
    [listed] = cli("agreement", "list", "--json").json()
    assert listed["id"] == saved["id"] and listed["history"] == []
    assert listed["review"] is None and listed["review_due"] is False


def test_add_a_vague_agreement_is_saved_with_gentle_notes(cli):
    saved = cli("agreement", "add", "Be more honest", "--area", "communication", "--json").json()
    [warning] = saved["warnings"]
    assert set(warning) == {"phrase", "why", "suggestion"}
    assert warning["phrase"] == "Be more honest"
    words = cli("agreement", "add", "Try to spend less", "--area", "spending")
    assert words.exit_code == 0
    assert "“Try to”" in words.stderr and "the choice is yours" in words.stderr
    assert "!" not in words.stderr
    new_id = words.stderr.split("id ", 1)[1].split()[0]
    assert f'To reword it: trustlog agreement revise {new_id} "new words"' in words.stderr
    assert "revise ID" not in words.stderr


def test_revise_keeps_every_earlier_wording(cli, journal):
    added = cli("agreement", "add", "Share location", "--area", "privacy").stderr
    agreement_id = cli("agreement", "list", "--json").json()[0]["id"]
    assert agreement_id in added
    cli("agreement", "revise", agreement_id, "Share location until March")
    run = cli("agreement", "revise", agreement_id[:3], "Share location until 1 March", "--json")
    revised = run.json()
    assert revised["action"] == "revised" and revised["warnings"] == []
    assert revised["history"] == ["Share location", "Share location until March"]
    assert revised["revised"] == "2026-11-24"
    shown = cli("agreement", "show", agreement_id, "--json").json()
    assert shown["text"] == "Share location until 1 March"
    assert shown["history"] == revised["history"]
    words = cli("agreement", "show", agreement_id)
    assert "Earlier wordings, oldest first:" in words.stdout
    assert "– Share location until March" in words.stdout
    same = cli("agreement", "revise", agreement_id, "Share location until 1 March", "--json")
    assert same.json()["action"] == "unchanged"


def test_retire_keeps_it_out_of_list_but_in_list_all(cli):
    agreement_id = cli("agreement", "add", SPECIFIC, "--area", "disclosure", "--json").json()["id"]
    run = cli("agreement", "retire", agreement_id)
    assert run.exit_code == 0 and "agreement list --all" in run.stderr
    assert cli("agreement", "list", "--json").json() == []
    [retired] = cli("agreement", "list", "--all", "--json").json()
    assert retired["retired"] == "2026-11-24"
    assert "retired Tue 24 Nov 2026" in cli("agreement", "list", "--all").stdout
    again = cli("agreement", "retire", agreement_id, "--json").json()
    assert again["already_retired"] is True


def test_a_review_date_comes_due(cli, at):
    cli("agreement", "add", "Share location until March", "--area", "privacy", "--review",
        "2026-12-01")  # fmt: skip
    [item] = cli("agreement", "list", "--json").json()
    assert (item["review"], item["review_due"]) == ("2026-12-01", False)
    at("2026-12-01T09:00:00+00:00")
    [item] = cli("agreement", "list", "--json").json()
    assert item["review_due"] is True
    assert "time to review it together" in cli("agreement", "list").stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("add", SPECIFIC), "--area"),
        (("add", SPECIFIC, "--area", "secrets"), "--area"),
        (("add", "   ", "--area", "other"), "TEXT"),
        (("add", SPECIFIC, "--area", "other", "--review", "2026-11-01"), "--review"),
        (("add", SPECIFIC, "--area", "other", "--review", "March"), "--review"),
        (("revise", "zzzzz", "New words"), "ID"),
        (("retire", "zzzzz"), "ID"),
        (("show", "zzzzz"), "ID"),
    ],
)
def test_bad_input_names_the_flag_and_writes_nothing(cli, journal, args, named):
    run = cli("agreement", *args)
    assert run.exit_code == 2
    assert named in run.stderr and "Traceback" not in run.stderr
    assert files(journal) == []


def test_list_shows_agreements_by_area(cli):
    cli("agreement", "add", "No drinks on weeknights", "--area", "substances")
    cli("agreement", "add", SPECIFIC, "--area", "disclosure")
    run = cli("agreement", "list")
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout.index("Substances") < run.stdout.index("Disclosure")
    assert "No drinks on weeknights" in run.stdout
