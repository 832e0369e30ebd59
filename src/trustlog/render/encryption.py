"""What `trustlog encrypt`, `decrypt`, `unlock` and `lock` say, and their JSON."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from trustlog.domain.encryption import Converted, Unlocked
from trustlog.render import words
from trustlog.render.output import Output
from trustlog.render.progress import Told, bar


@contextmanager
def converting(output: Output, doing: str) -> Iterator[Told]:
    """How far `encrypt` or `decrypt` has got (`doing`: "Encrypting"): a bar in a
    terminal, else one line saying how many files there are to do."""
    with bar(output, doing) as shown:
        if shown is not None:
            yield shown
            return

        def said(done: int, total: int) -> None:
            if done == 0 and total:
                output.tell(f"{doing} {words.count(total, 'file')}, one at a time...")

        yield said


def short_passphrase(output: Output, enough: int) -> None:
    output.tell(
        f"Note: this passphrase is shorter than {enough} characters, so someone who gets "
        "the files could guess it in time. A longer one, four or five random words, is much "
        "harder; `trustlog decrypt` then `trustlog encrypt` changes it."
    )


def encrypted(output: Output, done: Converted, readable: bool, json: bool = False) -> None:
    if json:
        output.json(
            {
                "encrypted": done.files,
                "already": done.already,
                "resumed": done.resumed,
                "support_readable": readable,
            }
        )
        return
    _encrypted_words(output, done)
    if readable:
        output.say(
            "Your support contacts stay readable while it is locked, on this device "
            "(`trustlog support readable off` stops that)."
        )


def _encrypted_words(output: Output, done: Converted) -> None:
    if done.resumed and not done.files:
        output.say("Your journal was already encrypted; nothing needed doing.")
        return
    if not done.files:
        output.say(
            "Your journal is encrypted: everything it saves from now on is encrypted. "
            "Each command asks for the passphrase, or `trustlog unlock` opens it for a while."
        )
        return
    finished = " (finishing the run that was interrupted)" if done.resumed else ""
    output.say(
        f"Encrypted {words.count(done.files, 'file')}{finished}. "
        "Each command now asks for the passphrase, or "
        "`trustlog unlock` opens it for a while. Keep the passphrase safe: without it, "
        "nobody can read these files, not even you."
    )


def decrypted(output: Output, done: Converted, json: bool = False) -> None:
    if json:
        output.json({"decrypted": done.files, "already": done.already, "resumed": done.resumed})
        return
    finished = " (finishing the run that was interrupted)" if done.resumed else ""
    output.say(
        f"Decrypted {words.count(done.files, 'file')}{finished}. Your journal is plain text "
        "again: its folder is still yours alone, but anyone using this account can read it."
    )


def unlocked(output: Output, session: Unlocked, json: bool = False) -> None:
    if json:
        output.json({"expires": session.expires.isoformat(), "minutes": session.minutes})
        return
    output.say(
        f"Unlocked until {session.expires.astimezone():%H:%M} "
        f"({words.minutes(session.minutes)}). `trustlog lock` locks it sooner."
    )


def locked(output: Output, was_open: bool, encrypted: bool, json: bool = False) -> None:
    if json:
        output.json({"ended": was_open})
        return
    if was_open:
        output.say("Locked. The next command asks for the passphrase.")
    elif encrypted:
        output.say("No session was open; the journal is locked.")
    else:
        output.say("Your journal is not encrypted, so there is nothing to lock.")
