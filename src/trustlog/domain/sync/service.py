"""`trustlog sync`: one journal on each of a person's devices, through a git remote.

A sync, under the journal's lock for every step that reads or writes the
journal (and under `.sync/lock`, so two syncs on one device take turns):

1. fetch the remote (unreachable: stop, nothing changed);
2. finish what a sync killed earlier left (below);
3. commit what changed here since the last sync (the message: counts and kinds);
4. merge the remote's side by trustlog's rules (merge.py) into one change of the
   journal, which lands with a marker, `.sync/merging`, naming the remote's commit;
5. commit the merge (both parents) and remove the marker;
6. push; if the remote moved meanwhile, fetch and merge again (a few times), never force.

A sync killed anywhere leaves the journal before or after the change of step 4
(the journal's change record), and git's branch before or after its commit. The
marker lands with the files, so the next sync knows the files already hold the
remote's commit, and commits them as the merge they are.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustlog.errors import InputError, JournalError
from trustlog.storage import gitquick, lock
from trustlog.storage.git import Repo
from trustlog.storage.gitquick import SYNC_FOLDER
from trustlog.storage.journal import SETTINGS_FILE, Journal
from trustlog.storage.names import said_by

if TYPE_CHECKING:  # merge.py reads every kind: imported only when a merge happens
    from trustlog.domain.sync.merge import Plan

MARKER = gitquick.MARKER
SYNC_LOCK_SECONDS = 120  # a sync over a slow network waits for the one before it
ROUNDS = 4  # fetch-merge-push rounds before giving up on a remote that keeps moving


@dataclass
class SyncResult:
    remote: str
    sent: int = 0
    received: int = 0
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    finished_earlier: bool = False  # a killed sync's merge was completed first
    other_files: int = 0  # files sent or received that are not entries (settings, keys, ...)
    # Both devices had made sharing keys (domain/sync/keys.py): which were kept, and why.
    sharing_keys: dict[str, Any] | None = None


@dataclass
class SyncStatus:
    remote: str
    last_sync: datetime | None
    ahead: int
    behind: int
    checked: bool  # the remote answered now (else: as of the last fetch)


def repo_of(journal: Journal, batch: bool = True) -> Repo:
    return Repo(journal.root, batch=batch)


def _require(repo: Repo) -> str:
    url = repo.remote_url() if repo.exists else None
    if url is None:
        raise InputError(
            "This journal is not set up to sync yet.",
            hint="`trustlog sync setup REMOTE` starts, with REMOTE an empty git repository "
            "(a bare one on a USB stick, or a server you trust).",
        )
    return url


# -- sync ----------------------------------------------------------------------------


def sync(journal: Journal, now: datetime, batch: bool = True) -> SyncResult:
    repo = repo_of(journal, batch)
    url = _require(repo)
    result = SyncResult(url)
    with _sync_lock(repo):
        repo.clear_stale_locks()  # what a killed git left: no git of ours runs now
        for _ in range(ROUNDS):
            repo.fetch()
            with journal.writing():
                result.finished_earlier |= _finish(journal, repo)
                local, tree, theirs = repo.tips()
                local = _commit_local(repo, local, tree)
                plan, ours = _plan(journal, repo, local, theirs, url)
                if plan is not None:
                    assert theirs is not None
                    _keys_replaced(journal, repo, plan, local)
                    _land(journal, plan, theirs)
            if plan is not None:
                _finish(journal, repo, _merge_message(plan))
                result.received += _entry_count(plan.paths)
                result.other_files += len(plan.paths) - _entry_count(plan.paths)
                result.merged += [i for i in plan.merged if i not in result.merged]
                result.conflicts += [i for i in plan.conflicts if i not in result.conflicts]
                result.sharing_keys = plan.sharing_keys or result.sharing_keys
                local = repo.head()
            if local is None or local == theirs:
                break
            if repo.push():
                result.sent += _entry_count(ours)
                result.other_files += len(ours) - _entry_count(ours)
                break
        else:
            raise JournalError(
                f"{url} kept changing while this device tried to send to it.",
                hint="Everything is merged and saved here; run `trustlog sync` again in a moment.",
            )
    gitquick.stamp(str(repo.root), now.isoformat())
    return result


def _plan(
    journal: Journal, repo: Repo, local: str | None, theirs: str | None, url: str
) -> tuple[Plan | None, dict[str, str | None]]:
    """What the journal needs from the remote (None: nothing), and what this side has new."""
    if theirs == local:
        return None, {}
    if theirs is None or (local and repo.is_ancestor(theirs, local)):
        return None, repo.changes(theirs, local) if local else {}
    from trustlog.domain.sync import merge  # every kind: only when there is something to take

    if local is None or repo.is_ancestor(local, theirs):
        return merge.fast_forward(repo.changes(local, theirs), repo.blobs), {}
    base = repo.merge_base(local, theirs)
    if base is None:
        raise InputError(
            f"{url} holds another journal: it shares no history with this one.",
            hint="They cannot be merged. Nothing was changed. To keep syncing this "
            "journal, give it an empty repository; to take the other, set it up in an "
            "empty folder.",
        )
    ours = repo.changes(base, local)
    theirs_changes = repo.changes(base, theirs)
    settings = None
    if SETTINGS_FILE in ours and SETTINGS_FILE in theirs_changes:
        blob = repo.files(base).get(SETTINGS_FILE)
        settings = repo.blobs([blob])[blob] if blob else None
    plan = merge.merge(journal, ours, theirs_changes, repo.blobs, settings, url)
    return plan, ours


def _keys_replaced(journal: Journal, repo: Repo, plan: Plan, local: str | None) -> None:
    """Sharing keys another device settled (or a person changed there) that take the place
    of this device's: said, as when they are settled here (domain/sync/keys.py)."""
    from trustlog.domain.partner.keys import KEYS_FILE
    from trustlog.domain.sync import keys

    after = plan.raw.get(KEYS_FILE)
    if plan.sharing_keys is not None or after is None or local is None:
        return
    blob = repo.blob_at(local, KEYS_FILE)
    if blob is None:
        return
    before = repo.blobs([blob])[blob]
    if not keys.differ(journal, before, after):
        return
    copy = keys.copy_path(before)
    if copy not in plan.raw and not journal.exists(journal.root / copy):
        plan.take(copy, before)  # never lost: kept beside, as the device that settled them does
    plan.sharing_keys = keys.replaced(journal, before, after, copy)


