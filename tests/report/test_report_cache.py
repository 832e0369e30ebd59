"""The report's cache of earlier months: cheap, private, and never stale for long.

A file added, removed or replaced (renamed over) in an earlier month changes that
month folder's stamp, so the next report sees it. An editor writing into the same
file leaves the folder as it was: that is seen by the full check, once a day
(cache.FULL_CHECK_SECONDS), moved here with TRUSTLOG_NOW.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime, timedelta
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


def later(monkeypatch, seconds: float) -> None:
    """Move the clock the cache goes by (TRUSTLOG_NOW) on by `seconds`."""
    now = datetime.fromisoformat(os.environ["TRUSTLOG_NOW"])
    monkeypatch.setenv("TRUSTLOG_NOW", (now + timedelta(seconds=seconds)).isoformat())


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Write into the same file, as nano or VS Code save: same inode, the folder untouched."""
    folder, inode = path.parent.stat(), path.stat().st_ino
    with path.open("r+") as handle:
        text = handle.read().replace(old, new)
        handle.seek(0)
        handle.truncate()
        handle.write(text)
    after = path.parent.stat()
    assert path.stat().st_ino == inode
    assert (after.st_mtime_ns, after.st_ctime_ns) == (folder.st_mtime_ns, folder.st_ctime_ns)


def replace_by_rename(path: Path, old: str, new: str) -> None:
    """Write a new file and rename it over the old one, as vim and `sed -i` save."""
    fresh = path.with_name(path.name + ".swp")
    fresh.write_text(path.read_text().replace(old, new))
    os.replace(fresh, path)


def full_checks(monkeypatch) -> list[tuple[int, int]]:
    """Record each month whose files are stat'ed one by one."""
    seen: list[tuple[int, int]] = []
    real = cache.fingerprint

    def spy(journal, month, kinds):
        seen.append(month)
        return real(journal, month, kinds)

    monkeypatch.setattr(cache, "fingerprint", spy)
    return seen


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


def test_a_file_replaced_in_an_old_month_changes_the_next_report(years):
    assert repeats(years) == 2
    replace_by_rename(years.first_path, '"Money"', '"Work and money"')
    assert repeats(years) == 1


def test_an_edit_in_place_of_an_old_month_shows_after_the_full_check(years, monkeypatch):
    assert repeats(years) == 2
    edit_in_place(years.first_path, '"Money"', '"Work and money"')
    assert repeats(years) == 2  # the folder looks the same: the figures wait for the check
    later(monkeypatch, cache.FULL_CHECK_SECONDS - 1)
    assert repeats(years) == 2
    later(monkeypatch, 1)  # a day after the last full check
    assert repeats(years) == 1


def test_a_same_size_edit_in_place_is_seen_by_its_new_mtime(years, monkeypatch):
    assert repeats(years) == 2
    path = years.first_path
    before = path.stat()
    edit_in_place(path, '"Money"', '"Honey"')
    # A person edits seconds later; make sure the clock moved even on a coarse file system.
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == before.st_size
    later(monkeypatch, cache.FULL_CHECK_SECONDS)
    assert repeats(years) == 1


def test_touching_the_month_folder_counts_an_edit_in_place_at_once(years):
    assert repeats(years) == 2
    edit_in_place(years.first_path, '"Money"', '"Work and money"')
    os.utime(years.first_path.parent)  # `touch 2023/02`, as docs/report.md says
    assert repeats(years) == 1


def test_a_clock_set_back_checks_every_file(years, monkeypatch):
    assert repeats(years) == 2
    edit_in_place(years.first_path, '"Money"', '"Work and money"')
    later(monkeypatch, -60)  # the last full check seems to lie ahead: not to be trusted
    assert repeats(years) == 1


def test_the_full_check_runs_once_a_day(years, monkeypatch):
    repeats(years)
    checked = full_checks(monkeypatch)
    later(monkeypatch, 3600)
    repeats(years)
    assert checked == []  # each earlier folder's stamp only
    later(monkeypatch, cache.FULL_CHECK_SECONDS)
    repeats(years)
    assert (2023, 2) in checked and (2025, 3) in checked  # every earlier month, file by file
    checked.clear()
    later(monkeypatch, 3600)
    repeats(years)
    assert checked == []  # the check is recorded: not again for a day


def test_removing_or_adding_an_old_file_changes_the_report(years):
    assert repeats(years) == 2
    years.first_path.unlink()
    assert repeats(years) == 1
    checkin(years, "2021-05-05", arguments=["money "])
    assert repeats(years) == 2


def test_strength_follows_a_hand_edited_old_mark(journal, monkeypatch):
    call = promise(journal, "Call at seven", "2024-01-01")
    old = mark(journal, call, "2024-01-01", "kept")
    mark(journal, call, "2026-11-02", "kept")
    first = build_report(journal, NOVEMBER, TODAY).current.promises.strength
    one = 1 - M
    assert first == pytest.approx(one * M + one)
    path = journal.dated_path(date(2024, 1, 1), "mark", old.id)
    edit_in_place(path, 'outcome = "kept"', 'outcome = "broken"')
    later(monkeypatch, cache.FULL_CHECK_SECONDS)
    assert build_report(journal, NOVEMBER, TODAY).current.promises.strength == pytest.approx(one)


def test_no_cache_file_holds_a_word_through_rebuilds_and_checks(years, monkeypatch):
    repeats(years)
    replace_by_rename(years.first_path, '"Money"', '"Money talk"')
    repeats(years)
    later(monkeypatch, cache.FULL_CHECK_SECONDS)
    repeats(years)
    for file in (years.root / cache.FOLDER).iterdir():
        text = file.read_text().lower()
        assert "money" not in text and "trip" not in text and "talk" not in text


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
