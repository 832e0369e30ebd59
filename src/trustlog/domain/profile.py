"""Optional personal set-up: names, role, and the agreed stop word."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import time

from trustlog import clock
from trustlog.domain.core import values
from trustlog.errors import InputError, JournalError
from trustlog.storage.document import damaged
from trustlog.storage.journal import Journal

ROLES = ("hurt", "repairing", "both")
ROLE_WORDS = {
    "hurt": "the one who was hurt",
    "repairing": "the one repairing the trust",
    "both": "both, in different ways",
}


@dataclass
class Profile:
    name: str | None = None
    partner: str | None = None
    role: str | None = None
    stop_word: str | None = None
    day_ends: str | None = None  # "HH:MM"; None is clock.DAY_ENDS

    @property
    def day_end(self) -> time:
        """When this journal's day ends (clock.day_of): before it, today is the day before."""
        return time.fromisoformat(self.day_ends) if self.day_ends else clock.DAY_ENDS


_HH_MM = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_day_ends(text: str, flag: str = "--day-ends") -> str:
    """`HH:MM` from 00:00 to 06:00, as two digits each; else an InputError naming `flag`."""
    found = _HH_MM.match(text)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2))
        latest = clock.LATEST_DAY_END
        if minute < 60 and (hour, minute) <= (latest.hour, latest.minute):
            return f"{hour:02d}:{minute:02d}"
    raise InputError(
        f"{flag}: '{text}' is not a time from 00:00 to 06:00. The day ends at that hour: "
        "before it, a check-in still belongs to the day before (04:00 unless you choose)."
    )


def day_ends(journal: Journal) -> time:
    """When the journal's day ends, from its settings (the default when not set)."""
    return load_profile(journal).day_end


def load_profile(journal: Journal) -> Profile:
    table = journal.settings().get("profile", {})
    if not isinstance(table, dict):
        raise JournalError(f"{journal.settings_path}: [profile] should be a table.")
    profile = Profile()
    for f in fields(Profile):
        value = table.get(f.name)
        if value is not None and not isinstance(value, str):
            raise damaged(journal.settings_path, None, f"'{f.name}' should be text in quotes")
        setattr(profile, f.name, value)
    if profile.day_ends is not None:
        try:
            profile.day_ends = parse_day_ends(profile.day_ends)
        except InputError:
            reason = '\'day_ends\' should be a time from "00:00" to "06:00"'
            raise damaged(journal.settings_path, None, reason) from None
    return profile


def save_profile(journal: Journal, changes: Profile) -> Profile:
    if changes.role is not None and changes.role not in ROLES:
        raise InputError(f"--role: please choose one of {', '.join(ROLES)} (got '{changes.role}').")
    if changes.day_ends is not None:
        changes.day_ends = parse_day_ends(changes.day_ends)
    with journal.writing():
        profile = load_profile(journal)
        for name, value in asdict(changes).items():
            if value is not None:
                setattr(profile, name, values.text_or_none(value))
        settings = journal.settings()
        settings["profile"] = {k: v for k, v in asdict(profile).items() if v is not None}
        journal.save_settings(settings)
    return profile


@dataclass
class ProfileResult:
    profile: Profile
    saved: bool


def set_up(
    journal: Journal, changes: Profile, ask: Callable[[Profile], Profile] | None = None
) -> ProfileResult:
    """Save the settings given; given none, ask for them (`ask`, from the current ones) first."""
    if not any(asdict(changes).values()) and ask is not None:
        changes = ask(load_profile(journal))
    if any(asdict(changes).values()):
        return ProfileResult(save_profile(journal, changes), saved=True)
    return ProfileResult(load_profile(journal), saved=False)
