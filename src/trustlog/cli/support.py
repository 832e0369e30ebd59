"""`trustlog support add|list|remove`: your own people and local emergency numbers."""

from __future__ import annotations

from typing import Annotated

import typer

from trustlog import clock
from trustlog.cli import options
from trustlog.cli.state import State, get_state
from trustlog.domain import support as domain
from trustlog.domain.support import Contact, Readable
from trustlog.errors import InputError, TrustlogError
from trustlog.render import support as render

app = options.group(
    alone_shows_help=True,
    help="Your support contacts and local emergency numbers, shown by `trustlog help safety`.",
)


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        options.text_argument("A name and a way to reach them, or a local emergency number."),
    ] = None,
    json: Annotated[bool, options.json_flag("Print the saved contact as JSON.")] = False,
) -> None:
    """Add a support contact: someone you trust, a helpline, a local emergency number."""
    state = get_state(ctx)
    contact = domain.add_contact(state.journal, text, clock.now())
    render.contact_added(state.output, contact, json=json)


@app.command("list")
def list_(
    ctx: typer.Context,
    json: Annotated[
        bool,
        options.json_flag("Print the contacts as JSON, and whether they stay readable."),
    ] = False,
) -> None:
    """Your support contacts, numbered as `support remove` takes them.

    On a locked journal that keeps them readable (`support readable on`), no passphrase
    is asked.
    """
    state = get_state(ctx)
    contacts, kept = without_passphrase(state)
    journal = state.journal
    if contacts is None and kept is None:  # locked, and not kept readable: ask, as ever
        contacts = domain.list_contacts(journal)
    render.contact_list(
        state.output, contacts, kept, domain.readable_when_locked(journal), json=json
    )


@app.command("readable")
def readable(
    ctx: typer.Context,
    choice: Annotated[
        str,
        typer.Argument(
            metavar="on|off",
            help="on: readable without the passphrase while the journal is locked, on this "
            "device; off: only in the journal.",
        ),
    ],
    json: Annotated[bool, options.json_flag("Print the setting as JSON.")] = False,
) -> None:
    """Keep your support contacts readable while the journal is locked (on), or not (off).

    Off unless you choose: anyone who can open your files on this computer could read
    them while it is on, a helpline's number too.
    """
    state = get_state(ctx)
    on = domain.parse_on_off(choice)
    journal = state.journal
    changed = domain.set_readable(journal, on)
    render.readable_set(state.output, on, changed, journal.encrypted, json=json)


def without_passphrase(
    state: State, whatever: bool = False
) -> tuple[list[Contact] | None, Readable | None]:
    """The contacts, never asking for a passphrase: from the journal when it opens without
    one (plain, a session, TRUSTLOG_PASSPHRASE), else as kept readable (None if not).

    Only a passphrase not to be had turns to the readable copy, unless `whatever` (help
    safety, which shows its page whatever is wrong): a damaged file is named, as ever.
    """
    asked, state.no_input = state.no_input, True
    try:
        return domain.list_contacts(state.journal), None
    except TrustlogError as error:
        journal = state.journal
        if not journal.encrypted or not (whatever or isinstance(error, InputError)):
            raise
        return None, domain.read_readable(journal)
    finally:
        state.no_input = asked


@app.command("remove")
def remove(
    ctx: typer.Context,
    number: Annotated[
        str, typer.Argument(metavar="N", help="The contact's number, as `support list` shows it.")
    ],
    json: Annotated[bool, options.json_flag("Print the removed contact as JSON.")] = False,
) -> None:
    """Remove a support contact, by its number in `trustlog support list`."""
    state = get_state(ctx)
    render.contact_removed(state.output, domain.remove_contact(state.journal, number), json=json)
