"""A contract revisit and agreement reviews that are due, on the dashboard and in the report."""

from __future__ import annotations

LATER = "2026-12-28T09:00:00+00:00"


def frame(cli):
    cli("contract", "write", "--mine", "I will text when plans change")  # revisit 2026-12-24
    cli("agreement", "add", "Share location until March", "--area", "privacy", "--review",
        "2026-12-20")  # fmt: skip


def test_nothing_due_says_nothing(cli):
    frame(cli)
    board = cli("--json").json()
    assert board["contract_revisit"] == "2026-12-24" and board["contract_due"] is False
    assert board["reviews_due"] == []
    assert "revisit" not in cli().stdout
    report = cli("report", "--json").json()
    assert report["contract"] == {"revisit": "2026-12-24", "due": False}
    assert report["agreement_reviews_due"] == []


def test_the_dashboard_shows_what_is_due(cli, at):
    frame(cli)
    at(LATER)
    board = cli("--json").json()
    assert board["contract_due"] is True
    [review] = board["reviews_due"]
    assert review["text"] == "Share location until March"
    words = cli().stdout
    assert "Your repair contract is due to be revisited (set for Thu 24 Dec)." in words
    assert "Agreement to review together: Share location until March" in words


def test_the_report_notes_what_is_due(cli, at):
    frame(cli)
    at(LATER)
    report = cli("report", "--json").json()
    assert report["contract"] == {"revisit": "2026-12-24", "due": True}
    assert len(report["agreement_reviews_due"]) == 1
    assert any(
        "repair contract was due to be revisited on 2026-12-24" in n for n in report["notes"]
    )
    assert any("An agreement is due for review" in n for n in report["notes"])
    words = cli("report").stdout
    assert "Note: Your repair contract was due to be revisited" in " ".join(words.split())


def test_before_any_contract_the_report_says_null(cli):
    assert cli("report", "--json").json()["contract"] is None
