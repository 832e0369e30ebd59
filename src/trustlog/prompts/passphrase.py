"""The journal's passphrase: from `TRUSTLOG_PASSPHRASE`, or typed, hidden, in a terminal.

Without either, the command refuses at once, naming both ways: it never
waits for input that cannot come.
"""

from __future__ import annotations

import os

from trustlog.errors import InputError
from trustlog.prompts.seam import ask_secret, can_prompt

ENV = "TRUSTLOG_PASSPHRASE"


def passphrase(no_input: bool, twice: bool = False) -> str:
    """The passphrase; `twice` for a new one, typed again to be sure of it."""
    given = os.environ.get(ENV)
    if given:
        return given
    if not can_prompt(no_input):
        where = "in a terminal without --no-input" if no_input else "in a terminal"
        if twice:  # a new passphrase, for `trustlog encrypt`
            raise InputError(
                f"To encrypt your journal, please set {ENV} to a new passphrase, "
                f"or run this {where} to be asked for one. Nothing was changed."
            )
        raise InputError(
            f"This journal is encrypted: please set {ENV} to its passphrase, or run this {where}.",
            hint="`trustlog unlock` in a terminal opens it for a while, so commands need "
            "no passphrase until then. Nothing was changed.",
        )
    first = ask_secret("Passphrase for your journal:")
    if not first:
        raise InputError("The passphrase is empty; please give one. Nothing was changed.")
    if twice and ask_secret("The same passphrase again:") != first:
        raise InputError("The two passphrases differ. Nothing was changed; please try again.")
    return first
