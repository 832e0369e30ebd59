"""Writing an export outside the journal: whole, private, and never over another file."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from trustlog.errors import InputError
from trustlog.storage import outside


def test_a_new_file_is_0600_and_no_temporary_file_stays(tmp_path):
    target = tmp_path / "export.md"
    outside.save(target, b"summary\n", journal=None)
    assert target.read_bytes() == b"summary\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["export.md"]


def test_a_file_made_meanwhile_is_never_replaced(tmp_path):
    target = tmp_path / "export.md"
    target.write_bytes(b"someone else's\n")  # appeared after any check the command made
    with pytest.raises(InputError, match="already there"):
        outside.save(target, b"summary\n", journal=None)
    assert target.read_bytes() == b"someone else's\n"
    assert os.listdir(tmp_path) == ["export.md"]


def test_replacing_when_agreed_keeps_it_private(tmp_path):
    target = tmp_path / "export.md"
    target.write_bytes(b"old\n")
    target.chmod(0o644)
    outside.save(target, b"new\n", journal=None, replace=True)
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_file_system_without_hard_links_still_never_replaces(tmp_path, monkeypatch):
    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "export.md"
    outside.save(target, b"summary\n", journal=None)
    assert target.read_bytes() == b"summary\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(InputError, match="already there"):
        outside.save(target, b"again\n", journal=None)
    assert target.read_bytes() == b"summary\n"
    assert os.listdir(tmp_path) == ["export.md"]
