"""The weekly ritual as a person reads it, or as JSON: a saved ritual, the plan, a week."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trustlog.domain.promise.schedule import FULL_NAMES
from trustlog.domain.ritual.model import REPAIR, Plan, Ritual, slot_parts
from trustlog.domain.ritual.service import PlanResult, RitualWeek
from trustlog.render import words
from trustlog.render.output import Output

if TYPE_CHECKING:
    from trustlog.domain.report.model import RitualFigures
    from trustlog.render.console import Text

PART_WORDS = {REPAIR: "the repair check-in", "date": "the date"}


def slot_words(slot: str) -> str:
    """ "sun 19:00" → "Sundays at 19:00"."""
    day, hour, minute = slot_parts(slot)
    return f"{FULL_NAMES[day].capitalize()}s at {hour:02d}:{minute:02d}"


def ritual_saved(output: Output, ritual: Ritual, json: bool = False) -> None:
    if json:
        output.json({**ritual.to_json(), "action": "created"})
        return
    from trustlog.render.console import Text

    line = Text(f"Saved {PART_WORDS[ritual.what]} of {words.full_date(ritual.date, year=False)}")
    if ritual.minutes is not None:
        line.append(f", {words.minutes(ritual.minutes)}")
    line.append(".")
    line.append(f" id {ritual.id}", style="muted")
    output.err.print(line)
    if ritual.what == REPAIR:
        output.say("Thank you both for making the time.")


def plan_json(plan: Plan | None) -> dict[str, Any]:
    return {
        "repair": plan.repair if plan else None,
        "date": plan.fun_date if plan else None,
        "processing": list(plan.processing) if plan else [],
    }


def plan_shown(output: Output, result: PlanResult, json: bool = False) -> None:
    if json:
        output.json({**plan_json(result.plan), "changed": result.changed})
        return
    from trustlog.render.console import Text

    plan = result.plan
    if plan is None:
        output.out.print("No weekly times are planned yet.")
        output.out.print(
            Text(
                'To plan them: trustlog ritual plan --repair "sun 19:00" --date "fri 19:30"',
                "muted",
            )
        )
        return
    if result.changed:
        output.say("Saved the weekly plan.")
    for line in _plan_lines(plan):
        output.out.print(line)
    if plan.processing:
        output.say(
            "[muted]Outside the processing times, the grounding tools are there: "
            "trustlog trigger.[/muted]"
        )


def _plan_lines(plan: Plan) -> list[str]:
    nothing = "not planned"
    lines = [
        f"Repair check-in: {slot_words(plan.repair) if plan.repair else nothing}",
        f"Date:            {slot_words(plan.fun_date) if plan.fun_date else nothing}",
    ]
    for slot in plan.processing:
        lines.append(f"Processing time: {slot_words(slot)}")
    return lines


def week_json(week: RitualWeek) -> dict[str, Any]:
    return {
        "week": week.week.label,
        "repair": week.repair,
        "date": week.date,
        "care_days": week.care_days,
        "start": week.week.start.isoformat(),
        "end": week.week.end.isoformat(),
        "rituals": [ritual.to_json() for ritual in week.rituals],
        "planned": plan_json(week.plan),
    }


def week_status(output: Output, week: RitualWeek, json: bool = False) -> None:
    if json:
        output.json(week_json(week))
        return
    from trustlog.render.console import Text

    out = output.out
    out.print(Text(f"The weekly ritual · {week.week.title}", style="title"))
    for line in week_lines(week):
        out.print(line)


def week_lines(week: RitualWeek, indent: str = "") -> list[Text]:
    """What is done and what is planned, one line a part: for `ritual status` and the dashboard."""
    from trustlog.render.console import Text

    plan = week.plan
    lines = []
    for done, label, slot in (
        (week.repair, "Repair check-in", plan.repair if plan else None),
        (week.date, "Date", plan.fun_date if plan else None),
    ):
        line = Text(indent)
        if done:
            line.append("✓ ", style="good")
            line.append(f"{label}: done")
        else:
            line.append("○ ")
            line.append(f"{label}: {'none recorded' if week.ended else 'not yet'}")
        if slot and not done and not week.ended:
            line.append(f" · planned {slot_words(slot)}", style="muted")
        lines.append(line)
    care = Text(indent)
    care.append("  Small acts of care: ")
    so_far = "" if week.ended else " so far"
    care.append(
        f"{words.count(week.care_days, 'day')} of 7{so_far}"
        if week.care_days
        else f"none noted{'' if week.ended else ' yet'}"
    )
    lines.append(care)
    if plan and not week.ended:
        for slot in plan.processing:
            lines.append(Text(f"{indent}  Processing time: {slot_words(slot)}", style="muted"))
    return lines


def ritual_lines(figures: RitualFigures) -> list[str]:
    """The report's line about the ritual: only what was recorded (a zero reads as blame)."""
    parts = [
        words.count(number, what)
        for number, what in ((figures.repair, "repair check-in"), (figures.date, "date"))
        if number
    ]
    if figures.care_days:
        parts.append(f"care on {words.count(figures.care_days, 'day')}")
    return [f"Weekly ritual: {', '.join(parts)}."] if parts else []
