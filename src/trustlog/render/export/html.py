"""`trustlog export --format html`: the Markdown export's content as one self-contained page.

The page is written by the Jinja2 templates in templates/ (export.html over
base.html, a partial per part and per kind of entry, the pictures' macros in
charts.svg); this module hands them plain data. It says what the Markdown
says: the sentences come from wording.py, the figures from render/words.py,
the pictures' geometry from charts.py.

Nothing here writes markup. The templates escape everything they are given
(autoescape), and every value shown passes `visible` first (the environment's
`finalize`), so control characters in the person's words show as escapes. A
quotation of the person's words inside one of our sentences is marked by
`quote`; the `said` macro isolates it in `<bdi>`. Jinja2 is imported only
here, and only when a page is made (`trustlog --help` stays light).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, NamedTuple

from trustlog.domain.agreement.model import Agreement
from trustlog.domain.apology.model import PART_TITLES, Apology
from trustlog.domain.checkin.model import Checkin
from trustlog.domain.contract.model import Contract
from trustlog.domain.core.entry import Entry
from trustlog.domain.export.model import Day, Export, KeyDay, Summary
from trustlog.domain.imports.model import JrnlEntry
from trustlog.domain.partner.figures import SharedSection
from trustlog.domain.ritual.model import Ritual
from trustlog.domain.trigger.model import Trigger
from trustlog.render import words
from trustlog.render.export import charts, heads, wording
from trustlog.render.safe import visible

if TYPE_CHECKING:
    import jinja2

# Paper sizes a caller may ask for (`document(paper=...)`); None leaves it to the browser.
PAPERS = ("A4", "letter")
# The height a page holds between the margins of @page (13 mm + 14 mm, templates/style.css),
# less 1 mm so rounding never spills an empty sliver onto the next page.
PAGE_ROOM_MM = {"A4": 297 - 27 - 1, "letter": 279.4 - 27 - 1}
# Around a quotation of the person's words in one of our sentences. Both are control
# characters, which `visible` never lets through from the person's words: a mark is ours.
OPEN, CLOSE = "\x02", "\x03"


class Piece(NamedTuple):
    """A run of one of our sentences: our words, or the person's (isolated)."""

    text: str
    isolated: bool


def quote(value: str) -> str:
    """A one-line quotation of the person's words (its lines joined by " / "), marked for
    the `said` macro, which isolates it so right-to-left words cannot reorder what follows."""
    return f"{OPEN}{joined(value)}{CLOSE}"


def joined(value: str) -> str:
    return " / ".join(visible(line.strip()) for line in value.strip().splitlines() if line.strip())


def pieces(sentence: str) -> list[Piece]:
    """A sentence split into our words and the person's quotations (see `quote`)."""
    found = []
    rest = sentence
    while rest:
        before, opened, after = rest.partition(OPEN)
        if before:
            found.append(Piece(before, False))
        if not opened:
            break
        inside, _, rest = after.partition(CLOSE)
        found.append(Piece(inside, True))
    return found


