"""Time the real `trustlog` command on an empty journal and on a 10-year one.

    python benchmarks/run.py [--runs 10] [--journal DIR] [--years 10] [--only TEXT]
    python benchmarks/run.py --paired [--rounds 11] [--cache DIR]   (beside jrnl: paired.py)

Each case spawns the installed console script (`trustlog` beside this Python)
as a person would, several times, and reports the median and the fastest wall
time in milliseconds as a Markdown table on stdout. "Now" is pinned
(TRUSTLOG_NOW) and every case gets its own journal folder (TRUSTLOG_HOME);
cases that write work on a fresh copy, so the generated journal is never
changed. Then `python -X importtime` lists what `trustlog --help` imports.

Progress goes to stderr; stdout is only the report, ready to paste.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# generate.py sits beside this script, which is run as a file, not as a package.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

NOW = "2026-11-24T20:00:00+00:00"
TODAY = date(2026, 11, 24)
MONTH = "2026-10"
MONTH_FROM, MONTH_TO = "2026-10-01", "2026-10-31"
HEAVY = ("questionary", "prompt_toolkit")
SEARCH = "fridge"  # in about one generated note in twenty
CACHE_FOLDER = "cache"  # where the report keeps its derived figures (storage/cache.py)


@dataclass
class Timing:
    case: str
    journal: str
    runs: list[float]  # milliseconds

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def fastest(self) -> float:
        return min(self.runs)


def trustlog_command() -> list[str]:
    """The console script installed beside this Python, as a person would type it."""
    script = Path(sys.executable).parent / ("trustlog.exe" if os.name == "nt" else "trustlog")
    return [str(script)] if script.exists() else [sys.executable, "-m", "trustlog"]


def environment(home: Path | None) -> dict[str, str]:
    env = dict(os.environ, TRUSTLOG_NOW=NOW, TZ="UTC", NO_COLOR="1", COLUMNS="80")
    env.pop("TRUSTLOG_HOME", None)
    # An installed trustlog runs from cached bytecode (pip compiles it); a shell
    # that forbids writing bytecode would time the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if home is not None:
        env["TRUSTLOG_HOME"] = str(home)
    return env


def run_once(argv: Sequence[str], home: Path | None, **extra_env: str) -> float:
    started = time.perf_counter()
    env = environment(home) | extra_env
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(
            f"`{' '.join(argv)}` failed (exit {done.returncode}):\n{done.stderr.strip()}"
        )
    return elapsed


@dataclass
class Variant:
    """One journal a case runs on: its label, its folder, the argv of each run, and
    what to do (untimed) before each run."""

    journal: str
    home: Path | None
    argvs: Sequence[Sequence[str]]
    before: Callable[[], None] | None = None


def time_case(
    case: str, variants: Sequence[Variant], *, warm: bool = True, **env: str
) -> list[Timing]:
    """Time `case` on each variant, taking turns run by run, so a busy moment on
    the machine falls on all of them alike. Each variant first has one untimed
    run to warm the caches, unless `warm` is False (a run that creates must not
    be repeated)."""
    if not wanted(case):
        return []
    print(f"  {case}", file=sys.stderr)
    if warm:
        for variant in variants:
            run_once(variant.argvs[0], variant.home, **env)
    timings = [Timing(case, variant.journal, []) for variant in variants]
    for index in range(max(len(variant.argvs) for variant in variants)):
        for variant, timing in zip(variants, timings, strict=True):
            if index < len(variant.argvs):
                if variant.before is not None:
                    variant.before()
                timing.runs.append(run_once(variant.argvs[index], variant.home, **env))
    return timings


ONLY: list[str] = []  # --only: time just the cases whose name holds one of these


def wanted(case: str) -> bool:
    return not ONLY or any(part in case for part in ONLY)


def fresh_copy(source: Path, into: Path, name: str) -> Path:
    target = into / name
    shutil.copytree(source, target, symlinks=True)
    if hasattr(os, "sync"):
        # Flush the copy now: otherwise the first timed fsync waits for all of it.
        os.sync()
    return target


def empty_journal(into: Path, name: str) -> Path:
    """A journal folder as the first check-in leaves it, but with no entries."""
    from trustlog.domain.kinds import UNDATED_FOLDERS
    from trustlog.storage.journal import Journal

    root = into / name
    with Journal(root, undated_folders=UNDATED_FOLDERS).writing():
        pass
    return root


def catch_up_days(runs: int) -> list[date]:
    """Different days inside the last month, one per run, so each check-in creates."""
    return [TODAY - timedelta(days=2 + i) for i in range(runs)]


def forget_checkins(journal: Path, days: Sequence[date]) -> None:
    """Remove those days' check-ins from a copy: the person missed them and catches up now."""
    for day in days:
        folder = journal / f"{day.year:04d}" / f"{day.month:02d}"
        for path in folder.glob(f"{day.isoformat()}-checkin-*.md"):
            path.unlink()


