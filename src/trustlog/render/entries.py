"""Lists and single entries, for people, or as JSON (each entry's own fields)."""

from __future__ import annotations

import sys
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from trustlog.domain.core.entry import Entry
from trustlog.domain.entries.service import Deletion
from trustlog.render import words
from trustlog.render.output import Output, Piece
from trustlog.render.safe import visible

if TYPE_CHECKING:
    pass

KIND_WORDS = {
    "checkin": "check-in",
    "trigger": "trigger",
    "apology": "apology",
    "promise": "promise",
    "jrnl": "jrnl entry",
}
NAMES_KEPT = {"jrnl"}


def entry_table(
    output: Output, entries: list[Entry], json: bool = False, contains: str | None = None
) -> None:
    if json:
        output.json([entry.to_json() for entry in entries])
        return
    if not entries:
        if contains is not None:
            output.tell(f"Nothing you wrote holds “{words.quoted(contains.strip())}”.")
        else:
            output.say("No entries in that range yet.")
        return
    rows: list[Row] = []
    for entry in entries:
        data = entry.to_json()
        kind = str(data.get("kind"))
        summary: list[Piece] = [summary_line(entry)]
        if data.get("private"):
            summary.append((" (private)", "muted"))
        day = str(data.get("date") or "—")
        rows.append((day, entry.id, KIND_WORDS.get(kind, kind), summary, None))
        if contains is not None and (found := _found(entry, contains)) is not None:
            rows.append(("", "", "", found, "muted"))  # muted, but for the match
    if output.piped_whole():
        plain = plain_table(rows)
        if plain is not None:
            output.lines(plain)
            return
    output.out.print(rich_table(rows))


Row = tuple[str, str, str, list[Piece], str | None]  # the cells, the summary's own style
HEADER = ("date", "id", "kind")


def rich_table(rows: list[Row]) -> Any:
    from rich.table import Table

    from trustlog.render.console import Text

    table = Table(box=None, pad_edge=False, show_header=True, header_style="muted")
    table.add_column(HEADER[0], no_wrap=True)
    table.add_column(HEADER[1], style="accent", no_wrap=True)
    table.add_column(HEADER[2], no_wrap=True)
    table.add_column("")
    for day, entry_id, kind, pieces, base in rows:
        text = Text(style=base or "")
        for piece in pieces:
            said, style = (piece, None) if isinstance(piece, str) else piece
            text.append(said, style=style)
        table.add_row(day, entry_id, kind, text)
    return table


def plain_table(rows: list[Row]) -> str | None:
    """The text rich draws for `rich_table(rows)` on a pipe (no colour, no width, lines
    trimmed: render/output.py), without rich; None where only rich can tell.

    A search lists hundreds of rows, and drawing them took rich most of the command's
    time. On a pipe nothing wraps, so each row is its three short cells padded to
    their column's widest, two spaces apart, and the summary whole. Short cells rich
    would read as markup or emoji codes, or wider than one cell a character, and a
    tab (which rich expands) or a line end in a summary, are left to rich;
    tests/entries/test_entries_table.py holds the two to the same bytes.
    """
    shown = [(cells := [visible(cell) for cell in row[:3]], _plain(row[3])) for row in rows]
    widths = [len(name) for name in HEADER]
    for cells, summary in shown:
        if "\t" in summary or "\n" in summary or not all(_narrow(cell) for cell in cells):
            return None
        widths = [max(width, len(cell)) for width, cell in zip(widths, cells, strict=True)]
    lines = []
    for cells, summary in [(list(HEADER), ""), *shown]:
        padded = "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        lines.append(f"{padded}  {summary}".rstrip(" ") + "\n")
    return "".join(lines)


def _plain(pieces: list[Piece]) -> str:
    return visible("".join(piece if isinstance(piece, str) else piece[0] for piece in pieces))


def _narrow(cell: str) -> bool:
    return cell == "—" or (
        cell.isascii() and cell.isprintable() and not any(c in cell for c in "[]:")
    )


FOUND_CELLS = 48


def _found(entry: Entry, contains: str) -> list[Piece] | None:
    """What a search matched, when the summary does not show it: its line, cut around it
    between words."""
    from trustlog.domain.entries.search import matched

    wanted = contains.strip()
    line = matched(entry, wanted)
    if line is None or wanted.casefold() in summary_line(entry).casefold():
        return None
    start = line.casefold().find(wanted.casefold())
    end = start + len(wanted)
    room = max(FOUND_CELLS - len(wanted), 16) // 2
    before, after = line[:start], line[end:]
    if len(before) > room:
        tail = before[-room:]
        before = words.ELLIPSIS + (tail.split(" ", 1)[1] if " " in tail else tail)
    if len(after) > room:
        head = after[:room]
        after = (head.rsplit(" ", 1)[0] if " " in head.strip() else head) + words.ELLIPSIS
    return ["matched: “", before, (line[start:end], "bold"), after, ("”", "muted")]


def summary_line(entry: Entry) -> str:
    """The entry in one line, the person's words cut to fit the screen."""
    # A trigger's recovery time is worded by render/trigger.py, as everywhere. No entry is
    # a Trigger unless its module was imported (domain/kinds.py imports a kind's module
    # when it meets one), so a listing without triggers imports neither.
    model = sys.modules.get("trustlog.domain.trigger.model")
    if model is not None and isinstance(entry, model.Trigger):
        from trustlog.render.trigger import trigger_summary

        return trigger_summary(entry)
    return entry.summary(words.quoted)


