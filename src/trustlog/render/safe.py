"""The one place text is made safe for a terminal.

Whatever a person typed or a file holds may carry control characters: an
escape sequence can clear the screen, retitle the window or plant a link. So
every control character but newline and tab (C0, DEL and C1, the escape
character included) is shown as a visible escape, `\\x1b`, `\\x07`, `\\x9b`,
in the form Python writes them. A backslash that was typed stays as it is:
the escapes are for reading, not for parsing back.

render/output.py applies `visible` to everything it prints, and JSON output
goes through `json_safe`; renderers need not remember to.
"""

from __future__ import annotations

import re

# C0 but newline and tab, then DEL and the C1 block.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# JSON already escapes C0; DEL and C1 are legal raw in a JSON string, but a
# terminal would act on some of them (\x9b starts a sequence like ESC [).
_JSON_RAW = re.compile("[\x7f-\x9f]")


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def visible(text: str) -> str:
    """`text` with every control character but newline and tab written as `\\xNN`."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def json_safe(dumped: str) -> str:
    """JSON text (from json.dumps) with DEL and C1 escaped too, as `\\u007f`."""
    if _JSON_RAW.search(dumped) is None:
        return dumped
    # Such characters can only be inside strings, where \\uXXXX means the same.
    return _JSON_RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)
