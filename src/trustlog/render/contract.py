"""The repair contract for people, and as JSON: the current revision, a new one, the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from trustlog.domain.contract.model import Contract
from trustlog.domain.contract.service import (
    ADDED,
    REMOVED,
    Change,
    ContractStanding,
    Revision,
    Written,
)
from trustlog.render import words
from trustlog.render.output import Output

PART_WORDS = {
    "mine": "your commitment",
    "theirs": "their commitment",
    "support": "what support looks like",
    "breaks": "what would break it",
    "revisit": "the revisit",
}
NONE_YET = "No repair contract yet. To write one: trustlog contract write"


def contract_json(contract: Contract) -> dict[str, Any]:
    return contract.to_json()


def before_questions(output: Output) -> None:
    output.say(
        "Your repair contract, part by part: three commitments from each of you, what "
        "support looks like, what would break it, and when to revisit it.\n"
        "[muted]Enter keeps what is written, Ctrl-U clears a line to leave that part out, "
        "Ctrl-C stops.[/muted]"
    )


def contract_shown(output: Output, standing: ContractStanding | None, json: bool = False) -> None:
    if json:
        output.json(_standing_json(standing))
        return
    if standing is None:
        output.say(NONE_YET)
        return
    from trustlog.render.console import Text

    contract = standing.contract
    out = output.out
    out.print(
        f"[title]Your repair contract[/title] [muted](revision {contract.number}, written "
        f"{words.short_date(contract.date, year=True)})[/muted]"
    )
    for title, items in (
        ("Your commitments", contract.mine),
        ("Their commitments", contract.theirs),
    ):
        if items:
            out.print(f"{title}:")
            for number, item in enumerate(items, 1):
                out.print(Text(f"  {number}. {item}"))
    for title, text in (
        ("What support looks like", contract.support),
        ("What would break it", contract.breaks),
    ):
        if text:
            out.print(f"{title}:")
            out.print(Text(f"  {text}"))
    if standing.agreed_by_both is not None:
        out.print(f"Agreed by both on {words.full_date(standing.agreed_by_both)}.")
    out.print(revisit_line(contract.revisit, standing.due))
    if standing.due:
        out.print("[muted]To revisit it together: trustlog contract write[/muted]")


def _standing_json(standing: ContractStanding | None) -> dict[str, Any] | None:
    if standing is None:
        return None
    agreed = standing.agreed_by_both
    return {
        **contract_json(standing.contract),
        "due": standing.due,
        "agreed_by_both": agreed.isoformat() if agreed else None,
    }


def revisit_line(revisit: date, due: bool) -> str:
    when = words.full_date(revisit)
    if due:
        return f"Time to revisit it together: it was set for {when}."
    return f"Next revisit: {when}."


def contract_written(output: Output, written: Written, json: bool = False) -> None:
    if json:
        output.json(
            {
                **contract_json(written.contract),
                "action": written.action,
                "changes": [change.to_json() for change in written.changes],
            }
        )
        return
    contract = written.contract
    if written.action == "unchanged":
        output.say(
            f"Nothing changed: revision {contract.number} already says this, "
            "so no new revision was made."
        )
        return
    if written.previous is None:
        output.say(
            f"Saved your repair contract, revision 1. "
            f"Next revisit: {words.full_date(contract.revisit)}."
        )
    else:
        output.say(
            f"Saved revision {contract.number} of your repair contract "
            f"({words.count(len(written.changes), 'change')}). "
            f"Next revisit: {words.full_date(contract.revisit)}."
        )
        _changes(output, written.changes)
    output.say(
        "[muted]To read it: trustlog contract · what changed: trustlog contract history[/muted]"
    )


def contract_history(output: Output, revisions: list[Revision], json: bool = False) -> None:
    if json:
        output.json(
            [
                {
                    **contract_json(revision.contract),
                    "changes": [change.to_json() for change in revision.changes],
                }
                for revision in revisions
            ]
        )
        return
    if not revisions:
        output.say(NONE_YET)
        return
    out = output.out
    for index, revision in enumerate(revisions):
        contract = revision.contract
        out.print(
            f"[title]Revision {contract.number}[/title] · "
            f"{words.short_date(contract.date, year=True)}"
        )
        if index == 0:
            out.print(
                f"  First written: {words.count(len(contract.mine), 'commitment')} of yours, "
                f"{words.count(len(contract.theirs), 'commitment')} of theirs."
            )
        elif not revision.changes:
            out.print("  The same words as before.")
        else:
            _changes(output, revision.changes, stdout=True)


def _changes(output: Output, found: list[Change], stdout: bool = False) -> None:
    from trustlog.render.console import Text

    console = output.out if stdout else output.err
    for change in found:
        part = PART_WORDS[change.part]
        if change.part == "revisit":
            console.print(Text(f"  moved the revisit: {change.before} → {change.after}"))
        elif change.change == ADDED:
            console.print(Text(f"  added {part}:"))
            console.print(Text(f"    “{change.after}”"))
        elif change.change == REMOVED:
            console.print(Text(f"  removed {part}:"))
            console.print(Text(f"    “{change.before}”"))
        else:
            console.print(Text(f"  reworded {part}:"))
            console.print(Text(f"    was “{change.before}”"))
            console.print(Text(f"    now “{change.after}”"))