def entry_detail(
    output: Output, entry: Entry, json: bool = False, names: dict[str, str] | None = None
) -> None:
    """One entry for a person: each field in words, times local, an id beside its text.

    `names` holds the one-line text of the entries this one refers to by id.
    `--json` shows the entry's own fields, unchanged.
    """
    if json:
        output.json(entry.to_json())
        return
    from trustlog.render.console import Text

    data = entry.to_json()
    kind = str(data.get("kind"))
    word = KIND_WORDS.get(kind, kind)
    # A program's own name keeps its case ("jrnl entry"); our words start a sentence.
    title = Text(word if kind in NAMES_KEPT else word.capitalize(), style="title")
    if entry.day is not None:
        title.append(f", {words.full_date(entry.day)}", style="title")
    title.append(f"  id {entry.id}", style="muted")
    output.out.print(title)
    from rich.table import Table

    # A grid, so that a long answer wraps under itself, not under its label.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="muted", no_wrap=True)
    grid.add_column()
    for label, lines in _fields(entry, data, names or {}):
        for index, line in enumerate(lines):
            grid.add_row(f"{label}:" if index == 0 else "", Text(line))
    if grid.rows:
        output.out.print(grid)
    if data.get("private"):
        output.out.print(Text("Marked private.", style="muted"))
    for key in BODIES:
        if data.get(key):
            output.out.print()
            output.out.print(Text(str(data[key])))


BODIES = ("note", "text")
NOT_LISTED = {"id", "kind", "date", "private", "repaired", *BODIES}
SCHEDULE = ("every", "once", "due")  # a promise's schedule, worded as one line
LABELS = {
    "created": "written",
    "marked_at": "marked",
    "at": "started",
    "resolved_at": "settled",
    "recovery_minutes": "settled after",
    "grateful": "grateful for",
    "care": "care given",
    "detective": "detective work",
    "arguments": "argued about",
    "every": "when",
    "start": "from",
    "end": "until",
    "apology": "from the apology",
    "promise": "for the promise",
    "promises": "promises made",
    "did": "what I did",
    "impact": "how it hurt you",
    "responsibility": "my responsibility",
    "amends": "how I will make amends",
}
OUT_OF = {"mood": 5, "trust": 10, "intensity": 10}
MOMENTS = ("affection", "detective")
REFERENCES = ("promise", "promises", "apology")


def _fields(
    entry: Entry, data: dict[str, Any], names: dict[str, str]
) -> list[tuple[str, list[str]]]:
    from trustlog.domain.promise.model import Mark, Promise  # one entry shown: imported now
    from trustlog.domain.promise.schedule import describe_schedule

    shown: list[tuple[str, list[str]]] = []
    for key, stored in data.items():
        if key in NOT_LISTED or stored in (None, [], "") or stored is False:
            continue  # what is not there, or not so ("starred: no"), goes without saying
        if key in SCHEDULE[1:]:
            continue
        value = getattr(entry, key, stored)  # the typed value: a datetime, not its ISO text
        label = LABELS.get(key, key.replace("_", " "))
        if key == "every" and isinstance(entry, Promise):
            shown.append((label, [describe_schedule(entry)]))
        elif key == "outcome" and isinstance(entry, Mark) and entry.repaired:
            shown.append((label, [f"{value}, then repaired"]))
        else:
            shown.append((label, _worded(key, value, names)))
    if isinstance(entry, Promise) and entry.every is None and "every" in data:
        shown.insert(0, (LABELS["every"], [describe_schedule(entry)]))
    return shown


def _worded(key: str, value: Any, names: dict[str, str]) -> list[str]:
    """A field's value in words; a list gives a line for each item."""
    if isinstance(value, list):
        return [line for item in value for line in _worded(key, item, names)]
    if isinstance(value, datetime):
        return [words.date_time(value)]
    if isinstance(value, date):
        return [words.short_date(value, year=True)]
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if key.endswith("minutes") and isinstance(value, int | float):
        return [words.minutes(value)]
    if key in OUT_OF and isinstance(value, int):
        return [f"{value} of {OUT_OF[key]}"]
    if key in MOMENTS and isinstance(value, int):
        return [words.count(value, "moment")]
    if key in REFERENCES and isinstance(value, str):
        text = names.get(value)
        return [f"“{words.quoted(text)}” ({value})" if text else value]
    return [str(value)]


def entry_deleted(output: Output, deleted: Deletion | None, json: bool = False) -> None:
    """What `delete` did: deleted the entry (a promise with its marks), or kept it."""
    if deleted is None:
        output.say("Kept it.")
    elif json:
        removed = [
            {"id": entry.id, "kind": entry.kind, "date": _iso(entry.day)}
            for entry in deleted.removed()
        ]
        output.json({"id": deleted.entry.id, "deleted": True, "removed": removed})
    elif deleted.marks:
        marks = words.count(len(deleted.marks), "mark")
        output.say(f"Deleted the promise {deleted.entry.id} and its {marks}.")
    else:
        output.say(f"Deleted {deleted.entry.id}.")


def before_deleting(output: Output, deletion: Deletion) -> None:
    """Before a promise is deleted: what goes with it, and the way that keeps its history."""
    if deletion.found.file.kind != "promise":
        return
    from rich.markup import escape

    days = words.count(len(deletion.marks), "marked day")
    text = escape(words.quoted(deletion.entry.summary()))
    output.say(
        f"“{text}” ({deletion.entry.id}) has {days}; deleting it removes them too, "
        "and your reports change."
    )
    output.say(
        f"To end it and keep its history instead:\n  trustlog promise retire {deletion.entry.id}"
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
