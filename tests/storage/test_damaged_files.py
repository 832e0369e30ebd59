"""Hand edits, however odd, are named, never a traceback (issue 9, case 8).

Valid files of every kind are mutated in many ways (each field given values
of every odd type, dates off the calendar, deep nesting, lines cut) and every
command that reads them is run: each ends with exit 0, or exit 1 naming the
file. A derived cache that does not make sense is rebuilt, never trusted.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

ODD_VALUES = [
    "5",
    "-1",
    "100000000000000000000000000000",
    "true",
    '"text"',
    '""',
    "[1, 2]",
    '["a", 3]',
    "{ a = 1 }",
    "inf",
    "nan",
    "1.5",
    "0001-01-01",
    "0001-01-01T00:00:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59",
    "12:30:00",
    '"\\u001b[2J"',
    "[" * 60 + "]" * 60,
]
WHOLE_FILE = {
    "deep": lambda text: text.replace("+++\n", "+++\ndeep = " + "[" * 5000 + "]" * 5000 + "\n", 1),
    "deep-tables": lambda text: text.replace(
        "+++\n", "+++\nt = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n", 1
    ),
    "no-closing-fence": lambda text: text.rsplit("+++", 1)[0],
    "no-fences": lambda text: text.replace("+++\n", ""),
    "cut-in-half": lambda text: text[: len(text) // 2],
    "empty": lambda text: "",
    "duplicate-key": lambda text: text.replace("+++\n", '+++\nid = "x"\n', 1),
    "binary": lambda text: "\udcff\udcfe" + text,
    "no-kind": lambda text: re.sub(r"(?m)^kind = .*\n", "", text),
    "no-id": lambda text: re.sub(r"(?m)^id = .*\n", "", text),
    "no-date": lambda text: re.sub(r"(?m)^date = .*\n", "", text),
    "table-header": lambda text: text.replace("+++\n", "+++\n[oops]\n", 2)[::1],
}


@pytest.fixture
def originals(cli, home) -> dict[str, tuple[Path, str]]:
    """One valid file of each kind, all on 2026-11-20, with their text."""
    promise = cli("promise", "add", "Call at lunch", "--start", "2026-11-01", "--json").json()
    cli("checkin", "--date", "2026-11-20", "--mood", "3", "--argument", "money",
        "--kept", promise["id"], "--note", "a walk")  # fmt: skip
    cli("trigger", "--at", "2026-11-20 09:00", "--what", "a late text", "--intensity", "4",
        "--resolved-at", "2026-11-20 10:00", "--no-timer")  # fmt: skip
    cli("apology", "draft", "--did", "I lied", "--impact", "You felt alone",
        "--responsibility", "It was my choice", "--amends", "I will call at lunch")  # fmt: skip
    cli("checkin", "--mood", "4")
    found = {}
    for path in sorted(home.rglob("*.md")):
        if path.name.startswith("2026-11-24-checkin"):
            continue
        kind = path.name.split("-")[-2] if path.name[0].isdigit() else path.name.split("-")[0]
        found.setdefault(kind, (path, path.read_text()))
    assert set(found) == {"checkin", "trigger", "apology", "promise", "mark"}
    return found


READS = [
    [],
    ["entries"],
    ["entries", "--json"],
    ["promise", "list", "--all"],
    ["apology", "list"],
    ["report", "--month", "2026-11"],
    ["report", "--month", "2026-12"],
    ["report", "--json"],
    ["checkin", "--date", "2026-11-20", "--mood", "2"],
]


def _check_every_read(cli, path: Path, entry_id: str, home: Path) -> None:
    for args in [*READS, ["show", entry_id], ["promise", "kept", entry_id]]:
        run = cli(*args)  # a traceback fails the test here (catch_exceptions=False)
        assert run.exit_code in (0, 1, 2), (args, run.exit_code, run.stderr)
        if run.exit_code == 1:
            assert str(path) in run.stderr or str(home) in run.stderr, (args, run.stderr)


def _fields(text: str) -> list[str]:
    front = text.split("+++\n")[1]
    return [line.split(" = ")[0] for line in front.splitlines() if " = " in line]


@pytest.mark.parametrize("kind", ["checkin", "trigger", "apology", "promise", "mark"])
def test_odd_values_in_any_field_are_named_never_a_traceback(cli, home, originals, kind):
    path, text = originals[kind]
    entry_id = path.stem.split("-")[-1]
    keys = _fields(text)
    # Each value in one field, the fields taken in turn, so that every field gets several.
    for value, key in zip(ODD_VALUES, itertools.cycle(keys), strict=False):
        line = f"{key} = {value}"
        path.write_text(re.sub(rf"(?m)^{key} = .*$", lambda _, line=line: line, text))
        _check_every_read(cli, path, entry_id, home)
    path.write_text(text)


@pytest.mark.parametrize("mutation", WHOLE_FILE)
@pytest.mark.parametrize("kind", ["checkin", "promise", "mark"])
def test_broken_files_are_named_never_a_traceback(cli, home, originals, kind, mutation):
    path, text = originals[kind]
    changed = WHOLE_FILE[mutation](text)
    path.write_bytes(changed.encode("utf-8", "surrogateescape"))
    _check_every_read(cli, path, path.stem.split("-")[-1], home)


def test_a_file_from_year_one_is_named_and_later_reports_still_come(cli, home, originals):
    path, text = originals["checkin"]
    path.write_text(re.sub(r"(?m)^created = .*$", "created = 0001-01-01T00:00:00", text))
    for month in ("2026-11", "2026-12", "2027-01"):
        run = cli("report", "--month", month)
        assert run.exit_code == 1
        assert "'created' should be a date from the year 1000 to 8999" in run.stderr
        assert f"{path}, line 5" in " ".join(run.stderr.split()).replace(" ", "") or str(
            path
        ) in run.stderr.replace("\n", "")
    path.write_text(text)
    assert cli("report", "--month", "2027-01").exit_code == 0


def test_a_deep_array_names_its_line(cli, home, originals):
    path, text = originals["checkin"]
    path.write_text(text.replace("mood = 3", "mood = " + "[" * 5000 + "]" * 5000))
    run = cli("show", path.stem.split("-")[-1])
    assert run.exit_code == 1
    assert "line 6: its lists or tables are nested too deeply to read" in run.stderr.replace(
        "\n", " "
    )


CACHE_GARBAGE = [
    '{"key": 5}',
    "[1, 2]",
    "not json",
    "[" * 100000,
    '{"key": KEY, "data": {"promises": [{"id": "x", "start": "2026-11-01", "every": 5, '
    '"once": null, "end": null, "retired": null}]}}',
    '{"key": KEY, "data": {"promises": [{"id": 5, "start": "2026-11-01", "every": "daily", '
    '"once": null, "end": null, "retired": null}]}}',
    '{"key": KEY, "data": {"promises": [{"id": "x", "start": 20261101, "every": "daily", '
    '"once": null, "end": null, "retired": null}]}}',
    '{"key": KEY, "data": {"promises": 5}}',
    '{"key": KEY, "data": {"promises": [5]}}',
    '{"key": KEY, "data": {"topics": 5, "checkin_days": 1, "last_checkin": null, "run": 1,'
    ' "longest_run": 1, "scores": {}, "repeats": 0, "calm_months": 0}}',
    '{"key": KEY, "data": {"topics": [], "checkin_days": -3, "last_checkin": "x", "run": 1,'
    ' "longest_run": 1, "scores": {}, "repeats": 0, "calm_months": 0}}',
    '{"key": KEY, "data": {"topics": [], "checkin_days": 1, "last_checkin": null, "run": 1,'
    ' "longest_run": 1, "scores": {"x": NaN}, "repeats": 0, "calm_months": 0}}',
    '{"key": KEY, "data": {"topics": [1], "checkin_days": "1", "last_checkin": null, "run": 1,'
    ' "longest_run": 1, "scores": {"x": "0.5"}, "repeats": true, "calm_months": 0}}',
]


@pytest.mark.parametrize("garbage", CACHE_GARBAGE)
def test_a_cache_that_makes_no_sense_is_rebuilt(cli, home, originals, garbage):
    cli("checkin", "--date", "2026-10-05", "--mood", "3")
    expected = cli("report", "--month", "2026-12", "--json").json()
    cache = home / "cache"
    files = sorted(cache.glob("*.json"))
    assert {p.name for p in files} >= {"promises.json", "2026-10.json"}
    for path in files:
        key = json.loads(path.read_text())["key"]
        path.write_text(garbage.replace("KEY", json.dumps(key)))
    run = cli("report", "--month", "2026-12", "--json")
    assert run.exit_code == 0, run.stderr
    assert run.json() == expected
    # Rebuilt, and right again.
    for path in files:
        assert json.loads(path.read_text())["key"] != 5


# -- misplaced and misnamed files (issue 9, case 6) ----------------------------------


def test_a_check_in_moved_to_another_month_is_refused_and_never_duplicated(cli, home):
    entry = cli("checkin", "--date", "2026-11-05", "--mood", "3", "--json").json()
    (path,) = home.glob("2026/11/2*.md")
    moved = home / "2026" / "10" / path.name
    moved.parent.mkdir(mode=0o700)
    path.rename(moved)
    for args in (
        ["checkin", "--date", "2026-11-05", "--mood", "4"],
        ["entries", "--from", "2026-10-01", "--to", "2026-10-31"],
        ["report", "--month", "2026-10"],
        ["promise", "add", "Call"],
    ):
        run = cli(*args)
        assert run.exit_code == 1, (args, run.stderr)
        said = " ".join(run.stderr.split())
        assert "its name dates it 2026-11-05, but it is in the folder 2026/10" in said
        assert "Move it into 2026/11/" in said
    assert sorted(p.name for p in home.rglob("2*.md")) == [moved.name]
    moved.rename(path)
    assert cli("checkin", "--date", "2026-11-05", "--mood", "4").exit_code == 0
    assert [e["id"] for e in cli("entries", "--json").json()] == [entry["id"]]


def test_a_file_whose_name_and_date_disagree_is_refused(cli, home):
    entry = cli("checkin", "--date", "2026-11-05", "--mood", "3", "--json").json()
    (path,) = home.glob("2026/11/2*.md")
    path.write_text(path.read_text().replace("date = 2026-11-05", "date = 2026-11-07"))
    for args in (
        ["checkin", "--date", "2026-11-05", "--mood", "4"],
        ["checkin", "--date", "2026-11-07", "--mood", "4"],
        ["entries"],
        ["show", entry["id"]],
        ["report", "--month", "2026-11"],
        ["report", "--month", "2026-12"],
    ):
        run = cli(*args)
        assert run.exit_code == 1, (args, run.stderr)
        said = " ".join(run.stderr.split())
        assert "line 4: its name dates it 2026-11-05, but it holds 2026-11-07" in said
        assert f"rename it to 2026-11-07-checkin-{entry['id']}.md in 2026/11/" in said


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda p: p.with_name(p.name.replace("-checkin-", "-trigger-")),
         "its name says it is a trigger, but it holds a checkin"),
        (lambda p: p.with_name(p.name.replace("2026-11-05-", "2026-11-06-")),
         "its name dates it 2026-11-06, but it holds 2026-11-05"),
        (lambda p: p.parent.parent.parent / "promises" / f"checkin-{p.stem.split('-')[-1]}.md",
         "it is not in the folder its kind is kept in"),
    ],
)  # fmt: skip
def test_a_misnamed_entry_is_damaged_with_a_hint(cli, home, change, says):
    entry = cli("checkin", "--date", "2026-11-05", "--mood", "3", "--json").json()
    (path,) = home.glob("2026/11/2*.md")
    target = change(path)
    target.parent.mkdir(mode=0o700, exist_ok=True)
    path.rename(target)
    run = cli("show", entry["id"])
    assert run.exit_code == 1
    assert says in " ".join(run.stderr.split())
    assert "The file was left exactly as it is" in run.stderr
    assert cli("entries").exit_code == 1
