"""The one place text is made safe for a terminal.

Whatever a person typed or a file holds may carry control characters: an
escape sequence can clear the screen, retitle the window or plant a link. So
every control character but newline and tab (C0, DEL and C1, the escape
character included) is shown as a visible escape, `\\x1b`, `\\x07`, `\\x9b`,
in the form Python writes them, and so is each bidi control that can reverse
what follows it on a line (`\\u202e`). A CR before a newline is a line end.
A backslash that was typed stays as it is: the escapes are for reading, not
for parsing back.

render/output.py applies `visible` to everything it prints, and JSON output
goes through `json_safe`; renderers need not remember to.
"""

from __future__ import annotations

import re

# The bidi controls that embed, override or isolate (U+202A-U+202E, U+2066-U+2069):
# raw, they can reverse the rest of a line, so what follows reads otherwise.
_BIDI = "\u202a-\u202e\u2066-\u2069"
# C0 but newline and tab, then DEL and the C1 block, then the bidi controls.
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# JSON already escapes C0; DEL, C1 and bidi controls are legal raw in a JSON string, but
# a terminal would act on them (\x9b starts a sequence like ESC [).
_JSON_RAW = re.compile(f"[\x7f-\x9f{_BIDI}]")


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def visible(text: str) -> str:
    """`text` with every control character but newline and tab written as `\\xNN` (a
    bidi control as `\\u202e`); a CR just before a newline is a line end (CRLF), not
    a character to show."""
    if _CONTROL.search(text) is None:
        return text
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _CONTROL.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def json_safe(dumped: str) -> str:
    """JSON text (from json.dumps) with DEL, C1 and bidi controls escaped too, as
    `\\u007f`."""
    if (dumped.isascii() and "\x7f" not in dumped) or _JSON_RAW.search(dumped) is None:
        return dumped  # (the only one of them in ASCII is DEL: a far quicker look)
    # Such characters can only be inside strings, where \\uXXXX means the same.
    return _JSON_RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)
