"""The quick walk over month folders lists and reads what the journal's own calls do (issue 21).

`storage/walk.py` is how a search and an export read ten years of files: it must
list exactly the files `Journal.files_between` lists, in its order, refuse what
it refuses, and read each file's bytes as `Files.read_bytes` does, or leave the
file to it. Hypothesis builds folders full of names that are entries, almost
entries, misplaced, of a kind kept elsewhere, links and FIFOs.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trustlog.domain.entries import service
from trustlog.domain.kinds import KEPT_IN, UNDATED_FOLDERS
from trustlog.errors import TrustlogError
from trustlog.storage import walk
from trustlog.storage.journal import Journal

MONTHS = [(2025, 12), (2026, 1), (2026, 2)]
NAMES = st.one_of(
    st.builds(
        lambda day, kind, entry_id: f"{day}-{kind}-{entry_id}.md",
        st.sampled_from(
            [
                "2025-12-01",
                "2025-12-31",
                "2026-01-15",
                "2026-01-31",
                "2026-02-28",
                "2026-02-30",
                "2026-13-01",
                "2026-01-1x",
            ]
        ),
        st.sampled_from(["checkin", "jrnl", "mark", "trigger", "promise", "support", "x"]),
        st.sampled_from(["k3m9x", "abc12", "zz", "a"]),
    ),
    st.sampled_from(
        [
            "notes.txt",
            "promise-k3m9x.md",
            ".2026-01-15-checkin-tmp.md.tmp",
            "2026-01-15-checkin-.md",
            "2026-01-15-Checkin-k3m9x.md",
            "2026-01-15-checkin-k3m9x.md\n",
            "2026-01-15-checkin-k3m9x.mdx",
        ]
    ),
)
SPECIAL = st.sampled_from(
    ["file", "file", "file", "folder", "link", "link out", "fifo", "dangling"]
)


def journal_at(root: Path) -> Journal:
    return Journal(root, undated_folders=UNDATED_FOLDERS, kept_in=KEPT_IN)


def text_of(name: str) -> bytes:
    return f'+++\nkind = "jrnl"\nid = "x"\n+++\nabout {name!r} ★\n'.encode()


def make(root: Path, layout: list[tuple[int, str, str]]) -> None:
    outside = root.parent / "outside.md"
    outside.write_bytes(b"not ours")
    for index, name, what in layout:
        year, month = MONTHS[index]
        folder = root / f"{year:04d}" / f"{month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        if path.exists() or path.is_symlink():
            continue
        if what == "file":
            path.write_bytes(text_of(name))
        elif what == "folder":
            path.mkdir()
        elif what == "link":
            target = folder / f"target-{len(name)}"
            target.write_bytes(text_of(name))
            path.symlink_to(target.name)
        elif what == "link out":
            path.symlink_to(outside)
        elif what == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to(folder / "nowhere")


def listed(journal: Journal, start: date | None, end: date | None, kind: str | None):
    try:
        return [(f.path, f.kind, f.id, f.date) for f in journal.files_between(start, end, kind)]
    except TrustlogError as error:
        return error.message


def walked(journal: Journal, start: date | None, end: date | None, kind: str | None):
    try:
        months = walk.dated(journal, start, end, kind)  # refused before any file is read
    except TrustlogError as error:
        return error.message
    found = []
    for month in months:
        with month.opened() as folder:
            for index, (name, *_) in enumerate(folder.files):
                entry = folder.entry_file(index)
                found.append((entry.path, entry.kind, entry.id, entry.date))
                assert entry.path.name == name
                assert f"{folder.month}/{name}" == entry.path.relative_to(journal.root).as_posix()
                quick = walk.read(journal, folder, name)
                if quick is not None:
                    assert quick == journal.read_bytes(entry.path)
    return found


DAYS = st.one_of(st.none(), st.sampled_from([date(2025, 12, 31), date(2026, 1, 15)]))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layout=st.lists(st.tuples(st.integers(0, 2), NAMES, SPECIAL), max_size=12),
    start=DAYS,
    end=DAYS,
    kind=st.one_of(st.none(), st.sampled_from(["checkin", "jrnl", "promise"])),
)
def test_the_walk_lists_and_reads_what_the_journal_does(layout, start, end, kind):
    with tempfile.TemporaryDirectory() as where:
        root = Path(where) / "journal"
        root.mkdir()
        make(root, layout)
        assert walked(journal_at(root), start, end, kind) == listed(
            journal_at(root), start, end, kind
        )


def test_a_read_inside_a_change_is_left_to_the_seam(tmp_path):
    journal = journal_at(tmp_path / "journal")
    path = journal.dated_path(date(2026, 1, 15), "jrnl", "k3m9x")
    with journal.writing():
        journal.write_bytes(path, b'+++\nkind = "jrnl"\nid = "k3m9x"\n+++\nonce\n')
    with journal.writing():
        journal.write_bytes(path, b'+++\nkind = "jrnl"\nid = "k3m9x"\n+++\nsoon\n')
        for month in walk.dated(journal, None, None):
            with month.opened() as folder:
                assert walk.read(journal, folder, path.name) is None  # the change's, not the disk's
        assert journal.read_bytes(path).endswith(b"soon\n")


@pytest.mark.parametrize("words", ["fridge", "FRIDGE", "ﬁ", "straße", "K"])
def test_a_search_finds_what_reading_every_file_finds(tmp_path, words):
    journal = journal_at(tmp_path / "journal")
    texts = ["the fridge", "fine ﬁsh", "die Strasse", "STRASSE", "Kelvin sign K", "k", "no"]
    with journal.writing():
        for number, text in enumerate(texts):
            day = date(2026, 1, number + 1)
            entry_id = f"a{number + 2}"
            journal.write(
                journal.dated_path(day, "jrnl", entry_id),
                {"kind": "jrnl", "id": entry_id, "date": day, "title": text},
                text,
            )
    slow = [
        entry.id
        for entry_file in journal.files_between(None, None)
        if (entry := service._if_it_holds(journal, entry_file, words.casefold())) is not None
    ]
    assert [entry.id for entry in service.list_entries(journal, contains=words)] == slow