def forget_cache(journal: Path) -> Callable[[], None]:
    def remove() -> None:
        shutil.rmtree(journal / CACHE_FOLDER, ignore_errors=True)

    return remove


def has_report(cli: list[str], home: Path) -> bool:
    done = subprocess.run(
        [*cli, "report", "--help"], env=environment(home), capture_output=True, text=True
    )
    return done.returncode == 0


def a_checkin_id(journal: Path) -> str:
    """The id of yesterday's check-in, for `show ID`."""
    yesterday = TODAY - timedelta(days=1)
    folder = journal / f"{yesterday.year:04d}" / f"{yesterday.month:02d}"
    found = sorted(folder.glob(f"{yesterday.isoformat()}-checkin-*.md"))
    if not found:
        raise SystemExit(
            f"{journal} has no check-in on {yesterday}: give a journal made by generate.py "
            f"with its default --end ({TODAY})."
        )
    return found[0].name.removesuffix(".md").rsplit("-", 1)[1]


def benchmark(big: Path, work: Path, runs: int, label: str) -> tuple[list[Timing], list[str]]:
    cli = trustlog_command()
    python_m = [sys.executable, "-m", "trustlog"]
    notes: list[str] = []
    timings: list[Timing] = []
    empty = empty_journal(work, "empty")
    note = "Slept badly but we talked it through over breakfast."
    days = catch_up_days(runs)

    def alone(argv: Sequence[str]) -> list[Variant]:
        return [Variant("-", empty, [argv] * runs)]

    timings += time_case("python -c pass", alone([sys.executable, "-c", "pass"]))
    timings += time_case("trustlog --help", alone([*cli, "--help"]))
    timings += time_case("python -m trustlog --help", alone([*python_m, "--help"]))

    writers = {"empty": empty_journal(work, "w-empty"), label: fresh_copy(big, work, "w-big")}
    for home in writers.values():
        forget_checkins(home, days)
    creates = [
        [*cli, "checkin", "--date", day.isoformat(), "--mood", "3", "--note", note, "--json"]
        for day in days
    ]
    variants = [Variant(name, home, creates) for name, home in writers.items()]
    timings += time_case("checkin (creates)", variants, warm=False)
    update = [*cli, "checkin", "--mood", "4", "--note", note, "--json"]
    for home in writers.values():
        run_once(update, home)  # today's check-in now exists, so every timed run updates it
    variants = [Variant(name, home, [update] * runs) for name, home in writers.items()]
    timings += time_case("checkin (updates)", variants)
    # A plain check-in prints one line for a person; it must cost no more than the
    # --json one (rich, 30 ms to import, is not needed for one line). The two take turns.
    plain = [*cli, "checkin", "--mood", "4", "--note", note]
    plain_home, json_home = empty_journal(work, "p-plain"), empty_journal(work, "p-json")
    run_once(plain, plain_home)
    run_once(update, json_home)
    timings += time_case(
        "checkin (updates): plain, then --json",
        [
            Variant("empty, plain", plain_home, [plain] * runs),
            Variant("empty, --json", json_home, [update] * runs),
        ],
    )

    # Reads on an empty journal, on two months (all of October and November),
    # and on ten years: the last two should be about equal.
    recent = work / "two-months"
    generate.generate(recent, 60, TODAY, seed=1)
    # Reads run on a copy too: the report may write its cache into the journal.
    readers = {"empty": empty, "2 months": recent, label: fresh_copy(big, work, "r-big")}

    def on_each(argv: Sequence[str], journals: dict[str, Path]) -> list[Variant]:
        return [Variant(name, home, [argv] * runs) for name, home in journals.items()]

    month = [*cli, "entries", "--from", MONTH_FROM, "--to", MONTH_TO, "--json"]
    timings += time_case(
        f"entries --from {MONTH_FROM} --to {MONTH_TO} --json", on_each(month, readers)
    )
    timings += time_case("trustlog --json (dashboard)", on_each([*cli, "--json"], readers))
    # The promises: every promise file, and the marks since the oldest active one began.
    timings += time_case(
        "promise list --json", on_each([*cli, "promise", "list", "--json"], readers)
    )
    # No apologies in a generated journal: this times the walk over every month to find them.
    timings += time_case(
        "apology list --json", on_each([*cli, "apology", "list", "--json"], readers)
    )
    shows = [
        Variant(name, home, [[*cli, "show", a_checkin_id(home), "--json"]] * runs)
        for name, home in (("2 months", recent), (label, big))
    ]
    timings += time_case("show ID --json", shows)
    # A search reads every file's text, but parses only those that could hold the words.
    timings += time_case(
        f"entries --contains {SEARCH} --json",
        on_each([*cli, "entries", "--contains", SEARCH, "--json"], readers),
    )
    # Reading everything grows with history by design; three runs are enough to show how much.
    everything = [Variant(label, big, [[*cli, "entries", "--json"]] * min(runs, 3))]
    timings += time_case("entries --json (every entry)", everything)

    if has_report(cli, empty):
        report = [*cli, "report", "--month", MONTH, "--json"]
        case = f"report --month {MONTH} --json"
        # The first report on a journal tallies its history once; later ones use the cache.
        first_runs = [
            Variant(name, home, [report] * runs, before=forget_cache(home))
            for name, home in readers.items()
        ]
        timings += time_case(f"{case} (no cache yet)", first_runs, warm=False)
        timings += time_case(case, on_each(report, readers))
    else:
        notes.append(
            f"`report --month {MONTH} --json` skipped: this trustlog has no `report` command yet."
        )
    # The therapist's export: four weeks and the four before, whatever the journal's age.
    export_md = [*cli, "export", "--format", "md", "--output", "-", "--agenda", "sleep"]
    timings += time_case("export --format md --output -", on_each(export_md, readers))
    # The same four weeks as one HTML page, with its inline charts.
    export_html = [*cli, "export", "--format", "html", "--output", "-", "--agenda", "sleep"]
    timings += time_case("export --format html --output -", on_each(export_html, readers))
    # A spreadsheet of every check-in day reads the whole journal: three runs show how much.
    export_csv = [*cli, "export", "--format", "csv", "--output", "-"]
    whole = [Variant(label, big, [export_csv] * min(runs, 3))]
    timings += time_case("export --format csv --output - (every day)", whole)
    # Safe keeping: every entry with its file's text, then all of it into an empty journal.
    export_json = [*cli, "export", "--format", "json", "--include-private", "--output", "-"]
    every = [Variant(label, readers[label], [export_json] * min(runs, 3))]
    timings += time_case("export --format json --output - (every entry)", every)
    if wanted("import trustlog FILE"):
        backup = work / "backup.json"
        run_once([*export_json[:-1], str(backup)], readers[label])
        restored = work / "restored"

        def start_empty() -> None:
            shutil.rmtree(restored, ignore_errors=True)
            os.sync()  # the last run's files flushed, so they do not slow this one

        into_empty = [[*cli, "import", "trustlog", str(backup), "--json"]] * min(runs, 3)
        timings += time_case(
            "import trustlog FILE (into an empty journal)",
            [Variant(label, restored, into_empty, before=start_empty)],
            warm=False,
        )
    timings += partner_cases(cli, readers[label], work, runs, label)
    timings += encrypted_cases(cli, readers[label], work, runs, label)
    return timings, notes


