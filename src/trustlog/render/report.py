"""The progress report in the terminal: markers beside the period before, and small pictures.

Everything reads without colour: each trend is a word with an arrow, the
calendar and the sparklines use shapes, and every line fits in 80 columns.
The JSON is the figures as they are, unrounded, with the same words for the
setbacks as the screen shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from trustlog.domain.core.period import MONTH, Period
from trustlog.domain.report.model import Figures, Report
from trustlog.domain.report.progress import BETTER, SAME, WORSE
from trustlog.render import charts, words
from trustlog.render.output import Output
from trustlog.render.ritual import ritual_lines

if TYPE_CHECKING:
    from trustlog.render.console import Text

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
    from trustlog.render.console import Text

    out = output.out
    now = result.current
    period = now.period
    out.print(Text.assemble(("Your progress · ", "title"), (period.title, "title")))
    span, compared = _span(result)
    out.print(Text(span, style="muted"))
    if result.empty:  # nothing to compare, so no "compared with"
        _empty(output, result)
        for note in result.notes:  # only what is due: the figures' notes need figures
            out.print()
            out.print(Text.assemble(("Note: ", "accent"), note))
        _side_by_side(out, result)
        return
    out.print(Text(compared, style="muted"))
    out.print()
    for line in _markers(result):
        out.print(line)
    out.print()
    for line in _details(now):
        out.print(line)
    if now.promises.strength is not None or result.previous.promises.strength is not None:
        for explained in words.STRENGTH_EXPLAINED:
            out.print(Text(explained, style="muted"))
    out.print()
    for line in charts.sparklines(now, result.as_of):
        out.print(line)
    out.print()
    for line in charts.calendar(now.days, result.as_of, out.width):
        out.print(line)
    if now.triggers.count:
        out.print()
        for line in charts.recovery_bars(now, out.width):
            out.print(line)
    _side_by_side(out, result)
    if result.milestones:
        out.print()
        for milestone in result.milestones:
            out.print(Text.assemble(("★ ", "accent"), milestone))
    found = setbacks(result)
    if found:
        out.print()
        for setback in found:
            out.print(Text(f"· {setback}"))
        out.print(Text(SETBACK_WORDS, style="muted"))
    for note in result.notes:
        out.print()
        out.print(Text.assemble(("Note: ", "accent"), note))


def _side_by_side(out: Any, result: Report) -> None:
    """What the partner shared over the period, beside the person's own: as they are, unjudged."""
    theirs = result.partner
    if theirs is None:
        return
    from trustlog.render.console import Text

    now = result.current
    name = theirs.name
    width = max(len(name), 4)
    out.print()
    out.print(
        Text.assemble(
            ("Side by side", "title"),
            (
                f"  what {name} shared covers {words.short_date(theirs.start)} to "
                f"{words.short_date(theirs.end)}",
                "muted",
            ),
        )
    )
    out.print(Text(f"  {'':<16}{'you':>{width}}  {name:>{width}}", style="muted"))
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
        out.print(Text(f"  {label:<16}{mine:>{width}}  {shared:>{width}}"))


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


def _empty(output: Output, result: Report) -> None:
    from trustlog.render.console import Text

    out = output.out
    period = result.current.period
    out.print()
    if period.end >= result.today:
        out.print(f"Nothing is recorded for {period.title} yet, so there is nothing to compare.")
    else:
        out.print(f"Nothing was recorded in {period.title}, so there is nothing to compare.")
    out.print("That is all right: a quiet stretch in the journal says nothing about you.")
    if result.earlier_recorded:
        flag = "--month" if period.kind == MONTH else "--week"
        whole = period.previous()
        out.print(
            Text(
                f"{whole.title} has entries: trustlog report {flag} {whole.label}",
                style="muted",
            )
        )
    out.print(Text("A check-in takes a few minutes: trustlog checkin", style="muted"))


# -- the markers table -------------------------------------------------------------------


def _markers(result: Report) -> list[Text]:
    from trustlog.render.console import Text

    now, before, trends = result.current, result.previous, result.trends
    word = "month" if now.period.kind == MONTH else "week"
    lines = [
        Text(
            f"{'':<{LABEL_WIDTH}}{'this ' + word:>{VALUE_WIDTH}}{'last ' + word:>{VALUE_WIDTH}}",
            style="muted",
        )
    ]
    for label, show, figure, key in MARKERS:
        if show is None:
            lines.append(Text(label))
            continue
        value, previous = show(figure(now)), show(figure(before))
        line = Text(f"{label:<{LABEL_WIDTH}}{value:>{VALUE_WIDTH}}{previous:>{VALUE_WIDTH}}")
        trend = trends[key] if key else None
        if trend is not None:
            arrow, style = TREND_WORDS[trend]
            line.append("   ")
            line.append(arrow, style=style)
        lines.append(line)
    return lines


def _rates(now: Figures, before: Figures, count: int, earlier: int) -> tuple[str, str]:
    return words.decimal(now.per_day(count)), words.decimal(before.per_day(earlier))


def _details(now: Figures) -> list[Text]:
    from trustlog.render.console import Text

    p, t = now.promises, now.triggers
    lines = []
    if now.checkin_days:
        streak = f"longest run {words.count(now.longest_streak, 'day')}"
        lines.append(Text(f"Check-ins: {words.count(now.checkin_days, 'day')}, {streak}."))
    else:
        lines.append(Text(f"Check-ins: none this {now.period.kind}."))
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
        lines.append(Text(f"Promises: {kept}{'; ' if rest else ''}{', '.join(rest)}."))
    if t.count:
        unsettled = t.count - t.resolved
        open_ones = f", {unsettled} not settled yet" if unsettled else ""
        lines.append(Text(f"Triggers: {t.count}, {t.resolved} settled{open_ones}."))
    if now.arguments:
        lines.append(
            Text(f"Arguments: {now.arguments}, of which {now.repeats} about a topic seen before.")
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
        lines.append(Text(f"Noted: {', '.join(noted)}."))
    return lines + [Text(line) for line in ritual_lines(now.ritual)]


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
