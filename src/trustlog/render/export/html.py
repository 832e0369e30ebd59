"""`trustlog export --format html`: the Markdown export's content as one self-contained page.

One file and nothing else: the style is inline, the charts are inline SVG,
and there is no script, font, image or link to anything outside it, so it
opens the same anywhere, offline, and prints well (A4 or Letter: margins in
millimetres, nothing wider than the narrower page, the entries starting on
a page of their own). It says what the Markdown says: the sentences come
from wording.py, the figures from render/words.py.

Every piece of the person's text passes through `text`: control characters
are shown as escapes and the rest is escaped with html.escape, so nothing
they wrote can become markup. Markup is built only from our own words.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from trustlog.domain.agreement.model import Agreement
from trustlog.domain.apology.model import PART_TITLES, Apology
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.contract.model import Contract
from trustlog.domain.core.entry import Entry
from trustlog.domain.export.model import Day, Export, KeyDay, PromiseRecord, Summary
from trustlog.domain.imports.model import JrnlEntry
from trustlog.domain.partner.figures import SharedSection
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.standing import FUTURE, REPAIRED, UNRECORDED
from trustlog.domain.report.model import DayFigures
from trustlog.domain.ritual.model import Ritual
from trustlog.domain.trigger.model import Trigger
from trustlog.render import words
from trustlog.render.export import wording
from trustlog.render.safe import visible

# Paper sizes a caller may ask for (`document(paper=...)`); None leaves it to the browser.
PAPERS = ("A4", "letter")
# The height a page holds between the margins of @page below (13 mm + 14 mm), less 1 mm
# so rounding never spills an empty sliver onto the next page.
PAGE_ROOM_MM = {"A4": 297 - 27 - 1, "letter": 279.4 - 27 - 1}
# A4 is the narrower page (210 mm against Letter's 215.9 mm), Letter the shorter
# (279.4 mm against 297 mm): these margins leave 180 mm by at least 252 mm on either.
STYLE = """
@page { margin: 13mm 15mm 14mm; }
:root { color-scheme: light; }
html { font: 9.5pt/1.35 "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  color: #1b1b1b; background: #fff; }
body { max-width: 180mm; margin: 8mm auto; padding: 0 5mm; }
h1 { font-size: 15pt; margin: 0 0 0.5mm; }
h2 { font-size: 12.5pt; margin: 3mm 0 1.5mm; padding-bottom: 0.5mm;
  border-bottom: 0.3mm solid #777; }
h3 { font-size: 10pt; margin: 2.6mm 0 0.6mm; }
h4 { font-size: 9.5pt; margin: 0 0 0.6mm; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p, ul { margin: 0 0 1.2mm; }
ul { padding-left: 5mm; }
li { margin: 0.2mm 0; }
.made { color: #444; font-size: 8.5pt; margin: 0; }
.muted { color: #555; }
.words { white-space: pre-wrap; }
body, td, dd, li, p { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 1mm 0 2mm; }
th, td { text-align: left; vertical-align: top; padding: 0.5mm 1.5mm;
  border-bottom: 0.2mm solid #bbb; }
th { font-weight: 600; border-bottom: 0.3mm solid #777; }
col.marker { width: 42%; }
col.trend { width: 28%; }
figure { margin: 1mm 0 1mm; break-inside: avoid; page-break-inside: avoid; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; fill: #1b1b1b; }
.chart { width: 180mm; }
.calendar { width: 110mm; }
.legend { width: 150mm; }
.entries { break-before: page; page-break-before: always; }
.entry { margin: 0 0 3mm; padding-left: 2.5mm; border-left: 0.6mm solid #999;
  break-inside: avoid; page-break-inside: avoid; }
.promise { break-inside: avoid; page-break-inside: avoid; margin-bottom: 4mm; }
dl { display: grid; grid-template-columns: 34mm 1fr; column-gap: 3mm; row-gap: 0.6mm;
  margin: 0; }
dt { color: #444; }
dd { margin: 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
}
"""


def text(value: str) -> str:
    """The person's words as HTML text: control characters as escapes, markup escaped."""
    return html.escape(visible(value), quote=True)


def quote(value: str) -> str:
    """A one-line quotation of the person's words: its lines joined by " / ", isolated
    (`<bdi>`) so that right-to-left words cannot reorder what follows them."""
    return f"<bdi>{_joined(value)}</bdi>"


def _joined(value: str) -> str:
    return " / ".join(text(line.strip()) for line in value.strip().splitlines() if line.strip())


def render(export: Export) -> bytes:
    return document(export).encode("utf-8")


def document(export: Export, paper: str | None = None) -> str:
    """The whole page; `paper` ("A4" or "letter") fixes the printed page size."""
    style = STYLE
    if paper is not None:
        if paper not in PAPERS:
            raise ValueError(f"paper: {paper!r} is not one of {PAPERS}")
        # The summary fills page one at least, so the entries start on page two; a summary
        # longer than a page runs on and the entries follow it at once, where a forced
        # break left page two holding the summary's last line alone.
        style = (
            f"@page {{ size: {paper}; }}\n"
            + STYLE
            + f".first {{ min-height: {PAGE_ROOM_MM[paper]:.1f}mm; }}\n"
            + ".entries { break-before: auto; page-break-before: auto; }\n"
        )
    title = export.period.title
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>trustlog: {text(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        '<div class="first">',
        "<header>",
        f"<h1>{text(title)}</h1>",
        f'<p class="made">Prepared on {words.full_date(export.made.date())}. '
        f"{wording.not_therapy(export.author, quote)}</p>",
        "</header>",
    ]
    if export.summary is not None:
        parts += _summary(export, export.summary)
    parts.append("</div>")
    parts += _entries(export)
    if export.partner is not None:
        parts += _partner(export.partner)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _partner(shared: SharedSection) -> list[str]:
    """What the partner shared: theirs, labelled so, never mixed with the figures above."""
    side = shared.side
    name = text(side.name)
    parts = [
        '<section class="partner">',
        f"<h2>Shared by {name} (their figures, not yours)</h2>",
        f"<p>From {name}'s own journal, as they chose to share it with you, "
        f"{words.full_date(side.start)} to {words.full_date(side.end)}.</p>",
        "<ul>",
        f"<li>Follow-through: {words.percent(side.follow_through)}</li>",
        f"<li>Strength: {words.percent(side.strength)}</li>",
        f"<li>Mood, on average: {words.decimal(side.mood)}</li>",
        f"<li>Trust, on average: {words.decimal(side.trust)}</li>",
        "</ul>",
    ]
    if shared.promises:
        parts.append("<ul>")
        for promise in shared.promises:
            parts.append(
                f"<li>{quote(promise.text)} ({text(promise.schedule)}): kept {promise.kept}, "
                f"repaired {promise.repaired}, broken {promise.broken}, "
                f"not recorded {promise.unrecorded}</li>"
            )
        parts.append("</ul>")
    return [*parts, "</section>"]


# -- the one-page summary ---------------------------------------------------------------


def _summary(export: Export, summary: Summary) -> list[str]:
    figures = summary.figures
    days = len(export.period.days())
    parts = ['<section class="summary">', "<h2>Summary</h2>"]
    parts.append(
        f"<p>{words.count(figures.checkin_days, 'check-in day')} of {days}; "
        f"mood {words.decimal(figures.mood_average)} of 5 and "
        f"trust {words.decimal(figures.trust_average)} of 10 on average.</p>"
    )
    parts += _chart(export)

    parts.append("<h3>To look at first</h3>")
    parts.append(f'<p class="muted">{text(wording.LOOKS_FOR)}</p>')
    if not summary.concerns:
        parts.append(f"<p>{wording.NO_CONCERNS}</p>")
    else:
        parts.append("<ul>")
        for concern in summary.concerns:
            shown, more = wording.listed(concern)
            inner = "".join(f"<li>{_entry_line(entry, facts=True)}</li>" for entry in shown)
            if more:
                inner += f"<li>and {more} more, among the entries</li>"
            said = wording.concern(concern, export.author, quote)
            parts.append(f"<li>{said}" + (f"<ul>{inner}</ul>" if inner else ""))
            parts.append("</li>")
        parts.append("</ul>")

    before = summary.previous.period
    parts += [
        "<h3>Progress markers</h3>",
        f"<p>Compared with the {words.count(len(before.days()), 'day')} before "
        f"({words.short_date(before.start, year=True)} to "
        f"{words.short_date(before.end, year=True)}).</p>",
        '<table class="markers">',
        '<colgroup><col class="marker"><col><col><col class="trend"></colgroup>',
        "<thead><tr><th>Marker</th><th>These days</th><th>Before</th><th>Trend</th></tr></thead>",
        "<tbody>",
    ]
    for marker in summary.markers:
        parts.append(
            f"<tr><td>{wording.MARKER_NAMES[marker.key]}</td>"
            f"<td>{wording.marker_value(marker)}</td>"
            f"<td>{wording.marker_value(marker, now=False)}</td>"
            f"<td>{wording.TRENDS[marker.trend]}</td></tr>"
        )
    parts += ["</tbody>", "</table>", f'<p class="muted">{text(wording.BEFORE_RULE)}</p>']

    parts.append("<h3>Key days</h3>")
    if not summary.key_days:
        parts.append("<p>No check-ins or flare-ups in these days.</p>")
    else:
        parts.append("<ul>")
        parts += [_key_day(day) for day in summary.key_days]
        parts.append("</ul>")

    parts.append("<h3>Promises</h3>")
    only = export.options.only
    if only and "promise" not in only:
        parts.append("<p>Promises are not part of this export.</p>")
    elif not summary.promises:
        parts.append("<p>No promises were due in these days.</p>")
    else:
        parts.append("<ul>")
        parts += [f"<li>{wording.promise_line(r, quote)}</li>" for r in summary.promises]
        parts.append("</ul>")

    if summary.ritual is not None:
        parts.append("<h3>Weekly ritual</h3>")
        parts.append(f"<p>{wording.ritual_summary(summary.ritual, days)}</p>")

    parts.append("<h3>What I want to talk about</h3>")
    if summary.agenda:
        parts.append("<ul>")
        parts += [f"<li>{quote(item)}</li>" for item in summary.agenda]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{wording.NO_AGENDA}</p>")
    if not export.options.include_private:
        parts.append(f'<p class="muted">{wording.private_note(export.author, quote)}</p>')
    parts.append("</section>")
    return parts


def _key_day(day: KeyDay) -> str:
    details = wording.key_day_details(day, quote)
    line = (
        f"<strong>{words.short_date(day.date, year=True)}</strong>: "
        f"{wording.key_day_reasons(day)}" + (f" ({'; '.join(details)})" if details else "")
    )
    flares = "".join(f"<li>{wording.trigger_line(t, quote)}</li>" for t in day.triggers)
    return f"<li>{line}" + (f"<ul>{flares}</ul>" if flares else "") + "</li>"


def _entry_line(entry: Entry, facts: bool = False) -> str:
    when = words.short_date(entry.day, year=True) if entry.day else "undated"
    shown = wording.concern_facts(entry) if facts else None
    if shown:
        said = wording.concern_words(entry)
        return f"{when} ({text(shown)})" + (f": {quote(said)}" if _joined(said) else "")
    summary = entry.summary()
    return f"{when}: {quote(summary) if _joined(summary) else text(entry.kind)}"


# -- the mood and trust line ------------------------------------------------------------

# The chart's drawing units (the SVG scales to the page's width).
CHART_WIDTH, LEFT, RIGHT = 720, 92, 12
TRUST_TOP, TRUST_BOTTOM = 30, 92  # trust 10 at the top, 0 at the bottom
MOOD_TOP, MOOD_BOTTOM = 106, 142  # mood 5 at the top, 1 at the bottom
FLARE_ROW = 158
AXIS_ROW = 178
CHART_HEIGHT = 184
# Beyond about three months a mark a day is a smudge: a week's average each, and beyond
# two years a month's.
# Half a character's width at the axis' font size, in drawing units (generous: a digit of
# DejaVu Sans at 10 units is 6.4 wide).
LABEL_HALF_WIDTH = 3.4
MOST_MARKED_DAYS = 93
MOST_WEEKS = 105


@dataclass
class _Point:
    """One mark along the chart: a day, or the average of a week or a month of them."""

    first: date
    last: date
    trust: float | None
    mood: float | None
    triggers: int


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


def _chart(export: Export) -> list[str]:
    unit, points = _points(export.figures.days)
    if not any(point.mood is not None or point.trust is not None for point in points):
        return []
    period = export.period
    first, last = words.short_date(period.start, year=True), words.short_date(period.end, True)
    by = "by day" if unit == "day" else f"by {unit} (each {unit}'s average)"
    title = f"Trust and mood {by}, {first} to {last}"
    step = (CHART_WIDTH - LEFT - RIGHT) / max(len(points) - 1, 1)

    def x(index: int) -> float:
        return LEFT + index * step if len(points) > 1 else (LEFT + CHART_WIDTH - RIGHT) / 2

    def trust_y(value: float) -> float:
        return TRUST_BOTTOM - value / 10 * (TRUST_BOTTOM - TRUST_TOP)

    def mood_y(value: float) -> float:
        return MOOD_BOTTOM - (value - 1) / 4 * (MOOD_BOTTOM - MOOD_TOP)

    svg = [
        f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
        'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{text(title)}</title>',
        f'<desc id="chart-desc">{text(_chart_words(unit, points))}</desc>',
    ]
    svg += _legend_row(unit)
    # The scales: a faint line at each end and in the middle, labelled.
    for value, label in ((10, "10"), (5, "5"), (0, "0")):
        svg.append(_gridline(trust_y(value), label))
    for value, label in ((5, "5"), (3, "3"), (1, "1")):
        svg.append(_gridline(mood_y(value), label))
    svg.append(_side_label("Trust", (TRUST_TOP + TRUST_BOTTOM) / 2, "0–10"))
    svg.append(_side_label("Mood", (MOOD_TOP + MOOD_BOTTOM) / 2, "1–5"))
    svg.append(f'<text x="4" y="{FLARE_ROW + 4}" font-size="11">Flare-ups</text>')

    trust_points = [
        (x(i), trust_y(p.trust)) if p.trust is not None else None for i, p in enumerate(points)
    ]
    mood_points = [
        (x(i), mood_y(p.mood)) if p.mood is not None else None for i, p in enumerate(points)
    ]
    svg += _lines(trust_points, 'stroke="#1b1b1b" stroke-width="2"')
    svg += _lines(mood_points, 'stroke="#1b1b1b" stroke-width="1.6" stroke-dasharray="6 4"')
    svg += [_dot(*p) for p in trust_points if p is not None]
    svg += [_square(*p) for p in mood_points if p is not None]
    for index, point in enumerate(points):
        if point.triggers:
            svg.append(_triangle(x(index), FLARE_ROW))
            if point.triggers > 1 and step >= 24:  # room for the number beside it
                svg.append(
                    f'<text x="{x(index) + 6:.1f}" y="{FLARE_ROW + 4}" font-size="10">'
                    f"{point.triggers}</text>"
                )
    svg += _axis(unit, points, x)
    svg.append("</svg>")
    return ["<figure>", *svg, "</figure>"]


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


def _legend_row(unit: str) -> list[str]:
    y = 12
    gap = f"(a gap: a {unit} without a check-in)"
    flare = "a day with a flare-up" if unit == "day" else f"a {unit} with a flare-up"
    return [
        f'<line x1="{LEFT}" y1="{y}" x2="{LEFT + 26}" y2="{y}" stroke="#1b1b1b" stroke-width="2"/>',
        _dot(LEFT + 13, y),
        f'<text x="{LEFT + 32}" y="{y + 4}" font-size="11">trust</text>',
        f'<line x1="{LEFT + 90}" y1="{y}" x2="{LEFT + 116}" y2="{y}" stroke="#1b1b1b" '
        'stroke-width="1.6" stroke-dasharray="6 4"/>',
        _square(LEFT + 103, y),
        f'<text x="{LEFT + 122}" y="{y + 4}" font-size="11">mood</text>',
        _triangle(LEFT + 186, y),
        f'<text x="{LEFT + 196}" y="{y + 4}" font-size="11">{flare}</text>',
        f'<text x="{LEFT + 350}" y="{y + 4}" font-size="11">{gap}</text>',
    ]


def _gridline(y: float, label: str) -> str:
    return (
        f'<line x1="{LEFT}" y1="{y:.1f}" x2="{CHART_WIDTH - RIGHT}" y2="{y:.1f}" '
        'stroke="#c8c8c8" stroke-width="0.8"/>'
        f'<text x="{LEFT - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{label}</text>'
    )


def _side_label(name: str, middle: float, scale: str) -> str:
    return (
        f'<text x="4" y="{middle - 2:.1f}" font-size="11" font-weight="bold">{name}</text>'
        f'<text x="4" y="{middle + 11:.1f}" font-size="10">{scale}</text>'
    )


def _lines(points: list[tuple[float, float] | None], stroke: str) -> list[str]:
    """A polyline for each run of days that have a value; a lone day is only its mark."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [
        '<polyline fill="none" '
        + stroke
        + ' points="'
        + " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
        + '"/>'
        for run in runs
        if len(run) > 1
    ]


def _dot(cx: float, cy: float) -> str:
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.4" fill="#1b1b1b"/>'


def _square(cx: float, cy: float) -> str:
    return (
        f'<rect x="{cx - 3.2:.1f}" y="{cy - 3.2:.1f}" width="6.4" height="6.4" '
        'fill="#fff" stroke="#1b1b1b" stroke-width="1.4"/>'
    )


def _triangle(cx: float, cy: float) -> str:
    return (
        f'<polygon points="{cx:.1f},{cy - 5:.1f} {cx - 5:.1f},{cy + 4:.1f} '
        f'{cx + 5:.1f},{cy + 4:.1f}" fill="#1b1b1b"/>'
    )


def _axis(unit: str, points: list[_Point], place: Callable[[int], float]) -> list[str]:
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
            label = _day_label(first)
        else:
            label = f"{first:%b}" if first.year == shown_year else f"{first:%b %Y}"
        shown_year = first.year
        # A label centred on the last days would run past the chart's edge and be cut:
        # near the edge it ends there instead.
        anchor, text_x = "middle", at
        if at + LABEL_HALF_WIDTH * len(label) > CHART_WIDTH - 1:
            anchor, text_x = "end", CHART_WIDTH - 1
        labels.append(
            f'<line x1="{at:.1f}" y1="{MOOD_BOTTOM + 4}" x2="{at:.1f}" y2="{FLARE_ROW + 8}" '
            'stroke="#e0e0e0" stroke-width="0.8"/>'
            f'<text x="{text_x:.1f}" y="{AXIS_ROW}" font-size="10" text-anchor="{anchor}">'
            f"{label}</text>"
        )
    return labels


def _day_label(day: date) -> str:
    return f"{day.day} {day:%b}"


# -- the entries ------------------------------------------------------------------------


def _entries(export: Export) -> list[str]:
    parts = ['<section class="entries">', "<h2>Entries</h2>"]
    counts = [wording.kind_count(kind, n) for kind, n in export.counts.items() if n]
    parts.append(f"<p>This export holds {', '.join(counts) or 'no entries'}.</p>")
    names = {record.promise.id: record.promise.text for record in export.promises}
    for day in export.days:
        parts += _day(day, names)
    if export.promises:
        parts += ["<h2>Promise calendars</h2>", *_calendar_legend()]
        for index, record in enumerate(export.promises, 1):
            parts += _promise(record, index)
    parts.append("</section>")
    return parts


def _day(day: Day, names: dict[str, str]) -> list[str]:
    if not day.to_read:
        return []
    marks = day.marks_to_read
    parts = [f"<h3>{words.full_date(day.date)}</h3>"]
    parts += [_checkin(checkin) for checkin in day.checkins]
    parts += [_trigger(trigger) for trigger in day.triggers]
    parts += [_apology(apology) for apology in day.apologies]
    if marks:
        items = "".join(f"<li>{wording.mark_line(m, names, quote)}</li>" for m in marks)
        parts.append(f'<article class="entry"><h4>Promises</h4><ul>{items}</ul></article>')
    parts += [_ritual(ritual) for ritual in day.rituals]
    for made in day.frame:
        parts.append(_contract(made) if isinstance(made, Contract) else _agreement(made))
    for other in day.others:
        if isinstance(other, JrnlEntry):
            parts.append(_jrnl(other))
            continue
        kind = text(getattr(other, "stored_kind", other.kind))
        parts.append(
            f'<article class="entry"><h4>{kind}</h4>'
            f'<p class="words" dir="auto">{text(other.summary())}</p></article>'
        )
    return parts


def _fields(rows: list[wording.Row]) -> str:
    """Labelled fields, the person's words kept with their line breaks."""
    shown = [
        f'<dt>{label}</dt><dd class="words" dir="auto">{text(value.strip())}</dd>'
        for label, value in rows
        if value is not None and value.strip()
    ]
    return f"<dl>{''.join(shown)}</dl>" if shown else ""


def _checkin(checkin: Checkin) -> str:
    head = " · ".join(["Check-in", *wording.checkin_figures(checkin)])
    rows: list[tuple[str, str | None]] = [("Feeling", checkin.feeling)]
    rows += [("Grateful for", item) for item in checkin.grateful]
    rows.append(("Act of care", checkin.care))
    if checkin.affection:
        rows.append(("Moments of affection", str(checkin.affection)))
    if checkin.detective:
        rows.append(("Detective work", str(checkin.detective)))
    rows += [("Argued about", topic) for topic in checkin.arguments]
    rows.append(("Note", checkin.note))
    return f'<article class="entry checkin"><h4>{head}</h4>{_fields(rows)}</article>'


def _trigger(trigger: Trigger) -> str:
    head = [f"Flare-up at {trigger.at:%H:%M}"]
    if trigger.intensity is not None:
        head.append(f"intensity {trigger.intensity} of 10")
    minutes = trigger.recovery_minutes
    head.append(
        f"settled after {words.minutes(minutes)}" if minutes is not None else "not settled yet"
    )
    rows: list[tuple[str, str | None]] = [("What happened", trigger.what)]
    if trigger.breathed_seconds:
        rows.append(("Breathed together", words.seconds(trigger.breathed_seconds)))
    rows += [
        ("Facts", trigger.facts),
        ("Guesses", trigger.guesses),
        ("Reassurance", trigger.reassurance),
        ("Repair", trigger.repair),
        ("Note", trigger.note),
    ]
    return f'<article class="entry trigger"><h4>{" · ".join(head)}</h4>{_fields(rows)}</article>'


def _apology(apology: Apology) -> str:
    rows = [(title, apology.parts.get(part)) for part, title in PART_TITLES.items()]
    rows.append(("Note", apology.note))
    return f'<article class="entry apology"><h4>Apology draft</h4>{_fields(rows)}</article>'


def _ritual(ritual: Ritual) -> str:
    head = " · ".join(wording.ritual_head(ritual))
    rows = wording.ritual_rows(ritual)
    return f'<article class="entry ritual"><h4>{text(head)}</h4>{_fields(rows)}</article>'


def _jrnl(entry: JrnlEntry) -> str:
    head = " · ".join(wording.jrnl_head(entry))
    rows = _fields(wording.jrnl_rows(entry))
    return f'<article class="entry jrnl"><h4>{text(head)}</h4>{rows}</article>'


def _contract(contract: Contract) -> str:
    rows = _fields(wording.contract_rows(contract))
    return (
        f'<article class="entry contract"><h4>{wording.contract_head(contract)}</h4>{rows}'
        f"<p>{wording.contract_revisit(contract)}</p></article>"
    )


def _agreement(agreement: Agreement) -> str:
    head = " · ".join(wording.agreement_head(agreement))
    dates = "".join(f"<p>{said}</p>" for said in wording.agreement_dates(agreement))
    return (
        f'<article class="entry agreement"><h4>{text(head)}</h4>'
        f'<p class="words" dir="auto">{text(agreement.text.strip())}</p>{dates}</article>'
    )


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


def _sign(status: str, cx: float, cy: float) -> str:
    """Each status its own shape, so the calendar reads in black and white too."""
    if status == KEPT:  # a tick
        return (
            f'<polyline points="{cx - 6:.1f},{cy:.1f} {cx - 2:.1f},{cy + 5:.1f} '
            f'{cx + 7:.1f},{cy - 6:.1f}" fill="none" stroke="#1b1b1b" stroke-width="2.2"/>'
        )
    if status == BROKEN:  # a cross
        return (
            f'<path d="M{cx - 5:.1f} {cy - 5:.1f}L{cx + 5:.1f} {cy + 5:.1f}'
            f'M{cx + 5:.1f} {cy - 5:.1f}L{cx - 5:.1f} {cy + 5:.1f}" '
            'stroke="#1b1b1b" stroke-width="2.2"/>'
        )
    if status == REPAIRED:  # a turning arrow: broken, then mended
        return (
            f'<path d="M{cx + 6:.1f} {cy:.1f}A6 6 0 1 1 {cx + 3:.1f} {cy - 5.2:.1f}" '
            'fill="none" stroke="#1b1b1b" stroke-width="1.8"/>'
            f'<polygon points="{cx + 1:.1f},{cy - 9:.1f} {cx + 7:.1f},{cy - 6:.1f} '
            f'{cx + 2:.1f},{cy - 2:.1f}" fill="#1b1b1b"/>'
        )
    if status == UNRECORDED:  # a small dot
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="2" fill="#1b1b1b"/>'
    return ""


def _calendar_legend() -> list[str]:
    items = []
    x = 6
    for status in (KEPT, BROKEN, REPAIRED, UNRECORDED):
        items.append(
            f'<rect x="{x}" y="3" width="22" height="20" fill="{FILLS[status]}" '
            'stroke="#999" stroke-width="0.8"/>' + _sign(status, x + 11, 13)
        )
        items.append(f'<text x="{x + 28}" y="17" font-size="11">{STATUS_WORDS[status]}</text>')
        x += 28 + 8 * len(STATUS_WORDS[status]) + 18
    legend = ", ".join(f"{wording.SIGNS[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS)
    return [
        f'<svg class="legend" viewBox="0 0 {x} 26" role="img" aria-label="{text(legend)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        *items,
        "</svg>",
        '<p class="muted">Each scheduled day has its sign; a day with a number alone '
        "was not scheduled, and an outlined day is still to come.</p>",
    ]


def _promise(record: PromiseRecord, index: int) -> list[str]:
    parts = ['<div class="promise">', f"<h3>{quote(record.promise.text)}</h3>"]
    parts.append(f"<p>{wording.promise_line(record, quote)}</p>")
    parts += _calendar(record, index)
    parts.append("</div>")
    return parts


def _calendar(record: PromiseRecord, index: int) -> list[str]:
    """The promise's days, a week to a row, Monday first, each with its sign."""
    if not record.calendar:
        return []
    status = {day.date: day.status for day in record.calendar}
    first = record.calendar[0].date
    monday = first - timedelta(days=first.weekday())
    weeks = (record.calendar[-1].date - monday).days // 7 + 1
    width = LABEL_W + 7 * CELL_W + 2
    height = HEAD_H + weeks * CELL_H + 2
    name = f"cal-{index}"
    svg = [
        f'<svg class="calendar" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{name}-title">Calendar of “{_joined(record.promise.text)}”</title>',
        f'<desc id="{name}-desc">{text(_calendar_words(record))}</desc>',
    ]
    for column, day_name in enumerate(WEEKDAY_NAMES):
        cx = LABEL_W + column * CELL_W + CELL_W / 2
        svg.append(
            f'<text x="{cx:.1f}" y="12" font-size="10" text-anchor="middle">{day_name}</text>'
        )
    for row in range(weeks):
        start = monday + timedelta(days=7 * row)
        top = HEAD_H + row * CELL_H
        svg.append(
            f'<text x="0" y="{top + CELL_H / 2 + 4:.1f}" font-size="10">'
            f"{words.short_date(start)}</text>"
        )
        for column in range(7):
            day = start + timedelta(days=column)
            if day not in status:
                continue
            svg += _cell(day, status[day], LABEL_W + column * CELL_W, top)
    svg.append("</svg>")
    return svg


def _cell(day: date, status: str, left: float, top: float) -> list[str]:
    shown = status in STATUS_WORDS
    frame = (
        'stroke="#999" stroke-width="0.8" stroke-dasharray="3 2"'
        if status == FUTURE
        else 'stroke="#999" stroke-width="0.8"'
    )
    fill = FILLS.get(status, "#ffffff")
    number_fill = "#1b1b1b" if shown else "#8a8a8a"
    return [
        f'<rect x="{left + 1:.1f}" y="{top + 1:.1f}" width="{CELL_W - 2}" height="{CELL_H - 2}" '
        f'fill="{fill}" {frame}/>',
        f'<text x="{left + 4:.1f}" y="{top + 11:.1f}" font-size="8" style="fill:{number_fill}">'
        f"{day.day}</text>",
        _sign(status, left + CELL_W / 2 + 3, top + CELL_H / 2 + 3),
    ]


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
            said.append(f"{word}: {', '.join(_day_label(day) for day in days)}")
    return "; ".join(said) + "." if said else "No scheduled day in these dates."
