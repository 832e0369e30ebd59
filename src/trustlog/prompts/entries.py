"""The one question about an entry: is it really to be deleted?"""

from __future__ import annotations

from trustlog.domain.entries.service import Found
from trustlog.prompts.seam import Ask
from trustlog.render import words


def ask_delete(ask: Ask, found: Found) -> bool:
    what = f"{found.entry.to_json().get('kind')} {found.file.id}"
    when = f" from {words.full_date(found.file.date)}" if found.file.date else ""
    return ask.confirm(f"Delete the {what}{when}? This cannot be undone.", default=False)
