"""`trustlog export --format md`: a one-page summary, then the entries day by day.

Plain Markdown that reads well raw, in any editor, and rendered. The person's
words are escaped (`text`), so nothing they wrote can become a heading, a
link or a table cell of its own; control characters are shown as escapes.
"""

from __future__ import annotations

import re
from datetime import timedelta

from trustlog.domain.agreement.model import Agreement
from trustlog.domain.apology.model import PART_TITLES, Apology
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.contract.model import Contract
from trustlog.domain.core.entry import Entry
from trustlog.domain.export.model import Day, Export, KeyDay, PromiseRecord, Summary
from trustlog.domain.imports.model import JrnlEntry
from trustlog.domain.partner.figures import SharedSection
from trustlog.domain.ritual.model import Ritual
from trustlog.domain.trigger.model import Trigger
from trustlog.render import words
from trustlog.render.export import heads, wording
from trustlog.render.safe import visible

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~]|&(?=#?\w+;))")  # & only where it starts an entity
_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])", re.MULTILINE)  # "- x", "1. x": not lists
# What GitHub-flavoured Markdown makes a live link of without any markup: `www.` and a
# scheme's `://`. A backslash before the `.` or the `:` keeps the words as they read and
# makes them no link (cmark-gfm, which GitHub renders with, was checked by hand).
_WWW = re.compile(r"(?i)(www)\.")
_SCHEME = re.compile(r"(?i)([a-z][a-z0-9+.-]*):(?=//)")


def text(value: str) -> str:
    """The person's words, made literal for Markdown (and safe for a terminal): never a
    heading, a list, a table, markup or a link, not even one GFM would make on its own."""
    escaped = _SPECIAL.sub(r"\\\1", visible(value))
    escaped = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    escaped = _WWW.sub(r"\1\\.", escaped)
    return _SCHEME.sub(r"\1\\:", escaped)


def quote(value: str) -> str:
    """A one-line quotation of the person's words: its lines joined by " / "."""
    return " / ".join(text(line.strip()) for line in value.strip().splitlines() if line.strip())


def render(export: Export) -> bytes:
    lines = [f"# {export.period.title}", ""]
    lines += [
        f"Prepared on {words.full_date(export.made.date())}. "
        f"{wording.not_therapy(export.author, quote)}",
        "",
    ]
    if export.summary is not None:
        lines += _summary(export, export.summary)
    lines += _entries(export)
    if export.partner is not None:
        lines += _partner(export.partner)
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _partner(shared: SharedSection) -> list[str]:
    """What the partner shared: theirs, labelled so, never mixed with the figures above."""
    side = shared.side
    name = text(side.name)
    lines = [
        f"## Shared by {name} (their figures, not yours)",
        "",
        f"From {name}'s own journal, as they chose to share it with you, "
        f"{words.full_date(side.start)} to {words.full_date(side.end)}.",
        "",
        f"- Follow-through: {words.percent(side.follow_through)}",
        f"- Strength: {words.percent(side.strength)}",
        f"- Mood, on average: {words.decimal(side.mood)}",
        f"- Trust, on average: {words.decimal(side.trust)}",
        "",
    ]
    for promise in shared.promises:
        lines.append(
            f"- {quote(promise.text)} ({text(promise.schedule)}): kept {promise.kept}, "
            f"repaired {promise.repaired}, broken {promise.broken}, "
            f"not recorded {promise.unrecorded}"
        )
    return [*lines, ""]


# -- the one-page summary ---------------------------------------------------------------


