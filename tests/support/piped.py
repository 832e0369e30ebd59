"""Standard output as a pipe with no width asked for, for tests that compare what
trustlog writes there with rich's own drawing of the same thing."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def piped_stdout(*, color: bool) -> Iterator[tuple[io.StringIO, pytest.MonkeyPatch]]:
    """stdout replaced by a buffer (no terminal, no COLUMNS), NO_COLOR unset when `color`;
    the patch is there for anything more the test needs changed for the while."""
    stdout = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", stdout)
        patch.delenv("COLUMNS", raising=False)  # no width asked for
        if color:
            patch.delenv("NO_COLOR", raising=False)
        yield stdout, patch