def _shown(value: object) -> object:
    """Every value a template shows: text with its control characters as escapes."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


def _at(value: float) -> str:
    """A coordinate of a picture, to one decimal."""
    return f"{value:.1f}"


@functools.cache
def environment() -> jinja2.Environment:
    """The templates' environment: escaping on, and a name a template does not know is an
    error (StrictUndefined), never an empty string."""
    import jinja2

    made = jinja2.Environment(
        loader=jinja2.PackageLoader("trustlog.render.export", "templates"),
        autoescape=jinja2.select_autoescape(("html", "svg"), default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        finalize=_shown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    made.globals["pieces"] = pieces
    made.filters["at"] = _at
    return made


def render(export: Export) -> bytes:
    return document(export).encode("utf-8")


def document(export: Export, paper: str | None = None) -> str:
    """The whole page; `paper` ("A4" or "letter") fixes the printed page size."""
    if paper is not None and paper not in PAPERS:
        raise ValueError(f"paper: {paper!r} is not one of {PAPERS}")
    return (
        environment()
        .get_template("export.html")
        .render(
            paper=paper,
            room=f"{PAGE_ROOM_MM[paper]:.1f}mm" if paper else None,
            title=export.period.title,
            made=words.full_date(export.made.date()),
            not_therapy=wording.not_therapy(export.author, quote),
            summary=None if export.summary is None else _summary(export, export.summary),
            entries=_entries(export),
            partner=None if export.partner is None else _partner(export.partner),
        )
    )


def _partner(shared: SharedSection) -> dict[str, Any]:
    side = shared.side
    return {
        "name": side.name,
        "start": words.full_date(side.start),
        "end": words.full_date(side.end),
        "follow_through": words.percent(side.follow_through),
        "strength": words.percent(side.strength),
        "mood": words.decimal(side.mood),
        "trust": words.decimal(side.trust),
        "promises": [{**vars(promise), "text": quote(promise.text)} for promise in shared.promises],
    }


# -- the one-page summary ---------------------------------------------------------------


def _summary(export: Export, summary: Summary) -> dict[str, Any]:
    figures = summary.figures
    days = len(export.period.days())
    before = summary.previous.period
    only = export.options.only
    concerns = []
    for concern in summary.concerns:
        shown, more = wording.listed(concern)
        concerns.append(
            {
                "said": wording.concern(concern, export.author, quote),
                "entries": [_entry_line(entry) for entry in shown],
                "more": more,
            }
        )
    return {
        "overview": f"{words.count(figures.checkin_days, 'check-in day')} of {days}; "
        f"mood {words.decimal(figures.mood_average)} of 5 and "
        f"trust {words.decimal(figures.trust_average)} of 10 on average.",
        "chart": charts.trend_chart(export),
        "looks_for": wording.LOOKS_FOR,
        "concerns": concerns,
        "no_concerns": wording.NO_CONCERNS,
        "compared": f"Compared with the {words.count(len(before.days()), 'day')} before "
        f"({words.short_date(before.start, year=True)} to "
        f"{words.short_date(before.end, year=True)}).",
        "markers": [
            (
                wording.MARKER_NAMES[marker.key],
                wording.marker_value(marker),
                wording.marker_value(marker, now=False),
                wording.TRENDS[marker.trend],
            )
            for marker in summary.markers
        ],
        "before_rule": wording.BEFORE_RULE,
        "key_days": [_key_day(day) for day in summary.key_days],
        "promises_chosen": not only or "promise" in only,
        "promises": [wording.promise_line(record, quote) for record in summary.promises],
        "ritual": wording.ritual_summary(summary.ritual, days) if summary.ritual else None,
        "agenda": [quote(item) for item in summary.agenda],
        "no_agenda": wording.NO_AGENDA,
        "private_note": None
        if export.options.include_private
        else wording.private_note(export.author, quote),
    }


def _key_day(day: KeyDay) -> dict[str, Any]:
    return {
        "date": words.short_date(day.date, year=True),
        "reasons": wording.key_day_reasons(day),
        "details": "; ".join(wording.key_day_details(day, quote)),
        "flares": [wording.trigger_line(trigger, quote) for trigger in day.triggers],
    }


def _entry_line(entry: Entry) -> str:
    """An entry listed under a concern: its date, the figures that put it there, its words."""
    when = words.short_date(entry.day, year=True) if entry.day else "undated"
    shown = wording.concern_facts(entry)
    if shown:
        said = wording.concern_words(entry)
        return f"{when} ({shown})" + (f": {quote(said)}" if joined(said) else "")
    summary = entry.summary()
    return f"{when}: {quote(summary) if joined(summary) else entry.kind}"


# -- the entries ------------------------------------------------------------------------


def _entries(export: Export) -> dict[str, Any]:
    counts = [wording.kind_count(kind, n) for kind, n in export.counts.items() if n]
    names = {record.promise.id: record.promise.text for record in export.promises}
    return {
        "counts": ", ".join(counts) or "no entries",
        "days": [
            {"date": words.full_date(day.date), "shown": _items(day, names)}
            for day in export.days
            if day.to_read
        ],
        "legend": charts.calendar_legend(),
        "promises": [
            {
                "name": quote(record.promise.text),
                "line": wording.promise_line(record, quote),
                "calendar": charts.calendar(record, index, joined(record.promise.text)),
            }
            for index, record in enumerate(export.promises, 1)
        ],
    }


def _items(day: Day, names: dict[str, str]) -> list[dict[str, Any]]:
    """The day's entries, each for its partial: templates/kinds/<kind>.html."""
    items = [_checkin(checkin) for checkin in day.checkins]
    items += [_trigger(trigger) for trigger in day.triggers]
    items += [_apology(apology) for apology in day.apologies]
    if day.marks_to_read:
        lines = [wording.mark_line(mark, names, quote) for mark in day.marks_to_read]
        items.append({"kind": "marks", "lines": lines})
    items += [_ritual(ritual) for ritual in day.rituals]
    for made in day.frame:
        items.append(_contract(made) if isinstance(made, Contract) else _agreement(made))
    for other in day.others:
        if isinstance(other, JrnlEntry):
            items.append(_jrnl(other))
        else:
            kind = getattr(other, "stored_kind", other.kind)
            items.append({"kind": "other", "head": kind, "words": other.summary()})
    return items


