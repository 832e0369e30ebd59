"""A `format` in journal.toml that no trustlog ever wrote is a damaged file, not a migration."""

from __future__ import annotations

import pytest


def files(home):
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.name != ".lock")


@pytest.mark.parametrize("value", ["0", "-3", "true", '"1"', "1.5", "[1]"])
def test_a_format_no_trustlog_wrote_is_named_and_nothing_is_written(cli, home, value):
    cli("checkin", "--mood", "3")
    settings = home / "journal.toml"
    settings.write_text(f"# my settings\nformat = {value}\n")
    before = files(home)
    run = cli("checkin", "--mood", "4")
    assert run.exit_code == 1
    assert run.stderr.startswith(f"trustlog: {settings}, line 2: 'format' should be 1.\n")
    assert "Traceback" not in run.stderr
    assert files(home) == before  # no backups/ copy, no entry
    assert settings.read_text() == f"# my settings\nformat = {value}\n"


def test_a_newer_format_is_still_refused_as_newer(cli, home):
    cli("checkin", "--mood", "3")
    (home / "journal.toml").write_text("format = 2\n")
    run = cli("checkin", "--mood", "4")
    assert run.exit_code == 1
    assert "written by a newer trustlog (format 2)" in run.stderr
