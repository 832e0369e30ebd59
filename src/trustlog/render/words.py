"""Numbers, spans of time and dates as people read them: one wording for every screen.

Every renderer and prompt words these through here, so "1 h 15 min" reads the
same after `trigger resolve` as in the report, and a change of wording is made
once. JSON never goes through here: it keeps the unrounded numbers.
"""

from __future__ import annotations

from datetime import date, datetime

from trustlog.render.safe import visible

NOTHING = "–"  # a figure with nothing to show yet
ELLIPSIS = "…"
QUOTE_CELLS = 60  # a person's line quoted inside a message or a one-line summary


# -- counts and figures ------------------------------------------------------------------


def plural(count: int, word: str, many: str | None = None) -> str:
    """`word` as it goes with `count`: "day" for 1, "days" (or `many`) otherwise."""
    return word if count == 1 else many or f"{word}s"


def count(number: int, word: str, many: str | None = None) -> str:
    """ "1 day", "3 days", "2 entries" (with `many` for the irregular ones)."""
    return f"{number} {plural(number, word, many)}"


def percent(value: float | None) -> str:
    """A share from 0 to 1 as a whole percentage: "83%"."""
    return NOTHING if value is None else f"{round(value * 100)}%"


def decimal(value: float | None) -> str:
    """An average to one decimal: "3.5"."""
    return NOTHING if value is None else f"{value:.1f}"


# -- spans of time -----------------------------------------------------------------------


def minutes(value: float | None) -> str:
    """A span given in minutes, to the minute: "25 min", "1 h 40 min", "2 days 3 h".

    Under half a minute is "less than a minute": "0 min" reads as if nothing
    happened.
    """
    if value is None:
        return NOTHING
    total = round(value)
    if total < 1:
        return "less than a minute"
    if total < 60:
        return f"{total} min"
    hours, rest = divmod(total, 60)
    if hours < 24:
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{count(days, 'day')} {hours} h" if hours else count(days, "day")


def seconds(value: float) -> str:
    """A span given in seconds, to the second, in the same style: "30 s", "1 min 40 s"."""
    total = round(value)
    if total < 60:
        return f"{total} s"
    whole_minutes, rest = divmod(total, 60)
    return f"{minutes(whole_minutes)} {rest} s" if rest else minutes(whole_minutes)


# -- dates and times ---------------------------------------------------------------------
# The day of the month is written as a number, not with strftime's "%-d": that
# flag is a glibc extension, unknown to Windows' C library.


def full_date(day: date, year: bool = True) -> str:
    """ "Tuesday 24 November 2026" (or without the year: "Tuesday 24 November")."""
    words = f"{day:%A} {day.day} {day:%B}"
    return f"{words} {day.year}" if year else words


def short_date(day: date, year: bool = False) -> str:
    """ "Tue 24 Nov" (or with the year: "Tue 24 Nov 2026")."""
    words = f"{day:%a} {day.day} {day:%b}"
    return f"{words} {day.year}" if year else words


def short_date_time(moment: datetime) -> str:
    """ "Tue 24 Nov 20:00", in the time the moment carries."""
    return f"{short_date(moment)} {moment:%H:%M}"


def date_time(moment: datetime) -> str:
    """ "Tue 24 Nov 2026, 19:30", in local time: a moment as a person reads it."""
    local = moment.astimezone()
    return f"{short_date(local.date(), year=True)}, {local:%H:%M}"


def local_time(moment: datetime) -> str:
    """ "2026-11-24 19:15" in local time: the form `--at` takes, so it can be typed back."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# -- text for the screen -----------------------------------------------------------------


def fit(text: str, width: int) -> str:
    """`text` cut with … to at most `width` terminal cells.

    Cells, not characters: a CJK character or an emoji takes two, and a
    character is never cut in half. rich measures them (imported only here,
    where a screen is being drawn anyway).
    """
    from rich.cells import cell_len, chop_cells

    text = visible(text)  # measured as it will be shown
    if cell_len(text) <= width:
        return text
    return chop_cells(text, width - 1)[0] + ELLIPSIS


def fit_words(text: str, width: int) -> str:
    """`text` cut with … between words to at most `width` cells; never a word cut in
    half (a first word longer than `width` is kept whole)."""
    from rich.cells import cell_len

    text = visible(text)
    if cell_len(text) <= width:
        return text
    kept = ""
    for word in text.split(" "):
        longer = f"{kept} {word}" if kept else word
        if kept and cell_len(longer) > width - 1:
            break
        kept = longer
    return kept.rstrip(" ,;:—–-") + ELLIPSIS


def quoted(line: str) -> str:
    """A person's line as a message or a summary quotes it: at most QUOTE_CELLS cells."""
    return fit(line, QUOTE_CELLS)


# -- what a figure means -------------------------------------------------------------------

# Shown once wherever a promise's strength is, in lines that fit 60 columns
# (CONTRACT.md: s <- s*m + v*(1-m), m = 0.5^(1/13): 13 kept days from 0 give 50%).
STRENGTH_EXPLAINED = (
    "Strength grows with each kept day; a broken day lowers it,",
    "a repaired one less. From 0, 13 kept days make it 50%,",
    "so it is shown once 14 days are recorded.",
)