def _fields(rows: list[heads.Row]) -> list[tuple[str, list[str]]]:
    """Labelled fields with the person's words, a field not given left out. A label given
    again ("Grateful for", twice) holds both under one <dt>: HTML's description list has
    one term for all its descriptions, and a reader hears the label once."""
    fields: list[tuple[str, list[str]]] = []
    for label, value in rows:
        if value is None or not value.strip():
            continue
        if fields and fields[-1][0] == label:
            fields[-1][1].append(value.strip())
        else:
            fields.append((label, [value.strip()]))
    return fields


def _checkin(checkin: Checkin) -> dict[str, Any]:
    rows: list[heads.Row] = [("Feeling", checkin.feeling)]
    rows += [("Grateful for", item) for item in checkin.grateful]
    rows.append(("Act of care", checkin.care))
    if checkin.affection:
        rows.append(("Moments of affection", str(checkin.affection)))
    if checkin.detective:
        rows.append(("Detective work", str(checkin.detective)))
    rows += [("Argued about", topic) for topic in checkin.arguments]
    rows.append(("Note", checkin.note))
    head = " · ".join(["Check-in", *wording.checkin_figures(checkin)])
    return {"kind": "checkin", "head": head, "rows": _fields(rows)}


def _trigger(trigger: Trigger) -> dict[str, Any]:
    rows: list[heads.Row] = [("What happened", trigger.what)]
    if trigger.breathed_seconds:
        rows.append(("Breathed together", words.seconds(trigger.breathed_seconds)))
    rows += [
        ("Facts", trigger.facts),
        ("Guesses", trigger.guesses),
        ("Reassurance", trigger.reassurance),
        ("Repair", trigger.repair),
        ("Note", trigger.note),
    ]
    head = " · ".join(heads.trigger_head(trigger))
    return {"kind": "trigger", "head": head, "rows": _fields(rows)}


def _apology(apology: Apology) -> dict[str, Any]:
    rows = [(title, apology.parts.get(part)) for part, title in PART_TITLES.items()]
    rows.append(("Note", apology.note))
    return {"kind": "apology", "rows": _fields(rows)}


def _ritual(ritual: Ritual) -> dict[str, Any]:
    head = " · ".join(heads.ritual_head(ritual))
    return {"kind": "ritual", "head": head, "rows": _fields(heads.ritual_rows(ritual))}


def _jrnl(entry: JrnlEntry) -> dict[str, Any]:
    head = " · ".join(heads.jrnl_head(entry))
    return {"kind": "jrnl", "head": head, "rows": _fields(heads.jrnl_rows(entry))}


def _contract(contract: Contract) -> dict[str, Any]:
    return {
        "kind": "contract",
        "head": heads.contract_head(contract),
        "rows": _fields(heads.contract_rows(contract)),
        "revisit": heads.contract_revisit(contract),
    }


def _agreement(agreement: Agreement) -> dict[str, Any]:
    return {
        "kind": "agreement",
        "head": " · ".join(heads.agreement_head(agreement)),
        "words": agreement.text.strip(),
        "dates": heads.agreement_dates(agreement),
    }