SHARED = ("--what", "promises", "--what", "checkins", "--what", "ritual")


def partner_cases(cli: list[str], big: Path, work: Path, runs: int, label: str) -> list[Timing]:
    """A share of four weeks and of a year from the ten-year journal, and receiving each
    into the partner's journal (made afresh before every run, so each run stores it)."""
    names = ("share (4 weeks)", "share (a year)", "receive (4 weeks)", "receive (a year)")
    if not any(wanted(name) for name in names):
        return []
    sharer = fresh_copy(big, work, "s-big")
    partner = empty_journal(work, "partner-template")
    code_of = [*cli, "partner", "code", "--json"]
    theirs = json.loads(
        subprocess.run(
            code_of, env=environment(partner), capture_output=True, text=True, check=True
        ).stdout
    )["code"]
    mine = json.loads(
        subprocess.run(
            code_of, env=environment(sharer), capture_output=True, text=True, check=True
        ).stdout
    )["code"]
    subprocess.run(
        [*cli, "partner", "add", theirs, "--name", "Sam"],
        env=environment(sharer),
        capture_output=True,
        check=True,
    )
    subprocess.run(
        [*cli, "partner", "add", mine, "--name", "Alex"],
        env=environment(partner),
        capture_output=True,
        check=True,
    )
    year_from = (TODAY - timedelta(days=364)).isoformat()
    windows = {"4 weeks": [], "a year": ["--from", year_from]}
    timings: list[Timing] = []
    files: dict[str, Path] = {}
    for name, window in windows.items():
        files[name] = work / f"share-{name.replace(' ', '-')}.age"
        share = [*cli, "share", "--yes", "--force", "--output", str(files[name]), *SHARED, *window]
        timings += time_case(f"share ({name})", [Variant(label, sharer, [share] * runs)])
    receiver = work / "partner"

    def fresh_partner() -> None:
        shutil.rmtree(receiver, ignore_errors=True)
        shutil.copytree(partner, receiver)

    for name, path in files.items():
        receive = [*cli, "receive", str(path), "--json"]
        fresh_partner()
        timings += time_case(
            f"receive ({name})",
            [Variant("partner's", receiver, [receive] * runs, before=fresh_partner)],
            warm=False,
        )
    return timings


