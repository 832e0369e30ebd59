"""`trustlog export --format json`: every entry with its file's text, for safe keeping.

The layout (docs/export.md shows it): what the file is and what was left out
of it, so an import knows whether it is whole; the settings of `trustlog
init`; then each entry as `{"path", "file", "entry"}`. Nothing in it depends
on when it was made, so exporting the same journal twice gives the same
bytes, and export → import → export gives the file back unchanged.
"""

from __future__ import annotations

import json
from typing import Any

from trustlog.domain.export.model import Export
from trustlog.render.safe import json_safe
from trustlog.storage.journal import FORMAT_VERSION

EXPORT_FORMAT = 1  # the layout of this file; `trustlog import trustlog` checks it


def render(export: Export) -> bytes:
    options = export.options
    window = options.start is not None or options.end is not None
    data: dict[str, Any] = {
        "trustlog_export": EXPORT_FORMAT,
        "journal_format": FORMAT_VERSION,
        "complete": options.include_private
        and not options.only
        and not export.redactions
        and not window,
        "includes_private": options.include_private,
        "only": list(options.only),
        "redacted": export.redactions > 0,
        "from": options.start.isoformat() if options.start else None,
        "to": options.end.isoformat() if options.end else None,
        "profile": export.profile,
        "entries": [
            {"path": carried.path, "file": carried.text, "entry": carried.entry.to_json()}
            for carried in export.carried
        ],
    }
    # DEL and C1 escaped as well, so the file is safe to show in a terminal (`--output -`).
    return (json_safe(json.dumps(data, ensure_ascii=False, indent=1)) + "\n").encode("utf-8")
