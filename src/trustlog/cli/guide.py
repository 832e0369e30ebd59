"""`trustlog help [TOPIC]`: help on request."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from trustlog.errors import InputError
from trustlog.guide import TOPICS
from trustlog.render import layout


def help_topic(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC", help=f"One of: {', '.join(TOPICS)}. Leave out for the command list."
        ),
    ] = None,
) -> None:
    """Help on a topic: safety (when to reach for more help), privacy."""
    if topic is None:
        assert ctx.parent is not None
        sys.stdout.write(ctx.parent.get_help() + "\n")
        return
    text = TOPICS.get(topic.strip().lower())
    if text is None:
        raise InputError(f"There is no help topic '{topic}'. Try one of: {', '.join(TOPICS)}.")
    sys.stdout.write(layout.wrap(text, layout.width(sys.stdout)))
