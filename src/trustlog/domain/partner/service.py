"""The two of you: this journal's code, its one partner, shares made and received.

Nothing here reaches the partner's journal or any network: `share` makes a
file the person hands over as they like, `receive` reads one they were given.
Every change lands as one change of the journal, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from trustlog.domain.partner import store
from trustlog.domain.partner.agreed import agreed_by_both, mirrored
from trustlog.domain.partner.code import PartnerCode, parse
from trustlog.domain.partner.store import CHOSEN_KINDS, CONTRACT, KINDS, Held, Partner, Receipt
from trustlog.errors import InputError
from trustlog.storage.journal import Journal

WINDOW_DAYS = 28  # the default window: four weeks ending today
NEVER_GOES = (
    "private entries",
    "notes and the words of check-ins",
    "detective work",
    "arguments",
    "triggers",
)


def no_partner() -> InputError:
    return InputError(
        "There is no partner in this journal yet.",
        hint="Ask your partner for their code (`trustlog partner code` on their journal), "
        "then: trustlog partner add CODE",
    )


def require_partner(journal: Journal) -> Partner:
    partner = store.load_partner(journal)
    if partner is None:
        raise no_partner()
    return partner


# -- codes -----------------------------------------------------------------------


@dataclass
class CodeShown:
    code: str
    fingerprint: str


def partner_code(journal: Journal, now: datetime) -> CodeShown:
    from trustlog.domain.partner.keys import own_keys

    code = own_keys(journal, now, giving=True).code
    return CodeShown(code.text, code.fingerprint)


@dataclass
class Added:
    name: str | None
    fingerprint: str
    replaced: Partner | None  # the partner this one took the place of


def add_partner(journal: Journal, text: str, name: str | None, now: datetime) -> Added:
    from trustlog.domain.partner.keys import own_keys

    code = parse(text)
    _check_recipient(code)
    given = name.strip() if name is not None and name.strip() else None
    if name is not None and given is None:
        raise InputError("--name: please give a name, or leave --name out.")
    mine = own_keys(journal, now).code
    if code.text == mine.text:
        raise InputError(
            "CODE: that is this journal's own code; please add your partner's "
            "(`trustlog partner code` on their journal)."
        )
    if given is None:
        from trustlog.domain.profile import load_profile

        given = load_profile(journal).partner
    with journal.writing():
        before = store.load_partner(journal)
        if before is not None and before.code != code.text:
            raise InputError(
                f"This journal already has a partner ({before.called}); it holds one.",
                hint="`trustlog partner remove` forgets them and everything they shared; "
                "then add the new code. Nothing was changed.",
            )
        kept = before.last if before is not None else None
        store.save_partner(journal, Partner(code.text, given, now, kept))
    return Added(given, code.fingerprint, before)


def _check_recipient(code: PartnerCode) -> None:
    import pyrage

    try:
        pyrage.x25519.Recipient.from_str(code.recipient)
    except pyrage.RecipientError:
        raise InputError(
            "CODE: that is not a whole partner code: its first part is not a key.",
            hint="Please copy the code again from `trustlog partner code` on your partner's "
            "journal. Nothing was saved.",
        ) from None


@dataclass
class Removed:
    partner: Partner | None
    files: int


def remove_partner(journal: Journal) -> Removed:
    with journal.writing():
        partner = store.load_partner_or_none(journal)
        files = store.forget(journal)
    return Removed(partner, files)


# -- sharing ----------------------------------------------------------------------


@dataclass
class ShareRequest:
    what: tuple[str, ...]
    apology: str | None
    start: date | None
    end: date | None


@dataclass
class SharePlan:
    """What a share will carry, for the preview and the file."""

    partner: Partner
    start: date
    end: date
    kinds: dict[str, Any]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def check_what(what: list[str] | None) -> tuple[str, ...]:
    chosen: list[str] = []
    for given in what or []:
        name = given.strip().lower()
        if name not in CHOSEN_KINDS:
            raise InputError(
                f"--what: '{given}' is not something a share can carry. "
                f"Choose from: {', '.join(CHOSEN_KINDS)} (and an apology with --apology ID)."
            )
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def window(start: date | None, end: date | None, today: date) -> tuple[date, date]:
    if end is not None and end > today:
        raise InputError(f"--to {end.isoformat()} is in the future; a share holds what happened.")
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start.isoformat()} is after --to {end.isoformat()}.")
    last = end or (max(today, start) if start is not None else today)
    if start is not None and start > today:
        raise InputError(
            f"--from {start.isoformat()} is in the future; a share holds what happened."
        )
    first = start or last - timedelta(days=WINDOW_DAYS - 1)
    return first, last


def plan_share(journal: Journal, request: ShareRequest, today: date) -> SharePlan:
    from trustlog.domain.partner.gather import count, gather

    partner = require_partner(journal)
    start, end = window(request.start, request.end, today)
    what = request.what or (() if request.apology else ("promises",))
    kinds = gather(journal, what, request.apology, start, end)
    counts = {kind: count(kind, items) for kind, items in kinds.items()}
    return SharePlan(partner, start, end, kinds, counts)


def seal_share(journal: Journal, plan: SharePlan, now: datetime) -> bytes:
    from trustlog.domain.partner.envelope import seal
    from trustlog.domain.partner.keys import own_keys

    keys = own_keys(journal, now, giving=True)  # the partner checks it with this code
    return seal(keys, parse(plan.partner.code), now, plan.start, plan.end, plan.kinds)


# -- receiving --------------------------------------------------------------------


@dataclass
class Received:
    partner: Partner
    made: datetime
    items: dict[str, int]
    new: int
    replaced: int
    start: date  # the share's window
    end: date
    ignored: list[str] = field(default_factory=list)  # kinds older than what was held


def receive(journal: Journal, data: bytes, now: datetime) -> Received:
    """Open, check and keep a share: each kind it carries that is newer than the one held."""
    from trustlog.domain.partner.envelope import open_envelope
    from trustlog.domain.partner.gather import count
    from trustlog.domain.partner.keys import load_keys

    partner = require_partner(journal)
    keys = load_keys(journal)
    if keys is None:
        raise InputError(
            "This share was refused: this journal has no partner code yet, so nothing "
            "can have been made for it.",
            hint="`trustlog partner code` makes yours; give it to your partner. "
            "Nothing was stored.",
        )
    opened = open_envelope(data, keys, parse(partner.code), partner.called)
    _check_shapes(opened.kinds)
    opened.kinds = {kind: opened.kinds[kind] for kind in KINDS if kind in opened.kinds}
    items = {kind: count(kind, value) for kind, value in opened.kinds.items()}
    with journal.writing():
        partner = require_partner(journal)  # as it stands under the lock
        new = replaced = 0
        ignored: list[str] = []
        stored = False
        for kind, value in opened.kinds.items():
            held = store.load_kind(journal, kind)
            if held is not None and held.made >= opened.made:
                ignored.append(kind)
                continue
            fresh, again = _compare(kind, held.items if held else None, value)
            if kind == store.APOLOGY and held is not None:
                value = _merged_apologies(held.items, value)
            new, replaced = new + fresh, replaced + again
            store.save_kind(journal, kind, Held(opened.made, now, opened.start, opened.end, value))
            stored = True
        if stored:
            partner.last = Receipt(now, opened.made, opened.start, opened.end, items)
            store.save_partner(journal, partner)
    return Received(partner, opened.made, items, new, replaced, opened.start, opened.end, ignored)


def _key(kind: str, item: dict[str, Any]) -> str:
    for name in ("id", "date", "week"):
        if name in item:
            return str(item[name])
    return repr(sorted(item.items()))


def _compare(kind: str, held: Any, value: Any) -> tuple[int, int]:
    """How many items are new to this journal, and how many take the place of one held."""
    if kind == CONTRACT:
        if held is None:
            return 1, 0
        return (0, 1) if held.get("revision") == value.get("revision") else (1, 0)
    before = {_key(kind, item) for item in held or []}
    keys = [_key(kind, item) for item in value]
    again = sum(1 for key in keys if key in before)
    return len(keys) - again, again


def _merged_apologies(held: list[dict[str, Any]], value: list[dict[str, Any]]) -> list[Any]:
    """Apologies add up: a newer share of one replaces that one, and keeps the others."""
    ids = {item.get("id") for item in value}
    return [item for item in held if item.get("id") not in ids] + value


def _check_shapes(kinds: dict[str, Any]) -> None:
    for kind, value in kinds.items():
        if kind == CONTRACT:
            good = isinstance(value, dict)
        else:
            good = isinstance(value, list) and all(isinstance(item, dict) for item in value)
        if not good:
            raise InputError(
                f"This share was refused: its {kind} are not in a form this version reads.",
                hint="It may come from a newer trustlog: updating trustlog may help. "
                "Nothing was stored.",
            )


# -- seeing the other side -----------------------------------------------------------


@dataclass
class Shown:
    """What the partner shared, with this journal's own lines beside it."""

    partner: Partner
    fingerprint: str
    kinds: dict[str, Held]
    mine: list[dict[str, Any]]  # this journal's own mood and trust, per day, for the lines
    my_contract: dict[str, Any] | None
    agreed_by_both: date | None
    today: date


