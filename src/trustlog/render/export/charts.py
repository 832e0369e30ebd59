"""Where the HTML export's pictures put things: the trust and mood line, each promise's calendar.

Only geometry and words: the SVG itself is drawn by the macros of
templates/charts.svg from what these functions return. Drawing units; the
SVG scales to the page's width.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from trustlog.domain.export.model import Export, PromiseRecord
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.standing import FUTURE, REPAIRED, UNRECORDED
from trustlog.domain.report.model import DayFigures
from trustlog.render import words
from trustlog.render.export import wording

# -- the mood and trust line ------------------------------------------------------------

CHART_WIDTH, LEFT, RIGHT = 720, 92, 12
TRUST_TOP, TRUST_BOTTOM = 30, 92  # trust 10 at the top, 0 at the bottom
MOOD_TOP, MOOD_BOTTOM = 106, 142  # mood 5 at the top, 1 at the bottom
FLARE_ROW = 158
AXIS_ROW = 178
CHART_HEIGHT = 184
# Half a character's width at the axis' font size, in drawing units (generous: a digit of
# DejaVu Sans at 10 units is 6.4 wide).
LABEL_HALF_WIDTH = 3.4
# Beyond about three months a mark a day is a smudge: a week's average each, and beyond
# two years a month's.
MOST_MARKED_DAYS = 93
MOST_WEEKS = 105

Spot = tuple[float, float]


@dataclass
class _Point:
    """One mark along the chart: a day, or the average of a week or a month of them."""

    first: date
    last: date
    trust: float | None
    mood: float | None
    triggers: int


@dataclass
class AxisMark:
    x: float  # where the tick is
    text_x: float  # where its label is anchored
    anchor: str  # "middle", or "end" near the right edge
    label: str


@dataclass
class TrendChart:
    """Everything templates/charts.svg's `trend_chart` draws."""

    title: str
    desc: str
    flare: str  # the legend's words for a flare-up mark
    gap: str  # and for a gap in the lines
    gridlines: list[tuple[float, str]]
    sides: list[tuple[str, float, str]]  # name, middle, scale
    trust_runs: list[list[Spot]]
    mood_runs: list[list[Spot]]
    trust_marks: list[Spot]
    mood_marks: list[Spot]
    flares: list[tuple[float, int | None]]  # where, and the count when there is room for it
    axis: list[AxisMark]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    left: int = LEFT
    right: int = CHART_WIDTH - RIGHT
    flare_row: int = FLARE_ROW
    axis_row: int = AXIS_ROW
    tick_top: int = MOOD_BOTTOM + 4
    tick_bottom: int = FLARE_ROW + 8


def trend_chart(export: Export) -> TrendChart | None:
    """The window's trust and mood, a mark a day (or week, or month); None with neither."""
    unit, points = _points(export.figures.days)
    if not any(point.mood is not None or point.trust is not None for point in points):
        return None
    period = export.period
    first, last = words.short_date(period.start, year=True), words.short_date(period.end, True)
    by = "by day" if unit == "day" else f"by {unit} (each {unit}'s average)"
    step = (CHART_WIDTH - LEFT - RIGHT) / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return LEFT + index * step if len(points) > 1 else (LEFT + CHART_WIDTH - RIGHT) / 2

    def trust_y(value: float) -> float:
        return TRUST_BOTTOM - value / 10 * (TRUST_BOTTOM - TRUST_TOP)

    def mood_y(value: float) -> float:
        return MOOD_BOTTOM - (value - 1) / 4 * (MOOD_BOTTOM - MOOD_TOP)

    trust = [None if p.trust is None else (x(i), trust_y(p.trust)) for i, p in enumerate(points)]
    mood = [None if p.mood is None else (x(i), mood_y(p.mood)) for i, p in enumerate(points)]
    return TrendChart(
        title=f"Trust and mood {by}, {first} to {last}",
        desc=_chart_words(unit, points),
        flare="a day with a flare-up" if unit == "day" else f"a {unit} with a flare-up",
        gap=f"(a gap: a {unit} without a check-in)",
        gridlines=[
            *((trust_y(value), str(value)) for value in (10, 5, 0)),
            *((mood_y(value), str(value)) for value in (5, 3, 1)),
        ],
        sides=[
            ("Trust", (TRUST_TOP + TRUST_BOTTOM) / 2, "0–10"),
            ("Mood", (MOOD_TOP + MOOD_BOTTOM) / 2, "1–5"),
        ],
        trust_runs=_runs(trust),
        mood_runs=_runs(mood),
        trust_marks=[spot for spot in trust if spot is not None],
        mood_marks=[spot for spot in mood if spot is not None],
        # A number beside a mark for more than one, where there is room for it.
        flares=[
            (x(i), p.triggers if p.triggers > 1 and step >= 24 else None)
            for i, p in enumerate(points)
            if p.triggers
        ],
        axis=_axis(unit, points, x),
    )


