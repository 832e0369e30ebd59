"""`trustlog partner`: what your partner shared, beside your own, for people and as JSON.

Words stay neutral: what the partner shared is shown as theirs, beside the
person's own where both exist, and never scored one against the other. The
commands' own messages (codes, shares made and received) are in partner.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from trustlog.domain.partner.service import Shown
from trustlog.domain.partner.store import (
    AGREEMENTS,
    APOLOGY,
    CHECKINS,
    CONTRACT,
    PROMISES,
    RITUAL,
)
from trustlog.domain.promise.schedule import STRENGTH_SHOWN_FROM
from trustlog.render import words
from trustlog.render.charts import spark
from trustlog.render.output import Output
from trustlog.render.partner import cap, span_words

RANGES = {"mood": (1, 5), "trust": (0, 10)}


def shown_json(shown: Shown) -> dict[str, Any]:
    kinds = shown.kinds
    last = shown.partner.last
    return {
        "name": shown.partner.name,
        "fingerprint": shown.fingerprint,
        "received": last.received.isoformat() if last else None,
        "promises": [
            {
                "id": item.get("id"),
                "text": item.get("text"),
                "schedule": item.get("schedule"),
                "follow_through": item.get("follow_through"),
                "strength": item.get("strength"),
                "days": [
                    {"date": day.get("date"), "status": day.get("status")}
                    | ({"repair": day["repair"]} if day.get("repair") else {})
                    for day in item.get("days", [])
                ],
            }
            for item in (kinds[PROMISES].items if PROMISES in kinds else [])
        ],
        "checkins": kinds[CHECKINS].items if CHECKINS in kinds else [],
        "contract": kinds[CONTRACT].items if CONTRACT in kinds else None,
        "agreements": kinds[AGREEMENTS].items if AGREEMENTS in kinds else [],
        "ritual": kinds[RITUAL].items if RITUAL in kinds else [],
        "apologies": kinds[APOLOGY].items if APOLOGY in kinds else [],
        "shared": {
            kind: {
                "made": held.made.isoformat(),
                "from": held.start.isoformat(),
                "to": held.end.isoformat(),
            }
            for kind, held in kinds.items()
        },
        "agreed_by_both": shown.agreed_by_both.isoformat() if shown.agreed_by_both else None,
    }


def partner_shown(output: Output, shown: Shown, json: bool = False) -> None:
    if json:
        output.json(shown_json(shown))
        return
    from rich.markup import escape

    from trustlog.render.console import Text

    out = output.out
    name = cap(shown.partner.called)
    out.print(Text(f"{name}'s side", style="title"))
    out.print(Text(f"code fingerprint: {shown.fingerprint}", style="muted"))
    if not shown.kinds:
        out.print()
        out.print(
            f"Nothing shared yet. When {escape(name)} hands you a share, "
            "`trustlog receive FILE` brings it in."
        )
        return
    kinds = shown.kinds
    if PROMISES in kinds:
        _promises(out, name, kinds[PROMISES])
    if CHECKINS in kinds:
        _lines(out, name, kinds[CHECKINS], shown.mine)
    if CONTRACT in kinds or shown.my_contract is not None:
        _contracts(out, name, kinds.get(CONTRACT), shown)
    if AGREEMENTS in kinds:
        _agreements(out, name, kinds[AGREEMENTS])
    if RITUAL in kinds:
        _ritual(out, name, kinds[RITUAL])
    if APOLOGY in kinds:
        _apologies(out, name, kinds[APOLOGY])


def _heading(out: Any, title: str, held: Any) -> None:
    from trustlog.render.console import Text

    out.print()
    out.print(
        Text.assemble(
            (title, "title"),
            (
                f"  shared {words.short_date(held.made.date(), year=True)}, "
                f"{span_words(held.start, held.end)} to {words.short_date(held.end)}",
                "muted",
            ),
        )
    )


def _promises(out: Any, name: str, held: Any) -> None:
    from trustlog.render.console import Text
    from trustlog.render.promise import CELLS, INDENT, LEGEND, WEEK_HEADER

    _heading(out, f"{name}'s promises", held)
    if not held.items:
        out.print(Text(INDENT + "none active in that time", style="muted"))
        return
    end = held.end
    first = end - timedelta(days=end.weekday()) - timedelta(weeks=3)
    for item in held.items:
        out.print()
        out.print(Text(str(item.get("text", ""))))
        out.print(Text(INDENT + str(item.get("schedule") or ""), style="muted"))
        out.print(Text(INDENT + " ".join([WEEK_HEADER] * 4), style="muted"))
        statuses = {day.get("date"): day.get("status") for day in item.get("days", [])}
        line = Text(INDENT)
        for index in range(28):
            day = first + timedelta(days=index)
            if index and index % 7 == 0:
                line.append(" ")
            status = statuses.get(day.isoformat())
            symbol, style = CELLS.get(status or "", (" ", ""))
            line.append(symbol, style=style or None)
        out.print(line)
        follow = item.get("follow_through")
        strength = item.get("strength")
        recorded = sum(1 for day in item.get("days", []) if day.get("status") != "unrecorded")
        # As in `promise list`: strength only once enough days make it mean something.
        shown = (
            f"strength {words.percent(strength)}"
            if recorded >= STRENGTH_SHOWN_FROM
            else f"strength from day {STRENGTH_SHOWN_FROM}"
        )
        figures = (
            f"follow-through {words.percent(follow)} · {shown}"
            if follow is not None or strength is not None
            else "no days recorded in that time"
        )
        out.print(Text(INDENT + figures))
        for day in item.get("days", []):
            if day.get("repair"):
                out.print(
                    Text(
                        f"{INDENT}{day.get('date')} repaired: {day['repair']}",
                        style="muted",
                    )
                )
    out.print()
    out.print(Text(LEGEND.replace("  ○ due today", ""), style="muted"))


def sparkline(values: dict[str, int | None], days: list[date], low: int, high: int) -> str:
    cells = []
    for day in days:
        value = values.get(day.isoformat())
        if value is None:
            cells.append(" ")
        else:
            cells.append(spark(value, low, high))
    return "".join(cells)


def _lines(out: Any, name: str, held: Any, mine: list[dict[str, Any]]) -> None:
    from trustlog.render.console import Text

    _heading(out, "Mood and trust, side by side", held)
    days = [held.start + timedelta(days=n) for n in range((held.end - held.start).days + 1)]
    days = days[-56:]  # a line fits the screen: the last eight weeks of a longer share
    label = max(len(name), 3)
    for field, (low, high) in RANGES.items():
        theirs: dict[str, int | None] = {
            str(item.get("date")): item.get(field) for item in held.items
        }
        ours: dict[str, int | None] = {str(item.get("date")): item.get(field) for item in mine}
        for who, values in ((name, theirs), ("you", ours)):
            out.print(
                Text.assemble(
                    (f"  {field if who == name else '':<6} {who:<{label}}  ", "muted"),
                    sparkline(values, days, low, high),
                    (f"  {words.decimal(_average(values, days))}", "muted"),
                )
            )
    out.print(
        Text(f"  one mark a day, {low_high_words()}; the figure is the average", style="muted")
    )


def low_high_words() -> str:
    return "low ▁ to high █, blank: no figure that day"


def _average(values: dict[str, int | None], days: list[date]) -> float | None:
    found = [v for day in days if (v := values.get(day.isoformat())) is not None]
    return sum(found) / len(found) if found else None


def _contracts(out: Any, name: str, held: Any, shown: Shown) -> None:
    from trustlog.render.console import Text

    out.print()
    out.print(Text("The repair contract, as each of you holds it", style="title"))
    if shown.agreed_by_both is not None:
        out.print(
            Text(f"  The same words: agreed by both on {words.full_date(shown.agreed_by_both)}.")
        )
    theirs = held.items if held is not None else None
    for who, contract, mine_word, theirs_word in (
        (name, theirs, f"{name}'s commitments", "Your commitments, as they wrote them"),
        ("You", shown.my_contract, "Your commitments", f"{name}'s commitments, as you wrote them"),
    ):
        out.print()
        if contract is None:
            out.print(Text(f"  {who}: no contract {'shared' if who == name else 'written'} yet"))
            continue
        out.print(
            Text(
                f"  {who}: revision {contract.get('revision')}, {contract.get('date')}, "
                f"revisit {contract.get('revisit')}",
                style="accent",
            )
        )
        for title, items in (
            (mine_word, contract.get("mine")),
            (theirs_word, contract.get("theirs")),
        ):
            out.print(Text(f"    {title}:", style="muted"))
            for item in items or []:
                out.print(Text(f"      - {item}"))
        for title, part in (("Support", "support"), ("What would break it", "breaks")):
            if contract.get(part):
                out.print(Text(f"    {title}: {contract[part]}"))
    if shown.agreed_by_both is None and theirs is not None:
        out.print()
        out.print(
            Text(
                "  `trustlog contract agree` makes theirs your revision, seen from your side.",
                style="muted",
            )
        )


def _agreements(out: Any, name: str, held: Any) -> None:
    from trustlog.render.console import Text

    _heading(out, f"{name}'s agreements", held)
    if not held.items:
        out.print(Text("  none in force", style="muted"))
    for item in held.items:
        out.print(Text.assemble((f"  {item.get('area', '')}: ", "muted"), str(item.get("text"))))


def _ritual(out: Any, name: str, held: Any) -> None:
    from trustlog.render.console import Text

    _heading(out, f"{name}'s ritual weeks", held)
    for item in held.items:
        done = [
            "repair check-in" if item.get("repair") else None,
            "date" if item.get("date") else None,
        ]
        parts = [part for part in done if part] or ["–"]
        care = words.count(int(item.get("care_days") or 0), "day")
        out.print(Text(f"  {item.get('week')}  {', '.join(parts)}; care on {care}"))


def _apologies(out: Any, name: str, held: Any) -> None:
    from trustlog.render.console import Text

    for item in held.items:
        out.print()
        out.print(Text(f"An apology from {name}, {item.get('date')}", style="title"))
        for title, part in (
            ("What I did", "did"),
            ("How it hurt you", "impact"),
            ("My responsibility", "responsibility"),
            ("How I will make amends", "amends"),
        ):
            if item.get(part):
                out.print(Text(f"  {title}: ", style="muted") + Text(str(item[part])))
