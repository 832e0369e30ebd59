"""Edit drafts: an entry being edited waits beside it until it is saved.

A draft is named `.edit-<id>.md` (no entry's name), so an edit a closed
terminal interrupted is picked up again; `.edit-<id>.open` is held while the
entry is open in an editor, so a second edit is told. In an encrypted journal
the editor gets a plain copy in a private folder of `.editing/`, never left
behind (domain/entries/edit.py drives an edit).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from trustlog.storage import atomic, lock
from trustlog.storage.files import Files
from trustlog.storage.names import EntryFile

# An edit in progress, beside the entry it edits, so an interrupted edit is picked up again.
DRAFT_PREFIX = ".edit-"
# An encrypted journal's plain copies for the editor, a private folder each, named by the
# draft's place with its folders joined by PLAIN_SEPARATOR (no entry's name holds one).
EDITING = ".editing"
PLAIN_SEPARATOR = "~"


class Drafts(Files):
    """The drafts of a journal folder; `Journal` (storage/journal.py) is one."""

    # Journal.writing(): the editor's plain copy is read back into its draft under it.
    writing: Callable[[], AbstractContextManager[object]]

    def draft_path(self, entry: EntryFile) -> Path:
        """Where an edit of `entry` waits until it is saved; its name is no entry's name."""
        return entry.path.parent / f"{DRAFT_PREFIX}{entry.id}.md"

    def edit_claim(self, entry: EntryFile) -> AbstractContextManager[None]:
        """Held while `entry` is open in an editor, so a second edit is told (lock.Claimed)."""
        return draft_claim(self.draft_path(entry))

    @contextmanager
    def editor_file(self, draft: Path) -> Iterator[Path]:
        """The file an editor opens for `draft`: the draft itself, or in an encrypted journal
        a plain copy in a private folder of `.editing/` (`_plain_folder`), read back into
        the draft and removed, folder and editor's swap files alike, when the editor is done.

        A copy an edit killed halfway left there is newer than the draft: it is taken up.
        """
        if not self.encrypted:
            yield draft
            return
        folder = self._plain_folder(draft)
        plain = folder / draft.name.removeprefix(DRAFT_PREFIX)
        data = self.read_bytes(plain if plain.exists() else draft)
        atomic.ensure_folder(folder.parent)
        atomic.ensure_folder(folder)
        atomic.write_atomic(plain, data)
        try:
            with _closing_terminal_stops():
                yield plain
        finally:
            with self.writing():
                self.write_bytes(draft, self.read_bytes(plain))
            shutil.rmtree(folder)

    def _plain_folder(self, draft: Path) -> Path:
        """`.editing/2026~11~.edit-k3m9x.md/`: one folder for every plain copy, so the
        copies an edit killed outright left behind are found with one listing."""
        return self.root / EDITING / PLAIN_SEPARATOR.join(draft.relative_to(self.root).parts)

    def _fold_left_edits(self) -> None:
        """Put the plain copies of edits killed outright back into their encrypted drafts.

        An edit still open (its claim held) is left alone; the next `edit` of an
        entry picks its draft up as before. Under the lock, before a change begins.
        """
        base = self.root / EDITING
        if not base.is_dir():
            return
        for folder in sorted(base.iterdir()):
            draft = self.root.joinpath(*folder.name.split(PLAIN_SEPARATOR))
            try:
                with draft_claim(draft):
                    plain = folder / draft.name.removeprefix(DRAFT_PREFIX)
                    if plain.is_file() and draft.parent.is_dir():
                        self.write_bytes(draft, self.read_bytes(plain))
                    shutil.rmtree(folder)
            except lock.Claimed:
                continue


def draft_claim(draft: Path) -> AbstractContextManager[None]:
    """The claim on an edit's draft, held while it is open in an editor."""
    return lock.claim(draft.with_suffix(".open"), atomic.FILE_MODE)


@contextmanager
def _closing_terminal_stops() -> Iterator[None]:
    """While an editor is open: a closed terminal (SIGHUP) or SIGTERM ends trustlog as
    Ctrl-C does, so the plain copy is put back and removed rather than left behind."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    before = {sig: signal.signal(sig, stop) for sig in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
