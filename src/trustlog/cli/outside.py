"""A file outside the journal that a command writes (`export`, `share`): the one flow.

Where it goes (`--output`, `-` for stdout, else a dated name in this folder),
checked before anything is read or asked (storage/outside.py: never inside the
journal, never over what is not a file, never over a file unless --force or a
terminal to ask); then, in a terminal, the command's preview and question and
whether to replace a file already there; then saving it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from trustlog.cli.state import State
from trustlog.errors import InputError
from trustlog.storage import outside

STDOUT = "-"


@dataclass
class OutsideFile:
    path: Path | None  # None: standard output
    given: str | None  # what --output said
    replace: bool = False  # --force, or said yes to replacing it
    there: outside.Target | None = None

    @classmethod
    def named(cls, given: str | None, default_name: str) -> OutsideFile:
        if given == STDOUT:
            return cls(None, given)
        if given is None:
            return cls(Path.cwd() / default_name, given)
        if not given.strip():
            raise InputError("--output: please give a file name, or - for stdout.")
        return cls(Path(given).expanduser(), given)

    @property
    def shown(self) -> str:
        """The file's name as the person gave it, for the preview and the last line."""
        if self.path is None:
            return STDOUT
        return self.given or self.path.name

    def check(self, state: State, *, force: bool, asking: bool) -> None:
        """Refuse, before anything is read or asked, a target the file may not go to."""
        self.replace = force
        if self.path is not None:
            self.there = outside.check_target(self.path, journal=state.journal.root, replace=force)
            if self.there is outside.Target.FILE and not force and not asking:
                raise outside.already_there(self.path)

    def approved(self, asking: bool, preview: Callable[[], bool]) -> bool:
        """In a terminal, the command's preview and question, then whether to replace the
        file already there (asked only when it is); elsewhere, yes."""
        if not asking or self.path is None:
            return True
        if not preview():
            return False
        if self.there is outside.Target.FILE and not self.replace:
            from trustlog.prompts.outside import ask_replace
            from trustlog.prompts.seam import Asker

            if not ask_replace(Asker(), self.path.name):
                return False
            self.replace = True
        return True

    def save(self, state: State, data: bytes | Iterable[bytes]) -> str | None:
        """Write `data`, whole or a piece at a time; the name to say it was written to
        (None for stdout)."""
        if self.path is None:
            state.output.data(data)
            return None
        outside.save(self.path, data, journal=state.journal.root, replace=self.replace)
        return self.shown
