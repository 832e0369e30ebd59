"""Agreements for people, and as JSON: what was saved (with the checker's notes), the list."""

from __future__ import annotations

from typing import Any

from trustlog.domain.agreement.model import AREAS, Agreement
from trustlog.domain.agreement.service import AgreementStanding, Retired, Saved
from trustlog.domain.core.rules import Finding
from trustlog.render import words
from trustlog.render.output import Output


def warning_json(finding: Finding) -> dict[str, Any]:
    return {"phrase": finding.phrase, "why": finding.why, "suggestion": finding.suggestion}


def agreement_saved(output: Output, saved: Saved, json: bool = False) -> None:
    agreement = saved.standing.agreement
    if json:
        output.json(
            {
                **saved.standing.to_json(),
                "action": saved.action,
                "warnings": [warning_json(finding) for finding in saved.warnings],
            }
        )
        return
    from trustlog.render.console import Text

    line = Text()
    if saved.action == "created":
        line.append(f"Saved the {agreement.area} agreement “{words.quoted(agreement.summary())}”")
        if agreement.review:
            line.append(f", to review on {words.full_date(agreement.review)}")
    elif saved.action == "revised":
        line.append(f"Reworded “{words.quoted(agreement.summary())}”; the earlier wording is kept")
    else:
        line.append(f"“{words.quoted(agreement.summary())}” already says this; nothing changed")
    line.append(". ")
    line.append(f"id {agreement.id}", style="muted")
    output.err.print(line)
    findings(output, saved.warnings, agreement.id)


def findings(output: Output, found: list[Finding], agreement_id: str) -> None:
    """The checker's notes, gently: each phrase, why, and a more specific way to say it."""
    from trustlog.render.console import Text, indented

    if not found:
        return
    err = output.err
    err.print(
        f"{words.count(len(found), 'thing')} you may want to look at together "
        "[muted](the choice is yours)[/muted]:"
    )
    for finding in found:
        err.print(indented(err, Text(f"  • “{finding.phrase}”"), 0, hanging=4))
        err.print(indented(err, Text(finding.why), 4))
        err.print(indented(err, Text(finding.suggestion, style="muted"), 4))
    err.print(
        Text(f'To reword it: trustlog agreement revise {agreement_id} "new words"', style="muted")
    )


def agreement_list(
    output: Output, found: list[AgreementStanding], include_all: bool, json: bool = False
) -> None:
    if json:
        output.json([standing.to_json() for standing in found])
        return
    if not found:
        output.say(
            "No agreements yet. To add one: trustlog agreement add TEXT --area AREA"
            if include_all
            else "No agreements in force. To add one: trustlog agreement add TEXT --area AREA"
        )
        return
    from trustlog.render.console import Text

    out = output.out
    for area in AREAS:
        inside = [s for s in found if s.agreement.area == area]
        if not inside:
            continue
        out.print(f"[title]{area.replace('-', ' ').capitalize()}[/title]")
        for standing in inside:
            out.print(_line(standing))
            note = _note(standing)
            if note:
                out.print(Text(f"      {note}", style="warn" if standing.review_due else "muted"))


def _line(standing: AgreementStanding) -> Any:
    from trustlog.render.console import Text

    agreement = standing.agreement
    line = Text("  ")
    line.append(agreement.id, style="muted")
    line.append(f"  {agreement.text}")
    return line


def _note(standing: AgreementStanding) -> str:
    agreement = standing.agreement
    notes = []
    if agreement.retired:
        notes.append(f"retired {words.short_date(agreement.retired, year=True)}")
    if standing.review_due and agreement.review:
        notes.append(f"time to review it together (set for {words.short_date(agreement.review)})")
    elif agreement.review and not agreement.retired:
        notes.append(f"review on {words.short_date(agreement.review, year=True)}")
    if agreement.earlier:
        notes.append(f"reworded {words.count(len(agreement.earlier), 'time')}")
    return " · ".join(notes)


def agreement_shown(output: Output, standing: AgreementStanding, json: bool = False) -> None:
    if json:
        output.json(standing.to_json())
        return
    from trustlog.render.console import Text

    agreement: Agreement = standing.agreement
    out = output.out
    out.print(Text(agreement.text))
    out.print(
        f"[muted]{agreement.area} · agreed {words.short_date(agreement.start, year=True)} · "
        f"id {agreement.id}[/muted]"
    )
    note = _note(standing)
    if note:
        out.print(Text(note, style="muted"))
    if agreement.earlier:
        out.print("Earlier wordings, oldest first:")
        for wording in agreement.earlier:
            out.print(Text(f"  – {wording}"))


def agreement_retired(output: Output, result: Retired, json: bool = False) -> None:
    if json:
        output.json({**result.agreement.to_json(), "already_retired": result.already})
        return
    from trustlog.render.console import Text

    quoted = words.quoted(result.agreement.summary())
    if result.already:
        output.err.print(Text(f"“{quoted}” was already retired; nothing changed."))
        return
    output.err.print(
        Text(f"Retired “{quoted}”. It stays in its history: trustlog agreement list --all")
    )
