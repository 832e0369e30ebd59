"""`trustlog export --format pdf`: printed by the person's own browser, or told how to print.

The first tests use the real Chromium (failing, not skipping, without it:
tests/support/printing.py). The others put a stand-in browser first on PATH, to see
what trustlog hands a browser and what it does when one fails, hangs or is
stopped. Today is Tuesday 2026-11-24 (conftest).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW
from tests.support import printing
from tests.support.report_journal import checkin, trigger
from trustlog.render.export import pdf

FAKE_BROWSER = """#!{python}
# A stand-in browser: records what it was given, then does what FAKE_MODE says.
import json, os, stat, subprocess, sys, time
args = sys.argv[1:]
page = args[-1].removeprefix("file://")
folder = os.path.dirname(page)
target = next(a.split("=", 1)[1] for a in args if a.startswith("--print-to-pdf="))
mode = os.environ.get("FAKE_MODE", "print")
helper = subprocess.Popen(["sleep", "300"]) if mode == "hang" else None
record = {{
    "args": args,
    "folder_mode": stat.S_IMODE(os.stat(folder).st_mode),
    "page_mode": stat.S_IMODE(os.stat(page).st_mode),
    "page": open(page, encoding="utf-8").read(),
    "helper": helper.pid if helper else None,
    "pid": os.getpid(),
    "umask": os.umask(0o022),
}}
with open(os.environ["FAKE_LOG"], "w") as log:
    json.dump(record, log)
if mode == "print":
    open(target, "wb").write(b"%PDF-1.4 a stand-in\\n")
elif mode == "fail":
    sys.exit(3)
elif mode == "hang":
    time.sleep(300)
"""


@pytest.fixture
def lived(journal):
    checkin(journal, "2026-11-02", mood=2, trust=3, feeling="shaky", arguments=["money"])
    checkin(journal, "2026-11-12", mood=1, trust=1, private=True, note="Only for me to read")
    trigger(journal, "2026-11-05 19:00", "2026-11-05 19:40", what="A phone lit up")
    return journal


@pytest.fixture
def scratch(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, watched: the scratch folder must not stay behind."""
    where = tmp_path / "tmp"
    where.mkdir()
    monkeypatch.setenv("TMPDIR", str(where))
    monkeypatch.setattr(tempfile, "tempdir", str(where))
    return where


