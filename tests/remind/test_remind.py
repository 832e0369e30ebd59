"""`trustlog remind`: the daily reminder's job in each scheduler, set, replaced, off and
read back; `remind now` quiet on a day with its check-in, and never asking a passphrase.

No test touches a real scheduler: conftest points TRUSTLOG_SCHEDULER_DIR at the
test's own folder, where the files are written and nothing is started. The
systemd units are checked by `systemd-analyze verify` (installed by .ci/run),
the plist by plistlib, the crontab line by python-crontab's parser.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest

from tests.support.encrypted import copy_to, templates
from trustlog.storage import scheduler

SCHEDULERS = ("systemd", "launchd", "cron")
FILES = {
    "systemd": ["trustlog-remind.service", "trustlog-remind.timer"],
    "launchd": ["org.trustlog.remind.plist"],
    "cron": ["crontab"],
}


@pytest.fixture
def folder(isolated) -> Path:
    return Path(os.environ["TRUSTLOG_SCHEDULER_DIR"])


@pytest.fixture(params=SCHEDULERS)
def chosen(request, monkeypatch) -> str:
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", request.param)
    return request.param


def job_words(chosen: str, folder: Path) -> list[str]:
    """The command the scheduler would run, read back from its own file."""
    if chosen == "systemd":
        text = (folder / "trustlog-remind.service").read_text()
        (line,) = [line for line in text.splitlines() if line.startswith("ExecStart=")]
        return shlex.split(line.removeprefix("ExecStart=").replace("%%", "%").replace("$$", "$"))
    if chosen == "launchd":
        return plistlib.loads((folder / "org.trustlog.remind.plist").read_bytes())[
            "ProgramArguments"
        ]
    from crontab import CronTab

    (job,) = CronTab(tab=(folder / "crontab").read_text()).find_comment("trustlog-remind")
    return shlex.split(job.command.replace("\\%", "%"))


# -- set, replace, status, off, for each scheduler ------------------------------------


def test_nothing_is_set_at_first(cli, chosen, folder):
    assert cli("remind", "status", "--json").json() == {"time": None, "scheduler": None}
    assert not folder.exists()


def test_set_then_status(cli, chosen, folder, home):
    assert cli("remind", "set", "20:30", "--json").json() == {"time": "20:30", "scheduler": chosen}
    assert cli("remind", "status", "--json").json() == {"time": "20:30", "scheduler": chosen}
    assert sorted(p.name for p in folder.iterdir()) == FILES[chosen]
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    words = job_words(chosen, folder)
    assert words == [sys.executable, "-m", "trustlog", "--journal", str(home), "remind", "now"]


def test_setting_again_replaces_never_duplicates(cli, chosen, folder):
    cli("remind", "set", "20:30")
    run = cli("remind", "set", "7:05")
    assert run.exit_code == 0
    assert "at 07:05 (it was 20:30)" in run.stderr
    assert cli("remind", "status", "--json").json() == {"time": "07:05", "scheduler": chosen}
    assert sorted(p.name for p in folder.iterdir()) == FILES[chosen]
    if chosen == "cron":
        assert (folder / "crontab").read_text().count("trustlog-remind") == 1


def test_off_removes_it(cli, chosen, folder):
    cli("remind", "set", "20:30")
    run = cli("remind", "off")
    assert run.exit_code == 0 and "The 20:30 reminder is off" in run.stderr
    assert cli("remind", "status", "--json").json() == {"time": None, "scheduler": None}
    left = [p.name for p in folder.iterdir()]
    assert left == (["crontab"] if chosen == "cron" else [])
    again = cli("remind", "off")
    assert again.exit_code == 0 and "There was no reminder to turn off" in again.stderr


def test_the_job_is_named_in_full_whatever_the_journals_name(cli, chosen, folder, tmp_path):
    odd = tmp_path / 'my journal 100% $HOME "quoted" it\'s'
    assert cli("--journal", str(odd), "remind", "set", "21:00").exit_code == 0
    assert job_words(chosen, folder)[3:5] == ["--journal", str(odd)]


@pytest.mark.parametrize("given", ["24:00", "20:60", "8pm", "", "20:3", "-1:00"])
def test_a_time_that_is_not_one_is_bad_input(cli, chosen, folder, given):
    run = cli("remind", "set", given)
    assert run.exit_code == 2
    assert "HH:MM" in run.stderr and "Traceback" not in run.stderr
    assert not folder.exists()


def test_an_unknown_scheduler_is_bad_input(cli, folder, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "anacron")
    run = cli("remind", "set", "20:30")
    assert run.exit_code == 2 and "TRUSTLOG_SCHEDULER" in run.stderr
    assert not folder.exists()


def test_the_default_scheduler_is_this_systems(cli, folder, monkeypatch):
    cli("remind", "set", "20:30")
    assert cli("remind", "status", "--json").json()["scheduler"] == scheduler.detected()


# -- each scheduler's files --------------------------------------------------------------


def test_the_systemd_units_pass_systemd_analyze_verify(cli, folder, monkeypatch, tmp_path):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "systemd")
    odd = tmp_path / "a journal 100% $x"
    cli("--journal", str(odd), "remind", "set", "06:45")
    timer = (folder / "trustlog-remind.timer").read_text()
    assert "OnCalendar=*-*-* 06:45:00\n" in timer and "Persistent=true\n" in timer
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is needed (Debian's systemd package; .ci/run installs it)"
    done = subprocess.run(
        [analyze, "--user", "verify", "trustlog-remind.timer", "trustlog-remind.service"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_systemd_analyze_sees_a_broken_unit(folder, tmp_path):
    """The check above can fail: a time out of range is refused."""
    folder.mkdir()
    (folder / "trustlog-remind.timer").write_text(scheduler.timer_unit(scheduler.Job(27, 0)))
    (folder / "trustlog-remind.service").write_text(scheduler.service_unit(["/bin/true"]))
    done = subprocess.run(
        ["systemd-analyze", "--user", "verify", "trustlog-remind.timer"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0 and "calendar specification" in done.stderr


def test_the_launchd_plist_parses(cli, folder, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "launchd")
    cli("remind", "set", "21:05")
    data = plistlib.loads((folder / "org.trustlog.remind.plist").read_bytes())
    assert data["Label"] == "org.trustlog.remind"
    assert data["StartCalendarInterval"] == {"Hour": 21, "Minute": 5}
    assert data["ProgramArguments"][-2:] == ["remind", "now"]


def test_the_crontab_keeps_every_other_line_byte_for_byte(cli, folder, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "cron")
    folder.mkdir()
    theirs = (
        "SHELL=/bin/bash\n  # indented comment\n@reboot   /x   --y\n"
        '*/5 1-3 * * mon-fri  echo "a%b"   # c\n0 0 * * * tail\n'
    )
    (folder / "crontab").write_text(theirs)
    cli("remind", "set", "20:30")
    cli("remind", "set", "21:30")
    text = (folder / "crontab").read_text()
    assert text.startswith(theirs)
    from crontab import CronTab

    (job,) = CronTab(tab=text).find_comment("trustlog-remind")
    assert str(job.slices) == "30 21 * * *" and job.is_valid()
    cli("remind", "off")
    assert (folder / "crontab").read_text() == theirs


def test_a_crontab_without_a_final_newline_keeps_its_last_line(cli, folder, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "cron")
    folder.mkdir()
    (folder / "crontab").write_text("0 0 * * * mine")
    cli("remind", "set", "20:30")
    lines = (folder / "crontab").read_text().splitlines()
    assert lines[0] == "0 0 * * * mine" and lines[1].startswith("30 20 * * * ")


# -- remind now -------------------------------------------------------------------------


@pytest.fixture
def notifier(tmp_path, monkeypatch) -> Path:
    """A `notify-send` that writes down what it was asked to show."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    shown = tmp_path / "shown"
    fake = bin_folder / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{shown}"\necho >> "{shown}"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    monkeypatch.setattr(sys, "platform", "linux")
    return shown


