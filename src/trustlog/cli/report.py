"""`trustlog report`: the progress markers for a month or an ISO week."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from trustlog.cli import options
from trustlog.cli.state import get_state

OPTIONAL_VALUE_FLAGS = ("--month", "--week")
THIS_PERIOD = ""  # what a bare --month or --week stands for


class ReportCommand(TyperCommand):
    """Lets `--month` and `--week` be given with or without a value.

    typer's options take a value or are flags, not both (its `flag_value` is
    inherited from click and marked as not fully functional), so a bare
    `--month` gets an empty value here, before parsing: "this month".
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        filled: list[str] = []
        for index, arg in enumerate(args):
            filled.append(arg)
            following = args[index + 1] if index + 1 < len(args) else None
            if arg == "--":
                filled += args[index + 1 :]
                break
            if arg in OPTIONAL_VALUE_FLAGS and (following is None or following.startswith("-")):
                filled.append(THIS_PERIOD)
        return super().parse_args(ctx, filled)


def report(
    ctx: typer.Context,
    month: Annotated[
        str | None,
        options.value(
            "--month",
            "[YYYY-MM]",
            "A calendar month, such as 2026-11 (alone: this month; the default).",
        ),
    ] = None,
    week: Annotated[
        str | None,
        options.value("--week", "[YYYY-Www]", "An ISO week, such as 2026-W48 (alone: this week)."),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the report as JSON.")] = False,
) -> None:
    """How things are going: the progress markers, beside the period before.

    Repeat arguments, recovery after triggers, follow-through on promises,
    affection and detective work, with check-in days, mood and trust.
    """
    # The report's modules (statistics, hashing, the cache) cost about 10 ms to
    # import: only `trustlog report` itself pays for them, not every start-up.
    from trustlog.domain.core.period import parse_period
    from trustlog.domain.report.figures import build_report
    from trustlog.render import report as render

    state = get_state(ctx)
    today = state.today()
    period = parse_period(month, week, today)
    render.report(state.output, build_report(state.journal, period, today), json=json)