def encrypted_cases(cli: list[str], plain: Path, work: Path, runs: int, label: str) -> list[Timing]:
    """The everyday reads on the same journal encrypted, in an open session, taking turns
    with the plain one; and once with the passphrase instead of a session."""
    names = [
        f"report --month {MONTH} --json: plain, then encrypted",
        f"entries --from {MONTH_FROM} --to {MONTH_TO} --json: plain, then encrypted",
        "trustlog --json (dashboard): plain, then encrypted",
        "checkin (updates): plain, then encrypted",
        f"report --month {MONTH} --json (TRUSTLOG_PASSPHRASE, no session)",
    ]
    if not any(wanted(name) for name in names):
        return []  # encrypting a copy of ten years takes a while: only when wanted
    # The session's memory-only folder (storage/session.py), the benchmark's own.
    runtime = Path(tempfile.mkdtemp(dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    try:
        return _encrypted_cases(cli, plain, work, runs, label, runtime)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def _encrypted_cases(
    cli: list[str], plain: Path, work: Path, runs: int, label: str, runtime: Path
) -> list[Timing]:
    secret = {"TRUSTLOG_PASSPHRASE": "a benchmark passphrase"}
    session = {"XDG_RUNTIME_DIR": str(runtime)}
    locked = fresh_copy(plain, work, "e-big")
    print("  (encrypting a copy of the journal)", file=sys.stderr)
    run_once([*cli, "encrypt"], locked, **secret)
    run_once([*cli, "unlock", "--for", "600"], locked, **secret, **session)
    homes = {f"{label}, plain": plain, f"{label}, encrypted, unlocked": locked}

    def on_each(argv: Sequence[str]) -> list[Variant]:
        return [Variant(name, home, [argv] * runs) for name, home in homes.items()]

    timings: list[Timing] = []
    report = [*cli, "report", "--month", MONTH, "--json"]
    timings += time_case(
        f"report --month {MONTH} --json: plain, then encrypted", on_each(report), **session
    )
    month = [*cli, "entries", "--from", MONTH_FROM, "--to", MONTH_TO, "--json"]
    timings += time_case(
        f"entries --from {MONTH_FROM} --to {MONTH_TO} --json: plain, then encrypted",
        on_each(month),
        **session,
    )
    timings += time_case(
        "trustlog --json (dashboard): plain, then encrypted", on_each([*cli, "--json"]), **session
    )
    update = [*cli, "checkin", "--mood", "4", "--note", "Slept well.", "--json"]
    writers = {
        name: fresh_copy(home, work, f"ew-{index}")
        for index, (name, home) in enumerate(homes.items())
    }
    run_once(
        [*cli, "unlock", "--for", "600"],
        writers[f"{label}, encrypted, unlocked"],
        **secret,
        **session,
    )
    timings += time_case(
        "checkin (updates): plain, then encrypted",
        [Variant(name, home, [update] * runs) for name, home in writers.items()],
        **session,
    )
    # Without a session every command derives the key from the passphrase (scrypt).
    no_session = [Variant(f"{label}, encrypted", locked, [report] * min(runs, 3))]
    timings += time_case(
        f"report --month {MONTH} --json (TRUSTLOG_PASSPHRASE, no session)", no_session, **secret
    )
    return timings


def import_profile(top: int, rounds: int = 3) -> tuple[list[tuple[str, str, float]], list[str]]:
    """The slowest imports of `trustlog --help` (the program's own and what they pull in
    directly, fastest of `rounds` runs), and any heavy module it loaded."""
    best: dict[tuple[str, str], float] = {}
    loaded: set[str] = set()
    for _ in range(rounds):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "trustlog", "--help"],
            env=environment(None),
            capture_output=True,
            text=True,
        )
        children: list[tuple[str, float]] = []
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            _, cumulative, name = line.removeprefix("import time:").split("|")
            module, depth = name.strip(), (len(name) - len(name.lstrip()) - 1) // 2
            ms = int(cumulative) / 1000
            if module.split(".")[0] in HEAVY:
                loaded.add(module)
            # -X importtime lists a module after everything it imported.
            if depth == 1:
                children.append((module, ms))
            elif depth == 0:
                for child, child_ms in [(module, ms), *children]:
                    key = (child, "" if child == module else module)
                    best[key] = min(best.get(key, child_ms), child_ms)
                children = []
    rows = sorted(((m, parent, ms) for (m, parent), ms in best.items()), key=lambda r: -r[2])
    return rows[:top], sorted(loaded)


