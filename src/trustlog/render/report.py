"""The progress report in the terminal: markers beside the period before, and small pictures.

Everything reads without colour: each trend is a word with an arrow, the
calendar and the sparklines use shapes, and every line fits in 80 columns.
The JSON is the figures as they are, unrounded, with the same words for the
setbacks as the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trustlog.domain.core.period import MONTH, Period
from trustlog.domain.report.model import Figures, Report
from trustlog.domain.report.progress import BETTER, SAME, WORSE
from trustlog.render import charts, lines, words
from trustlog.render.lines import Line
from trustlog.render.output import Output
from trustlog.render.ritual import ritual_lines

TREND_WORDS = {BETTER: ("▲ better", "good"), WORSE: ("▼ worse", "warn"), SAME: ("= same", "muted")}
LABEL_WIDTH = 22
VALUE_WIDTH = 12
# The table: label, how a value is shown, the figure, and its trend's key.
MARKERS: tuple[
    tuple[str, Callable[[Any], str] | None, Callable[[Figures], Any], str | None], ...
] = (
    ("Check-in days", str, lambda f: f.checkin_days, None),
    ("Mood (1–5)", words.decimal, lambda f: f.mood_average, None),
    ("Trust (0–10)", words.decimal, lambda f: f.trust_average, None),
    ("Follow-through", words.percent, lambda f: f.promises.follow_through, "follow_through"),
    ("Promise strength", words.percent, lambda f: f.promises.strength, None),
    (
        "Recovery (median)",
        words.minutes,
        lambda f: f.triggers.median_recovery_minutes,
        "median_recovery_minutes",
    ),
    ("Per check-in day", None, lambda f: None, None),
    ("  Repeat arguments", words.decimal, lambda f: f.per_day(f.repeats), "repeats"),
    ("  Affection", words.decimal, lambda f: f.per_day(f.affection), "affection"),
    ("  Detective work", words.decimal, lambda f: f.per_day(f.detective), "detective_work"),
)
SETBACK_WORDS = "Setbacks are part of the path; they do not undo what came before."


def report(output: Output, result: Report, json: bool = False) -> None:
    if json:
        output.json(report_json(result))
        return
    lines.show(output, page(result, lines.width(output)))


def page(result: Report, width: int) -> list[Line]:
    """The report's lines, for a screen (or a pipe) `width` cells wide."""
    now = result.current
    period = now.period
    shown = [Line.assemble(("Your progress · ", "title"), (period.title, "title"))]
    span, compared = _span(result)
    shown.append(Line(span, style="muted"))
    if result.empty:  # nothing to compare, so no "compared with"
        shown += _empty(result)
        for note in result.notes:  # only what is due: the figures' notes need figures
            shown += [Line(), Line.assemble(("Note: ", "accent"), note)]
        shown += _side_by_side(result)
        return shown
    shown += [Line(compared, style="muted"), Line(), *_markers(result), Line(), *_details(now)]
    if now.promises.strength is not None or result.previous.promises.strength is not None:
        shown += [Line(explained, style="muted") for explained in words.STRENGTH_EXPLAINED]
    shown += [Line(), *charts.sparklines(now, result.as_of)]
    shown += [Line(), *charts.calendar(now.days, result.as_of, width)]
    if now.triggers.count:
        shown += [Line(), *charts.recovery_bars(now, width)]
    shown += _side_by_side(result)
    if result.milestones:
        shown.append(Line())
        shown += [Line.assemble(("★ ", "accent"), milestone) for milestone in result.milestones]
    found = setbacks(result)
    if found:
        shown.append(Line())
        shown += [Line(f"· {setback}") for setback in found]
        shown.append(Line(SETBACK_WORDS, style="muted"))
    for note in result.notes:
        shown += [Line(), Line.assemble(("Note: ", "accent"), note)]
    return shown


def _side_by_side(result: Report) -> list[Line]:
    """What the partner shared over the period, beside the person's own: as they are, unjudged."""
    theirs = result.partner
    if theirs is None:
        return []
    now = result.current
    name = theirs.name
    width = max(len(name), 4)
    shown = [
        Line(),
        Line.assemble(
            ("Side by side", "title"),
            (
                f"  what {name} shared covers {words.short_date(theirs.start)} to "
                f"{words.short_date(theirs.end)}",
                "muted",
            ),
        ),
        Line(f"  {'':<16}{'you':>{width}}  {name:>{width}}", style="muted"),
    ]
    rows = (
        (
            "follow-through",
            words.percent(now.promises.follow_through),
            words.percent(theirs.follow_through),
        ),
        ("strength", words.percent(now.promises.strength), words.percent(theirs.strength)),
        ("mood", words.decimal(now.mood_average), words.decimal(theirs.mood)),
        ("trust", words.decimal(now.trust_average), words.decimal(theirs.trust)),
    )
    for label, mine, shared in rows:
        shown.append(Line(f"  {label:<16}{mine:>{width}}  {shared:>{width}}"))
    return shown


def _span(result: Report) -> tuple[str, str]:
    """The days shown, and what they are compared with: while the period runs, the same
    days of the one before (so like is compared with like)."""
    period, previous = result.current.period, result.previous.period
    span = f"{words.short_date(period.start)} – {words.short_date(period.end, year=True)}"
    if result.running:
        span += f", so far (to {words.short_date(result.as_of)})"
    if not result.partial:
        return span, f"Compared with {previous.title}."
    same = "day" if previous.start == previous.end else "days"
    return span, f"Compared with {days_of(previous)}, the same {same} of last {period.kind}."


