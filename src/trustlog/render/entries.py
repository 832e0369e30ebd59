"""Lists and single entries, for people, or as JSON (each entry's own fields)."""

from __future__ import annotations

from typing import Any

from trustlog.domain.core.entry import Entry
from trustlog.domain.trigger.model import Trigger
from trustlog.render import words
from trustlog.render.output import Output
from trustlog.render.trigger import trigger_summary

KIND_WORDS = {
    "checkin": "check-in",
    "trigger": "trigger",
    "apology": "apology",
    "promise": "promise",
}


def entry_table(output: Output, entries: list[Entry], json: bool = False) -> None:
    if json:
        output.json([entry.to_json() for entry in entries])
        return
    from rich.table import Table

    from trustlog.render.console import Text

    if not entries:
        output.say("No entries in that range yet.")
        return
    table = Table(box=None, pad_edge=False, show_header=True, header_style="muted")
    table.add_column("date", no_wrap=True)
    table.add_column("id", style="accent", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("")
    for entry in entries:
        data = entry.to_json()
        kind = str(data.get("kind"))
        summary = Text(summary_line(entry))
        if data.get("private"):
            summary.append(" (private)", style="muted")
        table.add_row(str(data.get("date") or "—"), entry.id, KIND_WORDS.get(kind, kind), summary)
    output.out.print(table)


def summary_line(entry: Entry) -> str:
    """The entry in one line, the person's words cut to fit the screen."""
    if isinstance(entry, Trigger):  # its recovery time is worded here, as everywhere
        return trigger_summary(entry)
    return entry.summary(words.quoted)


def entry_detail(output: Output, entry: Entry, json: bool = False) -> None:
    if json:
        output.json(entry.to_json())
        return
    from trustlog.render.console import Text

    data = entry.to_json()
    kind = str(data.get("kind"))
    title = Text(f"{KIND_WORDS.get(kind, kind).capitalize()} ", style="title")
    title.append(str(data.get("date") or ""), style="title")
    title.append(f"  id {entry.id}", style="muted")
    output.out.print(title)
    skip = {"id", "kind", "date", "note", "text"}
    for key, value in data.items():
        if key in skip or value in (None, [], False):
            continue
        output.out.print(Text.assemble((f"{_label(key)}: ", "muted"), _value(value)))
    for key in ("note", "text"):
        if data.get(key):
            output.out.print()
            output.out.print(Text(str(data[key])))


def _label(key: str) -> str:
    return key.replace("_", " ")


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if value is True:
        return "yes"
    return str(value)


def entry_deleted(output: Output, deleted: Entry | None, json: bool = False) -> None:
    """What `delete` did: deleted the entry, or kept it when the person said no."""
    if deleted is None:
        output.say("Kept it.")
    elif json:
        output.json({"id": deleted.id, "deleted": True})
    else:
        output.say(f"Deleted {deleted.id}.")