def _points(days: list[DayFigures]) -> tuple[str, list[_Point]]:
    """The chart's points and what each one is: a day, a week, or a month (averaged)."""
    unit = "day" if len(days) <= MOST_MARKED_DAYS else "week"
    if len(days) > MOST_WEEKS * 7:
        unit = "month"
    groups: dict[date, list[DayFigures]] = {}
    for day in days:
        groups.setdefault(_bucket(unit, day.date), []).append(day)
    points = []
    for group in groups.values():
        trust = [d.trust for d in group if d.trust is not None]
        mood = [d.mood for d in group if d.mood is not None]
        points.append(
            _Point(
                group[0].date,
                group[-1].date,
                sum(trust) / len(trust) if trust else None,
                sum(mood) / len(mood) if mood else None,
                sum(d.triggers for d in group),
            )
        )
    return unit, points


def _bucket(unit: str, day: date) -> date:
    """The first day of the day's week or month, or the day itself."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if unit == "month" else day


def _runs(spots: list[Spot | None]) -> list[list[Spot]]:
    """A line for each run of points that have a value; a lone one is only its mark."""
    runs: list[list[Spot]] = [[]]
    for spot in spots:
        if spot is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(spot)
    return [run for run in runs if len(run) > 1]


def _chart_words(unit: str, points: list[_Point]) -> str:
    """The chart as words, for a screen reader or a reader without the picture."""
    said = []
    for point in points:
        shown = []
        if point.trust is not None:
            shown.append(f"trust {_figure(point.trust)}")
        if point.mood is not None:
            shown.append(f"mood {_figure(point.mood)}")
        if point.triggers:
            shown.append(words.count(point.triggers, "flare-up"))
        if shown:
            said.append(f"{_point_label(unit, point)}: {', '.join(shown)}")
    return "; ".join(said) + "."


def _point_label(unit: str, point: _Point) -> str:
    if unit == "day":
        return words.short_date(point.first)
    if unit == "week":
        return f"week of {words.short_date(point.first, year=True)}"
    return f"{point.first:%B %Y}"


def _figure(value: float) -> str:
    """A day's mood or trust: "4" as given, "3.5" where two check-ins were averaged."""
    return str(int(value)) if float(value).is_integer() else words.decimal(value)