def _summary(export: Export, summary: Summary) -> list[str]:
    figures = summary.figures
    days = len(export.period.days())
    lines = ["## Summary", ""]
    lines += [
        f"{words.count(figures.checkin_days, 'check-in day')} of {days}; "
        f"mood {words.decimal(figures.mood_average)} of 5 and "
        f"trust {words.decimal(figures.trust_average)} of 10 on average.",
        "",
        "### To look at first",
        "",
        wording.LOOKS_FOR,
        "",
    ]
    if not summary.concerns:
        lines += [wording.NO_CONCERNS, ""]
    for concern in summary.concerns:
        lines.append(f"- {wording.concern(concern, export.author, quote)}")
        shown, more = wording.listed(concern)
        lines += [f"  - {_entry_line(entry, facts=True)}" for entry in shown]
        if more:
            lines.append(f"  - and {more} more, among the entries")
    if summary.concerns:
        lines.append("")

    before = summary.previous.period
    lines += [
        "### Progress markers",
        "",
        f"Compared with the {words.count(len(before.days()), 'day')} before "
        f"({words.short_date(before.start, year=True)} to "
        f"{words.short_date(before.end, year=True)}).",
        "",
        "| Marker | These days | Before | Trend |",
        "|---|---|---|---|",
    ]
    for marker in summary.markers:
        lines.append(
            f"| {wording.MARKER_NAMES[marker.key]} | {wording.marker_value(marker)} "
            f"| {wording.marker_value(marker, now=False)} | {wording.TRENDS[marker.trend]} |"
        )
    lines += ["", wording.BEFORE_RULE]
    lines += ["", "### Key days", ""]
    if not summary.key_days:
        lines += ["No check-ins or flare-ups in these days.", ""]
    for day in summary.key_days:
        lines += _key_day(day)
    if summary.key_days:
        lines.append("")

    lines += ["### Promises", ""]
    only = export.options.only
    if only and "promise" not in only:
        lines += ["Promises are not part of this export.", ""]
    elif not summary.promises:
        lines += ["No promises were due in these days.", ""]
    for record in summary.promises:
        lines.append(f"- {wording.promise_line(record, quote)}")
    if summary.promises:
        lines.append("")

    if summary.ritual is not None:
        lines += ["### Weekly ritual", "", wording.ritual_summary(summary.ritual, days), ""]

    lines += ["### What I want to talk about", ""]
    lines += [f"- {quote(item)}" for item in summary.agenda] or [wording.NO_AGENDA]
    lines.append("")
    if not export.options.include_private:
        lines += [wording.private_note(export.author, quote), ""]
    return lines


def _key_day(day: KeyDay) -> list[str]:
    head = f"- **{words.short_date(day.date, year=True)}**: {wording.key_day_reasons(day)}"
    details = wording.key_day_details(day, quote)
    lines = [head + (f" ({'; '.join(details)})" if details else "")]
    lines += [f"  - {wording.trigger_line(trigger, quote)}" for trigger in day.triggers]
    return lines


# -- the entries ------------------------------------------------------------------------


def _entries(export: Export) -> list[str]:
    lines = ["## Entries", ""]
    counts = [wording.kind_count(kind, n) for kind, n in export.counts.items() if n]
    lines += [f"This export holds {', '.join(counts) or 'no entries'}.", ""]
    names = {record.promise.id: record.promise.text for record in export.promises}
    for day in export.days:
        lines += _day(day, names)
    if export.promises:
        lines += ["## Promise calendars", "", wording.LEGEND, ""]
        for record in export.promises:
            lines += _calendar(record)
    return lines


def _day(day: Day, names: dict[str, str]) -> list[str]:
    if not day.to_read:
        return []
    marks = day.marks_to_read
    lines = [f"### {words.full_date(day.date)}", ""]
    for checkin in day.checkins:
        lines += _checkin(checkin)
    for trigger in day.triggers:
        lines += _trigger(trigger)
    for apology in day.apologies:
        lines += _apology(apology)
    if marks:
        lines += ["**Promises**", ""]
        lines += [f"- {wording.mark_line(mark, names, quote)}" for mark in marks]
        lines.append("")
    for ritual in day.rituals:
        lines += _ritual(ritual)
    for made in day.frame:
        lines += _contract(made) if isinstance(made, Contract) else _agreement(made)
    for other in day.others:
        if isinstance(other, JrnlEntry):
            lines += _jrnl(other)
            continue
        lines += [f"**{text(getattr(other, 'stored_kind', other.kind))}**", ""]
        lines += [*labelled("", other.summary()), ""]
    return lines


def _ritual(ritual: Ritual) -> list[str]:
    return _headed_rows(heads.ritual_head(ritual), heads.ritual_rows(ritual))


def _headed_rows(head: list[str], rows: list[heads.Row]) -> list[str]:
    """A record shown as its head line, then a row for each thing it holds."""
    return [_head(head), "", *_rows(rows), ""]


def _contract(contract: Contract) -> list[str]:
    lines = [f"**{heads.contract_head(contract)}**", ""]
    lines += _rows(heads.contract_rows(contract))
    lines.append(f"- {heads.contract_revisit(contract)}")
    lines.append("")
    return lines


