"""The daily reminder's job, in the system's own scheduler: its files, and starting it.

    systemd   ~/.config/systemd/user/trustlog-remind.timer and .service
    launchd   ~/Library/LaunchAgents/org.trustlog.remind.plist
    cron      the user's crontab: one line tagged `# trustlog-remind`

trustlog runs no daemon of its own: the scheduler starts `trustlog remind now`
at the chosen time. What is written here is only ever trustlog's own: two unit
files and a plist named for it, and in a crontab the one tagged line; every
other line of a crontab is kept byte for byte (python-crontab was tried, and
rewrites a person's other lines as it parses them: a `%` gained a space, a
trailing comment moved, a line it could not read was commented out).

`TRUSTLOG_SCHEDULER_DIR` (tests) puts the files in that folder, and the crontab
in its file `crontab`, and starts nothing: no systemctl, launchctl or crontab.
Each job's time of day is read back from its own files, so `status` says what
the scheduler really holds.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from trustlog.errors import JournalError
from trustlog.storage import atomic

DIR_ENV = "TRUSTLOG_SCHEDULER_DIR"
NAME = "trustlog-remind"
LABEL = "org.trustlog.remind"
TAG = f"# {NAME}"
SCHEDULERS = ("systemd", "launchd", "cron")
DESCRIPTION = "A daily reminder to check in (trustlog)"
HEADER = "# Written by `trustlog remind set`; `trustlog remind off` removes it."
RUN_SECONDS = 60  # a scheduler command that takes longer than this is stuck


@dataclass(frozen=True)
class Job:
    hour: int
    minute: int


def test_dir() -> Path | None:
    given = os.environ.get(DIR_ENV)
    return Path(given).expanduser() if given else None


def detected() -> str:
    """The scheduler this system would use: launchd on macOS, systemd where it runs, else cron."""
    import sys

    if sys.platform == "darwin":
        return "launchd"
    if Path("/run/systemd/system").is_dir() and shutil.which("systemctl"):
        return "systemd"
    return "cron"


def install(scheduler: str, job: Job, command: Sequence[str]) -> list[Path]:
    """Install (or replace) the daily job; the files written."""
    return _BACKENDS[scheduler].install(job, list(command))


def remove(scheduler: str) -> bool:
    """Remove trustlog's job and nothing else; True if there was one."""
    return _BACKENDS[scheduler].remove()


def installed(scheduler: str) -> Job | None:
    """The job as the scheduler's files hold it, or None."""
    return _BACKENDS[scheduler].installed()


# -- systemd ------------------------------------------------------------------------


class Systemd:
    @staticmethod
    def folder() -> Path:
        found = test_dir()
        if found is not None:
            return found
        config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(config) / "systemd" / "user"

    def paths(self) -> tuple[Path, Path]:
        folder = self.folder()
        return folder / f"{NAME}.timer", folder / f"{NAME}.service"

    def install(self, job: Job, command: list[str]) -> list[Path]:
        timer, service = self.paths()
        live = test_dir() is None
        if live:
            _require("systemctl", "systemd")
        _folder(timer.parent)
        with _restored_on_failure(timer, service):
            atomic.write_atomic(service, service_unit(command).encode("utf-8"))
            atomic.write_atomic(timer, timer_unit(job).encode("utf-8"))
            if live:
                _run(["systemctl", "--user", "daemon-reload"])
                _run(["systemctl", "--user", "enable", "--now", timer.name])
                # A timer already running keeps its old time until restarted.
                _run(["systemctl", "--user", "restart", timer.name])
        return [timer, service]

    def remove(self) -> bool:
        timer, service = self.paths()
        if not (timer.exists() or service.exists()):
            return False
        if test_dir() is None:
            _run(["systemctl", "--user", "disable", "--now", timer.name], check=False)
        for path in (timer, service):
            path.unlink(missing_ok=True)
        if test_dir() is None:
            _run(["systemctl", "--user", "daemon-reload"], check=False)
        return True

    def installed(self) -> Job | None:
        timer, _ = self.paths()
        text = _read(timer)
        match = re.search(r"^OnCalendar=\*-\*-\* (\d{2}):(\d{2}):00$", text or "", re.M)
        return Job(int(match[1]), int(match[2])) if match else None


