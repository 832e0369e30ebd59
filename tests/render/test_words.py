"""One wording for numbers, spans of time, dates and cut lines (render/words.py)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from rich.cells import cell_len

from trustlog.render import words
from trustlog.render.output import Output, _Trimmed


@pytest.mark.parametrize(
    ("minutes", "said"),
    [
        (0.0, "less than a minute"),
        (0.4, "less than a minute"),
        (1.0, "1 min"),
        (45.0, "45 min"),
        (75.0, "1 h 15 min"),
        (89.0, "1 h 29 min"),
        (90.0, "1 h 30 min"),
        (120.0, "2 h"),
        (125.0, "2 h 5 min"),
        (24 * 60.0, "1 day"),
        (3 * 24 * 60.0, "3 days"),
        (3 * 24 * 60.0 + 125, "3 days 2 h"),
        (None, "–"),
    ],
)
def test_minutes_in_words(minutes, said):
    assert words.minutes(minutes) == said


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (1.0, "1 s"),
        (30.0, "30 s"),
        (59.6, "1 min"),
        (60.0, "1 min"),
        (100.0, "1 min 40 s"),
        (180.0, "3 min"),
        (3605.0, "1 h 5 s"),
    ],
)
def test_seconds_in_the_same_style(seconds, said):
    assert words.seconds(seconds) == said


def test_a_recovery_reads_the_same_after_resolve_and_in_the_report(cli):
    saved = cli(
        "trigger", "--at", "2026-11-24 18:00", "--what", "x", "--resolved-at", "2026-11-24 19:15"
    )
    assert "It settled after 1 h 15 min.\n" in saved.stderr
    report = cli("report").stdout
    assert "Recovery (median)       1 h 15 min" in report
    assert "Tue 24 Nov 18:00  ██████████████████████████████  1 h 15 min" in report


def test_a_flare_up_settled_within_the_minute_is_said_in_words(cli):
    run = cli("trigger", "--what", "x", "--resolved-at", "2026-11-24 20:00")
    assert "It settled after less than a minute.\n" in run.stderr


def test_counts_percentages_and_averages():
    assert [words.count(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert words.count(1, "entry", "entries") == "1 entry"
    assert words.count(3, "entry", "entries") == "3 entries"
    assert (words.percent(0.8333), words.percent(None)) == ("83%", "–")
    assert (words.decimal(3.25), words.decimal(None)) == ("3.2", "–")


def test_dates_without_the_non_portable_day_flag():
    day = date(2026, 11, 4)
    assert words.full_date(day) == "Wednesday 4 November 2026"
    assert words.full_date(day, year=False) == "Wednesday 4 November"
    assert words.short_date(day) == "Wed 4 Nov"
    assert words.short_date(day, year=True) == "Wed 4 Nov 2026"
    assert words.short_date_time(datetime(2026, 11, 4, 9, 5)) == "Wed 4 Nov 09:05"


# -- cutting by terminal cells -------------------------------------------------------------


@pytest.mark.parametrize("length", [0, 1, 59, 60, 61, 200])
def test_ascii_is_cut_exactly_as_by_characters(length):
    line = "abcdefghij" * 20
    text = line[:length]
    by_characters = text if len(text) <= 60 else text[:59] + "…"
    assert words.fit(text, 60) == by_characters


@pytest.mark.parametrize(
    "text",
    [
        "今日はとても長い一日でした。話し合いがうまくいって、本当にほっとしています。",
        "a今日はとても長い一日でした。話し合いがうまくいって、本当にほっとしています。",
        "😀" * 40,
        "👩‍👩‍👧" * 40,  # one family emoji: several code points, joined, two cells
    ],
)
def test_wide_characters_are_cut_by_cells_never_in_half(text):
    cut = words.fit(text, 60)
    assert cut.endswith("…")
    assert 59 <= cell_len(cut) <= 60
    assert text.startswith(cut[:-1])
    assert words.fit(cut[:-1], 60) == cut[:-1]  # what fits is left whole


def test_the_dashboard_cuts_a_wide_note_at_sixty_cells(cli):
    note = "話し合い" * 20
    cli("checkin", "--mood", "3", "--note", note)
    (line,) = [line for line in cli().stdout.splitlines() if line.startswith("話")]
    assert line == "話し合い" * 7 + "話…"  # 29 wide characters (58 cells), then …, no "."


# -- a one-line message without rich ---------------------------------------------------------

PIECES = [
    ("Saved today's check-in. ", ("id abc12", "muted")),
    ("Updated today's check-in ", ("(mood, trust)", "muted"), ". ", ("id abc12", "muted")),
    (("Marked private: kept out of exports unless you add --include-private.", "muted"),),
    ("x" * 79,),
    ("x" * 81,),  # rich wraps it: left to rich
    ("a naïve line", ("id", "muted")),  # not ASCII: left to rich
    ("ends with a space ",),
]
SETTINGS = [
    {},
    {"FORCE_COLOR": "1"},
    {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "30"},
    {"FORCE_COLOR": "1", "NO_COLOR": "1"},
    {"TTY_COMPATIBLE": "1", "COLORTERM": "truecolor", "TERM": "xterm"},
    {"FORCE_COLOR": ""},
    {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "30", "LINES": ""},
    {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "30", "LINES": "24"},
    {"COLUMNS": "40"},
]


@pytest.mark.parametrize("settings", SETTINGS, ids=str)
@pytest.mark.parametrize("pieces", PIECES, ids=str)
def test_a_message_told_without_rich_is_what_rich_prints(monkeypatch, capsys, pieces, settings):
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLORTERM", "LINES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    Output().tell(*pieces)
    told = capsys.readouterr().err
    console = Output().err
    written = io.StringIO()
    console.file = _Trimmed(written)  # piped (capsys), as the console itself writes
    markup = "".join(
        piece.replace("[", r"\[") if isinstance(piece, str) else f"[{piece[1]}]{piece[0]}[/]"
        for piece in pieces
    )
    console.print(markup)
    assert told == written.getvalue()


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Phone face-up on the table at dinner", 40, "Phone face-up on the table at dinner"),
        ("Phone face-up on the table at dinner", 20, "Phone face-up on…"),
        (
            "Tell you when plans change, and why, every time",
            38,
            "Tell you when plans change, and why…",
        ),
        ("Supercalifragilisticexpialidocious words", 10, "Supercalifragilisticexpialidocious…"),
    ],
)
def test_fit_words_cuts_between_words_never_inside_one(text, width, shown):
    assert words.fit_words(text, width) == shown