@pytest.fixture
def fake(tmp_path, monkeypatch):
    """A stand-in `chromium` alone on PATH; returns a function giving what it recorded."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    script = bin_folder / "chromium"
    script.write_text(FAKE_BROWSER.format(python=sys.executable))
    script.chmod(0o755)
    log = tmp_path / "browser.json"
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setenv("FAKE_LOG", str(log))

    def recorded() -> dict:
        return json.loads(log.read_text())

    recorded.log = log  # type: ignore[attr-defined]
    return recorded


def test_printed_by_the_real_browser_0600_summary_first(cli, lived, folder, scratch):
    printing.require("chromium")
    run = cli("export", "--format", "pdf", "--output", "session.pdf", "--agenda", "Sleep")
    assert run.exit_code == 0, run.stderr
    assert "Wrote session.pdf" in run.stderr
    written = folder / "session.pdf"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    pages = printing.pages(written)
    assert "To look at first" in pages[0] and "Sleep" in pages[0]
    assert "Monday 2 November 2026" in "".join(pages[1:])
    assert "Only for me to read" not in "".join(pages)
    assert list(scratch.iterdir()) == []  # the page it printed is gone
    assert [p.name for p in folder.iterdir()] == ["session.pdf"]


def test_to_stdout_and_never_over_a_file_without_force(lived, folder, scratch, home):
    printing.require("chromium")
    env = {**os.environ, "TRUSTLOG_HOME": str(home), "TRUSTLOG_NOW": FIXED_NOW}
    done = subprocess.run(
        [sys.executable, "-m", "trustlog", "export", "--format", "pdf", "--output", "-"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and done.stderr == b""
    target = folder / "mine.pdf"
    target.write_bytes(b"my own file")
    args = [sys.executable, "-m", "trustlog", "export", "--format", "pdf", "--output", "mine.pdf"]
    refused = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert refused.returncode == 2 and "already there" in refused.stderr
    assert target.read_bytes() == b"my own file"
    forced = subprocess.run([*args, "--force"], capture_output=True, env=env, check=False)
    assert forced.returncode == 0 and target.read_bytes().startswith(b"%PDF-")


def test_no_browser_says_how_to_print_the_html_instead(cli, lived, folder, scratch, monkeypatch):
    monkeypatch.setenv("PATH", "")
    run = cli("export", "--format", "pdf", "--output", "session.pdf")
    assert run.exit_code == 2
    assert "--format pdf: I could not find Chromium, Google Chrome, Brave" in run.stderr
    assert "trustlog export --format html" in run.stderr and "Save as PDF" in run.stderr
    assert "Nothing was written." in run.stderr and "Traceback" not in run.stderr
    assert list(folder.iterdir()) == [] and list(scratch.iterdir()) == []


def test_what_the_browser_is_given_private_and_offline(cli, lived, folder, scratch, fake):
    run = cli("export", "--format", "pdf", "--output", "session.pdf")
    assert run.exit_code == 0, run.stderr
    assert (folder / "session.pdf").read_bytes() == b"%PDF-1.4 a stand-in\n"
    seen = fake()
    assert seen["folder_mode"] == 0o700 and seen["page_mode"] == 0o600
    args = seen["args"]
    assert args[0] == "--headless"
    for flag in (
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--no-first-run",
        "--no-pdf-header-footer",
    ):
        assert flag in args, flag
    profile = next(a.split("=", 1)[1] for a in args if a.startswith("--user-data-dir="))
    assert Path(profile).parent == Path(args[-1].removeprefix("file://")).parent
    assert Path(profile).parent.parent == scratch  # the throw-away profile is in it too
    assert ("--no-sandbox" in args) == (os.geteuid() == 0)
    assert seen["umask"] == 0o077  # what the browser writes is private too
    assert "@page { size:" in seen["page"] and "A phone lit up" in seen["page"]
    assert "Only for me to read" not in seen["page"]
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize(
    ("mode", "says"),
    [("fail", "could not print the PDF (it stopped with code 3)"), ("nothing", "made no PDF")],
)
def test_a_browser_that_fails_writes_nothing(
    cli, lived, folder, scratch, fake, monkeypatch, mode, says
):
    monkeypatch.setenv("FAKE_MODE", mode)
    run = cli("export", "--format", "pdf", "--output", "session.pdf")
    assert run.exit_code == 1
    assert says in run.stderr and "trustlog export --format html" in run.stderr
    assert "Traceback" not in run.stderr
    assert list(folder.iterdir()) == [] and list(scratch.iterdir()) == []


def _gone(pid: int) -> bool:
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if Path(f"/proc/{pid}/stat").exists() and ") Z " in Path(f"/proc/{pid}/stat").read_text():
            return True  # a zombie: stopped, waiting for init to reap it
        time.sleep(0.1)
    return False


def test_a_browser_that_hangs_is_stopped_with_its_helpers(
    cli, lived, folder, scratch, fake, monkeypatch
):
    monkeypatch.setenv("FAKE_MODE", "hang")
    monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 2.0)
    run = cli("export", "--format", "pdf", "--output", "session.pdf")
    assert run.exit_code == 1
    assert "took longer than 2 seconds to print the PDF, so I stopped it" in run.stderr
    assert list(folder.iterdir()) == [] and list(scratch.iterdir()) == []
    assert _gone(fake()["helper"])


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_stopped_halfway_nothing_stays_behind(lived, folder, scratch, fake, home, stop):
    env = {
        **os.environ,
        "TRUSTLOG_HOME": str(home),
        "TRUSTLOG_NOW": FIXED_NOW,
        "FAKE_MODE": "hang",
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "trustlog", "export", "--format", "pdf", "--output", "s.pdf"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    for _ in range(200):
        if fake.log.exists() and fake.log.stat().st_size:
            break
        time.sleep(0.05)
    assert fake()["helper"], "the stand-in browser never started"
    child.send_signal(stop)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 130, err
    assert "Stopped. Nothing was saved." in err and "Traceback" not in err
    assert list(folder.iterdir()) == [] and list(scratch.iterdir()) == []
    assert _gone(fake()["helper"])


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "A4"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "A4"),
        ({"LC_ALL": "en_US", "LC_PAPER": "de_DE.UTF-8"}, "letter"),
        ({"LANG": "C"}, "A4"),
        ({}, "A4"),
    ],
)
def test_letter_where_the_locale_uses_it_else_a4(environ, paper):
    assert pdf.paper(environ) == paper


def test_killed_outright_the_browser_stops_and_the_next_run_tidies_up(
    lived, folder, scratch, fake, home
):
    env = {
        **os.environ,
        "TRUSTLOG_HOME": str(home),
        "TRUSTLOG_NOW": FIXED_NOW,
        "FAKE_MODE": "hang",
    }
    args = [sys.executable, "-m", "trustlog", "export", "--format", "pdf", "--output", "s.pdf"]
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    for _ in range(200):
        if fake.log.exists() and fake.log.stat().st_size:
            break
        time.sleep(0.05)
    browser, helper = fake()["pid"], fake()["helper"]
    child.kill()  # kill -9: no clean-up can run
    child.wait()
    assert _gone(browser)  # the browser does not go on printing
    os.kill(helper, signal.SIGKILL)  # (a real browser's helpers stop with it; this one's not)
    [left] = scratch.iterdir()
    assert left.name.startswith(f"trustlog-pdf-{child.pid}-")
    alive = scratch / f"trustlog-pdf-{os.getpid()}-mine"  # a run still going: left alone
    alive.mkdir(mode=0o700)

    env["FAKE_MODE"] = "print"
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert list(scratch.iterdir()) == [alive]
