"""What `trustlog sync`, `sync setup` and `sync status` say, and their JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trustlog.render import words
from trustlog.render.insync import IN_STEP
from trustlog.render.output import picked

if TYPE_CHECKING:
    from trustlog.domain.sync.service import SyncResult, SyncStatus
    from trustlog.domain.sync.setup import SetupResult
    from trustlog.render.output import Output

PLAIN_REMOTE = (
    "Your journal is plain text, so {remote} holds it as plain text: anyone who can read "
    "that repository can read your entries. To keep them hidden there, `trustlog encrypt` "
    "the journal (what was sent already stays in the repository's history)."
)


def set_up(output: Output, done: SetupResult, json: bool = False) -> None:
    if json:
        output.json(picked(done, "remote", "action", "files", "encrypted", "sharing_keys"))
        return
    entries = words.count(done.files, "entry file")
    if done.action == "sent":
        output.tell(
            f"Sent this journal ({entries}) to {done.remote}. On each other device, "
            f"`trustlog sync setup {done.remote}` on an empty journal takes it there."
        )
    elif done.action == "received":
        output.tell(
            f"Took the journal from {done.remote} ({entries}). `trustlog sync` keeps it in step."
        )
    else:
        output.tell(
            f"This journal syncs with {done.remote} from now on; `trustlog sync` sends what you "
            "write."
        )
    if not done.encrypted:
        output.tell(PLAIN_REMOTE.format(remote=done.remote))
    if done.sharing_keys:
        sharing_keys(output, done.sharing_keys)


def synced(output: Output, done: SyncResult, json: bool = False) -> None:
    if json:
        output.json(picked(done, "sent", "received", "merged", "conflicts", "sharing_keys"))
        return
    if done.finished_earlier:
        output.tell("Finished the sync that was stopped earlier.")
    if done.sharing_keys:
        sharing_keys(output, done.sharing_keys)
    if not (done.sent or done.received or done.merged or done.conflicts):
        if done.other_files:  # settings, partner files: no entry, but not nothing either
            files = words.count(done.other_files, "file")
            output.tell(
                f"Synced with {done.remote}: no entries changed; {files} of the journal's "
                "settings and sharing did."
            )
        else:
            output.tell(IN_STEP.format(remote=done.remote))
        return
    output.tell(
        f"Synced with {done.remote}: sent {words.count(done.sent, 'entry file')}, "
        f"received {words.count(done.received, 'entry file')}."
    )
    if done.merged:
        output.tell(
            f"{words.count(len(done.merged), 'entry', 'entries')} changed on both devices "
            f"became one: {', '.join(done.merged)}."
        )
    if done.conflicts:
        copies = words.count(len(done.conflicts), "conflict copy", "conflict copies")
        output.tell(
            f"Where both devices changed the same entry, the later change is kept and the other "
            f"version too ({copies}), so nothing is lost: `trustlog entries --kind conflict` "
            "shows them; `trustlog delete ID` removes one once you have looked."
        )


KEYS_SAID = {
    "kept": "Your devices had each made partner keys before they synced. This journal keeps "
    "the ones whose code you already gave out (fingerprint: {kept}), so nothing changes for "
    "your partner.",
    "neither": "Your devices had each made partner keys before they synced, and neither code "
    "was given out yet. This journal keeps the first made: `trustlog partner code` shows it "
    "(fingerprint: {kept}).",
    "both": "Both of your devices gave out a partner code, and the two differ. This journal "
    "now uses the one given out last (fingerprint: {kept}); your partner may hold the other "
    "({set_aside}).",
}
KEYS_REPLACED = (
    "This journal's partner keys were changed on another device: its code's fingerprint is "
    "now {kept}, and this device's keys ({set_aside}) are kept in your journal folder, as "
    "{file}."
)
KEYS_CHECK = (
    "Ask your partner which fingerprint `trustlog partner` shows for you. If it is "
    "{set_aside}, put those keys back (`mv {file} sharing-keys.toml` in your journal "
    "folder) and sync; if it is neither, give them your code again (`trustlog partner code`)."
)
KEYS_KEPT = "The other keys are kept in your journal folder, as {file}, in case you need them."


def sharing_keys(output: Output, notice: dict[str, Any]) -> None:
    """Two devices' partner keys settled (domain/sync/keys.py): said plainly, and what to do."""
    if not notice["settled_here"]:
        output.tell(KEYS_REPLACED.format(**notice))
    else:
        output.tell(KEYS_SAID[notice["given_out"]].format(**notice))
    if notice["check_with_partner"]:
        output.tell(KEYS_CHECK.format(**notice))
    elif notice["settled_here"] and notice["file"]:
        output.tell(KEYS_KEPT.format(**notice))


def sync_status(output: Output, status: SyncStatus, json: bool = False) -> None:
    if json:
        shown = picked(status, "remote", "last_sync", "ahead", "behind", "checked")
        output.json(shown | {"last_sync": status.last_sync and status.last_sync.isoformat()})
        return
    last = words.date_time(status.last_sync) if status.last_sync else "not yet"
    output.tell(f"Syncing with {status.remote}. Last sync: {last}.")
    output.tell(
        f"Here, not sent yet: {words.count(status.ahead, 'entry file')}. "
        f"On the remote, not here yet: {words.count(status.behind, 'entry file')}."
    )
    if not status.checked:
        output.tell("The remote could not be reached just now: that is as of the last sync.")
