"""The reminder's words: what `remind set|off|status` tell, and the notification itself.

The notification is shown by the desktop's own program: `notify-send` (libnotify,
on every Linux desktop that shows notifications) or macOS's `osascript`. A
library such as desktop-notifier would bring an asyncio D-Bus stack to talk to
the same notification service; the programs need no dependency, no event loop,
and say by their exit code whether it worked. Its words are fixed and discreet,
never anything from the journal.

A job that cron starts has no desktop session in its environment: when
`DBUS_SESSION_BUS_ADDRESS` is missing, the person's own session bus is looked
for where systemd puts it (`/run/user/UID/bus`). Where no notification can be
shown at all (no program, no session, a server), the words go to stderr: the
user journal keeps them for a systemd job (`journalctl --user`), and cron mails
them to the person where mail is set up.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from trustlog.domain.remind import Installed, Reminder, Today
from trustlog.render.output import Output

TITLE = "trustlog"
WORDS = "A few minutes for today's check-in"
SHOW_SECONDS = 30  # a notification program that takes longer is stuck


def notify() -> str | None:
    """Show the reminder; the program that showed it, or None if none could."""
    if sys.platform == "darwin":
        script = f'display notification "{WORDS}" with title "{TITLE}"'
        return "osascript" if _ran(["osascript", "-e", script], os.environ) else None
    env = dict(os.environ)
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        bus = Path(f"/run/user/{os.getuid()}/bus")
        if not bus.exists():
            return None
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
    command = ["notify-send", "--app-name", TITLE, "--icon", "appointment-soon", TITLE, WORDS]
    return "notify-send" if _ran(command, env) else None


def _ran(command: list[str], env: dict[str, str] | os._Environ[str]) -> bool:
    """True if the program ran and said it worked; a missing program is False."""
    try:
        done = subprocess.run(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=SHOW_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def reminded(output: Output, today: Today, shown: str | None, json: bool) -> None:
    """What `remind now` did: nothing (the check-in is done), a notification, or the words."""
    if json:
        output.json({"date": today.day.isoformat(), "checked_in": today.done, "shown": shown})
        return
    if not today.done and shown is None:
        output.say(f"{WORDS}.")  # no desktop to show it: the scheduler's log or mail keeps it


def installed(output: Output, done: Installed, json: bool) -> None:
    reminder = done.reminder
    if json:
        output.json(reminder.to_json())
        return
    assert reminder.at is not None
    at = f"{reminder.at:%H:%M}"
    again = (
        f" (it was {done.replaced:%H:%M})"
        if done.replaced is not None and done.replaced != reminder.at
        else ""
    )
    output.say(
        f"A daily reminder to check in, at {at}{again}, through {_by(reminder.scheduler)}; "
        "on a day you have checked in already, it stays quiet."
    )
    if not done.started:
        where = ", ".join(str(path) for path in done.files)
        output.say(f"Written to {where}; nothing was started (TRUSTLOG_SCHEDULER_DIR is set).")
    output.say("`trustlog remind off` turns it off.")


def turned_off(output: Output, was: Reminder | None) -> None:
    if was is None or was.at is None:
        output.say("There was no reminder to turn off; nothing was changed.")
        return
    output.say(f"The {was.at:%H:%M} reminder is off; {_by(was.scheduler)} no longer runs it.")


def status(output: Output, reminder: Reminder, json: bool) -> None:
    if json:
        output.json(reminder.to_json())
        return
    if reminder.at is None:
        output.say("No daily reminder is set. `trustlog remind set 20:30` sets one.")
        return
    output.say(
        f"A daily reminder to check in at {reminder.at:%H:%M}, through "
        f"{_by(reminder.scheduler)}. `trustlog remind off` turns it off."
    )


def _by(name: str | None) -> str:
    return {
        "systemd": "a systemd user timer",
        "launchd": "a launchd agent",
        "cron": "your crontab",
    }.get(name or "", "the scheduler")
