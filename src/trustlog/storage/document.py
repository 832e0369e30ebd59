"""One entry file: TOML front matter between `+++` fences, then free Markdown text.

    +++
    kind = "checkin"
    id = "k3m9x"
    date = 2026-11-24
    mood = 4
    +++
    We walked by the river and talked about Sunday.

The body is everything after the closing fence, byte for byte, so any text a
person can type survives; only a CR before a newline (a file saved with CRLF
line ends) is read, and written back, as the plain newline it stands for. The
front matter is written by tomli-w with every string on one line (newlines
escaped), so a fence line can only be a fence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from trustlog.errors import JournalError
from trustlog.storage.front import read as fast_front

FENCE = "+++"
_LINE_IN_MESSAGE = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class Document:
    """A parsed entry file: its fields (front matter) and its free text (body)."""

    fields: dict[str, Any]
    body: str | None = None
    path: Path | None = field(default=None, compare=False)
    text: str | None = field(default=None, compare=False, repr=False)

    def line_of(self, key: str) -> int | None:
        """The line of `key` in the file as read, so errors can point at it."""
        if self.text is None:
            return None
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.text.splitlines(), start=1):
            if pattern.match(line):
                return number
            if number > 1 and line.rstrip("\r") == FENCE:
                break
        return None


def dumps(fields: dict[str, Any], body: str | None) -> str:
    front = tomli_w.dumps(_without_none(fields))
    text = f"{FENCE}\n{front}{FENCE}\n"
    if body:
        text += line_ends(body)
    return text


def line_ends(body: str) -> str:
    """A body with each CR before a newline read as the line end it is (CRLF to LF)."""
    return body.replace("\r\n", "\n") if "\r\n" in body else body


def merge(doc: Document, fields: dict[str, Any], body: str | None) -> str:
    """The text of `doc` with its fields changed to `fields`, keeping what a person wrote.

    Only keys whose value changed are rewritten, so comments, spacing and the
    order of a hand-edited file survive a later update. tomlkit (imported only
    here) is the style-preserving TOML editor that makes this possible.
    """
    if doc.text is None or doc.text == dumps(doc.fields, doc.body):
        # Nobody has touched the file since trustlog wrote it: nothing of a
        # person's layout to keep, and tomlkit's ~20 ms import can be skipped.
        return dumps(fields, body)
    import tomlkit

    lines = doc.text.split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == FENCE)
    front_text = "\n".join(lines[1:closing]) + "\n"
    try:
        front = tomlkit.parse(front_text)
    except RecursionError:  # tomlkit nests deeper per level than tomllib, which read it
        assert doc.path is not None
        raise damaged(doc.path, _deepest_line(front_text) + 1, _TOO_DEEP) from None
    wanted = _without_none(fields)
    for key in [key for key in front if key not in wanted]:
        del front[key]
    for key, value in wanted.items():
        if key not in front or front[key].unwrap() != value:
            front[key] = value
    text = f"{lines[0]}\n{tomlkit.dumps(front).rstrip(chr(10))}\n{lines[closing]}\n"
    if body:
        text += line_ends(body)
    return text


def loads(text: str, path: Path) -> Document:
    """A file's text read as a Document; a CR before a newline (a file saved with CRLF
    line ends) is a line end, so an update writes the file back with plain newlines."""
    text = line_ends(text)
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != FENCE:
        raise damaged(path, 1, "it should begin with a line of three plus signs (+++)")
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r") == FENCE:
            break
    else:
        raise damaged(path, len(lines), "the closing +++ line is missing")
    front = "\n".join(lines[1:index]) + "\n"
    fields = fast_front(front)  # what trustlog wrote, read quickly (storage/front.py)
    if fields is not None:
        body: str | None = "\n".join(lines[index + 1 :])
        return Document(fields=fields, body=body or None, path=path, text=text)
    import tomllib  # anything else: a hand edit, or damage to name by its line

    try:
        fields = tomllib.loads(front)
    except RecursionError:
        raise damaged(path, _deepest_line(front) + 1, _TOO_DEEP) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _LINE_IN_MESSAGE.search(message)
        line = int(found.group(1)) + 1 if found else None
        if line is None and "end of document" in message:
            line = index + 1
        reason = _LINE_IN_MESSAGE.sub("", message).replace("(at end of document)", "")
        reason = reason.strip().rstrip(".")
        raise damaged(path, line, reason[:1].lower() + reason[1:]) from None
    body = "\n".join(lines[index + 1 :])
    return Document(fields=fields, body=body or None, path=path, text=text)


def parse(raw: bytes, path: Path) -> Document:
    """An entry file's bytes as read from `path`, naming the line of any damage."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise damaged(path, line, "it is not UTF-8 text") from None
    return loads(text, path)


def parse_toml(raw: bytes, path: Path) -> dict[str, Any]:
    """A plain TOML file's bytes (such as journal.toml), naming the line of any damage."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise damaged(path, None, "it is not UTF-8 text") from None
    fields = fast_front(text)  # `format = 1`, as trustlog writes journal.toml
    if fields is not None:
        return fields
    import tomllib

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise damaged(path, _deepest_line(text), _TOO_DEEP) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _LINE_IN_MESSAGE.search(message)
        reason = _LINE_IN_MESSAGE.sub("", message).strip().rstrip(".")
        line = int(found.group(1)) if found else None
        raise damaged(path, line, reason[:1].lower() + reason[1:]) from None


_TOO_DEEP = "its lists or tables are nested too deeply to read"


def _deepest_line(front: str) -> int:
    """The line that opens the most lists and tables: where a too-deep nesting starts."""
    lines = front.split("\n")
    opened = [line.count("[") + line.count("{") for line in lines]
    return opened.index(max(opened)) + 1


def damaged(path: Path, line: int | None, reason: str, hint: str | None = None) -> JournalError:
    where = f"{path}, line {line}" if line else str(path)
    return JournalError(
        f"{where}: {reason}.",
        hint=hint
        or "The file was left exactly as it is. Fix it by hand (or restore it "
        "from a backup) and run the command again.",
    )


def _without_none(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}
