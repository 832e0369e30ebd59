"""`trustlog partner`, `share` and `receive`: the two of you, each with a journal of your own.

Nothing here talks to a network: a share is a file the person hands over.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.errors import InputError

if TYPE_CHECKING:
    from trustlog.domain.partner.service import SharePlan

app = options.group(
    help="Your partner: your code to give them, theirs to add, what they shared with you.",
)

JsonOption = Annotated[bool, options.json_flag("Print it as JSON.")]


@app.callback(invoke_without_command=True)
def partner(ctx: typer.Context, json: JsonOption = False) -> None:
    """Your partner: your code to give them, theirs to add, what they shared with you."""
    if ctx.invoked_subcommand is None:  # `trustlog partner` alone shows their side
        show(ctx, json)


@app.command("show")
def show(ctx: typer.Context, json: JsonOption = False) -> None:
    """What your partner shared, beside your own: promises, mood and trust, the contract."""
    from trustlog.domain.partner.service import show_partner
    from trustlog.render.partner_side import partner_shown

    state = get_state(ctx)
    partner_shown(state.output, show_partner(state.journal, state.today()), json=json)


@app.command("code")
def code(ctx: typer.Context, json: JsonOption = False) -> None:
    """Your partner code, to give your partner, and its fingerprint to compare aloud."""
    from trustlog.domain.partner.service import partner_code
    from trustlog.render.partner import code_shown

    state = get_state(ctx)
    code_shown(state.output, partner_code(state.journal, clock.now()), json=json)


@app.command("add")
def add(
    ctx: typer.Context,
    code_text: Annotated[
        str, typer.Argument(metavar="CODE", help="Your partner's code (`trustlog partner code`).")
    ],
    name: Annotated[
        str | None,
        options.value(
            "--name",
            "NAME",
            "What to call them (default: the partner's name from `trustlog init`).",
        ),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the name and fingerprint.")] = False,
) -> None:
    """Add your partner's code, so you can share with them and receive what they share."""
    from trustlog.domain.partner.service import add_partner
    from trustlog.render.partner import partner_added

    state = get_state(ctx)
    partner_added(state.output, add_partner(state.journal, code_text, name, clock.now()), json)


@app.command("remove")
def remove(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    json: Annotated[bool, options.json_flag("Print what was done as JSON.")] = False,
) -> None:
    """Forget your partner's code and everything they shared with you (asks first)."""
    from trustlog.domain.partner import store
    from trustlog.domain.partner.service import remove_partner
    from trustlog.render.partner import before_removing, nothing_changed, partner_removed

    state = get_state(ctx)
    if not yes:
        held = store.load_partner_or_none(state.journal)
        if held is not None:
            if not state.may_prompt(json):
                raise InputError(
                    "--yes: forgetting your partner and what they shared cannot be undone, "
                    "so without a terminal please add --yes."
                )
            from trustlog.prompts.partner import ask_remove
            from trustlog.prompts.seam import Asker

            before_removing(state.output, held.called)
            if not ask_remove(Asker()):
                nothing_changed(state.output)
                return
    partner_removed(state.output, remove_partner(state.journal), json=json)


def share(
    ctx: typer.Context,
    what: Annotated[
        list[str] | None,
        options.value(
            "--what",
            "promises|checkins|contract|agreements|ritual",
            "What to share (repeatable; default: promises).",
        ),
    ] = None,
    apology: Annotated[
        str | None,
        options.value("--apology", "ID", "Share this apology's four parts."),
    ] = None,
    start: options.FromDay = None,
    end: Annotated[
        str | None,
        options.day("--to", "Last day, YYYY-MM-DD (default: today)."),
    ] = None,
    output_path: Annotated[
        str | None,
        options.output(),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Write it without asking.")] = False,
    force: options.Force = False,
    json: Annotated[bool, options.json_flag("Print what was written as JSON.")] = False,
) -> None:
    """Share what you choose with your partner: a file sealed for them alone, and signed.

    The last four weeks by default, promises by default. Never notes, detective
    work, arguments, triggers or private entries. In a terminal it shows what
    will go and asks first; a file handed over cannot be recalled.
    """
    from trustlog.cli.outside import STDOUT, OutsideFile
    from trustlog.domain.partner.service import (
        ShareRequest,
        check_what,
        plan_share,
        require_partner,
        seal_share,
    )
    from trustlog.render import partner as render

    state = get_state(ctx)
    kinds = check_what(what)
    first, last = options.days(start, end)
    if apology is not None and not apology.strip():
        raise InputError("--apology: please give an apology's id (`trustlog apology list`).")
    if output_path == STDOUT and json:
        raise InputError("--json: the share itself goes to stdout with --output -; leave one out.")
    today = state.today()
    target = OutsideFile.named(output_path, f"trustlog-share-{today.isoformat()}.age")
    require_partner(state.journal)
    asking = not yes and target.path is not None and state.may_prompt(json)
    if not yes and not asking:
        raise InputError(
            "--yes: a share cannot be recalled once handed over, so without a terminal "
            "please add --yes (in a terminal, it shows what will go and asks)."
        )
    target.check(state, force=force, asking=asking)  # before anything is read or asked
    plan = plan_share(state.journal, ShareRequest(kinds, apology, first, last), today)
    if not target.approved(asking, lambda: _confirmed(state, plan, target.shown)):
        render.not_written(state.output)
        return
    written = target.save(state, seal_share(state.journal, plan, clock.now()))
    render.share_written(state.output, plan, written, json)


def _confirmed(state: State, plan: SharePlan, shown: str) -> bool:
    from trustlog.prompts.partner import ask_share
    from trustlog.prompts.seam import Asker
    from trustlog.render.partner import share_preview

    share_preview(state.output, plan, shown)
    return ask_share(Asker())


def receive(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The share your partner handed you.")
    ],
    json: Annotated[bool, options.json_flag("Print what was received as JSON.")] = False,
) -> None:
    """Bring in a share your partner made for you; it is kept apart from your own entries.

    A share not made for this journal, not signed by your partner, or changed
    on the way is refused, and nothing is stored.
    """
    from trustlog.domain.partner.service import receive as receive_share
    from trustlog.domain.partner.service import require_partner
    from trustlog.render.partner import share_received
    from trustlog.storage import outside

    state = get_state(ctx)
    require_partner(state.journal)
    data = outside.read(file)
    share_received(state.output, receive_share(state.journal, data, clock.now()), json=json)
