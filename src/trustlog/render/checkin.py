"""How a saved check-in is told back to the person, or printed as JSON.

A plain check-in by flags imports no rich: its lines go through
`Output.tell`, which writes them itself when rich would print them as they are.
"""

from __future__ import annotations

from typing import Any

from trustlog.domain.checkin.service import CheckinDone
from trustlog.render import words
from trustlog.render.output import Output

FIELD_WORDS = {
    "mood": "mood",
    "feeling": "feeling",
    "trust": "trust",
    "grateful": "appreciation",
    "care": "care",
    "affection": "affection",
    "detective": "detective work",
    "arguments": "arguments",
    "note": "note",
    "private": "privacy",
}


def checkin_saved(output: Output, done: CheckinDone, json: bool = False) -> None:
    if json:
        output.json(checkin_json(done))
        return
    checkin = done.checkin
    if checkin.date == done.today:
        what = "today's check-in"
    else:
        what = f"your check-in for {words.full_date(checkin.date)}"
    if done.saved.action == "unchanged":
        output.tell(
            f"Nothing new for {what}: it already holds all of that. ",
            (f"id {checkin.id}", "muted"),
        )
    elif done.saved.updated:
        changed = ", ".join(FIELD_WORDS[name] for name in done.saved.changed)
        output.tell(
            f"Updated {what} ", (f"({changed})", "muted"), ". ", (f"id {checkin.id}", "muted")
        )
    else:
        output.tell(f"Saved {what}. ", (f"id {checkin.id}", "muted"))
    if checkin.private:
        output.tell(
            ("Marked private: kept out of exports unless you add --include-private.", "muted")
        )
    if done.marks:
        from trustlog.render.promise import marks_saved

        marks_saved(output, done.marks, done.today)
    for close in done.resembles:
        output.tell(
            (
                f"“{close.topic}” is close to an earlier topic, “{close.earlier}”; the "
                "report counts a repeat only in the same words "
                f"(`trustlog edit {checkin.id}` changes them).",
                "muted",
            )
        )
    if done.support is not None:  # after a hard check-in only
        from trustlog.render.care import support_offered

        support_offered(output, done.support, "checkin")


def checkin_json(done: CheckinDone) -> dict[str, Any]:
    shown = {
        **done.checkin.to_json(),
        "action": done.saved.action,
        "changed": list(done.saved.changed),
        "promises": _marks_json(done),
        "support_offered": done.support is not None,
    }
    if done.resembles:  # only when there is one: the JSON of every other check-in stays as it was
        shown["resembles"] = [close.to_json() for close in done.resembles]
    return shown


def _marks_json(done: CheckinDone) -> list[dict[str, Any]]:
    if not done.marks:
        return []
    from trustlog.render.promise import mark_json

    return [mark_json(mark) for mark in done.marks]
