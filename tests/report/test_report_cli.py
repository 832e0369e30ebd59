"""`trustlog report` through the command line: flags, JSON, exit codes, the rendered view."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.support.report_journal import checkin, mark, marks, promise, trigger

CONTRACT_KEYS = {
    "period",
    "checkins",
    "mood",
    "trust",
    "promises",
    "triggers",
    "arguments",
    "affection",
    "detective_work",
    "ritual",
}


@pytest.fixture
def november(journal):
    """A few weeks of a real-looking November 2026 (today is Tuesday 24 November)."""
    moods = {1: 2, 2: 3, 3: 3, 5: 2, 6: 3, 7: 4, 8: 4, 9: 3, 10: 4, 12: 4, 13: 5}
    for day, mood in moods.items():
        checkin(journal, f"2026-11-{day:02d}", mood=mood, trust=mood + 2, affection=day % 3)
    checkin(journal, "2026-11-14", mood=3, trust=5, arguments=["money"], detective=1)
    checkin(journal, "2026-11-16", mood=4, trust=6, arguments=["Money"])
    for day in range(17, 25):
        checkin(journal, f"2026-11-{day}", mood=4, trust=7, affection=1)
    checkin(journal, "2026-10-03", mood=2, trust=3)
    checkin(journal, "2026-10-10", mood=2, trust=3, detective=3, arguments=["money"])
    checkin(journal, "2026-10-11", mood=2, trust=3, detective=2, affection=1)
    checkin(journal, "2026-10-20", mood=3, trust=4, detective=1)
    late = promise(journal, "Text if I'm running late", "2026-10-01")
    marks(journal, late, [f"2026-10-{d:02d}" for d in range(1, 32) if d % 4], "kept")
    marks(journal, late, [f"2026-10-{d:02d}" for d in range(1, 32) if not d % 4], "broken")
    marks(journal, late, [f"2026-11-{d:02d}" for d in range(1, 25) if d != 11], "kept")
    mark(journal, late, "2026-11-11", "broken", repair="Said sorry and called")
    trigger(journal, "2026-10-12 21:00", "2026-10-12 22:30")
    trigger(journal, "2026-11-04 20:00", "2026-11-04 20:45")
    trigger(journal, "2026-11-15 22:10", "2026-11-15 22:30")
    trigger(journal, "2026-11-21 23:50", "2026-11-22 00:05")
    return journal


# The whole view at 80 columns with NO_COLOR, as a person (or a file) receives it.
GOLDEN = """\
Your progress · November 2026
Sun 1 Nov – Mon 30 Nov 2026, so far (to Tue 24 Nov)
Compared with 1–24 October, the same days of last month.

                        this month  last month
Check-in days                   21           4
Mood (1–5)                     3.6         2.2
Trust (0–10)                   6.0         3.2
Follow-through                 96%         75%   ▲ better
Promise strength               88%         53%
Recovery (median)           20 min  1 h 30 min
Per check-in day
  Repeat arguments             0.1         0.0   ▼ worse
  Affection                    0.9         0.2   ▲ better
  Detective work               0.0         1.5   ▲ better

Check-ins: 21 days, longest run 9 days.
Promises: 23 of 24 recorded days kept; 1 repaired.
Triggers: 3, 3 settled.
Arguments: 2, of which 2 about a topic seen before.
Noted: 18 moments of affection, 1 time of detective work.
Strength grows with each kept day; a broken day lowers it,
a repaired one less. From 0, 13 kept days make it 50%,
so it is shown once 14 days are recorded.

Day by day
                1   5    10   15   20   25
  Mood (1–5)    ▃▅▅·▃▅▆▆▅▆·▆█▅·▆▆▆▆▆▆▆▆▆
  Trust (0–10)  ▄▅▅·▄▅▅▅▅▅·▅▆▅·▅▆▆▆▆▆▆▆▆

