"""`trustlog calendar`: reminders for the person's own calendar app, as an iCalendar file."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.domain.calendar import reminders
from trustlog.errors import InputError

DEFAULT_OUTPUT = "trustlog.ics"


def calendar(
    ctx: typer.Context,
    output: Annotated[
        str,
        options.value(
            "--output",
            "FILE|-",
            f"Where to write it (default {DEFAULT_OUTPUT} in this folder; - for stdout).",
        ),
    ] = DEFAULT_OUTPUT,
    discreet: Annotated[
        bool, typer.Option("--discreet", help='Every title just "Reminder".')
    ] = False,
    with_words: Annotated[
        bool,
        typer.Option(
            "--with-words",
            help="Put your promises' words in their events (by default none of your words).",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the file if it exists, without asking.")
    ] = False,
    json: Annotated[bool, options.json_flag("Print what was written as JSON.")] = False,
) -> None:
    """Reminders for your own calendar app: the ritual's times and promises due.

    An iCalendar file with the daily check-in (at the time `trustlog remind
    set` chose), the planned weekly ritual, the repair contract's
    next revisit, and each active promise with a due time, each with an
    alarm. Nothing is sent anywhere: import the file yourself. By default no
    event holds a word you wrote (a promise is just "Promise"); --with-words
    adds your promises' words. Never the words of your contract or agreements.
    """
    from trustlog.render import calendar as render
    from trustlog.storage import outside

    if discreet and with_words:
        raise InputError(
            "--discreet and --with-words: one hides every word, one adds them; please choose one."
        )
    shown = render.DISCREET if discreet else render.WITH_WORDS if with_words else render.PLAIN
    state = get_state(ctx)
    if output == "-":
        if json:
            raise InputError("--json and --output -: both would use stdout; please choose one.")
        found = reminders(state.journal, state.today(), _checkin_time())
        render.to_stdout(render.ics(found, clock.local_zone(), shown, clock.now()))
        return
    if not output.strip():
        raise InputError("--output: please give a file name, or - for stdout.")
    path = Path(output).expanduser()
    journal = state.journal.root
    there = outside.check_target(path, journal=journal, replace=force)  # before any read
    replace = force
    if there is outside.Target.FILE and not force:
        if not state.may_prompt(json):
            raise outside.already_there(path)  # says how: --force, or another --output
        from trustlog.prompts.seam import Asker
        from trustlog.render.safe import visible  # a file's name may hold any bytes

        if not Asker().confirm(f"{visible(str(path))} already exists. Replace it?"):
            state.output.say("Left it as it was; nothing was written.")
            return
        replace = True
    found = reminders(state.journal, state.today(), _checkin_time())
    data = render.ics(found, clock.local_zone(), shown, clock.now())
    outside.save(path, data, journal=journal, replace=replace)
    render.written(state.output, found, path, json=json)


def _checkin_time() -> time | None:
    """The daily reminder's time, if one is set; a scheduler that cannot be asked
    (no crontab program) leaves the check-in out rather than the whole file."""
    from trustlog.domain import remind
    from trustlog.errors import TrustlogError

    try:
        return remind.status().at
    except TrustlogError:
        return None
