"""`trustlog contract [show|write|history]`: the repair contract, every revision kept."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import get_state
from trustlog.domain.contract import service as domain
from trustlog.domain.contract.service import ContractDraft
from trustlog.render import contract as render

app = options.group(
    help="The repair contract: three commitments each, support, what breaks it, the revisit.",
)

JsonOption = Annotated[bool, options.json_flag("Print it as JSON.")]


@app.callback(invoke_without_command=True)
def contract(ctx: typer.Context, json: JsonOption = False) -> None:
    """The repair contract: three commitments each, support, what breaks it, the revisit."""
    if ctx.invoked_subcommand is None:  # `trustlog contract` alone shows it
        show(ctx, json)


@app.command("show")
def show(ctx: typer.Context, json: JsonOption = False) -> None:
    """The current repair contract, and when to revisit it."""
    state = get_state(ctx)
    standing = domain.contract_standing(state.journal, state.today())
    render.contract_shown(state.output, standing, json=json)


@app.command("write")
def write(
    ctx: typer.Context,
    mine: Annotated[
        list[str] | None,
        options.text("--mine", "One of your commitments (up to three)."),
    ] = None,
    theirs: Annotated[
        list[str] | None,
        options.text("--theirs", "One of your partner's commitments (up to three)."),
    ] = None,
    support: Annotated[
        str | None,
        options.text("--support", "What support looks like, for you both."),
    ] = None,
    breaks: Annotated[
        str | None,
        options.text("--breaks", "What would break the agreement."),
    ] = None,
    revisit: Annotated[
        str | None,
        options.day(
            "--revisit",
            "When to revisit it, YYYY-MM-DD (default: the current revisit while it is "
            "ahead, else a month on).",
        ),
    ] = None,
    json: Annotated[
        bool, options.json_flag("Print the new revision and what changed as JSON.")
    ] = False,
) -> None:
    """Write a new revision; parts not given are carried over from the current one.

    In a terminal with no flags, it asks for each part, starting from the current words.
    """
    state = get_state(ctx)
    draft = ContractDraft(mine or None, theirs or None, support, breaks, revisit)
    ask = None
    if draft.empty and state.may_prompt(json):
        from functools import partial

        from trustlog.prompts.contract import ask_contract
        from trustlog.prompts.seam import Asker

        render.before_questions(state.output)
        ask = partial(ask_contract, Asker())
    written = domain.write_contract(state.journal, draft, clock.now(), ask)
    render.contract_written(state.output, written, json=json)


@app.command("history")
def history(ctx: typer.Context, json: JsonOption = False) -> None:
    """Every revision, with what each one added, removed or reworded."""
    state = get_state(ctx)
    render.contract_history(state.output, domain.contract_history(state.journal), json=json)


@app.command("agree")
def agree(
    ctx: typer.Context,
    json: Annotated[
        bool, options.json_flag("Print the revision and agreed_by_both as JSON.")
    ] = False,
) -> None:
    """Accept the contract your partner shared: it becomes your revision, seen from your side."""
    from trustlog.domain.partner.service import agree_contract
    from trustlog.render.partner import contract_agreed

    state = get_state(ctx)
    contract_agreed(state.output, agree_contract(state.journal, clock.now()), json=json)
