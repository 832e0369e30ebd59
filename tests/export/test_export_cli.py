"""`trustlog export` by its flags, as a script or a person without a terminal would use it.

Today is Tuesday 2026-11-24 (conftest); nothing here is a terminal, so nothing is asked.
"""

from __future__ import annotations

import csv
import io
import stat

import pytest

from tests.support import printing
from tests.support.paths import ROOT
from tests.support.report_journal import checkin, mark, promise, trigger
from trustlog.domain.export.redact import REDACTED
from trustlog.render.export.formats import FORMATS
from trustlog.render.export.table import COLUMNS

DEFAULT_NAME = "trustlog-2026-11-24.md"


@pytest.fixture
def lived(journal):
    checkin(
        journal,
        "2026-11-02",
        mood=2,
        trust=3,
        feeling="shaky after Sam called",
        arguments=["money"],
    )
    checkin(
        journal, "2026-11-10", mood=4, trust=7, affection=2, note="A walk with SAM. *Good* day | ok"
    )
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="Only for me")
    checkin(journal, "2026-09-01", mood=3, trust=5)  # before the default window
    late = promise(journal, "Text if I'm running late", "2026-11-01")
    mark(journal, late, "2026-11-02", "kept")
    mark(journal, late, "2026-11-03", "broken", repair="Called Sam to say sorry")
    trigger(
        journal,
        "2026-11-05 19:00",
        "2026-11-05 19:40",
        what="Sam's phone lit up",
        facts="a work chat",
    )
    return journal


def test_markdown_is_the_default_written_0600_to_a_dated_name_here(cli, lived, folder):
    run = cli("export", "--agenda", "The money talks")
    assert run.exit_code == 0, run.stderr
    written = folder / DEFAULT_NAME
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert run.stdout == ""
    assert f"Wrote {DEFAULT_NAME}" in run.stderr
    text = written.read_text()
    assert text.startswith("# 28 October to 24 November 2026\n")
    summary, entries = text.split("\n## Entries\n")
    assert "### To look at first" in summary and "### Progress markers" in summary
    assert "- The money talks" in summary.split("### What I want to talk about")[1]
    assert "### Monday 2 November 2026" in entries and "**Flare-up at 19:00**" in entries
    assert "- Facts: a work chat" in entries
    assert "repair: Called Sam to say sorry" in entries
    assert "September" not in entries  # before the window
    assert "Only for me" not in text  # private


def test_the_persons_markdown_is_escaped(cli, lived, folder):
    cli("export")
    text = (folder / DEFAULT_NAME).read_text()
    assert r"A walk with SAM. \*Good\* day \| ok" in text


def test_stdout_with_a_dash_and_nothing_written(cli, lived, folder):
    run = cli("export", "--output", "-")
    assert run.exit_code == 0
    assert run.stdout.startswith("# 28 October to 24 November 2026")
    assert run.stderr == ""
    assert list(folder.iterdir()) == []


def test_never_overwrites_without_force(cli, lived, folder):
    target = folder / "mine.md"
    target.write_text("my own notes\n")
    run = cli("export", "--output", str(target))
    assert run.exit_code == 2
    assert "mine.md is already there" in run.stderr and "--force" in run.stderr
    assert target.read_text() == "my own notes\n"
    run = cli("export", "--output", str(target), "--force")
    assert run.exit_code == 0
    assert target.read_text().startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["mine.md"]  # no temporary file left


def test_the_default_name_is_not_overwritten_either(cli, lived, folder):
    assert cli("export").exit_code == 0
    before = (folder / DEFAULT_NAME).read_bytes()
    run = cli("export", "--agenda", "something new")
    assert run.exit_code == 2 and DEFAULT_NAME in run.stderr
    assert (folder / DEFAULT_NAME).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["--from", "2026-13-01"], "--from: '2026-13-01'"),
        (["--to", "yesterday"], "--to: 'yesterday'"),
        (["--from", "2026-11-10", "--to", "2026-11-01"], "--from 2026-11-10 is after --to"),
        (["--only", "moods"], "--only: 'moods' is not a kind"),
        (["--format", "docx"], "--format: 'docx' is not a format"),
        (["--redact", " "], "--redact"),
        (["--output", ""], "--output"),
        (["--output", "missing/folder/x.md"], "--output: the folder missing/folder does not exist"),
        (["--output", "."], "--output: . is a folder"),
    ],
)
def test_bad_values_exit_2_naming_them_with_nothing_written(cli, lived, folder, args, names):
    run = cli("export", *args)
    assert run.exit_code == 2
    assert names in run.stderr
    assert "Traceback" not in run.stderr
    assert list(folder.iterdir()) == []


def test_private_entries_only_with_include_private(cli, lived, folder):
    shared = cli("export", "--include-private", "--output", "-").stdout
    assert "Only for me" in shared
    assert "Entries the person marked private are not included." not in shared
    kept = cli("export", "--output", "-").stdout
    assert "Only for me" not in kept and "Thursday 12 November" not in kept
    assert "lowest trust" in kept and "Mon 2 Nov 2026" in kept.split("### Key days")[1][:200]


