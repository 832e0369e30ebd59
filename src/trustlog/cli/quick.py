"""The `trustlog` command's first step: a sync with nothing to do, answered at once.

`trustlog sync` run often (by hand, from a timer, before closing a laptop)
mostly finds both sides in step. Answering that through typer costs several
times what `git status` of the journal costs, the yardstick the sync is held
to (docs/sync.md, "How fast"). So a command line that is a plain `sync` (with
`--journal`, `--no-input`, `--no-color`, `--json` as usual) is first looked at
here, on the standard library's lightest modules: if this device is provably
in step with its remote (domain/sync/quick.py), it says so and ends. Every
other command line, and every sync with anything to do or any doubt, goes on to
cli/app.py as before, which does the whole of it; nothing is done twice but the
look itself.
"""

from __future__ import annotations

import gc
import os
import sys

GLOBAL_FLAGS = ("--no-input", "--no-color")


def main() -> None:
    # Starting up allocates tens of thousands of objects and frees almost none, so the
    # cyclic garbage collector would walk them some thirty times (4-6 ms) for nothing.
    # It is off while the command loads; cli/group.py's `loaded` turns it back on
    # before the command itself runs.
    gc.disable()
    if not answered(sys.argv[1:]):
        from trustlog.cli.app import main as whole

        if sys.argv[1:] not in (["--help"], ["-h"]):
            whole()
            return
        try:
            whole()
        except SystemExit as done:
            _help_said(done)


def _help_said(done: SystemExit) -> None:
    """`trustlog --help` is written: end the process now. It opened no file and left
    nothing to tidy, and Python's own tidying at exit (freeing every module of typer and
    click one by one, about 7 ms) would be a tenth of the whole; `python -c "import
    typer"` pays it, jrnl's --help too. Anything unusual ends the usual way."""
    if not isinstance(done.code, int | None):
        raise done
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        raise done from None
    os._exit(done.code or 0)


def answered(args: list[str]) -> bool:
    """Whether `args` were a sync with nothing to do, now said; False: nothing was
    written, and the whole command runs."""
    asked = _plain_sync(args)
    if asked is None:
        return False
    journal, no_input, json = asked
    try:
        root = _journal_root(journal)
        from trustlog.domain.sync.quick import nothing_to_do

        batch = no_input or not (sys.stdin.isatty() and sys.stdout.isatty())
        remote = nothing_to_do(root, batch, _now())
        if remote is None:
            return False
        from trustlog.render.insync import tell_in_step

        return tell_in_step(remote, json)
    except KeyboardInterrupt:
        sys.stderr.write("trustlog: Stopped. Nothing was saved.\n")
        raise SystemExit(130) from None
    except (OSError, ValueError):
        return False  # the whole command meets it again, and says what it is


def _plain_sync(args: list[str]) -> tuple[str | None, bool, bool] | None:
    """(--journal, --no-input, --json) of `[GLOBAL OPTIONS] sync [--json]`; None for any
    other command line (help, completion, another command, anything unusual)."""
    if "_TRUSTLOG_COMPLETE" in os.environ:
        return None
    journal: str | None = None
    no_input = False
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--journal" and index + 1 < len(args):
            journal = args[index + 1]
            index += 2
            continue
        if arg.startswith("--journal="):
            journal = arg.removeprefix("--journal=")
        elif arg in GLOBAL_FLAGS:
            no_input |= arg == "--no-input"
        else:
            break
        index += 1
    rest = args[index:]
    if rest not in (["sync"], ["sync", "--json"]):
        return None
    if journal is not None and not journal.strip():
        return None  # refused, with words, by the whole command
    return journal, no_input, rest == ["sync", "--json"]


def _now() -> str:
    """clock.now().isoformat(), from the `time` module: clock.py's datetime and typing
    cost more than the rest of this look (TRUSTLOG_NOW, for tests, goes through it)."""
    if os.environ.get("TRUSTLOG_NOW"):
        from trustlog.clock import now

        return now().isoformat()
    import time

    moment = time.localtime()
    offset = moment.tm_gmtoff or 0
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset) // 60, 60)
    return f"{time.strftime('%Y-%m-%dT%H:%M:%S', moment)}{sign}{hours:02d}:{minutes:02d}"


def _journal_root(journal: str | None) -> str:
    """paths.journal_dir, as an absolute path (without pathlib, which costs more here)."""
    if journal is None:
        journal = os.environ.get("TRUSTLOG_HOME") or None
    if journal is None:
        journal = _usual_data_dir()
    if journal is None:
        from trustlog.paths import journal_dir

        return os.path.abspath(journal_dir())
    return os.path.abspath(os.path.expanduser(journal))


def _usual_data_dir() -> str | None:
    """platformdirs' user data folder for trustlog in the plain Linux cases, where every
    version of it agrees (an absolute XDG_DATA_HOME, or none and an absolute HOME): its
    import costs about a third of this whole look. Anything else asks platformdirs."""
    if not sys.platform.startswith("linux") or "ANDROID_DATA" in os.environ:
        return None
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg is not None:
        return os.path.join(xdg, "trustlog") if os.path.isabs(xdg) else None
    home = os.environ.get("HOME", "")
    return os.path.join(home, ".local", "share", "trustlog") if os.path.isabs(home) else None