def test_a_day_without_its_checkin_gets_a_discreet_notification(cli, notifier):
    cli("checkin", "--date", "2026-11-23", "--mood", "2", "--note", "lighthouse")
    run = cli("remind", "now", "--json")
    assert run.json() == {"date": "2026-11-24", "checked_in": False, "shown": "notify-send"}
    (line,) = notifier.read_text().splitlines()
    assert line.split("|")[-3:-1] == ["trustlog", "A few minutes for today's check-in"]
    assert "lighthouse" not in line


def test_already_done_today_stays_quiet(cli, notifier):
    cli("checkin", "--mood", "4", "--note", "lighthouse")
    run = cli("remind", "now", "--json")
    assert run.json() == {"date": "2026-11-24", "checked_in": True, "shown": None}
    assert not notifier.exists()
    quiet = cli("remind", "now")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_today_is_the_day_of_the_moment_the_job_runs(cli, notifier, at):
    cli("checkin", "--mood", "4")
    at("2026-11-25T20:00:00+00:00")
    assert cli("remind", "now", "--json").json()["checked_in"] is False


def test_before_the_day_ends_the_evening_before_is_still_today(cli, notifier, at):
    cli("checkin", "--mood", "4")  # Tuesday 24 November, 20:00
    at("2026-11-25T01:30:00+00:00")  # the day ends at 04:00 by default
    assert cli("remind", "now", "--json").json() == {
        "date": "2026-11-24",
        "checked_in": True,
        "shown": None,
    }
    assert cli("init", "--day-ends", "00:00").exit_code == 0
    assert cli("remind", "now", "--json").json()["date"] == "2026-11-25"