Calendar
   Mon  Tue  Wed  Thu  Fri  Sat  Sun
                                  1●✓
    2●✓  3●✓  4 ✓  5●✓  6●✓  7●✓  8●✓
    9●✓ 10●✓ 11 ~ 12●✓ 13●✓ 14●✓ 15 ✓
   16●✓ 17●✓ 18●✓ 19●✓ 20●✓ 21●✓ 22●✓
   23●✓ 24●✓ 25   26   27   28   29
   30
  ● checked in   ✓ kept   ~ repaired   ✗ broken   ? not recorded

Recovery after triggers
  Wed 4 Nov 20:00   ██████████████████████████████  45 min
  Sun 15 Nov 22:10  █████████████                   20 min
  Sat 21 Nov 23:50  ██████████                      15 min

★ Your first full week of check-ins: seven days in a row.

· More arguments came back, per check-in day: 0.1, was 0.0.
Setbacks are part of the path; they do not undo what came before.
"""


def test_json_has_the_contract_keys_and_only_json(cli, november):
    run = cli("report", "--json")
    assert run.exit_code == 0
    data = run.json()
    assert CONTRACT_KEYS | {"previous", "trends", "milestones", "notes"} <= set(data)
    assert set(data["previous"]) >= CONTRACT_KEYS
    assert set(data["trends"]) == {
        "follow_through",
        "median_recovery_minutes",
        "repeats",
        "affection",
        "detective_work",
    }
    assert data["period"] == {"kind": "month", "start": "2026-11-01", "end": "2026-11-30"}
    assert data["checkins"] == {"days": 21, "longest_streak": 9}
    assert data["arguments"] == {"count": 2, "repeats": 2}
    assert data["promises"]["kept"] == 23
    assert data["promises"]["repaired"] == 1
    assert data["promises"]["follow_through"] == pytest.approx(23 / 24)
    assert data["triggers"] == {"count": 3, "resolved": 3, "median_recovery_minutes": 20.0}


def test_month_and_week_with_and_without_a_value(cli, november):
    this_month = cli("report", "--json").json()
    assert cli("report", "--month", "--json").json() == this_month
    assert cli("report", "--json", "--month").json() == this_month
    assert cli("report", "--month", "2026-11", "--json").json() == this_month
    assert cli("report", "--month=2026-11", "--json").json() == this_month
    october = cli("report", "--month", "2026-10", "--json").json()
    assert october["period"]["start"] == "2026-10-01"
    week = cli("report", "--week", "--json").json()
    assert week["period"] == {"kind": "week", "start": "2026-11-23", "end": "2026-11-29"}
    # The week still running (today is Tuesday) is compared with Monday and Tuesday before.
    assert week["previous"]["period"] == {
        "kind": "week",
        "start": "2026-11-16",
        "end": "2026-11-17",
    }
    assert cli("report", "--week", "2026-W48", "--json").json() == week


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("--month", "2026-13"), "--month"),
        (("--month", "november"), "--month"),
        (("--week", "2025-W53"), "--week"),
        (("--week", "2026-W0"), "--week"),
        (("--month", "2026-11", "--week", "2026-W48"), "--month and --week"),
    ],
)
def test_invalid_periods_are_bad_input(cli, args, flag):
    run = cli("report", *args)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.startswith(f"trustlog: {flag}")
    assert "Traceback" not in run.stderr


def test_an_empty_journal_gets_a_friendly_report_and_stays_untouched(cli, home):
    run = cli("report")
    assert run.exit_code == 0
    assert "Nothing is recorded for November 2026 yet" in run.stdout
    assert "trustlog checkin" in run.stdout
    assert not home.exists()  # reading never creates a journal
    data = cli("report", "--json").json()
    assert data["checkins"]["days"] == 0
    assert data["trends"] == dict.fromkeys(data["trends"])


def test_an_empty_past_month_points_to_the_month_with_entries(cli, journal):
    checkin(journal, "2026-09-03", mood=3)
    run = cli("report", "--month", "2026-10")
    assert "Nothing was recorded in October 2026" in run.stdout
    assert "trustlog report --month 2026-09" in run.stdout


def test_the_rendered_report_is_plain_and_fits_80_columns(cli, november):
    run = cli("report")
    assert run.exit_code == 0
    assert "\x1b[" not in run.stdout
    assert all(len(line) <= 80 for line in run.stdout.splitlines())
    assert run.stdout == GOLDEN


def test_the_week_view_fits_80_columns(cli, november):
    run = cli("report", "--week", "2026-W47")
    assert run.exit_code == 0
    assert all(len(line) <= 80 for line in run.stdout.splitlines())
    assert "Week 47 of 2026" in run.stdout


def test_report_help_names_both_flags(cli):
    run = cli("report", "--help")
    assert run.exit_code == 0
    assert "--month" in run.stdout and "--week" in run.stdout


def test_json_is_valid_when_piped(cli, november):
    run = cli("report", "--week", "--json")
    assert json.loads(run.stdout)["period"]["kind"] == "week"


def test_a_busy_week_still_fits_80_columns(cli, journal):
    long_text = "Tell you about every message from my ex within a day, without being asked"
    walk = promise(journal, long_text, "2026-10-01")
    marks(journal, walk, [f"2026-10-{d:02d}" for d in range(1, 20)], "kept")
    # A day that says what was done: "every message" kept only because none came is no
    # milestone (test_report.py), this one is.
    mark(journal, walk, "2026-10-20", "kept", note="Told you about his message that evening")
    marks(journal, walk, [f"2026-10-{d:02d}" for d in range(21, 32)], "kept")
    marks(journal, walk, [f"2026-11-{d:02d}" for d in range(1, 25)], "kept")
    for hour in range(12):
        trigger(
            journal, f"2026-10-28 {hour + 8:02d}:00", f"2026-10-28 {hour + 8:02d}:{5 * hour:02d}"
        )
    run = cli("report", "--week", "2026-W44")
    assert run.exit_code == 0
    assert all(len(line) <= 80 for line in run.stdout.splitlines())
    assert "the last 10 of 12" in run.stdout
    assert "four weeks running" in run.stdout
    assert "not settled yet" not in run.stdout


def test_piped_to_a_file_without_no_color_it_is_plain_text(november, home, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(TRUSTLOG_HOME=str(home), TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    target = tmp_path / "report.txt"
    with target.open("w") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "trustlog", "report"],
            env=env,
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "▲ better" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_start_up_does_not_import_the_report(home):
    probe = "import sys, trustlog.cli.app; print('trustlog.domain.report.figures' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_journal_from_a_newer_trustlog_is_refused_untouched(cli, journal, home):
    checkin(journal, "2026-11-02", mood=3)
    (home / "journal.toml").write_text("format = 99\n")
    run = cli("report")
    assert run.exit_code == 1
    assert "newer trustlog" in run.stderr
    assert not (home / "cache").exists()


def test_at_60_columns_the_recovery_bars_and_the_legend_fit(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    cli("promise", "add", "Evening walk", "--start", "2026-11-01")
    cli("checkin", "--date", "2026-11-02", "--mood", "3")
    for day, settled in (("10", "23:40"), ("11", "20:05"), ("12", "21:10")):
        cli("trigger", "--at", f"2026-11-{day} 20:00", "--what", "a name on TV",
            "--resolved-at", f"2026-11-{day} {settled}", "--no-timer")  # fmt: skip
    run = cli("report")
    lines = run.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60, [wide for wide in lines if len(wide) > 60]
    bars = [line for line in lines if "█" in line]
    assert len(bars) == 3 and all(line.rstrip().endswith(("min", "h")) for line in bars)
    assert any(line.strip().startswith("● checked in") for line in lines)
    assert any(
        line.strip().startswith("? not recorded") or "? not recorded" in line for line in lines
    )
