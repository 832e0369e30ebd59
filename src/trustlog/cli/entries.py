"""`trustlog entries`, `show`, `edit`, `delete`: the journal's entries of every kind.

No `from __future__ import annotations`: typer reads each command's signature twice
and its type hints twice more, and annotations kept as strings would be compiled and
evaluated each time (issue 21: a listing is mostly start-up).
"""

import os
import shlex
import subprocess
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain import kinds
from trustlog.domain.entries import service as domain
from trustlog.errors import InputError, JournalError
from trustlog.prompts.seam import can_prompt
from trustlog.render import entries as render


def entries(
    ctx: typer.Context,
    start: options.FromDay = None,
    end: options.ToDay = None,
    kind: Annotated[
        str | None,
        options.value("--kind", "KIND", f"Only one kind: {', '.join(kinds.NAMES)}."),
    ] = None,
    contains: Annotated[
        str | None,
        options.value("--contains", "TEXT", "Only entries whose words hold TEXT (any case)."),
    ] = None,
    json: Annotated[bool, options.json_flag("Print a JSON array of entries.")] = False,
) -> None:
    """List entries, oldest first."""
    state = get_state(ctx)
    first, last = options.days(start, end)
    if kind is not None and kind not in kinds.NAMES:
        raise InputError(
            f"--kind: '{kind}' is not a kind of entry. Choose one of {', '.join(kinds.NAMES)}."
        )
    found = domain.list_entries(state.journal, first, last, kind, contains)
    render.entry_table(state.output, found, json=json, contains=contains)


def show(
    ctx: typer.Context,
    entry_id: Annotated[str, options.entry_id("entry")],
    json: Annotated[bool, options.json_flag("Print the entry as JSON.")] = False,
) -> None:
    """Show one entry."""
    state = get_state(ctx)
    found = domain.find(state.journal, entry_id)
    names = {} if json else domain.names_of_references(state.journal, found.entry)
    render.entry_detail(state.output, found.entry, json=json, names=names)


def edit(ctx: typer.Context, entry_id: Annotated[str, options.entry_id("entry")]) -> None:
    """Edit one entry in $VISUAL or $EDITOR; it is checked before it replaces anything."""
    from trustlog.domain.entries.edit import EditConflict, start_edit

    state = get_state(ctx)
    editing = start_edit(state.journal, entry_id)
    command = _editor()
    with editing.claimed():
        if editing.begin():
            state.output.say("[muted]Picking up your unfinished edit of this entry.[/muted]")
        if editing.changed_since is not None:
            what = ", ".join(editing.changed_since) or "the file"
            state.output.say(
                f"[warn]Since your draft was kept, {editing.id} changed:[/warn] {_plain(what)}. "
                "Carry that into your text if you want to keep it: saving puts your text in "
                "its place."
            )
        while True:
            with editing.journal.editor_file(editing.draft) as path:
                _run_editor(command, path)
            try:
                changed = editing.save()
            except EditConflict as conflict:
                # Saving would undo what was changed meanwhile: the person merges.
                state.output.say(f"[warn]Not saved.[/warn] {_plain(conflict.message)}")
                if conflict.gone:
                    raise JournalError(
                        "Nothing was saved.", hint=f"Your text is kept in {editing.draft}."
                    ) from None
                editing.refresh()  # the person has now been told what changed
                if state.may_prompt() and _ask("Open your text again to carry that over?"):
                    continue
                raise JournalError(
                    "Nothing was changed in your journal.",
                    hint=f"Your text is kept in {editing.draft}; `trustlog edit {editing.id}` "
                    "opens it again to carry the change over.",
                ) from None
            except JournalError as error:
                message = _plain(error.message)
                state.output.say(f"[warn]That edit cannot be saved yet:[/warn] {message}")
                if state.may_prompt() and _ask("Open it again to fix it?"):
                    continue
                raise JournalError(
                    "Nothing was changed in your journal.",
                    hint=f"Your edited text is kept in {editing.draft}; "
                    f"`trustlog edit {editing.id}` picks it up again.",
                ) from None
            state.output.say(f"Saved your changes to {editing.id}." if changed else "No changes.")
            return


def delete(
    ctx: typer.Context,
    entry_id: Annotated[str, options.entry_id("entry")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask first.")] = False,
    json: Annotated[bool, options.json_flag("Print what was deleted as JSON.")] = False,
) -> None:
    """Delete one entry (asks first)."""
    state = get_state(ctx)
    confirm = None if yes else partial(_confirm_delete, state, json)
    deleted = domain.delete_entry(state.journal, entry_id, confirm)
    render.entry_deleted(state.output, deleted, json=json)


def _confirm_delete(state: State, json: bool, deletion: domain.Deletion) -> bool:
    if not state.may_prompt(json):
        retire = (
            f"`trustlog promise retire {deletion.entry.id}` ends a promise and keeps its history."
            if deletion.found.file.kind == "promise"
            else None
        )
        raise InputError(
            "--yes: deleting cannot be undone, so without a terminal please add --yes.",
            hint=retire,
        )
    from trustlog.prompts.entries import ask_delete
    from trustlog.prompts.seam import Asker

    render.before_deleting(state.output, deletion)
    return ask_delete(Asker(), deletion)


def _editor() -> str:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if command:
        return command
    if not can_prompt():
        # vi would wait for a terminal that is not there.
        raise InputError(
            "$EDITOR: no editor is set, and without a terminal I cannot open vi.",
            hint="Set $VISUAL or $EDITOR, for example EDITOR=nano.",
        )
    return "vi"


def _run_editor(command: str, path: Path) -> None:
    try:
        finished = subprocess.run([*shlex.split(command), str(path)], check=False)
    except FileNotFoundError:
        raise InputError(
            f"Could not start the editor '{command}'.",
            hint="Set $VISUAL or $EDITOR to an editor you have, for example EDITOR=nano.",
        ) from None
    if finished.returncode != 0:
        raise JournalError(
            f"The editor '{command}' stopped with an error, so nothing was changed.",
            hint=f"Your text is kept in {path}.",
        )


def _ask(question: str) -> bool:
    from trustlog.prompts.seam import Asker

    return Asker().confirm(question, default=True)


def _plain(message: str) -> str:
    from rich.markup import escape

    return escape(message)


__all__ = ["delete", "edit", "entries", "show"]
