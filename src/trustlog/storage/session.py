"""An unlocked session: the journal's identity, kept in memory-backed storage until it expires.

    $XDG_RUNTIME_DIR/trustlog/<key of the journal's path>.session
    (else /dev/shm/trustlog-<uid>/...)

`trustlog unlock` puts the unlocked identity here, so a day's commands do
not each pay the passphrase's 2.6 s. The folder is a tmpfs (memory, never a
disk), private to the user (0700, the file 0600; a folder that is someone
else's or open to others is refused), and the system empties it at logout or
reboot. The file says when it expires; every command that looks at it checks
that first, and removes it once it has. `trustlog lock` removes it at once.

A file, not an agent process holding the key: nothing to keep running or to
find again, nothing left behind by a crash, and expiry testable with the pinned
clock. Its cost, said in docs/encryption.md: after expiry the key stays in
memory until the next trustlog command, logout or reboot.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trustlog.errors import InputError
from trustlog.storage import atomic

SHM = Path("/dev/shm")


@dataclass(frozen=True)
class Session:
    identity: str  # the identity's text (`AGE-SECRET-KEY-1...`)
    expires: datetime


def folder() -> Path | None:
    """The private folder sessions live in, on a memory file system; None if there is none."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir() and in_memory(Path(runtime)):
        return Path(runtime) / "trustlog"
    if SHM.is_dir() and in_memory(SHM):
        return SHM / f"trustlog-{os.getuid()}"
    return None


def in_memory(path: Path) -> bool:
    """Whether `path` is on a file system kept in memory (tmpfs, ramfs), never on a disk.

    Linux says so in /proc/self/mounts (the longest mount point holding the path).
    Where there is no such file (macOS), a runtime folder is taken at its word.
    """
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    target = str(path.resolve())
    longest, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount = fields[1].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) > len(longest):
            longest, kind = mount, fields[2]
    return kind in ("tmpfs", "ramfs")


def path_of(root: Path) -> Path | None:
    """Where the session of the journal at `root` lives (named by a hash of its path)."""
    where = folder()
    if where is None:
        return None
    key = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:24]
    return where / f"{key}.session"


def read(root: Path, now: datetime) -> Session | None:
    """The journal's open session, or None; an expired or unreadable one is removed."""
    path = path_of(root)
    if path is None or not _private(path.parent):
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        stored = json.loads(raw)
        found = Session(str(stored["identity"]), datetime.fromisoformat(stored["expires"]))
    except (ValueError, TypeError, KeyError):
        found = None
    if found is None or found.expires <= now:
        end(root)
        return None
    return found


def open_for(root: Path, identity: str, expires: datetime) -> None:
    """Keep the unlocked identity until `expires` (InputError where no tmpfs is there)."""
    path = path_of(root)
    if path is None:
        raise InputError(
            "This computer has no memory-only folder to keep a session in "
            "($XDG_RUNTIME_DIR or /dev/shm, on tmpfs), and a key never goes on a disk.",
            hint="Each command asks for the passphrase instead, or reads TRUSTLOG_PASSPHRASE.",
        )
    if not path.parent.is_dir():
        path.parent.mkdir(mode=atomic.FOLDER_MODE)
        path.parent.chmod(atomic.FOLDER_MODE)
    if not _private(path.parent):
        raise InputError(
            f"{path.parent} is not private to you, so no session can be kept there.",
            hint="Remove that folder (or make it yours, mode 700) and try again.",
        )
    data = {"journal": str(root.resolve()), "expires": expires.isoformat(), "identity": identity}
    atomic.write_atomic(path, json.dumps(data).encode("utf-8"))


def end(root: Path) -> bool:
    """Remove the journal's session; True if one was there."""
    path = path_of(root)
    if path is None:
        return False
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    with contextlib.suppress(OSError):
        atomic.fsync_folder(path.parent)
    return True


def _private(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )
