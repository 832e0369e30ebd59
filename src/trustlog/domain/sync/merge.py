"""How two devices' journals become one: trustlog's rules, not git's lines (CONTRACT.md).

Git says which files changed on each side since the two last agreed (the
merge base). A file changed on one side only is taken as that side has it,
byte for byte (an encrypted journal's age file stays the same age file). For
the rest, the rules:

- new entries from both sides are all kept (their ids, so their files, differ);
- two check-ins of one date become one, as a same-day update does
  (domain/checkin/merge.py): notes, appreciations and arguments add up, single
  values come from the later one; the id that stays is the earlier-made one;
- two marks of one promise day keep the later; the other's note or repair, if
  it had words the kept one lacks, is kept as a conflict copy;
- an entry changed on both keeps the later change (its latest recorded time),
  and the other version is kept whole as a conflict copy (domain/sync/model.py);
- a removal on one side and a change on the other keeps the changed entry;
- `journal.toml` merges setting by setting (a setting changed on both keeps
  this device's); two different `identity.age` are two journals: refused.

"Later" is the time a version was written (its `updated`, `created`,
`marked_at`, ...), never the order devices synced in, and every choice breaks
ties the same way on every device, so two devices merging the same versions
write the same files. Encrypted files are decrypted in memory only
(`Journal.plain`), and what is worked out here is written through the journal,
which encrypts it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from trustlog.domain import folders
from trustlog.domain.checkin.merge import add_note, paragraphs
from trustlog.domain.checkin.merge import merge as join_day
from trustlog.domain.checkin.model import KIND as CHECKIN
from trustlog.domain.checkin.model import Checkin, CheckinAnswers
from trustlog.domain.core.entry import Entry
from trustlog.domain.kinds import load
from trustlog.domain.partner.keys import KEYS_FILE
from trustlog.domain.promise.model import MARK, Mark
from trustlog.domain.sync.model import Conflict
from trustlog.errors import InputError, JournalError
from trustlog.storage import document
from trustlog.storage.crypt import IDENTITY_FILE
from trustlog.storage.document import Document
from trustlog.storage.journal import ID_ALPHABET, ID_LENGTH, SETTINGS_FILE, Journal
from trustlog.storage.names import EntryFile, dated_entries, said_by

SINGLE = ("mood", "feeling", "trust", "care", "affection", "detective")


@dataclass
class Plan:
    """What a merge writes in the journal, by path inside it, landing as one change."""

    raw: dict[str, bytes] = field(default_factory=dict)  # the other side's file, as it is
    plain: dict[str, bytes] = field(default_factory=dict)  # worked out: the journal encrypts
    removes: set[str] = field(default_factory=set)
    merged: list[str] = field(default_factory=list)  # ids of entries made one from both
    conflicts: list[str] = field(default_factory=list)  # ids of the conflict copies kept
    sharing_keys: dict[str, Any] | None = None  # two devices' sharing keys settled (keys.py)

    def take(self, path: str, data: bytes | None) -> None:
        self.plain.pop(path, None)
        if data is None:
            self.raw.pop(path, None)
            self.removes.add(path)
        else:
            self.removes.discard(path)
            self.raw[path] = data

    def work(self, path: str, data: bytes) -> None:
        self.raw.pop(path, None)
        self.removes.discard(path)
        self.plain[path] = data

    def drop(self, path: str) -> None:
        self.raw.pop(path, None)
        self.plain.pop(path, None)
        self.removes.add(path)

    @property
    def paths(self) -> set[str]:
        return set(self.raw) | set(self.plain) | self.removes


Blobs = Callable[[list[str]], dict[str, bytes]]


def fast_forward(theirs: dict[str, str | None], blobs: Blobs) -> Plan:
    """This device had nothing new: the other side's files, as they are."""
    plan = Plan()
    data = blobs([blob for blob in theirs.values() if blob is not None])
    for path, blob in theirs.items():
        plan.take(path, None if blob is None else data[blob])
    return plan


def merge(
    journal: Journal,
    ours: dict[str, str | None],
    theirs: dict[str, str | None],
    blobs: Blobs,
    base_settings: bytes | None,
    remote: str,
) -> Plan:
    """The files that make this journal (as it is now, `ours` changed since the base)
    hold both sides; `theirs`: what changed on the other side since the base."""
    plan = Plan()
    both = {p for p, b in theirs.items() if p in ours and ours[p] != b}
    wanted = [b for p, b in theirs.items() if b is not None and ours.get(p) != b]
    wanted += [ours[p] for p in both if ours[p] is not None]  # type: ignore[misc]
    data = blobs([b for b in wanted if b is not None])
    for path, blob in theirs.items():
        if path not in ours:
            plan.take(path, None if blob is None else data[blob])
        elif path in both:
            mine = ours[path]
            if blob is None:  # removed there, changed here: the change stays
                continue
            if mine is None:  # removed here, changed there: the change comes back
                plan.take(path, data[blob])
                continue
            _both_changed(journal, plan, path, data[mine], data[blob], base_settings, remote)
    days = _days_to_join(theirs, plan)
    for day in sorted(days):
        _one_checkin(journal, plan, day, remote)
        _one_mark_a_promise(journal, plan, day, remote)
    return plan


