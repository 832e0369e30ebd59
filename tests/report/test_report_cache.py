"""The report's cache of earlier months: cheap, private, and never stale after a hand edit."""

from __future__ import annotations

import os
import re
import stat
from datetime import date
from pathlib import Path

import pytest

from tests.support.report_journal import checkin, mark, promise
from trustlog.domain.core.period import month_period
from trustlog.domain.promise.schedule import STRENGTH_M as M
from trustlog.domain.report.figures import build_report
from trustlog.storage import cache
from trustlog.storage.journal import Journal

NOVEMBER = month_period(2026, 11)
TODAY = date(2026, 12, 5)


def repeats(journal) -> int:
    return build_report(journal, NOVEMBER, TODAY).current.repeats


@pytest.fixture
def years(journal):
    """Three years of history before the months a November 2026 report reads."""
    first = checkin(journal, "2023-02-14", arguments=["Money"])
    checkin(journal, "2024-07-01", arguments=["the trip"])
    checkin(journal, "2025-03-09", mood=3)
    checkin(journal, "2026-11-02", arguments=["money", "The trip"])
    journal.first_path = journal.dated_path(date(2023, 2, 14), "checkin", first.id)
    return journal


def read_months(monkeypatch) -> list[tuple[int, int]]:
    """Record the month of every dated entry file read, through the journal's one reader."""
    seen: list[tuple[int, int]] = []
    real = Journal.read

    def spy(self, entry):
        name = Path(getattr(entry, "path", entry)).name
        if dated := re.match(r"(\d{4})-(\d{2})-\d{2}-", name):
            seen.append((int(dated[1]), int(dated[2])))
        return real(self, entry)

    monkeypatch.setattr(Journal, "read", spy)
    return seen


def test_the_cache_spares_a_second_report_from_reading_old_months(years, monkeypatch):
    checkin(years, "2026-10-20", mood=3)  # something to read in each month the report shows
    seen = read_months(monkeypatch)
    assert repeats(years) == 2
    assert (2023, 2) in seen
    seen.clear()
    assert repeats(years) == 2
    assert seen == [(2026, 10), (2026, 11)]  # only the months the report shows, once each


def test_the_cache_holds_no_words_and_is_private(years):
    repeats(years)
    folder = years.root / cache.FOLDER
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == ["2023-02.json", "2024-07.json", "2025-03.json"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        text = file.read_text().lower()
        assert "money" not in text and "trip" not in text


def test_a_hand_edit_of_an_old_month_changes_the_report(years):
    assert repeats(years) == 2
    path = years.first_path
    path.write_text(path.read_text().replace('"Money"', '"Work and money"'))
    assert repeats(years) == 1


def test_a_same_size_hand_edit_is_seen_by_its_new_mtime(years):
    assert repeats(years) == 2
    path = years.first_path
    before = path.stat()
    with path.open("r+") as handle:  # in place, as some editors write
        text = handle.read()
        handle.seek(0)
        handle.write(text.replace('"Money"', '"Honey"'))
    # A person edits seconds later; make sure the clock moved even on a coarse file system.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == before.st_size
    assert repeats(years) == 1


def test_removing_or_adding_an_old_file_changes_the_report(years):
    assert repeats(years) == 2
    years.first_path.unlink()
    assert repeats(years) == 1
    checkin(years, "2021-05-05", arguments=["money "])
    assert repeats(years) == 2


def test_strength_follows_a_hand_edited_old_mark(journal):
    call = promise(journal, "Call at seven", "2024-01-01")
    old = mark(journal, call, "2024-01-01", "kept")
    mark(journal, call, "2026-11-02", "kept")
    first = build_report(journal, NOVEMBER, TODAY).current.promises.strength
    one = 1 - M
    assert first == pytest.approx(one * M + one)
    path = journal.dated_path(date(2024, 1, 1), "mark", old.id)
    path.write_text(path.read_text().replace('outcome = "kept"', 'outcome = "broken"'))
    assert build_report(journal, NOVEMBER, TODAY).current.promises.strength == pytest.approx(one)


def test_a_damaged_cache_file_is_rebuilt(years):
    repeats(years)
    for file in (years.root / cache.FOLDER).iterdir():
        file.write_text("{ not json")
    assert repeats(years) == 2
    assert "topics" in (years.root / cache.FOLDER / "2025-03.json").read_text()


def test_a_busy_lock_skips_the_cache_but_not_the_report(years):
    from trustlog.storage import lock

    with lock.hold(years.root / ".lock", 0):
        assert repeats(years) == 2
    assert not (years.root / cache.FOLDER).exists()


def test_a_damaged_old_file_stops_the_report_naming_it(cli, years):
    years.first_path.write_text("+++\nkind = checkin\n+++\n")
    run = cli("report", "--month", "2026-11")
    assert run.exit_code == 1
    assert years.first_path.name in run.stderr
    assert "Traceback" not in run.stderr


def test_promise_schedules_are_cached_without_their_text(journal, monkeypatch):
    walk = promise(journal, "Walk together after dinner", "2026-11-01", every="mon")
    mark(journal, walk, "2026-11-02", "kept")
    first = build_report(journal, NOVEMBER, TODAY).current.promises
    assert (first.kept, first.unrecorded) == (1, 4)  # Mondays 2, 9, 16, 23, 30
    cached = (journal.root / cache.FOLDER / "promises.json").read_text()
    assert walk.id in cached and "dinner" not in cached.lower()

    reads = []
    real = journal.read
    monkeypatch.setattr(journal, "read", lambda entry: reads.append(entry) or real(entry))
    build_report(journal, NOVEMBER, TODAY)
    assert not [r for r in reads if "promises" in str(getattr(r, "path", r))]

    # A hand edit of the schedule is seen at once.
    path = journal.undated_path("promises", "promise", walk.id)
    path.write_text(path.read_text().replace('every = "mon"', 'every = "mon,tue"'))
    again = build_report(journal, NOVEMBER, TODAY).current.promises
    assert again.unrecorded == 8  # Tuesdays 3, 10, 17 and 24 are due too