def _axis(unit: str, points: list[_Point], place: Any) -> list[AxisMark]:
    """Dates along the bottom, at most about eight, never crowded: the first point, then
    Mondays (for days), months (for weeks) or years' first months (for months)."""
    if not points:
        return []

    def starts(point: _Point) -> bool:
        if unit == "day":
            return point.first.weekday() == 0
        if unit == "week":
            return point.first.month != (point.first - timedelta(days=7)).month
        return point.first.month == 1

    marks = [0, *[i for i, point in enumerate(points) if i and starts(point)]]
    every = max(1, (len(marks) + 7) // 8)
    labels = []
    last_x = -100.0
    shown_year = None
    for index in [0, *marks[1::every]]:
        at = place(index)
        if at - last_x < 60:
            continue
        last_x = at
        first = points[index].first
        if unit == "day":
            label = day_label(first)
        else:
            label = f"{first:%b}" if first.year == shown_year else f"{first:%b %Y}"
        shown_year = first.year
        # A label centred on the last days would run past the chart's edge and be cut:
        # near the edge it ends there instead.
        anchor, text_x = "middle", at
        if at + LABEL_HALF_WIDTH * len(label) > CHART_WIDTH - 1:
            anchor, text_x = "end", CHART_WIDTH - 1
        labels.append(AxisMark(at, text_x, anchor, label))
    return labels


def day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


# -- promise calendars --------------------------------------------------------------------

CELL_W, CELL_H, LABEL_W, HEAD_H = 40, 32, 76, 18
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
STATUS_WORDS = {
    KEPT: "kept",
    BROKEN: "broken",
    REPAIRED: "broken, then repaired",
    UNRECORDED: "not recorded",
}
FILLS = {KEPT: "#e3efe3", BROKEN: "#f6e0dc", REPAIRED: "#f6edd6", UNRECORDED: "#ffffff"}


@dataclass
class LegendItem:
    x: int
    status: str
    fill: str
    words: str


@dataclass
class Legend:
    """The calendars' key: each status's colour and sign, and its name."""

    width: int
    label: str
    items: list[LegendItem] = field(default_factory=list)


def calendar_legend() -> Legend:
    items = []
    x = 6
    for status, said in STATUS_WORDS.items():
        items.append(LegendItem(x, status, FILLS[status], said))
        x += 28 + 8 * len(said) + 18
    label = ", ".join(f"{wording.SIGNS[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS)
    return Legend(x, label, items)


@dataclass
class Cell:
    day: int
    status: str
    left: float
    top: float
    fill: str
    number_fill: str  # grey for a day that was not scheduled
    to_come: bool  # outlined with dashes


@dataclass
class Week:
    """A row of the calendar: its Monday's label and the days that have a status."""

    label_y: float
    label: str
    cells: list[Cell]


@dataclass
class Calendar:
    """Everything templates/charts.svg's `calendar` draws."""

    name: str  # the prefix of its title's and description's ids
    promise: str  # the promise's words, on one line
    desc: str
    width: int
    height: int
    weekdays: list[tuple[float, str]]
    weeks: list[Week]
    cell_width: int = CELL_W
    cell_height: int = CELL_H


def calendar(record: PromiseRecord, index: int, promise: str) -> Calendar | None:
    """The promise's days, a week to a row, Monday first, each with its status."""
    if not record.calendar:
        return None
    status = {day.date: day.status for day in record.calendar}
    first = record.calendar[0].date
    monday = first - timedelta(days=first.weekday())
    weeks = (record.calendar[-1].date - monday).days // 7 + 1
    rows = []
    for row in range(weeks):
        start = monday + timedelta(days=7 * row)
        top = HEAD_H + row * CELL_H
        days = [start + timedelta(days=column) for column in range(7)]
        cells = [
            _cell(day, status[day], LABEL_W + column * CELL_W, top)
            for column, day in enumerate(days)
            if day in status
        ]
        rows.append(Week(top + CELL_H / 2 + 4, words.short_date(start), cells))
    return Calendar(
        name=f"cal-{index}",
        promise=promise,
        desc=_calendar_words(record),
        width=LABEL_W + 7 * CELL_W + 2,
        height=HEAD_H + weeks * CELL_H + 2,
        weekdays=[
            (LABEL_W + column * CELL_W + CELL_W / 2, name)
            for column, name in enumerate(WEEKDAY_NAMES)
        ],
        weeks=rows,
    )


def _cell(day: date, status: str, left: float, top: float) -> Cell:
    shown = status in STATUS_WORDS
    return Cell(
        day=day.day,
        status=status,
        left=left,
        top=top,
        fill=FILLS.get(status, "#ffffff"),
        number_fill="#1b1b1b" if shown else "#8a8a8a",
        to_come=status == FUTURE,
    )


def _calendar_words(record: PromiseRecord) -> str:
    """The calendar as words: which days were kept, broken, repaired or not recorded."""
    said = []
    for status, word in STATUS_WORDS.items():
        days = [day.date for day in record.calendar if day.status == status]
        if not days:
            continue
        if len(days) > 12:
            said.append(f"{word}: {words.count(len(days), 'day')}")
        else:
            said.append(f"{word}: {', '.join(day_label(day) for day in days)}")
    return "; ".join(said) + "." if said else "No scheduled day in these dates."
