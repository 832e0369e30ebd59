"""The one question about an entry: is it really to be deleted?"""

from __future__ import annotations

from trustlog.domain.entries.service import Deletion
from trustlog.prompts.seam import Ask
from trustlog.render import words


def ask_delete(ask: Ask, deletion: Deletion) -> bool:
    found = deletion.found
    what = f"{found.entry.to_json().get('kind')} {found.file.id}"
    when = f" from {words.full_date(found.file.date)}" if found.file.date else ""
    if deletion.marks:  # the promise and its id were just shown
        marks = words.count(len(deletion.marks), "mark")
        question = f"Delete the promise and its {marks}? This cannot be undone."
        return ask.confirm(question, default=False)
    return ask.confirm(f"Delete the {what}{when}? This cannot be undone.", default=False)
