"""`trustlog sync setup REMOTE`: start syncing a journal, or take one from the remote.

It shares a sync's steps (service.py): a landed merge is committed the same way,
and sharing keys this device made are settled as a merge settles them (keys.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustlog.domain.sync.service import (  # the steps setup shares with a sync
    _entry_count,
    _finish,
    _kinds_of,
    _land,
    _message,
    _write,
    repo_of,
)
from trustlog.errors import InputError, JournalError
from trustlog.storage import gitquick
from trustlog.storage.crypt import IDENTITY_FILE
from trustlog.storage.git import Repo, git_program
from trustlog.storage.journal import SETTINGS_FILE, Journal

if TYPE_CHECKING:
    from trustlog.domain.sync.merge import Plan


@dataclass
class SetupResult:
    remote: str
    action: str  # "sent" (this journal went to an empty remote), "received", "started"
    files: int
    encrypted: bool
    sharing_keys: dict[str, Any] | None = None  # as SyncResult's


def setup(journal: Journal, remote: str, now: datetime, batch: bool = True) -> SetupResult:
    """Start syncing: send this journal to an empty remote, or take the remote's here.

    A remote whose journal has no entries yet (another device set up on an empty
    journal) takes this one's entries on top of its history.
    """
    git_program()  # git missing: said before anything happens
    repo = repo_of(journal, batch)
    remote = remote.strip()
    if not remote:
        raise InputError("REMOTE: please give a git repository, such as /media/usb/journal.git.")
    if Path(remote).expanduser().exists():
        # A folder named from where the command runs: git runs in the journal folder,
        # and a later sync from anywhere else, so it is kept by its whole path (as
        # `git clone ../journal.git` does).
        remote = str(Path(remote).expanduser().absolute())
    if repo.exists:
        raise InputError(
            f"This journal already syncs with {repo.remote_url()}.",
            hint="`trustlog sync` syncs it; `trustlog sync status` shows how it stands.",
        )
    tip = repo.remote_tip(remote)  # unreachable: exit 1 before anything is made
    has_entries = any(True for _ in journal.all_files())
    keys_notice: dict[str, Any] | None = None
    found = journal.as_found()  # a refusal leaves the folder as it was, or not there at all
    try:
        with journal.writing():
            repo.init(remote)
        if tip is not None:
            repo.fetch()
        theirs = repo.tips()[2]
        remote_files = repo.files(theirs) if theirs is not None else {}
        if theirs is not None and SETTINGS_FILE not in remote_files:
            raise InputError(
                f"{remote} does not hold a trustlog journal.",
                hint="Give the repository another device's `trustlog sync setup` sent its "
                "journal to, or an empty one (`git init --bare`). Nothing was changed.",
            )
        if theirs is not None and has_entries:
            if _entry_count(remote_files):
                raise InputError(
                    f"{remote} already holds a journal, and this one has entries of its own.",
                    hint="Two journals cannot be joined by sync. To take the remote's journal "
                    "here, set it up in an empty folder (`trustlog --journal NEW_FOLDER sync "
                    "setup REMOTE`); to send this one, give an empty repository (`git init "
                    "--bare`). Nothing was changed.",
                )
            _same_key(journal, repo, remote_files, remote)
        if theirs is None or has_entries:
            if theirs is not None:
                with journal.writing():  # lands before the journal is staged below
                    keys_notice = _settle_keys(journal, repo, remote_files, remote, None)
            with journal.writing():
                tree = repo.stage_all()
                files = repo.files(tree)
                # Even an empty journal sends its settings: a device set up after it then
                # shares its history, and their entries can be merged.
                parents = [theirs] if theirs else []
                repo.commit(tree, parents, _message("started", _kinds_of(files)))
            if not repo.push():
                raise JournalError(f"{remote} changed while this journal was being sent to it.")
            repo.tidy()
            action, count = ("sent" if has_entries else "started"), _entry_count(files)
        else:
            _same_key(journal, repo, remote_files, remote)
            assert theirs is not None
            with journal.writing():
                from trustlog.domain.sync import merge

                plan = merge.fast_forward(dict(remote_files), repo.blobs)
                keys_notice = _settle_keys(journal, repo, remote_files, remote, plan)
                _land(journal, plan, theirs)
            _finish(journal, repo)
            if keys_notice is not None:  # the keys settled here: the other device learns now
                repo.push()
            action, count = "received", _entry_count(remote_files)
    except BaseException:
        repo.forget()
        journal.take_back(found)
        raise
    gitquick.stamp(str(repo.root), now.isoformat())
    return SetupResult(remote, action, count, journal.identity_path.exists(), keys_notice)


def _settle_keys(
    journal: Journal, repo: Repo, remote_files: dict[str, str], remote: str, plan: Plan | None
) -> dict[str, Any] | None:
    """Sharing keys made here and on the device that set the remote up, before either
    synced: settled as a merge settles them (domain/sync/keys.py), into `plan` (taking the
    remote's journal) or straight into the journal (sending this one on top of it)."""
    from trustlog.domain.partner.keys import KEYS_FILE
    from trustlog.domain.sync import merge

    theirs = remote_files.get(KEYS_FILE)
    if theirs is None or not journal.exists(journal.root / KEYS_FILE):
        return None
    mine = repo.blob_of(KEYS_FILE)
    data = repo.blobs([mine, theirs])
    settled = merge.Plan() if plan is None else plan
    merge.settle_keys(journal, settled, data[mine], data[theirs], remote)
    if plan is None:
        _write(journal, settled)
    return settled.sharing_keys


def _same_key(journal: Journal, repo: Repo, remote_files: dict[str, str], remote: str) -> None:
    """A journal encrypted here takes only a journal encrypted with the same key."""
    if not journal.exists(journal.identity_path):
        return
    blob = remote_files.get(IDENTITY_FILE)
    if blob is None or repo.blobs([blob])[blob] != journal.read_bytes(journal.identity_path):
        raise InputError(
            f"{remote} holds a journal with another encryption key than this one.",
            hint="Set it up in an empty folder instead (`trustlog --journal NEW_FOLDER sync "
            "setup REMOTE`), which then opens with that journal's passphrase. Nothing was "
            "changed.",
        )
