"""`--format json`: the whole journal for safe keeping, as `trustlog import trustlog` reads it.

Every entry of every kind is carried twice. `file` is the text of its file,
exactly: front matter and body, so comments, layout and fields added by hand
come back byte for byte when it is imported. `entry` is the same entry read,
as `trustlog entries --json` shows it, for any other program. Import writes
`file` and checks it still reads as `entry`, so neither can be changed alone.

Carrying the file's text rather than only typed fields is what makes the trip
lossless: a TOML comment, a field's order or a date written `2026-11-24`
rather than as text has no place in JSON, and a person's hand edit would be
lost on the way. What is left out follows the other formats: private entries
unless asked for, kinds not chosen, and redacted words (an entry with a word
hidden is written afresh from its fields, its layout given up, since its
text is not the person's any more).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from datetime import date, datetime

from trustlog.domain import kinds
from trustlog.domain.core.entry import Entry, entry_file_of
from trustlog.domain.core.period import SPAN, Period
from trustlog.domain.entries.service import load_file
from trustlog.domain.export.choice import check_kinds, left_out_because
from trustlog.domain.export.model import Carried, Export, LeftOut, Options
from trustlog.domain.export.redact import Redactor
from trustlog.domain.profile import load_profile
from trustlog.domain.report.model import Figures
from trustlog.errors import InputError
from trustlog.storage import document, walk
from trustlog.storage.document import Document
from trustlog.storage.journal import EntryFile, Journal


def build_complete(
    journal: Journal, options: Options, today: date, now: datetime, streamed: bool = False
) -> Export:
    """Every entry the options let out, each with its file's text; see the module's docstring.

    With `--from`/`--to`, the dated entries of those days and every undated one
    (promises, the contract, agreements, support contacts, the ritual's plan),
    which span many days and which the dated ones refer to.

    `streamed`: each entry is read when the renderer comes to it (`Export.pending`),
    so a journal of twenty years is never held in memory at once. Words to redact
    make it read everything first: whether any was found is said before the entries.
    """
    journal.settings()  # refuses a journal from a newer trustlog before reading anything
    only = check_kinds(options.only)
    start, end = options.start, options.end
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start} is after --to {end}: please swap them.")
    redactor = Redactor(options.redact)
    # Listed whole (and anything misplaced refused) before the first entry is written.
    months = walk.dated(journal, start, end)
    undated = [f for folder in kinds.UNDATED_FOLDERS for f in journal.undated_files(folder)]
    files = _read(journal, months, undated)
    profile = {k: v for k, v in asdict(load_profile(journal)).items() if v is not None}
    export = Export(
        period=Period(SPAN, start or today, end or start or today),
        made=now,
        options=Options(
            start=start,
            end=end,
            include_private=options.include_private,
            only=only,
            summary=False,
            whole_journal=True,
            complete=True,
        ),
        figures=Figures(Period(SPAN, start or today, end or start or today)),
        profile=redactor.value(profile),
    )
    pending = _carry(journal, files, options, only, redactor, export, today)
    if streamed and redactor.pattern is None:
        export.pending = pending
    else:
        export.carried = list(pending)
    return export


def _read(
    journal: Journal, months: list[walk.Folder], undated: list[EntryFile]
) -> Iterator[tuple[str, Entry, Document]]:
    """Each file's place in the journal, its entry and its document, in the journal's
    order: the month folders' by the quick walk (storage/walk.py), which leaves to the
    seam any file it cannot read as a plain one."""
    for month in months:
        with month.opened() as folder:
            for index, (name, _, entry_id, _) in enumerate(folder.files):
                raw = walk.read(journal, folder, name)
                if raw is None:
                    found = load_file(journal, folder.entry_file(index))
                    yield f"{folder.month}/{name}", found.entry, found.doc
                    continue
                doc = document.parse(raw, folder.path / name)
                if doc.fields.get("id") != entry_id:
                    entry_file_of(doc, folder.entry_file(index))  # which names what is wrong
                yield f"{folder.month}/{name}", kinds.load(doc), doc
    for entry_file in undated:
        found = load_file(journal, entry_file)
        yield entry_file.path.relative_to(journal.root).as_posix(), found.entry, found.doc


def _carry(
    journal: Journal,
    files: Iterator[tuple[str, Entry, Document]],
    options: Options,
    only: tuple[str, ...],
    redactor: Redactor,
    export: Export,
    today: date,
) -> Iterator[Carried]:
    """Each entry let out, read in the journal's order; the export's counts, what was left
    out and its period are complete when the last has been given."""
    start, end = options.start, options.end
    left: dict[tuple[str, str], int] = {}
    counts = export.counts
    first: date | None = None
    last: date | None = None
    for path, entry, doc in files:
        kind = getattr(entry, "stored_kind", entry.kind)
        reason = left_out_because(entry, options.include_private, only)
        if reason is not None:
            left[kind, reason] = left.get((kind, reason), 0) + 1
            continue
        text = doc.text or ""
        if redactor.pattern is not None:
            before = redactor.count
            entry = redactor.entry(entry)
            if redactor.count != before:
                text = document.dumps(*entry.to_document())
        counts[kind] = counts.get(kind, 0) + 1
        if (day := entry.day) is not None:
            first = day if first is None or day < first else first
            last = day if last is None or day > last else last
        yield Carried(path, text, entry)
    begins = start or first or today
    export.period = Period(SPAN, begins, end or max(last or begins, begins))
    export.figures = Figures(export.period)
    export.left_out = [LeftOut(kind, reason, n) for (kind, reason), n in sorted(left.items())]
    export.redactions = redactor.count
