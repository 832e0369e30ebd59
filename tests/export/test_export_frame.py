"""The weekly ritual and the frame the two people agreed, in a therapist's export.

Today is Tuesday 2026-11-24 (conftest); the default window is the four weeks to today.
"""

from __future__ import annotations

from tests.support.report_journal import checkin


def _export(cli, *flags: str) -> str:
    run = cli("export", "--output", "-", *flags)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def _section(text: str, heading: str) -> str:
    return text.split(heading, 1)[1].split("\n### ", 1)[0]


def test_the_summary_counts_the_weeks_ritual_as_the_report_does(cli, journal):
    checkin(journal, "2026-11-02", mood=3, care="Made her tea")
    checkin(journal, "2026-11-03", mood=3, care="  ")  # blank care is not an act of care
    checkin(journal, "2026-11-10", mood=4, care="Picked up the kids")
    for day, what in [("2026-11-08", "repair"), ("2026-11-15", "repair"), ("2026-11-13", "date")]:
        run = cli("ritual", "log", what, "--date", day, "--minutes", "30")
        assert run.exit_code == 0, run.stderr
    cli("ritual", "log", "repair", "--date", "2026-10-01")  # before the window
    cli("ritual", "log", "date", "--date", "2026-11-20", "--private")

    text = _export(cli)

    ritual = _section(text, "### Weekly ritual")
    assert ritual.strip() == (
        "2 repair check-ins and 1 date; an act of care noted on 2 of 28 days."
    )
    assert "**Weekly repair check-in** · 30 min" in text
    assert "**Date together** · 30 min" in text
    assert text.count("**Date together**") == 1  # the private one stays out
    report = cli("report", "--month", "2026-11", "--json").json()["ritual"]
    assert report == {"repair": 2, "date": 2, "care_days": 2}  # the report counts the private one


def test_the_ritual_section_goes_when_rituals_are_left_out(cli, journal):
    checkin(journal, "2026-11-02", mood=3, care="Made her tea")
    cli("ritual", "log", "repair", "--date", "2026-11-08", "--note", "Talked about Friday")

    text = _export(cli, "--only", "checkin")

    assert "### Weekly ritual" not in text
    assert "Talked about Friday" not in text


def test_the_contract_and_agreements_show_on_the_day_they_were_made(cli, journal, at):
    at("2026-11-10T09:00:00+00:00")
    assert (
        cli(
            "contract",
            "write",
            "--mine",
            "Tell you where I am",
            "--theirs",
            "Say when it hurts",
            "--support",
            "A hug at night",
            "--breaks",
            "Contact with Alex",
        ).exit_code
        == 0
    )
    added = cli(
        "agreement",
        "add",
        "Share my location until March",
        "--area",
        "privacy",
        "--review",
        "2027-03-01",
    )
    assert added.exit_code == 0, added.stderr
    at("2026-11-24T20:00:00+00:00")

    text = _export(cli)

    day = text.split("### Tuesday 10 November 2026", 1)[1].split("\n## ", 1)[0]
    assert "**Repair contract, revision 1**" in day
    assert "- I commit to: Tell you where I am" in day
    assert "- They commit to: Say when it hurts" in day
    assert "- What would break it: Contact with Alex" in day
    assert "- Revisit on Thu 10 Dec 2026" in day
    assert "**Agreement** · privacy" in day
    assert "- Share my location until March" in day
    assert "- To review on Mon 1 Mar 2027" in day
    assert "1 repair contract revision, 1 agreement" in text

    without = _export(cli, "--only", "checkin", "--redact", "Alex")
    assert "Repair contract" not in without and "Share my location" not in without


def test_redaction_reaches_the_contract_and_the_ritual(cli, journal, at):
    at("2026-11-10T09:00:00+00:00")
    cli("contract", "write", "--mine", "No contact with Alex", "--theirs", "Say when it hurts")
    cli("ritual", "log", "repair", "--note", "Alex came up")
    at("2026-11-24T20:00:00+00:00")

    text = _export(cli, "--redact", "alex")

    assert "alex" not in text.lower()
