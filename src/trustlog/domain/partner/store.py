"""What this journal holds of its partner, under `partner/`, apart from the person's own entries.

    partner/partner.toml     the partner's code, the name given them, the last share received
    partner/<kind>.json      the last share received of each kind, as it came

No command edits these files and no figure of the person's own counts them:
`entries`, the report's own figures, the dashboard's and the export's read
only the month folders and the kinds' own folders. `partner remove` takes the
whole folder away. Reading them needs no cryptography library (the dashboard,
the report and `contract` read them), only the journal's seam.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w

from trustlog.errors import JournalError
from trustlog.storage.journal import Journal

FOLDER = "partner"
PARTNER_FILE = "partner.toml"
PROMISES, CHECKINS, CONTRACT, AGREEMENTS, RITUAL, APOLOGY = (
    "promises",
    "checkins",
    "contract",
    "agreements",
    "ritual",
    "apology",
)
KINDS = (PROMISES, CHECKINS, CONTRACT, AGREEMENTS, RITUAL, APOLOGY)
# The kinds `--what` chooses; an apology goes by `--apology ID`.
CHOSEN_KINDS = (PROMISES, CHECKINS, CONTRACT, AGREEMENTS, RITUAL)


@dataclass
class Receipt:
    """The last share received: when, made when, of what."""

    received: datetime
    made: datetime
    start: date
    end: date
    items: dict[str, int] = field(default_factory=dict)


@dataclass
class Partner:
    code: str
    name: str | None
    added: datetime
    last: Receipt | None = None

    @property
    def called(self) -> str:
        return self.name or "your partner"


@dataclass
class Held:
    """One kind as last received: the share it came in, and its items."""

    made: datetime
    received: datetime
    start: date
    end: date
    items: Any  # a list of items, or the contract's one revision

    def to_json(self) -> dict[str, Any]:
        return {
            "made": self.made.isoformat(),
            "received": self.received.isoformat(),
            "window": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "items": self.items,
        }


def folder(journal: Journal) -> Path:
    return journal.root / FOLDER


def partner_path(journal: Journal) -> Path:
    return folder(journal) / PARTNER_FILE


def kind_path(journal: Journal, kind: str) -> Path:
    return folder(journal) / f"{kind}.json"


def _raw(journal: Journal, path: Path) -> bytes | None:
    try:
        return journal.read_bytes(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise JournalError(f"Could not read {path}: {error.strerror}.") from None


def load_partner(journal: Journal) -> Partner | None:
    path = partner_path(journal)
    raw = _raw(journal, path)
    if raw is None:
        return None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        last = data.get("last")
        return Partner(
            code=str(data["code"]),
            name=data.get("name"),
            added=_moment(data["added"]),
            last=None
            if last is None
            else Receipt(
                received=_moment(last["received"]),
                made=_moment(last["made"]),
                start=date.fromisoformat(last["from"]),
                end=date.fromisoformat(last["to"]),
                items={str(k): int(v) for k, v in last.get("items", {}).items()},
            ),
        )
    except tomllib.TOMLDecodeError as error:
        raise _damaged(path, str(error)) from None
    except (UnicodeDecodeError, KeyError, TypeError, ValueError) as error:
        raise _damaged(path, str(error)) from None


def load_partner_or_none(journal: Journal) -> Partner | None:
    """The partner, or None when there is none or partner.toml is damaged (to forget it)."""
    try:
        return load_partner(journal)
    except JournalError:
        return None


def save_partner(journal: Journal, partner: Partner) -> None:
    data: dict[str, Any] = {"code": partner.code}
    if partner.name:
        data["name"] = partner.name
    data["added"] = partner.added.isoformat()
    if partner.last is not None:
        last = partner.last
        data["last"] = {
            "received": last.received.isoformat(),
            "made": last.made.isoformat(),
            "from": last.start.isoformat(),
            "to": last.end.isoformat(),
            "items": last.items,
        }
    header = (
        "# Your partner, and the last share received (`trustlog partner`). Not yours to edit.\n"
    )
    journal.write_bytes(partner_path(journal), (header + tomli_w.dumps(data)).encode("utf-8"))


def load_kind(journal: Journal, kind: str) -> Held | None:
    path = kind_path(journal, kind)
    raw = _raw(journal, path)
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
        return Held(
            made=_moment(data["made"]),
            received=_moment(data["received"]),
            start=date.fromisoformat(data["window"]["from"]),
            end=date.fromisoformat(data["window"]["to"]),
            items=data["items"],
        )
    except json.JSONDecodeError as error:
        raise _damaged(path, f"line {error.lineno}: {error.msg}") from None
    except (UnicodeDecodeError, KeyError, TypeError, ValueError) as error:
        raise _damaged(path, str(error)) from None


def save_kind(journal: Journal, kind: str, held: Held) -> None:
    text = json.dumps(held.to_json(), ensure_ascii=False, indent=1) + "\n"
    journal.write_bytes(kind_path(journal, kind), text.encode("utf-8"))


def forget(journal: Journal) -> int:
    """Remove everything received and the partner's code (inside `writing()`); files removed."""
    removed = 0
    for path in (partner_path(journal), *(kind_path(journal, kind) for kind in KINDS)):
        if journal.exists(path):
            journal.remove(path)
            removed += 1
    return removed


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(f"{value} has no UTC offset")
    return moment


def _damaged(path: Path, why: str) -> JournalError:
    return JournalError(
        f"{path} is damaged ({why}).",
        hint="Nothing was changed. It holds only what your partner shared: "
        "`trustlog partner remove` forgets it, and their next share brings it back.",
    )