def test_without_a_desktop_the_words_go_to_stderr(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))  # no notify-send
    monkeypatch.setattr(sys, "platform", "linux")
    run = cli("remind", "now")
    assert (run.exit_code, run.stdout) == (0, "")
    assert run.stderr == "A few minutes for today's check-in.\n"


def test_a_notifier_that_fails_falls_back_to_stderr(cli, notifier, monkeypatch):
    notifier.parent.joinpath("bin", "notify-send").write_text("#!/bin/sh\nexit 1\n")
    assert cli("remind", "now", "--json").json()["shown"] is None


def test_a_journal_not_made_yet_is_reminded_and_not_created(cli, notifier, home):
    assert cli("remind", "now", "--json").json()["checked_in"] is False
    assert not home.exists()


@pytest.fixture
def locked(cli, home, tmp_path_factory, monkeypatch):
    """The varied journal, encrypted, no session and no passphrase anywhere."""
    _, encrypted, _ = templates(cli, tmp_path_factory, monkeypatch)
    copy_to(encrypted, home)
    monkeypatch.delenv("TRUSTLOG_PASSPHRASE", raising=False)
    return home


def test_a_locked_journal_is_answered_from_file_names_without_a_passphrase(
    cli, locked, notifier, at
):
    # The varied journal has a check-in on 2026-11-20 and none on 2026-11-24.
    assert cli("remind", "now", "--json").json()["checked_in"] is False
    at("2026-11-20T21:00:00+00:00")
    run = cli("remind", "now", "--json")
    assert run.json() == {"date": "2026-11-20", "checked_in": True, "shown": None}
    # Its settings (the day's end among them) are sealed: the default end, 04:00.
    at("2026-11-21T03:00:00+00:00")
    assert cli("remind", "now", "--json").json()["date"] == "2026-11-20"


def test_a_locked_journal_never_waits_in_a_terminal(locked, notifier):
    import pexpect

    env = {**os.environ}
    child = pexpect.spawn(
        sys.executable, ["-m", "trustlog", "remind", "now"], env=env, encoding="utf-8", timeout=20
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "assphrase" not in (child.before or "")
    assert "A few minutes for today's check-in" in notifier.read_text()


def test_the_job_command_runs_as_the_scheduler_would(cli, chosen, folder, notifier):
    """The words read back from the scheduler's file, run with no terminal: it reminds."""
    cli("remind", "set", "20:30")
    words = job_words(chosen, folder)
    done = subprocess.run(words, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert "A few minutes for today's check-in" in notifier.read_text()


# -- the calendar ---------------------------------------------------------------------------


def test_the_calendar_gains_the_daily_checkin_with_an_alarm(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "cron")
    output = tmp_path / "r.ics"
    assert cli("calendar", "--output", str(output)).exit_code == 0
    assert "checkin-daily@trustlog" not in output.read_text()

    cli("remind", "set", "21:15")
    cli("calendar", "--output", str(output), "--force")
    calendar = icalendar.Calendar.from_ical(output.read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]) == "checkin-daily@trustlog"]
    start = event.decoded("dtstart")
    assert (start.date().isoformat(), start.hour, start.minute) == ("2026-11-24", 21, 15)
    assert event.decoded("duration") == timedelta(minutes=10)
    assert event["rrule"]["FREQ"] == ["DAILY"]
    assert str(event["summary"]) == "Check-in"
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(0)
    assert "description" not in event

    cli("calendar", "--output", str(output), "--force", "--discreet")
    calendar = icalendar.Calendar.from_ical(output.read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["uid"]) == "checkin-daily@trustlog"]
    assert str(event["summary"]) == "Reminder"

    cli("remind", "off")
    cli("calendar", "--output", str(output), "--force")
    assert "checkin-daily@trustlog" not in output.read_text()


def test_remind_help_says_how_to_turn_it_off(cli):
    run = cli("remind", "--help")
    assert run.exit_code == 0 and "trustlog remind off" not in run.stderr
    assert "off" in run.stdout and "now" not in run.stdout.split("Commands:")[1]