# -- one file changed on both sides ------------------------------------------------


def settle_keys(journal: Journal, plan: Plan, mine: bytes, other: bytes, remote: str) -> None:
    """This journal's sharing keys, made or changed on both devices: one kept in place,
    the other beside it (domain/sync/keys.py)."""
    from trustlog.domain.sync import keys

    settled = keys.settle(journal, mine, other, remote)
    if settled is None:
        return
    if settled.plain:
        plan.work(KEYS_FILE, settled.keep)
    else:
        plan.take(KEYS_FILE, settled.keep)
    if settled.copy is not None:
        plan.take(*settled.copy)
    plan.sharing_keys = settled.notice


def _both_changed(
    journal: Journal,
    plan: Plan,
    path: str,
    mine: bytes,
    other: bytes,
    base_settings: bytes | None,
    remote: str,
) -> None:
    where = journal.root / path
    if path == IDENTITY_FILE:
        raise InputError(
            f"{remote} holds a journal with another encryption key than this one.",
            hint="They are two different journals, so they cannot be merged. Nothing was "
            "changed. To keep one journal on both devices, start from an empty journal on "
            "one of them and `trustlog sync setup` it to the remote.",
        )
    if path == SETTINGS_FILE:
        from trustlog.domain.sync.settings import merge_settings

        plan.work(path, merge_settings(journal, base_settings, mine, other, where))
        return
    if path == KEYS_FILE:
        settle_keys(journal, plan, mine, other, remote)
        return
    if said_by(where) is None:  # not an entry: the other side's is kept beside ours
        digest = hashlib.sha256(other).hexdigest()[:8]
        plan.take(f"{path}.sync-{digest}", other)
        plan.conflicts.append(f"{path}.sync-{digest}")
        return
    here = _version(journal, where, mine, None)
    there = _version(journal, where, other, remote)
    if here.doc == there.doc:
        return
    if isinstance(here.entry, Checkin) and isinstance(there.entry, Checkin):
        joined = join_checkins([here, there])
        plan.work(path, joined.encode("utf-8"))
        plan.merged.append(here.entry.id)
        return
    winner, loser = _later_first(here, there)
    if winner is there:
        plan.take(path, other)
    if not (isinstance(loser.entry, Mark) and not _has_own_words(loser, winner)):
        _keep_copy(journal, plan, loser)
    plan.merged.append(here.entry.id)


@dataclass
class Version:
    """One side's version of an entry file: its path inside the journal, parsed."""

    path: str
    doc: Document
    entry: Entry

    @property
    def written(self) -> float:
        return written(self.entry)


def _version(journal: Journal, where: Path, raw: bytes, remote: str | None) -> Version:
    plain = journal.plain(raw, where)
    try:
        doc = document.parse(plain, where)
        entry = load(doc)
    except JournalError as error:
        if remote is None:
            raise
        raise JournalError(
            f"The version of {where.relative_to(journal.root)} that came from {remote} "
            f"does not read: {error.message}",
            hint="Mend it on the device that wrote it and sync there, then sync here again. "
            "Nothing was changed.",
        ) from None
    return Version(where.relative_to(journal.root).as_posix(), doc, entry)


def _moments(entry: Entry) -> list[datetime]:
    """Every moment a version records (created, updated, marked, resolved, ...)."""
    return [value for value in vars(entry).values() if isinstance(value, datetime)]


def written(entry: Entry) -> float:
    """When a version was last written: the latest moment it records (0 with none)."""
    return max((moment.timestamp() for moment in _moments(entry)), default=0.0)


def _later_first(one: Version, other: Version) -> tuple[Version, Version]:
    """The later-written version first; a tie broken by the text, the same on every device."""

    def key(version: Version) -> tuple[float, str]:
        return (version.written, version.doc.text or "")

    return (one, other) if key(one) >= key(other) else (other, one)


def _has_own_words(mark: Version, kept: Version) -> bool:
    """Whether a mark left out has words (a note, a repair) the kept one does not hold."""
    assert isinstance(mark.entry, Mark) and isinstance(kept.entry, Mark)
    mine = [w for w in (mark.entry.note, mark.entry.repair) if w and w.strip()]
    return any(w not in (kept.entry.note, kept.entry.repair) for w in mine)


def _keep_copy(journal: Journal, plan: Plan, loser: Version) -> None:
    """The version not kept in place, whole, as a conflict copy (same id on every device)."""
    text = loser.doc.text or ""
    digest = hashlib.sha256(f"{loser.entry.id}\n{text}".encode()).digest()
    copy_id = "".join(ID_ALPHABET[b % len(ID_ALPHABET)] for b in digest[:ID_LENGTH])
    moment = written(loser.entry)
    copy = Conflict(
        id=copy_id,
        date=loser.entry.day or date.fromtimestamp(moment),
        of=loser.entry.id,
        of_kind=str(loser.doc.fields.get("kind", "entry")),
        written=_moment_of(loser.entry),
        text=text,
    )
    path = f"{folders.CONFLICTS}/{Conflict.kind}-{copy_id}.md"
    plan.work(path, document.dumps(*copy.to_document()).encode("utf-8"))
    plan.conflicts.append(copy_id)


