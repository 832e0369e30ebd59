"""New ids, finding by id and listing by kind read only file names (the cheap walk)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustlog.errors import InputError, JournalError
from trustlog.storage import names
from trustlog.storage.journal import ID_ALPHABET, ID_LENGTH, EntryFile, Journal
from trustlog.storage.names import all_begin_with


def put(journal: Journal, path: Path, kind: str, entry_id: str) -> None:
    with journal.writing():
        journal.write(path, {"kind": kind, "id": entry_id}, None)


@pytest.fixture
def filled(journal: Journal) -> Journal:
    put(journal, journal.dated_path(date(2019, 3, 5), "checkin", "abcde"), "checkin", "abcde")
    put(journal, journal.dated_path(date(2026, 11, 2), "mark", "abcdx"), "mark", "abcdx")
    put(journal, journal.dated_path(date(2026, 11, 3), "checkin", "k3m9x"), "checkin", "k3m9x")
    put(journal, journal.undated_path("promises", "promise", "pq7rs"), "promise", "pq7rs")
    return journal


def scripted_choices(monkeypatch: pytest.MonkeyPatch, letters: str) -> None:
    stream = iter(letters)
    monkeypatch.setattr("trustlog.storage.names.pick", lambda _alphabet: next(stream))


@pytest.mark.parametrize("taken", ["abcde", "k3m9x", "pq7rs"])
def test_new_id_skips_an_id_any_entry_has(
    filled: Journal, monkeypatch: pytest.MonkeyPatch, taken: str
) -> None:
    scripted_choices(monkeypatch, taken + "zzzzz")
    assert filled.new_id() == "zzzzz"


def test_new_id_takes_an_id_that_only_ends_like_a_taken_one(
    filled: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripted_choices(monkeypatch, "bcdex")
    assert filled.new_id() == "bcdex"


def test_new_id_in_a_journal_not_yet_created(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    scripted_choices(monkeypatch, "abcde")
    assert not journal.root.exists()
    assert journal.new_id() == "abcde"


def test_find_by_id_and_by_prefix(filled: Journal) -> None:
    root = filled.root
    assert filled.find("abcde") == EntryFile(
        root / "2019" / "03" / "2019-03-05-checkin-abcde.md", "checkin", "abcde", date(2019, 3, 5)
    )
    assert filled.find(" K3M ").id == "k3m9x"
    assert filled.find("pq").path == root / "promises" / "promise-pq7rs.md"
    assert filled.find("pq").date is None


def test_an_exact_id_wins_over_longer_ids_with_that_prefix(filled: Journal) -> None:
    assert filled.find("abcde").id == "abcde"


def test_an_ambiguous_prefix_names_every_candidate(filled: Journal) -> None:
    with pytest.raises(InputError, match=r"'abcd' could be any of abcde, abcdx"):
        filled.find("abcd")


def test_find_by_kind(filled: Journal) -> None:
    assert filled.find("abcd", kind="mark").id == "abcdx"
    with pytest.raises(InputError, match="No promise has the id 'k3m'"):
        filled.find("k3m", kind="promise")


def test_find_ignores_names_that_are_not_entries(filled: Journal) -> None:
    month = filled.month_folder(2026, 11)
    (month / ".edit-k3m9x.md").write_text("a draft being edited")
    (month / "2026-11-31-checkin-k3mzz.md").write_text("an impossible date")
    (month / "notes-k3m22.txt").write_text("not an entry")
    (filled.root / "promises" / "promise-k3m44.md").mkdir()
    assert filled.find("k3m").id == "k3m9x"


def test_find_an_unknown_id(filled: Journal) -> None:
    with pytest.raises(InputError, match="No entry has the id 'zz'"):
        filled.find("zz")


def test_listing_one_kind_across_the_years(filled: Journal) -> None:
    put(filled, filled.dated_path(date(2026, 11, 2), "checkin", "m4rk2"), "checkin", "m4rk2")
    (filled.month_folder(2026, 11) / "2026-11-02-mark-notes.txt").write_text("not an entry")

    checkins = filled.files_between(None, None, "checkin")
    assert [(f.date, f.id) for f in checkins] == [
        (date(2019, 3, 5), "abcde"),
        (date(2026, 11, 2), "m4rk2"),
        (date(2026, 11, 3), "k3m9x"),
    ]
    assert [f.id for f in filled.month_files(2026, 11, "mark")] == ["abcdx"]
    assert [f.id for f in filled.month_files(2026, 11)] == ["m4rk2", "abcdx", "k3m9x"]
    assert filled.month_files(2026, 12, "mark") == []


def test_an_import_s_ids_come_from_one_read_of_randomness_each_batch(journal, monkeypatch):
    # new_ids (an import's thousands) reads os.urandom once a batch, not once a character,
    # and keeps every character equally likely (bytes past the last whole alphabet dropped).
    reads = []
    real = os.urandom

    def counted(size: int) -> bytes:
        reads.append(size)
        return real(size)

    monkeypatch.setattr(os, "urandom", counted)
    taken = {"22222", "33333"}
    made = journal.new_ids(3000, taken)
    assert len(made) == len(set(made)) == 3000 and taken.isdisjoint(made)
    assert all(len(i) == ID_LENGTH and set(i) <= set(ID_ALPHABET) for i in made)
    assert len(reads) <= 2
    assert set("".join(made)) == set(ID_ALPHABET)
    assert journal.new_ids(0, taken) == []


names_in_a_folder = st.lists(
    st.text(st.characters(blacklist_characters="\0/"), min_size=1, max_size=12)
    | st.sampled_from(["2026-11-", "2026-11-03-checkin-k3m9x.md", "2026-10-", "\n2026-11-"]),
    max_size=8,
)


@given(names_in_a_folder, st.sampled_from(["2026-11-", "2026-10-", "\n"]))
def test_the_one_count_over_a_folder_is_a_test_of_each_name(names, prefix):
    # new_id's look for a file moved out of its month counts prefixes in the names joined
    # by NUL; it must say exactly what testing each name would, whatever the names hold.
    joined = "\0".join(names)
    assert all_begin_with(names, joined, prefix) == all(n.startswith(prefix) for n in names)


def test_a_new_id_is_refused_while_an_entry_sits_in_another_month(filled: Journal) -> None:
    moved = filled.root / "2026" / "11" / "2019-03-07-checkin-zzzzz.md"
    moved.write_text('kind = "checkin"\n', encoding="utf-8")
    with pytest.raises(JournalError, match="its name dates it 2019-03-07"):
        filled.new_id()
    moved.unlink()
    assert len(filled.new_id()) == ID_LENGTH


def test_pick_draws_every_character_of_the_alphabet_and_nothing_else():
    # A new id's characters come from os.urandom, without the secrets module's import.
    drawn = {names.pick(ID_ALPHABET) for _ in range(2000)}
    assert drawn == set(ID_ALPHABET)
    assert names.pick("ab") in {"a", "b"}
