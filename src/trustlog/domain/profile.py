"""Optional personal set-up: names, role, and the agreed stop word."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

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
    return profile


def save_profile(journal: Journal, changes: Profile) -> Profile:
    if changes.role is not None and changes.role not in ROLES:
        raise InputError(f"--role: please choose one of {', '.join(ROLES)} (got '{changes.role}').")
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