def _land(journal: Journal, plan: Plan, theirs: str) -> None:
    """The plan's files and the marker, as one change of the journal (inside `writing()`)."""
    with journal.change() as step:
        _write(journal, plan)
        step.write(_marker(journal), theirs.encode("ascii"))


def _write(journal: Journal, plan: Plan) -> None:
    """The plan's files, in the journal's change (inside `writing()`)."""
    root = journal.root
    with journal.change() as step:
        for path, data in plan.raw.items():
            step.write(root / path, data)
        for path, data in plan.plain.items():
            journal.write_bytes(root / path, data)
        for path in sorted(plan.removes):
            journal.remove(root / path)


def _finish(journal: Journal, repo: Repo, message: str | None = None) -> bool:
    """Commit the files a landed merge left, as the merge of the remote's commit the marker
    names; True if there was one. Safe to repeat at any point of a killed sync."""
    marker = _marker(journal)
    with journal.writing():
        if not journal.exists(marker):
            return False
        theirs = journal.read_bytes(marker).decode("ascii").strip()
        head = repo.head()
        if head is None or not repo.is_ancestor(theirs, head):
            tree = repo.stage_all()
            if (head is None or repo.is_ancestor(head, theirs)) and tree == repo.tree_of(theirs):
                repo.move_to(theirs)
            else:
                parents = [p for p in (head, theirs) if p is not None]
                repo.commit(tree, parents, message or _message("merge", {}))
        journal.remove(marker)
    return True


def _commit_local(repo: Repo, head: str | None, head_tree: str) -> str | None:
    """One commit of what changed here since the last sync (nothing: no commit); the tip.

    `git status` first: when nothing differs (the usual case), git's index is
    neither refreshed nor written, and no tree is made."""
    if head is not None and repo.clean():
        return head
    tree = repo.stage_all()
    if tree == head_tree:
        return head
    changed = repo.changes(head_tree, tree)
    return repo.commit(tree, [head] if head else [], _message("saved", _kinds_of(changed)))


# -- status --------------------------------------------------------------------------


def status(journal: Journal, batch: bool = True) -> SyncStatus:
    """How far this device is ahead of the remote and behind it, in entry files."""
    repo = repo_of(journal, batch)
    url = _require(repo)
    checked = True
    try:
        with _sync_lock(repo, wait=0):
            repo.fetch()
    except (JournalError, lock.Busy):
        checked = False
    local, _, theirs = repo.tips()
    here = set(p for p in repo.unstaged() if said_by(Path(p)) is not None)
    behind: set[str] = set()
    if theirs is not None and local is not None:
        base = repo.merge_base(local, theirs)
        here |= set(repo.changes(base, local))
        behind = set(repo.changes(base, theirs))
    elif local is not None:
        here |= set(repo.changes(None, local))
    stamp = gitquick.last_sync(str(repo.root))
    return SyncStatus(
        url,
        datetime.fromisoformat(stamp) if stamp else None,
        _entry_count(here),
        _entry_count(behind),
        checked,
    )


# -- helpers --------------------------------------------------------------------------


def _marker(journal: Journal) -> Path:
    return journal.root / SYNC_FOLDER / MARKER


@contextlib.contextmanager
def _sync_lock(repo: Repo, wait: float = SYNC_LOCK_SECONDS) -> Iterator[None]:
    try:
        with repo.sync_lock(wait):
            yield
    except lock.Busy:
        if wait == 0:
            raise
        raise JournalError(
            "Another trustlog sync is still running for this journal.",
            hint="Wait for it to finish and try again.",
        ) from None


def _entry_count(paths: Iterable[str]) -> int:
    return sum(1 for p in paths if said_by(Path(p)) is not None)


def _kinds_of(paths: Iterable[str]) -> Counter[str]:
    """What changed, by kind: only kinds this version knows (a file's name is the person's)."""
    from trustlog.domain.kinds import NAMES

    found: Counter[str] = Counter()
    for p in paths:
        said = said_by(Path(p))
        if said is not None:
            found[said.kind if said.kind in NAMES else "other"] += 1
    return found


def _message(what: str, counts: Counter[str] | dict[str, int]) -> str:
    """A commit message: counts and kinds, never a word a person wrote."""
    total = sum(counts.values())
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    return f"trustlog: {what}, {_files(total)}" + (f" ({detail})" if detail else "")


def _merge_message(plan: Plan) -> str:
    copies = len(plan.conflicts)
    return (
        f"trustlog: merge, {_files(_entry_count(plan.paths))}, {len(plan.merged)} joined, "
        f"{copies} conflict {'copy' if copies == 1 else 'copies'}"
    )


def _files(count: int) -> str:
    return f"{count} entry {'file' if count == 1 else 'files'}"
