"""`trustlog export --format json`: every entry with its file's text, for safe keeping.

The layout (docs/export.md shows it): what the file is and what was left out
of it, so an import knows whether it is whole; the settings of `trustlog
init`; then each entry as `{"path", "file", "entry"}`. Nothing in it depends
on when it was made, so exporting the same journal twice gives the same
bytes, and export → import → export gives the file back unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from trustlog.domain.export.model import Export
from trustlog.render.safe import json_safe
from trustlog.storage.journal import FORMAT_VERSION

EXPORT_FORMAT = 1  # the layout of this file; `trustlog import trustlog` checks it


def render(export: Export) -> bytes:
    return b"".join(chunks(export))


def chunks(export: Export) -> Iterator[bytes]:
    """The file, an entry at a time: the same bytes as `json.dumps(..., indent=1)` of
    the whole, without the whole in memory (`export.pending` is read as it goes).

    With `indent`, json.dumps takes Python's pure-Python encoder over the whole
    document: 134 ms of ten years' 1.4 s, and the document and its text held at
    once. Each entry here is written by `_dumps` below instead (strings by the C
    escaper), and tests/export/test_export_stream.py holds it to json.dumps by hypothesis.
    """
    options = export.options
    window = options.start is not None or options.end is not None
    head: dict[str, Any] = {
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
    }
    opened = json.dumps(head, ensure_ascii=False, indent=1).removesuffix("\n}")
    carried = export.pending if export.pending is not None else iter(export.carried)
    separator = ',\n "entries": [\n  '
    closing = ',\n "entries": []\n}\n'
    pieces: list[str] = [opened]
    size = 0
    for item in carried:
        # _dumps({"path": ..., "file": ..., "entry": ...}, 2), its outer level spelled out.
        entry = _scalar(item.entry.to_json(), 3)
        said = f'{{\n   "path": {_string(item.path)},\n   "file": {_string(item.text)},'
        pieces += (separator, f'{said}\n   "entry": {entry}\n  }}')
        size += len(pieces[-1])
        separator, closing = ",\n  ", "\n ]\n}\n"
        if size > PIECE:
            yield _safe_bytes(pieces)
            pieces, size = [], 0
    pieces.append(closing)
    yield _safe_bytes(pieces)


PIECE = 1 << 16  # characters written at once: one write call for many entries


def _safe_bytes(pieces: list[str]) -> bytes:
    # DEL and C1 escaped as well, so the file is safe to show in a terminal (`--output -`).
    return json_safe("".join(pieces)).encode("utf-8")


_string = json.encoder.encode_basestring  # the C one where there is one, as json.dumps uses


def _dumps(value: Any, level: int) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)` as it reads `level` deep."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = _indent(level + 1)
        pairs = []
        for key, item in value.items():
            if type(key) is not str:
                break  # json makes it text: left to json below
            pairs.append(f"{_string(key)}: {_scalar(item, level + 1)}")
        else:
            return "{" + inner + ("," + inner).join(pairs) + _indent(level) + "}"
    elif kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = _indent(level + 1)
        items = [_scalar(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + _indent(level) + "]"
    # Anything else (a float, a key that is not text): json itself, indented to its place.
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", _indent(level))


_INDENTS = ["\n" + " " * level for level in range(16)]


def _indent(level: int) -> str:
    return _INDENTS[level] if level < len(_INDENTS) else "\n" + " " * level


def _scalar(value: Any, level: int) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    return _dumps(value, level)
