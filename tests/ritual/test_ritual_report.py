"""The weekly ritual in the report (JSON and words) and on the dashboard.

Today is Tuesday 24 November 2026 (ISO week 48: 23–29 November).
"""

from __future__ import annotations

from tests.support.report_journal import checkin


def log(cli, part: str, day: str) -> None:
    assert cli("ritual", "log", part, "--date", day).exit_code == 0


def test_the_report_counts_the_ritual_of_the_period_and_of_the_one_before(cli, journal):
    for day in ("2026-11-01", "2026-11-08", "2026-11-22"):
        log(cli, "repair", day)
    log(cli, "date", "2026-11-14")
    log(cli, "repair", "2026-10-04")
    log(cli, "date", "2026-10-30")  # after 24 October: outside the part compared
    checkin(journal, "2026-11-02", mood=3, care="made tea")
    checkin(journal, "2026-11-03", mood=3, care="  ")
    checkin(journal, "2026-11-05", mood=3, care="a note")
    checkin(journal, "2026-11-06", mood=3)
    checkin(journal, "2026-10-07", mood=3, care="a walk")
    data = cli("report", "--json").json()
    assert data["ritual"] == {"repair": 3, "date": 1, "care_days": 2}
    assert data["previous"]["ritual"] == {"repair": 1, "date": 0, "care_days": 1}
    october = cli("report", "--month", "2026-10", "--json").json()
    assert october["ritual"] == {"repair": 1, "date": 1, "care_days": 1}
    week = cli("report", "--week", "2026-W47", "--json").json()  # 16–22 November
    assert week["ritual"] == {"repair": 1, "date": 0, "care_days": 0}
    words = cli("report").stdout
    assert "Weekly ritual: 3 repair check-ins, 1 date, care on 2 days." in words


def test_the_report_says_nothing_of_a_ritual_never_used(cli, journal):
    checkin(journal, "2026-11-02", mood=3)
    data = cli("report", "--json").json()
    assert data["ritual"] == {"repair": 0, "date": 0, "care_days": 0}
    assert "Weekly ritual" not in cli("report").stdout
    checkin(journal, "2026-11-03", mood=3, care="made tea")
    assert "Weekly ritual: care on 1 day." in cli("report").stdout  # no "0 repair check-ins"


def test_the_dashboard_shows_this_weeks_ritual_done_and_planned(cli):
    assert "This week's ritual" not in cli().stdout  # nothing planned or done: not shown
    cli("ritual", "plan", "--repair", "sun 19:00", "--date", "fri 19:30")
    log(cli, "date", "2026-11-23")
    cli("checkin", "--care", "made tea", "--mood", "4")
    shown = cli().stdout
    assert (
        "This week's ritual:\n"
        "  ○ Repair check-in: not yet · planned Sundays at 19:00\n"
        "  ✓ Date: done\n"
        "    Small acts of care: 1 day of 7 so far\n"
    ) in shown
    data = cli("--json").json()["ritual"]
    assert (data["week"], data["repair"], data["date"], data["care_days"]) == (
        "2026-W48",
        False,
        True,
        1,
    )
    assert data["planned"] == {"repair": "sun 19:00", "date": "fri 19:30", "processing": []}
