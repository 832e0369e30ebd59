"""Support contacts for people, and as JSON; and the page of `trustlog help safety`."""

from __future__ import annotations

from trustlog.domain.support import EXAMPLE, READABLE_FILE, Contact, Readable
from trustlog.render import layout
from trustlog.render.output import Output
from trustlog.render.safe import visible
from trustlog.storage.crypt import READABLE_FOLDER

HOW_TO_ADD = f"To add the people you can call, and your local emergency number: {EXAMPLE}"


def contact_added(output: Output, contact: Contact, json: bool = False) -> None:
    if json:
        output.json(contact.to_json())
        return
    from trustlog.render.console import Text

    output.err.print(Text(f"Saved as contact {contact.number}: {contact.support.text}"))
    output.err.print(Text("They are shown first in: trustlog help safety", style="muted"))


KEPT_READABLE = "kept readable while your journal is locked"
MAY_HAVE_CHANGED = (
    "They may have changed since this list was kept: `trustlog unlock` shows the latest."
)


def contact_list(
    output: Output,
    contacts: list[Contact] | None,
    kept: Readable | None,
    readable: bool,
    json: bool = False,
) -> None:
    """The contacts from the journal, or (`contacts` None) as kept readable while locked."""
    texts = (
        [(c.number, c.support.text) for c in contacts]
        if contacts is not None
        else list(enumerate(kept.contacts if kept else [], 1))
    )
    if json:
        shown = (
            [contact.to_json() for contact in contacts]
            if contacts is not None
            else [{"n": n, "text": text} for n, text in texts]
        )
        output.json({"contacts": shown, "readable_when_locked": readable})
        return
    if not texts:
        output.say(f"No support contacts yet. {HOW_TO_ADD}")
        return
    from trustlog.render.console import Text

    for number, text in texts:
        output.out.print(Text(f"{number}. {text}"))
    if kept is not None:
        output.err.print(Text(f"({KEPT_READABLE[0].upper()}{KEPT_READABLE[1:]}.)", style="muted"))
        if not kept.current:
            output.err.print(Text(MAY_HAVE_CHANGED, style="muted"))


def readable_set(
    output: Output, on: bool, changed: bool, encrypted: bool, json: bool = False
) -> None:
    if json:
        output.json({"readable_when_locked": on, "changed": changed})
        return
    already = "Your" if changed else "Already so: your"
    if on:
        when = "while your journal is locked" if encrypted else "once your journal is encrypted"
        output.say(
            f"{already} support contacts stay readable {when}, on this device, so "
            "`trustlog help safety` shows them without the passphrase. Anyone who can open "
            f"your files here can read them too ({READABLE_FOLDER}/{READABLE_FILE}). "
            "`trustlog support readable off` stops that."
        )
    else:
        output.say(
            f"{already} support contacts are kept only in your journal: while it is "
            "encrypted and locked, they need the passphrase."
        )


def contact_removed(output: Output, contact: Contact, json: bool = False) -> None:
    if json:
        output.json(contact.to_json())
        return
    from trustlog.render.console import Text

    output.err.print(Text(f"Removed contact {contact.number}: {contact.support.text}"))


def safety_page(
    contacts: list[Contact] | None, guide: str, columns: int | None, kept: Readable | None = None
) -> str:
    """`trustlog help safety`: the person's contacts first, then the guide's words.

    `contacts` is None when a locked journal keeps them out of reach: the page shows
    them as kept readable (`kept`), or says how to see them.
    """
    if contacts is None and kept is not None and kept.contacts:
        lines = [f"Your support contacts ({KEPT_READABLE}):"]
        lines += [f"  {n}. {visible(text)}" for n, text in enumerate(kept.contacts, 1)]
        if not kept.current:
            lines.append(MAY_HAVE_CHANGED)
    elif contacts is None and kept is not None:
        lines = ["You have no support contacts saved yet.", HOW_TO_ADD]
    elif contacts is None:
        lines = [
            "Your support contacts are in your encrypted journal: "
            "`trustlog unlock` shows them here. (`trustlog support readable on` keeps them "
            "readable while it is locked.)"
        ]
    elif contacts:
        lines = ["Your support contacts:"]
        lines += [f"  {contact.number}. {visible(contact.support.text)}" for contact in contacts]
        lines.append("(trustlog support add TEXT adds another; support list shows them.)")
    else:
        lines = ["You have no support contacts saved yet.", HOW_TO_ADD]
    return layout.wrap("\n".join(lines) + "\n\n" + guide, columns)
