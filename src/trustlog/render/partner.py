"""The two of you, for people and as JSON: codes, shares made and received, their side.

Words stay neutral: what the partner shared is shown as theirs, beside the
person's own where both exist, and never scored one against the other.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from trustlog.domain.partner import store
from trustlog.domain.partner.figures import SharedNews
from trustlog.domain.partner.service import (
    NEVER_GOES,
    Added,
    Agreed,
    CodeShown,
    Received,
    Removed,
    SharePlan,
)
from trustlog.render import words
from trustlog.render.output import Output

KIND_WORDS = {
    store.PROMISES: ("promise", "promises"),
    store.CHECKINS: ("day of mood and trust", "days of mood and trust"),
    store.CONTRACT: ("the repair contract", "the repair contract"),
    store.AGREEMENTS: ("agreement", "agreements"),
    store.RITUAL: ("ritual week", "ritual weeks"),
    store.APOLOGY: ("apology", "apologies"),
}


def cap(text: str) -> str:
    """A name at the start of a sentence: "your partner" becomes "Your partner"."""
    return text[:1].upper() + text[1:]


def kind_words(kind: str, number: int) -> str:
    one, many = KIND_WORDS[kind]
    if kind == store.CONTRACT:
        return one
    return words.count(number, one, many)


def items_words(items: dict[str, int]) -> str:
    return ", ".join(kind_words(kind, number) for kind, number in items.items()) or "nothing"


WINDOWED = (store.PROMISES, store.CHECKINS, store.RITUAL)  # the kinds a share's dates are about


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
        if kind == store.PROMISES:
            for promise in items:
                say(f"      “{escape(words.fit(promise['text'], 60))}”")
    say("What never goes: " + ", ".join(NEVER_GOES) + ".")
    say(
        f"[muted]It is written to {escape(shown)}, for you to hand over as you like. "
        "Once handed over, a file cannot be recalled.[/muted]"
    )


def _detail(kind: str, items: Any) -> str:
    if kind == store.PROMISES:
        return " (each day kept, broken or repaired, with repair notes)"
    if kind == store.CHECKINS:
        return " (the numbers only, never words)"
    if kind == store.CONTRACT:
        return f" (revision {items['revision']})"
    if kind == store.RITUAL:
        return " (repair check-ins, dates, days with an act of care)"
    if kind == store.APOLOGY:
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