# -- the real schedulers' commands, played by fakes on PATH -----------------------------


@pytest.fixture
def live(tmp_path, monkeypatch) -> Path:
    """No TRUSTLOG_SCHEDULER_DIR: the scheduler's programs run, but they are fakes that
    write down how they were called, and every folder is the test's own."""
    monkeypatch.delenv("TRUSTLOG_SCHEDULER_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    bin_folder = tmp_path / "fakebin"
    bin_folder.mkdir()
    calls = tmp_path / "calls"
    table = tmp_path / "user-crontab"
    for program in ("systemctl", "launchctl"):
        fake = bin_folder / program
        fake.write_text(f'#!/bin/sh\necho "{program} $*" >> "{calls}"\n')
        fake.chmod(0o755)
    crontab = bin_folder / "crontab"
    crontab.write_text(
        "#!/bin/sh\n"
        f'echo "crontab $*" >> "{calls}"\n'
        f'if [ "$1" = "-l" ]; then [ -f "{table}" ] || {{ echo "no crontab" >&2; exit 1; }}; '
        f'cat "{table}"; else cat > "{table}"; fi\n'
    )
    crontab.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_folder}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def calls_of(live: Path) -> list[str]:
    path = live / "calls"
    return path.read_text().splitlines() if path.exists() else []


def test_systemd_is_reloaded_enabled_and_started(cli, live, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "systemd")
    assert cli("remind", "set", "20:30").exit_code == 0
    units = live / "home" / ".config" / "systemd" / "user"
    assert sorted(p.name for p in units.iterdir()) == FILES["systemd"]
    assert calls_of(live) == [
        "systemctl --user daemon-reload",
        "systemctl --user enable --now trustlog-remind.timer",
        "systemctl --user restart trustlog-remind.timer",
    ]
    (live / "calls").unlink()
    assert cli("remind", "off").exit_code == 0
    assert calls_of(live) == [
        "systemctl --user disable --now trustlog-remind.timer",
        "systemctl --user daemon-reload",
    ]
    assert list(units.iterdir()) == []


def test_a_scheduler_that_refuses_leaves_the_reminder_as_it_was(cli, live, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "systemd")
    assert cli("remind", "set", "20:30").exit_code == 0
    (live / "fakebin" / "systemctl").write_text(
        "#!/bin/sh\necho 'Failed to connect to bus: No medium found' >&2\nexit 1\n"
    )
    run = cli("remind", "set", "07:00")
    assert run.exit_code == 1
    assert "Failed to connect to bus" in run.stderr and "Traceback" not in run.stderr
    assert cli("remind", "status", "--json").json() == {"time": "20:30", "scheduler": "systemd"}
    cli("remind", "off")
    assert cli("remind", "set", "07:00").exit_code == 1
    units = live / "home" / ".config" / "systemd" / "user"
    assert list(units.iterdir()) == []  # nothing left half-installed


def test_launchd_is_booted_in_and_out(cli, live, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "launchd")
    assert cli("remind", "set", "20:30").exit_code == 0
    plist = live / "home" / "Library" / "LaunchAgents" / "org.trustlog.remind.plist"
    uid = os.getuid()
    assert calls_of(live) == [
        f"launchctl bootout gui/{uid}/org.trustlog.remind",
        f"launchctl bootstrap gui/{uid} {plist}",
    ]
    assert cli("remind", "off").exit_code == 0
    assert calls_of(live)[-1] == f"launchctl bootout gui/{uid}/org.trustlog.remind"
    assert not plist.exists()


def test_cron_reads_and_writes_the_users_crontab(cli, live, monkeypatch):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "cron")
    assert cli("remind", "status", "--json").json()["time"] is None  # no crontab yet
    (live / "user-crontab").write_text("0 0 * * * mine\n")
    assert cli("remind", "set", "20:30").exit_code == 0
    text = (live / "user-crontab").read_text()
    assert text.startswith("0 0 * * * mine\n30 20 * * * ") and text.endswith("# trustlog-remind\n")
    assert cli("remind", "off").exit_code == 0
    assert (live / "user-crontab").read_text() == "0 0 * * * mine\n"


def test_no_scheduler_program_is_a_clear_error(cli, live, monkeypatch, tmp_path):
    monkeypatch.setenv("TRUSTLOG_SCHEDULER", "cron")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    run = cli("remind", "set", "20:30")
    assert run.exit_code == 1
    assert "There is no `crontab` program here" in run.stderr
    assert "TRUSTLOG_SCHEDULER=systemd|launchd" in run.stderr
