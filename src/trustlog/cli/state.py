"""What every command needs: the journal, whether it may ask questions, the consoles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from trustlog.prompts.seam import can_prompt
from trustlog.render.output import Output

if TYPE_CHECKING:
    from trustlog.storage.journal import Journal


@dataclass
class State:
    journal_dir: Path | None = None
    no_input: bool = False
    output: Output = field(default_factory=Output)
    warned: bool = False  # about a journal folder open to others: once per command

    @property
    def journal(self) -> Journal:
        from trustlog.domain.folders import UNDATED_FOLDERS
        from trustlog.paths import journal_dir
        from trustlog.storage.journal import Journal  # not needed for --help

        journal = Journal(journal_dir(self.journal_dir), undated_folders=UNDATED_FOLDERS)
        if not self.warned:
            self.warned = True
            mode = journal.open_to_others()
            if mode is not None:
                # Its permissions are the person's to choose: said once, never changed.
                self.output.tell(
                    f"Note: other people on this computer can open your journal folder "
                    f"{journal.root} (permissions {mode:o}). To keep it private: "
                    f"chmod 700 '{journal.root}'"
                )
        return journal

    def may_prompt(self, json: bool = False) -> bool:
        """Prompts write to stdout, so `--json` runs never prompt."""
        return not json and can_prompt(self.no_input)


def get_state(ctx: typer.Context) -> State:
    state = ctx.find_object(State)
    if state is None:  # a command invoked on its own, as in some tests
        state = ctx.ensure_object(State)
    return state