def _agreement(agreement: Agreement) -> list[str]:
    lines = [_head(heads.agreement_head(agreement)), ""]
    lines += labelled("", agreement.text)
    lines += [f"- {said}" for said in heads.agreement_dates(agreement)]
    lines.append("")
    return lines


def _head(head: list[str]) -> str:
    """The entry's name in bold, then what goes beside it."""
    return " · ".join([f"**{head[0]}**", *head[1:]])


def _rows(rows: list[heads.Row]) -> list[str]:
    return [line for label, value in rows for line in labelled(label, value)]


def _checkin(checkin: Checkin) -> list[str]:
    head = " · ".join(["**Check-in**", *wording.checkin_figures(checkin)])
    lines = [head, ""]
    lines += labelled("Feeling", checkin.feeling)
    for item in checkin.grateful:
        lines += labelled("Grateful for", item)
    lines += labelled("Act of care", checkin.care)
    if checkin.affection:
        lines.append(f"- Moments of affection: {checkin.affection}")
    if checkin.detective:
        lines.append(f"- Detective work: {checkin.detective}")
    for topic in checkin.arguments:
        lines += labelled("Argued about", topic)
    lines += labelled("Note", checkin.note)
    lines.append("")
    return lines


def _trigger(trigger: Trigger) -> list[str]:
    lines = [_head(heads.trigger_head(trigger)), ""]
    lines += labelled("What happened", trigger.what)
    if trigger.breathed_seconds:
        lines.append(f"- Breathed together for {words.seconds(trigger.breathed_seconds)}")
    lines += labelled("Facts", trigger.facts)
    lines += labelled("Guesses", trigger.guesses)
    lines += labelled("Reassurance", trigger.reassurance)
    lines += labelled("Repair", trigger.repair)
    lines += labelled("Note", trigger.note)
    lines.append("")
    return lines


def _apology(apology: Apology) -> list[str]:
    lines = ["**Apology draft**", ""]
    for part, title in PART_TITLES.items():
        lines += labelled(title, apology.parts.get(part))
    lines += labelled("Note", apology.note)
    lines.append("")
    return lines


def _jrnl(entry: JrnlEntry) -> list[str]:
    """An entry brought over from jrnl: its words as text, with its tags and star."""
    return _headed_rows(heads.jrnl_head(entry), heads.jrnl_rows(entry))


def _entry_line(entry: Entry, facts: bool = False) -> str:
    when = words.short_date(entry.day, year=True) if entry.day else "undated"
    shown = wording.concern_facts(entry) if facts else None
    if shown:
        said = quote(wording.concern_words(entry))
        return f"{when} ({text(shown)})" + (f": {said}" if said else "")
    return f"{when}: {quote(entry.summary()) or text(entry.kind)}"


def labelled(label: str, value: str | None) -> list[str]:
    """A labelled field: on one line, or a quoted block when it spans several."""
    if value is None or not value.strip():
        return []
    lines = value.strip().splitlines()
    prefix = f"- {label}: " if label else "- "
    if len(lines) == 1:
        return [prefix + text(lines[0])]
    # Each line's own indent is dropped: four spaces inside a quote would make it code.
    return [prefix.rstrip(), "", *(f"  > {text(line.strip())}".rstrip() for line in lines), ""]


def _calendar(record: PromiseRecord) -> list[str]:
    """The window's weeks, Monday first: each scheduled day with its sign."""
    lines = [f"### {quote(record.promise.text)}", "", f"{record.schedule}", ""]
    lines += ["| Week of | Mon | Tue | Wed | Thu | Fri | Sat | Sun |", "|---|" + "---|" * 7]
    status = {day.date: day.status for day in record.calendar}
    if not record.calendar:
        return [*lines, ""]
    first = record.calendar[0].date
    monday = first - timedelta(days=first.weekday())
    while monday <= record.calendar[-1].date:
        cells = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            sign = wording.SIGNS.get(status.get(day, ""), "")
            cells.append(f"{day.day} {sign}".strip() if day in status else "")
        lines.append(f"| {words.short_date(monday)} | " + " | ".join(cells) + " |")
        monday += timedelta(days=7)
    return [*lines, ""]
