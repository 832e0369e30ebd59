"""What every command needs: the journal, whether it may ask questions, the consoles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from trustlog.prompts.seam import can_prompt
from trustlog.render.output import Output

if TYPE_CHECKING:
    from trustlog.storage import crypt
    from trustlog.storage.journal import Journal


@dataclass
class State:
    journal_dir: Path | None = None
    no_input: bool = False
    output: Output = field(default_factory=Output)
    warned: bool = False  # about a journal folder open to others: once per command
    _unlocked: crypt.Keys | None = None
    _today: date | None = None

    def today(self) -> date:
        """Today as this journal's day end defines it (clock.day_of): every command's
        "today" comes from here, so a check-in at 01:10 joins the day not yet ended."""
        if self._today is None:
            from trustlog import clock
            from trustlog.domain.profile import day_ends

            self._today = clock.today(day_ends(self.journal))
        return self._today

    @property
    def journal(self) -> Journal:
        from trustlog.domain.folders import KEPT_IN, UNDATED_FOLDERS
        from trustlog.paths import journal_dir
        from trustlog.storage.journal import Journal  # not needed for --help

        root = journal_dir(self.journal_dir)
        journal = Journal(
            root,
            undated_folders=UNDATED_FOLDERS,
            kept_in=KEPT_IN,
            keys=lambda: self._keys(root),
            waiting=lambda: self.output.tell("Waiting for another trustlog command to finish…"),
        )
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

    def _keys(self, root: Path) -> crypt.Keys:
        """An encrypted journal's keys, the first time a file needs them: asked once per
        command however often it opens the journal (prompts/passphrase.py)."""
        if self._unlocked is None:
            from trustlog import clock
            from trustlog.domain.encryption import open_keys
            from trustlog.domain.folders import KEPT_IN, UNDATED_FOLDERS
            from trustlog.prompts.passphrase import passphrase
            from trustlog.storage.journal import Journal

            plain = Journal(root, undated_folders=UNDATED_FOLDERS, kept_in=KEPT_IN)
            self._unlocked = open_keys(plain, lambda: passphrase(self.no_input), clock.now())
        return self._unlocked

    def may_prompt(self, json: bool = False) -> bool:
        """Prompts write to stdout, so `--json` runs never prompt.

        In an encrypted journal with no session open, the passphrase is asked now,
        before any other question, so a mistyped one never costs the answers given.
        """
        allowed = not json and can_prompt(self.no_input)
        if allowed:
            journal = self.journal
            if journal.encrypted:
                self._keys(journal.root)
        return allowed


def get_state(ctx: typer.Context) -> State:
    state = ctx.find_object(State)
    if state is None:  # a command invoked on its own, as in some tests
        state = ctx.ensure_object(State)
    return state