def test_only_kinds(cli, lived, folder):
    text = cli("export", "--only", "trigger", "--output", "-").stdout
    assert "**Flare-up at 19:00**" in text
    assert "**Check-in**" not in text and "Promise calendars" not in text
    assert "This export holds 1 flare-up." in text
    assert "Promises are not part of this export." in text
    both = cli("export", "--only", "checkin", "--only", "promise", "--output", "-").stdout
    assert "**Check-in**" in both and "Promise calendars" in both and "Flare-up" not in both


def test_from_and_to_set_the_window(cli, lived, folder):
    text = cli("export", "--from", "2026-11-01", "--to", "2026-11-07", "--output", "-").stdout
    assert text.startswith("# 1 November to 7 November 2026")
    assert "Compared with the 7 days before (Sun 25 Oct 2026 to Sat 31 Oct 2026)" in text
    assert "Tuesday 10 November" not in text


@pytest.mark.parametrize("name", list(FORMATS))
def test_no_redacted_word_survives_in_any_format(cli, lived, folder, name):
    run = cli(
        "export",
        "--format",
        name,
        "--include-private",
        "--redact",
        "sam",
        "--redact",
        "MONEY",
        "--agenda",
        "Money and Sam",
        "--output",
        f"out.{name}",
    )
    assert run.exit_code == 0, run.stderr
    written = folder / f"out.{name}"
    if name == "pdf":  # compressed: what a reader sees is what pdftotext reads
        data = "".join(printing.pages(written)).lower()
    else:
        data = written.read_bytes().decode("utf-8", "replace").lower()
    assert "sam" not in data and "money" not in data
    assert REDACTED in data


def test_csv_one_row_per_checkin_day_for_the_whole_journal(cli, lived, folder):
    run = cli("export", "--format", "csv", "--output", "-")
    assert run.exit_code == 0
    assert run.stdout.startswith("\ufeffdate,mood,trust,")
    rows = list(csv.DictReader(io.StringIO(run.stdout.lstrip("\ufeff"))))
    assert [row["date"] for row in rows] == ["2026-09-01", "2026-11-02", "2026-11-10"]
    second = rows[1]
    assert (second["mood"], second["trust"], second["feeling"]) == (
        "2",
        "3",
        "shaky after Sam called",
    )
    assert (second["arguments"], second["argument_topics"]) == ("1", "money")
    assert (second["promises_kept"], second["promises_broken"], second["promises_repaired"]) == (
        "1",
        "0",
        "0",
    )
    assert rows[2]["affection"] == "2"
    assert list(rows[0]) == [name for name, _ in COLUMNS]


def test_csv_keeps_a_formula_from_running(cli, journal, folder):
    checkin(journal, "2026-11-20", mood=3, feeling='=HYPERLINK("x")', note="+1 call")
    rows = list(
        csv.DictReader(io.StringIO(cli("export", "--format", "csv", "--output", "-").stdout[1:]))
    )
    assert rows[0]["feeling"] == '\'=HYPERLINK("x")' and rows[0]["note"] == "'+1 call"


def test_every_csv_column_is_documented():
    docs = (ROOT / "docs" / "export.md").read_text()
    for name, _ in COLUMNS:
        assert f"`{name}`" in docs, name


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--from", "2026-11-30", "--to", "2026-11-01"], "--from 2026-11-30 is after --to"),
        (["--redact", " "], "--redact: please give a word"),
    ],
)
def test_bad_flags_are_named_before_a_file_already_there(cli, journal, folder, flags, named):
    (folder / DEFAULT_NAME).write_text("mine")

    run = cli("export", *flags)

    assert run.exit_code == 2
    assert named in run.stderr
    assert "already there" not in run.stderr
    assert (folder / DEFAULT_NAME).read_text() == "mine"


def test_the_summary_names_its_writer_and_says_what_it_looked_for(cli, lived, folder):
    cli("init", "--name", "Zoë <b>")
    cli("trigger", "--at", "2026-11-20 21:00", "--what", "a name on TV", "--intensity", "9",
        "--resolved-at", "2026-11-21 00:40", "--no-timer")  # fmt: skip
    md = cli("export", "--output", "-").stdout
    assert "Written by Zoë <b> in trustlog" not in md  # the name is escaped as words are
    assert "Written by Zoë \\<b\\> in trustlog" in md
    assert "Entries Zoë \\<b\\> marked private are not included." in md
    assert "the person" not in md
    assert "Looked for: days with mood or trust at 2 or lower;" in md
    assert (
        "- 1 flare-up of 8 or more that took 2 h or longer to settle:\n"
        "  - Fri 20 Nov 2026 (at 21:00, intensity 9 of 10, settled after 3 h 40 min): "
        "a name on TV"
    ) in md
    assert "“Before” is shown only when each side has at least 3 check-in days" in md
    page = cli("export", "--format", "html", "--output", "-").stdout
    assert "Written by <bdi>Zoë &lt;b&gt;</bdi> in trustlog" in page


def test_without_a_name_the_summary_says_the_person(cli, lived):
    md = cli("export", "--output", "-").stdout
    assert "Written by the person in trustlog" in md