def timer_unit(job: Job) -> str:
    return (
        f"{HEADER}\n[Unit]\nDescription={DESCRIPTION}\n\n"
        # Persistent: a reminder missed while the computer slept or was off comes on waking.
        f"[Timer]\nOnCalendar=*-*-* {job.hour:02d}:{job.minute:02d}:00\nPersistent=true\n"
        f"Unit={NAME}.service\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )


def service_unit(command: list[str]) -> str:
    return (
        f"{HEADER}\n[Unit]\nDescription={DESCRIPTION}\n\n"
        f"[Service]\nType=oneshot\nExecStart={' '.join(map(_systemd_quoted, command))}\n"
    )


def _systemd_quoted(arg: str) -> str:
    """One word of ExecStart: `%` and `$` would be expanded, space and quotes split."""
    escaped = arg.replace("%", "%%").replace("$", "$$")
    if re.fullmatch(r"[A-Za-z0-9_./:+@=,-]+", escaped):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- launchd ------------------------------------------------------------------------


class Launchd:
    @staticmethod
    def path() -> Path:
        folder = test_dir() or Path.home() / "Library" / "LaunchAgents"
        return folder / f"{LABEL}.plist"

    def install(self, job: Job, command: list[str]) -> list[Path]:
        path = self.path()
        live = test_dir() is None
        if live:
            _require("launchctl", "launchd")
        _folder(path.parent)
        if live:
            self._unload(path)  # the old job, so the new time is the one loaded
        with _restored_on_failure(path):
            atomic.write_atomic(path, agent_plist(job, command))
            if live:
                target = f"gui/{os.getuid()}"
                if _run(["launchctl", "bootstrap", target, str(path)], check=False) != 0:
                    _run(["launchctl", "load", "-w", str(path)])  # before macOS 10.10's verbs
        return [path]

    def remove(self) -> bool:
        path = self.path()
        if not path.exists():
            return False
        if test_dir() is None:
            self._unload(path)
        path.unlink(missing_ok=True)
        return True

    @staticmethod
    def _unload(path: Path) -> None:
        if _run(["launchctl", "bootout", f"gui/{os.getuid()}/{LABEL}"], check=False) != 0:
            _run(["launchctl", "unload", str(path)], check=False)

    def installed(self) -> Job | None:
        data = _read_bytes(self.path())
        if data is None:
            return None
        try:
            interval = plistlib.loads(data).get("StartCalendarInterval", {})
            return Job(int(interval["Hour"]), int(interval["Minute"]))
        except (plistlib.InvalidFileException, ValueError, KeyError, TypeError, AttributeError):
            return None


def agent_plist(job: Job, command: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": LABEL,
            "ProgramArguments": command,
            # launchd runs a job whose time passed during sleep when the Mac wakes.
            "StartCalendarInterval": {"Hour": job.hour, "Minute": job.minute},
            "ProcessType": "Background",
        }
    )


# -- cron ---------------------------------------------------------------------------


class Cron:
    @staticmethod
    def test_file() -> Path | None:
        folder = test_dir()
        return folder / "crontab" if folder is not None else None

    def read(self) -> str:
        path = self.test_file()
        if path is not None:
            return _read(path) or ""
        _require("crontab", "cron")
        done = _capture(["crontab", "-l"])
        # `crontab -l` fails when the person has no crontab yet: that is an empty one.
        return done.stdout if done.returncode == 0 else ""

    def write(self, text: str) -> None:
        path = self.test_file()
        if path is not None:
            _folder(path.parent)
            atomic.write_atomic(path, text.encode("utf-8"))
            return
        _run(["crontab", "-"], given=text)

    def install(self, job: Job, command: list[str]) -> list[Path]:
        kept = without_ours(self.read())
        self.write(kept + cron_line(job, command) + "\n")
        path = self.test_file()
        return [path] if path is not None else []

    def remove(self) -> bool:
        text = self.read()
        kept = without_ours(text)
        if kept == text:
            return False
        self.write(kept)
        return True

    def installed(self) -> Job | None:
        for line in self.read().splitlines():
            if line.rstrip().endswith(TAG):
                fields = line.split()
                if fields[0].isdigit() and fields[1].isdigit():
                    return Job(int(fields[1]), int(fields[0]))
        return None


def cron_line(job: Job, command: list[str]) -> str:
    import shlex

    # In a crontab `%` ends the command (the rest is its input): escaped, it is a `%`.
    words = " ".join(shlex.quote(arg).replace("%", "\\%") for arg in command)
    return f"{job.minute} {job.hour} * * * {words} {TAG}"


def without_ours(text: str) -> str:
    """The crontab without trustlog's tagged line; every other line exactly as it was."""
    lines = text.splitlines(keepends=True)
    kept = "".join(line for line in lines if not line.rstrip().endswith(TAG))
    return kept if not kept or kept.endswith("\n") else kept + "\n"


# -- shared -------------------------------------------------------------------------


_BACKENDS: dict[str, Systemd | Launchd | Cron] = {
    "systemd": Systemd(),
    "launchd": Launchd(),
    "cron": Cron(),
}


def _require(program: str, name: str) -> None:
    if shutil.which(program) is None:
        others = "|".join(other for other in SCHEDULERS if other != name)
        raise JournalError(
            f"There is no `{program}` program here, so {name} cannot run a reminder.",
            hint=f"Nothing was changed. TRUSTLOG_SCHEDULER={others} chooses another scheduler.",
        )


@contextmanager
def _restored_on_failure(*paths: Path) -> Iterator[None]:
    """If the scheduler refuses the new job, its files go back to what they were."""
    before = {path: _read_bytes(path) for path in paths}
    try:
        yield
    except BaseException:
        for path, data in before.items():
            with contextlib.suppress(OSError):
                if data is None:
                    path.unlink(missing_ok=True)
                else:
                    atomic.write_atomic(path, data)
        raise


def _folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=atomic.FOLDER_MODE)


def _read(path: Path) -> str | None:
    data = _read_bytes(path)
    return None if data is None else data.decode("utf-8", "replace")


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalError(f"Could not read {path}: {error.strerror}.") from None


def _capture(args: list[str], given: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            args,
            input=given,
            stdin=None if given is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=RUN_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise JournalError(
            f"Could not run `{' '.join(args)}`: {error}.",
            hint="Nothing was changed; `trustlog remind status` says what is set.",
        ) from None


def _run(args: list[str], check: bool = True, given: str | None = None) -> int:
    done = _capture(args, given)
    if check and done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise JournalError(
            f"`{' '.join(args)}` failed" + (f": {said[-1]}" if said else "."),
            hint="The reminder is as it was; `trustlog remind status` says what is set.",
        )
    return done.returncode
