"""The byte seam of an encrypted journal: any bytes written read back as they were,
and land on disk in the age format only."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from trustlog.domain.folders import UNDATED_FOLDERS
from trustlog.storage import change, crypt
from trustlog.storage.journal import Journal

KEYS = crypt.Keys.generate()


def encrypted_journal(root: Path) -> Journal:
    journal = Journal(root, undated_folders=UNDATED_FOLDERS, keys=lambda: KEYS)
    root.mkdir(mode=0o700, exist_ok=True)
    (root / crypt.IDENTITY_FILE).write_bytes(b"age-encryption.org/v1\n(sealed)")
    return journal


@given(st.binary())
def test_any_bytes_round_trip_through_the_keys(data):
    sealed = KEYS.encrypt(data)
    assert crypt.is_encrypted(sealed)
    assert KEYS.decrypt(sealed, Path("x")) == data


@given(text=st.text(), name=st.sampled_from(["journal.toml", "2026/11/a.md", "cache/2026-10.json"]))
def test_what_the_seam_writes_reads_back_and_is_encrypted_on_disk(tmp_path_factory, text, name):
    root = tmp_path_factory.mktemp("j")
    journal = encrypted_journal(root)
    data = text.encode("utf-8")
    with journal.writing():
        journal.write_bytes(root / name, data)
        assert journal.read_bytes(root / name) == data  # inside the change, as it will be
    assert journal.read_bytes(root / name) == data
    on_disk = (root / name).read_bytes()
    assert crypt.is_encrypted(on_disk)
    assert KEYS.decrypt(on_disk, root / name) == data


def test_a_change_of_many_files_records_only_encrypted_bytes(tmp_path, monkeypatch):
    journal = encrypted_journal(tmp_path / "j")
    seen: list[bytes] = []
    real = change._record

    def spy(root, change):
        record = real(root, change)
        seen.append(record)
        return record

    monkeypatch.setattr(change, "_record", spy)
    with journal.writing():
        journal.write_bytes(journal.root / "a.md", b"the secret apple")
        journal.write_bytes(journal.root / "b.md", b"the secret banana")
    assert seen and all(b"secret" not in record for record in seen)
    assert journal.read_bytes(journal.root / "b.md") == b"the secret banana"
