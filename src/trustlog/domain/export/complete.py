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

from dataclasses import asdict
from datetime import date, datetime

from trustlog.domain import kinds
from trustlog.domain.core.entry import Entry
from trustlog.domain.core.period import SPAN, Period
from trustlog.domain.entries.service import load_file
from trustlog.domain.export.build import check_kinds, left_out_because
from trustlog.domain.export.model import Carried, Export, LeftOut, Options
from trustlog.domain.export.redact import Redactor
from trustlog.domain.profile import load_profile
from trustlog.domain.report.model import Figures
from trustlog.errors import InputError
from trustlog.storage import document
from trustlog.storage.journal import EntryFile, Journal


def build_complete(journal: Journal, options: Options, today: date, now: datetime) -> Export:
    """Every entry the options let out, each with its file's text; see the module's docstring.

    With `--from`/`--to`, the dated entries of those days and every undated one
    (promises, the contract, agreements, support contacts, the ritual's plan),
    which span many days and which the dated ones refer to.
    """
    journal.settings()  # refuses a journal from a newer trustlog before reading anything
    only = check_kinds(options.only)
    start, end = options.start, options.end
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start} is after --to {end}: please swap them.")
    redactor = Redactor(options.redact)
    files: list[EntryFile] = journal.files_between(start, end)
    for folder in kinds.UNDATED_FOLDERS:
        files += journal.undated_files(folder)
    carried: list[Carried] = []
    left: dict[tuple[str, str], int] = {}
    counts: dict[str, int] = {}
    for entry_file in files:
        found = load_file(journal, entry_file)
        kind = getattr(found.entry, "stored_kind", found.entry.kind)
        reason = left_out_because(found.entry, options.include_private, only)
        if reason is not None:
            left[kind, reason] = left.get((kind, reason), 0) + 1
            continue
        entry: Entry = found.entry
        text = found.doc.text or ""
        if redactor.pattern is not None:
            before = redactor.count
            entry = redactor.entry(entry)
            if redactor.count != before:
                text = document.dumps(*entry.to_document())
        path = entry_file.path.relative_to(journal.root).as_posix()
        carried.append(Carried(path, text, entry))
        counts[kind] = counts.get(kind, 0) + 1
    days = [day for c in carried if (day := c.entry.day) is not None]
    first = start or min(days, default=today)
    period = Period(SPAN, first, end or max([*days, first]))
    profile = {k: v for k, v in asdict(load_profile(journal)).items() if v is not None}
    export = Export(
        period=period,
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
        figures=Figures(period),
        counts=counts,
        left_out=[LeftOut(kind, reason, n) for (kind, reason), n in sorted(left.items())],
        carried=carried,
        profile=redactor.value(profile),
    )
    export.redactions = redactor.count
    return export
