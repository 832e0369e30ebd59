"""`trustlog sync`, `sync setup REMOTE`, `sync status`: one journal on each of your devices.

trustlog talks to the network here only, to the remote the person set, and
only through the `git` program (domain/sync/, storage/git.py, docs/sync.md).
"""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.prompts.seam import can_prompt
from trustlog.render import sync as render

app = options.runs_alone("[setup|status]")

ResultJson = Annotated[bool, options.json_flag("Print the result as JSON.")]


@app.callback()
def sync(ctx: typer.Context, json: ResultJson = False) -> None:
    """Sync this journal with your other devices, through a git repository you choose.

    Saves what changed here, takes what changed there, merges the two by
    trustlog's rules (nothing either device wrote is dropped) and sends the
    result. `sync setup REMOTE` starts; `sync status` shows how things stand.
    `trustlog help sync` says what the remote sees.
    """
    if ctx.invoked_subcommand is not None:
        return
    from trustlog.domain.sync.service import sync as run_sync

    state = get_state(ctx)
    done = run_sync(state.journal, clock.now(), batch=not can_prompt(state.no_input))
    render.synced(state.output, done, json=json)


@app.command()
def setup(
    ctx: typer.Context,
    remote: Annotated[
        str,
        typer.Argument(
            metavar="REMOTE",
            help="A git repository: an empty one to send this journal to, or the one "
            "another device sent its journal to (any git URL, or a folder).",
        ),
    ],
    json: ResultJson = False,
) -> None:
    """Start syncing: send this journal to an empty remote, or take the remote's journal."""
    from trustlog.domain.sync.setup import setup as run_setup

    state = get_state(ctx)
    done = run_setup(state.journal, remote, clock.now(), batch=not can_prompt(state.no_input))
    render.set_up(state.output, done, json=json)


@app.command()
def status(ctx: typer.Context, json: ResultJson = False) -> None:
    """How far this device is ahead of the remote, and behind it, in entry files."""
    from trustlog.domain.sync.service import status as run_status

    state = get_state(ctx)
    found = run_status(state.journal, batch=not can_prompt(state.no_input))
    render.sync_status(state.output, found, json=json)
