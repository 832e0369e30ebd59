"""Where the journal lives: `--journal` › `TRUSTLOG_HOME` › the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path


def journal_dir(option: Path | None = None) -> Path:
    if option is not None:
        return option.expanduser()
    env = os.environ.get("TRUSTLOG_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no override is given

    return Path(platformdirs.user_data_dir("trustlog", appauthor=False))