def show_partner(journal: Journal, today: date) -> Shown:
    from trustlog.domain.contract.service import current_contract
    from trustlog.domain.partner.code import fingerprint
    from trustlog.domain.partner.gather import checkins, contract_item

    partner = require_partner(journal)
    held = {kind: found for kind in KINDS if (found := store.load_kind(journal, kind)) is not None}
    mine: list[dict[str, Any]] = []
    if store.CHECKINS in held:
        mine = checkins(journal, held[store.CHECKINS].start, held[store.CHECKINS].end)
    own = current_contract(journal)
    return Shown(
        partner=partner,
        fingerprint=fingerprint(partner.code),
        kinds=held,
        mine=mine,
        my_contract=contract_item(own) if own is not None else None,
        agreed_by_both=agreed_by_both(journal, own),
        today=today,
    )


# -- the contract both hold ----------------------------------------------------------


@dataclass
class Agreed:
    partner: Partner
    written: Any  # contract.service.Written
    agreed_by_both: date | None


def agree_contract(journal: Journal, now: datetime) -> Agreed:
    from trustlog.domain.contract.service import ContractDraft, write_contract

    partner = store.load_partner(journal)
    held = store.load_kind(journal, CONTRACT) if partner is not None else None
    if partner is None or held is None:
        raise InputError(
            "There is no contract from your partner to agree to yet.",
            hint="When they share it (`trustlog share --what contract`), "
            "`trustlog receive FILE` brings it in.",
        )
    theirs = mirrored(held.items)
    draft = ContractDraft(
        mine=theirs["mine"] or [],
        theirs=theirs["theirs"] or [],
        support=theirs["support"] or "",
        breaks=theirs["breaks"] or "",
        revisit=None,
    )
    written = write_contract(journal, draft, now, revisit=date.fromisoformat(theirs["revisit"]))
    return Agreed(partner, written, agreed_by_both(journal, written.contract))
