"""Files that ship with trustlog are read through storage/shipped.py, and only those."""

from __future__ import annotations

from pathlib import Path

import pytest

import trustlog.domain.apology.rules
from trustlog.storage import shipped


def test_a_file_beside_trustlogs_code_is_read():
    table = Path(trustlog.domain.apology.rules.__file__).with_name("rules.toml")
    assert "[[rules]]" in shipped.text_of(table)


def test_a_file_outside_trustlog_is_refused(tmp_path):
    outside = tmp_path / "rules.toml"
    outside.write_text("[[rules]]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not ship with trustlog"):
        shipped.text_of(outside)
