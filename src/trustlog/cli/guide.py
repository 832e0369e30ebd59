"""`trustlog help [TOPIC]`: help on request."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from trustlog.errors import InputError
from trustlog.guide import TOPICS
from trustlog.render import layout
from trustlog.render.stdout import write_stdout


def help_topic(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC", help=f"One of: {', '.join(TOPICS)}. Leave out for the command list."
        ),
    ] = None,
) -> None:
    """Help on a topic: safety (when to reach for more help), privacy, and how things work.

    Never needs the passphrase, even on a locked journal.
    """
    if topic is None:
        assert ctx.parent is not None
        write_stdout(ctx.parent.get_help() + "\n")
        return
    name = topic.strip().lower()
    text = TOPICS.get(name)
    if text is None:
        raise InputError(f"There is no help topic '{topic}'. Try one of: {', '.join(TOPICS)}.")
    if name == "safety":  # the person's own contacts come first
        from trustlog.cli.state import get_state
        from trustlog.cli.support import without_passphrase
        from trustlog.render.support import safety_page

        # Help must never wait on a passphrase: a locked journal shows the page with the
        # contacts kept readable, or without them.
        contacts, kept = without_passphrase(get_state(ctx), whatever=True)
        write_stdout(safety_page(contacts, text, layout.width(sys.stdout), kept))
        return
    write_stdout(layout.wrap(text, layout.width(sys.stdout)))
