"""`trustlog catchup`: record the promise days of the last two weeks, one key each."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.domain.catchup import catch_up, open_days
from trustlog.render import catchup as render


def catchup(
    ctx: typer.Context,
    json: Annotated[bool, options.json_flag("Print the days not yet recorded as JSON.")] = False,
) -> None:
    """Catch up on promise days not yet recorded, from the last 14 days.

    In a terminal it asks about each day with one key: k kept, b broken,
    r repaired, s (or Enter) skip; then it sums up what it recorded. Without a
    terminal, or with --json, it lists the open days and asks nothing.
    """
    state = get_state(ctx)
    journal = state.journal
    today = state.today()
    if not state.may_prompt(json):
        render.open_days(state.output, open_days(journal, today), today, json=json)
        return

    from trustlog.prompts.catchup import ask_catchup
    from trustlog.prompts.seam import Asker

    done = catch_up(journal, today, clock.now, lambda due: ask_catchup(Asker(), due, today))
    render.caught_up(state.output, done, left=len(open_days(journal, today)))
