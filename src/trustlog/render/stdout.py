"""Standard output, named when it fails: a full disk, `> /dev/full`, a pipe closed early.

An error from writing a stream names no file, so the person would read only
"Could not read or write: No space left on device". Every writer of stdout
(render/output.py, the consoles, a help page) goes through `naming_stdout`,
and cli/group.py says "Could not write to standard output".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

STANDARD_OUTPUT = "standard output"


@contextmanager
def naming_stdout() -> Iterator[None]:
    """A write to stdout that fails (a full disk, `> /dev/full`) names it: the error
    from a stream names no file, and "Could not write: No space left" says nothing."""
    try:
        yield
    except OSError as error:
        if error.filename is not None:
            raise
        raise OSError(error.errno, error.strerror, STANDARD_OUTPUT) from error


def write_stdout(text: str) -> None:
    """Plain text on stdout (a help page), a failure naming standard output."""
    with naming_stdout():
        sys.stdout.write(text)
        sys.stdout.flush()
