"""Shell completion: what Tab offers, loaded only when the shell asks (`_TRUSTLOG_COMPLETE`).

typer's own mechanism draws the scripts (`--install-completion`,
`--show-completion`, click's `_TRUSTLOG_COMPLETE=source_bash|source_zsh|source_fish`);
click already completes command names and flags. This module adds the values:
`Lazy.load` (cli/group.py) hands it each command as it is loaded, and only when
the shell asks, so no command module names a completer and no other run pays
for one. Parameters are matched by name, so a new command with a `promise_id`
or `entry_id` argument completes without a line here:

- `promise_id` (and `checkin --kept/--broken`): promises not retired, described by
  their words;
- `entry_id`: entries, newest first, described by kind, date and words;
- a metavar listing fixed words (`hurt|repairing|both`), `--every`, `help TOPIC`:
  those words.

Completion never asks anything: an encrypted journal with no open session
offers ids from the file names, without words (domain/completion.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer._click import Context, Parameter
from typer._click.shell_completion import CompletionItem

from trustlog.domain.completion import Choice
from trustlog.errors import TrustlogError

Completer = Callable[[Context, Parameter, str], list[CompletionItem]]

FIXED_WORDS = re.compile(r"^\[?([a-z]+(?:\|[a-z]+)+)\]?$")
EVERY = ("daily", "weekdays", "weekends", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
HELP_CELLS = 60  # a description is one line beside the id


def attach(command: Any) -> None:
    """Give each parameter of `command` (and of its subcommands) its completer."""
    for param in command.params:
        completer = completer_for(param)
        if completer is not None:
            # click keeps a parameter's completer here (its `shell_complete=` argument).
            param._custom_shell_complete = completer
    for sub in getattr(command, "commands", {}).values():
        attach(sub)


def completer_for(param: Parameter) -> Completer | None:
    name = param.name or ""
    if name in ("promise_id", "kept", "broken"):
        return _promises
    if name == "entry_id":
        return _entries
    if name == "every":
        return _words(EVERY)
    if name == "topic":
        from trustlog.guide import TOPICS

        return _words(tuple(TOPICS))
    match = FIXED_WORDS.match(getattr(param, "metavar", None) or "")
    return _words(tuple(match[1].split("|"))) if match else None


def _words(words: tuple[str, ...]) -> Completer:
    def complete(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
        return [CompletionItem(word) for word in words if word.startswith(incomplete)]

    return complete


def _promises(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    from trustlog.domain.completion import promise_choices

    return _offered(ctx, incomplete, promise_choices)


def _entries(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    from trustlog.domain.completion import entry_choices

    return _offered(ctx, incomplete, entry_choices)


def _offered(
    ctx: Context, incomplete: str, choices: Callable[..., list[Choice]]
) -> list[CompletionItem]:
    from trustlog.cli.state import State
    from trustlog.render import words
    from trustlog.render.safe import visible

    # The journal `--journal` named, if it was typed before the Tab; never a question
    # (no passphrase), never a warning on stderr, which would land amid the prompt.
    typed = ctx.find_root().params.get("journal")  # still text: no callback has run
    state = State(journal_dir=Path(typed) if typed else None, no_input=True, warned=True)
    try:
        found = choices(state.journal, incomplete.strip().lower())
    except (TrustlogError, OSError):
        return []
    return [
        CompletionItem(choice.value, help=_plain(words.fit(visible(choice.words), HELP_CELLS)))
        for choice in found
    ]


def _plain(text: str) -> str:
    """typer shows a description through rich markup: the person's brackets stay brackets."""
    from rich.markup import escape

    return escape(text)
