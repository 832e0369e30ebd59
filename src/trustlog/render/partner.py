"""The two of you, for people and as JSON: codes, shares made and received, their side.

Words stay neutral: what the partner shared is shown as theirs, beside the
person's own where both exist, and never scored one against the other.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from trustlog.domain.partner.figures import SharedNews
from trustlog.domain.partner.service import (
    NEVER_GOES,
    Added,
    Agreed,
    CodeShown,
    Received,
    Removed,
    SharePlan,
    Shown,
)
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
from trustlog.render.output import Output

SPARKS = "▁▂▃▄▅▆▇█"
RANGES = {"mood": (1, 5), "trust": (0, 10)}
KIND_WORDS = {
    PROMISES: ("promise", "promises"),
    CHECKINS: ("day of mood and trust", "days of mood and trust"),
    CONTRACT: ("the repair contract", "the repair contract"),
    AGREEMENTS: ("agreement", "agreements"),
    RITUAL: ("ritual week", "ritual weeks"),
    APOLOGY: ("apology", "apologies"),
}


def cap(text: str) -> str:
    """A name at the start of a sentence: "your partner" becomes "Your partner"."""
    return text[:1].upper() + text[1:]


def kind_words(kind: str, number: int) -> str:
    one, many = KIND_WORDS[kind]
    if kind == CONTRACT:
        return one
    return words.count(number, one, many)


def items_words(items: dict[str, int]) -> str:
    return ", ".join(kind_words(kind, number) for kind, number in items.items()) or "nothing"


WINDOWED = (PROMISES, CHECKINS, RITUAL)  # the kinds a share's dates are about


def shared_words(items: dict[str, int], start: date, end: date) -> str:
    """ "4 weeks: 3 promises, 20 days of mood and trust", or "the repair contract" alone."""
    what = items_words(items)
    if not any(kind in WINDOWED for kind in items):
        return what
    return f"{span_words(start, end)} to {words.short_date(end)}: {what}"


def span_words(start: date, end: date) -> str:
    days = (end - start).days + 1
    if days % 7 == 0:
        return words.count(days // 7, "week")
    return words.count(days, "day")


# -- codes -----------------------------------------------------------------------


def code_shown(output: Output, shown: CodeShown, json: bool = False) -> None:
    if json:
        output.json({"code": shown.code, "fingerprint": shown.fingerprint})
        return
    output.say("Your partner code (give it to your partner; it holds no secret):")
    output.data((shown.code + "\n").encode("ascii"))
    output.say(
        f"Its fingerprint: [accent]{shown.fingerprint}[/accent]\n"
        "[muted]When your partner adds it, they see six words: read yours aloud to each other; "
        "if they are the same, the code came whole from you.[/muted]"
    )


def partner_added(output: Output, added: Added, json: bool = False) -> None:
    if json:
        output.json({"name": added.name, "fingerprint": added.fingerprint})
        return
    from rich.markup import escape

    who = escape(added.name) if added.name else "your partner"
    verb = "Updated" if added.replaced is not None else "Added"
    output.say(
        f"{verb} {who}'s code. Its fingerprint: [accent]{added.fingerprint}[/accent]\n"
        f"[muted]Ask {who} to read the words `trustlog partner code` shows them: when they are "
        "the same, the code is theirs. Nothing is shared until you choose: "
        "trustlog share[/muted]"
    )


def partner_removed(output: Output, removed: Removed, json: bool = False) -> None:
    if json:
        output.json({"removed": removed.partner is not None or removed.files > 0})
        return
    if removed.partner is None and not removed.files:
        output.say("There was no partner in this journal; nothing was changed.")
        return
    output.say(
        "Forgot your partner's code and everything they shared with you. "
        "[muted]Files you handed over before are theirs: they cannot be recalled.[/muted]"
    )


def before_removing(output: Output, removed_name: str) -> None:
    from rich.markup import escape

    output.say(
        f"This forgets {escape(removed_name)}'s code and everything they shared with you. "
        "Your own entries stay as they are."
    )


# -- sharing ----------------------------------------------------------------------


def share_preview(output: Output, plan: SharePlan, shown: str) -> None:
    from rich.markup import escape

    name = escape(plan.partner.called)
    say = output.say
    if any(kind in WINDOWED for kind in plan.kinds):
        say(
            f"[title]A share for {name}[/title], {span_words(plan.start, plan.end)}: "
            f"{words.full_date(plan.start)} to {words.full_date(plan.end)}."
        )
    else:
        say(f"[title]A share for {name}[/title].")
    say("What goes, sealed so that only their journal can open it:")
    for kind, items in plan.kinds.items():
        say(f"  • {kind_words(kind, plan.counts[kind])}{_detail(kind, items)}")
        if kind == PROMISES:
            for promise in items:
                say(f"      “{escape(words.fit(promise['text'], 60))}”")
    say("What never goes: " + ", ".join(NEVER_GOES) + ".")
    say(
        f"[muted]It is written to {escape(shown)}, for you to hand over as you like. "
        "Once handed over, a file cannot be recalled.[/muted]"
    )


def _detail(kind: str, items: Any) -> str:
    if kind == PROMISES:
        return " (each day kept, broken or repaired, with repair notes)"
    if kind == CHECKINS:
        return " (the numbers only, never words)"
    if kind == CONTRACT:
        return f" (revision {items['revision']})"
    if kind == RITUAL:
        return " (repair check-ins, dates, days with an act of care)"
    if kind == APOLOGY:
        return " (its four parts)"
    return ""


def not_written(output: Output) -> None:
    output.say("Nothing was written.")


def nothing_changed(output: Output) -> None:
    output.say("Nothing was changed.")


def share_written(output: Output, plan: SharePlan, shown: str | None, json: bool) -> None:
    if json:
        output.json(
            {
                "file": shown,
                "items": plan.counts,
                "from": plan.start.isoformat(),
                "to": plan.end.isoformat(),
            }
        )
        return
    from rich.markup import escape

    name = escape(plan.partner.called)
    where = f"Wrote {escape(shown)}" if shown else "Wrote the share to stdout"
    output.say(
        f"{where} for {name}: {shared_words(plan.counts, plan.start, plan.end)}.\n"
        f"[muted]Hand it over as you like; only {name}'s journal can open it "
        "(`trustlog receive FILE`).[/muted]"
    )


# -- receiving --------------------------------------------------------------------


def received_json(received: Received) -> dict[str, Any]:
    return {
        "from": received.partner.called,
        "made": received.made.isoformat(),
        "items": received.items,
        "new": received.new,
        "replaced": received.replaced,
    }


def share_received(output: Output, received: Received, json: bool = False) -> None:
    if json:
        output.json(received_json(received))
        return
    from rich.markup import escape

    name = escape(cap(received.partner.called))
    made = words.short_date_time(received.made)
    if len(received.ignored) == len(received.items):
        output.say(
            f"You already have everything in this share from "
            f"{escape(received.partner.called)} (made {made}), or something newer: "
            "nothing was added."
        )
        return
    kept = {k: n for k, n in received.items.items() if k not in received.ignored}
    output.say(f"{name} shared {shared_words(kept, received.start, received.end)} (made {made}).")
    if received.ignored:
        older = ", ".join(KIND_WORDS[kind][1] for kind in received.ignored)
        output.say(f"[muted]Its {older}: you already have newer ones; those were left.[/muted]")
    output.say("[muted]trustlog partner shows them beside your own.[/muted]")


def news_line(news: SharedNews) -> Any:
    """The dashboard's line: "Sam shared 4 weeks: 3 promises (Tue 24 Nov). trustlog partner"."""
    from trustlog.render.console import Text

    line = Text("◆ ")
    line.append(
        f"{cap(news.name)} shared {shared_words(news.items, news.start, news.end)} "
        f"({words.short_date(news.received.date())})."
    )
    line.append("  trustlog partner shows them", style="muted")
    return line


# -- their side ---------------------------------------------------------------------


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
            step = (value - low) / (high - low) if high > low else 0
            cells.append(SPARKS[min(len(SPARKS) - 1, max(0, round(step * (len(SPARKS) - 1))))])
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


# -- the contract both hold ----------------------------------------------------------


def contract_agreed(output: Output, agreed: Agreed, json: bool = False) -> None:
    written = agreed.written
    if json:
        output.json(
            {
                **written.contract.to_json(),
                "action": written.action,
                "agreed_by_both": agreed.agreed_by_both.isoformat()
                if agreed.agreed_by_both
                else None,
            }
        )
        return
    from rich.markup import escape

    name = escape(agreed.partner.called)
    if written.action == "unchanged":
        output.say(f"Your contract already holds the words {name} shared; nothing was changed.")
    else:
        output.say(
            f"Saved {name}'s contract as your revision {written.contract.number}, from your "
            f"side: what {name} commits to is listed as theirs, what you commit to as yours."
        )
    if agreed.agreed_by_both is not None:
        output.say(
            f"Agreed by both on {words.full_date(agreed.agreed_by_both)}. "
            f"[muted]{name} sees it too once you share it: trustlog share --what contract[/muted]"
        )