def days_of(span: Period) -> str:
    """ "1–25 October", "30 November – 2 December": the days a part of a period covers."""
    start, end = span.start, span.end
    if start == end:
        return f"{start.day} {start:%B}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B}"
    return f"{start.day} {start:%B} – {end.day} {end:%B}"


def _empty(result: Report) -> list[Line]:
    period = result.current.period
    shown = [Line()]
    if period.end >= result.today:
        shown.append(
            Line(f"Nothing is recorded for {period.title} yet, so there is nothing to compare.")
        )
    else:
        shown.append(
            Line(f"Nothing was recorded in {period.title}, so there is nothing to compare.")
        )
    shown.append(Line("That is all right: a quiet stretch in the journal says nothing about you."))
    if result.earlier_recorded:
        flag = "--month" if period.kind == MONTH else "--week"
        whole = period.previous()
        shown.append(
            Line(f"{whole.title} has entries: trustlog report {flag} {whole.label}", style="muted")
        )
    shown.append(Line("A check-in takes a few minutes: trustlog checkin", style="muted"))
    return shown


# -- the markers table -------------------------------------------------------------------


def _markers(result: Report) -> list[Line]:
    now, before, trends = result.current, result.previous, result.trends
    word = "month" if now.period.kind == MONTH else "week"
    lines = [
        Line(
            f"{'':<{LABEL_WIDTH}}{'this ' + word:>{VALUE_WIDTH}}{'last ' + word:>{VALUE_WIDTH}}",
            style="muted",
        )
    ]
    for label, show, figure, key in MARKERS:
        if show is None:
            lines.append(Line(label))
            continue
        value, previous = show(figure(now)), show(figure(before))
        line = Line(f"{label:<{LABEL_WIDTH}}{value:>{VALUE_WIDTH}}{previous:>{VALUE_WIDTH}}")
        trend = trends[key] if key else None
        if trend is not None:
            arrow, style = TREND_WORDS[trend]
            line.append("   ")
            line.append(arrow, style=style)
        lines.append(line)
    return lines


def _rates(now: Figures, before: Figures, count: int, earlier: int) -> tuple[str, str]:
    return words.decimal(now.per_day(count)), words.decimal(before.per_day(earlier))


def _details(now: Figures) -> list[Line]:
    p, t = now.promises, now.triggers
    lines = []
    if now.checkin_days:
        streak = f"longest run {words.count(now.longest_streak, 'day')}"
        lines.append(Line(f"Check-ins: {words.count(now.checkin_days, 'day')}, {streak}."))
    else:
        lines.append(Line(f"Check-ins: none this {now.period.kind}."))
    if p.kept + p.broken + p.repaired + p.unrecorded:
        recorded = p.kept + p.broken + p.repaired
        rest = [
            f"{number} {what}"
            for number, what in (
                (p.broken, "broken"),
                (p.repaired, "repaired"),
                (p.unrecorded, "not recorded"),
            )
            if number
        ]
        kept = (
            f"{p.kept} of {words.count(recorded, 'recorded day')} kept"
            if recorded
            else "none recorded"
        )
        lines.append(Line(f"Promises: {kept}{'; ' if rest else ''}{', '.join(rest)}."))
    if t.count:
        unsettled = t.count - t.resolved
        open_ones = f", {unsettled} not settled yet" if unsettled else ""
        lines.append(Line(f"Triggers: {t.count}, {t.resolved} settled{open_ones}."))
    if now.arguments:
        lines.append(
            Line(f"Arguments: {now.arguments}, of which {now.repeats} about a topic seen before.")
        )
    noted = [
        f"{words.count(number, unit)} of {what}"
        for number, unit, what in (
            (now.affection, "moment", "affection"),
            (now.detective, "time", "detective work"),
        )
        if number
    ]
    if noted:
        lines.append(Line(f"Noted: {', '.join(noted)}."))
    return lines + [Line(line) for line in ritual_lines(now.ritual)]


# -- what went the other way, and the JSON ---------------------------------------------------


def setbacks(result: Report) -> list[str]:
    """What went the other way, said plainly (the trends say which)."""
    now, before, trends = result.current, result.previous, result.trends
    found = []
    if trends["follow_through"] == WORSE:
        found.append(
            f"Follow-through went from {words.percent(before.promises.follow_through)} "
            f"to {words.percent(now.promises.follow_through)}."
        )
    if trends["median_recovery_minutes"] == WORSE:
        found.append(
            "Settling after a flare-up took longer: typically "
            f"{words.minutes(now.triggers.median_recovery_minutes)}, "
            f"was {words.minutes(before.triggers.median_recovery_minutes)}."
        )
    for key, words_for, count, earlier in (
        ("repeats", "More arguments came back", now.repeats, before.repeats),
        ("affection", "Fewer moments of affection were noted", now.affection, before.affection),
        ("detective_work", "More detective work was noted", now.detective, before.detective),
    ):
        if trends[key] == WORSE:
            rates = _rates(now, before, count, earlier)
            found.append(f"{words_for}, per check-in day: {rates[0]}, was {rates[1]}.")
    return found


def report_json(result: Report) -> dict[str, Any]:
    """The contract's figures, unrounded, with the trends, milestones, notes and setbacks."""
    return {
        **result.current.to_json(),
        "previous": result.previous.to_json(),
        "trends": dict(result.trends),
        "milestones": list(result.milestones),
        "notes": list(result.notes),
        "contract": result.contract,
        "agreement_reviews_due": list(result.reviews_due),
        "partner": result.partner.to_json() if result.partner is not None else None,
        "setbacks": setbacks(result),
        "as_of": result.as_of.isoformat(),
        "days": [day.to_json() for day in result.current.days],
    }
