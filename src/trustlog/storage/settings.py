"""`journal.toml`: the journal's settings and the format version its files are in.

Read and written through the byte seam (storage/files.py) like every other
file. Both the journal and its upgrades (storage/migrate.py) need it, so it
lives apart from either.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tomli_w

from trustlog.errors import JournalError
from trustlog.storage import document
from trustlog.storage.files import Files, unreadable

FORMAT_VERSION = 1
SETTINGS_FILE = "journal.toml"
_FORMAT_LINE = re.compile(rb"^\s*format\s*=")


def path_of(files: Files) -> Path:
    return files.root / SETTINGS_FILE


def read(files: Files, current: int) -> dict[str, Any]:
    """The settings table (empty when there is none), refusing a format not up to `current`."""
    path = path_of(files)
    try:
        raw = files.read_bytes(path)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as error:
        raise unreadable(path, error) from None
    data = document.parse_toml(raw, path)
    check_format(data, raw, path, current)
    return data


def save(files: Files, data: dict[str, Any], current: int) -> None:
    """Write the settings, `format` first (`current` when they do not say one)."""
    version = data.get("format", current)
    data = {"format": version, **{k: v for k, v in data.items() if k != "format"}}
    files.write_bytes(path_of(files), tomli_w.dumps(data).encode("utf-8"))


def check_format(settings: dict[str, Any], raw: bytes, path: Path, current: int) -> None:
    """Refuse a `format` no trustlog wrote (damaged) or a newer one, before anything is written."""
    version = settings.get("format", current)
    # A bool is an int to Python; below 1 is no format there ever was (and no
    # step exists for it: it must not be "upgraded", nor the journal backed up).
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        lines = enumerate(raw.splitlines(), start=1)
        line = next((number for number, text in lines if _FORMAT_LINE.match(text)), None)
        known = "1" if current == 1 else f"a whole number from 1 to {current}"
        raise document.damaged(path, line, f"'format' should be {known}")
    if version > current:
        raise JournalError(
            f"{path}: this journal was written by a newer trustlog "
            f"(format {version}); this one understands format {current}.",
            hint="Update trustlog to use this journal. Nothing was changed.",
        )
