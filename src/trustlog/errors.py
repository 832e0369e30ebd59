"""The one error type. The domain raises these with words written for a person;
the command layer alone turns them into exit codes (see cli/group.py)."""

from __future__ import annotations


class TrustlogError(Exception):
    """Something the person should be told about, in plain words."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class JournalError(TrustlogError):
    """The journal could not be read or written safely (exit 1)."""

    exit_code = 1


class InputError(TrustlogError):
    """Bad input: a flag or value that cannot be used (exit 2)."""

    exit_code = 2


class Stopped(KeyboardInterrupt):
    """Ctrl-C after part of the work was saved: `message` says what is on disk and what
    finishes it (the plain Ctrl-C message says nothing was saved)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
