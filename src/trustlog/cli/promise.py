"""`trustlog promise ...`: small, specific promises, each scheduled day kept or broken."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain.core import values
from trustlog.domain.promise import service as domain
from trustlog.domain.promise.model import BROKEN, KEPT
from trustlog.domain.promise.service import NewPromise
from trustlog.domain.promise.standing import list_promises
from trustlog.errors import InputError
from trustlog.render import promise as render

if TYPE_CHECKING:
    from datetime import date as Day

    from trustlog.storage.journal import Journal

app = options.group(
    alone_shows_help=True,
    help="Small, specific promises, each scheduled day kept, broken or repaired.",
)


IdArgument = Annotated[str, options.entry_id("promise")]
MarkIdArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="[ID]",
        help="The promise's id (or the start of it); in a terminal, left out: choose from "
        "what is due.",
        show_default=False,
    ),
]
DateOption = Annotated[str | None, options.day("--date", "The day, YYYY-MM-DD (default today).")]
NoteOption = Annotated[str | None, options.text("--note", "A short note about the day.")]
PromiseJson = Annotated[bool, options.json_flag("Print the promise as JSON.")]
MarkJson = Annotated[bool, options.json_flag("Print the saved mark as JSON.")]


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[str | None, options.text_argument("What you promise, in your words.")] = None,
    every: Annotated[
        str | None,
        options.value(
            "--every", "DAYS", "daily (the default), weekdays, weekends, or days such as mon,thu."
        ),
    ] = None,
    once: Annotated[str | None, options.day("--once", "Only on this one day, YYYY-MM-DD.")] = None,
    due: Annotated[
        str | None, options.value("--due", "HH:MM", "The time of day it is due by, HH:MM.")
    ] = None,
    start: Annotated[
        str | None, options.day("--start", "The first day, YYYY-MM-DD (default today).")
    ] = None,
    end: Annotated[
        str | None, options.day("--end", "The last day, YYYY-MM-DD (default: no end).")
    ] = None,
    json: Annotated[bool, options.json_flag("Print the saved promise as JSON.")] = False,
) -> None:
    """Add a promise. In a terminal with no TEXT, it asks for each part."""
    state = get_state(ctx)
    asked = NewPromise(text=text, every=every, once=once, due=due, start=start, end=end)
    if text is None and state.may_prompt(json):
        from trustlog.prompts.promise import ask_new_promise
        from trustlog.prompts.seam import Asker

        asked = ask_new_promise(Asker(), asked, state.today())
    promise = domain.add_promise(state.journal, asked, clock.now(), state.today())
    render.promise_added(state.output, promise, json=json)


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Also show retired and finished promises.")
    ] = False,
    json: Annotated[bool, options.json_flag("Print a JSON array of promises.")] = False,
) -> None:
    """Your promises: schedule, today, strength, runs of kept days, and the last four weeks."""
    state = get_state(ctx)
    today = state.today()
    found = list_promises(state.journal, today, include_all=all_)
    render.promise_list(state.output, found, today, include_all=all_, json=json)


@app.command("kept")
def kept(
    ctx: typer.Context,
    promise_id: MarkIdArgument = None,
    date: DateOption = None,
    note: NoteOption = None,
    json: MarkJson = False,
) -> None:
    """Mark a promise kept on a day it was due (default today).

    In a terminal with no ID, it offers what is due: today's promises and the
    days of the last two weeks not yet recorded.
    """
    _mark(ctx, promise_id, KEPT, date, note, None, json)


@app.command("broken")
def broken(
    ctx: typer.Context,
    promise_id: MarkIdArgument = None,
    date: DateOption = None,
    note: NoteOption = None,
    repair: Annotated[
        str | None, options.text("--repair", "A small act that mended it (it counts as half kept).")
    ] = None,
    json: MarkJson = False,
) -> None:
    """Mark a promise broken on a day it was due, with a repair if you made one.

    In a terminal with no ID, it offers what is due; without --repair, it asks
    whether you made a small repair.
    """
    _mark(ctx, promise_id, BROKEN, date, note, repair, json)


def _mark(
    ctx: typer.Context,
    promise_id: str | None,
    outcome: str,
    date: str | None,
    note: str | None,
    repair: str | None,
    json: bool,
) -> None:
    state = get_state(ctx)
    journal = state.journal
    now, today = clock.now(), state.today()
    day = values.parse_date(date, "--date") if date is not None else today
    prompting = state.may_prompt(json)
    if promise_id is None:
        if not prompting:
            raise InputError(
                f"ID: please give the promise's id, such as `trustlog promise {outcome} k3m9x`.",
                hint="`trustlog promise list` shows each promise with its id; "
                "`trustlog catchup` lists the days not yet recorded.",
            )
        promise_id, day = _choose_due(state, journal, outcome, day if date else None, today)
    if prompting and outcome == BROKEN and repair is None:
        # Checked first, so a wrong id or day is said before any question is asked.
        domain.plan_marks(journal, day, [domain.MarkRequest(promise_id, outcome)], today)
        from trustlog.prompts.promise import ask_repair
        from trustlog.prompts.seam import Asker

        repair = ask_repair(Asker(), None)
    result = domain.mark_promise(journal, promise_id, outcome, day, now, note, repair, today=today)
    render.mark_saved(state.output, result, today=today, json=json)


def _choose_due(
    state: State, journal: Journal, outcome: str, day: Day | None, today: Day
) -> tuple[str, Day]:
    """In a terminal: the promise and day chosen from what is due (or from `day`'s)."""
    from trustlog.domain.catchup import open_days
    from trustlog.domain.promise.standing import due_on
    from trustlog.prompts.promise import choose_due
    from trustlog.prompts.seam import Asker

    if day is not None:
        offered = [
            due for due in due_on(journal, day) if not (due.mark and due.mark.outcome == outcome)
        ]
    else:
        recent = [due for due in open_days(journal, today) if due.date < today]
        offered = [
            due for due in due_on(journal, today) if not (due.mark and due.mark.outcome == outcome)
        ] + recent[::-1]
    if not offered:
        when = "today or in the last two weeks" if day is None else f"on {day.isoformat()}"
        raise InputError(
            f"ID: nothing is waiting to be marked {outcome} {when}.",
            hint="`trustlog promise list` shows each promise with its id.",
        )
    chosen = choose_due(Asker(), offered, outcome, today)
    return chosen.promise.id, chosen.date


@app.command("retire")
def retire(ctx: typer.Context, promise_id: IdArgument, json: PromiseJson = False) -> None:
    """Retire a promise: no more asking about it. Its history stays (`promise list --all`)."""
    state = get_state(ctx)
    result = domain.retire_promise(state.journal, promise_id, state.today())
    render.promise_retired(state.output, result, json=json)


@app.command("pause")
def pause(
    ctx: typer.Context,
    promise_id: IdArgument,
    start: Annotated[
        str | None, options.day("--from", "The first paused day (default today).")
    ] = None,
    end: Annotated[
        str | None, options.day("--to", "The last paused day (default: until you resume it).")
    ] = None,
    note: Annotated[str | None, options.text("--note", "Why, for you: away, ill.")] = None,
    json: PromiseJson = False,
) -> None:
    """Set days aside (travel, illness): a paused day is not due and counts in no figure."""
    from trustlog.domain.promise.pause import pause_promise

    state = get_state(ctx)
    first, last = options.days(start, end)
    result = pause_promise(state.journal, promise_id, first, last, note, state.today())
    render.pause_saved(state.output, result, json=json)


@app.command("resume")
def resume(
    ctx: typer.Context,
    promise_id: IdArgument,
    date: Annotated[
        str | None, options.day("--date", "The first day due again (default today).")
    ] = None,
    json: PromiseJson = False,
) -> None:
    """End a pause: the promise is due again from --date (default today)."""
    from trustlog.domain.promise.pause import resume_promise

    state = get_state(ctx)
    day = values.parse_date(date, "--date") if date is not None else None
    result = resume_promise(state.journal, promise_id, day, state.today())
    render.pause_saved(state.output, result, json=json)
