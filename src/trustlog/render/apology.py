"""How apologies, and what the checker noticed, are shown to a person.

The apology itself goes to stdout as plain text (to read aloud, or to copy);
everything around it (headings, the checker's notes, hints) is talk, on stderr.
As JSON: the apology's fields, its assembled text and the checker's notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trustlog.domain.apology.checker import Finding
from trustlog.domain.apology.model import PART_TITLES, Apology
from trustlog.domain.apology.service import ApologyShown, Drafted
from trustlog.domain.promise.model import Promise
from trustlog.render import words
from trustlog.render.output import Output

if TYPE_CHECKING:
    from trustlog.prompts.apology import Guide


def findings(output: Output, found: list[Finding]) -> None:
    """The checker's notes, gently: a heading, then each note with its reason and a rewrite."""
    from trustlog.render.console import Text, indented

    err = output.err
    if not found:
        err.print("The checker found nothing to point out.")
        return
    err.print(
        f"{words.count(len(found), 'thing')} you may want to look at again "
        "[muted](the choice is yours)[/muted]:"
    )
    for finding in found:
        line = Text("  • ")
        line.append(PART_TITLES[finding.part], style="accent")
        if finding.phrase:
            line.append(f" · “{finding.phrase}”")
        else:
            line.append(" · not written yet", style="muted")
        err.print(indented(err, line, 0, hanging=4))
        err.print(indented(err, Text(finding.why), 4))
        err.print(indented(err, Text(finding.suggestion, style="muted"), 4))


def apology_text(output: Output, text: str) -> None:
    """The assembled apology, as plain text with no wrapping added (so it copies cleanly)."""
    from trustlog.render.console import Text

    output.out.print(Text(text), soft_wrap=True)


def draft_saved(output: Output, drafted: Drafted, json: bool = False) -> None:
    result = drafted.saved
    if result is None:
        output.say("All four parts were left empty, so nothing was saved.")
        return
    if json:
        output.json(apology_json(result.apology, result.findings, result.promises))
        return
    apology = result.apology
    if not drafted.reviewed:
        findings(output, result.findings)
    output.say(f"Saved your apology draft. [muted]id {apology.id}[/muted]")
    promises_made(output, result.promises)
    output.say(
        f"[muted]It stays here; nothing is sent. `trustlog apology show {apology.id}` "
        "prints it to read aloud or copy.[/muted]"
    )


def promises_made(output: Output, promises: list[Promise]) -> None:
    from rich.markup import escape

    if not promises:
        return
    output.say(f"Tracking {words.count(len(promises), 'promise')} from it:")
    for promise in promises:
        every = promise.every or "daily"
        output.say(
            f"  [accent]{promise.id}[/accent] {escape(promise.text)} [muted]({every})[/muted]"
        )


def apology_list(output: Output, apologies: list[Apology], json: bool = False) -> None:
    if json:
        output.json([apology_json(apology, apology.findings()) for apology in apologies])
        return
    from trustlog.render.console import Text

    if not apologies:
        output.say("No apologies drafted yet. `trustlog apology draft` walks you through one.")
        return
    out = output.out
    for number, apology in enumerate(apologies):
        if number:
            out.print()
        heading = Text(f"{apology.date.isoformat()}  ", style="title")
        heading.append(apology.id, style="accent")
        notes = _counts(apology)
        if notes:
            heading.append(f"  {notes}", style="muted")
        out.print(heading)
        text = apology.assembled_text() or "(nothing written yet)"
        for line in text.splitlines():
            out.print(Text(f"  {line}" if line else ""), soft_wrap=True)


def apology_detail(output: Output, shown: ApologyShown, json: bool = False) -> None:
    apology, promises = shown.apology, shown.promises
    if json:
        output.json(apology_json(apology, apology.findings(), promises))
        return
    output.say(
        f"[title]Apology of {words.full_date(apology.date)}[/title] [muted]id {apology.id}[/muted]"
    )
    text = apology.assembled_text()
    if text:
        apology_text(output, text)
    else:
        output.say("Nothing written in it yet.")
    promises_made(output, promises)
    found = apology.findings()
    if found:
        output.say("")
        findings(output, found)


def apology_json(
    apology: Apology, found: list[Finding], promises: list[Promise] | None = None
) -> dict[str, Any]:
    """The apology's fields, its text and the checker's notes; and its promises, if given."""
    data = {
        **apology.to_json(),
        "text": apology.assembled_text(),
        "warnings": [finding.to_json() for finding in found],
    }
    if promises is not None:
        data["linked_promises"] = [promise.to_json() for promise in promises]
    return data


def _counts(apology: Apology) -> str:
    parts = []
    if apology.promises:
        parts.append(words.count(len(apology.promises), "promise"))
    notes = len(apology.findings())
    if notes:
        parts.append(f"{words.count(notes, 'note')} from the checker")
    return " · ".join(parts)


class ApologyScreen:
    """What the guided routine shows between its questions (all on stderr)."""

    def __init__(self, output: Output) -> None:
        self.output = output

    def intro(self, stop_word: str | None) -> None:
        self.output.say(
            "[title]A four-part apology[/title]\n"
            "A real apology names what you did, how it hurt, that it was yours, and what will "
            "change. One part at a time; Enter skips a part. Nothing is sent anywhere."
        )
        if stop_word:
            from rich.markup import escape

            word = escape(stop_word)
            self.output.say(
                f"[muted]Your stop word is “{word}”: either of you may pause the talk.[/muted]"
            )

    def part(self, number: int, guide: Guide) -> None:
        from trustlog.render.console import Text

        err = self.output.err
        err.print()
        err.print(Text(f"{number} of 4 · {guide.title}", style="title"))
        err.print(Text(guide.explain))
        err.print(Text.assemble(("  Good: ", "good"), guide.good))
        err.print(Text.assemble(("  Poor: ", "muted"), guide.poor))

    def read_back(self, text: str, found: list[Finding]) -> None:
        from trustlog.render.console import Text, indented

        err = self.output.err
        err.print()
        err.print(Text("Your apology, read back:", style="title"))
        err.print()
        for line in (text or "(nothing written yet)").splitlines():
            err.print(indented(err, Text(line), 2) if line else Text(""))
        err.print()
        findings(self.output, found)
        err.print()

    def say(self, message: str) -> None:
        from rich.markup import escape

        self.output.say(escape(message))
