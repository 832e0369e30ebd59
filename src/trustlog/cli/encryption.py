"""`trustlog encrypt`, `decrypt`, `unlock` and `lock`: the journal encrypted at rest.

The passphrase comes from `TRUSTLOG_PASSPHRASE`, or is asked in a terminal
(hidden, prompts/seam.py); without either a command refuses at once rather
than wait for input that cannot come.
"""

from __future__ import annotations

import contextlib
from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain import encryption as domain
from trustlog.errors import InputError
from trustlog.prompts.passphrase import passphrase
from trustlog.render import encryption as render

DoneJson = Annotated[bool, options.json_flag("Print what was done as JSON.")]


def encrypt(
    ctx: typer.Context,
    support_readable: Annotated[
        bool | None,
        typer.Option(
            "--support-readable/--no-support-readable",
            help="Keep your support contacts readable while the journal is locked, on this "
            "device, or not (asked in a terminal; else left as it is, off unless chosen).",
            show_default=False,
        ),
    ] = None,
    json: DoneJson = False,
) -> None:
    """Encrypt the whole journal (age format); asks for a new passphrase twice.

    Every file is encrypted where it is, one at a time; if this is stopped,
    running it again finishes the job. The files open with the standard `age`
    tool too (`trustlog help encryption`).
    """
    from trustlog.domain import support

    state = get_state(ctx)
    journal = state.journal
    new = not journal.encrypted
    given = passphrase(state.no_input, twice=new)
    if new and domain.check_new_passphrase(given):
        render.short_passphrase(state.output, domain.SHORT_PASSPHRASE)
    readable = support_readable
    if readable is None and new and state.may_prompt(json) and support.list_contacts(journal):
        from trustlog.prompts.seam import Asker
        from trustlog.prompts.support import ask_readable

        readable = ask_readable(Asker(), state.output.say, support.readable_when_locked(journal))
    with render.converting(state.output, "Encrypting") as told:
        done = domain.encrypt_journal(journal, given, None if json else told)
    # After the files: the copy's key is over the encrypted contacts (domain/support.py).
    if readable is None:
        support.refresh_readable(journal)
    else:
        support.set_readable(journal, readable)
    render.encrypted(state.output, done, support.readable_when_locked(journal), json=json)


def decrypt(ctx: typer.Context, json: DoneJson = False) -> None:
    """Turn an encrypted journal back into plain text; asks for the passphrase."""
    state = get_state(ctx)
    journal = state.journal
    if not journal.encrypted:
        raise InputError(
            f"The journal at {journal.root} is not encrypted, so there is nothing to decrypt."
        )
    given = passphrase(state.no_input)
    with render.converting(state.output, "Decrypting") as told:
        done = domain.decrypt_journal(journal, given, None if json else told)
    render.decrypted(state.output, done, json=json)


def unlock(
    ctx: typer.Context,
    minutes: Annotated[
        int,
        typer.Option(
            "--for",
            metavar="MINUTES",
            help="How long it stays open, in minutes (default 15).",
            show_default=False,
        ),
    ] = domain.DEFAULT_MINUTES,
    json: DoneJson = False,
) -> None:
    """Open an encrypted journal for a while, so commands need no passphrase."""
    state = get_state(ctx)
    opened = domain.unlock(state.journal, lambda: passphrase(state.no_input), minutes, clock.now())
    render.unlocked(state.output, opened, json=json)


def lock(ctx: typer.Context, json: DoneJson = False) -> None:
    """Lock the journal at once, ending the session `trustlog unlock` opened."""
    state = get_state(ctx)
    journal = state.journal
    _readable_kept_current(state)
    render.locked(state.output, domain.lock(journal), journal.encrypted, json=json)


def _readable_kept_current(state: State) -> None:
    """Before a session ends, the support contacts kept readable catch up with any change
    made some other way (an edit, a sync): never asking the passphrase for it."""
    from trustlog.domain import support
    from trustlog.errors import TrustlogError

    journal = state.journal
    if not journal.encrypted:
        return
    kept = support.read_readable(journal)
    if kept is None or kept.current:
        return
    state.no_input = True
    # No session open: the copy stays as it is, and `help safety` says it may have changed.
    with contextlib.suppress(TrustlogError):
        support.refresh_readable(journal)


__all__ = ["decrypt", "encrypt", "lock", "unlock"]
