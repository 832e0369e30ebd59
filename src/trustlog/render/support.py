"""Support contacts for people, and as JSON; and the page of `trustlog help safety`."""

from __future__ import annotations

from trustlog.domain.support import EXAMPLE, Contact
from trustlog.render import layout
from trustlog.render.output import Output
from trustlog.render.safe import visible

HOW_TO_ADD = f"To add the people you can call, and your local emergency number: {EXAMPLE}"


def contact_added(output: Output, contact: Contact, json: bool = False) -> None:
    if json:
        output.json(contact.to_json())
        return
    from trustlog.render.console import Text

    output.err.print(Text(f"Saved as contact {contact.number}: {contact.support.text}"))
    output.err.print(Text("They are shown first in: trustlog help safety", style="muted"))


def contact_list(output: Output, contacts: list[Contact], json: bool = False) -> None:
    if json:
        output.json([contact.to_json() for contact in contacts])
        return
    if not contacts:
        output.say(f"No support contacts yet. {HOW_TO_ADD}")
        return
    from trustlog.render.console import Text

    for contact in contacts:
        output.out.print(Text(f"{contact.number}. {contact.support.text}"))


def contact_removed(output: Output, contact: Contact, json: bool = False) -> None:
    if json:
        output.json(contact.to_json())
        return
    from trustlog.render.console import Text

    output.err.print(Text(f"Removed contact {contact.number}: {contact.support.text}"))


def safety_page(contacts: list[Contact] | None, guide: str, columns: int | None) -> str:
    """`trustlog help safety`: the person's contacts first, then the guide's words.

    `contacts` is None when a locked journal keeps them out of reach: the page is
    shown all the same, and says how to see them.
    """
    if contacts is None:
        lines = [
            "Your support contacts are in your encrypted journal: "
            "`trustlog unlock` shows them here."
        ]
    elif contacts:
        lines = ["Your support contacts:"]
        lines += [f"  {contact.number}. {visible(contact.support.text)}" for contact in contacts]
        lines.append("(trustlog support add TEXT adds another; support list shows them.)")
    else:
        lines = ["You have no support contacts saved yet.", HOW_TO_ADD]
    return layout.wrap("\n".join(lines) + "\n\n" + guide, columns)
