"""Pictures drawn with characters: sparklines, the report's calendar, its recovery bars.

Each reads without colour (shapes, not hues) and fits the width it is given.
The report (report.py) and the partner's side (partner_side.py) draw with them.
"""

from __future__ import annotations

from datetime import date, timedelta

from trustlog.domain.core.period import MONTH
from trustlog.domain.report.model import DayFigures, Figures
from trustlog.render import words
from trustlog.render.lines import Line

SPARKS = "▁▂▃▄▅▆▇█"
NO_DATA = "·"
BAR = "█"
BAR_WIDTH = 30
MAX_BARS = 10
CALENDAR_LEGEND = "● checked in   ✓ kept   ~ repaired   ✗ broken   ? not recorded"


def spark(value: float, low: float, high: float) -> str:
    """One cell of a sparkline: where `value` stands from `low` to `high`, in eight heights."""
    step = (value - low) / (high - low) if high > low else 0
    return SPARKS[max(0, min(len(SPARKS) - 1, round(step * (len(SPARKS) - 1))))]


def sparklines(now: Figures, as_of: date) -> list[Line]:
    days = now.days
    indent = " " * 16
    if now.period.kind == MONTH:
        ruler = _ruler(days)
    else:
        ruler = "".join(f"{day.date:%a}"[0] for day in days)
    return [
        Line("Day by day", style="title"),
        Line((indent + ruler).rstrip(), style="muted"),
        Line(("  Mood (1–5)    " + _spark([d.mood for d in days], days, as_of, 1, 5)).rstrip()),
        Line(("  Trust (0–10)  " + _spark([d.trust for d in days], days, as_of, 0, 10)).rstrip()),
    ]


def _ruler(days: list[DayFigures]) -> str:
    """Day numbers above the sparkline: 1, then every fifth day, each starting at its column."""
    cells = [" "] * len(days)
    for index, day in enumerate(days):
        number = day.date.day
        if number == 1 or number % 5 == 0:
            label = str(number)
            if index + len(label) <= len(cells) and all(
                c == " " for c in cells[index : index + len(label)]
            ):
                cells[index : index + len(label)] = list(label)
    return "".join(cells)


def _spark(
    values: list[float | None], days: list[DayFigures], as_of: date, low: int, high: int
) -> str:
    chars = []
    for value, day in zip(values, days, strict=True):
        if day.date > as_of:
            chars.append(" ")
        elif value is None:
            chars.append(NO_DATA)
        else:
            chars.append(spark(value, low, high))
    return "".join(chars)


def calendar(days: list[DayFigures], as_of: date, width: int = 80) -> list[Line]:
    names = "".join(f"{name:>5}" for name in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))
    lines = [Line("Calendar", style="title"), Line("  " + names[1:], style="muted")]
    first = days[0].date
    week_start = first - timedelta(days=first.weekday())
    row = Line("  ")
    cells = {day.date: day for day in days}
    current = week_start
    while current <= days[-1].date:
        day = cells.get(current)
        if day is None:
            row.append("     ")
        else:
            mark = "●" if day.checkin else " "
            outcome = _outcome(day) if day.date <= as_of else " "
            row.append(f" {day.date.day:>2}")
            row.append(mark, style="accent")
            row.append(outcome, style=_outcome_style(outcome))
        if current.weekday() == 6:
            lines.append(_trimmed(row))
            row = Line("  ")
        current += timedelta(days=1)
    if row.plain.strip():
        lines.append(_trimmed(row))
    lines += [Line(line, style="muted") for line in _legend(CALENDAR_LEGEND, width)]
    return lines


def _legend(legend: str, width: int) -> list[str]:
    """The legend's items on as few lines as fit `width`, never an item cut in two."""
    lines = ["  "]
    for item in legend.split("   "):
        gap = "   " if lines[-1].strip() else ""
        if lines[-1].strip() and len(lines[-1] + gap + item) > width:
            lines.append("  ")
            gap = ""
        lines[-1] += gap + item
    return lines


def _outcome(day: DayFigures) -> str:
    if day.broken:
        return "✗"
    if day.repaired:
        return "~"
    if day.unrecorded:
        return "?"
    if day.kept:
        return "✓"
    return " "


def _outcome_style(outcome: str) -> str:
    return {"✓": "good", "✗": "warn", "~": "accent"}.get(outcome, "muted")


def _trimmed(row: Line) -> Line:
    row.rstrip()
    return row


def recovery_bars(now: Figures, width: int = 80) -> list[Line]:
    items = now.triggers.items
    lines = [Line("Recovery after triggers", style="title")]
    shown = items[-MAX_BARS:]
    if len(items) > len(shown):
        lines.append(Line(f"  the last {len(shown)} of {len(items)}", style="muted"))
    longest = max((m for _, m in shown if m is not None), default=0.0)
    # The bars shrink to leave room for the date and the longest time on a narrow screen.
    said = max((len(words.minutes(max(m, 0.0))) for _, m in shown if m is not None), default=0)
    bar_width = max(min(BAR_WIDTH, width - 20 - 2 - said - 1), 6)
    for started, minutes in shown:
        line = Line(f"  {words.short_date_time(started)}".ljust(20))
        if minutes is None:
            line.append("not settled yet", style="muted")
        else:
            drawn = max(1, round(minutes / longest * bar_width)) if longest > 0 else 1
            line.append(BAR * drawn, style="accent")
            line.append(" " * (bar_width - drawn + 2) + words.minutes(max(minutes, 0.0)))
        lines.append(line)
    return lines