def report(
    timings: list[Timing],
    notes: list[str],
    runs: int,
    imports: list[tuple[str, str, float]],
    heavy: list[str],
) -> str:
    lines = [
        "| case | journal | median ms | min ms |",
        "|---|---|---:|---:|",
    ]
    for t in timings:
        lines.append(f"| `{t.case}` | {t.journal} | {t.median:.0f} | {t.fastest:.0f} |")
    lines.append("")
    lines.append(f"{runs} runs per case; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs.")
    lines += notes
    lines += ["", "| `trustlog --help` imports | imported by | cumulative ms |", "|---|---|---:|"]
    lines += [
        f"| `{module}` | {f'`{parent}`' if parent else '-'} | {ms:.1f} |"
        for module, parent, ms in imports
    ]
    lines.append("")
    if heavy:
        lines.append(f"`trustlog --help` imported {', '.join(sorted(set(heavy)))}: it should not.")
    else:
        lines.append("`trustlog --help` imports neither questionary nor prompt_toolkit.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if "--paired" in argv:  # trustlog beside jrnl and the floors: paired.py
        import paired

        return paired.main([arg for arg in argv if arg != "--paired"])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs per case (default 10)")
    parser.add_argument(
        "--journal",
        type=Path,
        help="a journal made by generate.py with its default --end (never changed)",
    )
    parser.add_argument(
        "--years",
        type=int,
        default=generate.DEFAULT_YEARS,
        help="years to generate without --journal",
    )
    parser.add_argument("--top", type=int, default=12, help="how many imports to list (default 12)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="time only the cases whose name holds TEXT (repeatable)",
    )
    args = parser.parse_args(argv)
    ONLY[:] = args.only
    if args.runs < 1 or args.runs > 25:
        parser.error("--runs: from 1 to 25, please (each check-in run needs its own day)")
    with tempfile.TemporaryDirectory(prefix="trustlog-bench-") as scratch:
        work = Path(scratch)
        big = args.journal
        if big is None:
            big = work / "big"
            print(f"Generating a {args.years}-year journal...", file=sys.stderr)
            generate.generate(big, args.years * generate.DAYS_PER_YEAR, TODAY, seed=1)
            label = f"{args.years} years"
        else:
            label = "given journal"
        print("Timing:", file=sys.stderr)
        timings, notes = benchmark(big, work, args.runs, label)
    imports, heavy = import_profile(args.top)
    print(report(timings, notes, args.runs, imports, heavy))
    return 1 if heavy else 0


if __name__ == "__main__":
    sys.exit(main())
