"""`trustlog export --format csv`: one row per check-in day, for spreadsheets.

The columns (docs/export.md lists them) hold the day's figures as the report
counts them; numbers are plain (a dot for decimals), dates are YYYY-MM-DD,
text cells keep the person's words. The file starts with a UTF-8 byte order
mark, so spreadsheet programs read accents and emoji right, and a text cell
that starts like a formula (= + - @) gets a leading apostrophe, so opening
the file never runs one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from trustlog.domain.checkin.model import Checkin
from trustlog.domain.export.model import Export
from trustlog.domain.report.model import DayFigures
from trustlog.render.safe import visible

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_SEPARATOR = "; "  # between the items of a list in one cell


def _text(value: str | None) -> str:
    if not value:
        return ""
    shown = visible(value.strip())
    return "'" + shown if shown.startswith(FORMULA_START) else shown


def _texts(values: list[str]) -> str:
    return _text(TEXT_SEPARATOR.join(v.strip() for v in values if v.strip()))


def _number(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


Cell = Callable[[Checkin, DayFigures, int], Any]  # the check-in, its day, flare-ups settled

# (column, cell): every column a row has, in order.
COLUMNS: tuple[tuple[str, Cell], ...] = (
    ("date", lambda c, d, s: c.date.isoformat()),
    ("mood", lambda c, d, s: _number(c.mood)),
    ("trust", lambda c, d, s: _number(c.trust)),
    ("feeling", lambda c, d, s: _text(c.feeling)),
    ("affection", lambda c, d, s: _number(c.affection)),
    ("detective_work", lambda c, d, s: _number(c.detective)),
    ("arguments", lambda c, d, s: len([t for t in c.arguments if t.strip()])),
    ("argument_topics", lambda c, d, s: _texts(c.arguments)),
    ("grateful", lambda c, d, s: _texts(c.grateful)),
    ("care", lambda c, d, s: _text(c.care)),
    ("promises_kept", lambda c, d, s: d.kept),
    ("promises_broken", lambda c, d, s: d.broken),
    ("promises_repaired", lambda c, d, s: d.repaired),
    ("promises_unrecorded", lambda c, d, s: d.unrecorded),
    ("triggers", lambda c, d, s: d.triggers),
    ("triggers_settled", lambda c, d, s: s),
    ("private", lambda c, d, s: "yes" if c.private else ""),
    ("note", lambda c, d, s: _text(c.note)),
)


def render(export: Export) -> bytes:
    by_date = {day.date: day for day in export.figures.days}
    settled = {
        day.date: sum(1 for trigger in day.triggers if trigger.resolved_at is not None)
        for day in export.days
    }
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(name for name, _ in COLUMNS)
    for day in export.days:
        for checkin in day.checkins[-1:]:  # one a day
            figures = by_date.get(day.date, DayFigures(day.date))
            writer.writerow(cell(checkin, figures, settled[day.date]) for _, cell in COLUMNS)
    return (BOM + buffer.getvalue()).encode("utf-8")