def _moment_of(entry: Entry) -> datetime | None:
    return max(_moments(entry), key=lambda moment: moment.timestamp(), default=None)


# -- check-ins of one day, marks of one promise day ------------------------------------


def join_checkins(versions: list[Version]) -> str:
    """One check-in from several of one day, as a same-day update joins them; its file text.

    The id (and file) that stays is the one made first; each later-written
    version is added to the earlier ones as a second check-in that day would be.
    """
    checkins = [v.entry for v in versions]
    assert all(isinstance(c, Checkin) for c in checkins)
    keeper = min(versions, key=lambda v: (v.entry.created.timestamp(), v.entry.id))  # type: ignore[attr-defined]
    ordered = sorted(versions, key=lambda v: (v.written, v.entry.id))
    first: Checkin = ordered[0].entry  # type: ignore[assignment]
    joined = replace(first, grateful=list(first.grateful), arguments=list(first.arguments))
    for later in ordered[1:]:
        entry: Checkin = later.entry  # type: ignore[assignment]
        answers = CheckinAnswers(
            **{name: getattr(entry, name) for name in SINGLE},
            grateful=entry.grateful or None,
            arguments=entry.arguments or None,
        )
        joined, _ = join_day(joined, answers, _moment_of(entry) or entry.created)
        for paragraph in paragraphs(entry.note or ""):  # what both hold is not doubled
            joined.note = add_note(joined.note, paragraph)
    kept: Checkin = keeper.entry  # type: ignore[assignment]
    joined.id, joined.created = kept.id, kept.created
    joined.private = any(c.private for c in checkins)  # type: ignore[attr-defined]
    latest = max(versions, key=lambda v: v.written)
    joined.updated = _moment_of(latest.entry) if latest.written > kept.created.timestamp() else None
    extra = dict(kept.extra)
    for other in checkins:
        for key, value in other.extra.items():  # type: ignore[attr-defined]
            extra.setdefault(key, value)
    joined.extra = extra
    return document.merge(keeper.doc, *joined.to_document())


def _days_to_join(theirs: dict[str, str | None], plan: Plan) -> set[date]:
    """The days the other side brought a check-in or a mark to: where two may now meet."""
    days = set()
    for path in theirs:
        said = said_by(Path(path))
        if said is not None and said.date is not None and said.kind in (CHECKIN, MARK):
            days.add(said.date)
    return days


def _on_day(journal: Journal, plan: Plan, day: date, kind: str) -> list[EntryFile]:
    """The files of `kind` on `day` once the plan lands: the month's folder, then the plan."""
    folder = journal.month_folder(day.year, day.month)
    names = {f.path.name for f in journal.month_files(day.year, day.month, kind) if f.date == day}
    month = f"{day.year:04d}/{day.month:02d}/"
    prefix = f"{month}{day.isoformat()}-{kind}-"
    names |= {path[len(month) :] for path in plan.paths if path.startswith(prefix)}
    names -= {path[len(month) :] for path in plan.removes if path.startswith(month)}
    return sorted(dated_entries(folder, names), key=lambda f: f.id)


def _final(journal: Journal, plan: Plan, entry: EntryFile, remote: str) -> Version:
    rel = entry.path.relative_to(journal.root).as_posix()
    if rel in plan.plain:
        raw, source = plan.plain[rel], None
    elif rel in plan.raw:
        raw, source = plan.raw[rel], remote
    else:
        raw, source = journal.read_bytes(entry.path), None
    return _version(journal, entry.path, raw, source)


def _one_checkin(journal: Journal, plan: Plan, day: date, remote: str) -> None:
    files = _on_day(journal, plan, day, CHECKIN)
    if len(files) < 2:
        return
    versions = [_final(journal, plan, f, remote) for f in files]
    keeper = min(versions, key=lambda v: (v.entry.created.timestamp(), v.entry.id))  # type: ignore[attr-defined]
    plan.work(keeper.path, join_checkins(versions).encode("utf-8"))
    for version in versions:
        if version is not keeper:
            plan.drop(version.path)
    plan.merged.append(keeper.entry.id)


def _one_mark_a_promise(journal: Journal, plan: Plan, day: date, remote: str) -> None:
    files = _on_day(journal, plan, day, MARK)
    if len(files) < 2:
        return
    by_promise: dict[str, list[Version]] = {}
    for entry in files:
        version = _final(journal, plan, entry, remote)
        if isinstance(version.entry, Mark):
            by_promise.setdefault(version.entry.promise, []).append(version)
    for marks in by_promise.values():
        if len(marks) < 2:
            continue
        kept = max(marks, key=lambda v: (v.written, v.entry.id))
        for mark in marks:
            if mark is kept:
                continue
            plan.drop(mark.path)
            if _has_own_words(mark, kept):
                _keep_copy(journal, plan, mark)
        plan.merged.append(kept.entry.id)
